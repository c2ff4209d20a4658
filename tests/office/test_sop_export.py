"""``ekspor sop``: the SOP AP as .docx — python-docx reads it back, the layout is the official
one, the output is deterministic, export → import gives the same SOP, and LibreOffice
converts it to PDF (skipped when LibreOffice is absent)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from probis_cli import api
from probis_cli.i18n import translate
from probis_cli.office.sop_export import export_sop, flow_pngs
from probis_cli.office.sop_import import import_sop, to_yaml
from tests.office.conftest import EXAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def loaded() -> api.Loaded:
    return api.load(EXAMPLE)


def test_python_docx_reads_the_official_layout(loaded: api.Loaded) -> None:
    doc = loaded.index.sop["SOP-DINKES-001"]
    data = export_sop(loaded.index, doc, kertas="f4")
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert round(section.page_width.cm, 1) == 33.0  # F4
    identitas, prosedur = document.tables
    assert "PEMERINTAH KOTA CONTOH" in identitas.cell(0, 0).text
    assert identitas.cell(0, 2).text == "440/001/SOP/DINKES/2026"
    assert identitas.cell(5, 2).text == "PELAYANAN IMUNISASI DASAR"
    assert prosedur.cell(0, 2).text == "Pelaksana"
    assert [prosedur.cell(1, 2 + i).text for i in range(5)] == [p.nama for p in doc.model.pelaksana]
    assert len(prosedur.rows) == 2 + len(doc.model.langkah)
    # both header rows repeat on every page
    for row in prosedur.rows[:2]:
        assert row._tr.trPr.find(f"{W}tblHeader") is not None
    # each step's symbol is a native shape in its pelaksana's column
    xml = prosedur.rows[2 + 2]._tr.xml  # step 3, a decision, vaksinator's column
    assert 'prst="flowChartDecision"' in xml
    assert "Memenuhi syarat → 5" in prosedur.cell(4, 3).text


def test_export_is_deterministic(loaded: api.Loaded) -> None:
    doc = loaded.index.sop["SOP-ORG-001"]
    first = export_sop(loaded.index, doc)
    assert export_sop(loaded.index, doc) == first
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_round_trip_export_import_gives_the_same_sop(loaded: api.Loaded, repo: Path, tmp_path: Path) -> None:
    originals = {kode: doc.model for kode, doc in loaded.index.sop.items()}
    for kode, doc in loaded.index.sop.items():
        docx = tmp_path / f"{kode}.docx"
        docx.write_bytes(export_sop(loaded.index, doc))
        imported = import_sop(docx)
        text, report = to_yaml(imported, lambda m, **a: translate(m, "id", **a))
        assert report == [], (kode, report)
        (repo / doc.path).write_text(text, encoding="utf-8")
    again = api.load(repo)
    for kode, model in originals.items():
        assert again.index.sop[kode].model == model, kode


def test_flowchart_pages_are_embedded(loaded: api.Loaded) -> None:
    pngs = flow_pngs(loaded.index, ["SOP-KEC-001"])["SOP-KEC-001"]
    assert pngs and all(p.startswith(b"\x89PNG") for p in pngs)
    data = export_sop(loaded.index, loaded.index.sop["SOP-KEC-001"], pages=pngs)
    media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/media/")]
    assert len(media) == len(pngs)
    steps = len(loaded.index.sop["SOP-KEC-001"].model.langkah)
    assert len(Document(io.BytesIO(data)).inline_shapes) == steps + len(pngs)  # symbols + pages


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_export_to_pdf(loaded: api.Loaded, tmp_path: Path) -> None:
    assert SOFFICE is not None
    kode = "SOP-DINKES-001"
    pngs = flow_pngs(loaded.index, [kode])[kode]
    docx = tmp_path / f"{kode}.docx"
    docx.write_bytes(export_sop(loaded.index, loaded.index.sop[kode], pages=pngs))
    run = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    pdf = (tmp_path / f"{kode}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert pages >= 4  # identitas, prosedur over two pages, flowchart
