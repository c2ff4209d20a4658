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


def test_flowchart_pages_are_embedded(loaded: api.Loaded, exported: Path) -> None:
    data = (exported / "SOP-DINKES-001.docx").read_bytes()
    media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/media/")]
    assert len(media) == 1  # twelve steps: one flowchart page
    assert zipfile.ZipFile(io.BytesIO(data)).read(media[0]).startswith(b"\x89PNG")
    steps = len(loaded.index.sop["SOP-DINKES-001"].model.langkah)
    assert len(Document(io.BytesIO(data)).inline_shapes) == steps + 1  # symbols + the page


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def exported(loaded: api.Loaded, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example SOP as .docx; one with its flowchart pages (the images cost ~0.7 s a page)."""
    folder = tmp_path_factory.mktemp("docx")
    with_images = "SOP-DINKES-001"
    pngs = flow_pngs(loaded.index, [with_images])[with_images]
    for kode, doc in loaded.index.sop.items():
        (folder / f"{kode}.docx").write_bytes(export_sop(loaded.index, doc, pages=pngs if kode == with_images else ()))
    return folder


def test_every_example_sop_opens_in_python_docx(loaded: api.Loaded, exported: Path) -> None:
    for kode, doc in loaded.index.sop.items():
        document = Document(str(exported / f"{kode}.docx"))
        assert len(document.tables) == 2
        assert len(document.tables[1].rows) == 2 + len(doc.model.langkah)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_every_export_to_pdf(loaded: api.Loaded, exported: Path, tmp_path: Path) -> None:
    assert SOFFICE is not None
    files = sorted(str(p) for p in exported.glob("*.docx"))
    run = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *files,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    for kode in loaded.index.sop:
        pdf = (tmp_path / f"{kode}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF"), kode
        pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
        assert pages >= 2, kode  # identitas, prosedur
    pdf = (tmp_path / "SOP-DINKES-001.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) >= 4  # + prosedur over two pages, flowchart
