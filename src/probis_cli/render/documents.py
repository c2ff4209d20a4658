"""Document renderers: SOP AP drafts and the index page, Markdown from jinja2 templates.

An SOP draft follows PermenPAN-RB 35/2012: the identity table, the prosedur table, the
flowchart images (drawn by ``render.diagrams.sop_flow``), the total time computed from the
mutu baku, and a footer naming the source file. Both tables are HTML inside the Markdown:
the identity table needs a row span (the kop cell) and the prosedur table two header rows
(Mutu Baku spans its three columns), which pipe tables cannot express. HTML
tables render on GitHub, GitLab and in editors' previews, keep one ``<tr>`` per line so a
changed step is a one-line diff, and survive a Word conversion through pandoc's HTML
reader::

    pandoc -f gfm -t html sop/SOP-X.md | pandoc -f html -o SOP-X.docx

(``pandoc -f gfm -o x.docx`` directly drops raw HTML, and with it any ``<br>`` in a pipe
table, so no Markdown table form survives the direct route with line breaks intact.)

Templates ship in ``probis_cli/templates``; a Pemda's own folder (``pengaturan.render.templat``)
is searched first, so it can replace ``sop.md.j2`` or only a partial such as ``_kop.md.j2``.
Every template gets its context from one function (``sop_context``, ``index_context``).
Output is deterministic: no dates of today, everything in declared or sorted order.

The template machinery (sandbox, confined loader, escaping filters) is in ``templating.py``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from probis_cli.durasi import format_durasi
from probis_cli.i18n import MONTHS, Lang, translate
from probis_cli.index import Index
from probis_cli.model.build import Document
from probis_cli.model.sop import Langkah, Simbol, Sop
from probis_cli.render.base import Artifact, RenderContext, Renderer, cached
from probis_cli.render.diagrams.sop_flow import paginate
from probis_cli.render.templating import (
    ConfinedLoader,
    TemplateRefused,
    cell,
    describe_template_error,
    make_environment,
    normalise_text,
    template_files,
)
from probis_cli.render.waktu import TotalWaktu, total_waktu

__all__ = [
    "DOCUMENTS",
    "SIMBOL_GLYPH",
    "TEMPLATE_PACKAGE_DIR",
    "ConfinedLoader",
    "TemplateRefused",
    "TotalWaktu",
    "cell",
    "describe_template_error",
    "format_tanggal",
    "index_context",
    "make_environment",
    "normalise_text",
    "render_index_page",
    "render_sop_drafts",
    "sop_context",
    "sop_flow_pages",
    "sop_opd",
    "template_files",
    "total_waktu",
]

TEMPLATE_PACKAGE_DIR = Path(__file__).resolve().parent.parent / "templates"

# One glyph per flowchart symbol, drawn in the actor's column of the prosedur table.
SIMBOL_GLYPH: dict[Simbol, str] = {
    # WGL4 glyphs, present in every common font (Arial, Times, Calibri, Liberation, DejaVu):
    # the kapsul "⬭" is missing from most and printed as a blank cell.
    "mulai": "○",  # kapsul (terminator)
    "selesai": "○",
    "proses": "□",  # kotak
    "keputusan": "◊",  # belah ketupat
}

_BULAN = MONTHS  # one list of month names for messages and documents


def _translator(lang: Lang) -> Callable[..., str]:
    def t(message_id: str, **args: Any) -> str:
        return translate(message_id, lang, **args)

    return t


# -- shared helpers ------------------------------------------------------------------------


def sop_flow_pages(sop: Sop, ctx: RenderContext) -> list[str]:
    """Artifact paths of an SOP's flowchart pages, ``sop/<kode>/halaman-<n>`` (at least one).

    The pages are the flowchart renderer's own (``ctx.max_steps_per_page`` steps a page), so
    a draft always embeds exactly the images that renderer produces.
    """
    pages = len(paginate(sop, ctx.max_steps_per_page))
    return [f"sop/{sop.kode}/halaman-{n}" for n in range(1, pages + 1)]


def sop_opd(index: Index, sop: Sop) -> str | None:
    """The OPD owning an SOP: its unit's OPD, else the first owner of its process."""
    opd = index.opd_of(sop.unit) if sop.unit else None
    if opd is None and sop.unit:
        head = sop.unit.split("/")[0]
        opd = head if head in index.opd else None
    if opd is None and sop.proses and sop.proses in index.proses:
        owners = index.owners(sop.proses)
        opd = owners[0] if owners else None
    return opd


