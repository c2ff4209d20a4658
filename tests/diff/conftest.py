"""The review scenario repository, built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import Run, cli  # noqa: F401 - the fixture is used by name
from tests.diff.scenario import build


@pytest.fixture(scope="session")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """(git top folder, commit ids oldest first); the probis data is in ``top/pemda``."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    top = tmp_path_factory.mktemp("review") / "repo"
    top.mkdir()
    return top, build(top)
