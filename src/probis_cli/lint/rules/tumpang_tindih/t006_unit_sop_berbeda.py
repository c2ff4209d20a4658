"""T006 ``unit-sop-berbeda``: T006: an SOP's unit is not (within) the owner of the process it belongs to."""

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
        "lint.T006.hit": ("Unit SOP {sop} ({unit}) bukan pemilik proses {proses} ({pemilik}) atau unit di bawahnya."),
    },
    "en": {
        "lint.T006.hit": (
            "The unit of SOP {sop} ({unit}) is not the owner of process {proses} ({pemilik}) nor a unit below it."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# T006 unit-sop-berbeda


def _unit_within(index: Index, ref: str, owner: str) -> bool:
    """Whether actor ``ref`` lies within owner reference ``owner`` (same, or below it)."""
    if ref == owner:
        return True
    ref_opd, _, ref_unit = ref.partition("/")
    own_opd, _, own_unit = owner.partition("/")
    if ref_opd != own_opd:
        return False
    if not own_unit or not ref_unit:
        # One side is the OPD as a whole: the SOP and the process sit in the same OPD.
        return True
    doc = index.opd.get(ref_opd)
    if doc is None:
        return False
    parents = {u.kode: u.induk for u in doc.model.unit}
    jabatan_unit = {j.kode: j.unit for j in doc.model.jabatan}
    current: str | None = ref_unit if ref_unit in parents else jabatan_unit.get(ref_unit)
    seen: set[str] = set()
    while current is not None and current not in seen:
        if current == own_unit:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


class UnitSopBerbeda(Rule):
    """T006: an SOP's unit is not (within) the owner of the process it belongs to."""

    messages = MESSAGES
    code: ClassVar[str] = "T006"
    name: ClassVar[str] = "unit-sop-berbeda"
    reads = "pemda opd proses sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Unit pemilik SOP berbeda dengan pemilik proses bisnisnya.",
            why=(
                "SOP adalah penjabaran proses bisnis level terendah dan disusun oleh yang "
                "melaksanakannya. SOP milik unit lain (apalagi OPD lain) daripada pemilik proses "
                "menandakan prosedur ditulis di tempat yang salah atau kewenangan yang tumpang "
                "tindih. Unit di bawah unit pemilik, atau OPD yang sama bila salah satunya OPD "
                "secara keseluruhan, dianggap sesuai."
            ),
            fix=(
                "Samakan `unit` SOP dengan pemilik proses (atau unit di bawahnya), atau kaitkan SOP "
                "ke proses milik unit tersebut."
            ),
        ),
        "en": RuleDoc(
            summary="The unit owning an SOP differs from the owner of its business process.",
            why=(
                "An SOP details a lowest-level process and is written by those who perform it. An "
                "SOP owned by another unit (let alone another OPD) than the process owner shows a "
                "procedure written in the wrong place or overlapping authority. A unit below the "
                "owning unit, or the same OPD when either side is the OPD as a whole, is fine."
            ),
            fix=(
                "Make the SOP's `unit` the process owner (or a unit below it), or link the SOP to "
                "the process owned by that unit."
            ),
        ),
    }
    _SOP = """\
# file: sop/SOP-001.yaml
probis: 1
jenis: sop
kode: SOP-001
nama: Pelayanan Imunisasi Dasar
proses: PB.01
unit: {unit}
pelaksana: [{{kode: petugas, nama: Petugas}}]
langkah:
  - {{no: 1, kegiatan: Menerima pasien, pelaksana: petugas, simbol: mulai}}
  - {{no: 2, kegiatan: Memberikan imunisasi, pelaksana: petugas, simbol: selesai}}
"""
    bad: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Imunisasi", "dinkes/bid-p2p")
        + _SOP.format(unit="disdukcapil/bid-dafduk")
    )
    good: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Imunisasi", "dinkes/bid-p2p")
        + _SOP.format(unit="dinkes/seksi-imunisasi")
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Compare each SOP's unit with the owners of its process."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            unit, proses = doc.model.unit, doc.model.proses
            if unit is None or proses is None or proses not in index.proses or unit not in index.actors:
                continue
            pdoc = index.proses[proses]
            owners = [o for o in pdoc.model.pemilik if o in index.actors]
            if not owners or any(_unit_within(index, unit, o) for o in owners):
                continue
            yield Hit(
                doc.loc("unit"),
                Message.of("lint.T006.hit", sop=kode, unit=unit, proses=proses, pemilik=", ".join(owners)),
                related=(pdoc.loc("pemilik"),),
            )
