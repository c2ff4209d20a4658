"""Allow ``python -m probis_cli``."""

from probis_cli.cli.main import run

run()
