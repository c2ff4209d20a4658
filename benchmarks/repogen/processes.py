"""Stage 2: the process tree of each OPD (levels 1-3), its keluaran, and cross-OPD masukan."""

from __future__ import annotations

from typing import Any

from .base import GeneratorBase
from .entities import Leaf, Opd, Proc
from .sop_words import QUALIFIERS
from .words import INT, PARTY_BY_TYPE, PIHAK_LUAR, PUB, PUBLIC_PARTIES, SVC, VERBS
from .yamltext import lc

Group = dict[str, Any]  # a process group or level-2 entry of an OPD (see OpdBuilder.make_kegiatan)


class ProcessBuilder(GeneratorBase):
    """Build each OPD's processes and link them across OPD."""

    def leaf_info(self, o: Opd, nama_o: str, typ: str, vi: int, app: str | None, sektor: str) -> Leaf:
        pat, out_pat, flow = VERBS[typ][vi]
        obj = self.fmt(nama_o, o.w)
        return Leaf(
            pat.format(o=obj),
            out_pat.format(o=obj),
            flow,
            obj,
            typ,
            app or self.rng.choice(o.t.apps or ["e-Office"]),
            sektor,
        )

    def keluaran_name(self, o: Opd, base: str, penunjang: bool) -> str:
        name = base
        if penunjang or o.qualify:
            name = f"{base} {o.nama}"
        if name in self.keluaran_names:
            name = f"{base} {o.nama}"
            k = 2
            while name in self.keluaran_names:
                name = f"{base} {o.nama} ({k})"
                k += 1
        return name

    def ref_role(self, o: Opd, role: str | None) -> str:
        """Receiving actor for an internal output: an OPD role ('bappeda', 'setda/bag-organisasi'), or the own head."""
        own = f"{o.kode}/{o.kepala[0]}"
        if not role:
            return own
        if role in {p[0] for p in PIHAK_LUAR}:
            return role
        opd_kode, _, unit = role.partition("/")
        target = self.opd_index.get(opd_kode)
        if target is None or target is o:
            return own
        if unit and unit not in target.parent:
            return target.kode
        return role

    def build_processes(self, o: Opd) -> None:
        """Levels 1-3 of ``o`` (``o.n_proses`` in all), then their keluaran, pelanggan and deskripsi."""
        chosen, picked, n3 = self.pick_groups(o)
        assigned = self.assign_leaves(picked, n3)
        self.build_tree(o, chosen, picked, assigned)
        for p in o.procs:
            if p.focus is not None:  # lowest level
                self.describe_leaf(o, p)
            else:
                self.describe_group(o, p)

    @staticmethod
    def pick_groups(o: Opd) -> tuple[list[Group], list[tuple[Group, Group]], int]:
        """The level-1 groups shown, the level-2 entries picked (group, l2) and how many leaves remain."""
        n = o.n_proses
        groups = o.groups
        order_kat = {"manajemen": 0, "inti": 1, "pendukung": 2}
        n1 = len(groups) if n >= 3 * len(groups) else max(1, n // 3)
        chosen = sorted(groups[:n1], key=lambda g: (order_kat[g["kategori"]], groups.index(g)))
        rest = n - n1
        l2_pool = [[(g, l2) for l2 in g["l2"]] for g in chosen]
        total_l2 = sum(len(p) for p in l2_pool)
        n2 = min(total_l2, rest, max(min(n1, rest), round(rest * 0.28)))
        picked: list[tuple[Group, Group]] = []
        rnd = 0
        while len(picked) < n2:
            for pool in l2_pool:
                if rnd < len(pool) and len(picked) < n2:
                    picked.append(pool[rnd])
            rnd += 1

        def leaf_cap(l2: Group) -> int:
            return sum(len(VERBS[lf[1]]) for lf in l2["leaves"])

        n3 = rest - n2
        while n3 > sum(leaf_cap(l2) for _, l2 in picked) and len(picked) < total_l2:
            remaining = [x for pool in l2_pool for x in pool if x not in picked]
            picked.append(remaining[0])
            n3 -= 1
        return chosen, picked, n3

    @staticmethod
    def assign_leaves(picked: list[tuple[Group, Group]], n3: int) -> dict[int, list[tuple[Any, ...]]]:
        """Deal ``n3`` leaves round-robin over the picked level-2 entries: (leaf template, verb index, qualifier)."""
        # leaf queues: all objects with their first verb, then second verbs, ...
        queues: dict[int, list[tuple[Any, ...]]] = {}
        for idx, (_, l2) in enumerate(picked):
            q_: list[tuple[Any, ...]] = []
            depth = max(len(VERBS[lf[1]]) for lf in l2["leaves"])
            for vi in range(depth):
                for lf in l2["leaves"]:
                    if vi < len(VERBS[lf[1]]):
                        q_.append((lf, vi, ""))
            queues[idx] = q_
        counts = {idx: 0 for idx in queues}
        assigned: dict[int, list[tuple[Any, ...]]] = {idx: [] for idx in queues}
        left = n3
        extra = 0
        while left > 0:
            progressed = False
            for idx in queues:
                if left == 0:
                    break
                if counts[idx] < len(queues[idx]):
                    assigned[idx].append(queues[idx][counts[idx]])
                    counts[idx] += 1
                    left -= 1
                    progressed = True
            if not progressed:  # catalogue exhausted: qualified variants (rare)
                for idx in queues:
                    if left == 0:
                        break
                    base = queues[idx][extra % len(queues[idx])]
                    assigned[idx].append((base[0], base[1], QUALIFIERS[(extra // len(queues[idx])) % len(QUALIFIERS)]))
                    left -= 1
                extra += 1
        return assigned

    def build_tree(
        self,
        o: Opd,
        chosen: list[Group],
        picked: list[tuple[Group, Group]],
        assigned: dict[int, list[tuple[Any, ...]]],
    ) -> None:
        """Create the processes in display order: each level-1 group, its level-2 entries, their leaves."""
        by_group: dict[int, list[int]] = {}
        for idx, (g, _) in enumerate(picked):
            by_group.setdefault(id(g), []).append(idx)
        for gi, g in enumerate(chosen, start=1):
            role = g["role"]
            l1_kode = f"{o.prefix}.{gi:02d}"
            kegs: list[str] = []
            for l2 in g["l2"]:
                for c in l2["kegiatan"]:
                    if c not in kegs:
                        kegs.append(c)
            l1 = Proc(
                l1_kode,
                g["nama"],
                g["kategori"],
                None,
                [f"{o.kode}/{g['unit']}"],
                1,
                o,
                g["unit"],
                kegiatan=kegs,
                group=role,
            )
            l1.l1 = l1
            l1.g_untuk = list(g["untuk"])
            o.procs.append(l1)
            idxs = by_group.get(id(g), [])
            first_leaf = g["l2"][0]["leaves"][0] if g["l2"] and g["l2"][0]["leaves"] else None
            if not idxs and first_leaf is not None:
                l1.focus = self.leaf_info(o, first_leaf[0], first_leaf[1], 0, g["l2"][0]["app"], g["sektor"])
            for j, idx in enumerate(idxs, start=1):
                self.build_l2(o, g, l1, j, picked[idx][1], assigned[idx])

    def build_l2(self, o: Opd, g: Group, l1: Proc, j: int, l2: Group, assigned: list[tuple[Any, ...]]) -> None:
        """The ``j``-th level-2 process under ``l1`` and its assigned leaves (or its own focus when it has none)."""
        r = self.rng
        role = g["role"]
        l2p = Proc(f"{l1.kode}.{j:02d}", l2["nama"], g["kategori"], l1.kode, [f"{o.kode}/{l2['unit']}"], 2, o,
                   l2["unit"], kegiatan=list(l2["kegiatan"]), group=role, l1=l1)  # fmt: skip
        l1.children.append(l2p)
        o.procs.append(l2p)
        if not assigned:
            lf = l2["leaves"][0]
            l2p.focus = self.leaf_info(o, lf[0], lf[1], 0, l2["app"], g["sektor"])
            l2p.extra_untuk = lf[4]
        for k, (lf, vi, qual) in enumerate(assigned, start=1):
            info = self.leaf_info(o, lf[0], lf[1], vi, l2["app"], g["sektor"])
            if qual:
                info.nama += qual
                info.keluaran += qual
            leaf = Proc(f"{l2p.kode}.{k:02d}", info.nama, g["kategori"], l2p.kode, [f"{o.kode}/{lf[3]}"], 3, o,
                        lf[3], group=role, l1=l1)  # fmt: skip
            leaf.focus = info
            leaf.extra_untuk = lf[4]
            leaf.supplied = lf[5]
            if r.random() < 0.5:
                leaf.kegiatan = [lf[2]]
            l2p.children.append(leaf)
            o.procs.append(leaf)

    def describe_leaf(self, o: Opd, p: Proc) -> None:
        """Keluaran (and who receives it), pelanggan, masukan and deskripsi of a lowest-level process."""
        r = self.rng
        penunjang = bool(p.group)
        info = p.focus
        assert info is not None
        g_untuk = p.l1.g_untuk if p.l1 else []
        party = self.party(info.typ, g_untuk)
        if info.flow != INT:
            untuk = [party]
        else:
            hint = p.extra_untuk
            if hint is None and g_untuk and g_untuk[0] not in PUBLIC_PARTIES:
                hint = g_untuk[0]
            untuk = [self.ref_role(o, hint)]
            if (
                not penunjang
                and g_untuk
                and g_untuk[0] in ("masyarakat",)
                and info.typ in ("sarana", "layanan", "data")
            ):
                untuk = ["masyarakat"]
        name = self.keluaran_name(o, info.keluaran, penunjang)
        p.keluaran.append({"nama": name, "untuk": untuk})
        self.keluaran_names[name] = p
        p.pelanggan = [self.party_name(untuk[0])]
        if info.flow == PUB:
            p.masukan.append({"nama": f"Berkas permohonan {lc(info.nama)}", "dari": party, "eksternal": True})
        elif info.flow == SVC:
            p.masukan.append({"nama": f"Data dan permintaan {lc(info.nama)}", "dari": party, "eksternal": True})
        p.deskripsi = None if r.random() < 0.6 else f"Proses {lc(info.nama)} pada {o.nama}."

    def describe_group(self, o: Opd, p: Proc) -> None:
        """Keluaran of a level-1 or level-2 process (a performance report), and a level-1 deskripsi."""
        penunjang = bool(p.group)
        title = f"Capaian kinerja {lc(p.nama)}" if p.level == 1 else f"Laporan pelaksanaan kegiatan {lc(p.nama)}"
        name = self.keluaran_name(o, title, penunjang)
        untuk_ref = f"{o.kode}/{o.kepala[0]}" if p.level == 2 else self.ref_role(o, "bappeda")
        p.keluaran.append({"nama": name, "untuk": [untuk_ref]})
        self.keluaran_names[name] = p
        if p.level == 1:
            p.deskripsi = f"Kelompok proses {p.kategori} {o.nama}: {lc(p.nama)}."
            p.pelanggan = ["Masyarakat"] if p.kategori == "inti" else [f"Pegawai {o.nama}"]

    def party(self, typ: str, g_untuk: list[str]) -> str:
        """Who applies for / receives a public service: by object type, refined by the bidang's penerima."""
        named = g_untuk[0] if g_untuk and g_untuk[0] in PUBLIC_PARTIES else None
        default = PARTY_BY_TYPE.get(typ)
        if default is None:  # a service delivered: to whoever the bidang serves
            return named or "masyarakat"
        if default == "pemohon" and named and named not in ("masyarakat", "pemohon"):
            return named  # e.g. pelaku usaha applying for an izin
        return default

    def link_relations(self) -> None:
        r = self.rng
        # Suppliers: substantive internal outputs of the OPD whose products others work from
        # (plans and budget documents, population data, statistics, SOP/peta proses guidance).
        pool = [p for o in self.opds for p in o.procs if p.supplied]
        if len(self.opds) < 2 or not pool:
            return
        for o in self.opds:
            for p in o.procs:
                if p.focus is None or p.focus.flow != INT or r.random() >= 0.35:
                    continue
                for _ in range(6):
                    src = r.choice(pool)
                    if src.opd is not o:
                        break
                else:
                    continue
                out = src.keluaran[0]
                p.masukan.append({"nama": out["nama"], "dari": src.pemilik[0]})
                if o.kode not in out["untuk"]:
                    out["untuk"].append(o.kode)