def format_tanggal(value: dt.date | None, lang: Lang) -> str:
    """``10 Januari 2026`` (or ``10 January 2026``); ``-`` when there is no date."""
    if value is None:
        return "-"
    return f"{value.day} {_BULAN[lang][value.month - 1]} {value.year}"


def _instansi(index: Index) -> str:
    """``PEMERINTAH KOTA CONTOH`` from the Pemda's name and tingkat."""
    if index.pemda is None:
        return ""
    pemda = index.pemda.model
    nama = pemda.nama.strip()
    if nama.lower().startswith("pemerintah"):
        return nama.upper()
    tingkat = pemda.tingkat
    if nama.lower().startswith(tingkat):
        return f"PEMERINTAH {nama}".upper()
    return f"PEMERINTAH {tingkat} {nama}".upper()


def _relative(from_dir: str, target: str) -> str:
    return posixpath.relpath(target, from_dir) if from_dir else target


def _logo_src(ctx: RenderContext, from_dir: str) -> str | None:
    if not ctx.logo:
        return None
    logo = ctx.logo.replace("\\", "/")
    if logo.startswith("/") or re.match(r"^[A-Za-z]:/", logo) or "://" in logo:
        return logo  # absolute: used as given
    return _relative(from_dir, logo)


def _branch_text(step: Langkah, t: Callable[..., str]) -> list[str]:
    out = []
    for branch in step.branches():
        label = branch.label
        if step.cabang is None:  # the ya/tidak shorthand: its words are labels, translate them
            label = t("doc.sop.ya") if branch.label == "Ya" else t("doc.sop.tidak")
        out.append(f"{label} → {branch.ke}")
    return out


def _waktu_reason(no: int, waktu: str | None, t: Callable[..., str]) -> str:
    if waktu is None or not waktu.strip():
        return t("doc.sop.waktu_kosong", no=no)
    return t("doc.sop.waktu_tak_terukur", no=no, waktu=waktu)


def _langkah_rows(sop: Sop, t: Callable[..., str]) -> list[dict[str, Any]]:
    """The rows of the prosedur table: a step, its mark in its pelaksana's column, mutu baku."""
    columns = [p.kode for p in sop.pelaksana]
    names = {p.kode: p.nama for p in sop.pelaksana}
    langkah_rows: list[dict[str, Any]] = []
    steps = list(sop.langkah)
    for i, step in enumerate(steps):
        nxt = steps[i + 1].no if i + 1 < len(steps) else None
        flow: list[str] = []
        if step.simbol == "keputusan" and step.branches():
            flow = _branch_text(step, t)
        elif step.simbol != "selesai" and step.lanjut is not None and step.lanjut != nxt:
            flow = [f"→ {step.lanjut}"]
        marks = {
            kode: {"glyph": SIMBOL_GLYPH[step.simbol], "simbol": step.simbol, "alur": flow}
            if kode == step.pelaksana
            else None
            for kode in columns
        }
        keterangan = [step.keterangan] if step.keterangan else []
        if step.pelaksana not in columns:
            keterangan.append(t("doc.sop.pelaksana_asing", pelaksana=step.pelaksana, simbol=SIMBOL_GLYPH[step.simbol]))
        langkah_rows.append(
            {
                "no": step.no,
                "kegiatan": step.kegiatan,
                "simbol": step.simbol,
                "pelaksana": marks,
                "alur": flow,  # where the flow goes on, when not simply to the next step
                "glyph": SIMBOL_GLYPH[step.simbol],
                "oleh": names.get(step.pelaksana, step.pelaksana),  # who: the pelaksana's name
                "kelengkapan": list(step.mutu_baku.kelengkapan),
                "waktu": step.mutu_baku.waktu or "",
                "output": step.mutu_baku.output or "",
                "keterangan": keterangan,
            }
        )
    return langkah_rows


def _keterkaitan(index: Index, sop: Sop) -> list[dict[str, str | None]]:
    """The related SOPs, linked when they exist in the repository."""
    keterkaitan: list[dict[str, str | None]] = []
    for item in sop.keterkaitan:
        other = index.sop.get(item)
        if other is not None and item != sop.kode:
            keterkaitan.append({"teks": f"{item} {other.model.nama}", "tautan": f"{item}.md"})
        else:
            keterkaitan.append({"teks": item, "tautan": None})
    return keterkaitan


