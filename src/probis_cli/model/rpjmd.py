"""The ``rpjmd`` document: visi, misi, tujuan, sasaran with indikator, program daerah."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from probis_cli.model.common import DaftarRef, Dokumen, Kode, KodeProgram, Periode, Strict, Teks


class Indikator(Strict):
    """A performance indicator with yearly targets."""

    nama: Teks = Field(description="Nama indikator kinerja.")
    satuan: str | None = Field(default=None, description="Satuan indikator.")
    kondisi_awal: float | str | None = Field(default=None, description="Kondisi awal (baseline) sebelum periode.")
    target: dict[int, float | str] = Field(default_factory=dict, description="Target per tahun, mis. {2025: 72.1}.")


class Misi(Strict):
    """One misi of the RPJMD."""

    kode: Kode = Field(description="Kode misi, dirujuk oleh tujuan.")
    uraian: Teks = Field(description="Rumusan misi.")


class Tujuan(Strict):
    """A tujuan, under a misi."""

    kode: Kode = Field(description="Kode tujuan, dirujuk oleh sasaran.")
    misi: Kode = Field(description="Kode misi induk.")
    uraian: Teks = Field(description="Rumusan tujuan.")
    indikator: list[Indikator] = Field(
        default_factory=list, description="Indikator kinerja tujuan dengan target tahunan."
    )


class Sasaran(Strict):
    """A sasaran, under a tujuan; programs contribute to it."""

    kode: Kode = Field(description="Kode sasaran, dirujuk oleh program.")
    tujuan: Kode = Field(description="Kode tujuan induk.")
    uraian: Teks = Field(description="Rumusan sasaran.")
    indikator: list[Indikator] = Field(
        default_factory=list, description="Indikator kinerja sasaran dengan target tahunan."
    )


class ProgramDaerah(Strict):
    """A program pembangunan daerah, with the sasaran it serves."""

    kode: KodeProgram = Field(description="Kode program X.XX.XX (Permendagri 90/2019).")
    nama: Teks = Field(description="Nama program sesuai nomenklatur.")
    sasaran: list[Kode] = Field(default_factory=list, description="Kode sasaran RPJMD yang didukung program.")
    opd: DaftarRef = Field(default_factory=list, description="OPD penanggung jawab.")


class Rpjmd(Dokumen):
    """The RPJMD of the period."""

    jenis: Literal["rpjmd"] = Field(description="Jenis dokumen: selalu `rpjmd`.")
    periode: Periode = Field(description="Periode RPJMD, TTTT-TTTT; sama dengan periode di probis.yaml.")
    visi: Teks = Field(description="Visi kepala daerah.")
    misi: list[Misi] = Field(default_factory=list, description="Misi RPJMD.")
    tujuan: list[Tujuan] = Field(default_factory=list, description="Tujuan RPJMD, masing-masing di bawah satu misi.")
    sasaran: list[Sasaran] = Field(
        default_factory=list, description="Sasaran RPJMD, masing-masing di bawah satu tujuan."
    )
    program: list[ProgramDaerah] = Field(
        default_factory=list, description="Program pembangunan daerah dan sasaran yang didukungnya."
    )
