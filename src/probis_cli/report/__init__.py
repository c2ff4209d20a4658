"""probis_cli.report."""
