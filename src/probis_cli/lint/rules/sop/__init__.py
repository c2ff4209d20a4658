"""Measurable, well-formed SOP AP (PermenPAN-RB 35/2012): mutu baku, flow, identitas.

One module per rule; ``RULES`` is the explicit list the registry reads (add a new rule here)."""

from __future__ import annotations

from probis_cli.lint.base import Rule
from probis_cli.lint.rules.sop.m001_waktu_tidak_terukur import WaktuTidakTerukur
from probis_cli.lint.rules.sop.m002_output_kosong import OutputKosong
from probis_cli.lint.rules.sop.m003_cabang_keputusan import CabangKeputusan
from probis_cli.lint.rules.sop.m004_langkah_tak_terjangkau import LangkahTakTerjangkau
from probis_cli.lint.rules.sop.m005_mulai_selesai import MulaiSelesai
from probis_cli.lint.rules.sop.m006_identitas_tidak_lengkap import IdentitasTidakLengkap
from probis_cli.lint.rules.sop.m007_tanggal_tidak_urut import TanggalTidakUrut
from probis_cli.lint.rules.sop.m008_keterkaitan_tidak_ditemukan import KeterkaitanTidakDitemukan
from probis_cli.lint.rules.sop.m009_pelaksana_tidak_dipakai import PelaksanaTidakDipakai
from probis_cli.lint.rules.sop.m010_nomor_langkah_tidak_urut import NomorLangkahTidakUrut

RULES: list[type[Rule]] = [
    WaktuTidakTerukur,
    OutputKosong,
    CabangKeputusan,
    LangkahTakTerjangkau,
    MulaiSelesai,
    IdentitasTidakLengkap,
    TanggalTidakUrut,
    KeterkaitanTidakDitemukan,
    PelaksanaTidakDipakai,
    NomorLangkahTidakUrut,
]

__all__ = [
    "RULES",
    "WaktuTidakTerukur",
    "OutputKosong",
    "CabangKeputusan",
    "LangkahTakTerjangkau",
    "MulaiSelesai",
    "IdentitasTidakLengkap",
    "TanggalTidakUrut",
    "KeterkaitanTidakDitemukan",
    "PelaksanaTidakDipakai",
    "NomorLangkahTidakUrut",
]
