"""What a reviewer must not miss: SOP steps added / removed / reordered, a process losing its
link to the plan, a kegiatan released, a document that no longer reads."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from probis_cli.diff.model import DiffResult
from probis_cli.diff.run import run_diff
from tests.diff.scenario import DATA

Scenario = tuple[Path, list[str]]


def _edit(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def _highlights(result: DiffResult, kode: str) -> list[tuple[str, dict[str, object]]]:
    return [(m.id, dict(m.args)) for c in result.changes if c.kode == kode for m in c.highlights]


@pytest.fixture
def clone(scenario: Scenario, tmp_path: Path) -> Path:
    top, _ = scenario
    out = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(top), str(out)], check=True)
    return out / DATA


def test_sop_steps_added_removed_reordered(clone: Path) -> None:
    a = "Mencatat permohonan dalam register PATEN dan meneruskannya kepada Kasi Trantib"
    b = "Mengkaji dampak ketenteraman, ketertiban, dan lalu lintas di lokasi kegiatan"
    _edit(
        clone / "sop/kec-sukamaju/SOP-KEC-001.yaml",
        (f"kegiatan: {a}\n", "kegiatan: @@A@@\n"),
        (f"kegiatan: {b}\n", f"kegiatan: {a}\n"),
        ("kegiatan: @@A@@\n", f"kegiatan: {b}\n"),
        (
            "kegiatan: Memberi nomor dan cap dinas lalu menyerahkan surat kepada pemohon\n",
            "kegiatan: Memberi nomor surat melalui aplikasi SRIKANDI\n",
        ),
    )
    result = run_diff(clone, "HEAD", use_cache=False, env={})
    found = _highlights(result, "SOP-KEC-001")
    assert ("diff.hl.step_added", {"step": "11. Memberi nomor surat melalui aplikasi SRIKANDI"}) in found
    assert (
        "diff.hl.step_removed",
        {"step": "11. Memberi nomor dan cap dinas lalu menyerahkan surat kepada pemohon"},
    ) in found
    reordered = [args for key, args in found if key == "diff.hl.steps_reordered"]
    assert reordered == [{"before": "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12", "after": "1, 2, 3, 5, 4, 6, 7, 8, 9, 10, 12"}]


def test_process_losing_its_link_to_the_plan(clone: Path) -> None:
    _edit(clone / "proses/setda/PB.10.yaml", ("kegiatan: [4.01.02.2.03]\n", "kegiatan: []\n"))
    _edit(
        clone / "proses/setda/PB.10.01.yaml",
        ("kegiatan:\n  - 4.01.02.2.03.0001   # Fasilitasi Penyusunan Produk Hukum Daerah\n", "kegiatan: []\n"),
    )
    result = run_diff(clone, "HEAD", use_cache=False, env={})
    assert [key for key, _ in _highlights(result, "PB.10.01")] == ["diff.hl.plan_link_lost"]
    assert [key for key, _ in _highlights(result, "PB.10")] == ["diff.hl.plan_link_lost"]
    assert {f.code for f in result.introduced} >= {"K004"}


def test_kegiatan_released(scenario: Scenario) -> None:
    top, commits = scenario
    result = run_diff(top / DATA, commits[5], commits[4], use_cache=False, env={})
    assert _highlights(result, "1.02.02.2.02") == [
        (
            "diff.hl.kegiatan_released",
            {
                "opd": "DPMPTSP",
                "kode": "1.02.02.2.02",
                "nama": "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
            },
        )
    ]
    assert sorted(f.code for f in result.resolved) == ["K005", "T001", "T004"]


def test_a_document_that_no_longer_reads_is_not_reported_removed(clone: Path) -> None:
    _edit(clone / "sop/kec-sukamaju/SOP-KEC-001.yaml", ("langkah:\n", "langkah: [\n"))
    result = run_diff(clone, "HEAD", use_cache=False, env={})
    change = next(c for c in result.changes if c.kode == "SOP-KEC-001")
    assert (change.action, [m.id for m in change.highlights]) == ("diubah", ["diff.hl.unreadable"])
    assert "Y001" in {f.code for f in result.introduced}


def test_a_huge_file_in_a_commit_is_not_read(clone: Path) -> None:
    from tests.diff.scenario import git

    (clone / "sop/besar.yaml").write_bytes(b"# " + b"x" * (9 * 1024 * 1024) + b"\n")
    git(clone.parent, "add", "-A")
    git(clone.parent, "commit", "-q", "-m", "besar")
    result = run_diff(clone, "HEAD~1", "HEAD", use_cache=False, env={})
    assert [(f.code, f.location.path) for f in result.introduced] == [("Y009", "sop/besar.yaml")]
