"""probis_cli.source."""
