"""K015 ``sop-proses-tidak-cocok``: K015: a process lists an SOP whose own `proses` names another process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PROSES, _PROSES_KIPI, _repo, _sop

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K015.hit": ("Proses {proses} mencantumkan SOP {sop}, tetapi SOP itu menyebut proses {lain}."),
    },
    "en": {
        "lint.K015.hit": ("Process {proses} lists SOP {sop}, but that SOP names process {lain}."),
    },
}


# ---------------------------------------------------------------------------------------
# K015 sop-proses-tidak-cocok


class SopProsesTidakCocok(Rule):
    """K015: a process lists an SOP whose own `proses` names another process."""

    messages = MESSAGES
    code: ClassVar[str] = "K015"
    name: ClassVar[str] = "sop-proses-tidak-cocok"
    reads = "proses sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses mencantumkan SOP yang menyebut proses lain di `proses`-nya.",
            why=(
                "Keterkaitan SOP–proses dapat ditulis dari dua sisi (`sop` di proses, `proses` di "
                "SOP). Bila keduanya berbeda, tidak jelas SOP itu menjabarkan proses yang mana; "
                "peta dan dokumen SOP akan saling bertentangan."
            ),
            fix="Samakan kedua sisi: hapus SOP dari `sop` proses ini, atau perbaiki `proses` di SOP.",
        ),
        "en": RuleDoc(
            summary="A process lists an SOP whose own `proses` names another process.",
            why=(
                "The SOP–process link can be written from both sides (`sop` in the process, "
                "`proses` in the SOP). When they disagree it is unclear which process the SOP "
                "details; the map and the SOP documents contradict each other."
            ),
            fix="Make both sides agree: remove the SOP from this process's `sop`, or correct `proses` in the SOP.",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_PROSES + _PROSES_KIPI, sop=_sop(proses="PB.02", nama="Pemantauan Kejadian Ikutan Pasca Imunisasi")
    )
    good: ClassVar[str] = _repo(
        proses=_PROSES + _PROSES_KIPI,
        sop=_sop() + _sop("SOP-002", "PB.02", "Pemantauan Kejadian Ikutan Pasca Imunisasi"),
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Compare each process's `sop` entries with the SOPs' own `proses`."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            for i, sop_kode in enumerate(doc.model.sop):
                sop_doc = index.sop.get(sop_kode)
                if sop_doc is None or sop_doc.model.proses is None or sop_doc.model.proses == kode:
                    continue
                if sop_doc.model.proses not in index.proses:
                    continue  # an unknown process is already reported (S008); one finding is enough
                yield Hit(
                    doc.loc("sop", i),
                    Message.of("lint.K015.hit", proses=kode, sop=sop_kode, lain=sop_doc.model.proses),
                    related=(sop_doc.loc("proses"),),
                )
