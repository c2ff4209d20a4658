"""M004 ``langkah-tak-terjangkau``: M004: steps unreachable from the start, dead ends, and loops that never reach the end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import GOOD, _bad
from probis_cli.model.build import Document
from probis_cli.model.sop import Langkah, Sop, flow_successors

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M004.tak_terjangkau": ("SOP {sop} langkah {no} ({kegiatan}) tidak dapat dicapai dari langkah mulai."),
        "lint.M004.buntu": (
            "SOP {sop} langkah {no} ({kegiatan}) buntu: bukan langkah selesai, tetapi tidak ada langkah berikutnya."
        ),
        "lint.M004.berputar": ("SOP {sop}: langkah {nomor} berputar tanpa jalan keluar ke langkah selesai."),
    },
    "en": {
        "lint.M004.tak_terjangkau": ("SOP {sop} step {no} ({kegiatan}) cannot be reached from the start step."),
        "lint.M004.buntu": (
            "SOP {sop} step {no} ({kegiatan}) is a dead end: not the end step, but no step follows it."
        ),
        "lint.M004.berputar": ("SOP {sop}: steps {nomor} loop without a way out to the end step."),
    },
}


successors = flow_successors  # the shared reading of an SOP's flow (model.sop)


def step_numbers(langkah: list[Langkah]) -> dict[int, int]:
    """Step number -> index of its first occurrence."""
    out: dict[int, int] = {}
    for i, step in enumerate(langkah):
        out.setdefault(step.no, i)
    return out


# ---------------------------------------------------------------------------------------
# M004 langkah-tak-terjangkau


def _reach(start: list[int], edges: list[list[int]]) -> set[int]:
    seen = set(start)
    stack = list(start)
    while stack:
        i = stack.pop()
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                stack.append(j)
    return seen


class LangkahTakTerjangkau(Rule):
    """M004: steps unreachable from the start, dead ends, and loops that never reach the end."""

    messages = MESSAGES
    code: ClassVar[str] = "M004"
    name: ClassVar[str] = "langkah-tak-terjangkau"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Langkah yang tidak terjangkau dari mulai, buntu, atau tidak pernah sampai ke selesai.",
            why=(
                "Alur SOP berjalan dari satu langkah mulai ke satu langkah selesai: `lanjut` bila "
                "diisi, selain itu langkah sesudahnya; keputusan hanya mengikuti cabangnya. Langkah "
                "yang tidak pernah dicapai tidak akan dilaksanakan; langkah buntu (bukan selesai "
                "tetapi tanpa langkah berikutnya) atau putaran tanpa jalan keluar membuat layanan "
                "tidak pernah tuntas."
            ),
            fix=(
                "Arahkan `lanjut` atau cabang keputusan ke langkah yang benar, hapus langkah yang "
                "tidak dipakai, dan pastikan setiap jalur berakhir di langkah bersimbol `selesai`."
            ),
        ),
        "en": RuleDoc(
            summary="Steps unreachable from the start, dead ends, or never reaching the end.",
            why=(
                "An SOP flows from one start step to one end step: `lanjut` when set, otherwise the "
                "next step; a decision follows its branches only. A step never reached is never "
                "carried out; a dead end (not the end but with no next step) or a loop without a way "
                "out means the service never completes."
            ),
            fix=(
                "Point `lanjut` or the decision's branches at the right step, remove steps that are "
                "not used, and make every path end at the step with simbol `selesai`."
            ),
        ),
    }
    bad: ClassVar[str] = _bad("    ya: 3\n    tidak: 4\n", "    ya: 4\n    tidak: 4\n")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Walk the flow of every SOP forwards from the start and backwards from the end."""
        for kode in sorted(index.sop):
            yield from self._check_sop(kode, index.sop[kode])

    def _check_sop(self, kode: str, doc: Document[Sop]) -> Iterator[Hit]:
        langkah = doc.model.langkah
        if not langkah:
            return
        by_no = step_numbers(langkah)
        edges = [successors(langkah, by_no, i) for i in range(len(langkah))]
        starts = [i for i, s in enumerate(langkah) if s.simbol == "mulai"] or [0]
        reached = _reach(starts, edges)
        for i, step in enumerate(langkah):
            if i not in reached:
                yield Hit(
                    doc.loc("langkah", i),
                    Message.of("lint.M004.tak_terjangkau", sop=kode, no=step.no, kegiatan=step.kegiatan),
                )
        ends = [i for i, s in enumerate(langkah) if s.simbol == "selesai"]
        if not ends:
            return  # M005 reports the missing end; "cannot reach it" would only repeat that
        backward: list[list[int]] = [[] for _ in langkah]
        for i, outs in enumerate(edges):
            for j in outs:
                backward[j].append(i)
        finishing = _reach(ends, backward)
        stuck = sorted(reached - finishing)
        dead = [i for i in stuck if not edges[i]]
        for i in dead:
            yield Hit(
                doc.loc("langkah", i),
                Message.of("lint.M004.buntu", sop=kode, no=langkah[i].no, kegiatan=langkah[i].kegiatan),
            )
        # Steps that only fail because they lead into a dead end are explained by it; what
        # is left is trapped in a loop. One finding per SOP names all of them.
        explained = _reach(dead, backward)
        looping = [i for i in stuck if i not in explained]
        if looping:
            yield Hit(
                doc.loc("langkah", looping[0]),
                Message.of("lint.M004.berputar", sop=kode, nomor=", ".join(str(langkah[i].no) for i in looping)),
            )
