"""The pages of the catalogue site: a pure function of the index, the findings and the laid-out
diagrams, returning ``{relative path: bytes}``.

Every page is rendered by jinja2's immutable sandbox with autoescaping: names, codes and steps
come from the repository, which is untrusted (a process named ``<script>`` is shown as text).
Links are relative, so the folder works from ``file://``, a shared drive or any static host.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from probis_cli import __version__
from probis_cli.api import Loaded
from probis_cli.findings import Finding, Result, Severity
from probis_cli.i18n import Lang, translate
from probis_cli.index import Index
from probis_cli.laporan.compute import FAMILIES, Baris, Laporan, persen
from probis_cli.laporan.formats import cells
from probis_cli.model.kode import program_of
from probis_cli.render.base import RenderContext
from probis_cli.render.documents import sop_context, sop_flow_pages, sop_opd
from probis_cli.site.svg import inline_svg

SITE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = SITE_DIR / "templates"
ASSET_DIR = SITE_DIR / "assets"
ASSETS = ("situs.css", "situs.js", "cari.js")

# The diagram groups the site shows (rendered by ``probis render``'s own renderers).
DIAGRAM_GROUPS = ("hierarki", "peta-level-0", "peta-level-n", "lintas-fungsi", "relasi", "sop")


@dataclass
class SiteInput:
    """What the pages are made of."""

    loaded: Loaded
    result: Result
    laporan: Laporan
    lang: Lang
    svgs: Mapping[str, str]  # artifact path (no extension) -> SVG text; missing -> not shown
    # "sop:<kode>" / "opd:<kode>" -> (label, site path) of the files to download from its page
    downloads: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)


def _file_part(code: str) -> str:
    """A file name for a code: codes are slugs, but a repository is untrusted; anything else
    (and a leading dot) is encoded, so no name can climb out of its folder."""
    out = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else f"_{ord(ch):x}_" for ch in code)
    return ("_" + out) if not out or out.startswith(".") else out


class Names:
    """The page of every OPD, process and SOP; letter-case twins get a numbered name (one
    file on Windows and macOS), deterministically."""

    def __init__(self, index: Index) -> None:
        self.pages: dict[tuple[str, str], str] = {}
        for kind, codes in (("opd", index.opd), ("proses", index.proses), ("sop", index.sop)):
            taken: set[str] = set()
            for code in sorted(codes):
                base = _file_part(code)
                name, n = base, 1
                while name.casefold() in taken:
                    n += 1
                    name = f"{base}~{n}"
                taken.add(name.casefold())
                self.pages[(kind, code)] = f"{kind}/{name}.html"

    def page(self, kind: str, code: str) -> str | None:
        """The page path of ``code`` of ``kind`` (opd, proses, sop), if it exists."""
        return self.pages.get((kind, code))


def _rel(here: str, target: str) -> str:
    """``target`` (a site path) as a link from the page ``here``."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _fold(text: str) -> str:
    """Lower case without accents: how the search index and queries are compared."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))


def make_environment() -> jinja2.Environment:
    """The sandboxed, autoescaping jinja2 environment of the site's templates."""
    env = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


