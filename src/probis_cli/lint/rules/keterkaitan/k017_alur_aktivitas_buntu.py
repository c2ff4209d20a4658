"""K017 ``alur-aktivitas-buntu``: K017: an activity of the cross-functional map is unreachable or leads to no end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PROSES, _repo, _swap

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K017.unreachable": ("Aktivitas {aktivitas} proses {proses} tidak terjangkau dari aktivitas pertama."),
        "lint.K017.no_end": (
            "Dari aktivitas {aktivitas} proses {proses} tidak ada jalur menuju akhir alur (putaran tanpa jalan keluar)."
        ),
    },
    "en": {
        "lint.K017.unreachable": (
            "Activity {aktivitas} of process {proses} cannot be reached from the first activity."
        ),
        "lint.K017.no_end": (
            "From activity {aktivitas} of process {proses} no path leads to the end of the flow (a loop with no way out)."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# K017 alur-aktivitas-buntu


class AlurAktivitasBuntu(Rule):
    """K017: an activity of the cross-functional map is unreachable or leads to no end."""

    messages = MESSAGES
    code: ClassVar[str] = "K017"
    name: ClassVar[str] = "alur-aktivitas-buntu"
    reads = "each proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Aktivitas di peta lintas fungsi tidak terjangkau dari aktivitas pertama, atau tidak menuju akhir.",
            why=(
                "Alur aktivitas dimulai dari aktivitas pertama dan berakhir di aktivitas tanpa "
                "lanjutan (`lanjut: []`, atau aktivitas terakhir tanpa `lanjut`); tanpa `lanjut` "
                "sebuah aktivitas berlanjut ke aktivitas sesudahnya. Aktivitas yang tak terjangkau "
                "atau terjebak dalam putaran tanpa jalan keluar berarti petanya tidak utuh."
            ),
            fix="Perbaiki `lanjut` aktivitas sebelumnya agar setiap aktivitas terjangkau dan setiap jalur berakhir.",
        ),
        "en": RuleDoc(
            summary="An activity of the cross-functional map cannot be reached from the first activity, or leads to no end.",
            why=(
                "The activity flow starts at the first activity and ends at an activity without a "
                "successor (`lanjut: []`, or the last activity without `lanjut`); without `lanjut` "
                "an activity continues with the next one. An activity that cannot be reached or is "
                "caught in a loop with no way out means the map is broken."
            ),
            fix="Correct the `lanjut` of the preceding activities so that every activity is reachable and every path ends.",
        ),
    }
    _FLOW = """\
aktivitas:
  - {kode: A1, nama: Menyusun jadwal imunisasi, pelaksana: dinkes/bid-p2p, lanjut: [A3]}
  - {kode: A2, nama: Menyiapkan vaksin dan rantai dingin, pelaksana: dinkes/bid-p2p}
  - {kode: A3, nama: Melaksanakan imunisasi, pelaksana: dinkes/bid-p2p}
"""
    bad: ClassVar[str] = _repo(proses=_PROSES + _FLOW)
    good: ClassVar[str] = _repo(proses=_PROSES + _swap(_FLOW, ", lanjut: [A3]}", ", lanjut: [A2]}"))

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Reachability from the first activity, and to an end, per process."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            steps = doc.model.aktivitas
            if len(steps) < 2:
                continue
            position: dict[str, int] = {}
            for i, step in enumerate(steps):
                position.setdefault(step.kode, i)
            # A repeated code is a reference error already (S007): the repeat is left out of
            # the flow, and "the next activity" skips it.
            kept = [i for i, step in enumerate(steps) if position[step.kode] == i]
            succ: dict[int, list[int]] = {}
            for n, i in enumerate(kept):
                step = steps[i]
                if step.lanjut is None:
                    succ[i] = [kept[n + 1]] if n + 1 < len(kept) else []
                else:
                    succ[i] = [position[n] for n in step.lanjut if n in position]
            nodes = sorted(succ)
            reached = {nodes[0]}
            todo = [nodes[0]]
            while todo:
                for n in succ[todo.pop()]:
                    if n not in reached:
                        reached.add(n)
                        todo.append(n)
            pred: dict[int, list[int]] = {n: [] for n in nodes}
            for n in nodes:
                for m in succ[n]:
                    pred.setdefault(m, []).append(n)
            ending = {n for n in nodes if not succ[n]}
            todo = list(ending)
            while todo:
                for m in pred.get(todo.pop(), []):
                    if m not in ending:
                        ending.add(m)
                        todo.append(m)
            for n in nodes:
                step = steps[n]
                if n not in reached:
                    yield Hit(
                        doc.loc("aktivitas", n, "kode"),
                        Message.of("lint.K017.unreachable", proses=kode, aktivitas=step.kode),
                    )
                elif n not in ending:
                    yield Hit(
                        doc.loc("aktivitas", n, "kode"),
                        Message.of("lint.K017.no_end", proses=kode, aktivitas=step.kode),
                    )
