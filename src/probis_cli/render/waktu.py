"""The total time of an SOP: the mutu baku waktu of the steps along its longest path."""

from __future__ import annotations

from dataclasses import dataclass

from probis_cli.durasi import parse_durasi
from probis_cli.model.sop import Sop, flow_successors

__all__ = ["TotalWaktu", "total_waktu"]

_successors = flow_successors  # the same reading of the flow as the lint rules


@dataclass(frozen=True, slots=True)
class TotalWaktu:
    """The SOP's time along its longest path; incomplete when a step on a path has no measured waktu."""

    menit: float
    jalur: tuple[int, ...]  # step numbers of the longest path, in order
    tidak_terukur: tuple[tuple[int, str | None], ...]  # (step no, waktu as written or None) of reachable steps
    perulangan: tuple[int, ...] = ()  # rework steps: reachable, but lead back instead of to the end
    perulangan_menit: float = 0.0  # their time, added only when the rework happens

    @property
    def lengkap(self) -> bool:
        """Whether every reachable step has a measured waktu."""
        return not self.tidak_terukur


def total_waktu(sop: Sop) -> TotalWaktu:
    """The longest path from the start to the end step, summing each step's waktu.

    Decisions often loop back ("tidak: kembali ke langkah 1"); a loop has no longest path,
    so an edge to a step at the same or an earlier position in the table is a back-edge and
    is ignored: what remains is a DAG in table order, and the total is the time of one pass
    from a mulai step to a selesai step without repetitions. Rework steps (reachable, but
    leading only back into the flow) are not on that path; they are listed with the time
    they add when the rework happens. A range ("5-10 menit") counts with its upper bound. A
    step whose waktu is missing or unreadable counts as zero and is listed, so the total is
    then a lower bound.
    """
    langkah = list(sop.langkah)
    if not langkah:
        return TotalWaktu(0.0, (), ())
    by_no: dict[int, int] = {}
    for i, step in enumerate(langkah):
        by_no.setdefault(step.no, i)
    weight: list[float] = []
    missing: list[int] = []
    for i, step in enumerate(langkah):
        durasi = parse_durasi(step.mutu_baku.waktu) if step.mutu_baku.waktu else None
        weight.append(durasi.menit if durasi is not None else 0.0)
        if durasi is None:
            missing.append(i)
    starts = [i for i, s in enumerate(langkah) if s.simbol == "mulai"] or [0]
    # Longest distance ending at each step (inclusive), relaxing forward edges in table order.
    best: list[float | None] = [None] * len(langkah)
    previous: list[int | None] = [None] * len(langkah)
    for i in starts:
        best[i] = weight[i]
    for i in range(len(langkah)):
        current = best[i]
        if current is None:
            continue
        for j in _successors(langkah, by_no, i):
            if j <= i:
                continue  # back-edge: a loop to an earlier step
            candidate = current + weight[j]
            known = best[j]
            if known is None or candidate > known:
                best[j] = candidate
                previous[j] = i
    reached = [i for i in range(len(langkah)) if best[i] is not None]
    ends = [i for i in reached if langkah[i].simbol == "selesai"]
    # Which steps can still reach an end step going forward (reverse table order).
    reaches_end = [False] * len(langkah)
    for i in range(len(langkah) - 1, -1, -1):
        reaches_end[i] = i in ends or any(j > i and reaches_end[j] for j in _successors(langkah, by_no, i))
    candidates = ends or reached
    end = max(candidates, key=lambda i: (best[i] or 0.0, i))  # on a tie, the path that goes further
    rework = [i for i in reached if ends and not reaches_end[i]]
    path: list[int] = []
    node: int | None = end
    while node is not None:
        path.append(node)
        node = previous[node]
    path.reverse()
    unmeasured = tuple((langkah[i].no, langkah[i].mutu_baku.waktu) for i in missing if best[i] is not None)
    total = best[end]
    return TotalWaktu(
        total if total is not None else 0.0,
        tuple(langkah[i].no for i in path),
        unmeasured,
        tuple(langkah[i].no for i in rework),
        sum(weight[i] for i in rework),
    )


# -- SOP drafts ----------------------------------------------------------------------------
