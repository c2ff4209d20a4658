"""Tumpang tindih kewenangan: overlapping kegiatan, outputs, processes and ownership between OPD.

One module per rule; ``RULES`` is the explicit list the registry reads (add a new rule here)."""

from __future__ import annotations

from probis_cli.lint.base import Rule
from probis_cli.lint.rules.tumpang_tindih.t001_kegiatan_ganda import KegiatanGanda
from probis_cli.lint.rules.tumpang_tindih.t002_keluaran_ganda import KeluaranGanda
from probis_cli.lint.rules.tumpang_tindih.t003_proses_mirip import ProsesMirip
from probis_cli.lint.rules.tumpang_tindih.t004_urusan_tidak_diampu import UrusanTidakDiampu
from probis_cli.lint.rules.tumpang_tindih.t005_pemilik_ganda import PemilikGanda
from probis_cli.lint.rules.tumpang_tindih.t006_unit_sop_berbeda import UnitSopBerbeda

RULES: list[type[Rule]] = [KegiatanGanda, KeluaranGanda, ProsesMirip, UrusanTidakDiampu, PemilikGanda, UnitSopBerbeda]

__all__ = [
    "RULES",
    "KegiatanGanda",
    "KeluaranGanda",
    "ProsesMirip",
    "UrusanTidakDiampu",
    "PemilikGanda",
    "UnitSopBerbeda",
]
