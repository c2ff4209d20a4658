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

    kode: Kode = Field(description="Kode unit, unik di OPD ini; dirujuk sebagai opd/unit.")
    nama: Teks = Field(description="Nama unit kerja.")
    induk: Kode | None = Field(default=None, description="Unit induk di OPD yang sama.")


class Jabatan(Strict):
    """A jabatan (position) in the OPD."""

    kode: Kode = Field(description="Kode jabatan, unik di OPD ini; dirujuk sebagai opd/jabatan.")
    nama: Teks = Field(description="Nama jabatan.")
    unit: Kode | None = Field(default=None, description="Unit tempat jabatan berada.")


class SubKegiatan(Strict):
    """A sub kegiatan of the Renstra."""

    kode: KodeSubKegiatan = Field(description="Kode sub kegiatan X.XX.XX.X.XX.XXXX.")
    nama: Teks = Field(description="Nama sub kegiatan sesuai nomenklatur.")


class Kegiatan(Strict):
    """A Renstra kegiatan of the OPD."""

    kode: KodeKegiatan = Field(description="Kode kegiatan X.XX.XX.X.XX.")
    nama: Teks = Field(description="Nama kegiatan sesuai nomenklatur.")
    sub_kegiatan: list[SubKegiatan] = Field(default_factory=list, description="Sub kegiatan di bawah kegiatan ini.")


class Opd(Dokumen):
    """One Perangkat Daerah."""

    jenis: Literal["opd"] = Field(description="Jenis dokumen: selalu `opd`.")
    kode: Kode = Field(
        description="Kode OPD (huruf kecil, tanpa spasi), dirujuk oleh pemilik, pelaksana, dan unit SOP."
    )
    nama: Teks = Field(description="Nama resmi perangkat daerah.")
    singkatan: str | None = Field(default=None, description="Singkatan yang lazim; dipakai di diagram.")
    bentuk: BentukOpd | None = Field(default=None, description="Bentuk perangkat daerah (PP 18/2016).")
    urusan: list[KodeBidangUrusan] = Field(default_factory=list, description="Bidang urusan yang diampu (kewenangan).")
    unit: list[Unit] = Field(default_factory=list, description="Unit kerja: bidang, bagian, subbagian, seksi, UPT.")
    jabatan: list[Jabatan] = Field(
        default_factory=list, description="Jabatan yang muncul sebagai pelaksana atau pengesah."
    )
    kegiatan: list[Kegiatan] = Field(default_factory=list, description="Kegiatan dan sub kegiatan Renstra.")

    @property
    def label(self) -> str:
        """Short name for diagrams: singkatan if any, else nama."""
        return self.singkatan or self.nama
