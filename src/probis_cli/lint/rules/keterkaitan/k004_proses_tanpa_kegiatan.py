"""K004 ``proses-tanpa-kegiatan``: K004: a process linked to no Renstra kegiatan, directly or through its parents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PROSES, _PROSES_KIPI, _repo, _sop, _swap

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K004.hit": (
            "Proses {proses} ({nama}) tidak terkait dengan kegiatan Renstra mana pun, langsung maupun lewat induknya."
        ),
    },
    "en": {
        "lint.K004.hit": (
            "Process {proses} ({nama}) is linked to no Renstra kegiatan, directly or through its parents."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# K004 proses-tanpa-kegiatan


class ProsesTanpaKegiatanOptions(BaseModel):
    """Options of K004."""

    model_config = ConfigDict(extra="forbid")

    lewat_anak: bool = Field(
        default=True,
        description="Proses induk yang salah satu turunannya terkait kegiatan dianggap terkait.",
        json_schema_extra={
            "en": "A parent process counts as linked when one of its descendants is linked to a kegiatan."
        },
    )


class ProsesTanpaKegiatan(Rule):
    """K004: a process linked to no Renstra kegiatan, directly or through its parents."""

    messages = MESSAGES
    code: ClassVar[str] = "K004"
    name: ClassVar[str] = "proses-tanpa-kegiatan"
    reads = "proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = ProsesTanpaKegiatanOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis tidak terkait dengan kegiatan Renstra, langsung maupun lewat induknya.",
            why=(
                "Setiap aktivitas Pemda harus dapat ditelusuri ke RPJMD: proses → kegiatan → "
                "program → sasaran. Proses tanpa kegiatan tidak punya dasar anggaran dan kinerja "
                "dalam perencanaan. Subproses mewarisi kegiatan induknya; dengan opsi `lewat_anak` "
                "(bawaan) proses induk juga dianggap terkait bila turunannya terkait."
            ),
            fix="Isi `kegiatan` proses (atau induknya) dengan kode kegiatan/sub kegiatan Renstra yang dilaksanakannya.",
        ),
        "en": RuleDoc(
            summary="A business process is linked to no Renstra kegiatan, directly or through its parents.",
            why=(
                "Every activity of the Pemda must trace to the RPJMD: process → kegiatan → program "
                "→ sasaran. A process without kegiatan has no budget or performance basis in the "
                "plan. Sub-processes inherit their parent's kegiatan; with the `lewat_anak` option "
                "(default) a parent also counts as linked when a descendant is."
            ),
            fix="Fill the process's (or its parent's) `kegiatan` with the Renstra kegiatan/sub kegiatan codes it carries out.",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_PROSES + _swap(_PROSES_KIPI, "kegiatan: [1.02.02.2.02]\n", ""),
        sop=_sop() + _sop("SOP-002", "PB.02", "Pemantauan Kejadian Ikutan Pasca Imunisasi"),
    )
    good: ClassVar[str] = _repo(
        proses=_PROSES + _PROSES_KIPI,
        sop=_sop() + _sop("SOP-002", "PB.02", "Pemantauan Kejadian Ikutan Pasca Imunisasi"),
    )

    def check(self, index: Index, options: ProsesTanpaKegiatanOptions) -> Iterator[Hit]:
        """Processes whose effective kegiatan list is empty."""
        linked_below: set[str] = set()
        if options.lewat_anak:
            for kode, doc in index.proses.items():
                if doc.model.kegiatan:
                    linked_below.update(index.ancestors(kode))
            # A child that failed to load may carry the kegiatan (one mistake, one finding).
            for parent in index.failed_links("proses", "induk"):
                linked_below.update([parent, *index.ancestors(parent)])
        failed = index.failed_codes("proses")
        for kode in sorted(index.proses):
            if kode in linked_below or index.effective_kegiatan(kode):
                continue
            top = ([kode, *index.ancestors(kode)])[-1]
            if index.proses[top].model.induk in failed:
                continue  # its kegiatan may come from a parent that failed to load
            doc = index.proses[kode]
            yield Hit(doc.loc("kode"), Message.of("lint.K004.hit", proses=kode, nama=doc.model.nama))
