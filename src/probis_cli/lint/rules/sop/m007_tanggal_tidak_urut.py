"""M007 ``tanggal-tidak-urut``: M007: the effective or revision date lies before the date the SOP was made."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import GOOD, _bad

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M007.efektif": ("SOP {sop}: tanggal efektif {tanggal} mendahului tanggal pembuatan {pembuatan}."),
        "lint.M007.revisi": ("SOP {sop}: tanggal revisi {tanggal} mendahului tanggal pembuatan {pembuatan}."),
    },
    "en": {
        "lint.M007.efektif": ("SOP {sop}: the effective date {tanggal} is before the date made {pembuatan}."),
        "lint.M007.revisi": ("SOP {sop}: the revision date {tanggal} is before the date made {pembuatan}."),
    },
}


# ---------------------------------------------------------------------------------------
# M007 tanggal-tidak-urut


class TanggalTidakUrut(Rule):
    """M007: the effective or revision date lies before the date the SOP was made."""

    messages = MESSAGES
    code: ClassVar[str] = "M007"
    name: ClassVar[str] = "tanggal-tidak-urut"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Tanggal efektif atau tanggal revisi SOP mendahului tanggal pembuatan.",
            why=(
                "SOP berlaku sesudah dibuat dan disahkan, dan direvisi sesudah dibuat. Tanggal yang "
                "terbalik hampir selalu salah ketik dan membuat masa berlaku SOP tidak dapat "
                "dipertanggungjawabkan."
            ),
            fix="Perbaiki tanggal: tanggal_pembuatan ≤ tanggal_efektif, dan tanggal_pembuatan ≤ tanggal_revisi.",
        ),
        "en": RuleDoc(
            summary="The SOP's effective or revision date is before the date it was made.",
            why=(
                "An SOP takes effect after it is made and signed, and is revised after it is made. "
                "Reversed dates are almost always typos and make the SOP's period of validity "
                "unaccountable."
            ),
            fix="Correct the dates: tanggal_pembuatan ≤ tanggal_efektif, and tanggal_pembuatan ≤ tanggal_revisi.",
        ),
    }
    bad: ClassVar[str] = _bad("tanggal_efektif: 1 Februari 2026", "tanggal_efektif: 1 Februari 2025")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Compare the identity dates of every SOP."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            s = doc.model
            if s.tanggal_pembuatan is None:
                continue
            for field, value in (("tanggal_efektif", s.tanggal_efektif), ("tanggal_revisi", s.tanggal_revisi)):
                if value is not None and value < s.tanggal_pembuatan:
                    yield Hit(
                        doc.loc(field),
                        Message.of(
                            f"lint.M007.{field.removeprefix('tanggal_')}",
                            sop=kode,
                            tanggal=value,
                            pembuatan=s.tanggal_pembuatan,
                        ),
                    )
