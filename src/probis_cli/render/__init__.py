"""probis_cli.render."""
