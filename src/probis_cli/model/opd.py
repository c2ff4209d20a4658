"""The ``opd`` document: one Perangkat Daerah, its units, jabatan, urusan and Renstra kegiatan."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from probis_cli.model.common import Dokumen, Kode, KodeBidangUrusan, KodeKegiatan, KodeSubKegiatan, Strict, Teks

BentukOpd = Literal[
    "sekretariat_daerah", "sekretariat_dprd", "inspektorat", "dinas", "badan", "kecamatan", "satpol_pp", "lainnya"
]


class Unit(Strict):
    """A unit kerja (bidang, bagian, seksi, UPT, ...)."""

    kode: Kode
    nama: Teks
    induk: Kode | None = Field(default=None, description="Unit induk di OPD yang sama.")


class Jabatan(Strict):
    """A jabatan (position) in the OPD."""

    kode: Kode
    nama: Teks
    unit: Kode | None = None


class SubKegiatan(Strict):
    """A sub kegiatan of the Renstra."""

    kode: KodeSubKegiatan
    nama: Teks


class Kegiatan(Strict):
    """A Renstra kegiatan of the OPD."""

    kode: KodeKegiatan
    nama: Teks
    sub_kegiatan: list[SubKegiatan] = Field(default_factory=list)


class Opd(Dokumen):
    """One Perangkat Daerah."""

    jenis: Literal["opd"]
    kode: Kode
    nama: Teks
    singkatan: str | None = None
    bentuk: BentukOpd | None = None
    urusan: list[KodeBidangUrusan] = Field(default_factory=list, description="Bidang urusan yang diampu (kewenangan).")
    unit: list[Unit] = Field(default_factory=list)
    jabatan: list[Jabatan] = Field(default_factory=list)
    kegiatan: list[Kegiatan] = Field(default_factory=list, description="Kegiatan dan sub kegiatan Renstra.")

    @property
    def label(self) -> str:
        """Short name for diagrams: singkatan if any, else nama."""
        return self.singkatan or self.nama
