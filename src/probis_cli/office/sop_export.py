"""An SOP AP as an editable Word document in the official layout (PermenPAN-RB 35/2012).

Landscape A4 or F4. First the kop and the identitas table; then the prosedur table (two
header rows repeated on every page: No · Kegiatan · one column per pelaksana · Mutu Baku
(Kelengkapan · Waktu · Output) · Keterangan), each step's flowchart symbol a native Word
shape (DrawingML ``flowChartTerminator`` / ``flowChartProcess`` / ``flowChartDecision``,
inline, so it stays in its cell whatever the editor does) in its pelaksana's column, with the
branch targets written under a decision (``Ya → 5``); then the flowchart with its arrows, the
renderer's own pages (``render/diagrams/sop_flow``), one image per page.

The document is always in Indonesian (it is the official form). What the form does not show
(kode, proses, unit, pelaksana codes and jabatan) rides in the core properties, so that
``probis impor sop`` gives the same SOP back. Output is byte-identical for the same input.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from probis_cli.i18n import translate
from probis_cli.index import Index
from probis_cli.model.build import Document as SourceDocument
from probis_cli.model.sop import Langkah, Sop
from probis_cli.office import require
from probis_cli.render.base import RenderContext

PAPER = {"a4": (29.7, 21.0), "f4": (33.0, 21.5)}  # landscape, cm
MARGIN = 1.5
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
GEOMETRY = {
    "mulai": "flowChartTerminator",
    "selesai": "flowChartTerminator",
    "proses": "flowChartProcess",
    "keputusan": "flowChartDecision",
}
FILL = {"mulai": "DCEBFA", "selesai": "DCEBFA", "proses": "FFFFFF", "keputusan": "FFF3CD"}
SIZE_CM = {"mulai": (1.6, 0.7), "selesai": (1.6, 0.7), "proses": (1.3, 0.8), "keputusan": (1.6, 1.0)}


def _t(message_id: str, **args: Any) -> str:
    return translate(message_id, "id", **args)


def export_sop(
    index: Index,
    doc: SourceDocument[Sop],
    *,
    kertas: str = "a4",
    pages: Sequence[bytes] = (),
    logo: bytes | None = None,
) -> bytes:
    """The .docx bytes of one SOP; ``pages`` are its flowchart pages as PNG (may be empty),
    ``logo`` the Pemda's logo (PNG/JPEG) for the kop."""
    require("docx", "lxml")
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    from probis_cli.render.documents import format_tanggal, sop_context

    sop = doc.model
    ctx = RenderContext(lang="id")
    context = sop_context(index, doc, ctx)
    width_cm, height_cm = PAPER[kertas]
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(width_cm), Cm(height_cm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN))
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    usable = width_cm - 2 * MARGIN

    _identitas(document, sop, context, usable, format_tanggal, logo)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _prosedur(document, sop, usable)
    for n, png in enumerate(pages, start=1):
        paragraph = document.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        heading = document.add_paragraph()
        heading.add_run(f"{_t('office.doc.diagram')} — {_t('office.doc.halaman', n=n, jumlah=len(pages))}").bold = True
        picture = document.add_paragraph()
        _picture(picture, png, usable, height_cm - 2 * MARGIN - 1.5)

    props = document.core_properties
    props.title = sop.nama
    props.subject = sop.nomor or ""
    props.identifier = sop.kode
    props.author = "probis"
    props.last_modified_by = "probis"
    props.revision = 1
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.comments = "probis"  # python-docx limits this to 255 characters: set the text directly
    description = props._element.find("{http://purl.org/dc/elements/1.1/}description")
    description.text = json.dumps(
        {
            "probis": 1,
            "kode": sop.kode,
            "nama": sop.nama,
            "proses": sop.proses,
            "unit": sop.unit,
            "pelaksana": [{"kode": p.kode, "jabatan": p.jabatan} for p in sop.pelaksana],
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry times (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue  # python-docx's template thumbnail: not this document
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            payload = source.read(info.filename)
            if info.filename == "_rels/.rels":
                payload = re.sub(rb"<Relationship [^>]*Target=\"docProps/thumbnail.jpeg\"\s*/>", b"", payload)
            target.writestr(fixed, payload)
    return out.getvalue()


def _cell_text(
    cell: Any, lines: Sequence[str], *, bold: bool = False, center: bool = False, size: float | None = None
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    first = True
    for line in lines or [""]:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(line)
        run.bold = bold
        if size is not None:
            run.font.size = Pt(size)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _widths(table: Any, widths_cm: Sequence[float]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(
        grid.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"), widths_cm
    ):
        col.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w", str(int(width / 2.54 * 1440)))


def _identitas(
    document: Any, sop: Sop, context: dict[str, Any], usable: float, format_tanggal: Any, logo: bytes | None
) -> None:
    table = document.add_table(rows=9, cols=3)
    table.style = "Table Grid"
    _widths(table, [usable * 0.36, usable * 0.2, usable * 0.44])
    kop = table.cell(0, 0).merge(table.cell(5, 0))
    picture = None
    if logo is not None:
        try:
            from docx.shared import Cm

            kop.paragraphs[0].add_run().add_picture(io.BytesIO(logo), height=Cm(2.2))
            picture = True
        except Exception:  # noqa: BLE001 - an unreadable logo must not stop the export: placeholder
            picture = None
    if picture:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        kop.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for line in ["", *context["kop"]["baris"]]:
            paragraph = kop.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(line).bold = True
    else:
        _cell_text(kop, ["[logo]", "", *context["kop"]["baris"]], bold=True, center=True)
    d = sop.disahkan_oleh
    pengesahan: list[str] = ["-"]
    if d is not None:
        pengesahan = [d.jabatan, "", ""]
        if d.nama:
            pengesahan.append(d.nama)
        if d.nip:
            pengesahan.append(f"NIP. {d.nip}")
    rows: list[tuple[str, list[str]]] = [
        (_t("doc.sop.nomor"), [sop.nomor or "-"]),
        (_t("doc.sop.tanggal_pembuatan"), [format_tanggal(sop.tanggal_pembuatan, "id")]),
        (_t("doc.sop.tanggal_revisi"), [format_tanggal(sop.tanggal_revisi, "id")]),
        (_t("doc.sop.tanggal_efektif"), [format_tanggal(sop.tanggal_efektif, "id")]),
        (_t("doc.sop.disahkan_oleh"), pengesahan),
        (_t("doc.sop.nama"), [sop.nama.upper()]),
    ]
    for r, (label, value) in enumerate(rows):
        _cell_text(table.cell(r, 1), [label])
        _cell_text(table.cell(r, 2), value, bold=r == 5)
    pairs = [
        ((_t("doc.sop.dasar_hukum"), sop.dasar_hukum), (_t("doc.sop.kualifikasi"), sop.kualifikasi_pelaksana)),
        ((_t("doc.sop.keterkaitan"), sop.keterkaitan), (_t("doc.sop.peralatan"), sop.peralatan)),
        ((_t("doc.sop.peringatan"), sop.peringatan), (_t("doc.sop.pencatatan"), sop.pencatatan)),
    ]
    for k, (left, right) in enumerate(pairs):
        r = 6 + k
        right_cell = table.cell(r, 1).merge(table.cell(r, 2))
        for cell, (title, values) in ((table.cell(r, 0), left), (right_cell, right)):
            _cell_text(cell, [f"{title}:"], bold=True)
            entries: list[str] = list(values)
            for i, entry in enumerate(entries or ["-"], start=1):
                cell.add_paragraph(f"{i}. {entry}" if entries else entry)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)


def _cant_split(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _prosedur(document: Any, sop: Sop, usable: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    pelaksana = list(sop.pelaksana)
    n = len(pelaksana)
    fixed = [1.0, 4.8]
    tail = [3.0, 1.6, 2.6, 2.4]
    actor = max(1.9, (usable - sum(fixed) - sum(tail)) / max(n, 1))
    flexible = [*fixed[1:], *([actor] * n), *tail]
    if sum(flexible) > usable - fixed[0]:  # many pelaksana: everything but No narrows
        flexible = [w * (usable - fixed[0]) / sum(flexible) for w in flexible]
    widths = [fixed[0], *flexible]
    header_size = 8.0 if widths[2] >= 1.9 else 7.0
    steps = sorted(sop.langkah, key=lambda s: s.no)
    table = document.add_table(rows=2, cols=len(widths))  # step rows added after the header merges
    table.style = "Table Grid"
    _widths(table, widths)
    mutu = 2 + n
    _cell_text(table.cell(0, 0).merge(table.cell(1, 0)), [_t("doc.sop.no")], bold=True, center=True, size=header_size)
    _cell_text(
        table.cell(0, 1).merge(table.cell(1, 1)), [_t("doc.sop.kegiatan")], bold=True, center=True, size=header_size
    )
    if n:
        _cell_text(
            table.cell(0, 2).merge(table.cell(0, 1 + n)),
            [_t("doc.sop.pelaksana")],
            bold=True,
            center=True,
            size=header_size,
        )
    for i, p in enumerate(pelaksana):
        _cell_text(table.cell(1, 2 + i), [p.nama], bold=True, center=True, size=header_size)
    _cell_text(
        table.cell(0, mutu).merge(table.cell(0, mutu + 2)),
        [_t("doc.sop.mutu_baku")],
        bold=True,
        center=True,
        size=header_size,
    )
    for k, key in enumerate(("doc.sop.kelengkapan", "doc.sop.waktu", "doc.sop.output")):
        _cell_text(table.cell(1, mutu + k), [_t(key)], bold=True, center=True, size=header_size)
    _cell_text(
        table.cell(0, mutu + 3).merge(table.cell(1, mutu + 3)),
        [_t("doc.sop.keterangan")],
        bold=True,
        center=True,
        size=header_size,
    )
    _repeat_header(table.rows[0])
    _repeat_header(table.rows[1])
    columns = {p.kode: 2 + i for i, p in enumerate(pelaksana)}
    shape_id = 100
    for step in steps:
        row = table.add_row()
        _cant_split(row)
        cells = row.cells  # once per row: table.cell() walks the whole table every call
        _cell_text(cells[0], [str(step.no)], center=True)
        _cell_text(cells[1], [step.kegiatan])
        col = columns.get(step.pelaksana)
        if col is not None:
            shape_id += 1
            cell = cells[col]
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph._p.append(_shape_run(step, shape_id, widths[col] - 0.3))
            for line in _flow_text(step):
                extra = cell.add_paragraph()
                extra.alignment = WD_ALIGN_PARAGRAPH.CENTER
                extra.add_run(line).font.size = Pt(header_size)
        _cell_text(cells[mutu], list(step.mutu_baku.kelengkapan))
        _cell_text(cells[mutu + 1], [step.mutu_baku.waktu or ""], center=True)
        _cell_text(cells[mutu + 2], [step.mutu_baku.output or ""])
        _cell_text(cells[mutu + 3], [step.keterangan or ""])


def _flow_text(step: Langkah) -> list[str]:
    if step.simbol == "keputusan":
        if step.cabang is not None:
            return [f"{b.label} → {b.ke}" for b in step.cabang]
        return [f"{_t('doc.sop.ya') if b.label == 'Ya' else _t('doc.sop.tidak')} → {b.ke}" for b in step.branches()]
    if step.lanjut is not None and step.simbol != "selesai":
        return [f"→ {step.lanjut}"]
    return []


def _shape_run(step: Langkah, shape_id: int, room_cm: float) -> Any:
    """A ``w:r`` holding an inline DrawingML shape with the step number inside, no wider
    than ``room_cm`` (narrow pelaksana columns shrink it, keeping its proportions)."""
    from docx.oxml import parse_xml

    width, height = SIZE_CM[step.simbol]
    scale = min(1.0, max(room_cm, 0.5) / width)
    cx, cy = int(width * scale * 360000), int(height * scale * 360000)
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{shape_id}" name="Langkah {step.no}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<wps:wsp><wps:cNvSpPr/><wps:spPr>"
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="{GEOMETRY[step.simbol]}"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{FILL[step.simbol]}"/></a:solidFill>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>{step.no}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        '<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    return parse_xml(xml)


def _picture(paragraph: Any, png: bytes, max_width_cm: float, max_height_cm: float) -> None:
    import struct

    from docx.shared import Cm

    width_px, height_px = struct.unpack(">II", png[16:24]) if png[:8] == b"\x89PNG\r\n\x1a\n" else (4, 3)
    width = max_width_cm
    height = width * height_px / max(width_px, 1)
    if height > max_height_cm:
        height = max_height_cm
        width = height * width_px / max(height_px, 1)
    paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width), height=Cm(height))


def office_logo(index: Index) -> bytes | None:
    """The Pemda's logo (``pengaturan.render.logo``) as PNG/JPEG bytes Word can embed.

    Read the same confined, size-limited way as for the PDF; an SVG logo is rasterised.
    None when unset or unusable (the kop then shows a placeholder)."""
    import base64

    from probis_cli.render.graphviz import RenderError, rasterise_svg
    from probis_cli.render.pdf_sop import read_logo

    found = read_logo(index)
    if found is None:
        return None
    kind, encoded = found
    data = base64.b64decode(encoded)
    if kind != "svg":
        return data
    try:
        return rasterise_svg(data)
    except RenderError:
        return None


def flow_pngs(index: Index, kodes: Sequence[str], lang: str = "id") -> dict[str, list[bytes]]:
    """The flowchart pages of SOPs ``kodes`` as PNG, from the renderer's own diagrams."""
    from probis_cli.render.diagrams.sop_flow import render_sop_flow
    from probis_cli.render.graphviz import find_engine

    wanted = set(kodes)
    ctx = RenderContext(lang="id")
    engine = find_engine("auto")
    out: dict[str, list[bytes]] = {k: [] for k in kodes}
    for artifact in render_sop_flow(index, ctx):
        kode = artifact.path.split("/")[1]
        if kode in wanted:
            out[kode].append(engine.render(artifact.text(), "png"))
    return out
