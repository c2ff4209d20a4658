"""Inline suppression comments: grammar, real-comment detection, matching, unused and malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.findings import Finding, Location, Message, Severity
from probis_cli.lint.registry import known_codes
from probis_cli.lint.rules import keterkaitan as kt
from probis_cli.lint.suppression import Suppressor, parse_suppressions, scan_lines
from tests.rules.conftest import swap, write_repo

CODES = known_codes()


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_suppressions("x.yaml", text, CODES)


def finding(code: str, line: int | None) -> Finding:
    return Finding(code, "x", Severity.ERROR, Location("x.yaml", line, 1 if line else None), Message.of("m"))


# -- finding the real comments ----------------------------------------------------------------------


def comments(text: str) -> dict[int, int]:
    return {line: col for line, _, col in scan_lines(text) if col is not None}


@pytest.mark.parametrize(
    ("line", "has_comment"),
    [
        ("nama: 'Rapat # probis: abaikan[K005]'", False),
        ('nama: "Rapat # probis: abaikan[K005]"', False),
        ('nama: "escaped \\" # still quoted"', False),
        ("nama: 'it''s # quoted'", False),
        ("url: http://contoh.go.id/#bagian", False),
        ("nama: Jum'at # a comment", True),
        ("nama: Rapat  # a comment", True),
        ("# a comment", True),
        ("kegiatan: ['1.02#x', \"b # c\"]  # real", True),
        ("- {nama: 'a # b', untuk: x} # real", True),
    ],
)
def test_comment_detection(line: str, has_comment: bool) -> None:
    found = comments(line + "\n")
    assert (1 in found) is has_comment
    if has_comment:
        assert line[found[1]] == "#"


def test_multiline_quoted_scalar() -> None:
    text = 'a: "awal\n  # not a comment\n  akhir" # comment\nb: 1\n'
    assert comments(text) == {3: 9}


def test_block_scalar_content_is_not_a_comment() -> None:
    text = (
        "deskripsi: |\n"
        "  # probis: abaikan[K005]\n"
        "  teks\n"
        "kode: X  # after\n"
        "daftar:\n"
        "  - >-\n"
        "    # still text\n"
        "  - b  # comment\n"
        "x:\n"
        "  - nama: |\n"
        "      # text\n"
        "    kode: Y  # comment\n"
    )
    assert sorted(comments(text)) == [4, 8, 12]


# -- grammar -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "kind", "codes"),
    [
        ("abaikan[K005]", "line", ["K005"]),
        ("ignore[K005]", "line", ["K005"]),
        ("abaikan[K005, T001]", "line", ["K005", "T001"]),
        ("abaikan[kegiatan-tanpa-proses]", "line", ["K005"]),
        ("abaikan[k005] alasan: dijalankan bersama", "line", ["K005"]),
        ("abaikan-baris-berikut[K005]", "next", ["K005"]),
        ("ignore-next-line[K005]", "next", ["K005"]),
        ("abaikan-berkas[S008]", "file", ["S008"]),
        ("ignore-file[S008]", "file", ["S008"]),
    ],
)
def test_directive_forms(comment: str, kind: str, codes: list[str]) -> None:
    text = f"a: 1  # probis: {comment}\nb: 2\n"
    parsed = parse(text)
    assert parsed is not None and parsed.findings == []
    assert [(s.kind, s.code) for s in parsed.items] == [(kind, c) for c in codes]
    item = parsed.items[0]
    assert (item.line, item.column) == (1, 7)
    if kind == "line":
        assert (item.first, item.last) == (1, 1)
    if kind == "next":
        assert (item.first, item.last) == (2, 2)


def test_next_line_skips_blank_and_comment_lines() -> None:
    text = "# probis: abaikan-baris-berikut[K005]\n\n# other comment\n# probis: abaikan-baris-berikut[T001]\nkode: X\n"
    parsed = parse(text)
    assert parsed is not None and parsed.findings == []
    assert {(s.code, s.first) for s in parsed.items} == {("K005", 5), ("T001", 5)}


def test_range() -> None:
    text = "a: 1\n# probis: abaikan-mulai[K005,T001]\nb: 2\n# probis: ignore-end[K005]\nc: 3\n# probis: abaikan-selesai[T001]\n"
    parsed = parse(text)
    assert parsed is not None and parsed.findings == []
    assert sorted((s.code, s.first, s.last) for s in parsed.items) == [("K005", 2, 4), ("T001", 2, 6)]


def test_no_directive_means_none() -> None:
    assert parse("probis: 1\njenis: pemda\n# catatan biasa\n") is None
    assert parse("probis: 1  # probis: versi skema\n") is None  # not a directive word: a plain comment


@pytest.mark.parametrize(
    ("text", "message_id"),
    [
        ("a: 1  # probis: abaikan\n", "lint.supp.no_codes"),
        ("a: 1  # probis: abaikan[]\n", "lint.supp.no_codes"),
        ("a: 1  # probis: abaikan[K005,]\n", "lint.supp.empty_code"),
        ("a: 1  # probis: abaikan K005\n", "lint.supp.syntax"),
        ("a: 1  # probis: abaikan[K005\n", "lint.supp.syntax"),
        ("a: 1  # probis abaikan[K005]\n", "lint.supp.syntax"),
        ("a: 1  # probis: abaikan[kegiatan-tanpa-proes]\n", "lint.supp.unknown_code_hint"),
        ("a: 1  # probis: abaikan[ZZZZZZ]\n", "lint.supp.unknown_code"),
        ("a: 1  # probis: abaikan[P002]\n", "lint.supp.unsuppressible"),
        ("a: 1  # probis: abaikn[K005]\n", "lint.supp.unknown_directive"),
        ("# probis: abaikan[K005]\na: 1\n", "lint.supp.own_line"),
        ("a: 1\n# probis: abaikan-baris-berikut[K005]\n", "lint.supp.next_none"),
        ("# probis: abaikan-mulai[K005]\na: 1\n", "lint.supp.unclosed"),
        ("a: 1\n# probis: abaikan-selesai[K005]\n", "lint.supp.unopened"),
        (
            "# probis: abaikan-mulai[K005]\n# probis: abaikan-mulai[K005]\na: 1\n# probis: abaikan-selesai[K005]\n",
            "lint.supp.nested",
        ),
    ],
)
def test_malformed(text: str, message_id: str) -> None:
    parsed = parse(text)
    assert parsed is not None
    assert [f.message.id for f in parsed.findings] == [message_id]
    assert all(f.code == "P002" and f.severity == Severity.ERROR for f in parsed.findings)
    if message_id not in ("lint.supp.unclosed", "lint.supp.nested"):
        assert parsed.items == []


def test_malformed_directive_suppresses_nothing() -> None:
    parsed = parse("a: 1  # probis: abaikan[K005,K999]\n")
    assert parsed is not None and parsed.items == []


# -- matching --------------------------------------------------------------------------------------------


def test_matching_and_usage() -> None:
    text = "a: 1  # probis: abaikan[K005]\nb: 2\n# probis: abaikan-berkas[T001]\n"
    parsed = parse(text)
    assert parsed is not None
    sup = Suppressor({"x.yaml": parsed})
    assert sup.suppresses(finding("K005", 1))
    assert not sup.suppresses(finding("K005", 2))
    assert not sup.suppresses(finding("K005", None))  # no line: only file-wide directives apply
    assert sup.suppresses(finding("T001", None))
    assert sup.suppresses(finding("T001", 2))
    assert not sup.suppresses(Finding("K005", "x", Severity.ERROR, Location("other.yaml", 1, 1), Message.of("m")))
    assert sup.unused({"K005", "T001"}) == []


def test_most_specific_directive_takes_the_credit() -> None:
    parsed = parse("# probis: abaikan-berkas[K005]\na: 1  # probis: abaikan[K005]\n")
    assert parsed is not None
    sup = Suppressor({"x.yaml": parsed})
    assert sup.suppresses(finding("K005", 2))
    unused = sup.unused({"K005"})
    assert [(f.code, f.location.line) for f in unused] == [("P001", 1)]
    assert unused[0].severity == Severity.WARNING


def test_p002_is_never_suppressed() -> None:
    parsed = parse("# probis: abaikan-berkas[P001]\n")
    assert parsed is not None
    assert not Suppressor({"x.yaml": parsed}).suppresses(finding("P002", 1))


# -- end to end -----------------------------------------------------------------------------------------

BAD = kt.KegiatanTanpaProses.bad  # one K005 at the kegiatan 1.02.02.2.01 code line
TARGET = "  - kode: 1.02.02.2.01\n"


def run(tmp_path: Path, text: str, options: api.CheckOptions = api.CheckOptions()) -> api.Result:  # type: ignore[name-defined]
    root = write_repo(text, tmp_path)
    return api.check(api.load(root, use_cache=False), options)


def codes(result: object) -> list[str]:
    return sorted(f.code for f in result.findings)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "edit",
    [
        (TARGET, "  - kode: 1.02.02.2.01  # probis: abaikan[K005]\n"),
        (TARGET, "  - kode: 1.02.02.2.01  # probis: ignore[kegiatan-tanpa-proses] belum dipetakan\n"),
        (TARGET, "  # probis: abaikan-baris-berikut[K005]\n" + TARGET),
        (TARGET, "  # probis: abaikan-mulai[K005]\n" + TARGET + "    # probis: abaikan-selesai[K005]\n"),
        ("# file: opd/dinkes.yaml\n", "# file: opd/dinkes.yaml\n# probis: abaikan-berkas[K005]\n"),
    ],
)
def test_suppresses_a_rule_finding(tmp_path: Path, edit: tuple[str, str]) -> None:
    assert codes(run(tmp_path / "before", BAD)) == ["K005"]
    result = run(tmp_path / "after", swap(BAD, *edit))
    assert codes(result) == []
    assert result.suppressed == 1


def test_unused_suppression_is_reported(tmp_path: Path) -> None:
    text = swap(kt.KegiatanTanpaProses.good, "kode: dinkes\n", "kode: dinkes  # probis: abaikan[K005]\n")
    result = run(tmp_path, text)
    assert codes(result) == ["P001"]
    f = result.findings[0]
    assert (f.location.path, f.location.line) == ("opd/dinkes.yaml", 3)
    assert "K005" in f.text("en")


def test_unused_suppression_can_itself_be_silenced(tmp_path: Path) -> None:
    text = swap(
        kt.KegiatanTanpaProses.good,
        "kode: dinkes\n",
        "kode: dinkes  # probis: abaikan[K005]\n# probis: abaikan-berkas[P001]\n",
    )
    assert codes(run(tmp_path, text)) == []


def test_suppression_of_a_disabled_rule_is_not_judged(tmp_path: Path) -> None:
    text = swap(kt.KegiatanTanpaProses.good, "kode: dinkes\n", "kode: dinkes  # probis: abaikan[K005]\n")
    text = swap(
        text,
        "  - {kode: masyarakat, nama: Masyarakat}\n",
        "  - {kode: masyarakat, nama: Masyarakat}\npengaturan:\n  lint:\n    aturan:\n      K005: {tingkat: mati}\n",
    )
    assert codes(run(tmp_path, text)) == []


def test_reference_findings_can_be_suppressed(tmp_path: Path) -> None:
    text = swap(kt.ProsesTanpaSop.good, "sop: [SOP-001]\n", "sop: [SOP-001, SOP-404]  # probis: abaikan[S008]\n")
    assert codes(run(tmp_path, text)) == []


def test_findings_without_a_line_only_file_wide(tmp_path: Path) -> None:
    note = "# file: catatan.yaml\njudul: catatan rapat  # probis: abaikan[Y010]\n"
    result = run(tmp_path / "a", kt.ProsesTanpaSop.good + note)
    assert "Y010" in codes(result)  # the line form does not reach a whole-file finding
    note = "# file: catatan.yaml\n# probis: abaikan-berkas[Y010]\njudul: catatan rapat\n"
    assert codes(run(tmp_path / "b", kt.ProsesTanpaSop.good + note)) == []


def test_malformed_suppression_is_an_error_and_suppresses_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, swap(BAD, TARGET, "  - kode: 1.02.02.2.01  # probis: abaikan\n"))
    assert codes(result) == ["K005", "P002"]
    assert result.exit_code(Severity.ERROR) == 1
