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


def test_impor_sop_writes_one_file_per_sop_and_reports_periksa(cli: Callable[..., Run], tmp_path: Path, repo: Path) -> None:
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
    run = cli("ekspor", "sop", str(repo), "--kode", "SOP-DINKES-001", "--out", str(out), "--tanpa-gambar", "--kertas", "f4")
    assert run.exit_code == 0, run.stderr
    document = Document(str(out / "SOP-DINKES-001.docx"))
    assert len(document.tables) == 2
    assert cli("ekspor", "sop", str(repo), "--kode", "TIDAK-ADA", "--out", str(out)).exit_code == 2
    assert cli("ekspor", "sop", str(repo), "--kertas", "a3", "--out", str(out)).exit_code == 2


def test_impor_kegiatan_reports_added_changed_unknown(cli: Callable[..., Run], tmp_path: Path, repo: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["Kode", "Nama Program/Kegiatan"], ["1.02.02.2.01.0003", "Pembangunan Fasilitas Kesehatan Lainnya"], ["1.02.02.2.02", "Nama lain"], ["??", "x"]):
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
