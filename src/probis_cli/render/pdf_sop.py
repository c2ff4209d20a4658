"""The printable SOP AP: one PDF per SOP (``sop/<kode>.pdf``), the document that is signed
and filed — an identitas page and the prosedur pages, on A4 or F4 landscape.

* identitas page (PermenPAN-RB 35/2012): the kop (logo, instansi, OPD, unit) beside the
  identity rows (nomor, tanggal pembuatan / revisi / efektif, the pengesahan block with room
  for the signature, nama), then dasar hukum · kualifikasi, keterkaitan · peralatan,
  peringatan · pencatatan;
* prosedur pages: the flowchart (the prosedur table with its symbols) drawn as vectors,
  paginated for the paper so each page holds as many steps as fit once the table is scaled
  to the page width; the table header repeats on every page, arrows to another page end
  in numbered connectors;
* every page: a header line (instansi, SOP nomor and nama) and "Halaman x dari y".

Engine: **fpdf2** — already a dependency (pure Python, no system libraries), embeds the
bundled Liberation Sans as subsets, draws Graphviz's SVG as vectors, and with a fixed
creation date gives byte-identical files. typst (PyPI ``typst``) was the alternative: a
~30 MB native wheel per platform and a second layout language for the same table, while
the flowchart geometry already exists here; fpdf2 needs neither.

Renderers stay pure: :func:`render_sop_ap` returns an artifact whose (lazy) content is a
JSON specification (texts, logo, page DOTs); :func:`compose` lays out its pages with the
engine and writes the PDF, when ``--format pdf`` asks for it. Without PDF nothing of it is
built (its digest comes from the inputs), so SVG renders cost what they did.

The logo (``pengaturan.render.logo``) is repository content, so untrusted: it must resolve
inside the repository (symlinks out are refused), be a regular file of at most
:data:`LOGO_LIMIT` bytes, and be PNG, JPEG or SVG by its content; otherwise the kop is
printed without it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import warnings
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from probis_cli import __version__
from probis_cli.fs import OutsideError, read_limited, resolve_inside
from probis_cli.i18n import translate
from probis_cli.index import Index
from probis_cli.render.base import Artifact, LazyContent, RenderContext

if TYPE_CHECKING:
    from probis_cli.render.graphviz import Engine

MM: Final = 72 / 25.4
PAPER: Final[dict[str, tuple[float, float]]] = {  # landscape, points
    "A4": (297 * MM, 210 * MM),
    "F4": (330 * MM, 215 * MM),
}
MARGIN: Final = 12 * MM
HEADER: Final = 22.0  # height of the header line band
FOOTER: Final = 18.0
LOGO_LIMIT: Final = 1 << 20
SIGNATURE: Final = 42.0  # points of room for the signature and stamp
LOGO_BOX: Final = 64.0  # points, the logo's largest side on the identitas page
SPEC_VERSION: Final = 1


# -- the specification (pure) -------------------------------------------------------------
def paper(index: Index) -> str:
    """``A4`` or ``F4`` from ``pengaturan.render.kertas`` (A4 without probis.yaml)."""
    if index.pemda is None:
        return "A4"
    return str(index.pemda.model.pengaturan.render.kertas)


def drawing_box(kertas: str) -> tuple[float, float]:
    """Width and height (points) a prosedur page's drawing may take."""
    width, height = PAPER[kertas]
    return width - 2 * MARGIN, height - 2 * MARGIN - HEADER - FOOTER


def read_logo(index: Index) -> tuple[str, str] | None:
    """``(kind, base64 data)`` of the configured logo, or None when unset or unusable."""
    if index.pemda is None or not index.pemda.model.pengaturan.render.logo:
        return None
    try:
        path = resolve_inside(index.root, index.pemda.model.pengaturan.render.logo)
        data = read_limited(path, LOGO_LIMIT)
    except (OutsideError, OSError):
        return None
    kind = logo_kind(data)
    return (kind, base64.b64encode(data).decode("ascii")) if kind else None


