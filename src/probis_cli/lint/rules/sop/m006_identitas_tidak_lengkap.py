"""M006 ``identitas-tidak-lengkap``: M006: identity fields of the SOP AP are missing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import GOOD, _bad, _blank
from probis_cli.model.sop import Sop

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M006.hit": ("Identitas SOP {sop}: {isian} belum diisi."),
        "lint.M006.nip": ("Identitas SOP {sop}: NIP pengesah '{nip}' bukan 18 digit."),
        "lint.M006.isian.nomor": ("Nomor SOP"),
        "lint.M006.isian.unit": ("unit kerja"),
        "lint.M006.isian.tanggal_pembuatan": ("Tanggal Pembuatan"),
        "lint.M006.isian.tanggal_revisi": ("Tanggal Revisi"),
        "lint.M006.isian.tanggal_efektif": ("Tanggal Efektif"),
        "lint.M006.isian.disahkan_oleh": ("Disahkan oleh"),
        "lint.M006.isian.disahkan_oleh.nama": ("nama pengesah"),
        "lint.M006.isian.disahkan_oleh.nip": ("NIP pengesah"),
        "lint.M006.isian.dasar_hukum": ("Dasar Hukum"),
        "lint.M006.isian.kualifikasi_pelaksana": ("Kualifikasi Pelaksana"),
        "lint.M006.isian.keterkaitan": ("Keterkaitan"),
        "lint.M006.isian.peralatan": ("Peralatan/Perlengkapan"),
        "lint.M006.isian.peringatan": ("Peringatan"),
        "lint.M006.isian.pencatatan": ("Pencatatan dan Pendataan"),
    },
    "en": {
        "lint.M006.hit": ("Identity of SOP {sop}: {isian} is not filled in."),
        "lint.M006.nip": ("Identity of SOP {sop}: the signatory's NIP '{nip}' is not 18 digits."),
        "lint.M006.isian.nomor": ("Nomor SOP (number)"),
        "lint.M006.isian.unit": ("the work unit"),
        "lint.M006.isian.tanggal_pembuatan": ("Tanggal Pembuatan (date made)"),
        "lint.M006.isian.tanggal_revisi": ("Tanggal Revisi (revision date)"),
        "lint.M006.isian.tanggal_efektif": ("Tanggal Efektif (effective date)"),
        "lint.M006.isian.disahkan_oleh": ("Disahkan oleh (signatory)"),
        "lint.M006.isian.disahkan_oleh.nama": ("the signatory's name"),
        "lint.M006.isian.disahkan_oleh.nip": ("the signatory's NIP"),
        "lint.M006.isian.dasar_hukum": ("Dasar Hukum (legal basis)"),
        "lint.M006.isian.kualifikasi_pelaksana": ("Kualifikasi Pelaksana (performer qualifications)"),
        "lint.M006.isian.keterkaitan": ("Keterkaitan (related SOPs)"),
        "lint.M006.isian.peralatan": ("Peralatan/Perlengkapan (equipment)"),
        "lint.M006.isian.peringatan": ("Peringatan (warnings)"),
        "lint.M006.isian.pencatatan": ("Pencatatan dan Pendataan (records)"),
    },
}


def _blank_list(values: list[str]) -> bool:
    """Whether a list field is empty or holds only placeholders."""
    return all(_blank(v) for v in values)


# ---------------------------------------------------------------------------------------
# M006 identitas-tidak-lengkap

IdentitasField = Literal[
    "nomor",
    "unit",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    "disahkan_oleh.nama",
    "disahkan_oleh.nip",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
]

_DEFAULT_WAJIB: list[IdentitasField] = [
    "nomor",
    "tanggal_pembuatan",
    "tanggal_efektif",
    "disahkan_oleh",
    "disahkan_oleh.nama",
    "disahkan_oleh.nip",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "peralatan",
    "pencatatan",
]

_NIP_RE = re.compile(r"\d{18}")


class IdentitasOptions(BaseModel):
    """Options of M006."""

    model_config = ConfigDict(extra="forbid")

    wajib: list[IdentitasField] = Field(
        default_factory=lambda: list(_DEFAULT_WAJIB),
        description="Isian identitas SOP yang wajib diisi ('-' dianggap kosong).",
        json_schema_extra={"en": ("Identity fields of the SOP that must be filled in ('-' counts as empty).")},
    )
    periksa_nip: bool = Field(
        default=True,
        description="NIP pengesah harus 18 digit (spasi diabaikan).",
        json_schema_extra={"en": ("The signer's NIP must have 18 digits (spaces ignored).")},
    )


class IdentitasTidakLengkap(Rule):
    """M006: identity fields of the SOP AP are missing."""

    messages = MESSAGES
    code: ClassVar[str] = "M006"
    name: ClassVar[str] = "identitas-tidak-lengkap"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = IdentitasOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Isian identitas SOP AP belum lengkap.",
            why=(
                "Halaman identitas SOP AP (PermenPAN-RB 35/2012) memuat nomor, tanggal pembuatan, "
                "revisi dan efektif, pengesah (jabatan, nama, NIP), dasar hukum, kualifikasi "
                "pelaksana, keterkaitan, peralatan, peringatan serta pencatatan dan pendataan. SOP "
                "tanpa nomor, pengesahan atau dasar hukum belum dapat diberlakukan dan tidak "
                "dihitung dalam penilaian reformasi birokrasi. Isian '-' dianggap kosong."
            ),
            fix=(
                "Lengkapi isian yang disebut. Isian yang diwajibkan diatur dengan opsi `wajib`, mis. "
                "tambahkan `peringatan` dan `keterkaitan`, atau hapus `disahkan_oleh.nip` bila "
                "pengesahnya bukan ASN."
            ),
        ),
        "en": RuleDoc(
            summary="Identity fields of the SOP AP are incomplete.",
            why=(
                "The identity page of an SOP AP (PermenPAN-RB 35/2012) holds the number, the dates of "
                "making, revision and entry into force, the signatory (position, name, NIP), legal "
                "basis, performer qualifications, related SOPs, equipment, warnings, and records. An "
                "SOP without number, signature or legal basis cannot be put into force and does not "
                "count in the reform assessment. A value of '-' counts as empty."
            ),
            fix=(
                "Fill in the fields named. Which fields are required is set with the `wajib` option, "
                "e.g. add `peringatan` and `keterkaitan`, or drop `disahkan_oleh.nip` when the "
                "signatory is not a civil servant."
            ),
        ),
    }
    bad: ClassVar[str] = _bad(
        "dasar_hukum: [Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi]\n", ""
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: IdentitasOptions) -> Iterator[Hit]:
        """Report each required field that is missing, in the order of the identity page."""
        wajib = set(options.wajib)
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            s = doc.model
            for field in get_args(IdentitasField):
                if field not in wajib or not self._missing(s, field):
                    continue
                if field.startswith("disahkan_oleh.") and s.disahkan_oleh is None:
                    continue  # the whole signature block is reported once
                path: tuple[str, ...] = tuple(field.split("."))
                yield Hit(
                    doc.loc(*path),
                    Message.of("lint.M006.hit", sop=kode, isian_id=f"lint.M006.isian.{field}"),
                )
            nip = s.disahkan_oleh.nip if s.disahkan_oleh else None
            if options.periksa_nip and not _blank(nip) and nip is not None:
                digits = re.sub(r"\s", "", nip)
                if not _NIP_RE.fullmatch(digits):
                    yield Hit(doc.loc("disahkan_oleh", "nip"), Message.of("lint.M006.nip", sop=kode, nip=nip))

    @staticmethod
    def _missing(s: Sop, field: str) -> bool:
        if field == "disahkan_oleh.nama":
            return s.disahkan_oleh is not None and _blank(s.disahkan_oleh.nama)
        if field == "disahkan_oleh.nip":
            return s.disahkan_oleh is not None and _blank(s.disahkan_oleh.nip)
        value = getattr(s, field)
        if value is None:
            return True
        if isinstance(value, list):
            return _blank_list(value)
        if isinstance(value, str):
            return _blank(value)
        return False
