"""Document renderers: SOP AP drafts and the index page, Markdown from jinja2 templates.

An SOP draft follows PermenPAN-RB 35/2012: the identity table, the prosedur table, the
flowchart images (drawn by ``render.diagrams.sop_flow``), the total time computed from the
mutu baku, and a footer naming the source file. Both tables are HTML inside the Markdown:
the identity table needs a row span (the kop cell) and the prosedur table two header rows
(Pelaksana and Mutu Baku span their columns), which pipe tables cannot express. HTML
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

A Pemda's templates come with the repository, so from anyone who sends a pull request: they
run in jinja2's immutable sandbox (no attribute access to internals such as ``__globals__``,
no mutation, bounded ``range`` and repetition), and are read only as ``*.j2`` files directly
in their folder that resolve inside it (a symlink to a file elsewhere is refused by name).
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from collections.abc import Callable, Sequence
from functools import partial
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.exceptions
import jinja2.sandbox

from probis_cli import fs
from probis_cli.i18n import MONTHS, Lang, translate
from probis_cli.index import Index
from probis_cli.durasi import format_durasi, parse_durasi
from probis_cli.model.build import Document
from probis_cli.model.sop import Langkah, Simbol, Sop, flow_successors
from probis_cli.render.base import Artifact, RenderContext, Renderer, cached
from probis_cli.render.diagrams.sop_flow import paginate

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


# -- escaping ------------------------------------------------------------------------------

# Characters with a meaning in Markdown (inline markup, pipe-table cells, GitHub math) or in
# HTML become numeric character references: every renderer shows them as the character
# itself and none reads them as markup, in a pipe-table cell, an HTML cell or running text.
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "~": "&#126;",
    "$": "&#36;",
}
_ESCAPE_RE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
# Block markers that would matter if a template put the text at the start of a line.
_LEADING_RE = re.compile(r"^(?:[#+=>-]|\d+[.)])")
# Control characters (other than tab and newline) have no place in a document; a form feed
# or NUL would also confuse the block structure of some renderers.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES_RE = re.compile(r"\r\n?|[\n\u2028\u2029]")


def normalise_text(text: object) -> str:
    """The text as a cell shows it: newlines unified, control characters dropped, trimmed."""
    value = "" if text is None else str(text)
    value = _NEWLINES_RE.sub("\n", value)
    value = _CONTROL_RE.sub("", value)
    return "\n".join(line.strip() for line in value.strip().split("\n"))


def cell(text: object) -> str:
    """Escape user text for one Markdown or HTML table cell (or running text): one line, no markup.

    Newlines become ``<br>``; the text can never close its cell, end the table (a blank line
    ends an HTML block) or turn into emphasis, code, a link or a heading.
    """
    lines = normalise_text(text).split("\n")
    out: list[str] = []
    for line in lines:
        escaped = _ESCAPE_RE.sub(lambda m: _ENTITIES[m.group(0)], line)
        lead = _LEADING_RE.match(escaped)
        if lead is not None:
            marker = lead.group(0)
            escaped = f"&#{ord(marker[-1])};".join((marker[:-1], escaped[len(marker) :]))
        out.append(escaped)
    return "<br>".join(out)


def attr(text: object) -> str:
    """Escape text for an HTML attribute value in double quotes."""
    return cell(text).replace("<br>", " ").replace('"', "&quot;")


def link_target(path: str) -> str:
    """A relative link target: spaces and Markdown-breaking characters percent-encoded."""
    return "".join(c if c.isalnum() or c in "/._-~:" else "%" + "%".join(f"{b:02X}" for b in c.encode("utf-8")) for c in path)


# -- environment ---------------------------------------------------------------------------

TEMPLATE_SUFFIX = ".j2"
TEMPLATE_LIMIT = 1024 * 1024  # bytes of one template; the packaged ones are a few kB
TEMPLATE_MAX_FILES = 200


class TemplateRefused(jinja2.TemplateError):
    """A file of a Pemda's template folder that probis will not read.

    ``reason``: ``outside`` (a symlink leading out of the folder), ``not-file`` (a FIFO,
    device or folder), ``too-large``, ``unreadable``, ``encoding`` (not UTF-8), ``too-many``.
    """

    def __init__(self, name: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{name}: {reason}" + (f" ({detail})" if detail else ""))
        self.name = name
        self.reason = reason
        self.detail = detail


def _is_template_name(name: str) -> bool:
    return name.endswith(TEMPLATE_SUFFIX) and not name.startswith(".") and "/" not in name and "\\" not in name


def _read_template(folder: Path, name: str) -> str:
    path = folder / name
    if not fs.is_inside(path, folder):
        raise TemplateRefused(name, "outside")
    try:
        data = fs.read_limited(path, TEMPLATE_LIMIT)
    except fs.TooLarge as exc:
        raise TemplateRefused(name, "too-large") from exc
    except fs.NotRegularFile as exc:
        raise TemplateRefused(name, "not-file") from exc
    except OSError as exc:
        raise TemplateRefused(name, "unreadable", exc.strerror or str(exc)) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateRefused(name, "encoding") from exc


def template_files(folder: Path) -> list[tuple[str, str]]:
    """``(name, text)`` of every template (``*.j2``) directly in ``folder``, sorted by name.

    Only these can replace a packaged template (sub-folders are not searched), so they are
    all that the drafts depend on. Raises :class:`TemplateRefused` for one that leads out of
    the folder or cannot be read.
    """
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if _is_template_name(entry.name))
    except OSError as exc:
        raise TemplateRefused(folder.name or str(folder), "unreadable", exc.strerror or str(exc)) from exc
    if len(names) > TEMPLATE_MAX_FILES:
        raise TemplateRefused(folder.name or str(folder), "too-many", str(TEMPLATE_MAX_FILES))
    return [(name, _read_template(folder, name)) for name in names]


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from one folder only: ``*.j2`` files directly in it, resolving inside it."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = self.folder / template
        if not _is_template_name(template) or not (path.exists() or path.is_symlink()):
            raise jinja2.TemplateNotFound(template)
        return _read_template(self.folder, template), str(path), lambda: True


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, with ``*`` and ``**`` bounded (``'x' * 10**10``)."""

    intercepted_binops = frozenset(["*", "**"])
    MAX_ITEMS = 1_000_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 256:
            raise jinja2.exceptions.SecurityError("the power operator is limited to exponents up to 256")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > self.MAX_ITEMS:
                    raise jinja2.exceptions.SecurityError(f"repetition is limited to {self.MAX_ITEMS} items")
        return super().call_binop(context, operator, left, right)


