"""The office commands through the CLI, and untrusted .docx/.xlsx input (zip bombs, XML
entities, huge tables, not a zip at all): clear messages, exit 2, no traceback."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from probis_cli.office import OfficeError, ooxml, wordml
from probis_cli.office.sop_import import import_sop
from tests.cli.conftest import Run, cli  # noqa: F401 - the CLI runner fixture
from tests.office.legacy import build, sample


def _docx(tmp_path: Path, name: str = "SOP Lama.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(build(sample(), variant="anchored"))
    return path


def test_impor_sop_writes_one_file_per_sop_and_reports_periksa(
    cli: Callable[..., Run], tmp_path: Path, repo: Path
) -> None:
    source = _docx(tmp_path)
    run = cli("impor", "sop", str(source), "--opd", "dinkes", "--out", str(repo))
    assert run.exit_code == 1, run.stderr  # spots to check
    target = repo / "sop" / "dinkes" / "SOP-LAMA.yaml"
    assert target.is_file()
    assert "sop/dinkes/SOP-LAMA.yaml:" in run.stdout and "PERIKSA" in run.stdout
    line = int(run.stdout.split("sop/dinkes/SOP-LAMA.yaml:")[1].split()[0])
    assert target.read_text(encoding="utf-8").split("\n")[line - 1].lstrip().startswith("# PERIKSA:")
    # never overwritten without --force
    again = cli("impor", "sop", str(source), "--opd", "dinkes", "--out", str(repo))
    assert again.exit_code == 2
    assert "--force" in again.stderr
    forced = cli("impor", "sop", str(source), "--opd", "dinkes", "--out", str(repo), "--force", "--lang", "en")
    assert forced.exit_code == 1
    assert "values to check" in forced.stderr
    # validate shows what is left to finish
    assert cli("validate", str(repo)).exit_code == 1


def test_impor_sop_bad_files_are_clear_errors(cli: Callable[..., Run], tmp_path: Path) -> None:
    text = tmp_path / "bukan.docx"
    text.write_text("bukan dokumen word", encoding="utf-8")
    run = cli("impor", "sop", str(text), str(tmp_path / "tidak-ada.docx"), "--out", str(tmp_path / "out"))
    assert run.exit_code == 2
    assert "bukan arsip zip" in run.stderr
    assert "tidak dapat dibaca" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_ekspor_sop_writes_docx(cli: Callable[..., Run], tmp_path: Path, repo: Path) -> None:
    out = tmp_path / "docx"
    run = cli(
        "ekspor", "sop", str(repo), "--kode", "SOP-DINKES-001", "--out", str(out), "--tanpa-gambar", "--kertas", "f4"
    )
    assert run.exit_code == 0, run.stderr
    document = Document(str(out / "SOP-DINKES-001.docx"))
    assert len(document.tables) == 2
    missing = cli("ekspor", "sop", str(repo), "--kode", "SOP-DINKES-001", "--kode", "TIDAK-ADA", "--out", str(out))
    assert missing.exit_code == 2 and "TIDAK-ADA" in missing.stderr
    assert cli("ekspor", "sop", str(repo), "--kertas", "a3", "--out", str(out)).exit_code == 2


def test_impor_kegiatan_reports_added_changed_unknown(cli: Callable[..., Run], tmp_path: Path, repo: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (
        ["Kode", "Nama Program/Kegiatan"],
        ["1.02.02.2.01.0003", "Pembangunan Fasilitas Kesehatan Lainnya"],
        ["1.02.02.2.02", "Nama lain"],
        ["??", "x"],
    ):
        ws.append(row)
    wb.save(tmp_path / "k.xlsx")
    run = cli("impor", "kegiatan", str(tmp_path / "k.xlsx"), "--opd", "dinkes", "--repo", str(repo))
    assert run.exit_code == 1
    assert "+ 1.02.02.2.01.0003" in run.stdout
    assert "~ 1.02.02.2.02" in run.stdout
    assert "? baris 4" in run.stdout
    assert "1 ditambahkan, 1 berbeda, 1 tidak dikenal" in run.stderr
    assert cli("impor", "kegiatan", str(tmp_path / "k.xlsx"), "--opd", "tidak-ada", "--repo", str(repo)).exit_code == 2


# -- untrusted input -----------------------------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_is_refused_before_decompressing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bom.docx"
    path.write_bytes(_zip({"word/document.xml": b" " * (3 << 20)}))  # 3 MB of spaces: ratio > 1000
    with pytest.raises(OfficeError) as exc:
        import_sop(path)
    assert exc.value.message_id == "office.bomb"
    monkeypatch.setattr(ooxml, "MAX_PART", 1 << 16)
    path.write_bytes(_zip({"word/document.xml": bytes(range(256)) * 1024}))
    with pytest.raises(OfficeError) as exc:
        import_sop(path)
    assert exc.value.message_id == "office.bomb"


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = tmp_path / "lol.docx"
    path.write_bytes(_zip({"word/document.xml": laughs}))
    with pytest.raises(OfficeError) as exc:
        import_sop(path)
    assert exc.value.message_id == "office.xml_dtd"
    external = laughs.replace(b'<!ENTITY a "aaaaaaaaaa">', b'<!ENTITY a SYSTEM "file:///etc/passwd">')
    path.write_bytes(_zip({"word/document.xml": external}))
    with pytest.raises(OfficeError):
        import_sop(path)


def test_huge_tables_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordml, "MAX_ROWS", 5)
    with pytest.raises(OfficeError) as exc:
        import_sop(_docx(tmp_path))
    assert exc.value.message_id == "office.table_too_large"


def test_a_docx_without_tables_still_gives_a_loadable_sop_with_periksa(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Bukan SOP")
    path = tmp_path / "kosong.docx"
    document.save(str(path))
    sop = import_sop(path)
    ids = {p.message_id for p in sop.periksa}
    assert {"office.periksa.identitas", "office.periksa.tanpa_prosedur", "office.periksa.kode"} <= ids
    assert sop.data["langkah"] == []


def test_codes_from_document_properties_cannot_leave_the_folder(tmp_path: Path, cli: Callable[..., Run]) -> None:
    """The properties of a .docx are untrusted: a kode like ``../../x`` is not used as a path."""
    import json
    import re as re_

    source = _docx(tmp_path, "jahat.docx")
    data = zipfile.ZipFile(source)
    parts = {n: data.read(n) for n in data.namelist()}
    meta = json.dumps({"probis": 1, "kode": "../../../etc/x", "unit": "a/../../b", "pelaksana": []}).encode()
    parts["docProps/core.xml"] = re_.sub(
        rb"<dc:description>.*?</dc:description>|<dc:description/>",
        b"<dc:description>" + meta.replace(b"&", b"&amp;").replace(b"<", b"&lt;") + b"</dc:description>",
        parts["docProps/core.xml"],
    )
    source.write_bytes(_zip(parts))
    sop = import_sop(source)
    assert sop.kode == "JAHAT"
    assert sop.data["unit"] is None
    out = tmp_path / "repo"
    run = cli("impor", "sop", str(source), "--out", str(out))
    assert run.exit_code == 1
    assert [p.relative_to(out).as_posix() for p in out.rglob("*.yaml")] == ["sop/JAHAT.yaml"]


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xcc\x00\x00" * 8 for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(("logo", "embedded"), [("logo.png", True), ("logo.svg", True), ("../luar.png", False)])
def test_the_logo_setting_goes_into_the_kop(
    cli: Callable[..., Run], tmp_path: Path, repo: Path, logo: str, embedded: bool
) -> None:
    (repo / "logo.png").write_bytes(_png())
    (tmp_path / "luar.png").write_bytes(_png())
    settings = repo / "probis.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("    logo: logo.svg", f"    logo: {logo}"), encoding="utf-8"
    )
    out = tmp_path / "docx"
    run = cli("ekspor", "sop", str(repo), "--kode", "SOP-ORG-001", "--out", str(out), "--tanpa-gambar")
    assert run.exit_code == 0, run.stderr
    kop = Document(str(out / "SOP-ORG-001.docx")).tables[0].cell(0, 0)
    assert ("[logo]" not in kop.text) is embedded
    assert ("graphicData" in kop._tc.xml) is embedded


def test_a_missing_office_library_is_a_clear_message(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "lxml" else real(name, *a))
    run = cli("impor", "sop", str(_docx(tmp_path)), "--out", str(tmp_path / "out"))
    assert run.exit_code == 2
    assert "pip install 'probis-cli[office]'" in run.stderr


def test_dry_run_prints_the_yaml_and_writes_nothing(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "repo"
    run = cli("impor", "sop", str(_docx(tmp_path)), "--opd", "dinkes", "--out", str(out), "--dry-run", "--lang", "en")
    assert run.exit_code == 1
    assert "jenis: sop" in run.stdout and "# PERIKSA: step 2: a decision" in run.stdout
    assert not out.exists()
