"""K009 ``keluaran-tanpa-penerima``: K009: a keluaran with nobody receiving it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PROSES, _repo, _swap

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K009.hit": ("Keluaran '{keluaran}' proses {proses} tidak memiliki penerima ('untuk' kosong)."),
    },
    "en": {
        "lint.K009.hit": ("Output '{keluaran}' of process {proses} has no recipient ('untuk' is empty)."),
    },
}


# ---------------------------------------------------------------------------------------
# K009 keluaran-tanpa-penerima


class KeluaranTanpaPenerima(Rule):
    """K009: a keluaran with nobody receiving it."""

    messages = MESSAGES
    code: ClassVar[str] = "K009"
    name: ClassVar[str] = "keluaran-tanpa-penerima"
    reads = "each proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Keluaran proses tidak memiliki penerima (`untuk` kosong).",
            why=(
                "Proses bisnis menghasilkan keluaran yang bernilai bagi pemangku kepentingan. "
                "Keluaran tanpa penerima tidak dapat digambarkan di peta relasi dan mungkin "
                "tidak diperlukan siapa pun."
            ),
            fix="Isi `untuk` dengan OPD, OPD/unit, atau pihak luar yang menerima keluaran ini.",
        ),
        "en": RuleDoc(
            summary="A process output has no recipient (`untuk` is empty).",
            why=(
                "A business process produces outputs of value to stakeholders. An output without a "
                "recipient cannot be drawn in the relationship map and may be needed by nobody."
            ),
            fix="Set `untuk` to the OPD, OPD/unit or external party that receives the output.",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_swap(
            _PROSES, "  - {nama: Anak terimunisasi lengkap, untuk: masyarakat}", "  - {nama: Anak terimunisasi lengkap}"
        )
    )
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Outputs with an empty recipient list."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            for i, keluaran in enumerate(doc.model.keluaran):
                if not keluaran.untuk:
                    yield Hit(
                        doc.loc("keluaran", i, "nama"), Message.of("lint.K009.hit", proses=kode, keluaran=keluaran.nama)
                    )