def describe_template_error(exc: jinja2.TemplateError) -> tuple[str, str | None, int | None, str]:
    """``(kind, file, line, detail)`` of a template error, for a located message.

    ``kind``: ``refused`` (see :class:`TemplateRefused`, ``detail`` is its reason),
    ``unsafe`` (the sandbox stopped it), ``syntax``, ``missing`` or ``error``; ``file`` is the
    template's path (or name) when known.
    """
    if isinstance(exc, TemplateRefused):
        return "refused", exc.name, None, exc.reason
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return "syntax", exc.filename or exc.name, exc.lineno, exc.message or str(exc)
    file: str | None = None
    line: int | None = None
    tb = exc.__traceback__
    while tb is not None:  # jinja2 rewrites frames of template code to the template's lines
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(TEMPLATE_SUFFIX):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return "unsafe", file, line, str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        return "missing", file, line, str(exc.name) if exc.name else str(exc)
    return "error", file, line, str(exc)


def make_environment(template_dir: str | None) -> jinja2.Environment:
    """The jinja2 environment: a Pemda's ``template_dir`` first, then the packaged templates.

    Sandboxed (see the module docstring): a template is repository content, not code.
    """
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        loaders.append(ConfinedLoader(template_dir))
    loaders.append(jinja2.PackageLoader("probis_cli", "templates", encoding="utf-8"))
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown: user text goes through the ``cell`` filter instead
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,  # a partial included mid-line adds no line break
    )
    env.filters["cell"] = cell
    env.filters["attr"] = attr
    env.filters["link"] = link_target
    return env


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


