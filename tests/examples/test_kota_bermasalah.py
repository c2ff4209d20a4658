"""examples/kota-bermasalah: every lint rule fires, the program penunjang never does, goldens of all findings.

The example is a realistic Pemda repository full of the defects Bagian Organisasi finds in
real maps (see its README.md). Its findings are pinned as goldens in two formats and
languages; rewrite them with ``pytest --update-goldens`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.findings import Finding, Result
from probis_cli.i18n import Lang
from probis_cli.lint.registry import ALL_RULES
from probis_cli.report import REPORTERS, ReportContext
from tests.cli.conftest import Run, cli  # noqa: F401 - the fixture is used by name
from tests.conftest import CheckGolden

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = EXAMPLES / "kota-bermasalah"


@pytest.fixture(scope="module")
def loaded() -> api.Loaded:
    return api.load(EXAMPLE, use_cache=False)


@pytest.fixture(scope="module")
def result(loaded: api.Loaded) -> Result:
    return api.check(loaded)


def _context(loaded: api.Loaded, lang: Lang) -> ReportContext:
    return ReportContext(lang=lang, sources=loaded.source_texts(), root_name="kota-bermasalah", tool_version="golden")


def _is_penunjang(code: str) -> bool:
    parts = str(code).split(".")
    return len(parts) >= 3 and parts[2] == "01"


@pytest.mark.parametrize(
    ("fmt", "lang", "name"), [("json", "id", "findings.id.json"), ("text", "en", "findings.en.txt")]
)
def test_findings_golden(
    loaded: api.Loaded, result: Result, golden: CheckGolden, fmt: str, lang: Lang, name: str
) -> None:
    golden(f"{name}", REPORTERS[fmt](result, _context(loaded, lang)))


def test_every_rule_fires_and_penunjang_is_never_an_overlap(loaded: api.Loaded, result: Result) -> None:
    codes = {f.code for f in result.findings}
    missing = sorted({rule.code for rule in ALL_RULES} - codes)
    assert not missing, f"rules that no longer fire on examples/kota-bermasalah: {missing}"
    # Schema and references load: the reader sees lint findings only.
    assert not [f for f in result.findings if f.code[0] in "SP"], [
        str(f.location) for f in result.findings if f.code[0] in "SP"
    ]

    def args(f: Finding) -> dict[str, object]:
        return dict(f.message.args)

    # No T001/T004 on a kegiatan of the program penunjang (X.XX.01.*), in any OPD.
    for f in result.findings:
        if f.code in ("T001", "T004"):
            assert not _is_penunjang(str(args(f)["kode"])), f
    # Processes that only carry out the program penunjang take part in no overlap finding.
    index = loaded.index
    penunjang_only = {
        k for k in index.proses if (codes_ := index.effective_kegiatan(k)) and all(_is_penunjang(c) for c in codes_)
    }
    assert {"PB.11.01", "PB.12.01"} <= penunjang_only
    penunjang_paths = {index.proses[k].path for k in penunjang_only}
    for f in result.findings:
        if f.code.startswith("T"):
            assert f.location.path not in penunjang_paths, f
            assert not {r.path for r in f.related} & penunjang_paths, f
    # The one inline suppression (K006 on PB.03.02) is used: counted, and no P001 about it.
    assert result.suppressed == 1
    assert not [f for f in result.findings if f.location.path == "proses/disdukcapil/PB.03.02.yaml"]


def test_cli_exit_code_and_every_listed_rule(cli: Callable[..., Run]) -> None:  # noqa: F811 - pytest fixture
    run = cli("validate", str(EXAMPLE), "--no-cache", "--format", "json")
    assert run.exit_code == 1, run.stdout + run.stderr
    reported = {f["code"] for f in json.loads(run.stdout)["findings"]}
    rules = cli("rules", "--format", "json")
    assert rules.exit_code == 0, rules.stdout + rules.stderr
    listed = {r["code"] for r in json.loads(rules.stdout)["rules"]}
    assert listed and not listed - reported, sorted(listed - reported)
    # The clean example stays clean.
    clean = cli("validate", str(EXAMPLES / "kota-contoh"), "--no-cache")
    assert clean.exit_code == 0, clean.stdout + clean.stderr
