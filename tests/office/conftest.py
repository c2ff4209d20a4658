"""Fixtures of the Word/Excel tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A private copy of examples/kota-contoh."""
    target = tmp_path / "kota"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target
