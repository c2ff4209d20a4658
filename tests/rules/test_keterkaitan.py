"""Cases for the link rules (lint/rules/keterkaitan.py): what must fire and what must not."""

from __future__ import annotations

import pytest

from probis_cli.lint.rules import keterkaitan as kt
from probis_cli.lint.rules.keterkaitan._common import is_penunjang, program_of
from probis_cli.lint.rules.keterkaitan.k005_kegiatan_tanpa_proses import kegiatan_of
from probis_cli.lint.rules.keterkaitan.k008_masukan_tanpa_sumber import normalise_name

from .conftest import Check, Lint, describe, swap

# A complete little chain (probis.yaml, rpjmd, one OPD, one process, one SOP) that no rule
# complains about; each case changes one thing.
BASE = kt.ProsesTanpaSop.good
CONFIG = "pihak_luar:\n  - {kode: masyarakat, nama: Masyarakat}\n"


def with_config(text: str, aturan: str) -> str:
    """``text`` with ``pengaturan.lint.aturan`` set (YAML, indented under aturan)."""
    return swap(text, CONFIG, CONFIG + "pengaturan:\n  lint:\n    aturan:\n" + aturan)


def test_base_is_clean(lint: Lint) -> None:
    assert describe(lint(BASE)) == []


# -- helpers ---------------------------------------------------------------------------------


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


# -- K001 / K002 / K013 / K014: the RPJMD itself -------------------------------------------------


def test_k001_program_without_sasaran(lint: Lint) -> None:
    found = lint(kt.ProgramTanpaSasaran.bad, "K001")
    assert len(found) == 1
    assert found[0].location.path == "rpjmd.yaml"
    assert "1.02.03" in found[0].text("id")


def test_k001_skips_program_penunjang(lint: Lint) -> None:
    text = swap(BASE, "program:\n", "program:\n  - {kode: 1.02.01, nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota}\n")
    assert lint(text, "K001") == []


def test_rpjmd_rules_need_an_rpjmd(lint: Lint) -> None:
    text = swap(BASE, "# file: rpjmd.yaml", "# file: catatan/rpjmd-lama.txt")
    found = lint(text)
    assert not [f for f in found if f.code in ("K001", "K002", "K003", "K012", "K013", "K014")]
    assert [f for f in found if f.code == "S010"]  # the missing RPJMD itself is reported


def test_k002_unserved_sasaran(lint: Lint) -> None:
    found = lint(kt.SasaranTanpaProgram.bad, "K002")
    assert [f.location.line for f in found] and "S1.2" in found[0].text("en")
    assert lint(BASE, "K002") == []


def test_k013_program_without_kegiatan(lint: Lint) -> None:
    found = lint(kt.ProgramTanpaKegiatan.bad, "K013")
    assert len(found) == 1 and "1.02.03" in found[0].text("id")


def test_k013_sub_kegiatan_codes_do_not_matter(lint: Lint) -> None:
    # The program is carried by a Renstra kegiatan, whatever its sub kegiatan.
    text = swap(
        BASE,
        "    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota\n",
        "    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota\n"
        "    sub_kegiatan: [{kode: 1.02.02.2.02.0001, nama: Pengelolaan Pelayanan Kesehatan Ibu Hamil}]\n",
    )
    assert lint(text, "K013") == []


def test_k014_misi_and_tujuan_without_children(lint: Lint) -> None:
    text = swap(
        BASE,
        "sasaran:\n",
        "  - {kode: T2, misi: M1, uraian: Meningkatkan kualitas pendidikan}\nsasaran:\n",
    )
    text = swap(text, "tujuan:\n", "  - {kode: M2, uraian: Tata kelola yang bersih}\ntujuan:\n")
    found = lint(text, "K014")
    assert sorted(f.message.id for f in found) == ["lint.K014.misi", "lint.K014.tujuan"]


# -- K003: kegiatan vs. RPJMD programs -----------------------------------------------------------


def test_k003_kegiatan_outside_rpjmd(lint: Lint) -> None:
    found = lint(kt.KegiatanDiLuarRpjmd.bad, "K003")
    assert len(found) == 1
    f = found[0]
    assert f.location.path == "opd/dinkes.yaml" and f.location.line is not None
    assert "1.02.03" in f.text("en") and f.severity.label == "error"


def test_k003_program_penunjang_need_not_be_in_rpjmd(lint: Lint) -> None:
    text = swap(
        BASE,
        "kegiatan:\n  - kode: 1.02.02.2.02",
        "kegiatan:\n  - kode: 1.02.01.2.01\n    nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah\n  - kode: 1.02.02.2.02",
    )
    assert lint(text, "K003") == []


