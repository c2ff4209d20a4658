"""``probis codeowners``: teams from pengaturan.review.tim; paths relative to the git top."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.conftest import CheckGolden

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"
TEAMS = """
  review:
    tim:
      bagian_organisasi: "@kota-contoh/bagian-organisasi"
      opd:
        dinkes: "@kota-contoh/dinkes"
        disdukcapil: ["@kota-contoh/disdukcapil", "admin.dukcapil@kota-contoh.go.id"]
        setda: "@kota-contoh/setda"
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data, ignore=shutil.ignore_patterns(".probis-cache"))
    text = (data / "probis.yaml").read_text(encoding="utf-8")
    if "\npengaturan:\n" in text:
        text = text.replace("\npengaturan:\n", "\npengaturan:" + TEAMS, 1)
    else:
        text += "\npengaturan:" + TEAMS
    (data / "probis.yaml").write_text(text, encoding="utf-8")
    return data


def test_codeowners_golden(repo: Path, cli: Callable[..., Run], golden: CheckGolden) -> None:
    run = cli("codeowners", str(repo))
    assert run.exit_code == 0, run.stderr
    golden("CODEOWNERS", run.stdout)


def test_paths_are_relative_to_the_git_top(repo: Path, cli: Callable[..., Run]) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(repo.parent)], check=True)
    out = repo.parent / ".github" / "CODEOWNERS"
    run = cli("codeowners", str(repo), "--output", str(out))
    assert run.exit_code == 0, run.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "/data/** @kota-contoh/bagian-organisasi" in lines
    assert "/data/proses/dinkes/ @kota-contoh/dinkes" in lines
    assert lines[-2:] == [
        "/data/probis.yaml @kota-contoh/bagian-organisasi",
        "/data/rpjmd.yaml @kota-contoh/bagian-organisasi",
    ]


def test_without_teams_a_clear_error(cli: Callable[..., Run]) -> None:
    run = cli("codeowners", str(EXAMPLE))
    assert run.exit_code == 2
    assert "pengaturan.review.tim" in run.stderr


def test_an_owner_cannot_inject_a_rule(repo: Path, cli: Callable[..., Run]) -> None:
    path = repo / "probis.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"@kota-contoh/setda"', '"@x * @attacker"'), encoding="utf-8"
    )
    run = cli("validate", str(repo))
    assert run.exit_code == 1
    assert "S004" in run.stdout or "S005" in run.stdout
