"""Fixtures of the CI template tests."""

from tests.cli.conftest import Run, cli  # noqa: F401 - the fixture is used by name
from tests.diff.conftest import scenario  # noqa: F401 - the fixture is used by name
