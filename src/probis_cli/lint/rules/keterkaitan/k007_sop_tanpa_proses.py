"""K007 ``sop-tanpa-proses``: K007: an SOP linked to no process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _repo, _sop

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K007.hit": ("SOP {sop} ({nama}) tidak dikaitkan dengan proses bisnis mana pun."),
    },
    "en": {
        "lint.K007.hit": ("SOP {sop} ({nama}) is linked to no business process."),
    },
}


# ---------------------------------------------------------------------------------------
# K007 sop-tanpa-proses


class SopTanpaProses(Rule):
    """K007: an SOP linked to no process."""

    messages = MESSAGES
    code: ClassVar[str] = "K007"
    name: ClassVar[str] = "sop-tanpa-proses"
    reads = "proses sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="SOP tidak dikaitkan dengan proses bisnis mana pun.",
            why=(
                "SOP menjabarkan proses bisnis level terendah; evaluasi reformasi birokrasi "
                "meminta setiap SOP mengacu pada peta proses bisnis. SOP yang lepas dari peta "
                "mungkin usang, ganda, atau prosesnya belum dipetakan."
            ),
            fix="Isi `proses` di SOP dengan kode proses yang dijabarkannya (atau cantumkan SOP di `sop` proses itu).",
        ),
        "en": RuleDoc(
            summary="An SOP is linked to no business process.",
            why=(
                "An SOP details a lowest-level business process; the reform evaluation asks that "
                "every SOP refers to the process map. An SOP detached from the map may be "
                "outdated, duplicated, or its process is not mapped yet."
            ),
            fix="Set `proses` in the SOP to the process it details (or list the SOP under that process's `sop`).",
        ),
    }
    bad: ClassVar[str] = _repo(sop=_sop() + _sop("SOP-002", None, "Pencatatan Kejadian Ikutan Pasca Imunisasi"))
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """SOPs with no process and not listed by any process."""
        linked = {s for codes in index.sop_by_proses.values() for s in codes}
        linked.update(index.failed_links("proses", "sop"))  # listed by a process that failed to load
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            if kode in linked or doc.model.proses is not None:
                continue  # an unresolved `proses` is already a reference error
            yield Hit(doc.loc("kode"), Message.of("lint.K007.hit", sop=kode, nama=doc.model.nama))