# -- total time ----------------------------------------------------------------------------


_successors = flow_successors  # the same reading of the flow as the lint rules


@dataclass(frozen=True, slots=True)
class TotalWaktu:
    """The SOP's time along its longest path; incomplete when a step on a path has no measured waktu."""

    menit: float
    jalur: tuple[int, ...]  # step numbers of the longest path, in order
    tidak_terukur: tuple[tuple[int, str | None], ...]  # (step no, waktu as written or None) of reachable steps
    perulangan: tuple[int, ...] = ()  # rework steps: reachable, but lead back instead of to the end
    perulangan_menit: float = 0.0  # their time, added only when the rework happens

    @property
    def lengkap(self) -> bool:
        """Whether every reachable step has a measured waktu."""
        return not self.tidak_terukur


def total_waktu(sop: Sop) -> TotalWaktu:
    """The longest path from the start to the end step, summing each step's waktu.

    Decisions often loop back ("tidak: kembali ke langkah 1"); a loop has no longest path,
    so an edge to a step at the same or an earlier position in the table is a back-edge and
    is ignored: what remains is a DAG in table order, and the total is the time of one pass
    from a mulai step to a selesai step without repetitions. Rework steps (reachable, but
    leading only back into the flow) are not on that path; they are listed with the time
    they add when the rework happens. A range ("5-10 menit") counts with its upper bound. A
    step whose waktu is missing or unreadable counts as zero and is listed, so the total is
    then a lower bound.
    """
    langkah = list(sop.langkah)
    if not langkah:
        return TotalWaktu(0.0, (), ())
    by_no: dict[int, int] = {}
    for i, step in enumerate(langkah):
        by_no.setdefault(step.no, i)
    weight: list[float] = []
    missing: list[int] = []
    for i, step in enumerate(langkah):
        durasi = parse_durasi(step.mutu_baku.waktu) if step.mutu_baku.waktu else None
        weight.append(durasi.menit if durasi is not None else 0.0)
        if durasi is None:
            missing.append(i)
    starts = [i for i, s in enumerate(langkah) if s.simbol == "mulai"] or [0]
    # Longest distance ending at each step (inclusive), relaxing forward edges in table order.
    best: list[float | None] = [None] * len(langkah)
    previous: list[int | None] = [None] * len(langkah)
    for i in starts:
        best[i] = weight[i]
    for i in range(len(langkah)):
        current = best[i]
        if current is None:
            continue
        for j in _successors(langkah, by_no, i):
            if j <= i:
                continue  # back-edge: a loop to an earlier step
            candidate = current + weight[j]
            known = best[j]
            if known is None or candidate > known:
                best[j] = candidate
                previous[j] = i
    reached = [i for i in range(len(langkah)) if best[i] is not None]
    ends = [i for i in reached if langkah[i].simbol == "selesai"]
    # Which steps can still reach an end step going forward (reverse table order).
    reaches_end = [False] * len(langkah)
    for i in range(len(langkah) - 1, -1, -1):
        reaches_end[i] = i in ends or any(j > i and reaches_end[j] for j in _successors(langkah, by_no, i))
    candidates = ends or reached
    end = max(candidates, key=lambda i: (best[i] or 0.0, i))  # on a tie, the path that goes further
    rework = [i for i in reached if ends and not reaches_end[i]]
    path: list[int] = []
    node: int | None = end
    while node is not None:
        path.append(node)
        node = previous[node]
    path.reverse()
    unmeasured = tuple((langkah[i].no, langkah[i].mutu_baku.waktu) for i in missing if best[i] is not None)
    total = best[end]
    return TotalWaktu(
        total if total is not None else 0.0,
        tuple(langkah[i].no for i in path),
        unmeasured,
        tuple(langkah[i].no for i in rework),
        sum(weight[i] for i in rework),
    )


