"""M002 ``output-kosong``: M002: a step's mutu baku has no output."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import GOOD, _bad, _blank

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M002.hit": ("SOP {sop} langkah {no} ({kegiatan}): output mutu baku belum diisi."),
    },
    "en": {
        "lint.M002.hit": ("SOP {sop} step {no} ({kegiatan}): the mutu baku output is empty."),
    },
}


# ---------------------------------------------------------------------------------------
# M002 output-kosong


class TerminatorOptions(BaseModel):
    """Options shared by the mutu baku rules."""

    model_config = ConfigDict(extra="forbid")

    kecuali_terminator: bool = Field(
        default=False,
        description="Lewati langkah bersimbol mulai/selesai (kapsul). Bawaan: setiap baris SOP AP wajib bermutu baku.",
        json_schema_extra={
            "en": (
                "Skip steps drawn as terminators (mulai/selesai). Default: every row of an SOP AP has its mutu baku."
            )
        },
    )


class OutputKosong(Rule):
    """M002: a step's mutu baku has no output."""

    messages = MESSAGES
    code: ClassVar[str] = "M002"
    name: ClassVar[str] = "output-kosong"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = TerminatorOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Mutu baku langkah SOP tidak menyebut output.",
            why=(
                "Setiap baris prosedur SOP AP memiliki mutu baku kelengkapan, waktu dan output. "
                "Output adalah bukti bahwa langkah selesai dan menjadi masukan langkah berikutnya; "
                "tanpa output langkah tidak dapat diperiksa."
            ),
            fix="Isi `mutu_baku.output` dengan hasil nyata langkah itu, mis. 'Berkas terverifikasi'.",
        ),
        "en": RuleDoc(
            summary="A SOP step's mutu baku names no output.",
            why=(
                "Every prosedur row of an SOP AP has a mutu baku: kelengkapan, waktu and output. The "
                "output is the evidence that the step is done and feeds the next step; without it the "
                "step cannot be checked."
            ),
            fix="Fill `mutu_baku.output` with the step's concrete result, e.g. 'Berkas terverifikasi'.",
        ),
    }
    bad: ClassVar[str] = _bad(
        "mutu_baku: {kelengkapan: [Vaksin], waktu: 10 menit, output: Anak terimunisasi}",
        "mutu_baku: {kelengkapan: [Vaksin], waktu: 10 menit}",
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: TerminatorOptions) -> Iterator[Hit]:
        """Report steps without an output."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            for i, step in enumerate(doc.model.langkah):
                if options.kecuali_terminator and step.simbol in ("mulai", "selesai"):
                    continue
                if _blank(step.mutu_baku.output):
                    yield Hit(
                        doc.loc("langkah", i, "mutu_baku", "output"),
                        Message.of("lint.M002.hit", sop=kode, no=step.no, kegiatan=step.kegiatan),
                    )
