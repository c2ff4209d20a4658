"""Incremental checking gives exactly the findings of a cold run, after every edit."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from probis_cli import api
from probis_cli import session as session_module
from probis_cli.findings import Finding
from probis_cli.session import Session
from tests.incremental.repo import Edit, apply, edits, write_base


def cold(root: Path) -> list[Finding]:
    return api.check(api.load(root, use_cache=False)).findings


def saved(root: Path) -> list[Finding]:
    return api.check(api.load(root, use_cache=False, incremental=True)).findings


def stored(root: Path) -> list[Finding]:
    """The warm CLI path with every cache: the validated documents of unchanged files kept too."""
    return api.check(api.load(root, incremental=True)).findings


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits, min_size=1, max_size=8))
def test_random_edits_give_the_findings_of_a_cold_run(steps: list[Edit]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp).resolve()
        write_base(root)
        session = Session.open(root, use_cache=False)
        expected = cold(root)
        assert session.check().result.findings == expected
        assert saved(root) == expected
        assert stored(root) == expected
        for step in steps:
            session.files_changed([apply(root, step)])
            expected = cold(root)
            assert session.check().result.findings == expected, step
            # The warm CLI path: what the last run saved on disk, read back by a new load.
            assert saved(root) == expected, step
            assert stored(root) == expected, step


def test_the_base_repository_has_cross_file_findings(tmp_path: Path) -> None:
    """The property test starts from a repository where rules over several files fire."""
    write_base(tmp_path)
    codes = {f.code for f in cold(tmp_path)}
    assert {"M001", "M005", "K007", "S008"} <= codes


def test_an_unchanged_repository_runs_no_rule_again(tmp_path: Path) -> None:
    write_base(tmp_path)
    session = Session.open(tmp_path, use_cache=False)
    first = session.check().result.findings
    assert session.lint_cache.ran  # the first check ran every rule
    session.files_changed([tmp_path / "sop" / "f1.yaml"])
    session._dirty = True  # check again although nothing changed
    assert session.check().result.findings == first
    assert session.lint_cache.ran == []
    assert session.index_cache.reused == 5  # every process and SOP's reference checks


def test_an_edited_sop_reruns_only_what_reads_sops(tmp_path: Path) -> None:
    write_base(tmp_path)
    session = Session.open(tmp_path, use_cache=False)
    session.check()
    sop = tmp_path / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    session.files_changed([sop])
    assert session.check().result.findings == cold(tmp_path)
    ran = session.lint_cache.ran
    assert "M001:sop/f1.yaml" in ran and not any(r.startswith("M001:sop/f0") for r in ran)
    # Rules over SOPs run again; those over processes, OPD or the RPJMD alone do not.
    assert {r for r in ran if ":" not in r} <= {"K006", "K007", "K015", "K016", "T006", "M008"}


def test_a_quick_check_is_completed_by_the_next_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quick check leaves the rules over several documents whose inputs changed for later; the
    complete check that follows gives the cold run's findings."""
    monkeypatch.setattr(session_module, "SLOW_RULE", -1.0)  # every such rule counts as slow
    write_base(tmp_path)
    session = Session.open(tmp_path, use_cache=False)
    session.check()
    proses = tmp_path / "proses" / "f2.yaml"
    proses.write_text(proses.read_text().replace("kode: PB.02", "kode: PB.09"), encoding="utf-8")
    session.files_changed([proses])
    quick = session.check(quick=True)
    assert quick.partial and "K004" in session.lint_cache.deferred
    assert session.check(quick=True) is quick  # nothing changed since
    complete = session.check()
    assert not complete.partial and complete.result.findings == cold(tmp_path)
    assert complete.index is quick.index  # the same repository: only the deferred rules ran
    assert session.check() is complete


def _report(args: list[str]) -> tuple[str, object]:
    """What ``probis ARGS`` prints and its exit code (the early paths included, as a user runs it)."""
    import contextlib
    import io

    from probis_cli.cli.main import run

    out = io.StringIO()
    code: object = None
    with contextlib.redirect_stdout(out):
        try:
            run(args)
        except SystemExit as exc:
            code = exc.code
    return out.getvalue(), code


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(edits, st.booleans()), min_size=1, max_size=6))
def test_random_edits_through_the_command_line(steps: list[tuple[Edit, bool]]) -> None:
    """``probis validate`` as a user runs it, warm (the report kept, files' statuses believed —
    here with no racy margin, so that every status is — the check before typer, partial
    models), after every edit and touch: the report and exit code of a run without caches."""
    import os
    import time
    from unittest import mock

    from probis_cli import warm

    racy = mock.patch.object(warm, "RACY_NS", 0)
    with tempfile.TemporaryDirectory() as tmp, racy, mock.patch.object(warm, "STARTED_NS", 0):
        root = Path(tmp).resolve()
        write_base(root)
        args = ["validate", str(root), "--no-color"]
        for step, touch in [(None, False), (None, False), *steps]:
            if step is not None:
                changed = apply(root, step)
                others = sorted(p for p in root.rglob("*.yaml") if p != changed)
                if touch and others:
                    os.utime(others[0])  # a new status, the same bytes
            warm.STARTED_NS = time.time_ns()  # as if each run were a new process
            assert _report(args) == _report([*args, "--no-cache"]), step
