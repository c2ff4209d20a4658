"""probis_cli.cli."""
