"""Stage 3: SOP documents for the lowest-level processes, and their cross-functional maps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .base import GeneratorBase
from .entities import Leaf, Opd, Proc, SopDoc
from .names import BULAN, STAF_TITLES
from .sop_words import KUALIFIKASI, PENCATATAN, PERALATAN, PERINGATAN, REQ, REQ_UMUM, SOP_VARIANTS_INT, SOP_VARIANTS_PUB
from .steps_int import INT_STEPS
from .steps_pub import PUB_STEPS
from .steps_svc import SVC_STEPS
from .words import DASAR_PUBLIK, DASAR_SEKTOR, DASAR_UMUM, INT, PUB, SVC
from .yamltext import cap, lc


class SopBuilder(GeneratorBase):
    """Write the SOP of every lowest-level process and its aktivitas."""

    def sop_roles(self, o: Opd, unit: str) -> dict[str, tuple[str, str, str] | None]:
        parent = o.parent.get(unit)
        h1 = o.head[unit]
        roles: dict[str, tuple[str, str, str] | None] = {
            "staf": ("pelaksana", self.staf_short(o.staf[unit][1]), f"{o.kode}/{o.staf[unit][0]}"),
            "atasan1": (h1[0].split("-")[0], h1[1], f"{o.kode}/{h1[0]}"),
            "atasan2": None,
            "pimpinan": (o.kepala[0], o.kepala[1], f"{o.kode}/{o.kepala[0]}"),
        }
        if parent is not None:
            h2 = o.head[parent]
            roles["atasan2"] = (h2[0].split("-")[0], h2[1], f"{o.kode}/{h2[0]}")
        return roles

    @staticmethod
    def staf_short(full: str) -> str:
        for t in STAF_TITLES:
            if full.startswith(t):
                return t
        return full

    def make_steps(self, o: Opd, leaf: Leaf, roles: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.rng
        template = PUB_STEPS if leaf.flow == PUB else SVC_STEPS if leaf.flow == SVC else INT_STEPS
        has2 = roles["atasan2"] is not None
        included: dict[str, bool] = {}
        for st in template:
            label, role, p = st[0], st[1], st[7]
            if isinstance(p, str):
                ok = included.get(p, False)
            else:
                ok = p >= 1.0 or r.random() < p
            if role == "atasan2" and not has2:
                ok = False
            if label == "paraf1" and not has2:
                ok = False
            included[label] = ok
        steps = [st for st in template if included[st[0]]]
        labels = [st[0] for st in template]
        number = {st[0]: i + 1 for i, st in enumerate(steps)}

        def resolve(label: str, forward: bool) -> int:
            if label in number:
                return number[label]
            i = labels.index(label)
            rng_ = range(i + 1, len(labels)) if forward else range(i - 1, -1, -1)
            for j in rng_:
                if labels[j] in number:
                    return number[labels[j]]
            raise AssertionError(label)

        lo = lc(leaf.nama)
        out = lc(leaf.keluaran)
        subst = {"lo": lo, "out": out, "Out": cap(leaf.keluaran), "app": leaf.app}
        req = REQ.get(leaf.typ, REQ_UMUM)
        cabang_style = r.random() < 0.25
        result = []
        for st in steps:
            label, role, simbol, texts, kel, waktu, output = st[:7]
            dec, ket = st[8], st[9]
            text = r.choice(texts).format(**subst)
            if kel == "REQ":
                kelengkapan = r.sample(req, r.randint(2, min(4, len(req))))
            else:
                kelengkapan = [k.format(**subst) for k in kel]
            step: dict[str, Any] = {
                "no": number[label], "kegiatan": cap(text), "role": role, "simbol": simbol,
                "kelengkapan": kelengkapan, "waktu": r.choice(waktu), "output": output.format(**subst),
            }  # fmt: skip
            if dec is not None:
                ya, tidak, labs = dec
                ya_n, tidak_n = resolve(ya, True), resolve(tidak, False)
                if cabang_style:
                    step["cabang"] = [(labs[0], ya_n), (labs[1], tidak_n)]
                else:
                    step["ya"], step["tidak"] = ya_n, tidak_n
                if ket and r.random() < 0.5:
                    step["keterangan"] = ket
            if len(st) > 10 and st[10]:
                step["lanjut"] = resolve(st[10], True)
            result.append(step)
        return result

    def build_sops(self, o: Opd, year_base: int) -> None:
        r = self.rng
        leaves = [p for p in o.procs if p.focus is not None]
        extra = max(0, o.n_sop - len(leaves))
        counts = [1] * len(leaves)
        if leaves:
            weights = [1 if p.focus and p.focus.flow == INT else 2 for p in leaves]
            for _ in range(extra):
                i = r.choices(range(len(leaves)), weights=weights)[0]
                if counts[i] >= 3:
                    i = min(range(len(leaves)), key=lambda j: (counts[j], j))
                counts[i] += 1
        seq = 0
        for p, c in zip(leaves, counts):
            assert p.focus is not None
            roles = self.sop_roles(o, p.unit)
            for v in range(c):
                seq += 1
                kode = f"SOP-{o.prefix}-{seq:03d}"
                variants = SOP_VARIANTS_INT if p.focus.flow == INT else SOP_VARIANTS_PUB
                nama = p.focus.nama + ("" if v == 0 else variants[(v - 1) % len(variants)])
                steps = self.make_steps(o, p.focus, roles)
                if v == 0:
                    self.make_aktivitas(o, p, steps, roles)
                used = []
                for st in steps:
                    if st["role"] not in used:
                        used.append(st["role"])
                pelaksana: list[tuple[str, str, str | None]] = []
                codes: dict[str, str] = {}
                party = p.masukan[0]["dari"] if p.masukan and p.masukan[0].get("eksternal") else "pemohon"
                for role in ("luar", "staf", "atasan1", "atasan2", "pimpinan"):
                    if role not in used:
                        continue
                    if role == "luar":
                        pelaksana.append((party, self.party_name(party), None))
                    else:
                        actor = roles[role]
                        assert actor is not None
                        code, nm, ref = actor
                        pelaksana.append((code, nm, ref))
                    codes[role] = pelaksana[-1][0]
                for st in steps:
                    st["pelaksana"] = codes[st["role"]]
                made = dt.date(year_base, 1, 6) + dt.timedelta(days=r.randint(0, 300))
                rev = made + dt.timedelta(days=r.randint(20, 120)) if r.random() < 0.2 else None
                eff = (rev or made) + dt.timedelta(days=r.randint(7, 45))
                sektor = p.focus.sektor
                dasar = list(DASAR_UMUM[:2]) + ([DASAR_PUBLIK] if p.focus.flow != INT else [])
                dasar += DASAR_SEKTOR.get(sektor, [])[: r.randint(1, 3)]
                dasar.append(f"Peraturan {self.pemda['kd']} {self.pemda['nama'].split(' ', 1)[1]} Nomor {r.randint(20, 80)} Tahun 2022 "
                             f"tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja {o.nama}")  # fmt: skip
                if r.random() < 0.5:
                    dasar.append(DASAR_UMUM[3])
                sub = {"lo": lc(p.focus.nama), "app": p.focus.app}
                doc = SopDoc(
                    kode=kode, nomor=f"{o.t.klas}/{seq:03d}/SOP/{o.prefix}/{made.year}", nama=nama, proses=p.kode,
                    unit=p.pemilik[0], opd=o, proc=p, tanggal_pembuatan=self.tanggal(made), tanggal_revisi=self.tanggal(rev) if rev else None,
                    tanggal_efektif=self.tanggal(eff), dasar_hukum=dasar,
                    kualifikasi=[k.format(**sub) for k in r.sample(KUALIFIKASI, r.randint(2, 4))],
                    keterkaitan=[], peralatan=r.sample(PERALATAN, r.randint(2, 4)) + [f"Aplikasi {p.focus.app}"],
                    peringatan=[k.format(**sub) for k in r.sample(PERINGATAN, r.randint(1, 2))],
                    pencatatan=r.sample(PENCATATAN, r.randint(1, 3)), pelaksana=pelaksana, langkah=steps,
                    style={"flow_mutu": r.random() < 0.6, "omit_proses": r.random() < 0.5, "ind": "  " if r.random() < 0.8 else "",
                           "alias": r.random() < 0.05},
                )  # fmt: skip
                o.sops.append(doc)
                p.sop.append(kode)
        # keterkaitan: other SOPs under the same level-2 parent (or same OPD)
        by_parent: dict[str, list[str]] = {}
        for s in o.sops:
            by_parent.setdefault(s.proc.induk or s.proc.kode, []).append(s.kode)
        for s in o.sops:
            sib = [k for k in by_parent[s.proc.induk or s.proc.kode] if k != s.kode]
            if sib and r.random() < 0.6:
                s.keterkaitan = r.sample(sib, min(len(sib), r.randint(1, 2)))

    def tanggal(self, d: dt.date) -> str:
        if self.rng.random() < 0.35:
            return f"{d.day} {BULAN[d.month - 1]} {d.year}"
        return d.isoformat()

    def make_aktivitas(self, o: Opd, p: Proc, steps: list[dict[str, Any]], roles: dict[str, Any]) -> None:
        r = self.rng
        party = p.masukan[0]["dari"] if p.masukan and p.masukan[0].get("eksternal") else "pemohon"
        parent = o.parent.get(p.unit)

        def actor(role: str) -> str:
            if role == "luar":
                return party
            if role in ("staf", "atasan1"):
                return f"{o.kode}/{p.unit}"
            if role == "atasan2":
                return f"{o.kode}/{parent}" if parent else f"{o.kode}/{p.unit}"
            return f"{o.kode}/{o.kepala[0]}"

        acts: list[tuple[str, str]] = []
        for st in steps:
            if st["simbol"] == "keputusan":
                continue
            who = actor(st["role"])
            if acts and acts[-1][1] == who:
                continue
            acts.append((st["kegiatan"], who))
        if len(acts) > 7:
            keep = sorted({round(i * (len(acts) - 1) / 6) for i in range(7)})
            acts = [acts[i] for i in keep]
        p.aktivitas = [{"kode": f"A{i + 1}", "nama": nm, "pelaksana": who} for i, (nm, who) in enumerate(acts)]
        if p.aktivitas:
            p.aktivitas[-1]["keluaran"] = p.keluaran[0]["nama"]
        if len(p.aktivitas) >= 5 and r.random() < 0.15:
            p.aktivitas[1]["lanjut"] = ["A3", "A4"]
            p.aktivitas[2]["lanjut"] = ["A5"]

    def prepend_relation_activities(self) -> None:
        for o in self.opds:
            for p in o.procs:
                if not p.aktivitas:
                    continue
                inner = [m for m in p.masukan if not m.get("eksternal") and m.get("dari")]
                if not inner:
                    continue
                m = inner[0]
                first = {"kode": "A0", "nama": f"Menyampaikan {lc(m['nama'])}", "pelaksana": m["dari"]}
                acts = [first] + p.aktivitas
                rename = {a["kode"]: f"A{i + 1}" for i, a in enumerate(acts)}
                for a in acts:
                    a["kode"] = rename[a["kode"]]
                    if "lanjut" in a:
                        a["lanjut"] = [rename[x] for x in a["lanjut"]]
                p.aktivitas = acts
