"""K006 ``proses-tanpa-sop``: K006: a lowest-level process without an SOP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PROSES, _repo, _swap

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K006.hit": ("Proses level terendah {proses} ({nama}) belum memiliki SOP."),
    },
    "en": {
        "lint.K006.hit": ("Lowest-level process {proses} ({nama}) has no SOP."),
    },
}


# ---------------------------------------------------------------------------------------
# K006 proses-tanpa-sop

Kategori = Literal["inti", "pendukung", "manajemen"]
_KATEGORI: tuple[Kategori, ...] = ("inti", "pendukung", "manajemen")


class ProsesTanpaSopOptions(BaseModel):
    """Options of K006."""

    model_config = ConfigDict(extra="forbid")

    kategori: list[Kategori] = Field(
        default_factory=lambda: list(_KATEGORI),
        description="Kategori proses yang wajib memiliki SOP.",
        json_schema_extra={"en": "Process categories that must have an SOP."},
    )


class ProsesTanpaSop(Rule):
    """K006: a lowest-level process without an SOP."""

    messages = MESSAGES
    code: ClassVar[str] = "K006"
    name: ClassVar[str] = "proses-tanpa-sop"
    reads = "proses sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = ProsesTanpaSopOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis level terendah belum memiliki SOP.",
            why=(
                "Level terendah peta proses bisnis adalah dasar penyusunan SOP, dan penilaian "
                "reformasi birokrasi menanyakan apakah SOP mengacu pada peta proses bisnis. "
                "Proses terendah tanpa SOP berarti prosedurnya belum dibakukan."
            ),
            fix="Susun SOP AP untuk proses ini dan kaitkan (`sop` di proses atau `proses` di SOP).",
        ),
        "en": RuleDoc(
            summary="A lowest-level business process has no SOP.",
            why=(
                "The lowest level of the process map is the basis of the SOPs, and the reform "
                "self-assessment asks whether SOPs refer to the process map. A lowest-level "
                "process without an SOP has no standardised procedure yet."
            ),
            fix="Write an SOP AP for the process and link it (`sop` in the process or `proses` in the SOP).",
        ),
    }
    bad: ClassVar[str] = _repo(proses=_swap(_PROSES, "sop: [SOP-001]\n", ""), sop="")
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: ProsesTanpaSopOptions) -> Iterator[Hit]:
        """Leaf processes of the chosen categories with no SOP either way."""
        wanted = set(options.kategori)
        # A child or an SOP that failed to load still counts (one mistake, one finding).
        failed_children = index.failed_links("proses", "induk")
        failed_sop_of = index.failed_links("sop", "proses")
        failed_sop = index.failed_codes("sop")
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            if doc.model.kategori not in wanted or not index.is_leaf(kode) or index.sop_by_proses.get(kode):
                continue
            if kode in failed_children or kode in failed_sop_of or any(s in failed_sop for s in doc.model.sop):
                continue
            yield Hit(doc.loc("kode"), Message.of("lint.K006.hit", proses=kode, nama=doc.model.nama))
