"""The generator's state and the helpers every stage uses (names, people, places, allocation)."""

from __future__ import annotations

import random

from .catalogue import parse_catalogue
from .entities import Keg, Opd, Proc
from .names import GELAR, NAMA_BELAKANG, NAMA_DEPAN, PLACE_PRE, PLACE_SPACED, PLACE_SUF
from .programs import PROGRAMS
from .scales import PEMDA, SCALES
from .words import PIHAK_LUAR


class GeneratorBase:
    """Seeded random streams, the catalogue and what the stages have built so far."""

    def __init__(self, scale_name: str, seed: int, defect_rate: float) -> None:
        if scale_name not in SCALES:
            raise ValueError(f"unknown scale {scale_name!r}; choose from {', '.join(SCALES)}")
        self.scale_name = scale_name
        self.scale = SCALES[scale_name]
        self.seed = seed
        self.defect_rate = defect_rate
        self.rng = random.Random(seed)
        self.drng = random.Random(seed * 7919 + 17)
        self.pemda = PEMDA[self.scale.tingkat]
        self.tag = "K" if self.scale.tingkat == "kota" else "P"
        self.digit = self.pemda["digit"]
        self.templates = parse_catalogue()
        self.opds: list[Opd] = []
        self.keg_counter: dict[str, int] = {}
        self.shared_keg: dict[tuple[str, int, int], Keg] = {}
        self.bersama_codes: list[str] = []
        self.keluaran_names: dict[str, Proc] = {}
        self.places: list[str] = []
        self.place_set: set[str] = {"Mekarsari", "Sumber Makmur"}
        self.defects: list[tuple[str, str]] = []
        self.programs_used: dict[str, list[str]] = {}  # program code -> OPD codes
        self.program_sasaran: dict[str, str] = {}
        self.opd_index: dict[str, Opd] = {}  # filled once the OPD are built

    def fmt(self, text: str, w: str | None = None) -> str:
        if "{" not in text:
            return text
        return text.format(w=w or "", tk=self.pemda["tk"], daerah=self.pemda["daerah"], kd=self.pemda["kd"], s="", n="")

    def program_name(self, code: str) -> str:
        return self.fmt(PROGRAMS[code]).replace("Kabupaten/Kota", self.pemda["tk"])

    def place(self) -> str:
        while True:
            pre = self.rng.choice(PLACE_PRE)
            suf = self.rng.choice(PLACE_SUF)
            name = f"{pre} {suf.capitalize()}" if pre in PLACE_SPACED else pre + suf
            if name not in self.place_set:
                self.place_set.add(name)
                return name

    def person(self) -> tuple[str, str]:
        r = self.rng
        nama = f"{r.choice(NAMA_DEPAN)} {r.choice(NAMA_BELAKANG)}"
        prefix = r.choice(("", "", "", "Drs. ", "Ir. ", "Dr. "))
        if prefix in ("Drs. ", "Ir. "):
            nama = prefix + nama + r.choice((", M.Si.", ", M.M.", ", M.T.", ""))
        elif prefix == "Dr. ":
            nama = prefix + nama + r.choice(GELAR)
        else:
            nama += r.choice(GELAR)
        year = r.randint(1968, 1986)
        born = f"{year}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        tmt = f"{year + r.randint(23, 30)}{r.choice(('01', '03', '04', '12'))}"
        nip = f"{born}{tmt}{r.choice('12')}{r.randint(1, 9):03d}"
        return nama, nip

    @staticmethod
    def allocate(total: int, weights: list[float], caps: list[int]) -> list[int]:
        """Split ``total`` proportionally to ``weights`` without exceeding ``caps`` (largest remainder)."""
        k = len(weights)
        if sum(caps) < total:
            raise ValueError(f"catalogue capacity {sum(caps)} is below the target {total}")
        fixed: dict[int, int] = {}
        share: dict[int, float] = {}
        while True:
            free = [i for i in range(k) if i not in fixed]
            rest = total - sum(fixed.values())
            if not free:
                break
            wsum = sum(weights[i] for i in free)
            share = {i: rest * weights[i] / wsum for i in free}
            over = [i for i in free if share[i] > caps[i]]
            if not over:
                break
            for i in over:
                fixed[i] = caps[i]
        out = [0] * k
        for i, v in fixed.items():
            out[i] = v
        floors = {i: max(1, int(share[i])) for i in free}
        for i in free:
            out[i] = min(floors[i], caps[i])
        diff = total - sum(out)
        order = sorted(free, key=lambda i: (-(share[i] - int(share[i])), i))
        j = 0
        while diff != 0 and order:
            i = order[j % len(order)]
            if diff > 0 and out[i] < caps[i]:
                out[i] += 1
                diff -= 1
            elif diff < 0 and out[i] > 1:
                out[i] -= 1
                diff += 1
            j += 1
            if j > 10 * k * (abs(diff) + 1) + 1000:
                raise ValueError("allocation did not converge")
        return out

    def party_name(self, ref: str) -> str:
        for kode, nama, _ in PIHAK_LUAR:
            if kode == ref:
                return nama
        if ref == self.pemda["pihak_pemda"][0]:
            return str(self.pemda["pihak_pemda"][1])
        opd_kode, _, rest = ref.partition("/")
        o = self.opd_index.get(opd_kode)
        if o is None:
            return ref
        if rest and rest in o.head:
            return o.head[rest][1]
        if rest == o.kepala[0]:
            return o.kepala[1]
        return o.nama
