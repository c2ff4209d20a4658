"""``probis laporan``: progress per OPD and Pemda; a golden file for every text format."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.laporan.compute import build_laporan
from tests.cli.conftest import Run
from tests.conftest import CheckGolden

ROOT = Path(__file__).resolve().parents[2]
BERMASALAH = ROOT / "examples" / "kota-bermasalah"
CONTOH = ROOT / "examples" / "kota-contoh"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy outside git: the last-change column stays blank, so goldens are stable."""
    target = tmp_path_factory.mktemp("laporan") / "kota-bermasalah"
    shutil.copytree(BERMASALAH, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


@pytest.mark.parametrize(
    ("fmt", "lang", "name"),
    [
        ("markdown", "id", "laporan.id.md"),
        ("markdown", "en", "laporan.en.md"),
        ("csv", "id", "laporan.csv"),
        ("json", "id", "laporan.json"),
        ("svg", "id", "laporan.id.svg"),
        ("svg", "en", "laporan.en.svg"),
        ("tabel", "id", "laporan.tabel.id.txt"),
    ],
)
def test_golden(
    cli: Callable[..., Run], golden: CheckGolden, repo: Path, tmp_path: Path, fmt: str, lang: str, name: str
) -> None:
    out = tmp_path / name
    run = cli("laporan", str(repo), "--format", fmt, "--output", str(out), "--lang", lang)
    assert run.exit_code == 0, run.stderr
    golden(f"{name}", out.read_text(encoding="utf-8"))


def test_numbers_follow_the_rules_and_the_findings(repo: Path) -> None:
    loaded = api.load(repo)
    result = api.check(loaded)
    report = build_laporan(loaded, result, git=False)
    rows = {r.kode: r for r in report.opd}
    # kota-bermasalah's README: Kec. Sukaraja's kegiatan have no process (K005), Dinkes has a
    # lowest-level process without SOP (K006) and SOPs with unmeasurable steps (M001/M002).
    assert (rows["kec-sukaraja"].kegiatan, rows["kec-sukaraja"].kegiatan_dilaksanakan) == (2, 0)
    assert rows["dinkes"].proses_dengan_sop < rows["dinkes"].proses_terendah
    assert rows["dinkes"].sop_terukur < rows["dinkes"].sop
    assert sum(report.pemda.temuan.values()) == len(result.findings)
    assert report.pemda.kegiatan == sum(r.kegiatan for r in report.opd)
    clean = build_laporan(api.load(CONTOH), api.check(api.load(CONTOH)), git=False)
    assert clean.pemda.kegiatan == clean.pemda.kegiatan_dilaksanakan > 0
    assert clean.pemda.sop == clean.pemda.sop_terukur == 17
    assert sum(clean.pemda.temuan.values()) == 0


def test_png_chart(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    assert cli("laporan", str(repo), "-f", "png", "-o", str(first)).exit_code == 0
    assert cli("laporan", str(repo), "-f", "png", "-o", str(second)).exit_code == 0
    data = first.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data == second.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    svg = tmp_path / "c.svg"
    assert cli("laporan", str(repo), "-f", "svg", "-o", str(svg)).exit_code == 0
    head = svg.read_text(encoding="utf-8").split("\n", 1)[0]
    assert f'width="{width}" height="{height}"' in head


def test_png_needs_an_output_and_formats_are_checked(cli: Callable[..., Run], repo: Path) -> None:
    run = cli("laporan", str(repo), "-f", "png")
    assert run.exit_code == 2 and "--output" in run.stderr
    run = cli("laporan", str(repo), "-f", "xlsx")
    assert run.exit_code == 2 and "xlsx" in run.stderr


def test_terminal_table_and_stdout(cli: Callable[..., Run], repo: Path) -> None:
    run = cli("laporan", str(repo))
    assert run.exit_code == 0
    assert "Dinkes" in run.stdout and "Sukaraja" in run.stdout and "16/19" in run.stdout
    run = cli("laporan", str(repo), "-f", "json")
    data = json.loads(run.stdout)
    assert data["pemda"]["nama"] == "Pemerintah Kota Bermasalah" and len(data["opd"]) == 10


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_last_change_from_git(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "kota"
    shutil.copytree(repo, target, ignore=shutil.ignore_patterns(".probis-cache"))
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bagian Organisasi",
        "GIT_AUTHOR_EMAIL": "organisasi@example.invalid",
        "GIT_COMMITTER_NAME": "Bagian Organisasi",
        "GIT_COMMITTER_EMAIL": "organisasi@example.invalid",
        "GIT_AUTHOR_DATE": "2026-01-05T10:00:00+07:00",
        "GIT_COMMITTER_DATE": "2026-01-05T10:00:00+07:00",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
    }

    def git(*args: str, date: str | None = None) -> None:
        extra = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
        subprocess.run(["git", "-C", str(target), *args], check=True, capture_output=True, env={**env, **extra})

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "awal")
    sop = target / "sop" / "dinkes" / "SOP-DINKES-001.yaml"
    sop.write_text(sop.read_text(encoding="utf-8") + "# direviu\n", encoding="utf-8")
    git("commit", "-q", "-am", "reviu SOP Dinkes", date="2026-02-10T09:00:00+07:00")
    report = build_laporan(api.load(target), api.check(api.load(target)))
    rows = {r.kode: r for r in report.opd}
    assert rows["dinkes"].perubahan_terakhir == "2026-02-10"
    assert rows["bappeda"].perubahan_terakhir == "2026-01-05"
    assert report.pemda.perubahan_terakhir == "2026-02-10"
