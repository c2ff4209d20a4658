"""``impor sop``: four kinds of legacy .docx SOP AP (shapes anchored in cells, marks instead of
shapes, merged header cells with VML shapes, identitas split over two tables), the PERIKSA
report, loading the result, and validating it clean once the marked spots are filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.i18n import translate
from probis_cli.office.sop_import import import_sop, items, match_label, parse_date, to_yaml
from tests.office.legacy import Step, build, sample

VARIANTS = ("anchored", "marks", "merged", "split")


def _legacy(tmp_path: Path, variant: str) -> Path:
    sop = sample()
    if variant == "marks":
        sop.steps = [Step(**{**s.__dict__, "mark": m}) for s, m in zip(sop.steps, ["✓", "X", "√", "•", "sym"])]
    path = tmp_path / f"SOP Imunisasi {variant}.docx"
    path.write_bytes(build(sop, variant=variant))
    return path


def _msg(message_id: str, **args: object) -> str:
    return translate(message_id, "id", **args)


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_variant_reads_identitas_and_prosedur(tmp_path: Path, variant: str) -> None:
    sop = import_sop(_legacy(tmp_path, variant), opd="dinkes")
    data = sop.data
    assert data["nomor"] == "440/017/SOP/DINKES/2019"
    assert data["nama"] == "PELAYANAN IMUNISASI DI POSYANDU"
    assert str(data["tanggal_pembuatan"].text) == "2019-02-03"  # "3 Pebruari 2019"
    assert data["tanggal_revisi"] is None  # "-"
    assert str(data["tanggal_efektif"].text) == "2019-03-01"
    assert data["disahkan_oleh"] == {"jabatan": "KEPALA DINAS KESEHATAN", "nama": "dr. Bambang Sutrisno", "nip": "196503121990031004"}
    assert data["dasar_hukum"][1] == "Permenkes Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi"
    assert data["kualifikasi_pelaksana"] == ["Bidan atau perawat terlatih", "Memahami rantai dingin vaksin"]  # "Kualifikasi Pelaksanaan", a./b.
    assert data["keterkaitan"] == ["SOP Rantai Dingin Vaksin"]
    assert data["peralatan"] == ["Vaccine carrier", "ADS dan safety box"]  # "Peralatan / Perlengkapan", 1) 2)
    assert data["peringatan"] == ["Vaksin kedaluwarsa tidak boleh dipakai"]  # bullet
    assert data["pencatatan"] == ["Buku KIA", "Register kohort"]
    assert [p["nama"] for p in data["pelaksana"]] == ["Petugas Pendaftaran", "Vaksinator", "Kepala Puskesmas"]
    steps = data["langkah"]
    assert [s["no"] for s in steps] == [1, 2, 3, 4, 5]
    assert [s["pelaksana"] for s in steps] == ["petugas-pendaftaran", "vaksinator", "vaksinator", "vaksinator", "kepala-puskesmas"]
    assert [s.get("simbol", "proses") for s in steps] == ["mulai", "keputusan", "proses", "proses", "selesai"]
    assert steps[1]["mutu_baku"] == {"kelengkapan": ["Buku KIA", "Termometer"], "waktu": "5 menit", "output": "Hasil skrining"}
    assert steps[4]["keterangan"] == "Laporan bulanan"


@pytest.mark.parametrize("variant", VARIANTS)
def test_uncertain_spots_are_commented_reported_and_the_result_loads(tmp_path: Path, repo: Path, variant: str) -> None:
    sop = import_sop(_legacy(tmp_path, variant), opd="dinkes")
    text, report = to_yaml(sop, _msg)
    lines = text.split("\n")
    for line, message in report:
        assert lines[line - 1].strip() == f"# PERIKSA: {message}"
    spots = {message.split(":")[0] for _line, message in report}
    assert "langkah 2" in spots  # branch targets of the decision
    assert "langkah 3" in spots  # "Segera" is not a measurable time
    cabang = next(line for line, message in report if message.startswith("langkah 2: keputusan"))
    assert lines[cabang].strip() == "ya: null"  # the comment sits right above the spot
    if variant == "marks":
        assert any("dianggap keputusan dari teksnya" in m for _l, m in report)
    # The result loads: no read or schema error, the SOP is in the index.
    target = repo / "sop" / "dinkes" / f"{sop.kode}.yaml"
    target.write_text(text, encoding="utf-8")
    loaded = api.load(repo)
    assert sop.kode in loaded.index.sop
    here = f"sop/dinkes/{sop.kode}.yaml"
    assert not [f for f in loaded.findings if f.location.path == here and f.code.startswith(("Y", "S"))]


def test_a_filled_in_import_validates_clean(tmp_path: Path, repo: Path) -> None:
    sop = import_sop(_legacy(tmp_path, "anchored"), opd="dinkes")
    text, _report = to_yaml(sop, _msg)
    filled = re.sub(r"^ *# PERIKSA:.*\n", "", text, flags=re.MULTILINE)
    filled = filled.replace('kode: "SOP-IMUNISASI-ANCHORED"', 'kode: "SOP-DINKES-099"')
    filled = filled.replace("proses: null", "proses: PB.02.01.01").replace("unit: dinkes", "unit: dinkes/bid-p2p")
    filled = filled.replace("ya: null", "ya: 4").replace("tidak: null", "tidak: 3")
    filled = filled.replace("waktu: Segera", "waktu: 5 menit")
    filled = filled.replace("    mutu_baku:\n      waktu: 5 menit\n      output: Jadwal ulang", "    lanjut: 5\n    mutu_baku:\n      waktu: 5 menit\n      output: Jadwal ulang")
    path = repo / "sop" / "dinkes" / "SOP-DINKES-099.yaml"
    path.write_text(filled, encoding="utf-8")
    loaded = api.load(repo)
    assert loaded.index.sop["SOP-DINKES-099"].model.langkah[1].ya == 4
    result = api.check(loaded)
    mine = [f for f in result.findings if f.location.path == "sop/dinkes/SOP-DINKES-099.yaml"]
    assert mine == [], [(f.code, f.message) for f in mine]


def test_without_opd_and_metadata_the_kode_comes_from_the_file_name(tmp_path: Path) -> None:
    sop = import_sop(_legacy(tmp_path, "anchored"))
    assert sop.kode == "SOP-IMUNISASI-ANCHORED"
    assert sop.data["unit"] is None
    assert any(p.message_id == "office.periksa.kode" for p in sop.periksa)


def test_a_step_without_shape_or_mark_gets_a_placeholder_pelaksana(tmp_path: Path) -> None:
    legacy = sample()
    legacy.steps = [*legacy.steps[:3], Step("4.", "Memberikan vaksin", None, waktu="10 menit"), legacy.steps[4]]
    path = tmp_path / "x.docx"
    path.write_bytes(build(legacy, variant="anchored"))
    sop = import_sop(path)
    assert sop.data["langkah"][3]["pelaksana"] == "periksa"
    assert any(p.message_id == "office.periksa.pelaksana" and p.path == ("langkah", 3, "pelaksana") for p in sop.periksa)


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Nomor SOP", "nomor"), ("No. SOP :", "nomor"), ("Tgl. Pembuatan", "tanggal_pembuatan"),
        ("Tanggal Pembuatn", "tanggal_pembuatan"), ("TANGGAL EFEKTIF", "tanggal_efektif"),
        ("Disahkan Oleh", "disahkan_oleh"), ("Kualifikasi Pelaksanaan", "kualifikasi_pelaksana"),
        ("Kualifkasi Pelaksana", "kualifikasi_pelaksana"), ("Peralatan/Perlengkapan", "peralatan"),
        ("Pencatatan dan Pendataan", "pencatatan"), ("Pencatatan & Pendataan", "pencatatan"),
        ("Menerima berkas permohonan", None),
    ],
)  # fmt: skip
def test_label_variants(label: str, field: str | None) -> None:
    from probis_cli.office.sop_import import LABELS

    assert match_label(label, LABELS) == field


def test_items_and_dates() -> None:
    assert items("1. Satu\n2) Dua\na. Tiga\n- Empat\n• Lima\n-") == ["Satu", "Dua", "Tiga", "Empat", "Lima"]
    assert items("Peraturan Wali Kota Nomor 5 Tahun 2020") == ["Peraturan Wali Kota Nomor 5 Tahun 2020"]
    assert parse_date("10 Nopember 2025")[0] is not None
    assert parse_date("31/12/2025")[0] is not None
    assert parse_date("-") == (None, True)
    assert parse_date("awal tahun") == (None, False)