# -- K004 / K005: processes vs. kegiatan -----------------------------------------------------------

CHILD = """\
# file: proses/PB.01.01.yaml
probis: 1
jenis: proses
kode: PB.01.01
nama: Pemberian Imunisasi di Puskesmas
kategori: inti
induk: PB.01
pemilik: dinkes/bid-p2p
keluaran:
  - {nama: Catatan imunisasi, untuk: masyarakat}
"""

HIERARCHY = swap(swap(BASE, "sop: [SOP-001]\n", ""), "proses: PB.01\n", "proses: PB.01.01\n") + CHILD


def test_hierarchy_is_clean(lint: Lint) -> None:
    assert describe(lint(HIERARCHY)) == []


def test_k004_child_inherits_the_parents_kegiatan(lint: Lint) -> None:
    assert lint(HIERARCHY, "K004") == []


def test_k004_parent_linked_through_its_child(lint: Lint) -> None:
    text = swap(HIERARCHY, "kegiatan: [1.02.02.2.02]\n", "")
    text = swap(text, "induk: PB.01\n", "induk: PB.01\nkegiatan: [1.02.02.2.02]\n")
    assert lint(text, "K004") == []
    strict = with_config(text, "      K004: {opsi: {lewat_anak: false}}\n")
    found = lint(strict, "K004")
    assert [f.location.path for f in found] == ["proses/PB.01.yaml"]


def test_k004_unlinked_process(lint: Lint) -> None:
    found = lint(kt.ProsesTanpaKegiatan.bad, "K004")
    assert [f.location.path for f in found] == ["proses/PB.02.yaml"]
    assert found[0].location.line == 3  # the kode line


def test_k005_uncovered_kegiatan(lint: Lint) -> None:
    found = lint(kt.KegiatanTanpaProses.bad, "K005")
    assert len(found) == 1 and "1.02.02.2.01" in found[0].text("id")


def test_k005_sub_kegiatan_link_covers_the_kegiatan(lint: Lint) -> None:
    text = swap(
        BASE,
        "    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota\n",
        "    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota\n"
        "    sub_kegiatan: [{kode: 1.02.02.2.02.0001, nama: Pengelolaan Pelayanan Kesehatan Ibu Hamil}]\n",
    )
    text = swap(text, "kegiatan: [1.02.02.2.02]", "kegiatan: [1.02.02.2.02.0001]")
    assert lint(text, "K005") == []


def test_k005_penunjang_only_with_option(lint: Lint) -> None:
    text = kt.KegiatanTanpaProses.good  # has an unmapped penunjang kegiatan
    assert lint(text, "K005") == []
    found = lint(with_config(text, "      K005:\n        opsi: {termasuk_penunjang: true}\n"), "K005")
    assert len(found) == 1 and "1.02.01.2.01" in found[0].text("id")


# -- K006 / K007 / K015 / K016: processes and SOPs ------------------------------------------------


def test_k006_only_leaves_need_an_sop(lint: Lint) -> None:
    # PB.01 has a child; the SOP names the child from its own side.
    assert lint(HIERARCHY, "K006") == []
    no_sop = swap(HIERARCHY, "proses: PB.01.01\n", "")
    found = lint(no_sop, "K006")
    assert [f.location.path for f in found] == ["proses/PB.01.01.yaml"]


def test_k006_kategori_option(lint: Lint) -> None:
    text = kt.ProsesTanpaSop.bad
    assert lint(text, "K006")
    assert lint(with_config(text, "      K006: {opsi: {kategori: [pendukung]}}\n"), "K006") == []


def test_k007_sop_linked_from_either_side(lint: Lint) -> None:
    assert lint(BASE, "K007") == []
    only_process_side = swap(BASE, "proses: PB.01\n", "")
    assert lint(only_process_side, "K007") == []
    found = lint(kt.SopTanpaProses.bad, "K007")
    assert [f.location.path for f in found] == ["sop/SOP-002.yaml"]


def test_k015_disagreeing_sides(lint: Lint) -> None:
    found = lint(kt.SopProsesTidakCocok.bad, "K015")
    assert len(found) == 1
    assert found[0].location.path == "proses/PB.01.yaml"
    assert found[0].related and found[0].related[0].path == "sop/SOP-001.yaml"


def test_k016_sop_on_a_parent(lint: Lint) -> None:
    found = lint(kt.SopDiProsesInduk.bad, "K016")
    assert len(found) == 1 and "PB.01.01" in found[0].text("id")
    # Linked only from the process side: reported at the process's sop entry.
    text = swap(kt.SopDiProsesInduk.bad, "proses: PB.01\n", "")
    found = lint(text, "K016")
    assert [f.location.path for f in found] == ["proses/PB.01.yaml"]


