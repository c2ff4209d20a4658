"""K005 ``kegiatan-tanpa-proses``: K005: a Renstra kegiatan that no process carries out (a coverage gap)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _OPD, _repo
from probis_cli.model.kode import is_standard_penunjang

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K005.hit": (
            "Kegiatan {kegiatan} ({nama}) di Renstra {opd} belum dilaksanakan oleh proses bisnis mana pun."
        ),
    },
    "en": {
        "lint.K005.hit": (
            "Kegiatan {kegiatan} ({nama}) in the Renstra of {opd} is carried out by no business process."
        ),
    },
}


def kegiatan_of(code: str) -> str:
    """The kegiatan code (``X.XX.XX.X.XX``) of a kegiatan or sub kegiatan code."""
    return ".".join(code.split(".")[:5])


# ---------------------------------------------------------------------------------------
# K005 kegiatan-tanpa-proses


class KegiatanTanpaProsesOptions(BaseModel):
    """Options of K005."""

    model_config = ConfigDict(extra="forbid")

    termasuk_penunjang: bool = Field(
        default=False,
        description="Periksa juga kegiatan standar program penunjang (X.XX.01.2.01–.2.10), yang sering tidak dipetakan.",
        json_schema_extra={
            "en": "Also check the standard kegiatan of the program penunjang (X.XX.01.2.01–.2.10), which many Pemda do not map."
        },
    )


class KegiatanTanpaProses(Rule):
    """K005: a Renstra kegiatan that no process carries out (a coverage gap)."""

    messages = MESSAGES
    code: ClassVar[str] = "K005"
    name: ClassVar[str] = "kegiatan-tanpa-proses"
    reads = "pemda opd proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = KegiatanTanpaProsesOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kegiatan Renstra belum dilaksanakan oleh proses bisnis mana pun.",
            why=(
                "Peta proses bisnis harus mencakup seluruh kegiatan yang direncanakan; kegiatan "
                "tanpa proses adalah celah peta (belum jelas siapa melakukan apa). Proses yang "
                "mengaitkan salah satu sub kegiatannya juga dihitung. Kegiatan program penunjang "
                "(X.XX.01.2.01–.2.10) hanya diperiksa dengan opsi `termasuk_penunjang`; kegiatan lain di program penunjang (mis. Penataan Organisasi Setda) selalu diperiksa."
            ),
            fix="Kaitkan kegiatan (atau sub kegiatannya) ke `kegiatan` proses yang melaksanakannya, atau petakan proses barunya.",
        ),
        "en": RuleDoc(
            summary="A Renstra kegiatan is carried out by no business process.",
            why=(
                "The process map must cover every planned kegiatan; a kegiatan without a process "
                "is a gap in the map (who does what is unclear). A process that links one of its "
                "sub kegiatan counts. The standard kegiatan of the program penunjang (X.XX.01.2.01–.2.10) are checked only "
                "with the `termasuk_penunjang` option; other kegiatan of that program (e.g. Setda's Penataan Organisasi) always are."
            ),
            fix="Link the kegiatan (or one of its sub kegiatan) in the `kegiatan` of the process carrying it out, or map a new process.",
        ),
    }
    bad: ClassVar[str] = _repo(
        opd=_OPD
        + """\
  - kode: 1.02.02.2.01
    nama: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
"""
    )
    good: ClassVar[str] = _repo(
        opd=_OPD
        + """\
  - kode: 1.02.01.2.01
    nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
"""
    )

    def check(self, index: Index, options: KegiatanTanpaProsesOptions) -> Iterator[Hit]:
        """Kegiatan entries of an OPD that none of that OPD's processes carries out."""
        # Coverage is per OPD: two Kecamatan hold the same 7.01 codes, and one Kecamatan's
        # process does not carry out the other's Renstra.
        covered: set[tuple[str, str]] = set()
        for kode, pdoc in index.proses.items():
            owners = index.owners(kode)
            for code in pdoc.model.kegiatan:
                for owner in owners:
                    covered.add((owner, kegiatan_of(code)))
        # Kegiatan named by a process that failed to load (whoever owns it) are not uncovered.
        maybe = {kegiatan_of(code) for code in index.failed_links("proses", "kegiatan")}
        for opd in sorted(index.opd):
            doc = index.opd[opd]
            for i, kegiatan in enumerate(doc.model.kegiatan):
                if (
                    (opd, kegiatan.kode) in covered
                    or kegiatan.kode in maybe
                    or (is_standard_penunjang(kegiatan.kode) and not options.termasuk_penunjang)
                ):
                    continue
                yield Hit(
                    doc.loc("kegiatan", i, "kode"),
                    Message.of("lint.K005.hit", kegiatan=kegiatan.kode, nama=kegiatan.nama, opd=doc.model.label),
                )
