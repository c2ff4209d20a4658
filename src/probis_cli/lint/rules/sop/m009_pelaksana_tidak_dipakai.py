"""M009 ``pelaksana-tidak-dipakai``: M009: a pelaksana column of the SOP that no step uses."""

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
        "lint.M009.hit": ("SOP {sop}: pelaksana '{pelaksana}' ({nama}) tidak dipakai oleh langkah mana pun."),
    },
    "en": {
        "lint.M009.hit": ("SOP {sop}: pelaksana '{pelaksana}' ({nama}) is not used by any step."),
    },
}


# ---------------------------------------------------------------------------------------
# M009 pelaksana-tidak-dipakai


class PelaksanaTidakDipakai(Rule):
    """M009: a pelaksana column of the SOP that no step uses."""

    messages = MESSAGES
    code: ClassVar[str] = "M009"
    name: ClassVar[str] = "pelaksana-tidak-dipakai"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kolom pelaksana SOP tidak dipakai oleh langkah mana pun.",
            why=(
                "Setiap pelaksana menjadi satu kolom tabel prosedur. Kolom tanpa simbol membuat tabel "
                "melebar tanpa guna dan biasanya menandakan langkah yang terlupa atau pelaksana yang "
                "salah ditulis pada langkah."
            ),
            fix="Hapus pelaksana itu, atau isi `pelaksana` pada langkah yang memang ia kerjakan.",
        ),
        "en": RuleDoc(
            summary="An SOP pelaksana column that no step uses.",
            why=(
                "Every pelaksana becomes a column of the prosedur table. A column without symbols "
                "widens the table for nothing and usually means a forgotten step or a wrong pelaksana "
                "on a step."
            ),
            fix="Remove the pelaksana, or set it as `pelaksana` on the steps it really performs.",
        ),
    }
    bad: ClassVar[str] = _bad(
        "  - {kode: vaksinator, nama: Vaksinator, jabatan: dinkes/vaksinator}\n",
        "  - {kode: vaksinator, nama: Vaksinator, jabatan: dinkes/vaksinator}\n  - {kode: kadis, nama: Kepala Dinas}\n",
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Report declared pelaksana without steps."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            used = {step.pelaksana for step in doc.model.langkah}
            if not doc.model.langkah:
                continue  # an empty prosedur is M005's finding
            for i, pl in enumerate(doc.model.pelaksana):
                if pl.kode not in used:
                    yield Hit(
                        doc.loc("pelaksana", i), Message.of("lint.M009.hit", sop=kode, pelaksana=pl.kode, nama=pl.nama)
                    )
