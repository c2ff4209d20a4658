"""probis_cli.lint."""
