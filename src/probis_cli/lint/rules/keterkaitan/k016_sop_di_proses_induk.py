"""K016 ``sop-di-proses-induk``: K016: an SOP attached to a process that has sub-processes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PARENT, _PROSES, _child, _repo, _sop

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K016.hit": (
            "SOP {sop} dikaitkan dengan proses {proses}, yang masih memiliki subproses ({anak}); kaitkan ke subproses level terendah."
        ),
    },
    "en": {
        "lint.K016.hit": (
            "SOP {sop} is linked to process {proses}, which still has sub-processes ({anak}); link it to the lowest-level sub-process."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# K016 sop-di-proses-induk


class SopDiProsesInduk(Rule):
    """K016: an SOP attached to a process that has sub-processes."""

    messages = MESSAGES
    code: ClassVar[str] = "K016"
    name: ClassVar[str] = "sop-di-proses-induk"
    reads = "proses sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="SOP dikaitkan dengan proses yang masih memiliki subproses (bukan level terendah).",
            why=(
                "SOP disusun dari level terendah peta proses bisnis (peta lintas fungsi). SOP pada "
                "proses induk biasanya terlalu umum atau seharusnya milik salah satu subprosesnya."
            ),
            fix="Kaitkan SOP ke subproses level terendah yang dijabarkannya.",
        ),
        "en": RuleDoc(
            summary="An SOP is attached to a process that still has sub-processes (not the lowest level).",
            why=(
                "SOPs are written from the lowest level of the process map (the cross-functional "
                "map). An SOP on a parent process is usually too general or belongs to one of its "
                "sub-processes."
            ),
            fix="Link the SOP to the lowest-level sub-process it details.",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_PROSES + _child(sop="SOP-002"),
        sop=_sop() + _sop("SOP-002", "PB.01.01", "Pemberian Imunisasi di Puskesmas"),
    )
    good: ClassVar[str] = _repo(proses=_PARENT + _child(), sop=_sop(proses="PB.01.01"))

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """SOPs linked (either way) to a process with children."""
        for kode in sorted(index.sop_by_proses):
            if index.is_leaf(kode) or kode not in index.proses:
                continue
            pdoc = index.proses[kode]
            for sop_kode in index.sop_by_proses[kode]:
                sop_doc = index.sop[sop_kode]
                if sop_doc.model.proses == kode:
                    where = sop_doc.loc("proses")
                else:
                    where = pdoc.loc("sop", pdoc.model.sop.index(sop_kode))
                yield Hit(
                    where,
                    Message.of("lint.K016.hit", sop=sop_kode, proses=kode, anak=", ".join(index.children[kode])),
                )