# -- K008 / K009: masukan and keluaran ------------------------------------------------------------

SUPPLIER = """\
# file: proses/PB.09.yaml
probis: 1
jenis: proses
kode: PB.09
nama: Pendataan Sasaran Imunisasi
kategori: pendukung
pemilik: dinkes/bid-p2p
kegiatan: [1.02.02.2.02]
keluaran:
  - {nama: "DATA  sasaran imunisasi.", untuk: dinkes/bid-p2p}
sop: [SOP-001]
"""


def test_k008_unsourced_masukan(lint: Lint) -> None:
    found = lint(kt.MasukanTanpaSumber.bad, "K008")
    assert len(found) == 1 and found[0].location.path == "proses/PB.01.yaml"


@pytest.mark.parametrize(
    "masukan",
    [
        "{nama: Data sasaran imunisasi, eksternal: true}",
        "{nama: Data sasaran imunisasi, dari: masyarakat}",
    ],
)
def test_k008_external_masukan(lint: Lint, masukan: str) -> None:
    text = swap(BASE, "{nama: Data sasaran imunisasi, dari: masyarakat}", masukan)
    assert lint(text, "K008") == []


def test_k008_produced_by_another_process_ignoring_case_and_spacing(lint: Lint) -> None:
    text = swap(BASE, "{nama: Data sasaran imunisasi, dari: masyarakat}", "{nama: Data Sasaran Imunisasi, dari: dinkes}") + SUPPLIER
    assert lint(text, "K008") == []


def test_k008_internal_source_without_producer(lint: Lint) -> None:
    text = swap(BASE, "{nama: Data sasaran imunisasi, dari: masyarakat}", "{nama: Data sasaran imunisasi, dari: dinkes}")
    assert len(lint(text, "K008")) == 1


def test_k009_keluaran_without_recipient(lint: Lint) -> None:
    found = lint(kt.KeluaranTanpaPenerima.bad, "K009")
    assert len(found) == 1 and "Anak terimunisasi lengkap" in found[0].text("en")


# -- K010 / K011: process codes and parent chains --------------------------------------------------


def test_k010_prefix(lint: Lint) -> None:
    assert lint(HIERARCHY, "K010") == []
    found = lint(kt.KodeAnakTanpaAwalanInduk.bad, "K010")
    assert len(found) == 1 and "PB.01." in found[0].text("id")


def test_k010_separator_option(lint: Lint) -> None:
    text = swap(swap(HIERARCHY, "kode: PB.01.01", "kode: PB.01-01"), "# file: proses/PB.01.01.yaml", "# file: proses/PB.01-01.yaml")
    text = swap(text, "proses: PB.01.01\n", "proses: PB.01-01\n")
    assert len(lint(text, "K010")) == 1
    assert lint(with_config(text, "      K010: {opsi: {pemisah: '-'}}\n"), "K010") == []
    assert lint(with_config(text, "      K010: {tingkat: mati}\n"), "K010") == []


def _proses(kode: str, induk: str) -> str:
    return (
        f"# file: proses/{kode}.yaml\nprobis: 1\njenis: proses\nkode: {kode}\nnama: Proses {kode}\n"
        f"kategori: inti\ninduk: {induk}\npemilik: dinkes\nkegiatan: [1.02.02.2.02]\n"
    )


def test_k011_cycle_reported_once_at_smallest_code(lint: Lint) -> None:
    text = BASE + _proses("PB.03", "PB.05") + _proses("PB.04", "PB.03") + _proses("PB.05", "PB.04") + _proses("PB.06", "PB.05")
    found = lint(text, "K011")
    assert len(found) == 1
    assert found[0].location.path == "proses/PB.03.yaml"
    assert "PB.03 → PB.05 → PB.04 → PB.03" in found[0].text("id")
    assert len(found[0].related) == 2


def test_k011_self_parent(lint: Lint) -> None:
    found = lint(BASE + _proses("PB.03", "PB.03"), "K011")
    assert len(found) == 1 and "PB.03 → PB.03" in found[0].text("id")


def test_k011_no_cycle(lint: Lint) -> None:
    assert lint(HIERARCHY, "K011") == []


# -- K012: indicator target years ------------------------------------------------------------------


