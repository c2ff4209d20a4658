"""The progress report as Markdown, CSV, JSON and an SVG bar chart (deterministic text)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from html import escape
from typing import Any

from probis_cli.i18n import Lang, translate
from probis_cli.laporan.compute import FAMILIES, Baris, Laporan, persen

# Machine-readable column names (CSV header, JSON keys): stable, the YAML vocabulary.
COLUMNS: tuple[str, ...] = (
    "opd",
    "nama",
    "kegiatan",
    "kegiatan_dilaksanakan",
    "proses_terendah",
    "proses_dengan_sop",
    "sop",
    "sop_terukur",
    *(f"temuan_{f.lower()}" for f in FAMILIES),
    "perubahan_terakhir",
)


def _values(row: Baris) -> list[Any]:
    return [
        row.kode,
        row.nama,
        row.kegiatan,
        row.kegiatan_dilaksanakan,
        row.proses_terendah,
        row.proses_dengan_sop,
        row.sop,
        row.sop_terukur,
        *(row.temuan.get(f, 0) for f in FAMILIES),
        row.perubahan_terakhir,
    ]


def _rows(laporan: Laporan) -> list[Baris]:
    return [*laporan.opd, laporan.pemda]


def headers(lang: Lang) -> list[str]:
    """Column titles of the human-readable table (Markdown, terminal)."""
    return [
        translate(f"laporan.col_{key}", lang) for key in ("opd", "kegiatan", "proses", "sop", "temuan", "perubahan")
    ]


def cells(row: Baris, lang: Lang, *, short: bool = False) -> list[str]:
    """One row of the human-readable table: ``done/total (pct)`` and findings ``T·K·M·lain``
    (``short``: the OPD's singkatan instead of its name and code, for narrow terminals)."""

    def frac(part: int, whole: int) -> str:
        return f"{part}/{whole} ({persen(part, whole)})"

    name = row.label if short else f"{row.nama} (`{row.kode}`)"
    if not row.kode:
        name = translate("laporan.total", lang, nama=row.nama)
    temuan = " · ".join(f"{'lain' if f == 'lain' else f} {row.temuan.get(f, 0)}" for f in FAMILIES)
    if lang == "en":
        temuan = temuan.replace("lain", "other")
    return [
        name,
        frac(row.kegiatan_dilaksanakan, row.kegiatan),
        frac(row.proses_dengan_sop, row.proses_terendah),
        frac(row.sop_terukur, row.sop),
        temuan,
        row.perubahan_terakhir or "–",
    ]


def to_markdown(laporan: Laporan, lang: Lang) -> str:
    """A Markdown document: title, what the columns mean, the table."""
    head = headers(lang)
    lines = [
        f"# {translate('laporan.title', lang, nama=laporan.pemda.nama)}",
        "",
        translate("laporan.legend", lang),
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---"] + ["---:"] * 3 + ["---", "---"]) + "|",
    ]
    for row in _rows(laporan):
        values = [c.replace("|", "\\|") for c in cells(row, lang)]
        if not row.kode:
            values = [f"**{v}**" for v in values]
        lines.append("| " + " | ".join(values) + " |")
    return "\n".join(lines) + "\n"


def to_csv(laporan: Laporan, lang: Lang) -> str:
    """One line per OPD and a last line for the Pemda (``opd`` empty); raw counts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in _rows(laporan):
        writer.writerow(_values(row))
    return buffer.getvalue()


def to_json(laporan: Laporan, lang: Lang) -> str:
    """``{"pemda": {...}, "opd": [{...}]}`` with the CSV's keys and ``temuan`` as an object."""

    def obj(row: Baris) -> dict[str, Any]:
        data = dict(zip(COLUMNS, _values(row)))
        for f in FAMILIES:
            data.pop(f"temuan_{f.lower()}")
        data["temuan"] = {f: row.temuan.get(f, 0) for f in FAMILIES}
        if not row.kode:
            data.pop("opd")
        return data

    return (
        json.dumps(
            {"versi": 1, "pemda": obj(laporan.pemda), "opd": [obj(r) for r in laporan.opd]},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


# --- SVG bar chart -----------------------------------------------------------------------

_SERIES: tuple[tuple[str, str], ...] = (
    ("kegiatan", "#2f6db5"),
    ("proses", "#e08a1e"),
    ("sop", "#3c9a4a"),
)
_FONT = "Helvetica, Arial, Liberation Sans, sans-serif"


def to_svg(laporan: Laporan, lang: Lang) -> str:
    """Grouped horizontal bars per OPD (and the Pemda): % kegiatan carried out, % lowest-level
    processes with an SOP, % SOPs fully measurable. Sizes and text are fixed: same input,
    same bytes."""
    rows = _rows(laporan)
    label_w, bar_w, bar_h, gap, top = 260, 420, 11, 12, 78
    group_h = bar_h * len(_SERIES) + gap
    width = label_w + bar_w + 70
    height = top + group_h * len(rows) + 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{_FONT}" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="12" y="24" font-size="16" font-weight="bold">{escape(translate("laporan.title", lang, nama=laporan.pemda.nama))}</text>',
    ]
    x = 12
    for key, colour in _SERIES:
        label = escape(translate(f"laporan.series_{key}", lang))
        out.append(f'<rect x="{x}" y="38" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 16}" y="48">{label}</text>')
        x += 16 + 7 * len(label) + 24
    for tick in (0, 25, 50, 75, 100):
        tx = label_w + bar_w * tick // 100
        out.append(f'<line x1="{tx}" y1="{top - 8}" x2="{tx}" y2="{height - 24}" stroke="#dddddd"/>')
        out.append(f'<text x="{tx}" y="{top - 12}" text-anchor="middle" fill="#666666">{tick}%</text>')
    for i, row in enumerate(rows):
        y0 = top + i * group_h
        name = row.label if row.kode else translate("laporan.total_short", lang)
        weight = ' font-weight="bold"' if not row.kode else ""
        out.append(
            f'<text x="{label_w - 8}" y="{y0 + bar_h * 2}" text-anchor="end"{weight}>{escape(_short(name))}</text>'
        )
        values = (
            (row.kegiatan_dilaksanakan, row.kegiatan),
            (row.proses_dengan_sop, row.proses_terendah),
            (row.sop_terukur, row.sop),
        )
        for j, ((part, whole), (_key, colour)) in enumerate(zip(values, _SERIES)):
            y = y0 + j * bar_h
            w = 0 if whole == 0 else round(bar_w * part / whole)
            out.append(f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h - 2}" fill="{colour}"/>')
            out.append(
                f'<text x="{label_w + w + 4}" y="{y + bar_h - 3}" font-size="9" fill="#333333">{escape(persen(part, whole))}</text>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


FORMATS: dict[str, Callable[[Laporan, Lang], str]] = {
    "markdown": to_markdown,
    "csv": to_csv,
    "json": to_json,
    "svg": to_svg,
}


def to_png(laporan: Laporan, lang: Lang) -> bytes:
    """The SVG chart rasterised with the bundled font (the renderer's converter)."""
    from probis_cli.render.graphviz import _svg_to_png  # one converter for every PNG probis makes

    return _svg_to_png(to_svg(laporan, lang).encode("utf-8"), "laporan")
