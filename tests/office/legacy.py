"""Realistic legacy SOP AP .docx files for the import tests, built with python-docx plus raw
WordprocessingML for the shapes (as Word itself writes them: floating DrawingML shapes in
mc:AlternateContent with a VML fallback, connectors for the arrows, text boxes for the branch
labels; or legacy VML only; or marks instead of shapes)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.oxml import OxmlElement, parse_xml

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
PRST = {
    "mulai": "flowChartTerminator",
    "selesai": "flowChartTerminator",
    "proses": "flowChartProcess",
    "keputusan": "flowChartDecision",
    "konektor": "flowChartOffpageConnector",
}
VML_TYPE = {"mulai": "116", "selesai": "116", "proses": "109", "keputusan": "110", "konektor": "177"}
_ids = iter(range(1000, 100000))


@dataclass
class Step:
    no: str
    kegiatan: str
    pelaksana: int | None  # column index among the pelaksana
    simbol: str = "proses"
    kelengkapan: Sequence[str] = ()
    waktu: str = "10 menit"
    output: str = ""
    keterangan: str = ""
    labels: Sequence[str] = ()  # text boxes near the arrows (Ya / Tidak)
    mark: str = "✓"  # for the marks variant


@dataclass
class Legacy:
    kop: Sequence[str] = ("PEMERINTAH KOTA CONTOH", "DINAS KESEHATAN", "BIDANG P2P")
    ident: dict[str, str] = field(default_factory=dict)  # label -> value (in order)
    lists: Sequence[tuple[str, Sequence[str]]] = ()  # paired rows, label -> items
    pelaksana: Sequence[str] = ()
    steps: Sequence[Step] = ()


def _anchored_shape(simbol: str, text: str = "", offset: int = 90000) -> Any:
    """A floating DrawingML shape (with VML fallback) anchored in the paragraph, as Word writes."""
    n = next(_ids)
    box = f"<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>" if text else ""
    return parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{offset}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>40000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="540000" cy="250000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{n}" name="Shape {n}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="540000" cy="250000"/></a:xfrm><a:prstGeom prst="{PRST[simbol]}"><a:avLst/></a:prstGeom></wps:spPr>'
        f"{box}<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape id="s{n}" type="#_x0000_t{VML_TYPE[simbol]}" style="position:absolute;width:42pt;height:20pt"/></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    )


def _connector() -> Any:
    """An arrow: a DrawingML connector (wps:cNvCnPr), which is not a step's symbol."""
    n = next(_ids)
    return parse_xml(
        f'<w:r {NS}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>300000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>290000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="0" cy="300000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{n}" name="Connector {n}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="300000"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _label_box(text: str) -> Any:
    """A text box holding an arrow's label (rect geometry, no line: it is not a symbol)."""
    n = next(_ids)
    return parse_xml(
        f'<w:r {NS}><w:pict><v:shapetype id="_x0000_t202" o:spt="202" path="m,l,21600r21600,l21600,xe"/>'
        f'<v:shape id="t{n}" type="#_x0000_t202" stroked="f" style="position:absolute;width:30pt;height:14pt">'
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def _vml_shape(simbol: str) -> Any:
    n = next(_ids)
    return parse_xml(
        f'<w:r {NS}><w:pict><v:shapetype id="_x0000_t{VML_TYPE[simbol]}" o:spt="{VML_TYPE[simbol]}" path="m,l,21600r21600,l21600,xe"/>'
        f'<v:shape id="v{n}" type="#_x0000_t{VML_TYPE[simbol]}" style="position:absolute;margin-left:10pt;width:42pt;height:20pt"/></w:pict></w:r>'
    )


def _sym_tick() -> Any:
    return parse_xml(f'<w:r {NS}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>')


def _set_text(cell: Any, text: str, *, bold: bool = False) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].add_run(lines[0]).bold = bold
    for line in lines[1:]:
        cell.add_paragraph(line)


def _header_repeat(row: Any) -> None:
    el = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(el)


def identitas_table(document: Any, sop: Legacy, *, labels_beside: bool = True, with_lists: bool = True) -> None:
    rows = list(sop.ident.items())
    table = document.add_table(rows=len(rows) + (len(sop.lists) // 2 if with_lists else 0), cols=3)
    table.style = "Table Grid"
    if rows:
        kop = table.cell(0, 0).merge(table.cell(len(rows) - 1, 0))
        _set_text(kop, "\n".join(sop.kop), bold=True)
    for r, (label, value) in enumerate(rows):
        _set_text(table.cell(r, 1), label)
        _set_text(table.cell(r, 2), value)
    if with_lists:
        for k in range(0, len(sop.lists), 2):
            r = len(rows) + k // 2
            right = table.cell(r, 1).merge(table.cell(r, 2))
            for cell, (label, values) in ((table.cell(r, 0), sop.lists[k]), (right, sop.lists[k + 1])):
                _set_text(cell, label + ":", bold=True)
                for value in values:
                    cell.add_paragraph(value)


def lists_table_label_above(document: Any, sop: Legacy) -> None:
    """The paired rows as their own table, labels in one row and the items in the row below."""
    table = document.add_table(rows=len(sop.lists), cols=2)
    table.style = "Table Grid"
    for k in range(0, len(sop.lists), 2):
        for c in range(2):
            label, values = sop.lists[k + c]
            _set_text(table.cell(k, c), label, bold=True)
            _set_text(table.cell(k + 1, c), "\n".join(values) if values else "-")


def prosedur_table(
    document: Any, sop: Legacy, *, mode: str, merged_names: bool = False, number_row: bool = False
) -> None:
    """mode: 'anchored' (DrawingML + VML fallback, connectors, label boxes), 'vml', 'marks'."""
    n = len(sop.pelaksana)
    grid_pel = n + (1 if merged_names else 0)  # one name spans two grid columns
    cols = 2 + grid_pel + 4
    head = 2 + (1 if number_row else 0)
    table = document.add_table(rows=head + len(sop.steps), cols=cols)
    table.style = "Table Grid"
    _set_text(table.cell(0, 0).merge(table.cell(1, 0)), "NO", bold=True)
    _set_text(table.cell(0, 1).merge(table.cell(1, 1)), "Uraian Kegiatan", bold=True)
    _set_text(table.cell(0, 2).merge(table.cell(0, 1 + grid_pel)), "PELAKSANA", bold=True)
    mutu = 2 + grid_pel
    _set_text(table.cell(0, mutu).merge(table.cell(0, mutu + 2)), "MUTU BAKU", bold=True)
    _set_text(table.cell(0, mutu + 3).merge(table.cell(1, mutu + 3)), "KET.", bold=True)
    col_of: list[int] = []
    c = 2
    for i, name in enumerate(sop.pelaksana):
        if merged_names and i == 0:
            _set_text(table.cell(1, c).merge(table.cell(1, c + 1)), name, bold=True)
            col_of.append(c)
            c += 2
        else:
            _set_text(table.cell(1, c), name, bold=True)
            col_of.append(c)
            c += 1
    for k, word in enumerate(("Persyaratan/ Kelengkapan", "Waktu", "Output")):
        _set_text(table.cell(1, mutu + k), word, bold=True)
    _header_repeat(table.rows[0])
    _header_repeat(table.rows[1])
    if number_row:
        for k in range(cols):
            if merged_names and k == 3:
                continue
            _set_text(table.cell(2, k), str(k + 1))
    for r, step in enumerate(sop.steps, start=head):
        _set_text(table.cell(r, 0), step.no)
        _set_text(table.cell(r, 1), step.kegiatan)
        if step.pelaksana is not None:
            target = table.cell(r, col_of[step.pelaksana])
            p = target.paragraphs[0]
            if mode == "anchored":
                p._p.append(_anchored_shape(step.simbol, step.no))
                if step.simbol != "selesai":
                    p._p.append(_connector())
                for label in step.labels:
                    p._p.append(_label_box(label))
            elif mode == "vml":
                p._p.append(_vml_shape(step.simbol))
            elif step.mark == "sym":
                p._p.append(_sym_tick())
            else:
                p.add_run(step.mark)
        _set_text(table.cell(r, mutu), "\n".join(step.kelengkapan))
        _set_text(table.cell(r, mutu + 1), step.waktu)
        _set_text(table.cell(r, mutu + 2), step.output)
        _set_text(table.cell(r, mutu + 3), step.keterangan)


def build(sop: Legacy, *, variant: str) -> bytes:
    document = Document()
    document.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
    if variant == "split":
        identitas_table(document, sop, with_lists=False)
        document.add_paragraph("")
        lists_table_label_above(document, sop)
    else:
        identitas_table(document, sop)
    document.add_paragraph("")
    mode = {"anchored": "anchored", "marks": "marks", "merged": "vml", "split": "anchored"}[variant]
    prosedur_table(document, sop, mode=mode, merged_names=variant == "merged", number_row=variant == "merged")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sample(**changes: Any) -> Legacy:
    """A typical legacy SOP (Dinas Kesehatan, imunisasi), as offices typed them."""
    base = Legacy(
        ident={
            "Nomor SOP": "440/017/SOP/DINKES/2019",
            "Tgl. Pembuatan": "3 Pebruari 2019",
            "Tgl. Revisi": "-",
            "Tgl. Efektif": "1 Maret 2019",
            "Disahkan Oleh": "KEPALA DINAS KESEHATAN\n\n(ttd)\n\ndr. Bambang Sutrisno\nNIP. 19650312 199003 1 004",
            "Nama SOP": "PELAYANAN IMUNISASI DI POSYANDU",
        },
        lists=(
            (
                "Dasar Hukum",
                (
                    "1. Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan",
                    "2. Permenkes Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi",
                ),
            ),
            ("Kualifikasi Pelaksanaan", ("a. Bidan atau perawat terlatih", "b. Memahami rantai dingin vaksin")),
            ("Keterkaitan", ("- SOP Rantai Dingin Vaksin",)),
            ("Peralatan / Perlengkapan", ("1) Vaccine carrier", "2) ADS dan safety box")),
            ("Peringatan", ("• Vaksin kedaluwarsa tidak boleh dipakai",)),
            ("Pencatatan dan Pendataan", ("Buku KIA", "Register kohort")),
        ),
        pelaksana=("Petugas Pendaftaran", "Vaksinator", "Kepala Puskesmas"),
        steps=(
            Step("1.", "Menerima sasaran dan Buku KIA", 0, "mulai", ("Buku KIA",), "5 menit", "Sasaran terdaftar"),
            Step(
                "2.",
                "Apakah bayi memenuhi syarat imunisasi?",
                1,
                "keputusan",
                ("Buku KIA", "Termometer"),
                "5 menit",
                "Hasil skrining",
                labels=("Ya", "Tidak"),
            ),
            Step("3.", "Memberikan KIE dan menjadwalkan ulang", 1, "proses", (), "Segera", "Jadwal ulang"),
            Step("4.", "Memberikan vaksin", 1, "proses", ("Vaksin", "ADS"), "10 menit", "Bayi terimunisasi"),
            Step(
                "5.",
                "Mencatat dan melaporkan hasil imunisasi",
                2,
                "selesai",
                ("Register kohort",),
                "1 hari kerja",
                "Laporan imunisasi",
                "Laporan bulanan",
            ),
        ),
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base
