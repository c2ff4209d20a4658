"""probis_cli.lint.rules."""
