"""The in-memory session gives the findings of a cold ``probis validate`` after every change."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


# -- random edit sequences: the session never drifts from a cold run --------------------

FILES = sorted(
    p.relative_to(EXAMPLES / "kota-bermasalah").as_posix() for p in (EXAMPLES / "kota-bermasalah").rglob("*.yaml")
)
EDITS = ["typo", "append_key", "break_yaml", "restore"]
Step = tuple[str, str, bool]  # (edit, file, saved to disk or only in the editor buffer)
steps = st.lists(st.tuples(st.sampled_from(EDITS), st.sampled_from(FILES), st.booleans()), min_size=1, max_size=4)


def _edited(original: str, edit: str) -> str:
    if edit == "typo":
        return original.replace("kode: ", "kode: X", 1)
    if edit == "append_key":
        return original + "kunci_asing: 1\n"
    if edit == "break_yaml":
        return original + "\n  - [\n"
    return original


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=steps)
def test_random_edit_sequences_match_a_cold_run(sequence: list[Step]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        disk = Path(tmp, "disk").resolve()
        mirror = Path(tmp, "mirror").resolve()  # what the session should see: disk + open buffers
        shutil.copytree(EXAMPLES / "kota-bermasalah", disk)
        shutil.copytree(EXAMPLES / "kota-bermasalah", mirror)
        session = Session.open(disk, use_cache=False)
        for edit, rel, save in sequence:
            text = _edited((EXAMPLES / "kota-bermasalah" / rel).read_text(), edit)
            (mirror / rel).write_text(text)
            if save:
                session.close_buffer(disk / rel)
                (disk / rel).write_text(text)
                session.files_changed([disk / rel])
            else:
                session.set_buffer(disk / rel, text)
            assert session.check().result.findings == cold(mirror)


def test_quick_findings_of_one_edited_file(tmp_path: Path) -> None:
    root = (tmp_path / "repo").resolve()
    shutil.copytree(EXAMPLES / "kota-bermasalah", root)
    session = Session.open(root, use_cache=False)
    assert session.quick_findings(root / "opd/dpmptsp.yaml") is None  # nothing checked yet
    session.check()
    path = root / "opd/dpmptsp.yaml"
    assert session.set_buffer(path, path.read_text() + "kunci_asing: 1\n")
    quick = session.quick_findings(path)
    assert quick is not None
    rel, found = quick
    assert rel == "opd/dpmptsp.yaml"
    codes = {f.code for f in found}
    assert "S002" in codes and "T001" in codes  # its own schema error at once, the rules' from before
    full = [f for f in session.check().result.findings if f.location.path == rel]
    # The file's own findings are final; the others were the last check's (here the broken OPD
    # drops out of the index, and its overlap with it, once the whole check has run).
    own = [f for f in found if f.code.startswith(("Y", "S"))]
    assert own == [f for f in full if f.code.startswith(("Y", "S"))]
