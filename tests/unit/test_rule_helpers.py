"""Helpers of the lint rules that are not rules themselves (the rules are tested by tests/rules/cases)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from probis_cli.lint.rules.keterkaitan._common import is_penunjang, program_of
from probis_cli.lint.rules.keterkaitan.k005_kegiatan_tanpa_proses import kegiatan_of
from probis_cli.lint.rules.keterkaitan.k008_masukan_tanpa_sumber import normalise_name
from probis_cli.lint.rules.tumpang_tindih._common import KeluaranGandaOptions
from probis_cli.lint.rules.tumpang_tindih.t003_proses_mirip import ProsesMiripOptions


@pytest.mark.parametrize(
    ("code", "program", "penunjang"),
    [("1.02.02.2.01", "1.02.02", False), ("1.02.02.2.01.0002", "1.02.02", False), ("2.12.01.2.01", "2.12.01", True)],
)
def test_code_helpers(code: str, program: str, penunjang: bool) -> None:
    assert program_of(code) == program
    assert kegiatan_of(code) == ".".join(code.split(".")[:5])
    assert is_penunjang(code) is penunjang


def test_normalise_name() -> None:
    assert normalise_name("  Data  Sasaran, Imunisasi. ") == normalise_name("data sasaran imunisasi")


def test_singkatan_option_keys_are_single_words() -> None:
    assert ProsesMiripOptions(singkatan={"SPPTD": "surat pemberitahuan pajak terutang daerah"}).singkatan
    with pytest.raises(ValidationError):
        ProsesMiripOptions(singkatan={"KTP-el": "kartu tanda penduduk elektronik"})
    with pytest.raises(ValidationError):
        KeluaranGandaOptions(singkatan={"kartu keluarga": "kk"})