# -- SOP drafts ----------------------------------------------------------------------------


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


def sop_context(index: Index, sop_doc: Document[Sop], ctx: RenderContext) -> dict[str, Any]:
    """Everything ``sop.md.j2`` and its partials show, already in display order."""
    sop = sop_doc.model
    t = _translator(ctx.lang)
    here = "sop"
    opd_kode = sop_opd(index, sop)
    opd_doc = index.opd.get(opd_kode) if opd_kode else None
    unit_actor = index.actor(sop.unit) if sop.unit else None
    unit_nama = unit_actor.nama if unit_actor is not None and unit_actor.kind in ("unit", "jabatan") else None
    kop_lines = [line for line in (_instansi(index), opd_doc.model.nama.upper() if opd_doc else "", (unit_nama or "").upper()) if line]

    pelaksana = [{"kode": p.kode, "nama": p.nama} for p in sop.pelaksana]
    columns = [p.kode for p in sop.pelaksana]
    langkah_rows: list[dict[str, Any]] = []
    steps = list(sop.langkah)
    for i, step in enumerate(steps):
        nxt = steps[i + 1].no if i + 1 < len(steps) else None
        flow: list[str] = []
        if step.simbol == "keputusan" and step.branches():
            flow = _branch_text(step, t)
        elif step.simbol != "selesai" and step.lanjut is not None and step.lanjut != nxt:
            flow = [f"→ {step.lanjut}"]
        marks = {kode: {"glyph": SIMBOL_GLYPH[step.simbol], "simbol": step.simbol, "alur": flow} if kode == step.pelaksana else None for kode in columns}
        keterangan = [step.keterangan] if step.keterangan else []
        if step.pelaksana not in columns:
            keterangan.append(t("doc.sop.pelaksana_asing", pelaksana=step.pelaksana, simbol=SIMBOL_GLYPH[step.simbol]))
        langkah_rows.append(
            {
                "no": step.no,
                "kegiatan": step.kegiatan,
                "simbol": step.simbol,
                "pelaksana": marks,
                "kelengkapan": list(step.mutu_baku.kelengkapan),
                "waktu": step.mutu_baku.waktu or "",
                "output": step.mutu_baku.output or "",
                "keterangan": keterangan,
            }
        )
    keterkaitan: list[dict[str, str | None]] = []
    keterkaitan = []
    for item in sop.keterkaitan:
        other = index.sop.get(item)
        if other is not None and item != sop.kode:
            keterkaitan.append({"teks": f"{item} {other.model.nama}", "tautan": f"{item}.md"})
        else:
            keterkaitan.append({"teks": item, "tautan": None})

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
            ({"judul": t("doc.sop.dasar_hukum"), "isi": list(sop.dasar_hukum)}, {"judul": t("doc.sop.kualifikasi"), "isi": list(sop.kualifikasi_pelaksana)}),
            ({"judul": t("doc.sop.keterkaitan"), "isi": keterkaitan}, {"judul": t("doc.sop.peralatan"), "isi": list(sop.peralatan)}),
            ({"judul": t("doc.sop.peringatan"), "isi": list(sop.peringatan)}, {"judul": t("doc.sop.pencatatan"), "isi": list(sop.pencatatan)}),
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
                content=cached(ctx, f"sop-md:{kode}", _draft_reads(index, kode), partial(_draft_text, template, index, doc, ctx)),
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
                "gambar": [{"judul": e.title, "tautan": _link(e, ctx), "n": n} for n, e in enumerate(embedded_by.get(a.path, []), start=1)],
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
    content = _finish(env.get_template("indeks.md.j2").render(index_context(index, [a for a in artifacts if a.path != "index.md"], ctx)))
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