def logo_kind(data: bytes) -> str | None:
    """``png``, ``jpeg`` or ``svg`` judged by the content, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    head = data[:2048].lstrip().lower()
    if (head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--")) and b"<svg" in head:
        return "svg"
    return None


def sop_spec(index: Index, kode: str, ctx: RenderContext) -> dict[str, Any]:
    """Everything :func:`compose` prints for one SOP (JSON-serialisable)."""
    from probis_cli.render.diagrams.sop_flow import print_pages
    from probis_cli.render.documents import sop_context

    doc = index.sop[kode]
    context = sop_context(index, doc, ctx)
    t = context["t"]
    kertas = paper(index)
    width, height = drawing_box(kertas)
    pasangan = []
    for left, right in context["pasangan"]:
        pasangan.append([_block(left), _block(right)])
    sop = context["sop"]
    return {
        "kode": sop["kode"],
        "nomor": sop["nomor"] or "",
        "nama": sop["nama"],
        "kop": list(context["kop"]["baris"]),
        "identitas": [
            [t("doc.sop.nomor"), sop["nomor"] or "-"],
            [t("doc.sop.tanggal_pembuatan"), context["identitas"]["tanggal_pembuatan"]],
            [t("doc.sop.tanggal_revisi"), context["identitas"]["tanggal_revisi"]],
            [t("doc.sop.tanggal_efektif"), context["identitas"]["tanggal_efektif"]],
        ],
        "disahkan": [t("doc.sop.disahkan_oleh"), context["identitas"]["disahkan_oleh"]],
        "nama_label": t("doc.sop.nama"),
        "pasangan": pasangan,
        "halaman": translate("diagram.sop.pdf_halaman", ctx.lang, x="{x}", y="{y}"),
        "pages": print_pages(doc.model, ctx, width, height),
    }


def _block(part: dict[str, Any]) -> dict[str, Any]:
    items = [item["teks"] if isinstance(item, dict) else str(item) for item in part["isi"]]
    return {"judul": part["judul"], "isi": items}


def _spec_text(index: Index, ctx: RenderContext, kodes: list[str], specs: dict[str, dict[str, Any]]) -> str:
    for kode in kodes:  # an SOP's pages are laid out once, for itself and for its OPD's bundle
        if kode not in specs:
            specs[kode] = sop_spec(index, kode, ctx)
    spec = {
        "versi": SPEC_VERSION,
        "kertas": paper(index),
        "logo": read_logo(index),
        "sop": [specs[kode] for kode in kodes],
    }
    return json.dumps(spec, ensure_ascii=False, sort_keys=True)


def _inputs_digest(index: Index, ctx: RenderContext, kode: str, logo: str, dumps: dict[str, str]) -> str:
    """A digest of everything an SOP's specification reads, cheap to compute: the
    specification itself (pages laid out for the paper) is built only when a PDF is written."""
    from probis_cli.render.documents import sop_opd

    sop = index.sop[kode].model
    opd = sop_opd(index, sop)
    parts = [
        str(SPEC_VERSION),
        __version__,
        ctx.lang,
        logo,
        _dump(index, "", dumps),
        sop.model_dump_json(),
        _dump(index, opd or "", dumps),
        index.proses[sop.proses].model.nama if sop.proses and sop.proses in index.proses else "",
        *(f"{k}={index.sop[k].model.nama}" for k in sop.keterkaitan if k in index.sop),
    ]
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _dump(index: Index, opd: str, dumps: dict[str, str]) -> str:
    """The pemda document (``opd`` empty) or an OPD document as JSON, once per render."""
    if opd not in dumps:
        if not opd:
            dumps[opd] = index.pemda.model.model_dump_json() if index.pemda is not None else ""
        else:
            dumps[opd] = index.opd[opd].model.model_dump_json() if opd in index.opd else ""
    return dumps[opd]


def render_sop_ap(index: Index, ctx: RenderContext) -> list[Artifact]:
    """The printable SOP AP of every SOP (``sop/<kode>``, written as ``.pdf``) and one bundle
    per OPD (``sop/opd/<opd>``) holding its SOPs in code order.

    The contents are lazy: their digests come from the inputs, and the specification (which
    lays out the pages for the paper) is built only when a PDF has to be written.
    """
    from probis_cli.render.documents import sop_opd

    logo = read_logo(index)
    logo_digest = hashlib.blake2b(json.dumps(logo).encode("utf-8"), digest_size=16).hexdigest()
    specs: dict[str, dict[str, Any]] = {}
    digests: dict[str, str] = {}
    dumps: dict[str, str] = {}
    out: list[Artifact] = []
    by_opd: dict[str, list[str]] = {}
    for kode in sorted(index.sop):
        sop = index.sop[kode].model
        opd = sop_opd(index, sop)
        if opd:
            by_opd.setdefault(opd, []).append(kode)
        digests[kode] = _inputs_digest(index, ctx, kode, logo_digest, dumps)
        out.append(
            Artifact(
                path=f"sop/{kode}",
                kind="sop-ap",
                content=LazyContent(digests[kode], partial(_spec_text, index, ctx, [kode], specs)),
                title=translate("diagram.sop.pdf_artifact", ctx.lang, nama=sop.nama),
                opd=opd,
                codes=tuple(c for c in (kode, sop.proses) if c),
                group="sop",
            )
        )
    for opd, kodes in sorted(by_opd.items()):
        digest = hashlib.blake2b("\0".join(digests[k] for k in kodes).encode("utf-8"), digest_size=16).hexdigest()
        out.append(
            Artifact(
                path=f"sop/opd/{opd}",
                kind="sop-ap",
                content=LazyContent(digest, partial(_spec_text, index, ctx, kodes, specs)),
                title=translate("diagram.sop.pdf_bundel", ctx.lang, opd=opd),
                opd=opd,
                codes=tuple(kodes),
                group="sop",
            )
        )
    return out


# -- the PDF (needs an engine for the drawings) -------------------------------------------
def compose(spec_text: str, engine: Engine) -> bytes:
    """The PDF of a specification from :func:`render_sop_ap`."""
    from probis_cli.render.graphviz import RenderError, fpdf_quiet

    spec = json.loads(spec_text)
    drawings = [[engine.render(dot, "svg") for dot in sop["pages"]] for sop in spec["sop"]]
    loggers, quiet = fpdf_quiet()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _compose(spec, drawings)
    except RenderError:
        raise
    except Exception as exc:  # fpdf2 raises many kinds; all mean "cannot make this PDF"
        raise RenderError("convert", f"SOP AP PDF failed: {exc}", engine=engine.name, detail=str(exc)) from exc
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)


def _compose(spec: dict[str, Any], drawings: list[list[bytes]]) -> bytes:
    import datetime as dt

    import fpdf

    from probis_cli.render.graphviz import bundled_font_files, svg_for_fpdf
    from probis_cli.render.teks import BUNDLED_FAMILY

    width, height = PAPER[spec["kertas"]]
    pdf = fpdf.FPDF(unit="pt", format=(height, width), orientation="L")
    pdf.set_creation_date(dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))
    pdf.set_margin(MARGIN)
    pdf.set_auto_page_break(False)
    fonts = bundled_font_files()
    family = BUNDLED_FAMILY if fonts else "helvetica"
    for style, path in fonts.items():
        pdf.add_font(BUNDLED_FAMILY, style, str(path))
    logo = spec.get("logo")
    ranges: list[tuple[dict[str, Any], int, int]] = []  # (sop, first page, last page)
    for sop, pages in zip(spec["sop"], drawings):
        first = pdf.page + 1
        _identitas(pdf, family, sop, logo, width, height)
        for svg in pages:
            pdf.add_page()
            _drawing(pdf, svg_for_fpdf(svg), width, height)
        ranges.append((sop, first, pdf.page))
    # Headers and "Halaman x dari y" last, once each SOP's page count is known (an identitas
    # page with long lists may run onto a second page); numbered per SOP, also in a bundle.
    for sop, first, last in ranges:
        for page in range(first, last + 1):
            pdf.page = page
            _frame(pdf, family, sop, page - first + 1, last - first + 1, width, height)
    pdf.page = len(pdf.pages)
    return bytes(pdf.output())


def _frame(pdf: Any, family: str, sop: dict[str, Any], number: int, total: int, width: float, height: float) -> None:
    """The header line and "Halaman x dari y" of the current page."""
    pdf.font_family = ""  # revisiting a page: make fpdf2 select the font on it again
    pdf.set_font(family, "", 8)
    pdf.set_text_color(70, 70, 70)
    left = " · ".join(line for line in sop["kop"][:2] if line)
    right = f"{sop['nomor'] or sop['kode']} — {sop['nama']}"
    pdf.set_xy(MARGIN, MARGIN)
    pdf.cell((width - 2 * MARGIN) / 2, 10, _fit(pdf, left, (width - 2 * MARGIN) / 2 - 6))
    pdf.set_xy(width / 2, MARGIN)
    pdf.cell((width - 2 * MARGIN) / 2, 10, _fit(pdf, right, (width - 2 * MARGIN) / 2), align="R")
    pdf.set_draw_color(140, 153, 166)
    pdf.set_line_width(0.5)
    pdf.line(MARGIN, MARGIN + 13, width - MARGIN, MARGIN + 13)
    pdf.set_xy(MARGIN, height - MARGIN - 10)
    pdf.cell(width - 2 * MARGIN, 10, sop["halaman"].format(x=number, y=total), align="R")
    pdf.set_text_color(0, 0, 0)


def _fit(pdf: Any, text: str, room: float) -> str:
    """``text`` shortened with "…" to fit ``room`` points (header line only; the full text
    is on the identitas page)."""
    if pdf.get_string_width(text) <= room:
        return text
    while text and pdf.get_string_width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _drawing(pdf: Any, svg: str, width: float, height: float) -> None:
    """A flowchart page scaled to the page width (and height), centred horizontally."""
    from fpdf.svg import SVGObject

    drawing = SVGObject(svg)
    if not isinstance(drawing.width, (int, float)) or not isinstance(drawing.height, (int, float)):
        raise ValueError("the flowchart SVG has no absolute size")
    w, h = float(drawing.width), float(drawing.height)
    room_w, room_h = width - 2 * MARGIN, height - 2 * MARGIN - HEADER - FOOTER
    scale = min(room_w / w, room_h / h, 1.0)
    x = MARGIN + (room_w - w * scale) / 2
    pdf.image(io.BytesIO(svg.encode("utf-8")), x=x, y=MARGIN + HEADER, w=w * scale, h=h * scale)


def _identitas_rows(sop: dict[str, Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The identity rows: a label and its value parts (text, style; "ttd" leaves room to sign)."""
    rows: list[tuple[str, list[tuple[str, str]]]] = [(label, [(value, "")]) for label, value in sop["identitas"]]
    disahkan_label, disahkan = sop["disahkan"]
    if disahkan:
        # room for the signature between the jabatan and the name
        block = [(disahkan.get("jabatan") or "", ""), ("", "ttd"), (disahkan.get("nama") or "", "B")]
        if disahkan.get("nip"):
            block.append((f"NIP. {disahkan['nip']}", ""))
        rows.append((disahkan_label, block))
    else:
        rows.append((disahkan_label, [("-", "")]))
    rows.append((sop["nama_label"], [(sop["nama"].upper(), "B")]))
    return rows


