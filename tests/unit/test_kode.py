"""Nomenclature facts: program penunjang, its standard kegiatan, per-wilayah urusan."""

from __future__ import annotations

import pytest

from probis_cli.model.kode import (
    bidang_urusan_of,
    in_program_penunjang,
    is_per_wilayah,
    is_standard_penunjang,
    kegiatan_of,
    program_of,
)


def test_parts_of_a_code() -> None:
    assert bidang_urusan_of("1.02.02.2.01.0002") == "1.02"
    assert program_of("1.02.02.2.01.0002") == "1.02.02"
    assert kegiatan_of("1.02.02.2.01.0002") == "1.02.02.2.01"


@pytest.mark.parametrize(
    ("code", "in_program", "standard"),
    [
        ("1.02.01", True, False),
        ("1.02.01.2.01", True, True),
        ("1.02.01.2.10.0001", True, True),
        ("4.01.01.2.13", True, False),  # Setda's Penataan Organisasi: real work, not recurring
        ("1.02.02.2.01", False, False),
    ],
)
def test_program_penunjang(code: str, in_program: bool, standard: bool) -> None:
    assert in_program_penunjang(code) is in_program
    assert is_standard_penunjang(code) is standard


def test_kewilayahan_is_per_wilayah() -> None:
    assert is_per_wilayah("7.01.02.2.01")
    assert not is_per_wilayah("7.010")
    assert not is_per_wilayah("2.12.02.2.01")
