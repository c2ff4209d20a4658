"""M010 ``nomor-langkah-tidak-urut``: M010: step numbers are not 1, 2, 3, … in table order."""

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
        "lint.M010.hit": ("SOP {sop}: langkah ke-{urutan} bernomor {no}; nomori langkah berurutan 1, 2, 3, …"),
    },
    "en": {
        "lint.M010.hit": ("SOP {sop}: step {urutan} is numbered {no}; number the steps 1, 2, 3, … in order."),
    },
}


# ---------------------------------------------------------------------------------------
# M010 nomor-langkah-tidak-urut


class NomorLangkahTidakUrut(Rule):
    """M010: step numbers are not 1, 2, 3, … in table order."""

    messages = MESSAGES
    code: ClassVar[str] = "M010"
    name: ClassVar[str] = "nomor-langkah-tidak-urut"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Nomor langkah SOP tidak berurutan 1, 2, 3, … sesuai urutan tabel.",
            why=(
                "Kolom No tabel prosedur dicetak apa adanya, dan `lanjut`, `ya`, `tidak` serta "
                "cabang merujuk nomor ini. Nomor yang melompat atau tidak urut membingungkan "
                "pembaca dan mudah membuat rujukan alur salah sasaran. Hanya penyimpangan pertama "
                "yang dilaporkan; nomor ganda dilaporkan sebagai S007."
            ),
            fix="Nomori langkah berurutan mulai 1 dan sesuaikan `lanjut`/`ya`/`tidak`/`cabang` yang merujuknya.",
        ),
        "en": RuleDoc(
            summary="SOP step numbers do not run 1, 2, 3, … in table order.",
            why=(
                "The No column of the prosedur table is printed as is, and `lanjut`, `ya`, `tidak` and "
                "branches refer to these numbers. Skipped or out-of-order numbers confuse readers and "
                "make flow references easy to get wrong. Only the first deviation is reported; "
                "duplicate numbers are S007."
            ),
            fix="Number the steps from 1 in order and update the `lanjut`/`ya`/`tidak`/`cabang` that refer to them.",
        ),
    }
    bad: ClassVar[str] = _bad("  - no: 3\n", "  - no: 5\n").replace("ya: 3\n", "ya: 5\n")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Report the first step whose number is not its position."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            numbers = [step.no for step in doc.model.langkah]
            if len(set(numbers)) != len(numbers):
                continue
            for i, no in enumerate(numbers):
                if no != i + 1:
                    yield Hit(doc.loc("langkah", i, "no"), Message.of("lint.M010.hit", sop=kode, no=no, urutan=i + 1))
                    break
