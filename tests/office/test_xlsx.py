"""``impor kegiatan``: codes from Excel kept as text (number formats tell the digits), columns
found by header names, merged into the OPD's YAML by inserting lines only."""

from __future__ import annotations

import difflib
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from probis_cli import api
from probis_cli.office import OfficeError
from probis_cli.office.renstra import merge_into_repo
from probis_cli.office.xlsx_import import number_text, read_kegiatan


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (1.02, "0.00", "1.02"), (1.0200000001, "General", "1.02"), (1.0200000000000002, "General", "1.02"),
        (2, "00", "02"), (2.0, "00", "02"), (1, "0000", "0001"), (26, "0000", "0026"), (7, "General", "7"),
        (1.1, "0.00", "1.10"), (3, '"0"0', "03"), (12, "[Red]00;-00", "12"), ("1.02.02", "@", "1.02.02"),
    ],
)  # fmt: skip
def test_number_cells_as_excel_shows_them(value: object, fmt: str, text: str) -> None:
    assert number_text(value, fmt) == text


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9), st.integers(0, 99))
def test_a_bidang_urusan_stored_as_a_number_comes_back_as_typed(urusan: int, bidang: int) -> None:
    code = f"{urusan}.{bidang:02d}"
    assert number_text(float(code), "0.00") == code
    assert number_text(float(code) + 1e-12, "General") == code.rstrip("0").rstrip(".") if bidang % 10 == 0 else code


def _sheet(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None, title: str = "Renstra") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for cell, fmt in (formats or {}).items():
        ws[cell].number_format = fmt
    wb.save(path)
    return path


def test_code_and_name_columns_found_under_a_title(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "k.xlsx",
        [["RENSTRA DINKES 2025-2029"], [], ["No", "Kode Rekening", "Uraian Program / Kegiatan / Sub Kegiatan", "Pagu"],
         [1, 1.02, "URUSAN KESEHATAN", None], [2, "1.02.02", "PROGRAM X", 10], [3, "1.02.02.2.01", "Kegiatan X", 5]],
        {"B4": "0.00"},
    )  # fmt: skip
    rows = read_kegiatan(path)
    assert [(r.kode, r.nama) for r in rows] == [
        ("1.02", "URUSAN KESEHATAN"),
        ("1.02.02", "PROGRAM X"),
        ("1.02.02.2.01", "Kegiatan X"),
    ]
    assert rows[0].row == 4


def test_split_code_columns_stored_as_numbers(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "k.xlsx",
        [["Urusan", "Bidang Urusan", "Program", "Kegiatan", "Sub Kegiatan", "Nomenklatur"],
         [1, 2, 2, None, None, "Program"], [1, 2, 2, "2.01", None, "Kegiatan"], [1, 2, 2, "2.01", 3, "Sub"]],
        {**{f"{c}{r}": "00" for c in "BC" for r in (2, 3, 4)}, "E4": "0000"},
    )  # fmt: skip
    assert [r.kode for r in read_kegiatan(path)] == ["1.02.02", "1.02.02.2.01", "1.02.02.2.01.0003"]


def test_no_header_and_unknown_sheet_are_clear_errors(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "k.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(OfficeError) as exc:
        read_kegiatan(path)
    assert exc.value.message_id == "office.xlsx.no_header"
    with pytest.raises(OfficeError) as exc:
        read_kegiatan(path, sheet="Tidak Ada")
    assert exc.value.message_id == "office.xlsx.no_sheet"


def test_merge_into_the_example_opd_only_adds_lines(tmp_path: Path, repo: Path) -> None:
    before = (repo / "opd" / "dinkes.yaml").read_text(encoding="utf-8")
    path = _sheet(
        tmp_path / "k.xlsx",
        [["Kode", "Program/Kegiatan/Sub Kegiatan"],
         [1.02, "URUSAN KESEHATAN"],
         ["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN"],
         ["1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota"],
         ["1.02.02.2.01.0003", "Pembangunan Fasilitas Kesehatan Lainnya"],
         ["1.02.02.2.01.0004", "Pengembangan Puskesmas, Rawat Inap"],
         ["1.02.05.2.01", "Pemberian Izin Apotek, Toko Obat, Toko Alat Kesehatan dan Optikal"],
         ["1.02.05.2.01.0001", "Pengendalian dan Pengawasan serta Tindak Lanjut Pengawasan Perizinan Apotek"],
         ["1.02.02.2.02.0003", "Pengelolaan Pelayanan Kesehatan Bayi Baru Lahir (nama lain)"],
         ["1.02.09.2.01.0001", "Sub tanpa kegiatan"],
         ["bukan kode", "x"]],
        {"A2": "0.00"},
    )  # fmt: skip
    result = merge_into_repo(repo, "dinkes", read_kegiatan(path))
    after = (repo / "opd" / "dinkes.yaml").read_text(encoding="utf-8")
    ops = [
        op
        for op in difflib.SequenceMatcher(None, before.split("\n"), after.split("\n")).get_opcodes()
        if op[0] != "equal"
    ]
    assert {op[0] for op in ops} == {"insert"}  # no other line changed
    assert [k for k, _ in result.added] == [
        "1.02.02.2.01.0003",
        "1.02.02.2.01.0004",
        "1.02.05.2.01",
        "1.02.05.2.01.0001",
    ]
    assert [c[0] for c in result.changed] == ["1.02.02.2.02.0003"]
    assert result.unknown == [(11, "bukan kode")]
    assert result.orphans == [("1.02.09.2.01.0001", "1.02.09.2.01")]
    assert '      - {kode: 1.02.02.2.01.0004, nama: "Pengembangan Puskesmas, Rawat Inap"}' in after.split("\n")
    loaded = api.load(repo)
    kegiatan = {k.kode: k for k in loaded.index.opd["dinkes"].model.kegiatan}
    assert "1.02.05.2.01" in kegiatan
    assert [s.kode for s in kegiatan["1.02.05.2.01"].sub_kegiatan] == ["1.02.05.2.01.0001"]
    assert not [f for f in loaded.findings if f.location.path == "opd/dinkes.yaml"]
    # importing again changes nothing
    again = merge_into_repo(repo, "dinkes", read_kegiatan(path))
    assert again.added == [] and (repo / "opd" / "dinkes.yaml").read_text(encoding="utf-8") == after
