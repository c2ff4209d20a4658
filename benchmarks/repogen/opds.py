"""Stage 1: OPD instances from the catalogue templates, with units, jabatan and kegiatan."""

from __future__ import annotations

import re

from .base import GeneratorBase
from .catalogue import OpdT
from .entities import Keg, Opd
from .names import HEAD_PREFIX, ROMAN, STAF_TITLES
from .programs import PENUNJANG_GROUPS, PENUNJANG_KEGIATAN, PROFILES
from .words import APP_PENUNJANG, VERBS


class OpdBuilder(GeneratorBase):
    """Build the OPD, their units, jabatan, kegiatan and process groups."""

    def build_opds(self) -> None:
        t_by_key = {t.key: t for t in self.templates}
        if self.scale.only:
            chosen: list[tuple[OpdT, int | None]] = [(t_by_key[k], None) for k in self.scale.only]
        else:
            core = [t for t in self.templates if self.tag in t.count and t.count[self.tag] == "1"]
            fill = [t for t in self.templates if self.tag in t.count and t.count[self.tag] == "fill"]
            chosen = [(t, None) for t in core]  # core OPD: one instance, no number
            need = self.scale.opd - len(chosen)
            if need < 0 or (need > 0 and not fill):
                raise ValueError("catalogue cannot fill the OPD target")
            counters = {t.key: 0 for t in fill}
            i = 0
            while len(chosen) < self.scale.opd:
                t = fill[i % len(fill)]
                i += 1
                counters[t.key] += 1
                chosen.append((t, counters[t.key]))
        places: list[str] = []
        for t, n in chosen:
            w = None
            if n is not None or "{w}" in t.nama:
                if t.wil == "roman":
                    w = ROMAN[(n or 1) - 1]
                elif t.key.startswith("rsud") and self.scale.tingkat == "kota":
                    w = self.pemda["nama"]
                else:
                    # reuse the same place names across families (kabupaten/kota of the province)
                    k = (n or 1) - 1
                    while len(places) <= k:
                        places.append(self.place())
                    w = places[k]
            self.opds.append(self.make_opd(t, w, n))

    def make_opd(self, t: OpdT, w: str | None, n: int | None) -> Opd:
        slug = re.sub(r"[^a-z0-9]+", "-", (w or "").lower()).strip("-")
        kode = t.key.replace("{s}", slug).replace("{n}", str(n or 1))
        nama = self.fmt(t.nama, w)
        singkatan = self.fmt(t.singkatan, w)
        prefix = (
            re.sub(r"[^A-Z0-9-]", "", kode.upper()) if "{" in t.key else re.sub(r"[^A-Z0-9]", "", singkatan.upper())
        )
        kepala = (t.kepala[0], self.fmt(t.kepala[1], w))
        o = Opd(t, kode, nama, singkatan, prefix, kepala, w)
        # units and jabatan
        units, roles, sek = PROFILES[t.profile]
        for b in t.bidang:
            if b.scale and b.scale != self.tag:
                continue
            o.units.append((b.kode, self.fmt(b.nama, w), None))
            for s_kode, s_nama in b.seksi:
                o.units.append((s_kode, self.fmt(s_nama, w), b.kode))
        for u in units:
            nm = u[1]
            if nm == "Sekretariat Kecamatan" and w:
                nm = f"Sekretariat Kecamatan {w}"
            o.units.append((u[0], nm, u[2]))
        if "kelurahan" in t.flags:
            for _ in range(self.rng.randint(3, 5)):
                kel = self.place()
                o.units.append(("kel-" + re.sub(r"[^a-z0-9]+", "-", kel.lower()), f"Kelurahan {kel}", None))
        o.roles = dict(roles)
        o.sek_unit = sek
        o.jabatan.append((kepala[0], kepala[1], None))
        heads = {b.kode: self.fmt(b.head, w) for b in t.bidang if b.head}
        for u_kode, u_nama, parent in o.units:
            o.parent[u_kode] = parent
            if u_kode.startswith("sekretariat"):
                h = ("sekretaris", "Sekretaris " + (f"Kecamatan {w}" if t.profile == "kec" else nama))
            else:
                hk = next(
                    (new + u_kode[len(old) :] for old, new in HEAD_PREFIX if u_kode.startswith(old)), "ka-" + u_kode
                )
                if u_kode.startswith("kel-"):
                    hn = "Lurah " + u_nama.removeprefix("Kelurahan ")
                else:
                    hn = heads.get(u_kode) or "Kepala " + u_nama
                h = (hk, hn)
            o.head[u_kode] = h
            o.jabatan.append((h[0], h[1], u_kode))
        for u_kode, u_nama, _ in o.units:
            if u_kode.startswith("kel-"):
                continue
            title = self.rng.choice(STAF_TITLES)
            s = ("pelaksana-" + u_kode, f"{title} {u_nama}")
            o.staf[u_kode] = s
            o.jabatan.append((s[0], s[1], u_kode))
        o.pejabat = self.person()
        self.make_kegiatan(o)
        return o

    def alloc_kegiatan(self, program: str) -> str:
        n = self.keg_counter.get(program, 0) + 1
        if n > 99:
            raise ValueError(f"more than 99 kegiatan under program {program}")
        self.keg_counter[program] = n
        return f"{program}.{self.digit}.{n:02d}"

    def make_kegiatan(self, o: Opd) -> None:
        """Penunjang kegiatan (own urusan prefix) and the Renstra kegiatan of each bidang; build groups."""
        t = o.t
        pen_prefix = f"{t.urusan[0]}.01.{self.digit}"
        pen_nums = ["01", "02", "03", "05", "06", "07", "08", "09"]
        if "retribusi" in t.flags:
            pen_nums.insert(3, "04")
        if "blud" in t.flags:
            pen_nums.append("10")
        pen_codes: dict[str, str] = {}
        for num in pen_nums:
            nama, subs = PENUNJANG_KEGIATAN[num]
            kode = f"{pen_prefix}.{num}"
            pen_codes[num] = kode
            o.kegiatan.append(Keg(kode, nama, [(f"{kode}.{s}", sn) for s, sn in subs], True, False))
        self.programs_used.setdefault(f"{t.urusan[0]}.01", []).append(o.kode)
        bersama = "bersama" in t.flags
        bi = 0
        for b in t.bidang:
            if b.scale and b.scale != self.tag:
                continue
            bi += 1
            seksi = [s for s, _ in b.seksi] or [b.kode]
            l2s = []
            obj_i = 0
            for ki, k in enumerate(b.keg):
                if k.scale and k.scale != self.tag:
                    continue
                program = k.program or b.program
                self.program_sasaran.setdefault(program, b.sasaran)
                lst = self.programs_used.setdefault(program, [])
                if o.kode not in lst:
                    lst.append(o.kode)
                key = (t.key, bi, ki)
                if bersama and key in self.shared_keg:
                    keg = self.shared_keg[key]
                else:
                    kode = self.alloc_kegiatan(program)
                    objs = [ob for ob in k.objs if not ob.scale or ob.scale == self.tag]
                    subs = []
                    for si, ob in enumerate(objs):
                        verb = VERBS[ob.typ][0][0].split(" {o}")[0]
                        subs.append((f"{kode}.{si + 1:04d}", f"{verb} {self.fmt(ob.nama)}"))
                    keg = Keg(kode, self.fmt(k.nama), subs, False, bersama)
                    if bersama:
                        self.shared_keg[key] = keg
                        self.bersama_codes.append(kode)
                o.kegiatan.append(keg)
                objs = [ob for ob in k.objs if not ob.scale or ob.scale == self.tag]
                leaves: list[tuple[str, str, str, str, str | None, bool]] = []
                for si, ob in enumerate(objs):
                    unit = seksi[obj_i % len(seksi)]
                    obj_i += 1
                    leaves.append((ob.nama, ob.typ, keg.subs[si][0], unit, None, ob.supplied))
                l2s.append({"nama": self.fmt(k.label, o.w), "kegiatan": [keg.kode], "unit": b.kode, "app": None,
                            "leaves": leaves})  # fmt: skip
            o.groups.append({"nama": self.fmt(b.fungsi, o.w), "kategori": b.kategori, "unit": b.kode, "role": "",
                             "l2": l2s, "untuk": b.untuk, "sektor": program[:4]})  # fmt: skip
        for role, l1_nama, kategori, l2defs in PENUNJANG_GROUPS:
            unit = o.roles[role]
            l1_unit = o.sek_unit or unit
            l2s = []
            for l2_nama, app, pobjs in l2defs:
                pobjs = [p for p in pobjs if p.keg in pen_codes]
                if not pobjs:
                    continue
                codes = []
                for p in pobjs:
                    if pen_codes[p.keg] not in codes:
                        codes.append(pen_codes[p.keg])
                leaves = [(p.nama, p.typ, f"{pen_codes[p.keg]}.{p.sub}", unit, p.untuk, False) for p in pobjs]
                l2s.append(
                    {"nama": l2_nama, "kegiatan": codes, "unit": unit, "app": APP_PENUNJANG[app], "leaves": leaves}
                )
            sektor = {"ren": "5.01", "keu": "5.02", "umum": "5.03"}[role]
            o.groups.append({"nama": l1_nama, "kategori": kategori, "unit": l1_unit, "role": role, "l2": l2s,
                             "untuk": [], "sektor": sektor})  # fmt: skip
        o.capacity = sum(1 + sum(1 + sum(len(VERBS[lf[1]]) for lf in l2["leaves"]) for l2 in g["l2"]) for g in o.groups)
