"""Duration parsing and formatting for SOP mutu baku "waktu" fields."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probis_cli.durasi import (
    MENIT_PER_SATUAN,
    UNMEASURABLE_WORDS,
    Durasi,
    format_durasi,
    parse_durasi,
    vague_word,
)

HK = 480.0  # minutes in a working day

# text, menit, nilai, satuan, minimum
PARSED: list[tuple[str, float, float, str, float]] = [
    ("10 menit", 10, 10, "menit", 10),
    ("10 mnt", 10, 10, "menit", 10),
    ("15 Menit", 15, 15, "menit", 15),
    ("15 MENIT", 15, 15, "menit", 15),
    ("1 jam", 60, 1, "jam", 60),
    ("2 jam 30 menit", 150, 2.5, "jam", 150),
    ("1 jam dan 30 menit", 90, 1.5, "jam", 90),
    ("1,5 jam", 90, 1.5, "jam", 90),
    ("1.5 jam", 90, 1.5, "jam", 90),
    ("3 hari kerja", 3 * HK, 3, "hari kerja", 3 * HK),
    ("3 HK", 3 * HK, 3, "hari kerja", 3 * HK),
    ("1 hari", HK, 1, "hari", HK),
    ("2 hr", 2 * HK, 2, "hari", 2 * HK),
    ("1 minggu", 5 * HK, 1, "minggu", 5 * HK),
    ("1 bulan", 22 * HK, 1, "bulan", 22 * HK),
    ("30 detik", 0.5, 30, "detik", 0.5),
    ("5-10 menit", 10, 10, "menit", 5),
    ("5 - 10 menit", 10, 10, "menit", 5),
    ("5–10 menit", 10, 10, "menit", 5),
    ("5 s.d. 10 menit", 10, 10, "menit", 5),
    ("5 s.d 10 menit", 10, 10, "menit", 5),
    ("5 s/d 10 menit", 10, 10, "menit", 5),
    ("5 sd 10 menit", 10, 10, "menit", 5),
    ("5 sampai 10 menit", 10, 10, "menit", 5),
    ("5 sampai dengan 10 menit", 10, 10, "menit", 5),
    ("5 hingga 10 menit", 10, 10, "menit", 5),
    ("30 menit s.d. 1 jam", 60, 1, "jam", 30),
    ("1 jam - 2 jam", 120, 2, "jam", 60),
    ("maks. 2 jam", 120, 2, "jam", 120),
    ("maksimal 3 hari", 3 * HK, 3, "hari", 3 * HK),
    ("paling lama 14 hari kerja", 14 * HK, 14, "hari kerja", 14 * HK),
    ("14 hari kerja sejak berkas lengkap", 14 * HK, 14, "hari kerja", 14 * HK),
    ("± 15 menit", 15, 15, "menit", 15),
    ("1 x 24 jam", HK, 1, "hari kerja", HK),
    ("1x24 jam", HK, 1, "hari kerja", HK),
    ("2 X 24 Jam", 2 * HK, 2, "hari kerja", 2 * HK),
    ("2 x 30 menit", 60, 60, "menit", 60),
    ("24 jam", 24 * 60, 24, "jam", 24 * 60),
    ("satu hari", HK, 1, "hari", HK),
    ("dua jam", 120, 2, "jam", 120),
    ("sepuluh menit", 10, 10, "menit", 10),
    ("lima belas menit", 15, 15, "menit", 15),
    ("tiga puluh menit", 30, 30, "menit", 30),
    ("setengah jam", 30, 0.5, "jam", 30),
    ("satu setengah jam", 90, 1.5, "jam", 90),
    ("sehari", HK, 1, "hari", HK),
    ("sejam", 60, 1, "jam", 60),
    ("semenit", 1, 1, "menit", 1),
    ("seminggu", 5 * HK, 1, "minggu", 5 * HK),
    ("1.000 menit", 1000, 1000, "menit", 1000),
    ("0.250 jam", 15, 0.25, "jam", 15),
]


@pytest.mark.parametrize(("text", "menit", "nilai", "satuan", "minimum"), PARSED)
def test_parse_durasi(text: str, menit: float, nilai: float, satuan: str, minimum: float) -> None:
    got = parse_durasi(text)
    assert got is not None
    assert got.menit == pytest.approx(menit)
    assert got.nilai == pytest.approx(nilai)
    assert got.satuan == satuan
    assert got.minimum == pytest.approx(minimum)


UNMEASURABLE = [
    ("segera", "segera"),
    ("Segera", "Segera"),
    ("secepatnya", "secepatnya"),
    ("sesegera mungkin", "sesegera mungkin"),
    ("sesuai kebutuhan", "sesuai kebutuhan"),
    ("Sesuai  Kebutuhan", "Sesuai  Kebutuhan"),
    ("tentatif", "tentatif"),
    ("cepat", "cepat"),
    ("menyesuaikan", "menyesuaikan"),
    ("-", "-"),
    ("--", "--"),
    ("", None),
    ("   ", None),
    ("hari yang sama", None),
    ("jam 8 pagi", None),
    ("5", None),
]


@pytest.mark.parametrize(("text", "phrase"), UNMEASURABLE)
def test_unmeasurable(text: str, phrase: str | None) -> None:
    assert parse_durasi(text) is None
    assert vague_word(text) == phrase


def test_vague_word_needs_whole_words() -> None:
    assert vague_word("percepatan layanan 1 hari") is None
    assert vague_word("diproses segera, paling lama 1 hari") == "segera"
    assert all(w == w.casefold() for w in UNMEASURABLE_WORDS)


def test_units_table() -> None:
    assert MENIT_PER_SATUAN["hari"] == MENIT_PER_SATUAN["hari kerja"] == 8 * 60
    assert MENIT_PER_SATUAN["minggu"] == 5 * MENIT_PER_SATUAN["hari kerja"]
    assert MENIT_PER_SATUAN["bulan"] == 22 * MENIT_PER_SATUAN["hari kerja"]


def test_durasi_is_frozen() -> None:
    d = Durasi(menit=1.0, nilai=1.0, satuan="menit", minimum=1.0)
    with pytest.raises(AttributeError):
        d.menit = 2.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("menit", "id_", "en"),
    [
        (0, "0 menit", "0 minutes"),
        (1, "1 menit", "1 minute"),
        (15, "15 menit", "15 minutes"),
        (60, "1 jam", "1 hour"),
        (61, "1 jam 1 menit", "1 hour 1 minute"),
        (480, "1 hari kerja", "1 working day"),
        (2 * 480 + 3 * 60 + 15, "2 hari kerja 3 jam 15 menit", "2 working days 3 hours 15 minutes"),
        (0.5, "30 detik", "30 seconds"),
        (22 * 480, "22 hari kerja", "22 working days"),
    ],
)
def test_format_durasi(menit: float, id_: str, en: str) -> None:
    assert format_durasi(menit, "id") == id_
    assert format_durasi(menit, "en") == en


def test_format_durasi_rejects_negative() -> None:
    with pytest.raises(ValueError):
        format_durasi(-1, "id")


@given(st.integers(min_value=0, max_value=10**9))
def test_whole_minutes_roundtrip(n: int) -> None:
    got = parse_durasi(f"{n} menit")
    assert got is not None
    assert got.menit == n
    assert got.minimum == n


@given(st.text())
def test_never_raises(text: str) -> None:
    got = parse_durasi(text)
    if got is not None:
        assert got.minimum <= got.menit
    vague_word(text)


NEAR_MISSES = ["1", "2,5", "x", "24", "jam", "-", "s.d.", "menit", "hari", "kerja", "dua", "puluh", "se", "."]


@given(st.lists(st.sampled_from(NEAR_MISSES), max_size=12))
def test_never_raises_on_near_misses(parts: list[str]) -> None:
    got = parse_durasi(" ".join(parts))
    if got is not None:
        assert 0 <= got.minimum <= got.menit


@pytest.mark.parametrize("text", ["2 x sehari", "3 kali seminggu", "1x per bulan", "2 kali setiap hari"])
def test_frequency_is_not_a_duration(text: str) -> None:
    assert parse_durasi(text) is None


def test_hedge_after_number() -> None:
    from probis_cli.durasi import hedge_after_number

    assert hedge_after_number("1 s.d. 3 hari atau menyesuaikan") == "menyesuaikan"
    assert hedge_after_number("2 hari kerja atau sesuai kebutuhan") == "sesuai kebutuhan"
    assert hedge_after_number("maksimal 1 jam, kondisional") == "kondisional"
    assert hedge_after_number("3 hari atau lebih") == "atau lebih"
    # quiet: no number before the hedge, a faster promise, the number's basis, a hedge before it
    assert hedge_after_number("menyesuaikan") is None
    assert hedge_after_number("1 x 24 jam atau lebih cepat") is None
    assert hedge_after_number("14 hari kerja sesuai ketentuan") is None
    assert hedge_after_number("tergantung berkas, paling lama 3 hari") is None
