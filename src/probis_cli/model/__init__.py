"""probis_cli.model."""
