"""The in-memory session gives the findings of a cold ``probis validate`` after every change."""

from __future__ import annotations

import shutil
from pathlib import Path

from probis_cli import api
from probis_cli.findings import Finding
from probis_cli.session import Session

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def cold(root: Path) -> list[Finding]:
    return api.check(api.load(root, use_cache=False)).findings


def test_changes_give_the_findings_of_a_cold_run(tmp_path: Path) -> None:
    root = (tmp_path / "repo").resolve()
    shutil.copytree(EXAMPLES / "kota-bermasalah", root)
    session = Session.open(root, use_cache=False)
    assert session.check().result.findings == cold(root)

    # An editor buffer (unsaved), then the same text saved.
    proses = next(p for p in sorted(root.glob("proses/**/*.yaml")))
    edited = proses.read_text() + "kunci_asing: 1\n"
    assert session.set_buffer(proses, edited)
    proses.write_text(edited)
    assert session.check().result.findings == cold(root)
    assert not session.close_buffer(proses)  # the disk now holds the same text

    # A file removed, one added, one made unreadable YAML — all on disk.
    removed = next(p for p in sorted(root.glob("sop/**/*.yaml")))
    removed_text = removed.read_text()
    removed.unlink()
    added = root / "sop" / "baru.yaml"
    added.write_text(removed_text.replace("jenis: sop", "jenis: sop\n# salinan"))
    broken = next(p for p in sorted(root.glob("opd/*.yaml")))
    broken.write_text(broken.read_text() + "\n  : [\n")
    assert session.files_changed([removed, added, broken])
    assert session.check().result.findings == cold(root)

    # Unchanged: the same snapshot, nothing recomputed.
    before = session.check()
    assert not session.files_changed([proses])
    assert session.check() is before


def test_a_buffer_outside_the_repository_is_ignored(tmp_path: Path) -> None:
    root = (tmp_path / "repo").resolve()
    shutil.copytree(EXAMPLES / "kota-contoh", root)
    session = Session.open(root, use_cache=False)
    outside = tmp_path / "outside.yaml"
    assert not session.set_buffer(outside, "probis: 1\njenis: opd\n")
    assert session.check().result.findings == []
