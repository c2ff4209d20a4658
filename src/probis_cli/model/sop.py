"""The ``sop`` document: an SOP AP (PermenPAN-RB 35/2012), identitas and prosedur."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import AliasChoices, Field

from probis_cli.model.common import DaftarTeks, Dokumen, Kode, Ref, Strict, Tanggal, Teks

Simbol = Literal["mulai", "proses", "keputusan", "selesai"]


class Pengesahan(Strict):
    """Who signs the SOP."""

    jabatan: Teks = Field(description="Jabatan pengesah.")
    nama: str | None = Field(default=None, description="Nama pengesah.")
    nip: str | None = Field(default=None, description="NIP pengesah (angka nol di depan tetap terjaga).")


class PelaksanaSop(Strict):
    """An actor column of the prosedur table."""

    kode: Kode = Field(description="Kode kolom pelaksana, dirujuk oleh langkah.")
    nama: Teks = Field(description="Judul kolom pelaksana.")
    jabatan: Ref | None = Field(default=None, description="Rujukan jabatan di OPD, mis. dinkes/kasi-imunisasi.")


class MutuBaku(Strict):
    """Mutu baku of a step: what is needed, how long, what comes out."""

    kelengkapan: DaftarTeks = Field(
        default_factory=list, description="Persyaratan/perlengkapan yang dibutuhkan langkah."
    )
    waktu: str | None = Field(
        default=None, description="Waktu yang terukur: angka dan satuan (menit, jam, hari, hari kerja, minggu, bulan)."
    )
    output: str | None = Field(default=None, description="Hasil langkah.")


class Cabang(Strict):
    """A labelled exit of a decision."""

    label: Teks = Field(description="Label jalur keputusan.")
    ke: int = Field(description="Nomor langkah tujuan.")


class Langkah(Strict):
    """One step of the prosedur."""

    no: int = Field(description="Nomor langkah: 1, 2, 3, … sesuai urutan tabel.")
    kegiatan: Teks = Field(description="Uraian kegiatan langkah.")
    pelaksana: Kode = Field(description="Kode kolom pelaksana (dari `pelaksana` SOP).")
    simbol: Simbol = Field(default="proses", description="Simbol bagan alir: mulai, proses, keputusan, selesai.")
    lanjut: int | None = Field(default=None, description="Langkah berikutnya; bawaan: nomor sesudahnya.")
    ya: int | None = Field(default=None, description="Keputusan: langkah jika ya.")
    tidak: int | None = Field(default=None, description="Keputusan: langkah jika tidak.")
    cabang: list[Cabang] | None = Field(
        default=None, description="Keputusan dengan label sendiri, mis. lengkap / tidak lengkap."
    )
    mutu_baku: MutuBaku = Field(default_factory=MutuBaku, description="Mutu baku: kelengkapan, waktu, output.")
    keterangan: str | None = Field(default=None, description="Keterangan langkah.")

    def branches(self) -> list[Cabang]:
        """The decision's exits, from ``cabang`` or the ``ya``/``tidak`` shorthand."""
        if self.cabang is not None:
            return list(self.cabang)
        out = []
        # model_construct: the values are already validated ints; rules call this per step.
        if self.ya is not None:
            out.append(Cabang.model_construct(label="Ya", ke=self.ya))
        if self.tidak is not None:
            out.append(Cabang.model_construct(label="Tidak", ke=self.tidak))
        return out


class Sop(Dokumen):
    """An SOP AP."""

    jenis: Literal["sop"] = Field(description="Jenis dokumen: selalu `sop`.")
    kode: Kode = Field(description="Kode SOP, dirujuk oleh proses dan keterkaitan.")
    nomor: str | None = Field(default=None, description="Nomor SOP sesuai tata naskah dinas.")
    nama: Teks = Field(description="Nama SOP.")
    proses: Kode | None = Field(
        default=None, description="Kode proses bisnis (level terendah) yang dijabarkan SOP ini."
    )
    unit: Ref | None = Field(default=None, description="Unit pemilik SOP: OPD/unit.")
    tanggal_pembuatan: Tanggal | None = Field(
        default=None, description="Tanggal pembuatan: TTTT-BB-HH atau mis. 10 Januari 2026."
    )
    tanggal_revisi: Tanggal | None = Field(
        default=None, description="Tanggal revisi terakhir; kosong bila belum pernah direvisi."
    )
    tanggal_efektif: Tanggal | None = Field(default=None, description="Tanggal mulai berlaku.")
    disahkan_oleh: Pengesahan | None = Field(default=None, description="Pejabat yang mengesahkan: jabatan, nama, NIP.")
    dasar_hukum: DaftarTeks = Field(default_factory=list, description="Peraturan yang menjadi dasar SOP.")
    kualifikasi_pelaksana: DaftarTeks = Field(
        default_factory=list,
        validation_alias=AliasChoices("kualifikasi_pelaksana", "kualifikasi_pelaksanaan"),
        description="Kualifikasi pelaksana (juga ditulis kualifikasi_pelaksanaan).",
    )
    keterkaitan: DaftarTeks = Field(default_factory=list, description="SOP terkait (kode) atau uraian.")
    peralatan: DaftarTeks = Field(
        default_factory=list,
        validation_alias=AliasChoices("peralatan", "peralatan_perlengkapan"),
        description="Peralatan/perlengkapan (juga ditulis peralatan_perlengkapan).",
    )
    peringatan: DaftarTeks = Field(default_factory=list, description="Peringatan: akibat bila SOP tidak dilaksanakan.")
    pencatatan: DaftarTeks = Field(
        default_factory=list,
        validation_alias=AliasChoices("pencatatan", "pencatatan_pendataan"),
        description="Pencatatan dan pendataan (juga ditulis pencatatan_pendataan).",
    )
    pelaksana: list[PelaksanaSop] = Field(default_factory=list, description="Kolom pelaksana tabel prosedur.")
    langkah: list[Langkah] = Field(default_factory=list, description="Langkah prosedur, berurutan.")


def flow_successors(langkah: Sequence[Langkah], by_no: Mapping[int, int], i: int) -> list[int]:
    """Indexes of the steps that step ``i`` flows to: the one reading of an SOP's flow that
    the lint rules, the total-time computation and the diagrams share.

    ``selesai`` ends the flow; a decision follows its branches; otherwise ``lanjut`` if given,
    else the next step in the table. A decision without branches (reported by M003) is read
    as a plain step, so that the flow rules do not pile a second finding on that mistake.
    """
    step = langkah[i]
    if step.simbol == "selesai":
        return []
    if step.simbol == "keputusan":
        branches = step.branches()
        if branches:
            out: list[int] = []
            for branch in branches:
                j = by_no.get(branch.ke)
                if j is not None and j not in out:
                    out.append(j)
            return out
    if step.lanjut is not None:
        j = by_no.get(step.lanjut)
        return [] if j is None else [j]
    return [i + 1] if i + 1 < len(langkah) else []
