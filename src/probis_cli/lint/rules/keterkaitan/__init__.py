"""Keterkaitan: every link of the chain RPJMD → program → kegiatan → proses bisnis → SOP.

One module per rule; ``RULES`` is the explicit list the registry reads (add a new rule here)."""

from __future__ import annotations

from probis_cli.lint.base import Rule
from probis_cli.lint.rules.keterkaitan.k001_program_tanpa_sasaran import ProgramTanpaSasaran
from probis_cli.lint.rules.keterkaitan.k002_sasaran_tanpa_program import SasaranTanpaProgram
from probis_cli.lint.rules.keterkaitan.k003_kegiatan_di_luar_rpjmd import KegiatanDiLuarRpjmd
from probis_cli.lint.rules.keterkaitan.k004_proses_tanpa_kegiatan import ProsesTanpaKegiatan
from probis_cli.lint.rules.keterkaitan.k005_kegiatan_tanpa_proses import KegiatanTanpaProses
from probis_cli.lint.rules.keterkaitan.k006_proses_tanpa_sop import ProsesTanpaSop
from probis_cli.lint.rules.keterkaitan.k007_sop_tanpa_proses import SopTanpaProses
from probis_cli.lint.rules.keterkaitan.k008_masukan_tanpa_sumber import MasukanTanpaSumber
from probis_cli.lint.rules.keterkaitan.k009_keluaran_tanpa_penerima import KeluaranTanpaPenerima
from probis_cli.lint.rules.keterkaitan.k010_kode_anak_tanpa_awalan_induk import KodeAnakTanpaAwalanInduk
from probis_cli.lint.rules.keterkaitan.k011_siklus_induk import SiklusInduk
from probis_cli.lint.rules.keterkaitan.k012_target_di_luar_periode import TargetDiLuarPeriode
from probis_cli.lint.rules.keterkaitan.k013_program_tanpa_kegiatan import ProgramTanpaKegiatan
from probis_cli.lint.rules.keterkaitan.k014_rpjmd_tanpa_turunan import RpjmdTanpaTurunan
from probis_cli.lint.rules.keterkaitan.k015_sop_proses_tidak_cocok import SopProsesTidakCocok
from probis_cli.lint.rules.keterkaitan.k016_sop_di_proses_induk import SopDiProsesInduk
from probis_cli.lint.rules.keterkaitan.k017_alur_aktivitas_buntu import AlurAktivitasBuntu
from probis_cli.lint.rules.keterkaitan.k018_kegiatan_bukan_milik_opd import KegiatanBukanMilikOpd

RULES: list[type[Rule]] = [
    ProgramTanpaSasaran,
    SasaranTanpaProgram,
    KegiatanDiLuarRpjmd,
    ProsesTanpaKegiatan,
    KegiatanTanpaProses,
    ProsesTanpaSop,
    SopTanpaProses,
    MasukanTanpaSumber,
    KeluaranTanpaPenerima,
    KodeAnakTanpaAwalanInduk,
    SiklusInduk,
    TargetDiLuarPeriode,
    ProgramTanpaKegiatan,
    RpjmdTanpaTurunan,
    SopProsesTidakCocok,
    SopDiProsesInduk,
    AlurAktivitasBuntu,
    KegiatanBukanMilikOpd,
]

__all__ = [
    "RULES",
    "ProgramTanpaSasaran",
    "SasaranTanpaProgram",
    "KegiatanDiLuarRpjmd",
    "ProsesTanpaKegiatan",
    "KegiatanTanpaProses",
    "ProsesTanpaSop",
    "SopTanpaProses",
    "MasukanTanpaSumber",
    "KeluaranTanpaPenerima",
    "KodeAnakTanpaAwalanInduk",
    "SiklusInduk",
    "TargetDiLuarPeriode",
    "ProgramTanpaKegiatan",
    "RpjmdTanpaTurunan",
    "SopProsesTidakCocok",
    "SopDiProsesInduk",
    "AlurAktivitasBuntu",
    "KegiatanBukanMilikOpd",
]
