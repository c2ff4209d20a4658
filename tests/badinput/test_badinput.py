"""Every kind of broken input gives a located finding, never a traceback, and the rest is checked."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.findings import Finding


def _findings(repo: Path) -> list[Finding]:
    return api.load(repo, use_cache=False).findings


def _only(findings: list[Finding], path: str) -> list[Finding]:
    return [f for f in findings if f.location.path == path]


def _assert_sibling_checked(findings: list[Finding]) -> None:
    sibling = _only(findings, "proses/PB.99.yaml")
    assert [f.code for f in sibling] == ["S008"], sibling


def _write(repo: Path, rel: str, data: str | bytes) -> None:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def test_valid_base_has_only_the_sibling_finding(repo: Path) -> None:
    findings = _findings(repo)
    assert [f.code for f in findings] == ["S008"]


def test_malformed_yaml(repo: Path) -> None:
    _write(repo, "proses/rusak.yaml", "probis: 1\njenis: proses\nnama: 'tidak ditutup\nkode: X\n")
    findings = _only(_findings(repo), "proses/rusak.yaml")
    assert [f.code for f in findings] == ["Y001"]
    assert findings[0].location.line is not None
    assert "kutip" in findings[0].text("id")
    _assert_sibling_checked(_findings(repo))


def test_mapping_value_error_hint(repo: Path) -> None:
    _write(repo, "proses/rusak.yaml", "probis: 1\njenis: proses\nnama: Rapat: evaluasi: kinerja\n")
    (finding,) = _only(_findings(repo), "proses/rusak.yaml")
    assert finding.code == "Y001"
    assert (finding.location.line, finding.location.column) == (3, 12)
    assert "tanda kutip" in finding.text("id")
    assert "quotes" in finding.text("en")


def test_tab_indentation(repo: Path) -> None:
    _write(repo, "proses/tab.yaml", "probis: 1\njenis: proses\nmasukan:\n\t- nama: x\n")
    (finding,) = _only(_findings(repo), "proses/tab.yaml")
    assert finding.code == "Y008"
    assert (finding.location.line, finding.location.column) == (4, 1)
    assert "tab" in finding.text("id").lower()
    _assert_sibling_checked(_findings(repo))


def test_wrong_type(repo: Path) -> None:
    _write(
        repo,
        "proses/tipe.yaml",
        "probis: 1\njenis: proses\nkode: PB.02\nnama: [a, b]\nkategori: inti\npemilik: dinkes\n",
    )
    (finding,) = _only(_findings(repo), "proses/tipe.yaml")
    assert finding.code == "S004"
    assert (finding.location.line, finding.location.column) == (4, 7)
    assert "teks" in finding.text("id")
    assert "text" in finding.text("en")


def test_wrong_choice(repo: Path) -> None:
    _write(
        repo, "proses/kat.yaml", "probis: 1\njenis: proses\nkode: PB.02\nnama: A\nkategori: utama\npemilik: dinkes\n"
    )
    (finding,) = _only(_findings(repo), "proses/kat.yaml")
    assert finding.code == "S004"
    assert "inti" in finding.text("id") and "utama" in finding.text("id")


def test_missing_required_field(repo: Path) -> None:
    _write(repo, "proses/wajib.yaml", "probis: 1\njenis: proses\nkode: PB.02\nkategori: inti\npemilik: dinkes\n")
    (finding,) = _only(_findings(repo), "proses/wajib.yaml")
    assert finding.code == "S003"
    assert "'nama' wajib diisi" in finding.text("id")
    assert finding.location.line == 3  # the document's `kode` line


def test_unknown_key_with_suggestion(repo: Path) -> None:
    _write(
        repo,
        "proses/kunci.yaml",
        "probis: 1\njenis: proses\nkode: PB.02\nnama: A\nkategori: inti\npemilik: dinkes\npemlik_lain: x\n",
    )
    (finding,) = _only(_findings(repo), "proses/kunci.yaml")
    assert finding.code == "S002"
    assert (finding.location.line, finding.location.column) == (7, 1)
    assert "pemlik_lain" in finding.text("id")


def test_unknown_nested_key_suggests_sibling_field(repo: Path) -> None:
    _write(
        repo,
        "proses/nested.yaml",
        "probis: 1\njenis: proses\nkode: PB.02\nnama: A\nkategori: inti\npemilik: dinkes\nmasukan:\n  - nama: Data\n    dar: masyarakat\n",
    )
    (finding,) = _only(_findings(repo), "proses/nested.yaml")
    assert finding.code == "S002"
    assert (finding.location.line, finding.location.column) == (9, 5)
    assert "Maksud Anda 'dari'?" in finding.text("id")


def test_duplicate_key(repo: Path) -> None:
    _write(
        repo,
        "proses/ganda.yaml",
        "probis: 1\njenis: proses\nkode: PB.02\nnama: A\nnama: B\nkategori: inti\npemilik: dinkes\n",
    )
    (finding,) = _only(_findings(repo), "proses/ganda.yaml")
    assert finding.code == "Y004"
    assert (finding.location.line, finding.location.column) == (5, 1)
    assert "baris 4" in finding.text("id")


def test_empty_file(repo: Path) -> None:
    _write(repo, "proses/kosong.yaml", "")
    _write(repo, "proses/komentar.yaml", "# hanya komentar\n")
    findings = _findings(repo)
    assert [f.code for f in _only(findings, "proses/kosong.yaml")] == ["Y003"]
    assert [f.code for f in _only(findings, "proses/komentar.yaml")] == ["Y003"]
    _assert_sibling_checked(findings)


def test_not_utf8(repo: Path) -> None:
    _write(
        repo,
        "proses/latin1.yaml",
        "probis: 1\njenis: proses\nnama: Pelayanan Kesehatan Ibu\n".encode() + b"kode: Caf\xe9\n",
    )
    (finding,) = _only(_findings(repo), "proses/latin1.yaml")
    assert finding.code == "Y002"
    assert (finding.location.line, finding.location.column) == (4, 10)
    assert "UTF-8" in finding.text("id")
    _assert_sibling_checked(_findings(repo))


def test_utf16_file(repo: Path) -> None:
    _write(repo, "proses/utf16.yaml", "probis: 1\n".encode("utf-16"))
    (finding,) = _only(_findings(repo), "proses/utf16.yaml")
    assert finding.code == "Y002"


def test_bom_and_crlf_are_accepted(repo: Path) -> None:
    text = "probis: 1\njenis: proses\nkode: PB.02\nnama: Pelayanan\nkategori: inti\npemilik: dinkes/bid-p2x\nkegiatan: [1.02.02.2.01]\n"
    _write(repo, "proses/windows.yaml", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    findings = _only(_findings(repo), "proses/windows.yaml")
    # Only the deliberate bad reference, at the right line and column despite BOM + CRLF.
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [("S008", 6, 10)]


def test_alias_bomb_is_refused_quickly_in_bounded_memory(repo: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    _write(repo, "proses/bom.yaml", "\n".join(lines) + "\n")
    tracemalloc.start()
    started = time.perf_counter()
    findings = _findings(repo)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    (finding,) = _only(findings, "proses/bom.yaml")
    assert finding.code == "Y005"
    # Generous bounds (not a benchmark): a billion-laughs expansion would take minutes and GBs.
    assert elapsed < 10
    assert peak < 200 * 1024 * 1024


def test_deep_nesting(repo: Path) -> None:
    _write(repo, "proses/dalam.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    _write(repo, "proses/dalam2.yaml", "".join("  " * i + f"k{i}:\n" for i in range(200)))
    findings = _findings(repo)
    assert [f.code for f in _only(findings, "proses/dalam.yaml")] == ["Y006"]
    assert [f.code for f in _only(findings, "proses/dalam2.yaml")] == ["Y006"]
    _assert_sibling_checked(findings)


@pytest.mark.parametrize(("text", "what"), [("- a\n- b\n", "list"), ("sekadar teks\n", "scalar")])
def test_root_not_mapping(repo: Path, text: str, what: str) -> None:
    _write(repo, "proses/daftar.yaml", text)
    (finding,) = _only(_findings(repo), "proses/daftar.yaml")
    assert finding.code == "Y007"
    assert finding.message.args == (("what", what),)


def test_unknown_jenis(repo: Path) -> None:
    _write(repo, "proses/jenis.yaml", "probis: 1\njenis: prosess\nkode: X\n")
    (finding,) = _only(_findings(repo), "proses/jenis.yaml")
    assert finding.code == "S001"
    assert (finding.location.line, finding.location.column) == (2, 8)
    assert "prosess" in finding.text("id")


def test_unsupported_schema_version(repo: Path) -> None:
    _write(repo, "proses/versi.yaml", "probis: 2\njenis: proses\nkode: X\n")
    (finding,) = _only(_findings(repo), "proses/versi.yaml")
    assert finding.code == "S006"


def test_two_documents_with_the_same_code(repo: Path) -> None:
    _write(repo, "proses/salinan.yaml", (repo / "proses/PB.01.yaml").read_text(encoding="utf-8"))
    findings = _findings(repo)
    dup = [f for f in findings if f.code == "S007"]
    assert len(dup) == 1
    # The second file (by path order) is reported and points at the first.
    assert dup[0].location.path == "proses/salinan.yaml"
    assert "proses/PB.01.yaml" in dup[0].text("id")


def test_codes_keep_their_original_text(repo: Path) -> None:
    # 2.20 would be the float 2.2 with a YAML 1.1/1.2 loader; probis reads the text as typed.
    text = (repo / "opd/dinkes.yaml").read_text(encoding="utf-8").replace("urusan: [1.02]", "urusan: [1.02, 2.20]")
    _write(repo, "opd/dinkes.yaml", text)
    loaded = api.load(repo, use_cache=False)
    assert loaded.index.opd["dinkes"].model.urusan == ["1.02", "2.20"]


def test_float_like_code_is_refused_with_the_fix(repo: Path) -> None:
    text = (repo / "opd/dinkes.yaml").read_text(encoding="utf-8").replace("urusan: [1.02]", "urusan: [2.2]")
    _write(repo, "opd/dinkes.yaml", text)
    (finding,) = [f for f in _findings(repo) if f.location.path == "opd/dinkes.yaml"]
    assert finding.code == "S005"
    assert "X.XX" in finding.text("id")


def test_no_is_a_string_key_not_a_boolean(repo: Path) -> None:
    _write(
        repo,
        "sop/s.yaml",
        """\
