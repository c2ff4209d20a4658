"""T002 ``keluaran-ganda``: T002: processes of different OPD produce the same keluaran."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules._common import _PEMDA
from probis_cli.lint.rules.tumpang_tindih._common import (
    _MAX_RELATED,
    KeluaranGandaOptions,
    Processes,
    _capil,
    _kecamatan,
    _proses,
    owners_label,
    same_keluaran,
)

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.T002.hit": (
            "Keluaran '{keluaran}' proses {proses} ({pemilik}) juga dihasilkan proses {lain} ({pemilik_lain})."
        ),
        "lint.T002.hit_banyak": (
            "Keluaran '{keluaran}' proses {proses} ({pemilik}) juga dihasilkan proses {lain} ({pemilik_lain})"
            " dan {tambahan} proses lain dari OPD berbeda."
        ),
    },
    "en": {
        "lint.T002.hit": (
            "Keluaran '{keluaran}' of process {proses} ({pemilik}) is also produced by process {lain} ({pemilik_lain})."
        ),
        "lint.T002.hit_banyak": (
            "Keluaran '{keluaran}' of process {proses} ({pemilik}) is also produced by process {lain} ({pemilik_lain})"
            " and {tambahan} other processes of different OPD."
        ),
    },
}


class KeluaranGanda(Rule):
    """T002: processes of different OPD produce the same keluaran."""

    messages = MESSAGES
    code: ClassVar[str] = "T002"
    name: ClassVar[str] = "keluaran-ganda"
    reads = "pemda opd proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = KeluaranGandaOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis dari OPD berbeda menghasilkan keluaran yang sama.",
            why=(
                "Keluaran yang sama dari dua OPD (mis. 'Akta Kelahiran' dari Disdukcapil dan dari "
                "Kecamatan) berarti dua pihak mengerjakan hal yang sama: tumpang tindih kewenangan. "
                "Nama dibandingkan setelah dinormalkan: huruf kecil, tanda baca, singkatan ditulis "
                "lengkap dengan glosarium bawaan (±480 singkatan Pemda: SIUP, LKjIP, KTP-el, SP2D, ...; "
                "singkatan ambigu seperti SPM hanya bila nama itu sendiri menunjukkan artinya) dan "
                "sinonim diseragamkan (penilaian/evaluasi, pemberian/penerbitan, pelayanan/layanan, ...); "
                "opsi `singkatan` menambah atau menimpa entri glosarium. Tidak dibandingkan: proses induk dengan turunannya, proses yang sama-sama "
                "menjalankan kegiatan di pengaturan.lint.kegiatan_bersama (mis. UPTD per wilayah), "
                "keluaran umum (opsi `abaikan`), dan keluaran proses yang hanya menjalankan program "
                "penunjang (administrasi setiap OPD: 'Dokumen Renja' ada di semua OPD) kecuali "
                "keluaran itu menyebut nama atau singkatan OPD."
            ),
            fix=(
                "Tetapkan satu OPD yang menghasilkan keluaran itu; proses OPD lain menerimanya "
                "sebagai masukan (`dari`) atau menghasilkan keluaran antara yang berbeda namanya. "
                "Bila keluarannya memang berbeda, beri nama yang membedakannya."
            ),
        ),
        "en": RuleDoc(
            summary="Business processes of different OPD produce the same keluaran.",
            why=(
                "The same output from two OPD (e.g. 'Akta Kelahiran' from the Disdukcapil and from a "
                "Kecamatan) means two parties do the same work: overlapping authority. Names are "
                "compared after normalising: case, punctuation, abbreviations written out with the "
                "built-in glossary (about 480 Pemda abbreviations: SIUP, LKjIP, KTP-el, SP2D, ...; an "
                "ambiguous one such as SPM only when the name itself shows its meaning) and synonyms "
                "folded (penilaian/evaluasi, pemberian/penerbitan, pelayanan/layanan, ...); the option "
                "`singkatan` adds or overrides glossary entries. Not compared: a process with its ancestors, processes that both carry out a kegiatan "
                "listed in pengaturan.lint.kegiatan_bersama (e.g. UPTD per area), generic outputs "
                "(option `abaikan`), and outputs of processes running only the program penunjang "
                "(each OPD's own administration: every OPD has a 'Dokumen Renja') unless the output "
                "names an OPD."
            ),
            fix=(
                "Make one OPD produce the output; the other OPD's process receives it as an input "
                "(`dari`) or produces a differently named intermediate output. When the outputs "
                "really differ, name them so."
            ),
        ),
    }
    bad: ClassVar[str] = (
        _PEMDA
        + _capil()
        + _kecamatan()
        + _proses("PB.01", "Pelayanan Akta Kelahiran", "disdukcapil/bid-capil", keluaran="Akta Kelahiran")
        + _proses(
            "PB.02",
            "Pelayanan Administrasi Kependudukan di Kecamatan",
            "kec-kota/seksi-pelayanan",
            keluaran="Akta kelahiran",
        )
    )
    good: ClassVar[str] = (
        _PEMDA
        + _capil()
        + _kecamatan()
        + _proses("PB.01", "Pelayanan Akta Kelahiran", "disdukcapil/bid-capil", keluaran="Akta Kelahiran")
        + _proses(
            "PB.02",
            "Pelayanan Administrasi Kependudukan di Kecamatan",
            "kec-kota/seksi-pelayanan",
            keluaran="Berkas permohonan akta kelahiran terverifikasi",
        )
    )

    def check(self, index: Index, options: KeluaranGandaOptions) -> Iterator[Hit]:
        """Report each keluaran equal to one of an earlier process of a different OPD."""
        for match in same_keluaran(Processes(index), options):
            doc = index.proses[match.proses]
            first = match.others[0][0]
            tambahan = len({p for p, _ in match.others}) - 1
            yield Hit(
                doc.loc("keluaran", match.index, "nama"),
                Message.of(
                    "lint.T002.hit_banyak" if tambahan else "lint.T002.hit",
                    proses=match.proses,
                    keluaran=doc.model.keluaran[match.index].nama,
                    pemilik=owners_label(index, match.proses),
                    lain=first,
                    pemilik_lain=owners_label(index, first),
                    tambahan=tambahan,
                ),
                related=tuple(index.proses[p].loc("keluaran", j, "nama") for p, j in match.others[:_MAX_RELATED]),
            )
