"""The helpers every page of the site uses: links between pages, findings and the documents
they are about, diagrams inline with their boxes linked, the way up from a process to the plan."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from probis_cli import __version__
from probis_cli.findings import Finding
from probis_cli.i18n import translate
from probis_cli.laporan.compute import Baris, persen
from probis_cli.laporan.formats import cells
from probis_cli.model.kode import program_of
from probis_cli.render.documents import sop_opd
from probis_cli.site.common import Names, SiteInput, file_part, make_environment, ratio, rel
from probis_cli.site.svg import inline_svg, inline_svg_bytes

# Where a diagram given as bytes goes in its page (NUL: no template writes one; a repository's
# text holding a mark is found out by :func:`splice`).
_MARK = "\x00probis-svg-{}\x00"
_MARKS = re.compile(rb"\x00probis-svg-([0-9]+)\x00")


def splice(page: bytes, svgs: Sequence[bytes]) -> bytes | None:
    """``page`` with its marks 0, 1, ... replaced by ``svgs``; None unless each is there once, in order."""
    pieces = _MARKS.split(page)
    if pieces[1::2] != [str(n).encode("ascii") for n in range(len(svgs))]:
        return None
    out = [pieces[0]]
    for n, svg in enumerate(svgs):
        out += [svg, pieces[2 * n + 2]]
    return b"".join(out)


# The node kinds (``safe_id``'s first part) :meth:`Builder.resolver` links to a page.
LINKED_KINDS = frozenset(("sop", "p", "n", "dari", "untuk", "keg", "sub", "prog", "s"))


class Builder:
    """Builds every page of one site."""

    def __init__(self, data: SiteInput) -> None:
        self.data = data
        self.index = data.loaded.index
        self.lang = data.lang
        self.names = Names(self.index)
        self.env = make_environment()
        self._labels: dict[str, str] = {}
        self.label = self.t  # one bound method: the environment calls it directly (by identity)
        self.env.globals["t"] = self.label  # macros see it too
        self.env.direct = self.label
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
        self.inline: list[tuple[dict[str, str], bytes]] = []  # this page's diagrams as bytes, in mark order

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
        """Node ids of diagrams -> links from the page ``here`` (only kinds in ``LINKED_KINDS``)."""
        index = self.index

        def resolve(kind: str, code: str) -> tuple[str, str] | None:
            if kind == "sop" and code in index.sop:
                page = self.names.page("sop", code)
                return (rel(here, page), f"{code} {index.sop[code].model.nama}") if page else None
            if kind == "p" and code in index.proses:
                page = self.names.page("proses", code)
                return (rel(here, page), f"{code} {index.proses[code].model.nama}") if page else None
            if kind in ("n", "dari", "untuk") and code in index.opd:
                page = self.names.page("opd", code)
                return (rel(here, page), index.opd[code].model.nama) if page else None
            if kind in ("keg", "sub"):
                code = code if kind == "keg" else ".".join(code.split(".")[:5])
                entries = index.kegiatan.get(code) or []
                if entries:
                    page = self.names.page("opd", entries[0].opd)
                    if page:
                        return (
                            rel(here, page) + "#kegiatan-" + file_part(code),
                            f"{code} {entries[0].kegiatan.nama}",
                        )
            if kind == "prog" and code in index.program:
                return (rel(here, "pohon.html") + "#program-" + file_part(code), code)
            if kind == "s" and code in index.sasaran:
                return (rel(here, "pohon.html") + "#sasaran-" + file_part(code), code)
            return None

        return resolve

    def diagram(self, here: str, path: str, title: str) -> dict[str, str] | None:
        """An inline, linked diagram for the page ``here``, or None when it was not laid out.
        A diagram given as bytes stays bytes: the page holds a mark where :meth:`render` puts it."""
        svg = self.data.svgs.get(path)
        if svg is None:
            return None
        self.svg_count += 1
        prefix = f"d{self.svg_count}"
        if isinstance(svg, str):
            return {"judul": title, "svg": inline_svg(svg, prefix, self.resolver(here), title, LINKED_KINDS)}
        item = {"judul": title, "svg": _MARK.format(len(self.inline))}
        self.inline.append((item, inline_svg_bytes(svg, prefix, self.resolver(here), title, LINKED_KINDS)))
        return item

    def diagrams(self, here: str, items: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
        out = []
        for path, title in items:
            d = self.diagram(here, path, title)
            if d is not None:
                out.append(d)
        return out

    def link(self, here: str, kind: str, code: str) -> str | None:
        page = self.names.page(kind, code)
        return rel(here, page) if page else None

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
                    "tautan": rel(here, page) if page else None,
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
                ratio(row.kegiatan_dilaksanakan, row.kegiatan),
                ratio(row.proses_dengan_sop, row.proses_terendah),
                ratio(row.sop_terukur, row.sop),
            ],
            "temuan": cells(row, self.lang)[4],
        }

    def render(self, here: str, template: str, title: str, **context: Any) -> None:
        """The page ``here`` from ``template``, its diagrams put in their marks as bytes (the
        page's text never holds them); a page whose marks are not each there once in order
        (a name holding one, say) is rendered again with the diagrams' text."""
        inline, self.inline = self.inline, []
        data = self._render(here, template, title, context).encode("utf-8")
        if inline:
            spliced = splice(data, [svg for _item, svg in inline])
            if spliced is None:
                for item, svg in inline:
                    item["svg"] = svg.decode("utf-8")
                spliced = self._render(here, template, title, context).encode("utf-8")
            data = spliced
        self.pages[here] = data
        self.svg_count = 0  # the ids of inline diagrams are per page: a page does not depend on others

    def _render(self, here: str, template: str, title: str, context: dict[str, Any]) -> str:
        root = rel(here, "index.html")[: -len("index.html")]
        return self.env.get_template(template).render(
            t=self.label,
            lang=self.lang,
            judul=title,
            root=root,
            here=here,
            pemda=self.pemda_name(),
            versi=__version__,
            **context,
        )

    def pemda_name(self) -> str:
        pemda = self.index.pemda
        return pemda.model.nama if pemda is not None else self.data.loaded.root.name

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
                "tautan": ((self.link(here, "opd", entries[0].opd) or "") + "#kegiatan-" + file_part(kegiatan_code))
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
        pohon = rel(here, "pohon.html")
        links: list[dict[str, Any]] = [
            {
                "jenis": self.t("site.chain.program"),
                "kode": prog.kode,
                "nama": prog.nama,
                "tautan": f"{pohon}#program-{file_part(prog.kode)}",
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
                    "tautan": f"{pohon}#sasaran-{file_part(s)}",
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
