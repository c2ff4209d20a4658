"""Sites built once per session from private copies of the examples."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from probis_cli.cli.localise import localise
from probis_cli.cli.main import build_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass(frozen=True)
class Site:
    """A repository copy and the site built from it."""

    repo: Path
    out: Path


def copy_example(name: str, target: Path) -> Path:
    """A private copy of ``examples/<name>`` (a build writes caches into the repository)."""
    shutil.copytree(EXAMPLES / name, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


def build_site(repo: Path, out: Path, *args: str) -> str:
    """Run ``probis situs`` in-process; the summary it printed."""
    localise("id")
    result = CliRunner().invoke(build_app("id"), ["situs", str(repo), "--out", str(out), *args], prog_name="probis")
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    return result.stderr


@pytest.fixture(scope="session")
def contoh_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site of examples/kota-contoh (clean: no findings)."""
    base = tmp_path_factory.mktemp("situs-contoh")
    repo = copy_example("kota-contoh", base / "repo")
    build_site(repo, base / "situs")
    return Site(repo, base / "situs")


@pytest.fixture(scope="session")
def bermasalah_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site of examples/kota-bermasalah (every rule fires)."""
    base = tmp_path_factory.mktemp("situs-bermasalah")
    repo = copy_example("kota-bermasalah", base / "repo")
    build_site(repo, base / "situs")
    return Site(repo, base / "situs")
