"""One mistake, one finding: links into a document that failed to load give no findings elsewhere.

A document that fails validation (or cannot be read at all) is reported where it is wrong;
the rules that look for a missing link (K004–K008, K013, M008, S010) must not report the
documents that link to it, or that it links to, as unlinked.
"""

from __future__ import annotations

from probis_cli.lint.rules import keterkaitan as kt
from probis_cli.lint.rules.keterkaitan import _common as kt_common

from .conftest import Check, describe, swap

BASE = kt.ProsesTanpaSop.good

_CHILD = """\
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
# PB.01 without its own SOP and with a child that carries SOP-001.
FAMILY = swap(swap(BASE, "sop: [SOP-001]\n", ""), "proses: PB.01\n", "proses: PB.01.01\n").replace(
    "# file: sop/SOP-001.yaml", _CHILD + "# file: sop/SOP-001.yaml"
)


def codes(run: object) -> list[str]:
    return sorted(f.code for f in run.result.findings)  # type: ignore[attr-defined]


def test_the_bases_are_clean(check_repo: Check) -> None:
    assert describe(check_repo(BASE).result.findings) == []
    assert describe(check_repo(FAMILY).result.findings) == []


def test_a_typo_in_an_sop_key_gives_no_k006_on_its_process(check_repo: Check) -> None:
    run = check_repo(swap(BASE, "tanggal_efektif:", "tanggal_efektf:"))
    assert codes(run) == ["S002"], describe(run.result.findings)


def test_an_sop_that_is_not_yaml_gives_no_k006_on_its_process(check_repo: Check) -> None:
    run = check_repo(swap(BASE, "peralatan: [Vaksin, Alat suntik sekali pakai]", "peralatan: [Vaksin, Alat suntik"))
    assert codes(run) == ["Y001"], describe(run.result.findings)


def test_an_sop_named_only_by_its_process_still_counts(check_repo: Check) -> None:
    # The SOP has no `proses` and fails; the process lists it under `sop`.
    text = swap(swap(BASE, "proses: PB.01\n", ""), "tanggal_efektif:", "tanggal_efektf:")
    assert codes(check_repo(text)) == ["S002"]


def test_a_typo_in_a_child_process_gives_no_k006_on_its_parent(check_repo: Check) -> None:
    run = check_repo(swap(FAMILY, "kategori: inti\ninduk: PB.01", "kategori: intii\ninduk: PB.01"))
    assert codes(run) == ["S004"], describe(run.result.findings)


def test_a_child_process_that_is_not_yaml_gives_no_k006_on_its_parent(check_repo: Check) -> None:
    run = check_repo(
        swap(
            FAMILY,
            "  - {nama: Catatan imunisasi, untuk: masyarakat}",
            "  - {nama: Catatan imunisasi, untuk: masyarakat",
        )
    )
    assert codes(run) == ["Y001"], describe(run.result.findings)


def test_a_bad_kategori_gives_no_k005_on_the_kegiatan_it_lists(check_repo: Check) -> None:
    run = check_repo(swap(BASE, "kategori: inti", "kategori: utama"))
    assert codes(run) == ["S004"], describe(run.result.findings)


def test_a_broken_parent_gives_no_k004_on_its_children(check_repo: Check) -> None:
    # The child inherits the parent's kegiatan; the parent fails to load.
    text = swap(FAMILY, "nama: Pelayanan Imunisasi\nkategori: inti", "nama: Pelayanan Imunisasi\nkategori: [inti]")
    run = check_repo(text)
    assert codes(run) == ["S004"], describe(run.result.findings)


def test_a_broken_process_still_produces_its_keluaran_and_lists_its_sop(check_repo: Check) -> None:
    # PB.02 takes PB.01's keluaran as masukan (K008), SOP-001 names no process (K007).
    second = (
        "# file: proses/PB.02.yaml\nprobis: 1\njenis: proses\nkode: PB.02\nnama: Pelaporan Imunisasi\n"
        "kategori: pendukung\npemilik: dinkes/bid-p2p\nkegiatan: [1.02.02.2.02]\n"
        "masukan:\n  - {nama: Anak terimunisasi lengkap, dari: dinkes}\n"
        "keluaran:\n  - {nama: Laporan imunisasi, untuk: masyarakat}\nsop: [SOP-001]\n"
    )
    text = swap(BASE, "proses: PB.01\n", "").replace("# file: sop/SOP-001.yaml", second + "# file: sop/SOP-001.yaml")
    assert describe(check_repo(text).result.findings) == []
    run = check_repo(swap(text, "kategori: inti", "kategori: utama"))
    assert codes(run) == ["S004"], describe(run.result.findings)


def test_a_broken_opd_gives_no_k013_on_the_programs_it_carries(check_repo: Check) -> None:
    run = check_repo(swap(BASE, "singkatan: Dinkes", "singkatan: [Dinkes]"))
    assert codes(run) == ["S004"], describe(run.result.findings)


def test_a_broken_probis_yaml_or_rpjmd_is_not_missing(check_repo: Check) -> None:
    run = check_repo(swap(BASE, "tingkat: kota", "tingkat: kotaa"))
    assert codes(run) == ["S004"], describe(run.result.findings)
    run = check_repo(swap(BASE, "visi: Kota Contoh", "visi:\n  - Kota Contoh"))
    assert codes(run) == ["S004"], describe(run.result.findings)


def test_keterkaitan_naming_a_broken_sop_gives_no_m008(check_repo: Check) -> None:
    other = swap(
        swap(kt_common._sop("SOP-002", None, "Pencatatan KIPI"), "tanggal_efektif:", "tanggal_efektf:"),
        "# file: sop/SOP-002.yaml",
        "# file: sop/SOP-002.yaml",
    )
    text = (
        swap(BASE, "pencatatan: [Register imunisasi]", "keterkaitan: [SOP-002]\npencatatan: [Register imunisasi]")
        + other
    )
    run = check_repo(text)
    assert codes(run) == ["S002"], describe(run.result.findings)


def test_real_gaps_are_still_reported_next_to_a_broken_document(check_repo: Check) -> None:
    # A second, unrelated process without SOP keeps its K006 while SOP-001 is broken.
    lonely = (
        "# file: proses/PB.03.yaml\nprobis: 1\njenis: proses\nkode: PB.03\nnama: Pengelolaan Gudang Farmasi\n"
        "kategori: pendukung\npemilik: dinkes/bid-p2p\nkegiatan: [1.02.02.2.02]\n"
        "keluaran:\n  - {nama: Stok obat tercatat, untuk: masyarakat}\n"
    )
    text = swap(BASE, "tanggal_efektif:", "tanggal_efektf:").replace(
        "# file: sop/SOP-001.yaml", lonely + "# file: sop/SOP-001.yaml"
    )
    run = check_repo(text)
    assert codes(run) == ["K006", "S002"], describe(run.result.findings)
    assert "PB.03" in run.of("K006")[0].text("en")


def test_reading_what_an_unreadable_file_still_says_is_linear(check_repo: Check) -> None:
    # Fuzz seed 1001528: a 70,000-space line in a file that is not YAML made the line scan
    # backtrack quadratically (minutes). Long lines are now skipped, patterns are linear.
    spaces = " " * 300_000
    text = swap(
        BASE, "  - {nama: Anak terimunisasi lengkap, untuk: masyarakat}", f"  - kode:{spaces}x #\n  - {{nama: ["
    )
    run = check_repo(text)
    assert "Y001" in codes(run)
