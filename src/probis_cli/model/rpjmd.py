"""The ``rpjmd`` document: visi, misi, tujuan, sasaran with indikator, program daerah."""

from __future__ import annotations

from pydantic import Field

from probis_cli.model.common import DaftarRef, Dokumen, Kode, KodeProgram, Periode, Strict, Teks
from typing import Literal


class Indikator(Strict):
    """A performance indicator with yearly targets."""

    nama: Teks
    satuan: str | None = None
    kondisi_awal: float | str | None = None
    target: dict[int, float | str] = Field(default_factory=dict, description="Target per tahun, mis. {2025: 72.1}.")


class Misi(Strict):
    """One misi of the RPJMD."""

    kode: Kode
    uraian: Teks


class Tujuan(Strict):
    """A tujuan, under a misi."""

    kode: Kode
    misi: Kode
    uraian: Teks
    indikator: list[Indikator] = Field(default_factory=list)


class Sasaran(Strict):
    """A sasaran, under a tujuan; programs contribute to it."""

    kode: Kode
    tujuan: Kode
    uraian: Teks
    indikator: list[Indikator] = Field(default_factory=list)


class ProgramDaerah(Strict):
    """A program pembangunan daerah, with the sasaran it serves."""

    kode: KodeProgram
    nama: Teks
    sasaran: list[Kode] = Field(default_factory=list)
    opd: DaftarRef = Field(default_factory=list, description="OPD penanggung jawab.")


class Rpjmd(Dokumen):
    """The RPJMD of the period."""

    jenis: Literal["rpjmd"]
    periode: Periode
    visi: Teks
    misi: list[Misi] = Field(default_factory=list)
    tujuan: list[Tujuan] = Field(default_factory=list)
    sasaran: list[Sasaran] = Field(default_factory=list)
    program: list[ProgramDaerah] = Field(default_factory=list)