def sop_context(index: Index, sop_doc: Document[Sop], ctx: RenderContext) -> dict[str, Any]:
    """Everything ``sop.md.j2`` and its partials show, already in display order."""
    sop = sop_doc.model
    t = _translator(ctx.lang)
    here = "sop"
    opd_kode = sop_opd(index, sop)
    opd_doc = index.opd.get(opd_kode) if opd_kode else None
    unit_actor = index.actor(sop.unit) if sop.unit else None
    unit_nama = unit_actor.nama if unit_actor is not None and unit_actor.kind in ("unit", "jabatan") else None
    kop_lines = [
        line
        for line in (_instansi(index), opd_doc.model.nama.upper() if opd_doc else "", (unit_nama or "").upper())
        if line
    ]

    pelaksana = [{"kode": p.kode, "nama": p.nama} for p in sop.pelaksana]
    langkah_rows = _langkah_rows(sop, t)
    keterkaitan = _keterkaitan(index, sop)

    total = total_waktu(sop)
    pages = sop_flow_pages(sop, ctx)
    pengesahan = sop.disahkan_oleh
    return {
        "t": t,
        "lang": ctx.lang,
        "sop": {
            "kode": sop.kode,
            "nomor": sop.nomor,
            "nama": sop.nama,
            "proses": sop.proses,
            "proses_nama": index.proses[sop.proses].model.nama if sop.proses and sop.proses in index.proses else None,
        },
        "kop": {
            "logo": _logo_src(ctx, here),
            "baris": kop_lines,
            "pemda": _instansi(index),
            "opd": opd_doc.model.nama if opd_doc else None,
            "unit": unit_nama,
        },
        "identitas": {
            "tanggal_pembuatan": format_tanggal(sop.tanggal_pembuatan, ctx.lang),
            "tanggal_revisi": format_tanggal(sop.tanggal_revisi, ctx.lang),
            "tanggal_efektif": format_tanggal(sop.tanggal_efektif, ctx.lang),
            "disahkan_oleh": (
                {"jabatan": pengesahan.jabatan, "nama": pengesahan.nama, "nip": pengesahan.nip} if pengesahan else None
            ),
        },
        "pasangan": [
            (
                {"judul": t("doc.sop.dasar_hukum"), "isi": list(sop.dasar_hukum)},
                {"judul": t("doc.sop.kualifikasi"), "isi": list(sop.kualifikasi_pelaksana)},
            ),
            (
                {"judul": t("doc.sop.keterkaitan"), "isi": keterkaitan},
                {"judul": t("doc.sop.peralatan"), "isi": list(sop.peralatan)},
            ),
            (
                {"judul": t("doc.sop.peringatan"), "isi": list(sop.peringatan)},
                {"judul": t("doc.sop.pencatatan"), "isi": list(sop.pencatatan)},
            ),
        ],
        "pelaksana": pelaksana,
        "langkah": langkah_rows,
        "simbol": [{"glyph": SIMBOL_GLYPH[s], "nama": t(f"doc.simbol.{s}")} for s in ("mulai", "proses", "keputusan")],
        "diagram": [
            {"src": _relative(here, f"{path}.{ctx.image_format}"), "halaman": n, "jumlah": len(pages)}
            for n, path in enumerate(pages, start=1)
        ],
        "waktu": {
            "total": format_durasi(total.menit, ctx.lang),
            "lengkap": total.lengkap,
            "jalur": " → ".join(str(no) for no in total.jalur),
            "tidak_terukur": [_waktu_reason(no, waktu, t) for no, waktu in total.tidak_terukur],
            "ada_langkah": bool(sop.langkah),
            "perulangan": ", ".join(str(no) for no in total.perulangan),
            "perulangan_total": format_durasi(total.perulangan_menit, ctx.lang),
        },
        "sumber": sop_doc.path,
    }


def render_sop_drafts(index: Index, ctx: RenderContext) -> list[Artifact]:
    """One Markdown draft per SOP: ``sop/<kode>.md``, embedding its flowchart pages."""
    env = make_environment(ctx.template_dir)
    template = env.get_template("sop.md.j2")
    out: list[Artifact] = []
    for kode in sorted(index.sop):
        doc = index.sop[kode]
        sop = doc.model
        out.append(
            Artifact(
                path=f"sop/{kode}.md",
                kind="markdown",
                content=cached(
                    ctx, f"sop-md:{kode}", _draft_reads(index, kode), partial(_draft_text, template, index, doc, ctx)
                ),
                title=f"{kode} {sop.nama}",
                opd=sop_opd(index, sop),
                codes=tuple(c for c in (kode, sop.proses) if c),
                group="sop",
                embeds=tuple(sop_flow_pages(sop, ctx)),
            )
        )
    return out


