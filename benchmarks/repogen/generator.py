"""The generator: the stages in order."""

from __future__ import annotations

from .defects import DefectSeeder
from .opds import OpdBuilder
from .processes import ProcessBuilder
from .sops import SopBuilder


class Generator(OpdBuilder, ProcessBuilder, SopBuilder, DefectSeeder):
    """Build a whole repository in memory: ``Generator(scale, seed, rate).run()``."""

    def run(self) -> None:
        self.build_opds()
        self.opd_index = {o.kode: o for o in self.opds}
        caps = [o.capacity for o in self.opds]
        weights = [o.t.weight for o in self.opds]
        n_proc = self.allocate(self.scale.proses, weights, caps)
        for o, n in zip(self.opds, n_proc):
            o.n_proses = n
        for o in self.opds:
            self.build_processes(o)
        # SOP: every leaf one, the rest spread proportionally to the OPD's process count
        leaves = [sum(1 for p in o.procs if p.focus is not None) for o in self.opds]
        extra_total = max(0, self.scale.sop - sum(leaves))
        extra = self.allocate(
            extra_total + len(self.opds), [float(o.n_proses) for o in self.opds], [10**9] * len(self.opds)
        )
        for o, lv, ex in zip(self.opds, leaves, extra):
            o.n_sop = lv + ex - 1
        self.link_relations()
        year = 2025
        for o in self.opds:
            self.build_sops(o, year)
        self.prepend_relation_activities()
        self.apply_defects()
