"""Stage 4: sprinkle lint-worthy defects (their own random stream) over a valid repository."""

from __future__ import annotations

import random

from .base import GeneratorBase
from .entities import Proc, SopDoc
from .scales import DEFECT_KINDS
from .sop_words import WAKTU_BURUK


class DefectSeeder(GeneratorBase):
    """Seed ``defect_rate`` defects, one per document, each kind equally often."""

    def apply_defects(self) -> None:
        total = round(self.defect_rate * (self.scale.proses + self.scale.sop))
        if total <= 0 or len(self.opds) < 2:
            return
        r = self.drng
        kinds = list(DEFECT_KINDS)
        r.shuffle(kinds)
        plan = [kinds[i % len(kinds)] for i in range(total)]
        sops = [s for o in self.opds for s in o.sops]
        leaves = [p for o in self.opds for p in o.procs if p.focus is not None]
        touched: set[int] = set()
        for kind in plan:
            for _ in range(50):
                if self.try_defect(kind, r, sops, leaves, touched):
                    break

    def try_defect(
        self, kind: str, r: random.Random, sops: list[SopDoc], leaves: list[Proc], touched: set[int]
    ) -> bool:
        """Seed one defect of ``kind`` on a random, untouched document; False when the draw does not fit."""
        if kind in ("sop-tanpa-proses", "unit-sop-berbeda", "waktu-tidak-terukur", "keputusan-satu-cabang"):
            return self.defect_in_sop(kind, r, sops, touched)
        if kind in ("keluaran-tumpang-tindih", "pemilik-ganda"):
            return self.defect_in_proses(kind, r, leaves, touched)
        if kind == "tanpa-kegiatan":
            return self.defect_tanpa_kegiatan(r, touched)
        if kind == "kegiatan-tumpang-tindih":
            return self.defect_kegiatan_tumpang_tindih(r, touched)
        raise ValueError(kind)

    def defect_in_sop(self, kind: str, r: random.Random, sops: list[SopDoc], touched: set[int]) -> bool:
        s = r.choice(sops)
        if id(s) in touched or id(s.proc) in touched:
            return False
        if kind == "sop-tanpa-proses":
            s.proses = None
            s.proc.sop.remove(s.kode)
        elif kind == "unit-sop-berbeda":
            others = [u for u, _, _ in s.opd.units if f"{s.opd.kode}/{u}" != s.unit and not u.startswith("kel-")]
            s.unit = f"{s.opd.kode}/{r.choice(others)}"
        elif kind == "waktu-tidak-terukur":
            st = r.choice(s.langkah)
            st["waktu"] = r.choice(WAKTU_BURUK)
        else:
            decisions = [st for st in s.langkah if st["simbol"] == "keputusan"]
            if not decisions:
                return False
            st = r.choice(decisions)
            if "cabang" in st:
                st["cabang"] = st["cabang"][:1]
            else:
                st.pop("tidak", None)
        touched.add(id(s))
        self.defects.append((kind, f"sop/{s.opd.kode}/{s.kode}.yaml"))
        return True

    def defect_in_proses(self, kind: str, r: random.Random, leaves: list[Proc], touched: set[int]) -> bool:
        if kind == "keluaran-tumpang-tindih":
            # between substantive processes of OPD that are not instances of a shared template:
            # administration (program penunjang) and UPTD-per-wilayah repeat by design
            distinct = [x for x in leaves if not x.group and "bersama" not in x.opd.t.flags]
            if not distinct:
                return False
            p = r.choice(distinct)
            other = r.choice(distinct).opd
        else:
            p = r.choice(leaves)
            other = r.choice(self.opds)
        if id(p) in touched or other is p.opd:
            return False
        if kind == "keluaran-tumpang-tindih":
            donors = [x for x in other.procs if x.focus is not None and not x.group]
            if not donors:
                return False
            d = r.choice(donors)
            p.keluaran.append({"nama": d.keluaran[0]["nama"], "untuk": list(d.keluaran[0]["untuk"][:1])})
        else:
            p.pemilik = [p.pemilik[0], other.kode]
        touched.add(id(p))
        self.defects.append((kind, f"proses/{p.opd.kode}/{p.kode}.yaml"))
        return True

    def defect_tanpa_kegiatan(self, r: random.Random, touched: set[int]) -> bool:
        o = r.choice(self.opds)
        l1s = [p for p in o.procs if p.level == 1 and id(p) not in touched]
        if len(l1s) < 2:
            return False
        # a substantive group: administration (penunjang) groups are compared by no rule anyway
        l1s = [p for p in l1s if not p.group] or l1s
        l1 = min(l1s, key=lambda p: (self.descendants(p), r.random()))
        for p in [l1, *self.walk(l1)]:
            p.kegiatan = []
            touched.add(id(p))
        self.defects.append(("tanpa-kegiatan", f"proses/{o.kode}/{l1.kode}.yaml"))
        return True

    def defect_kegiatan_tumpang_tindih(self, r: random.Random, touched: set[int]) -> bool:
        a, b = r.sample(self.opds, 2)
        if id(a) in touched:
            return False
        own = {k.kode for k in a.kegiatan}
        cand = [k for k in b.kegiatan if not k.penunjang and not k.bersama and k.kode not in own]
        if not cand:
            return False
        a.kegiatan.append(r.choice(cand))
        touched.add(id(a))
        self.defects.append(("kegiatan-tumpang-tindih", f"opd/{a.kode}.yaml"))
        return True

    def walk(self, p: Proc) -> list[Proc]:
        out = []
        for c in p.children:
            out.append(c)
            out.extend(self.walk(c))
        return out

    def descendants(self, p: Proc) -> int:
        return len(self.walk(p))