def _draft_text(template: Any, index: Index, doc: Document[Sop], ctx: RenderContext) -> str:
    """The Markdown of one SOP draft."""
    return _finish(template.render(sop_context(index, doc, ctx)))


def _draft_reads(index: Index, kode: str) -> list[str]:
    """The documents an SOP draft reads: the SOP, its process, and the SOPs it links to."""
    sop = index.sop[kode].model
    paths = [index.sop[kode].path]
    if sop.proses in index.proses:
        paths.append(index.proses[sop.proses].path)
    for entry in sop.keterkaitan:  # "SOP-X-002 Penerbitan Akta": the code is the first word
        code = entry.split()[0] if entry.split() else ""
        if code in index.sop:
            paths.append(index.sop[code].path)
    return paths


def _finish(text: str) -> str:
    """Tidy a rendered page: no trailing spaces, no runs of blank lines, one final newline."""
    lines = [line.rstrip() for line in text.split("\n")]
    tidy: list[str] = []
    for line in lines:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"


# -- index page ----------------------------------------------------------------------------


def _link(artifact: Artifact, ctx: RenderContext) -> str:
    return artifact.path if artifact.kind == "markdown" else f"{artifact.path}.{ctx.image_format}"


def index_context(index: Index, artifacts: Sequence[Artifact], ctx: RenderContext) -> dict[str, Any]:
    """Every diagram and document grouped by OPD (Pemda-wide first, then OPD by name)."""
    t = _translator(ctx.lang)
    embedded_by: dict[str, list[Artifact]] = {}
    by_path = {a.path: a for a in artifacts}
    for a in artifacts:
        for e in a.embeds:
            if e in by_path:
                embedded_by.setdefault(a.path, []).append(by_path[e])
    embedded = {e.path for lst in embedded_by.values() for e in lst}

    def opd_title(kode: str) -> str:
        doc = index.opd.get(kode)
        return doc.model.nama if doc is not None else kode

    keys: list[str | None] = []
    for a in artifacts:
        if a.opd not in keys:
            keys.append(a.opd)
    ordered: list[str | None] = ([None] if None in keys else []) + sorted(
        (k for k in keys if k is not None), key=lambda k: (opd_title(k).casefold(), k)
    )
    pemda = index.pemda.model.nama if index.pemda is not None else None
    sections = []
    for key in ordered:
        mine = [a for a in artifacts if a.opd == key]
        diagrams = [
            {"judul": a.title, "tautan": _link(a, ctx)} for a in mine if a.kind != "markdown" and a.path not in embedded
        ]
        documents = [
            {
                "judul": a.title,
                "tautan": _link(a, ctx),
                "gambar": [
                    {"judul": e.title, "tautan": _link(e, ctx), "n": n}
                    for n, e in enumerate(embedded_by.get(a.path, []), start=1)
                ],
            }
            for a in mine
            if a.kind == "markdown"
        ]
        n_diagrams = sum(1 for a in mine if a.kind != "markdown")
        sections.append(
            {
                "judul": (pemda or t("doc.indeks.pemda")) if key is None else opd_title(key),
                "kode": key,
                "diagram": diagrams,
                "dokumen": documents,
                "jumlah_diagram": n_diagrams,
                "jumlah_dokumen": len(documents),
            }
        )
    return {
        "t": t,
        "lang": ctx.lang,
        "pemda": pemda,
        "bagian": sections,
        "jumlah_diagram": sum(1 for a in artifacts if a.kind != "markdown"),
        "jumlah_dokumen": sum(1 for a in artifacts if a.kind == "markdown"),
        "format": ctx.image_format,
    }


def render_index_page(index: Index, artifacts: Sequence[Artifact], ctx: RenderContext) -> Artifact:
    """``index.md``: links to every diagram and document, grouped by OPD, with counts."""
    env = make_environment(ctx.template_dir)
    content = _finish(
        env.get_template("indeks.md.j2").render(
            index_context(index, [a for a in artifacts if a.path != "index.md"], ctx)
        )
    )
    return Artifact(
        path="index.md",
        kind="markdown",
        content=content,
        title=translate("doc.indeks.judul", ctx.lang),
        group="indeks",
    )


DOCUMENTS: dict[str, Renderer] = {
    "sop": render_sop_drafts,
}
