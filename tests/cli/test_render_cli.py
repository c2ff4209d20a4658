"""``probis render`` through the CLI: every kind, determinism, skipping, --check, engines."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import EXAMPLE, Run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A private copy of examples/kota-contoh (renders write caches into the repository)."""
    target = tmp_path / "kota"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_renders_every_kind_with_the_wasm_engine(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cli("render", str(repo), "--out", str(out), "--format", "svg", "--engine", "wasm")
    assert run.exit_code == 0, run.stdout + run.stderr
    files = _files(out)
    for prefix in ("hierarki/pemda.svg", "hierarki/opd/", "peta/level-0/pemda.svg", "peta/level-n/", "lintas-fungsi/", "relasi/pemda.svg", "relasi/proses/", "index.md"):
        assert any(name.startswith(prefix) for name in files), prefix
    drafts = [n for n in files if n.startswith("sop/") and n.endswith(".md")]
    flows = [n for n in files if n.startswith("sop/") and n.endswith(".svg")]
    assert len(drafts) == 17 and len(flows) >= 17
    assert "WebAssembly" in run.stderr
    assert "berkas ditulis" in run.stderr
    svg = files["peta/level-0/pemda.svg"].decode()
    assert svg.startswith("<?xml") and "Helvetica" in svg
    # The drafts embed flowcharts that exist.
    draft = files[drafts[0]].decode()
    image = draft.split("](", 1)[1].split(")", 1)[0]
    assert (out / "sop" / image).is_file()


def test_output_is_byte_identical_and_dot_needs_no_engine(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    # No engine is usable ("system" with no dot on PATH is forced off), yet DOT and Markdown render.
    env = {"PATH": str(tmp_path / "empty-bin")}
    assert cli("render", str(repo), "--out", str(a), "--format", "dot", "--engine", "system", env=env).exit_code == 0
    assert cli("render", str(repo), "--out", str(b), "--format", "dot", "--no-cache", env=env).exit_code == 0
    assert _files(a) == _files(b)
    assert any(name.endswith(".dot") for name in _files(a))


def test_missing_engine_is_a_clear_error(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    run = cli("render", str(repo), "--out", str(tmp_path / "o"), "--format", "svg", "--engine", "system", env={"PATH": str(tmp_path)})
    assert run.exit_code == 2
    assert "dot" in run.stderr and "Traceback" not in run.stderr


def test_second_run_skips_and_one_change_rebuilds_only_what_reads_it(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    again = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert "0 berkas ditulis" in again.stderr
    process = repo / "proses" / "dinkes" / "PB.02.01.01.yaml"
    process.write_text(process.read_text(encoding="utf-8").replace("nama: Pelayanan Imunisasi Dasar", "nama: Pelayanan Imunisasi Dasar Lengkap", 1), encoding="utf-8")
    changed = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert changed.exit_code == 0
    written = int(changed.stderr.split(" berkas ditulis")[0].split()[-1])
    assert 0 < written < 40, changed.stderr
    # What the memo reused equals a render from scratch.
    fresh = tmp_path / "fresh"
    assert cli("render", str(repo), "--out", str(fresh), "--format", "dot", "--no-cache").exit_code == 0
    assert _files(out) == _files(fresh)


def test_check_detects_stale_and_hand_edited_outputs(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    assert cli("render", str(repo), "--out", str(out), "--format", "dot", "--check").exit_code == 0
    sop = repo / "sop" / "dinkes" / "SOP-DINKES-001.yaml"
    sop.write_text(sop.read_text(encoding="utf-8").replace("waktu: 5 menit", "waktu: 7 menit", 1), encoding="utf-8")
    stale = cli("render", str(repo), "--out", str(out), "--format", "dot", "--check")
    assert stale.exit_code == 1
    assert "sop/SOP-DINKES-001.md" in stale.stderr
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    (out / "index.md").write_text("diubah manual\n", encoding="utf-8")
    edited = cli("render", str(repo), "--out", str(out), "--format", "dot", "--check")
    assert edited.exit_code == 1 and "index.md" in edited.stderr


def test_selection_by_opd_keeps_other_outputs(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    before = _files(out)
    run = cli("render", str(repo), "--out", str(out), "--format", "dot", "--opd", "dinkes", "--force")
    assert run.exit_code == 0
    after = _files(out)
    assert set(after) == set(before)
    assert cli("render", str(repo), "--out", str(out), "--jenis", "tidak-ada").exit_code == 2


def test_english_documents(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cli("render", str(repo), "--out", str(out), "--format", "dot", "--lang", "en")
    assert run.exit_code == 0
    assert "files written" in run.stderr
    draft = (out / "sop" / "SOP-DINKES-001.md").read_text(encoding="utf-8")
    assert "Procedure" in draft or "Identity" in draft
