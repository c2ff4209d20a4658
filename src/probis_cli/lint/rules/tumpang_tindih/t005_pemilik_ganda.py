"""T005 ``pemilik-ganda``: T005: a process has more than one owner."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules._common import _PEMDA
from probis_cli.lint.rules.tumpang_tindih._common import _DINKES, _capil, _proses

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.T005.hit": ("Proses {proses} ({nama}) memiliki {jumlah} pemilik: {pemilik}. Tetapkan satu pemilik."),
    },
    "en": {
        "lint.T005.hit": ("Process {proses} ({nama}) has {jumlah} owners: {pemilik}. Choose one owner."),
    },
}


# ---------------------------------------------------------------------------------------
# T005 pemilik-ganda


class PemilikGanda(Rule):
    """T005: a process has more than one owner."""

    messages = MESSAGES
    code: ClassVar[str] = "T005"
    name: ClassVar[str] = "pemilik-ganda"
    reads = "pemda opd proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Satu proses bisnis memiliki lebih dari satu pemilik.",
            why=(
                "Pemilik proses bertanggung jawab atas kinerja dan perbaikan proses. Dua pemilik "
                "(dua OPD, atau dua unit) berarti batas kewenangan dan tanggung jawab tidak jelas; "
                "keterlibatan pihak lain digambarkan sebagai pelaksana aktivitas, bukan pemilik."
            ),
            fix=(
                "Pilih satu pemilik (OPD atau OPD/unit). Unit atau OPD lain yang terlibat dicatat "
                "sebagai pelaksana aktivitas atau penerima/pemberi masukan dan keluaran; bila "
                "perlu, pecah proses menjadi subproses dengan pemilik masing-masing."
            ),
        ),
        "en": RuleDoc(
            summary="A business process has more than one owner.",
            why=(
                "The process owner is accountable for the process's performance and improvement. "
                "Two owners (two OPD, or two units) mean unclear boundaries of authority and "
                "responsibility; other parties take part as activity performers, not owners."
            ),
            fix=(
                "Choose one owner (OPD or OPD/unit). Record the other units or OPD as performers of "
                "activities or as sources/recipients of inputs and outputs; if needed, split the "
                "process into sub-processes each with its own owner."
            ),
        ),
    }
    bad: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Akta Kelahiran di Rumah Sakit", "[disdukcapil/bid-dafduk, dinkes]")
    )
    good: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Akta Kelahiran di Rumah Sakit", "disdukcapil/bid-dafduk")
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Report processes with two or more distinct owner references."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            refs: list[str] = []
            for ref in doc.model.pemilik:
                if ref not in refs:
                    refs.append(ref)
            if len(refs) < 2:
                continue
            second = doc.model.pemilik.index(refs[1])
            yield Hit(
                doc.loc("pemilik", second),
                Message.of(
                    "lint.T005.hit", proses=kode, nama=doc.model.nama, pemilik=", ".join(refs), jumlah=len(refs)
                ),
            )