probis: 1
jenis: sop
kode: SOP-1
nama: Uji
pelaksana: [{kode: petugas, nama: Petugas}]
langkah:
  - {no: 1, kegiatan: Mulai, pelaksana: petugas, simbol: mulai}
  - {no: 2, kegiatan: Periksa, pelaksana: petugas, simbol: keputusan, ya: 3, tidak: 1}
  - {no: 3, kegiatan: Selesai, pelaksana: petugas, simbol: selesai}
""",
    )
    loaded = api.load(repo, use_cache=False)
    sop = loaded.index.sop["SOP-1"].model
    assert [s.no for s in sop.langkah] == [1, 2, 3]
    assert sop.langkah[1].ya == 3 and sop.langkah[1].tidak == 1


def test_unreadable_directory_entry_named_yaml(repo: Path) -> None:
    (repo / "proses" / "folder.yaml").mkdir()
    findings = _findings(repo)  # a directory with a .yaml name is not a file: ignored, no crash
    _assert_sibling_checked(findings)


def test_one_broken_document_gives_one_finding_not_a_cascade(repo: Path) -> None:
    # A wrong code makes the OPD invalid; the processes that name it must not all fail too.
    text = (repo / "opd/dinkes.yaml").read_text(encoding="utf-8").replace("urusan: [1.02]", "urusan: [1.2]")
    _write(repo, "opd/dinkes.yaml", text)
    findings = _findings(repo)
    assert [(f.location.path, f.code) for f in findings] == [("opd/dinkes.yaml", "S005")]
    # Even the sibling's wrong unit (dinkes/tidak-ada) waits until the OPD itself is valid:
    # it cannot be checked against an OPD that could not be read.
    text = text.replace("urusan: [1.2]", "urusan: [1.02]")
    _write(repo, "opd/dinkes.yaml", text)
    assert [f.code for f in _findings(repo)] == ["S008"]


def test_missing_field_points_at_the_document_code(repo: Path) -> None:
    _write(
        repo,
        "proses/tanpa-nama.yaml",
        "# komentar\nprobis: 1\njenis: proses\nkode: PB.05\nkategori: inti\npemilik: dinkes\n",
    )
    (finding,) = _only(_findings(repo), "proses/tanpa-nama.yaml")
    assert finding.code == "S003" and finding.location.line == 4
