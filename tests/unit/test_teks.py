"""Indonesian normalisation, tokens, stemming and near-duplicate detection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probis_cli.lint.glosarium import Arti, Glosarium, parse_singkatan, parse_sinonim
from probis_cli.lint.stemmer import kata_dasar, stem
from probis_cli.lint.teks import FILLER_WORDS, STOP_WORDS, NearDuplicateIndex, normalise, similarity, tokens

STEMS: list[tuple[str, str]] = [
    # the cases the linter's rules rely on
    ("menyusun", "susun"),
    ("memeriksa", "periksa"),
    ("penerbitan", "terbit"),
    ("pelayanan", "layan"),
    ("perizinan", "izin"),
    ("pendaftaran", "daftar"),
    ("pencatatan", "catat"),
    ("kependudukan", "duduk"),
    ("penduduk", "duduk"),
    ("pengaduan", "adu"),
    ("pemberian", "beri"),
    ("permohonan", "mohon"),
    ("menerima", "terima"),
    ("kesehatan", "sehat"),
    ("pendidikan", "didik"),
    ("penanaman", "tanam"),
    # foreign and technical words stay as they are
    ("verifikasi", "verifikasi"),
    ("kartu", "kartu"),
    ("tanda", "tanda"),
    ("imunisasi", "imunisasi"),
    ("elektronik", "elektronik"),
    ("data", "data"),
    ("sosialisasi", "sosialisasi"),
    ("evaluasi", "evaluasi"),
    ("rekomendasi", "rekomendasi"),
    # roots that look prefixed
    ("sekolah", "sekolah"),
    ("sekretariat", "sekretariat"),
    ("pegawai", "pegawai"),
    ("peserta", "peserta"),
    ("perempuan", "perempuan"),
    ("keluarga", "keluarga"),
    ("menteri", "menteri"),
    # pe- / per- / peN- with recoding
    ("pengelolaan", "kelola"),
    ("penyelenggaraan", "selenggara"),
    ("pelaksanaan", "laksana"),
    ("penyediaan", "sedia"),
    ("pengawasan", "awas"),
    ("pemeriksaan", "periksa"),
    ("penyusunan", "susun"),
    ("perencanaan", "rencana"),
    ("pembangunan", "bangun"),
    ("pengendalian", "kendali"),
    ("pelaporan", "lapor"),
    ("penilaian", "nilai"),
    ("pembinaan", "bina"),
    ("pengujian", "uji"),
    ("penetapan", "tetap"),
    ("pengesahan", "sah"),
    ("pengecekan", "cek"),
    ("pemeliharaan", "pelihara"),
    ("pemantauan", "pantau"),
    ("pengumpulan", "kumpul"),
    ("penyaluran", "salur"),
    ("penyuluhan", "suluh"),
    ("pemungutan", "pungut"),
    ("penagihan", "tagih"),
    ("penerimaan", "terima"),
    ("pengiriman", "kirim"),
    ("penelitian", "teliti"),
    ("penghapusan", "hapus"),
    ("penggajian", "gaji"),
    ("pemutakhiran", "mutakhir"),
    ("pengeluaran", "keluar"),
    ("pemilihan", "pilih"),
    ("pengadaan", "ada"),
    ("pembayaran", "bayar"),
    ("pelatihan", "latih"),
    ("pekerjaan", "kerja"),
    ("pedagang", "dagang"),
    ("petugas", "tugas"),
    ("penataan", "tata"),
    ("perkawinan", "kawin"),
    ("perceraian", "cerai"),
    ("perumahan", "rumah"),
    ("permukiman", "mukim"),
    ("perhubungan", "hubung"),
    ("perindustrian", "industri"),
    ("pertanian", "tani"),
    ("peternakan", "ternak"),
    ("perikanan", "ikan"),
    ("perpustakaan", "pustaka"),
    ("perlindungan", "lindung"),
    ("pencegahan", "cegah"),
    ("penanganan", "tangan"),
    ("pemadam", "padam"),
    ("pelajaran", "ajar"),
    ("peraturan", "atur"),
    ("persetujuan", "setuju"),
    ("pertimbangan", "timbang"),
    ("perbaikan", "baik"),
    ("pembiayaan", "biaya"),
    ("perbendaharaan", "bendahara"),
    ("perjalanan", "jalan"),
    ("pemberdayaan", "daya"),
    ("pemberhentian", "henti"),
    ("pengangkatan", "angkat"),
    ("penggunaan", "guna"),
    # ke-an confixes
    ("kesejahteraan", "sejahtera"),
    ("ketertiban", "tertib"),
    ("keselamatan", "selamat"),
    ("keuangan", "uang"),
    ("kelahiran", "lahir"),
    ("kematian", "mati"),
    ("kenaikan", "naik"),
    ("kebudayaan", "budaya"),
    ("kehutanan", "hutan"),
    ("kearsipan", "arsip"),
    ("kebakaran", "bakar"),
    ("kepegawaian", "pegawai"),
    ("keterangan", "terang"),
    ("kelurahan", "lurah"),
    ("kecamatan", "camat"),
    ("kegiatan", "giat"),
    ("pemerintahan", "perintah"),
    # me- / di- / ber- / ter- with suffixes
    ("melayani", "layan"),
    ("mengajukan", "aju"),
    ("menyampaikan", "sampai"),
    ("memperbaiki", "baik"),
    ("mengetahui", "tahu"),
    ("menanggulangi", "tanggulang"),
    ("mendirikan", "diri"),
    ("menengah", "tengah"),
    ("mencatat", "catat"),
    ("menggunakan", "guna"),
    ("ditetapkan", "tetap"),
    ("diterbitkan", "terbit"),
    ("dibiayai", "biaya"),
    ("berdasarkan", "dasar"),
    ("berusaha", "usaha"),
    ("bekerja", "kerja"),
    ("belajar", "ajar"),
    ("terdaftar", "daftar"),
    ("terbuka", "buka"),
    # suffixes only
    ("bantuan", "bantu"),
    ("bangunan", "bangun"),
    ("bimbingan", "bimbing"),
    ("rujukan", "rujuk"),
    ("laporan", "lapor"),
    ("anggaran", "anggar"),
    # particles and possessives
    ("tanahnya", "tanah"),
    ("bukumu", "buku"),
    ("bacalah", "baca"),
    ("penduduknya", "duduk"),
    # reduplication, case, unknown words
    ("buku-buku", "buku"),
    ("PELAYANAN", "layan"),
    ("ktp", "ktp"),
    ("2024", "2024"),
    ("xyzzy", "xyzzy"),
]


@pytest.mark.parametrize(("word", "root"), STEMS)
def teststem(word: str, root: str) -> None:
    assert stem(word) == root


def test_root_list_is_clean() -> None:
    roots = kata_dasar()
    assert len(roots) > 2000
    assert all(r.isascii() and r.isalpha() and r == r.lower() for r in roots)
    # derived forms must not be listed, or stemming would stop at them
    for derived in ("pelayanan", "penduduk", "pendidikan", "kesehatan", "pemerintah", "penerbitan"):
        assert derived not in roots


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KTP-el", "ktp el"),
        ("  Kabupaten/Kota  ", "kabupaten kota"),
        ("Penerbitan  Akta\tKelahiran.", "penerbitan akta kelahiran"),
        ("a.n. Kepala Dinas", "a n kepala dinas"),
        ("e_KTP", "e ktp"),
        ("", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Penerbitan KTP-el dan Kartu Keluarga", ("terbit", "ktp", "el", "kartu", "keluarga")),
        ("Pelayanan Pendaftaran Penduduk", ("daftar", "duduk")),
        ("Pelaksanaan Pemeriksaan Kesehatan di Puskesmas", ("periksa", "sehat", "puskesmas")),
        ("Penyusunan Laporan Keuangan Daerah Kabupaten/Kota", ("susun", "lapor", "uang")),
        ("Pengelolaan Urusan Pemerintahan", ()),
        ("Pencatatan dan pencatatan ulang", ("catat", "ulang")),
        ("yang dan di", ()),
    ],
)
def test_tokens(text: str, expected: tuple[str, ...]) -> None:
    assert tokens(text) == expected


def test_tokens_extra_stop_matches_word_orstem() -> None:
    text = "Penerbitan Izin Usaha Mikro"
    assert tokens(text, frozenset({"izin"})) == ("terbit", "usaha", "mikro")
    assert tokens(text, frozenset({"penerbitan"})) == ("izin", "usaha", "mikro")
    assert tokens(text, frozenset({"terbit"})) == ("izin", "usaha", "mikro")


def test_stop_and_filler_lists() -> None:
    for word in ("dan", "di", "ke", "dari", "yang", "untuk", "melalui", "secara"):
        assert word in STOP_WORDS
    for word in ("pengelolaan", "pelayanan", "layanan", "daerah", "kabupaten", "kota"):
        assert word in FILLER_WORDS
    for word in ("penerbitan", "pemeriksaan", "penyusunan", "verifikasi", "evaluasi"):
        assert word not in FILLER_WORDS and word not in STOP_WORDS
    assert all(w == normalise(w) for w in STOP_WORDS | FILLER_WORDS)


@given(st.text())
def test_normalise_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=1))
def test_stem_never_empty(word: str) -> None:
    assert stem(word)


@given(st.text(alphabet="abcdegiklmnprstuy", min_size=1, max_size=14))
def test_stem_of_indonesian_looking_words(word: str) -> None:
    root = stem(word)
    assert root == word or root in kata_dasar()


@given(st.text())
def test_tokens_are_unique_and_nonempty(text: str) -> None:
    toks = tokens(text)
    assert len(set(toks)) == len(toks)
    assert all(toks)


# --- similarity and NearDuplicateIndex ------------------------------------------------------


def test_similarity_is_jaccard() -> None:
    assert similarity(("a", "b", "c"), ("b", "c", "d")) == 0.5
    assert similarity(("a",), ("b",)) == 0.0
    assert similarity((), ()) == 1.0
    assert similarity(("a",), ()) == 0.0
    assert similarity(("a", "a", "b"), ("b", "a")) == 1.0


_TOKENS = st.lists(st.sampled_from("abcdefghij"), max_size=6).map(tuple)


@given(_TOKENS, _TOKENS)
def test_similarity_symmetric_and_bounded(a: tuple[str, ...], b: tuple[str, ...]) -> None:
    s = similarity(a, b)
    assert s == similarity(b, a)
    assert 0.0 <= s <= 1.0
    assert similarity(a, a) == 1.0


def test_near_duplicates_across_opd() -> None:
    index = NearDuplicateIndex(
        [
            ("dukcapil/ktp", "disdukcapil", "Penerbitan KTP-el"),
            ("kominfo/ktp", "diskominfo", "Pelayanan Penerbitan KTP el"),
            ("dukcapil/kk", "disdukcapil", "Penerbitan Kartu Keluarga"),
            ("dukcapil/kk2", "disdukcapil", "Penerbitan kartu keluarga"),  # same OPD: ignored
            ("dinkes/kk", "dinkes", "Penerbitan Kartu Keluarga Sehat"),
            ("setda/kosong", "setda", "Pengelolaan Urusan Pemerintahan Daerah"),  # no tokens
        ]
    )
    assert len(index) == 5
    assert index.pairs(0.7) == [
        ("dinkes/kk", "dukcapil/kk", 0.75),
        ("dinkes/kk", "dukcapil/kk2", 0.75),
        ("dukcapil/ktp", "kominfo/ktp", 1.0),
    ]
    assert index.pairs(1.0) == [("dukcapil/ktp", "kominfo/ktp", 1.0)]


def test_near_duplicate_index_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex([("a", "g", "izin"), ("a", "h", "izin")])
    index = NearDuplicateIndex([("a", "g", "izin")])
    for bad in (0.0, -0.5, 1.5):
        with pytest.raises(ValueError):
            index.pairs(bad)


def _brute_force(entries: list[tuple[str, str, str]], threshold: float) -> list[tuple[str, str, float]]:
    toks = [(k, g, tokens(t)) for k, g, t in entries]
    toks = [e for e in toks if e[2]]
    found = []
    for n, (ka, ga, ta) in enumerate(toks):
        for kb, gb, tb in toks[n + 1 :]:
            s = similarity(ta, tb)
            if ga != gb and s >= threshold:
                found.append((min(ka, kb), max(ka, kb), s))
    return sorted(found)


_WORDS = "izin usaha mikro akta lahir surat data bantu sosial sehat kartu dan".split()


@given(
    st.lists(
        st.tuples(st.sampled_from("ABC"), st.lists(st.sampled_from(_WORDS), max_size=6)),
        max_size=25,
    ),
    st.sampled_from([0.1, 0.25, 1 / 3, 0.4, 0.5, 0.6, 2 / 3, 0.7, 0.75, 0.8, 0.9, 1.0]),
)
def test_index_equals_brute_force(rows: list[tuple[str, list[str]]], threshold: float) -> None:
    entries = [(f"k{n:02d}", group, " ".join(words)) for n, (group, words) in enumerate(rows)]
    assert NearDuplicateIndex(entries).pairs(threshold) == _brute_force(entries, threshold)


@given(
    st.lists(
        st.tuples(
            st.sampled_from("ABCD"),
            st.lists(st.sampled_from(_WORDS), max_size=5),
            st.frozensets(st.sampled_from("xyz"), max_size=2),
        ),
        max_size=25,
    ),
    st.sampled_from([0.25, 0.5, 0.6, 0.8, 1.0]),
)
def test_labelled_entries_skip_exactly_the_pairs_whose_labels_meet(
    rows: list[tuple[str, list[str], frozenset[str]]], threshold: float
) -> None:
    entries = [(f"k{n:02d}", group, " ".join(words)) for n, (group, words, _labels) in enumerate(rows)]
    labels = {f"k{n:02d}": row[2] for n, row in enumerate(rows)}
    expected = [p for p in _brute_force(entries, threshold) if not labels[p[0]] & labels[p[1]]]
    assert NearDuplicateIndex(entries, blocks=labels).pairs(threshold) == expected


# --- glossary of abbreviations and synonyms ----------------------------------------------


def test_glossary_is_large_and_every_expansion_word_is_known() -> None:
    g = Glosarium.bawaan()
    assert len(g.singkatan) >= 200
    roots = kata_dasar()
    unknown = sorted(
        {
            f"{key}: {word}"
            for key, meanings in g.singkatan.items()
            for arti in meanings
            for word in arti.kata.split()
            if word not in STOP_WORDS and word not in FILLER_WORDS and stem(word) not in roots
        }
    )
    assert unknown == []
    for variant, canonical in g.sinonim.items():
        for word in (variant, canonical):
            assert word in FILLER_WORDS or stem(word) in roots, word


def test_glossary_covers_every_domain() -> None:
    g = Glosarium.bawaan()
    for key in (
        "siup nib oss pbg imb slf bphtb pbb p2 "  # perizinan, pajak
        "asn pns pppk bkn skp "  # kepegawaian
        "rkpd renstra renja musrenbang rka dpa sipd sakip lkjip lakip iku "  # perencanaan
        "sp2d spp spm "  # keuangan
        "ktp el kk kia nik "  # kependudukan
        "puskesmas posyandu jkn bpjs uks "  # kesehatan
        "bos paud ppdb "  # pendidikan
        "perda perkada perbup perwal jdih "  # hukum
        "spip apip lhkpn "  # pengawasan
        "spbe tte"  # SPBE
    ).split():
        assert key in g.singkatan, key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Penerbitan SIUP", "Penerbitan Surat Izin Usaha Perdagangan"),
        ("Penyusunan LKjIP", "Penyusunan Laporan Kinerja Instansi Pemerintah"),
        ("Musrenbang", "Musyawarah Perencanaan Pembangunan"),
        ("KTP-el", "KTP Elektronik"),
        ("Penerbitan KTP-el", "Penerbitan Kartu Tanda Penduduk Elektronik"),
        ("Penilaian SKP", "Evaluasi Sasaran Kinerja Pegawai"),
        ("Pemberian NIB", "Penerbitan Nomor Induk Berusaha"),
        ("Layanan Posyandu", "Pelayanan Pos Pelayanan Terpadu"),
        ("Penetapan BPHTB", "Penetapan Bea Perolehan Hak atas Tanah dan Bangunan"),
        ("Satpol PP", "Satuan Polisi Pamong Praja"),
    ],
)
def test_glossary_makes_both_writings_equal(a: str, b: str) -> None:
    g = Glosarium.bawaan()
    assert g.expand(a) == g.expand(b)


def test_long_written_out_forms_become_words_of_their_own() -> None:
    g = Glosarium.bawaan()
    assert tokens(g.expand("Penerbitan Surat Izin Usaha Perdagangan")) == (
        "terbit",
        "siup",
        "siupx2",
        "siupx3",
        "siupx4",
    )
    assert g.expand("Anggaran Pendapatan Belanja Daerah") == g.expand("APBD")  # "dan" optional
    # Different schools share "sekolah menengah" but are one word each: not alike.
    a, b = tokens(g.expand("Pembinaan SMA Negeri")), tokens(g.expand("Pembinaan Sekolah Menengah Kejuruan"))
    assert set(a) & set(b) == {"bina"}
    # Short expansions stay written out, so "Analisis Jabatan" still meets "Anjab".
    assert g.expand("Penyusunan Anjab") == "penyusunan analisis jabatan"


def test_ambiguous_abbreviation_needs_context() -> None:
    g = Glosarium.bawaan()
    assert g.expand("Penerbitan SPM") == "penerbitan spm"  # no context: left as written
    assert "surat perintah membayar" in g.expand("Penerbitan SPM LS Gaji")  # ambiguous: stays written out
    assert "minimal" in g.expand("Penerapan SPM Bidang Kesehatan")
    assert "surat perintah membayar" not in g.expand("Penerapan SPM Bidang Kesehatan")
    assert "kartu identitas anak" in g.expand("Penerbitan KIA")
    assert "kesehatan ibu dan anak" in g.expand("Pelayanan KIA di Posyandu")
    assert g.expand("Peraturan PP Nomor 12") != g.expand("Satpol PP")
    # A single meaning with konteks expands only in that context.
    assert g.expand("Vaksinasi PMK pada Hewan Ternak").startswith("vaksinasi penyakit mulut")
    assert g.expand("Penyusunan PMK") == "penyusunan pmk"


def test_glossary_overrides_add_replace_remove() -> None:
    g = Glosarium.bawaan()
    assert g.dengan({}) is g
    h = g.dengan({"SPPTD": "surat pemberitahuan pajak terutang daerah", "kk": "", "siup": "surat izin usaha"})
    assert h.expand("SPPTD") == h.expand("Surat Pemberitahuan Pajak Terutang Daerah") == "spptd spptdx2 spptdx3 spptdx4"
    assert h.expand("Penerbitan KK") == "penerbitan kk"
    assert h.expand("SIUP") == h.expand("Surat Izin Usaha") != g.expand("SIUP")
    assert g.expand("SIUP") == g.expand("Surat Izin Usaha Perdagangan") == "siup siupx2 siupx3 siupx4"
    assert g.expand("Penerbitan KK") == "penerbitan kartu keluarga"  # the built-in one is unchanged


def test_glossary_format_errors() -> None:
    assert parse_singkatan("# c\nKK = kartu keluarga\n") == {"kk": (Arti("kartu keluarga"),)}
    for bad in ("KK kartu keluarga", "KTP-el = kartu", "KK =", "X = a ; kontext: b", "X = a\nX = b"):
        with pytest.raises(ValueError):
            parse_singkatan(bad)
    assert parse_sinonim("evaluasi: penilaian") == {"penilaian": "evaluasi"}
    with pytest.raises(ValueError):
        parse_sinonim("evaluasi penilaian")


def test_instances_of_one_template_are_never_counted_against_each_other() -> None:
    """k UPTD with their own variants of one name, all running the shared kegiatan: no candidate.

    Before, the join counted every variant against every other before the labels dropped
    them, work that grew as k²; the findings were the same.
    """
    variants = ["wilayah", "wilayah kerja", "teknis wilayah", "wilayah binaan", "kerja teknis"]
    for k in (10, 40):
        entries = [(f"u{i:03d}", f"uptd-{i}", f"pembinaan puskesmas {variants[i % 5]} {i}") for i in range(k)]
        entries.append(("dinkes", "dinkes", "pembinaan puskesmas wilayah"))
        labels = {key: frozenset({"1.02.02.2.02"}) for key, _, _ in entries[:-1]}
        index = NearDuplicateIndex(entries, blocks=labels)
        found = index.pairs(0.6)
        assert found == [p for p in _brute_force(entries, 0.6) if "dinkes" in p[:2]]
        assert found  # the Dinkes process is like several UPTD ones
        assert index.verified <= k  # at most each UPTD name against the Dinkes one
