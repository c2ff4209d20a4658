"""The baseline: deterministic file, line-independent and count-aware matching, errors as P004."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.findings import Finding, Location, Message, Result, Severity
from probis_cli.lint.baseline import (
    DEFAULT_BASELINE,
    BaselineError,
    apply_baseline,
    baseline_path,
    dump_baseline,
    fingerprint_hash,
    parse_baseline,
    prepare_baseline,
)
from probis_cli.lint.rules import keterkaitan as kt
from tests.rules.conftest import swap, write_repo


def f(code: str = "K005", path: str = "opd/a.yaml", line: int = 1, **args: str) -> Finding:
    return Finding(
        code,
        "x",
        Severity.WARNING,
        Location(path, line, 1),
        Message.of("lint.K005.hit", **(args or {"kegiatan": "1"})),
    )


def test_dump_is_deterministic_and_counts() -> None:
    findings = [f(line=9), f(path="b.yaml"), f(line=3), f("P003")]
    text = dump_baseline(findings)
    assert text == dump_baseline(list(reversed(findings)))
    data = json.loads(text)
    assert data["probis_baseline"] == 1 and data["total"] == 3
    assert [(e["path"], e["count"]) for e in data["findings"]] == [("b.yaml", 1), ("opd/a.yaml", 2)]
    assert all("line" not in e for e in data["findings"])
    assert data["findings"][0]["fingerprint"] == fingerprint_hash(f(path="b.yaml"))
    assert text.endswith("\n")


def test_apply_is_line_independent_and_count_aware() -> None:
    baseline = parse_baseline(dump_baseline([f(line=1), f(line=2)]))
    now = [f(line=10), f(line=20), f(line=30), f(kegiatan="2")]
    kept, dropped = apply_baseline(now, baseline)
    assert dropped == 2
    assert [(x.location.line, dict(x.message.args)["kegiatan"]) for x in kept] == [(30, "1"), (1, "2")]


def test_never_baselined() -> None:
    baseline = parse_baseline(dump_baseline([f("P002"), f("P003"), f("P000")]))
    assert baseline.total == 0
    kept, dropped = apply_baseline([f("P002")], baseline)
    assert dropped == 0 and len(kept) == 1


@pytest.mark.parametrize(
    ("text", "message_id"),
    [
        ("{", "lint.baseline.not_json"),
        ("[]", "lint.baseline.bad_shape"),
        ('{"probis_baseline": 1, "findings": [{"count": 1}]}', "lint.baseline.bad_shape"),
        ('{"probis_baseline": 1, "findings": [{"fingerprint": "a", "count": -1}]}', "lint.baseline.bad_shape"),
        ('{"probis_baseline": 9, "findings": []}', "lint.baseline.version"),
    ],
)
def test_parse_errors(text: str, message_id: str) -> None:
    with pytest.raises(BaselineError) as info:
        parse_baseline(text)
    assert info.value.message_id == message_id


def test_paths(tmp_path: Path) -> None:
    assert baseline_path(tmp_path) == tmp_path / DEFAULT_BASELINE
    assert baseline_path(tmp_path, configured="ci/b.json") == tmp_path / "ci/b.json"
    assert baseline_path(tmp_path, option=tmp_path / "x.json", configured="ci/b.json") == tmp_path / "x.json"


def test_prepare_keeps_entries_this_run_could_not_see(tmp_path: Path) -> None:
    (tmp_path / DEFAULT_BASELINE).write_text(
        dump_baseline([f(path="lain.yaml"), f(path="opd/a.yaml")]), encoding="utf-8"
    )
    plan = prepare_baseline(
        tmp_path,
        [f(path="opd/a.yaml"), f(path="opd/a.yaml", line=5)],
        option=None,
        configured=None,
        covered=lambda path, code: path.startswith("opd/"),
    )
    data = json.loads(plan.text)
    assert {(e["path"], e["count"]) for e in data["findings"]} == {("lain.yaml", 1), ("opd/a.yaml", 2)}
    assert (plan.count, plan.files, plan.kept) == (2, 1, 1)


# -- through the engine ------------------------------------------------------------------------

BAD = kt.KegiatanTanpaProses.bad  # one K005


def load(root: Path) -> api.Loaded:
    return api.load(root, use_cache=False)


def write_baseline_for(root: Path, result: Result, name: str = DEFAULT_BASELINE) -> Path:
    path = root / name
    path.write_text(dump_baseline(result.findings), encoding="utf-8")
    return path


def test_engine_filters_baselined(tmp_path: Path) -> None:
    root = write_repo(BAD, tmp_path)
    first = api.check(load(root))
    assert [x.code for x in first.findings] == ["K005"]
    write_baseline_for(root, first)
    second = api.check(load(root))
    assert second.findings == [] and second.baselined == 1
    everything = api.check(load(root), api.CheckOptions(use_baseline=False))
    assert [x.code for x in everything.findings] == ["K005"] and everything.baselined == 0


def test_engine_reports_new_findings_only(tmp_path: Path) -> None:
    root = write_repo(BAD, tmp_path)
    write_baseline_for(root, api.check(load(root)))
    # Lines move (a comment on top) and a second uncovered kegiatan appears.
    more = swap(BAD, "# file: opd/dinkes.yaml\n", "# file: opd/dinkes.yaml\n# catatan\n# catatan\n")
    more = swap(
        more,
        "  - kode: 1.02.02.2.01\n",
        "  - kode: 1.02.02.2.03\n    nama: Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi\n  - kode: 1.02.02.2.01\n",
    )
    root2 = write_repo(more, tmp_path / "b")
    (root2 / DEFAULT_BASELINE).write_text((root / DEFAULT_BASELINE).read_text(encoding="utf-8"), encoding="utf-8")
    result = api.check(load(root2))
    assert result.baselined == 1
    assert [dict(x.message.args)["kegiatan"] for x in result.findings] == ["1.02.02.2.03"]


def test_configured_and_explicit_paths(tmp_path: Path) -> None:
    text = swap(
        BAD,
        "  - {kode: masyarakat, nama: Masyarakat}\n",
        "  - {kode: masyarakat, nama: Masyarakat}\npengaturan:\n  lint:\n    baseline: ci/baseline.json\n",
    )
    root = write_repo(text, tmp_path)
    first = api.check(load(root))
    (root / "ci").mkdir()
    write_baseline_for(root, first, "ci/baseline.json")
    assert api.check(load(root)).baselined == 1
    other = tmp_path / "elsewhere.json"
    other.write_text(dump_baseline([]), encoding="utf-8")
    assert api.check(load(root), api.CheckOptions(baseline=other)).baselined == 0


@pytest.mark.parametrize("content", [None, "not json"])
def test_unusable_baseline_is_p004(tmp_path: Path, content: str | None) -> None:
    root = write_repo(BAD, tmp_path)
    if content is None:
        options = api.CheckOptions(baseline=tmp_path / "missing.json")
    else:
        (root / DEFAULT_BASELINE).write_text(content, encoding="utf-8")
        options = api.CheckOptions()
    result = api.check(load(root), options)
    assert sorted(x.code for x in result.findings) == ["K005", "P004"]
    assert [x.severity for x in result.findings if x.code == "P004"] == [Severity.ERROR]
