"""The lint engine and registry: stamping, failing rules, selection, registration checks, speed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from pydantic import BaseModel, ConfigDict

from probis_cli import api
from probis_cli.findings import Finding, Message, Severity
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.engine import run_lint
from probis_cli.lint.registry import (
    ALL_RULES,
    ENGINE_CODES,
    RULES_BY_CODE,
    check_rules,
    codes_matching,
    find_rule,
    known_codes,
)
from probis_cli.lint.rules import keterkaitan as kt
from probis_cli.lint.rules.keterkaitan import _common as kt_common
from tests.rules.conftest import write_repo

DOCS = {"id": RuleDoc("ringkas", "mengapa", "perbaiki"), "en": RuleDoc("summary", "why", "fix")}


class Boom(Rule):
    """A rule that crashes."""

    code: ClassVar[str] = "K900"
    name: ClassVar[str] = "meledak"
    severity: ClassVar[Severity] = Severity.INFO
    docs = DOCS  # type: ignore[assignment]
    bad = good = "# file: probis.yaml\nprobis: 1\n"

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        raise RuntimeError("kaput")


class Fixed(Rule):
    """A rule with one hit on the pemda document."""

    code: ClassVar[str] = "K901"
    name: ClassVar[str] = "selalu"
    severity: ClassVar[Severity] = Severity.INFO
    docs = DOCS  # type: ignore[assignment]
    bad = good = "# file: probis.yaml\nprobis: 1\n"

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        assert index.pemda is not None
        yield Hit(index.pemda.loc("nama"), Message.of("lint.K001.hit", program="x", nama="y"), key="k")


@pytest.fixture
def loaded(tmp_path: Path) -> api.Loaded:
    return api.load(write_repo(kt.ProsesTanpaSop.good, tmp_path), use_cache=False)


def test_failing_rule_becomes_p000_and_others_still_run(loaded: api.Loaded) -> None:
    outcome = run_lint(loaded, api.CheckOptions(), rules=[Boom, Fixed])
    codes = [f.code for f in outcome.findings]
    assert codes == ["K901", "P000"] or sorted(codes) == ["K901", "P000"]
    p000 = next(f for f in outcome.findings if f.code == "P000")
    assert p000.severity == Severity.ERROR and "kaput" in p000.text("en") and "K900" in p000.text("id")
    assert set(outcome.timings) == {"K900", "K901"}


def test_engine_stamps_code_name_severity_and_key(loaded: api.Loaded) -> None:
    (f,) = run_lint(loaded, api.CheckOptions(), rules=[Fixed]).findings
    assert (f.code, f.name, f.severity, f.fingerprint_extra) == ("K901", "selalu", Severity.INFO, "k")
    assert f.location.path == "probis.yaml" and f.location.line == 3


def test_findings_are_sorted_and_include_loaded_ones(tmp_path: Path) -> None:
    text = kt.ProsesTanpaSop.bad.replace("kategori: inti\n", "kategori: inti\nsop: [SOP-404]\n", 1)
    loaded = api.load(write_repo(text, tmp_path), use_cache=False)
    outcome = run_lint(loaded, api.CheckOptions())
    assert outcome.findings == sorted(outcome.findings, key=Finding.sort_key)
    assert {"S008", "K006"} <= {f.code for f in outcome.findings}


def test_select_and_ignore_through_api(tmp_path: Path) -> None:
    text = kt.ProsesTanpaSop.bad.replace("kategori: inti\n", "kategori: inti\nsop: [SOP-404]\n", 1)
    loaded = api.load(write_repo(text, tmp_path), use_cache=False)
    assert [f.code for f in api.check(loaded, api.CheckOptions(select=("K",))).findings] == ["K006"]
    assert [f.code for f in api.check(loaded, api.CheckOptions(select=("proses-tanpa-sop",))).findings] == ["K006"]
    assert [f.code for f in api.check(loaded, api.CheckOptions(ignore=("K006",))).findings] == ["S008"]
    assert [f.code for f in api.check(loaded, api.CheckOptions(lint=False)).findings] == ["S008"]


def test_without_rules_suppressions_still_apply(tmp_path: Path) -> None:
    text = kt.ProsesTanpaSop.bad.replace(
        "kategori: inti\n", "kategori: inti\nsop: [SOP-404]  # probis: abaikan[S008]\n", 1
    )
    loaded = api.load(write_repo(text, tmp_path), use_cache=False)
    outcome = run_lint(loaded, api.CheckOptions(lint=False))
    assert outcome.findings == [] and outcome.suppressed == 1 and outcome.timings == {}


# -- registry ------------------------------------------------------------------------------------


def test_registry_is_consistent() -> None:
    check_rules(ALL_RULES)
    assert len(RULES_BY_CODE) == len(ALL_RULES)
    codes = known_codes()
    assert {"Y001", "S008", "P000", "P001", "P002", "P003", "P004", "K005", "T001", "M001"} <= set(codes)
    assert ENGINE_CODES["P002"][0] == "penekanan-tidak-valid"
    assert find_rule("k005") is kt.KegiatanTanpaProses
    assert find_rule("kegiatan-tanpa-proses") is kt.KegiatanTanpaProses
    assert find_rule("nope") is None
    assert codes_matching("K00") >= {"K001", "K009"} and "K010" not in codes_matching("K00")
    assert codes_matching("proses-tanpa-sop") == {"K006"}


def _rule(**attrs: object) -> type[Rule]:
    base: dict[str, object] = {
        "code": "K950",
        "name": "uji-aturan",
        "severity": Severity.INFO,
        "docs": DOCS,
        "bad": "x",
        "good": "y",
    }
    base.update(attrs)
    return type("Uji", (Rule,), base)


class _Loose(BaseModel):
    a: int = 1


class _NoDefault(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: int


@pytest.mark.parametrize(
    ("rules", "fragment"),
    [
        ([_rule(code="X001")], "bad rule code"),
        ([_rule(name="Bukan Kebab")], "bad rule name"),
        ([_rule(), _rule()], "already used"),
        ([_rule(), _rule(code="K951")], "already used"),
        ([_rule(name="kunci-ganda")], "already used"),
        ([_rule(Options=_Loose)], "extra='forbid'"),
        ([_rule(Options=_NoDefault)], "needs a default"),
        ([_rule(docs={"id": DOCS["id"]})], "docs missing"),
        ([_rule(bad=" ")], "examples required"),
    ],
)
def test_check_rules_rejects(rules: list[type[Rule]], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        check_rules(rules)


def test_retired_codes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from probis_cli.lint import registry

    monkeypatch.setattr(registry, "RETIRED_CODES", frozenset({"K950"}))
    with pytest.raises(ValueError, match="retired"):
        check_rules([_rule()])


# -- speed -----------------------------------------------------------------------------------------


def _big_repo(root: Path, n: int) -> None:
    """One OPD, ``n`` processes (a two-level tree) each with an SOP, every chain complete."""
    write_repo(kt.ProsesTanpaSop.good, root)
    proses = root / "proses"
    sop = root / "sop"
    sop_text = (root / "sop/SOP-001.yaml").read_text(encoding="utf-8")
    for i in range(n):
        kode = f"PB.01.{i:04d}"
        (proses / f"{kode}.yaml").write_text(
            f"probis: 1\njenis: proses\nkode: {kode}\nnama: Proses {i}\nkategori: inti\ninduk: PB.01\n"
            f"pemilik: dinkes/bid-p2p\nmasukan:\n  - {{nama: Data {i}, eksternal: true}}\n"
            f"keluaran:\n  - {{nama: Hasil {i}, untuk: masyarakat}}\n",
            encoding="utf-8",
        )
        (sop / f"SOP-{i:04d}.yaml").write_text(
            sop_text.replace("kode: SOP-001", f"kode: SOP-{i:04d}").replace("proses: PB.01", f"proses: {kode}"),
            encoding="utf-8",
        )
    (proses / "PB.01.yaml").write_text(
        (proses / "PB.01.yaml").read_text(encoding="utf-8").replace("sop: [SOP-001]\n", ""), encoding="utf-8"
    )
    (sop / "SOP-001.yaml").unlink()


def test_big_repository_runs_every_rule_with_timings(tmp_path: Path) -> None:
    """A 1,500-process repository: no K/T/S finding, and the engine records a time per rule.

    (How fast the engine and the rules are against loading is measured by benchmarks/bench.py,
    never asserted here: the machines tests run on are shared.)
    """
    _big_repo(tmp_path, 1500)
    loaded = api.load(tmp_path, use_cache=False, workers=1)
    outcome = run_lint(loaded, api.CheckOptions())
    assert [f"{f.location} {f.code}" for f in outcome.findings if f.code[0] != "M"] == []
    assert all(t >= 0 for t in outcome.timings.values())
    assert any(code.startswith("K") for code in outcome.timings)


class CrashOnOne(Rule):
    """A rule with one hit per process that crashes on process PB.01 only."""

    code: ClassVar[str] = "K902"
    name: ClassVar[str] = "gagal-satu"
    severity: ClassVar[Severity] = Severity.INFO
    docs = DOCS  # type: ignore[assignment]
    bad = good = "# file: probis.yaml\nprobis: 1\n"

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            if kode == "PB.01":
                raise KeyError("A9")
            yield Hit(doc.loc("kode"), Message.of("lint.K006.hit", proses=kode, nama=doc.model.nama))


def test_a_rule_crashing_on_one_document_keeps_its_findings_on_the_others(tmp_path: Path) -> None:
    # Processes PB.00 (before the crash), PB.01 (crashes), PB.02 (after it).
    text = kt.ProsesTanpaSop.good
    for kode in ("PB.00", "PB.02"):
        text += kt_common._PROSES.replace("PB.01", kode).replace("sop: [SOP-001]\n", "")
    loaded = api.load(write_repo(text, tmp_path), use_cache=False)
    outcome = run_lint(loaded, api.CheckOptions(), rules=[CrashOnOne])
    hits = sorted(f.message.args for f in outcome.findings if f.code == "K902")
    assert [dict(a)["proses"] for a in hits] == ["PB.00", "PB.02"]
    (p000,) = [f for f in outcome.findings if f.code == "P000"]
    assert p000.location.path == "proses/PB.01.yaml" and p000.location.line is not None
    assert "K902" in p000.text("en") and "A9" in p000.text("en")
