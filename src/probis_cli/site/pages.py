"""The pages of the catalogue site: a pure function of the index, the findings and the laid-out
diagrams (:class:`Pages`, built by :func:`probis_cli.site.build.build_pages`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import Any

from markupsafe import Markup

from probis_cli.findings import Finding, Severity
from probis_cli.laporan.compute import FAMILIES
from probis_cli.model.kode import program_of
from probis_cli.render.base import RenderContext
from probis_cli.render.documents import sop_context, sop_flow_pages
from probis_cli.site.builder import Builder
from probis_cli.site.common import ASSET_DIR, ASSETS, SiteInput, escape_text, file_part, fold, rel

Writer = Callable[[str, bytes], bool]


def _escape(value: object) -> str:
    """What ``{{ value }}`` writes."""
    return str(escape_text(str(value)))


def prosedur_rows(langkah: list[dict[str, Any]], columns: dict[str, str], t: Callable[..., str]) -> Markup:
    """The rows of an SOP page's prosedur table as the template wrote them in a loop (a city has
    some 50,000): each row, then the indent of the line after it (``sop.html.j2`` writes the first)."""
    out = []
    for step in langkah:
        mark = next(((kode, m) for kode, m in step["pelaksana"].items() if m), None)
        simbol = _escape(step["simbol"])
        who = columns.get(mark[0], mark[0]) if mark else ""
        pelaksana = ""
        if who:
            title = _escape(t("site.simbol." + step["simbol"]))
            alur = "".join(f"<br><small>{_escape(a)}</small>" for a in mark[1]["alur"]) if mark else ""
            pelaksana = f'<span class="simbol {simbol}" title="{title}"></span> {_escape(who)}{alur}'
        kelengkapan = _escape(", ".join(step["kelengkapan"]))
        keterangan = _escape("; ".join(step["keterangan"]))
        out.append(
            f'<tr class="simbol-{simbol}">\n'
            f"    <td>{_escape(step['no'])}</td>\n"
            f"    <td>{_escape(step['kegiatan'])}</td>\n"
            f"    <td>{pelaksana}</td>\n"
            f"    <td>{kelengkapan}</td>\n"
            f"    <td>{_escape(step['waktu'])}</td>\n"
            f"    <td>{_escape(step['output'])}</td>\n"
            f"    <td>{keterangan}</td>\n"
            "  </tr>\n  "
        )
    return Markup("".join(out))


class Pages(Builder):
    """Builds every page of one site."""

    def __init__(self, data: SiteInput) -> None:
        super().__init__(data)
        self.done: dict[str, bool] = {}  # pages written by the workers: path -> whether written

    def build(self, workers: int | None = None, write: Writer | None = None) -> dict[str, bytes]:
        """Every page; the pages of OPD, processes and SOPs on ``workers`` cores (default: all).
        With ``write``, each worker writes those pages itself (``write(path, bytes)`` says
        whether it wrote: kept in :attr:`done`) instead of sending their bytes back."""
        from probis_cli.render.parallel import call_forked

        self.home()
        self.peta()
        self.pohon()
        self.proses_by_kegiatan()  # computed once, before the workers fork
        self.findings_of_opd("")
        for template in ("opd.html.j2", "proses.html.j2", "sop.html.j2"):
            self.env.get_template(template)  # compiled once, before the workers fork
        each = [(kind, code) for kind in ("opd", "proses", "sop") for code in sorted(self.names.codes(kind))]
        if write is not None:
            calls = [partial(self.one_page_written, kind, code, write) for kind, code in each]
            self.done.update(call_forked(calls, workers))
        else:
            for here, data in call_forked([partial(self.one_page, kind, code) for kind, code in each], workers):
                self.pages[here] = data
        self.temuan()
        self.cari()
        for name in ASSETS:
            self.pages[f"assets/{name}"] = (ASSET_DIR / name).read_bytes()
        self.pages["assets/indeks-cari.js"] = self.search_index()
        return self.pages

    def one_page(self, kind: str, code: str) -> tuple[str, bytes]:
        """The page of one OPD, process or SOP: its path and bytes."""
        {"opd": self.opd_page, "proses": self.proses_page, "sop": self.sop_page}[kind](code)
        here = self.names.page(kind, code)
        assert here is not None
        return here, self.pages.pop(here)

    def one_page_written(self, kind: str, code: str, write: Writer) -> tuple[str, bool]:
        """The page of one OPD, process or SOP written by ``write``: its path, whether it wrote."""
        here, data = self.one_page(kind, code)
        return here, write(here, data)

    def findings_of_opd(self, code: str) -> list[Finding]:
        """The findings about the documents of one OPD."""
        if self._findings_by_opd is None:
            self._findings_by_opd = {}
            for f in self.findings:
                self._findings_by_opd.setdefault(self.finding_opd(f), []).append(f)
        return self._findings_by_opd.get(code, [])

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
                    "anchor": file_part(code),
                    "nama": entries[0].kegiatan.nama,
                    "opd": [
                        {
                            "nama": index.opd[e.opd].model.label,
                            "tautan": (self.link(here, "opd", e.opd) or "") + "#kegiatan-" + file_part(code),
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
                "anchor": file_part(kode),
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
                "anchor": file_part(sasaran.kode),
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
                    "anchor": file_part(k.kode),
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
        findings = self.findings_of_opd(code)
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
                {"label": label, "tautan": rel(here, path)}
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
            {"label": label, "tautan": rel(here, path)} for label, path in self.data.downloads.get(f"sop:{code}", ())
        ]
        columns = {p["kode"]: p["nama"] for p in context["pelaksana"]}
        rows = prosedur_rows(context["langkah"], columns, self.t)
        self.render(
            here,
            "sop.html.j2",
            f"{code} {doc.model.nama}",
            prosedur=rows,
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
            entries.append([self.names.pages[("opd", code)], m.nama, kinds["opd"], fold(" ".join(words))])
        for code in sorted(index.proses):
            p = index.proses[code].model
            words = [code, p.nama, p.deskripsi or ""] + [a.nama for a in p.aktivitas] + list(p.kegiatan)
            entries.append(
                [self.names.pages[("proses", code)], f"{code} {p.nama}", kinds["proses"], fold(" ".join(words))]
            )
        for code in sorted(index.sop):
            s = index.sop[code].model
            words = [code, s.nama, s.nomor or ""] + [step.kegiatan for step in s.langkah]
            entries.append([self.names.pages[("sop", code)], f"{code} {s.nama}", kinds["sop"], fold(" ".join(words))])
        text = json.dumps(entries, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
        return f"window.PROBIS_INDEKS={text};\n".encode("ascii")