class Builder:
    """Builds every page of one site."""

    def __init__(self, data: SiteInput) -> None:
        self.data = data
        self.index = data.loaded.index
        self.lang = data.lang
        self.names = Names(self.index)
        self.env = make_environment()
        self._labels: dict[str, str] = {}
        self.env.globals["t"] = self.t  # macros see it too
        self.pages: dict[str, bytes] = {}
        self.findings = sorted(data.result.findings, key=lambda f: f.sort_key())
        self.findings_by_path: dict[str, list[Finding]] = {}
        for f in self.findings:
            self.findings_by_path.setdefault(f.location.path, []).append(f)
        self._proses_by_kegiatan: dict[str, list[str]] | None = None
        self._findings_by_opd: dict[str, list[Finding]] | None = None
        self.doc_of_path: dict[str, tuple[str, str]] = {}
        for kind, docs in (("opd", self.index.opd), ("proses", self.index.proses), ("sop", self.index.sop)):
            for code, doc in docs.items():
                self.doc_of_path.setdefault(doc.path, (kind, code))
        self.opd_of_proses = {k: (self.index.owners(k) or [""])[0] for k in self.index.proses}
        self.opd_of_sop = {k: sop_opd(self.index, d.model) or "" for k, d in self.index.sop.items()}
        self.svg_count = 0

    # -- helpers -------------------------------------------------------------------------
    def t(self, message_id: str, **args: Any) -> str:
        """A message in the site's language (labels without arguments remembered: a city's
        pages ask for them some 200,000 times)."""
        if args:
            return translate(message_id, self.lang, **args)
        text = self._labels.get(message_id)
        if text is None:
            text = self._labels[message_id] = translate(message_id, self.lang)
        return text

    def finding_opd(self, finding: Finding) -> str:
        """The OPD a finding belongs to (through its document), or ''."""
        target = self.doc_of_path.get(finding.location.path)
        if target is None:
            return ""
        kind, code = target
        if kind == "opd":
            return code
        return self.opd_of_proses.get(code, "") if kind == "proses" else self.opd_of_sop.get(code, "")

    def finding_page(self, finding: Finding) -> str | None:
        """The page showing the document a finding is about."""
        target = self.doc_of_path.get(finding.location.path)
        if target is not None:
            return self.names.page(*target)
        doc_path = finding.location.path
        if self.index.rpjmd is not None and doc_path == self.index.rpjmd.path:
            return "pohon.html"
        if self.index.pemda is not None and doc_path == self.index.pemda.path:
            return "index.html"
        return None

    def doc_label(self, path: str) -> str:
        """``PB.02 Pelayanan Kesehatan``: what a finding's file is, for people."""
        target = self.doc_of_path.get(path)
        if target is None:
            if self.index.rpjmd is not None and path == self.index.rpjmd.path:
                return "RPJMD"
            return self.pemda_name() if self.index.pemda is not None and path == self.index.pemda.path else ""
        kind, code = target
        if kind == "opd":
            return self.index.opd[code].model.nama
        nama = self.index.proses[code].model.nama if kind == "proses" else self.index.sop[code].model.nama
        return f"{code} {nama}"

    def resolver(self, here: str) -> Callable[[str, str], tuple[str, str] | None]:
        """Node ids of diagrams -> links from the page ``here``."""
        index = self.index

        def resolve(kind: str, code: str) -> tuple[str, str] | None:
            if kind == "sop" and code in index.sop:
                page = self.names.page("sop", code)
                return (_rel(here, page), f"{code} {index.sop[code].model.nama}") if page else None
            if kind == "p" and code in index.proses:
                page = self.names.page("proses", code)
                return (_rel(here, page), f"{code} {index.proses[code].model.nama}") if page else None
            if kind in ("n", "dari", "untuk") and code in index.opd:
                page = self.names.page("opd", code)
                return (_rel(here, page), index.opd[code].model.nama) if page else None
            if kind in ("keg", "sub"):
                code = code if kind == "keg" else ".".join(code.split(".")[:5])
                entries = index.kegiatan.get(code) or []
                if entries:
                    page = self.names.page("opd", entries[0].opd)
                    if page:
                        return (
                            _rel(here, page) + "#kegiatan-" + _file_part(code),
                            f"{code} {entries[0].kegiatan.nama}",
                        )
            if kind == "prog" and code in index.program:
                return (_rel(here, "pohon.html") + "#program-" + _file_part(code), code)
            if kind == "s" and code in index.sasaran:
                return (_rel(here, "pohon.html") + "#sasaran-" + _file_part(code), code)
            return None

        return resolve

    def diagram(self, here: str, path: str, title: str) -> dict[str, str] | None:
        """An inline, linked diagram for the page ``here``, or None when it was not laid out."""
        svg = self.data.svgs.get(path)
        if svg is None:
            return None
        self.svg_count += 1
        return {"judul": title, "svg": inline_svg(svg, f"d{self.svg_count}", self.resolver(here), title)}

    def diagrams(self, here: str, items: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
        out = []
        for path, title in items:
            d = self.diagram(here, path, title)
            if d is not None:
                out.append(d)
        return out

    def link(self, here: str, kind: str, code: str) -> str | None:
        page = self.names.page(kind, code)
        return _rel(here, page) if page else None

    def finding_rows(self, here: str, findings: Sequence[Finding]) -> list[dict[str, Any]]:
        rows = []
        for f in findings:
            page = self.finding_page(f)
            loc = f.location
            rows.append(
                {
                    "kode": f.code,
                    "nama": f.name,
                    "tingkat": f.severity.label,
                    "tingkat_teks": f.severity.text(self.lang),
                    "keluarga": f.code[0] if f.code[:1] in ("T", "K", "M") else "lain",
                    "opd": self.finding_opd(f),
                    "lokasi": f"{loc.path}:{loc.line}" if loc.line else loc.path,
                    "dokumen": self.doc_label(loc.path),
                    "pesan": f.text(self.lang),
                    "tautan": _rel(here, page) if page else None,
                }
            )
        return rows

    def progress(self, row: Baris) -> dict[str, Any]:
        return {
            "kode": row.kode,
            "nama": row.nama,
            "label": row.label,
            "tautan": None,
            "kegiatan": (row.kegiatan_dilaksanakan, row.kegiatan, persen(row.kegiatan_dilaksanakan, row.kegiatan)),
            "proses": (row.proses_dengan_sop, row.proses_terendah, persen(row.proses_dengan_sop, row.proses_terendah)),
            "sop": (row.sop_terukur, row.sop, persen(row.sop_terukur, row.sop)),
            "pct": [
                _ratio(row.kegiatan_dilaksanakan, row.kegiatan),
                _ratio(row.proses_dengan_sop, row.proses_terendah),
                _ratio(row.sop_terukur, row.sop),
            ],
            "temuan": cells(row, self.lang)[4],
        }

    def render(self, here: str, template: str, title: str, **context: Any) -> None:
        root = _rel(here, "index.html")[: -len("index.html")]
        html = self.env.get_template(template).render(
            t=self.t,
            lang=self.lang,
            judul=title,
            root=root,
            here=here,
            pemda=self.pemda_name(),
            versi=__version__,
            **context,
        )
        self.pages[here] = html.encode("utf-8")

    def pemda_name(self) -> str:
        pemda = self.index.pemda
        return pemda.model.nama if pemda is not None else self.data.loaded.root.name

    # -- pages ---------------------------------------------------------------------------
    def build(self) -> dict[str, bytes]:
        self.home()
        self.peta()
        self.pohon()
        for code in sorted(self.index.opd):
            self.opd_page(code)
        for code in sorted(self.index.proses):
            self.proses_page(code)
        for code in sorted(self.index.sop):
            self.sop_page(code)
        self.temuan()
        self.cari()
        for name in ASSETS:
            self.pages[f"assets/{name}"] = (ASSET_DIR / name).read_bytes()
        self.pages["assets/indeks-cari.js"] = self.search_index()
        return self.pages

    def home(self) -> None:
        here = "index.html"
        rpjmd = self.index.rpjmd.model if self.index.rpjmd is not None else None
        pemda = self.index.pemda.model if self.index.pemda is not None else None
        rows = []
        for row in self.data.laporan.opd:
            item = self.progress(row)
            item["tautan"] = self.link(here, "opd", row.kode)
            rows.append(item)
        total = self.progress(self.data.laporan.pemda)
        keluarga = [
            {"kode": f, "nama": self.t(f"site.family.{f}"), "jumlah": self.data.laporan.pemda.temuan.get(f, 0)}
            for f in FAMILIES
        ]
        self.render(
            here,
            "home.html.j2",
            self.pemda_name(),
            info={
                "tingkat": pemda.tingkat if pemda else "",
                "periode": str(pemda.periode) if pemda else "",
                "visi": rpjmd.visi if rpjmd else "",
                "misi": [{"kode": m.kode, "uraian": m.uraian} for m in rpjmd.misi] if rpjmd else [],
            },
            jumlah={"opd": len(self.index.opd), "proses": len(self.index.proses), "sop": len(self.index.sop)},
            baris=rows,
            total=total,
            keluarga=keluarga,
        )

    def peta(self) -> None:
        here = "peta.html"
        diagrams = self.diagrams(
            here,
            [
                ("peta/level-0/pemda", self.t("site.diagram.level0_pemda")),
                ("relasi/pemda", self.t("site.diagram.relasi_pemda")),
            ],
        )
        self.render(here, "peta.html.j2", self.t("site.nav.peta"), diagram=diagrams)

    def pohon(self) -> None:
        here = "pohon.html"
        index = self.index
        rpjmd = index.rpjmd.model if index.rpjmd is not None else None
        proses_of_kegiatan = self.proses_by_kegiatan()
        kegiatan_of_program: dict[str, list[dict[str, Any]]] = {}
        for code in sorted(index.kegiatan):
            entries = index.kegiatan[code]
            kegiatan_of_program.setdefault(program_of(code), []).append(
                {
                    "kode": code,
                    "anchor": _file_part(code),
                    "nama": entries[0].kegiatan.nama,
                    "opd": [
                        {
                            "nama": index.opd[e.opd].model.label,
                            "tautan": (self.link(here, "opd", e.opd) or "") + "#kegiatan-" + _file_part(code),
                        }
                        for e in entries
                    ],
                    "proses": [
                        {"kode": p, "nama": index.proses[p].model.nama, "tautan": self.link(here, "proses", p)}
                        for p in proses_of_kegiatan.get(code, [])
                    ],
                }
            )

        def program_item(kode: str, nama: str) -> dict[str, Any]:
            return {
                "kode": kode,
                "anchor": _file_part(kode),
                "nama": nama,
                "kegiatan": kegiatan_of_program.get(kode, []),
            }

        def sasaran_item(sasaran: Any) -> dict[str, Any]:
            placed_sasaran.add(sasaran.kode)
            programs = []
            for p in rpjmd.program if rpjmd is not None else []:
                if sasaran.kode in p.sasaran:
                    placed_program.add(p.kode)
                    programs.append(program_item(p.kode, p.nama))
            return {
                "kode": sasaran.kode,
                "anchor": _file_part(sasaran.kode),
                "uraian": sasaran.uraian,
                "program": programs,
            }

        placed_sasaran: set[str] = set()
        placed_program: set[str] = set()
        tree: list[dict[str, Any]] = []
        lepas: dict[str, list[dict[str, Any]]] = {"sasaran": [], "program": []}
        if rpjmd is not None:
            for misi in rpjmd.misi:
                tujuan_items = []
                for tujuan in rpjmd.tujuan:
                    if tujuan.misi == misi.kode:
                        sasaran_items = [sasaran_item(s) for s in rpjmd.sasaran if s.tujuan == tujuan.kode]
                        tujuan_items.append({"kode": tujuan.kode, "uraian": tujuan.uraian, "sasaran": sasaran_items})
                tree.append({"kode": misi.kode, "uraian": misi.uraian, "tujuan": tujuan_items})
            # What hangs from nothing (a finding says so) still gets its place and anchor.
            lepas["sasaran"] = [sasaran_item(s) for s in rpjmd.sasaran if s.kode not in placed_sasaran]
            lepas["program"] = [program_item(p.kode, p.nama) for p in rpjmd.program if p.kode not in placed_program]
        known = set(index.program)
        lepas["program"] += [
            program_item(code, self.t("site.pohon.luar_rpjmd"))
            for code in sorted(kegiatan_of_program)
            if code not in known
        ]
        diagrams = self.diagrams(here, [("hierarki/pemda", self.t("site.diagram.hierarki_pemda"))])
        self.render(
            here,
            "pohon.html.j2",
            self.t("site.nav.pohon"),
            pohon=tree,
            lepas=lepas,
            visi=rpjmd.visi if rpjmd else "",
            diagram=diagrams,
        )

    def proses_by_kegiatan(self) -> dict[str, list[str]]:
        """Kegiatan code -> processes naming it (or one of its sub kegiatan) directly."""
        if self._proses_by_kegiatan is not None:
            return self._proses_by_kegiatan
        out: dict[str, list[str]] = {}
        self._proses_by_kegiatan = out
        for code in sorted(self.index.proses):
            for k in self.index.proses[code].model.kegiatan:
                kegiatan = k if k in self.index.kegiatan else ".".join(k.split(".")[:5])
                lst = out.setdefault(kegiatan, [])
                if code not in lst:
                    lst.append(code)
        return out

    def proses_tree(self, here: str, codes: Sequence[str]) -> list[dict[str, Any]]:
        out = []
        for code in codes:
            doc = self.index.proses[code]
            out.append(
                {
                    "kode": code,
                    "nama": doc.model.nama,
                    "tautan": self.link(here, "proses", code),
                    "sop": [
                        {"kode": s, "tautan": self.link(here, "sop", s)} for s in self.index.sop_by_proses.get(code, [])
                    ],
                    "anak": self.proses_tree(here, sorted(self.index.children.get(code, []))),
                }
            )
        return out

    def opd_page(self, code: str) -> None:
        here = self.names.page("opd", code)
        assert here is not None
        doc = self.index.opd[code]
        model = doc.model
        proses_of_kegiatan = self.proses_by_kegiatan()
        kegiatan = []
        for k in model.kegiatan:
            kegiatan.append(
                {
                    "kode": k.kode,
                    "anchor": _file_part(k.kode),
                    "nama": k.nama,
                    "sub": [{"kode": s.kode, "nama": s.nama} for s in k.sub_kegiatan],
                    "program": program_of(k.kode),
                    "proses": [
                        {"kode": p, "nama": self.index.proses[p].model.nama, "tautan": self.link(here, "proses", p)}
                        for p in proses_of_kegiatan.get(k.kode, [])
                    ],
                }
            )
        owned = [k for k in sorted(self.index.proses) if self.opd_of_proses.get(k) == code]
        owned_set = set(owned)
        roots = [
            k
            for k in owned
            if not self.index.proses[k].model.induk or self.index.proses[k].model.induk not in owned_set
        ]
        sops = [
            {"kode": s, "nama": self.index.sop[s].model.nama, "tautan": self.link(here, "sop", s)}
            for s in sorted(self.index.sop)
            if self.opd_of_sop.get(s) == code
        ]
        row = next((r for r in self.data.laporan.opd if r.kode == code), None)
        if self._findings_by_opd is None:
            self._findings_by_opd = {}
            for f in self.findings:
                self._findings_by_opd.setdefault(self.finding_opd(f), []).append(f)
        findings = self._findings_by_opd.get(code, [])
        diagrams = self.diagrams(
            here,
            [
                (f"peta/level-0/opd/{code}", self.t("site.diagram.level0")),
                (f"hierarki/opd/{code}", self.t("site.diagram.hierarki")),
            ],
        )
        self.render(
            here,
            "opd.html.j2",
            model.nama,
            opd={
                "kode": code,
                "nama": model.nama,
                "singkatan": model.singkatan or "",
                "bentuk": model.bentuk or "",
                "sumber": doc.path,
            },
            unduhan=[
                {"label": label, "tautan": _rel(here, path)}
                for label, path in self.data.downloads.get(f"opd:{code}", ())
            ],
            urusan=list(model.urusan),
            unit=[{"kode": u.kode, "nama": u.nama} for u in model.unit],
            kegiatan=kegiatan,
            pohon=self.proses_tree(here, roots),
            sop=sops,
            kemajuan=self.progress(row) if row else None,
            temuan=self.finding_rows(here, findings),
            diagram=diagrams,
        )

    def chain(self, here: str, code: str) -> list[dict[str, Any]]:
        """The kegiatan a process carries out (directly or through its parents), grouped by
        program, each group with its way up: program -> sasaran -> tujuan -> misi."""
        index = self.index
        rpjmd = index.rpjmd.model if index.rpjmd is not None else None
        groups: dict[str, dict[str, Any]] = {}
        for k in index.effective_kegiatan(code):
            kegiatan_code = k if k in index.kegiatan else ".".join(k.split(".")[:5])
            entries = index.kegiatan.get(kegiatan_code) or []
            nama = entries[0].kegiatan.nama if entries else ""
            if k != kegiatan_code and entries:
                sub = index.sub_kegiatan.get(k) or []
                nama = sub[0].sub_kegiatan.nama if sub else nama
            item = {
                "jenis": self.t("site.chain.sub_kegiatan" if k != kegiatan_code else "site.chain.kegiatan"),
                "kode": k,
                "nama": nama,
                "tautan": ((self.link(here, "opd", entries[0].opd) or "") + "#kegiatan-" + _file_part(kegiatan_code))
                if entries
                else None,
            }
            program_code = program_of(k)
            group = groups.get(program_code)
            if group is None:
                group = groups[program_code] = {"kegiatan": [], "atas": self.upward(here, program_code, rpjmd)}
            group["kegiatan"].append(item)
        return [groups[p] for p in sorted(groups)]

    def upward(self, here: str, program_code: str, rpjmd: Any) -> list[dict[str, Any]]:
        """program -> sasaran -> tujuan -> misi of one RPJMD program (empty when unknown)."""
        index = self.index
        prog = index.program_model(program_code)
        if prog is None or rpjmd is None:
            return []
        pohon = _rel(here, "pohon.html")
        links: list[dict[str, Any]] = [
            {
                "jenis": self.t("site.chain.program"),
                "kode": prog.kode,
                "nama": prog.nama,
                "tautan": f"{pohon}#program-{_file_part(prog.kode)}",
            }
        ]
        for s in prog.sasaran:
            sasaran = index.sasaran_model(s)
            if sasaran is None:
                continue
            links.append(
                {
                    "jenis": self.t("site.chain.sasaran"),
                    "kode": s,
                    "nama": sasaran.uraian,
                    "tautan": f"{pohon}#sasaran-{_file_part(s)}",
                }
            )
            if sasaran.tujuan in index.tujuan:
                tujuan = rpjmd.tujuan[index.tujuan[sasaran.tujuan]]
                links.append(
                    {"jenis": self.t("site.chain.tujuan"), "kode": tujuan.kode, "nama": tujuan.uraian, "tautan": None}
                )
                if tujuan.misi in index.misi:
                    misi = rpjmd.misi[index.misi[tujuan.misi]]
                    links.append(
                        {"jenis": self.t("site.chain.misi"), "kode": misi.kode, "nama": misi.uraian, "tautan": None}
                    )
        return links

    def descendants(self, code: str) -> list[str]:
        out: list[str] = []
        stack = [code]
        seen = {code}
        while stack:
            current = stack.pop()
            out.append(current)
            for child in sorted(self.index.children.get(current, []), reverse=True):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return out

    def proses_page(self, code: str) -> None:
        here = self.names.page("proses", code)
        assert here is not None
        index = self.index
        doc = index.proses[code]
        model = doc.model
        opd = self.opd_of_proses.get(code, "")
        ancestors = list(reversed(index.ancestors(code)))
        sops = []
        for p in self.descendants(code):
            for s in index.sop_by_proses.get(p, []):
                sops.append(
                    {"kode": s, "nama": index.sop[s].model.nama, "tautan": self.link(here, "sop", s), "proses": p}
                )
        level = index.level.get(code, len(ancestors) + 1)
        diagrams = self.diagrams(
            here,
            [
                (f"peta/level-n/{code}", self.t("site.diagram.level_n", level=level + 1)),
                (f"lintas-fungsi/{code}", self.t("site.diagram.lintas_fungsi")),
                (f"relasi/proses/{code}", self.t("site.diagram.relasi")),
            ],
        )

        def actor(ref: str | None) -> str:
            if not ref:
                return "–"
            a = index.actor(ref)
            return a.nama if a is not None else ref

        findings = self.findings_by_path.get(doc.path, [])
        self.render(
            here,
            "proses.html.j2",
            f"{code} {model.nama}",
            proses={
                "kode": code,
                "nama": model.nama,
                "kategori": model.kategori,
                "level": level,
                "deskripsi": model.deskripsi or "",
                "pemilik": [actor(p) for p in model.pemilik],
                "sumber": doc.path,
            },
            opd={"kode": opd, "nama": index.opd[opd].model.nama, "tautan": self.link(here, "opd", opd)}
            if opd in index.opd
            else None,
            induk=[
                {"kode": a, "nama": index.proses[a].model.nama, "tautan": self.link(here, "proses", a)}
                for a in ancestors
            ],
            anak=[
                {"kode": c, "nama": index.proses[c].model.nama, "tautan": self.link(here, "proses", c)}
                for c in sorted(index.children.get(code, []))
            ],
            rantai=self.chain(here, code),
            masukan=[{"nama": m.nama, "dari": actor(m.dari)} for m in model.masukan],
            keluaran=[{"nama": k.nama, "untuk": ", ".join(actor(u) for u in k.untuk) or "–"} for k in model.keluaran],
            aktivitas=[{"kode": a.kode, "nama": a.nama, "pelaksana": actor(a.pelaksana)} for a in model.aktivitas],
            sop=sops,
            temuan=self.finding_rows(here, findings),
            diagram=diagrams,
        )

    def sop_page(self, code: str) -> None:
        here = self.names.page("sop", code)
        assert here is not None
        index = self.index
        doc = index.sop[code]
        ctx = RenderContext(lang=self.lang)
        context = sop_context(index, doc, ctx)
        pages = sop_flow_pages(doc.model, ctx)
        diagrams = self.diagrams(
            here,
            [(p, self.t("site.diagram.sop_halaman", n=n, total=len(pages))) for n, p in enumerate(pages, start=1)],
        )
        keterkaitan = []
        for item in doc.model.keterkaitan:
            other = index.sop.get(item)
            keterkaitan.append(
                {
                    "teks": f"{item} {other.model.nama}" if other else item,
                    "tautan": self.link(here, "sop", item) if other else None,
                }
            )
        pasangan = [[dict(box) for box in pair] for pair in context["pasangan"]]
        pasangan[1][0]["isi"] = keterkaitan  # links to the SOP pages, not to the drafts
        proses = doc.model.proses
        opd = self.opd_of_sop.get(code, "")
        findings = self.findings_by_path.get(doc.path, [])
        downloads = [
            {"label": label, "tautan": _rel(here, path)} for label, path in self.data.downloads.get(f"sop:{code}", ())
        ]
        columns = {p["kode"]: p["nama"] for p in context["pelaksana"]}
        rows = []
        for step in context["langkah"]:
            mark = next(((kode, m) for kode, m in step["pelaksana"].items() if m), None)
            rows.append(
                {
                    "no": step["no"],
                    "kegiatan": step["kegiatan"],
                    "simbol": step["simbol"],
                    "simbol_nama": self.t(f"site.simbol.{step['simbol']}"),
                    "pelaksana": columns.get(mark[0], mark[0]) if mark else "",
                    "alur": mark[1]["alur"] if mark else [],
                    "kelengkapan": ", ".join(step["kelengkapan"]),
                    "waktu": step["waktu"],
                    "output": step["output"],
                    "keterangan": "; ".join(step["keterangan"]),
                }
            )
        self.render(
            here,
            "sop.html.j2",
            f"{code} {doc.model.nama}",
            langkah=rows,
            s=context,
            sop={"kode": code, "nama": doc.model.nama, "nomor": doc.model.nomor or "–", "sumber": doc.path},
            pasangan=pasangan,
            proses={
                "kode": proses,
                "nama": index.proses[proses].model.nama,
                "tautan": self.link(here, "proses", proses),
            }
            if proses and proses in index.proses
            else None,
            opd={"kode": opd, "nama": index.opd[opd].model.nama, "tautan": self.link(here, "opd", opd)}
            if opd in index.opd
            else None,
            temuan=self.finding_rows(here, findings),
            unduhan=downloads,
            diagram=diagrams,
        )

    def temuan(self) -> None:
        here = "temuan.html"
        rows = self.finding_rows(here, self.findings)
        opd = [{"kode": k, "nama": self.index.opd[k].model.label} for k in sorted(self.index.opd)]
        keluarga = [{"kode": f, "nama": self.t(f"site.family.{f}")} for f in FAMILIES]
        tingkat = [
            {"kode": s.label, "nama": s.text(self.lang)} for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        ]
        self.render(
            here,
            "temuan.html.j2",
            self.t("site.nav.temuan"),
            temuan=rows,
            pilihan_opd=opd,
            pilihan_keluarga=keluarga,
            pilihan_tingkat=tingkat,
        )

    def cari(self) -> None:
        self.render("cari.html", "cari.html.j2", self.t("site.nav.cari"))

    def search_index(self) -> bytes:
        """``assets/indeks-cari.js``: one entry per OPD, process and SOP: page, title, kind,
        folded text (names, codes, steps). A script, not JSON: ``fetch`` does not work from file://."""
        index = self.index
        entries: list[list[str]] = []
        kinds = {"opd": self.t("site.kind.opd"), "proses": self.t("site.kind.proses"), "sop": self.t("site.kind.sop")}
        for code in sorted(index.opd):
            m = index.opd[code].model
            words = [code, m.nama, m.singkatan or ""] + [f"{k.kode} {k.nama}" for k in m.kegiatan]
            entries.append([self.names.pages[("opd", code)], m.nama, kinds["opd"], _fold(" ".join(words))])
        for code in sorted(index.proses):
            p = index.proses[code].model
            words = [code, p.nama, p.deskripsi or ""] + [a.nama for a in p.aktivitas] + list(p.kegiatan)
            entries.append(
                [self.names.pages[("proses", code)], f"{code} {p.nama}", kinds["proses"], _fold(" ".join(words))]
            )
        for code in sorted(index.sop):
            s = index.sop[code].model
            words = [code, s.nama, s.nomor or ""] + [step.kegiatan for step in s.langkah]
            entries.append([self.names.pages[("sop", code)], f"{code} {s.nama}", kinds["sop"], _fold(" ".join(words))])
        text = json.dumps(entries, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
        return f"window.PROBIS_INDEKS={text};\n".encode("ascii")


def _ratio(part: int, whole: int) -> int:
    return 0 if whole == 0 else round(100 * part / whole)


def input_digest(data: SiteInput, *extra: str) -> str:
    """A digest of everything the pages are made of: when it is the one recorded by the last
    build, no page can differ (the pages are not built at all)."""
    h = hashlib.blake2b(digest_size=16)
    for part in (__version__, data.lang, *extra):
        h.update(part.encode("utf-8") + b"\0")
    for source in sorted(data.loaded.sources, key=lambda s: s.path):
        h.update(f"{source.path}\0{source.digest}\0".encode("utf-8"))
    for finding in sorted(data.result.findings, key=lambda f: f.sort_key()):
        h.update(f"{finding.code}\0{finding.severity}\0{finding.location}\0{finding.text(data.lang)}\0".encode("utf-8"))
    h.update(repr(data.laporan).encode("utf-8"))
    for path in sorted(data.svgs):
        h.update(path.encode("utf-8") + b"\0" + data.svgs[path].encode("utf-8") + b"\0")
    for code in sorted(data.downloads):
        h.update(repr((code, data.downloads[code])).encode("utf-8"))
    for name in ASSETS:
        h.update((ASSET_DIR / name).read_bytes())
    for template in sorted(TEMPLATE_DIR.glob("*.j2")):
        h.update(template.read_bytes())
    return h.hexdigest()


def build_pages(data: SiteInput) -> dict[str, bytes]:
    """Every file of the site, ``{relative path: bytes}`` (deterministic)."""
    return Builder(data).build()


_SAFE_NAME = re.compile(r"^[A-Za-z0-9_~.\-]+(?:/[A-Za-z0-9_~.\-]+)*$")