def _identitas(pdf: Any, family: str, sop: dict[str, Any], logo: list[str] | None, width: float, height: float) -> None:
    """The identitas page: kop cell beside the identity rows, then the paired rows."""
    pdf.add_page()
    top = MARGIN + HEADER
    inner = width - 2 * MARGIN
    kop_w, label_w = inner * 0.38, inner * 0.18
    value_w = inner - kop_w - label_w
    pad = 5.0
    size, line = 9.5, 12.0
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.6)

    def text_height(text: str, w: float, style: str = "", font: float = size) -> float:
        if style == "ttd":
            return SIGNATURE
        pdf.set_font(family, style, font)
        lines = pdf.multi_cell(w - 2 * pad, line, text, dry_run=True, output="LINES")
        return max(len(lines), 1) * line

    def write(text: str, x: float, y: float, w: float, style: str = "", align: str = "L", font: float = size) -> float:
        if style == "ttd":
            return y + SIGNATURE
        pdf.set_font(family, style, font)
        pdf.set_xy(x + pad, y)
        pdf.multi_cell(w - 2 * pad, line, text, align=align)
        return float(pdf.get_y())

    rows = _identitas_rows(sop)
    y = top
    heights = []
    for label, parts in rows:
        h = max(text_height(label, label_w), sum(text_height(text, value_w, style) for text, style in parts))
        heights.append(h + 2 * pad)
    # the kop: logo and instansi lines, centred in the cell spanning the identity rows
    span = sum(heights)
    kop_lines = "\n".join(sop["kop"])
    kop_text_h = text_height(kop_lines, kop_w, "B", 11) if kop_lines else 0.0
    logo_h = LOGO_BOX if logo else 0.0
    block_h = logo_h + (8 if logo and kop_lines else 0) + kop_text_h
    span = max(span, block_h + 2 * pad)
    heights[-1] += span - sum(heights)
    pdf.rect(MARGIN, top, kop_w, span)
    ky = top + (span - block_h) / 2
    if logo:
        _logo(pdf, logo, MARGIN + kop_w / 2, ky)
        ky += logo_h + 8
    if kop_lines:
        pdf.set_font(family, "B", 11)
        pdf.set_xy(MARGIN + pad, ky)
        pdf.multi_cell(kop_w - 2 * pad, line, kop_lines, align="C")
    for (label, parts), h in zip(rows, heights):
        x = MARGIN + kop_w
        pdf.rect(x, y, label_w, h)
        pdf.rect(x + label_w, y, value_w, h)
        write(label, x, y + pad, label_w)
        vy = y + pad
        for text, style in parts:
            vy = write(text, x + label_w, vy, value_w, style)
        y += h
    # the paired rows: two halves, each a heading and a numbered list
    half = inner / 2
    for left, right in sop["pasangan"]:
        texts = [_listing(part) for part in (left, right)]
        h = max(text_height(judul, half, "B") + text_height(body, half) for judul, body in texts) + 2 * pad
        if y + h > height - MARGIN - FOOTER:
            pdf.add_page()
            y = MARGIN + HEADER
        for k, (judul, body) in enumerate(texts):
            x = MARGIN + k * half
            pdf.rect(x, y, half, h)
            after = write(judul, x, y + pad, half, "B")
            write(body, x, after, half)
        y += h


def _listing(part: dict[str, Any]) -> tuple[str, str]:
    items = part["isi"]
    body = "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1)) if items else "-"
    return f"{part['judul']}:", body


def _logo(pdf: Any, logo: list[str], centre_x: float, top: float) -> None:
    """The logo scaled to fit a :data:`LOGO_BOX` square, centred on ``centre_x``."""
    kind, data = logo
    raw = base64.b64decode(data)
    if kind == "svg":
        from fpdf.svg import SVGObject

        drawing = SVGObject(raw.decode("utf-8", "replace"))
        sw, sh = drawing.width, drawing.height
        w, h = (
            (sw, sh)
            if isinstance(sw, (int, float)) and isinstance(sh, (int, float)) and sw > 0 and sh > 0
            else (LOGO_BOX, LOGO_BOX)
        )
    else:
        from PIL import Image

        with Image.open(io.BytesIO(raw)) as image:
            w, h = image.size
    scale = LOGO_BOX / max(float(w), float(h))
    pdf.image(io.BytesIO(raw), x=centre_x - w * scale / 2, y=top, w=w * scale, h=h * scale)