def test_k012_target_outside_period(lint: Lint) -> None:
    found = lint(kt.TargetDiLuarPeriode.bad, "K012")
    assert len(found) == 1
    f = found[0]
    assert "2024" in f.text("id")
    line = kt.TargetDiLuarPeriode.bad.split("# file: rpjmd.yaml\n")[1].splitlines().index(
        "      - {nama: Cakupan imunisasi dasar lengkap, satuan: persen, target: {2024: 88, 2025: 90, 2029: 95}}"
    ) + 1
    assert f.location.line == line
    assert f.location.column is not None and f.location.column > 60  # at the year key


def test_k012_tujuan_indicators_too(lint: Lint) -> None:
    text = swap(
        BASE,
        "  - {kode: T1, misi: M1, uraian: Meningkatkan derajat kesehatan masyarakat}",
        "  - kode: T1\n    misi: M1\n    uraian: Meningkatkan derajat kesehatan masyarakat\n"
        "    indikator:\n      - nama: Angka Harapan Hidup\n        target:\n          2025: 72.1\n          2030: 73.5",
    )
    found = lint(text, "K012")
    assert len(found) == 1 and "2030" in found[0].text("en")


# -- K017: activity flow ---------------------------------------------------------------------------


def test_k017_unreachable(lint: Lint) -> None:
    found = lint(kt.AlurAktivitasBuntu.bad, "K017")
    assert [f.message.id for f in found] == ["lint.K017.unreachable"]
    assert "A2" in found[0].text("id")


def test_k017_loop_without_exit(lint: Lint) -> None:
    flow = (
        "aktivitas:\n"
        "  - {kode: A1, nama: Menerima data, pelaksana: dinkes/bid-p2p, lanjut: [A2]}\n"
        "  - {kode: A2, nama: Memeriksa data, pelaksana: dinkes/bid-p2p, lanjut: [A1]}\n"
        "  - {kode: A3, nama: Mengarsipkan, pelaksana: dinkes/bid-p2p}\n"
    )
    text = swap(BASE, "sop: [SOP-001]\n", "sop: [SOP-001]\n" + flow)
    found = lint(text, "K017")
    assert sorted((f.message.id, f.location.line) for f in found) == [
        ("lint.K017.no_end", 14),
        ("lint.K017.no_end", 15),
        ("lint.K017.unreachable", 16),
    ]


def test_k017_branches_and_explicit_end(lint: Lint) -> None:
    flow = (
        "aktivitas:\n"
        "  - {kode: A1, nama: Memeriksa berkas, pelaksana: dinkes/bid-p2p, lanjut: [A2, A3]}\n"
        "  - {kode: A2, nama: Mengembalikan berkas, pelaksana: dinkes/bid-p2p, lanjut: []}\n"
        "  - {kode: A3, nama: Menerbitkan surat, pelaksana: dinkes/bid-p2p}\n"
    )
    assert lint(swap(BASE, "sop: [SOP-001]\n", "sop: [SOP-001]\n" + flow), "K017") == []


# -- severities and configuration -------------------------------------------------------------------


def test_default_severities(check_repo: Check) -> None:
    assert {r.code: r.severity.label for r in kt.RULES}["K003"] == "error"
    run = check_repo(kt.KegiatanTanpaProses.bad)
    assert [f.severity.label for f in run.of("K005")] == ["peringatan"]
    raised = check_repo(with_config(kt.KegiatanTanpaProses.bad, "      kegiatan-tanpa-proses: {tingkat: error}\n"))
    assert [f.severity.label for f in raised.of("K005")] == ["error"]
    assert raised.result.exit_code(raised.of("K005")[0].severity) == 1


def test_k017_duplicate_activity_code_does_not_crash(check_repo: Check) -> None:
    # D1: a duplicate kode (S007) right after an activity without `lanjut` crashed K017 (KeyError).
    flow = (
        "aktivitas:\n"
        "  - {kode: A1, nama: Menyusun jadwal, pelaksana: dinkes/bid-p2p}\n"
        "  - {kode: A1, nama: Menyusun jadwal lagi, pelaksana: dinkes/bid-p2p}\n"
        "  - {kode: A2, nama: Menyiapkan vaksin, pelaksana: dinkes/bid-p2p, lanjut: [A9]}\n"
        "  - {kode: A3, nama: Melaksanakan imunisasi, pelaksana: dinkes/bid-p2p}\n"
    )
    run = check_repo(swap(BASE, "sop: [SOP-001]\n", "sop: [SOP-001]\n" + flow))
    assert run.of("P000") == []
    assert [f.code for f in run.result.findings if f.code in ("S007", "S008")] == ["S007", "S008"]
    # The duplicate is skipped: A1 continues (past it) to A2, whose only target is unknown, so A3 is unreachable.
    assert [(f.message.id, f.location.line) for f in run.of("K017")] == [("lint.K017.unreachable", 17)]
