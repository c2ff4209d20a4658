"""Messages that say how to fix the mistake: commas in flow mappings, unknown parties, pelaksana."""

from __future__ import annotations

from probis_cli.lint.rules import keterkaitan as kt

from .conftest import Check, describe, swap

BASE = kt.ProsesTanpaSop.good


def test_a_comma_in_a_flow_mapping_says_to_quote_the_value(check_repo: Check) -> None:
    text = swap(BASE, "nama: dr. Siti Rahmawati, nip:", "nama: dr. Siti Rahmawati, M.Kes, nip:")
    (found,) = check_repo(text).of("S002")
    assert found.message.id == "schema.flow_comma"
    assert found.location.line is not None
    id_text, en_text = found.text("id"), found.text("en")
    assert "M.Kes" in id_text and "kutip" in id_text
    assert 'nama: "dr. Siti Rahmawati, M.Kes"' in id_text and 'nama: "dr. Siti Rahmawati, M.Kes"' in en_text
    assert "quote" in en_text


def test_an_unknown_key_in_a_block_mapping_keeps_the_usual_message(check_repo: Check) -> None:
    text = swap(BASE, "tanggal_efektif:", "tanggal_efektf:")
    (found,) = check_repo(text).of("S002")
    assert found.message.id == "schema.unknown_key_hint"


def test_an_unknown_key_with_a_value_in_a_flow_mapping_keeps_the_usual_message(check_repo: Check) -> None:
    text = swap(BASE, "nama: dr. Siti Rahmawati, nip:", "nama: dr. Siti Rahmawati, gelar: M.Kes, nip:")
    (found,) = check_repo(text).of("S002")
    assert found.message.id == "schema.unknown_key"


def test_an_unknown_party_suggests_pihak_luar(check_repo: Check) -> None:
    text = swap(
        BASE, "{nama: Data sasaran imunisasi, dari: masyarakat}", "{nama: Data sasaran imunisasi, dari: kemenkes}"
    )
    (found,) = check_repo(text).of("S008")
    id_text, en_text = found.text("id"), found.text("en")
    assert "pihak_luar" in id_text and "probis.yaml" in id_text and "kemenkes" in id_text
    assert "pihak_luar" in en_text and "probis.yaml" in en_text


def test_an_unknown_party_close_to_a_known_one_still_gets_did_you_mean(check_repo: Check) -> None:
    text = swap(
        BASE,
        "{nama: Anak terimunisasi lengkap, untuk: masyarakat}",
        "{nama: Anak terimunisasi lengkap, untuk: masyarakt}",
    )
    (found,) = check_repo(text).of("S008")
    assert "masyarakat" in found.text("en") and "pihak_luar" in found.text("en")


def test_an_unknown_pelaksana_lists_the_valid_ones(check_repo: Check) -> None:
    text = swap(
        BASE,
        "  - {kode: petugas, nama: Petugas Imunisasi}\n",
        "  - {kode: petugas, nama: Petugas Imunisasi}\n  - {kode: dokter, nama: Dokter}\n",
    )
    text = swap(text, "pelaksana: petugas, simbol: selesai", "pelaksana: perawat, simbol: selesai")
    run = check_repo(text)
    (found,) = run.of("S008")
    assert "dokter, petugas" in found.text("id") and "dokter, petugas" in found.text("en"), describe(
        run.result.findings
    )


def test_a_choice_lists_the_values_without_english_words(check_repo: Check) -> None:
    (found,) = check_repo(swap(BASE, "kategori: inti", "kategori: utama")).of("S004")
    assert " or " not in found.text("id") and "'inti', 'pendukung', 'manajemen'" in found.text("id")
