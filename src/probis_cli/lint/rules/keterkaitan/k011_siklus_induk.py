"""K011 ``siklus-induk``: K011: processes whose parent chain loops back on itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PARENT, _child, _repo, _sop, _swap

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K011.hit": ("Rantai induk proses membentuk siklus: {siklus}."),
    },
    "en": {
        "lint.K011.hit": ("The process parent chain forms a cycle: {siklus}."),
    },
}


# ---------------------------------------------------------------------------------------
# K011 siklus-induk


class SiklusInduk(Rule):
    """K011: processes whose parent chain loops back on itself."""

    messages = MESSAGES
    code: ClassVar[str] = "K011"
    name: ClassVar[str] = "siklus-induk"
    reads = "proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Rantai induk proses membentuk siklus (proses menjadi leluhurnya sendiri).",
            why=(
                "Level proses ditentukan dari rantai induknya. Siklus (A induk B, B induk A) "
                "membuat level, peta, dan keterkaitan kegiatan tidak terdefinisi. Setiap siklus "
                "dilaporkan sekali, di proses dengan kode terkecil."
            ),
            fix="Perbaiki `induk` salah satu proses dalam siklus sehingga rantainya berakhir di proses level 1 (tanpa induk).",
        ),
        "en": RuleDoc(
            summary="A process parent chain forms a cycle (a process becomes its own ancestor).",
            why=(
                "A process's level follows from its parent chain. A cycle (A parent of B, B parent "
                "of A) leaves levels, maps and kegiatan links undefined. Each cycle is reported "
                "once, at the process with the smallest code."
            ),
            fix="Correct the `induk` of one process of the cycle so that the chain ends at a level-1 process (no parent).",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_swap(_PARENT, "pemilik:", "induk: PB.01.01\npemilik:") + _child(sop=None),
        sop="",
    )
    good: ClassVar[str] = _repo(proses=_PARENT + _child(), sop=_sop(proses="PB.01.01"))

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Walk each parent chain once; a chain returning to its own path is a cycle."""
        state: dict[str, int] = {}  # 1 on the current path, 2 finished
        for start in sorted(index.proses):
            if start in state:
                continue
            path: list[str] = []
            node: str | None = start
            while node is not None and node in index.proses and node not in state:
                state[node] = 1
                path.append(node)
                node = index.proses[node].model.induk
            if node is not None and state.get(node) == 1:
                cycle = path[path.index(node) :]
                first = min(cycle)
                ordered = [first]
                nxt = index.proses[first].model.induk
                while nxt is not None and nxt != first:
                    ordered.append(nxt)
                    nxt = index.proses[nxt].model.induk
                doc = index.proses[first]
                yield Hit(
                    doc.loc("induk"),
                    Message.of("lint.K011.hit", proses=first, siklus=" → ".join([*ordered, first])),
                    related=tuple(index.proses[k].loc("induk") for k in ordered[1:]),
                )
            for k in path:
                state[k] = 2
