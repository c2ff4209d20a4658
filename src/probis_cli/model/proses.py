"""The ``proses`` document: a business process at any level."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from probis_cli.model.common import DaftarRef, DaftarTeks, Dokumen, Kode, KodeRencana, Ref, Strict, Teks

Kategori = Literal["inti", "pendukung", "manajemen"]


class Masukan(Strict):
    """An input of the process and where it comes from."""

    nama: Teks = Field(description="Nama masukan; samakan dengan nama keluaran pemasoknya.")
    dari: Ref | None = Field(default=None, description="OPD, OPD/unit, atau pihak luar yang menghasilkannya.")
    eksternal: bool = Field(default=False, description="Berasal dari luar Pemda (tidak dihasilkan proses mana pun).")


class Keluaran(Strict):
    """An output of the process and who receives it."""

    nama: Teks = Field(description="Nama keluaran.")
    untuk: DaftarRef = Field(default_factory=list, description="Penerima: OPD, OPD/unit, atau pihak luar.")


class Aktivitas(Strict):
    """An activity of the cross-functional map."""

    kode: Kode = Field(description="Kode aktivitas, unik di proses ini.")
    nama: Teks = Field(description="Apa yang dikerjakan.")
    pelaksana: Ref = Field(description="Yang mengerjakan: OPD, OPD/unit, OPD/jabatan, atau pihak luar.")
    lanjut: list[Kode] | None = Field(default=None, description="Aktivitas berikutnya; bawaan: aktivitas sesudahnya.")
    kondisi: list[Teks] | None = Field(
        default=None,
        description="Dengan lebih dari satu 'lanjut': kondisi tiap cabang, urutan sama dengan 'lanjut' (digambar sebagai keputusan).",
    )
    keluaran: str | None = Field(default=None, description="Keluaran proses yang dihasilkan aktivitas ini.")


class Proses(Dokumen):
    """A business process (proses bisnis)."""

    jenis: Literal["proses"] = Field(description="Jenis dokumen: selalu `proses`.")
    kode: Kode = Field(description="Kode proses; kode anak diawali kode induknya.")
    nama: Teks = Field(description="Nama proses bisnis.")
    kategori: Kategori = Field(description="Kelompok proses: inti, pendukung, atau manajemen.")
    induk: Kode | None = Field(default=None, description="Proses induk; tanpa induk = level 1.")
    pemilik: DaftarRef = Field(description="Pemilik proses: OPD atau OPD/unit.")
    deskripsi: str | None = Field(default=None, description="Uraian singkat proses.")
    kegiatan: list[KodeRencana] = Field(
        default_factory=list, description="Kegiatan/sub kegiatan Renstra yang dilaksanakan."
    )
    masukan: list[Masukan] = Field(default_factory=list, description="Masukan proses dan asalnya.")
    keluaran: list[Keluaran] = Field(default_factory=list, description="Keluaran proses dan penerimanya.")
    pelanggan: DaftarTeks = Field(default_factory=list, description="Pelanggan/pemangku kepentingan proses.")
    aktivitas: list[Aktivitas] = Field(
        default_factory=list, description="Aktivitas peta lintas fungsi (proses level terendah)."
    )
    sop: list[Kode] = Field(default_factory=list, description="Kode SOP yang menjabarkan proses ini.")
    rab: str | None = Field(default=None, description="Kode Referensi Arsitektur Bisnis SPBE (opsional).")
