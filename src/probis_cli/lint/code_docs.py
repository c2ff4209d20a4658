"""Documentation of the codes that are not lint rules: Y (reading), S (schema and references),
P (the linter itself). ``probis rules S008`` explains them the way it explains a rule.

Examples use the ``# file: path`` format of the rule examples; YAML is the same in both
languages, so each code has one bad and one good example.
"""

from __future__ import annotations

from dataclasses import dataclass

from probis_cli.i18n import Lang


@dataclass(frozen=True, slots=True)
class CodeDoc:
    """Summary, why and fix of one code, in both languages, and its examples."""

    summary: dict[Lang, str]
    why: dict[Lang, str]
    fix: dict[Lang, str]
    bad: str
    good: str


def _d(summary: tuple[str, str], why: tuple[str, str], fix: tuple[str, str], bad: str, good: str) -> CodeDoc:
    return CodeDoc(
        {"id": summary[0], "en": summary[1]}, {"id": why[0], "en": why[1]}, {"id": fix[0], "en": fix[1]}, bad, good
    )


_SOP_HEAD = "# file: sop/SOP-001.yaml\nprobis: 1\njenis: sop\nkode: SOP-001\n"
_PROSES_HEAD = "# file: proses/PB.01.yaml\nprobis: 1\njenis: proses\nkode: PB.01\n"

CODE_DOCS: dict[str, CodeDoc] = {
    "Y001": _d(
        ("Berkas bukan YAML yang valid.", "The file is not valid YAML."),
        (
            "Berkas yang tidak dapat diurai tidak dibaca sama sekali: dokumennya tidak diperiksa dan tidak digambar. "
            "Rujukan ke dokumen di dalamnya tidak dilaporkan ulang sebagai hilang.",
            "A file that cannot be parsed is not read at all: its documents are neither checked nor drawn. "
            "References to the documents in it are not reported again as missing.",
        ),
        (
            "Perbaiki baris yang ditunjuk: tanda kutip atau kurung yang tidak ditutup, ':' di dalam nilai "
            "(bungkus nilainya dengan tanda kutip), atau indentasi yang tidak sejajar.",
            "Fix the line shown: an unclosed quote or bracket, a ':' inside a value (put the value in quotes), "
            "or indentation that does not line up.",
        ),
        _PROSES_HEAD + "nama: Pelayanan: Imunisasi\nkegiatan: [1.02.02.2.02\n",
        _PROSES_HEAD + 'nama: "Pelayanan: Imunisasi"\nkegiatan: [1.02.02.2.02]\n',
    ),
    "Y002": _d(
        ("Berkas tidak disimpan sebagai UTF-8.", "The file is not saved as UTF-8."),
        (
            "probis membaca teks UTF-8 saja; berkas dari pengolah kata lama (Windows-1252, UTF-16) merusak "
            "huruf dan tidak dibaca.",
            "probis reads UTF-8 text only; files from old word processors (Windows-1252, UTF-16) garble "
            "letters and are not read.",
        ),
        (
            "Simpan ulang berkas dengan encoding UTF-8 (di editor: Save with Encoding → UTF-8).",
            "Save the file again as UTF-8 (in the editor: Save with Encoding → UTF-8).",
        ),
        "# file: proses/PB.01.yaml\n# (disimpan sebagai Windows-1252: 'Penanganan Pengaduan \\xe9')\n",
        _PROSES_HEAD + "nama: Penanganan Pengaduan\n",
    ),
    "Y003": _d(
        ("Berkas YAML kosong.", "The YAML file is empty."),
        (
            "Berkas kosong biasanya sisa salin-tempel atau dokumen yang belum ditulis; tidak ada yang diperiksa.",
            "An empty file is usually a copy-paste leftover or a document not written yet; nothing is checked.",
        ),
        (
            "Isi berkas dengan dokumen probis, atau hapus berkasnya.",
            "Fill the file with a probis document, or delete it.",
        ),
        "# file: proses/PB.09.yaml\n",
        "# file: proses/PB.09.yaml\nprobis: 1\njenis: proses\nkode: PB.09\nnama: Pengelolaan Arsip\nkategori: pendukung\npemilik: setda\n",
    ),
    "Y004": _d(
        ("Kunci yang sama muncul dua kali dalam satu mapping.", "The same key appears twice in one mapping."),
        (
            "YAML diam-diam memakai nilai terakhir; isian pertama hilang tanpa pesan. probis menolaknya agar tidak "
            "ada data yang hilang.",
            "YAML silently keeps the last value; the first one is lost without a word. probis refuses it so "
            "that no data is lost.",
        ),
        ("Hapus salah satu kunci, atau gabungkan nilainya.", "Remove one of the keys, or merge their values."),
        _PROSES_HEAD + "nama: Pelayanan Imunisasi\nnama: Imunisasi Dasar\n",
        _PROSES_HEAD + "nama: Pelayanan Imunisasi Dasar\n",
    ),
    "Y005": _d(
        ("Alias YAML berkembang terlalu besar (alias bomb).", "YAML aliases expand too far (an alias bomb)."),
        (
            "Alias yang merujuk alias lain dapat berlipat ganda menjadi jutaan simpul dan menghabiskan memori CI; "
            "dokumen seperti itu ditolak.",
            "Aliases referring to other aliases can multiply into millions of nodes and exhaust CI memory; such "
            "a document is refused.",
        ),
        ("Tulis nilainya langsung tanpa alias berantai.", "Write the values out instead of chaining aliases."),
        "# file: x.yaml\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        "# file: x.yaml\na: [x, x]\n",
    ),
    "Y006": _d(
        ("Dokumen bersarang terlalu dalam.", "The document is nested too deeply."),
        (
            "Dokumen probis tidak pernah bersarang lebih dari beberapa tingkat; ratusan tingkat hanya muncul dari "
            "berkas rusak atau sengaja dibuat untuk menghabiskan memori.",
            "probis documents are never nested more than a few levels; hundreds of levels only come from a "
            "damaged file or one made to exhaust memory.",
        ),
        (
            "Periksa kurung dan indentasi; ratakan strukturnya.",
            "Check brackets and indentation; flatten the structure.",
        ),
        "# file: x.yaml\na: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
        "# file: x.yaml\na: [x]\n",
    ),
    "Y007": _d(
        ("Dokumen bukan mapping (kunci: nilai).", "The document is not a mapping (key: value)."),
        (
            "Setiap dokumen probis adalah mapping dengan `probis` dan `jenis`; daftar atau teks lepas di akar "
            "dokumen tidak dapat dibaca sebagai dokumen.",
            "Every probis document is a mapping with `probis` and `jenis`; a list or bare text at the root "
            "cannot be read as a document.",
        ),
        (
            "Tulis dokumen sebagai `kunci: nilai` mulai kolom pertama.",
            "Write the document as `key: value` from the first column.",
        ),
        "# file: proses/PB.01.yaml\n- probis: 1\n- jenis: proses\n",
        "# file: proses/PB.01.yaml\nprobis: 1\njenis: proses\n",
    ),
    "Y008": _d(
        ("Tab dipakai untuk indentasi.", "A tab is used for indentation."),
        (
            "YAML tidak mengizinkan tab sebagai indentasi; editor menampilkannya seperti spasi sehingga strukturnya "
            "tampak benar padahal tidak.",
            "YAML does not allow tabs for indentation; editors show them like spaces, so the structure looks "
            "right when it is not.",
        ),
        (
            "Ganti tab dengan spasi (atur editor: indentasi 2 spasi).",
            "Replace tabs with spaces (set the editor to indent with 2 spaces).",
        ),
        _PROSES_HEAD + "masukan:\n\t- nama: Formulir\n",
        _PROSES_HEAD + "masukan:\n  - nama: Formulir\n",
    ),
    "Y009": _d(
        ("Berkas lebih besar dari batas (8 MB).", "The file is larger than the limit (8 MB)."),
        (
            "Dokumen probis berukuran kilobita; berkas sebesar itu biasanya salah tempat (ekspor data, cadangan) "
            "dan membuat pemeriksaan lambat.",
            "probis documents are kilobytes; a file that large is usually misplaced (a data export, a backup) and "
            "slows every check down.",
        ),
        (
            "Pecah menjadi beberapa dokumen, atau keluarkan berkasnya dari pemeriksaan (`pengaturan.kecualikan`).",
            "Split it into several documents, or exclude it from checking (`pengaturan.kecualikan`).",
        ),
        "# file: data/ekspor.yaml\n# (12 MB)\n",
        "# file: probis.yaml\npengaturan:\n  kecualikan: [data/]\n",
    ),
    "Y010": _d(
        ("Berkas YAML ini bukan dokumen probis; dilewati.", "This YAML file is not a probis document; skipped."),
        (
            "Repositori boleh memuat YAML lain (konfigurasi CI, dsb.). Berkas tanpa `probis` dan `jenis` "
            "dilewati, dan ini diberitahukan agar dokumen yang lupa diberi `jenis` tidak terlewat diam-diam.",
            "A repository may hold other YAML (CI configuration, ...). A file without `probis` and `jenis` is "
            "skipped, and this says so, so that a document that lacks `jenis` is not skipped silently.",
        ),
        (
            "Bila ini dokumen probis, tambahkan `probis: 1` dan `jenis`; bila bukan, keluarkan dari pemeriksaan "
            "(`pengaturan.kecualikan`).",
            "If it is a probis document, add `probis: 1` and `jenis`; if not, exclude it (`pengaturan.kecualikan`).",
        ),
        "# file: proses/PB.01.yaml\nkode: PB.01\nnama: Pelayanan Imunisasi\n",
        _PROSES_HEAD + "nama: Pelayanan Imunisasi\n",
    ),
    "Y011": _d(
        ("Berkas tidak dapat dibaca.", "The file cannot be read."),
        (
            "Berkas tanpa izin baca, tautan yang rusak, atau berkas khusus (FIFO, perangkat) tidak dibaca; "
            "pemeriksaan tidak boleh lulus tanpa membacanya.",
            "A file without read permission, a broken link, or a special file (FIFO, device) is not read; a "
            "check must not pass without reading it.",
        ),
        (
            "Perbaiki izin berkas, atau ganti tautan dengan berkas biasa.",
            "Fix the file's permissions, or replace the link with a regular file.",
        ),
        "# file: sop/SOP-001.yaml\n# (chmod 000)\n",
        "# file: sop/SOP-001.yaml\n# (chmod 644)\n",
    ),
    "S001": _d(
        ("`jenis` dokumen tidak dikenal.", "The document's `jenis` is not known."),
        (
            "`jenis` menentukan skema dokumen (pemda, rpjmd, opd, proses, sop); dokumen dengan jenis lain tidak "
            "dapat diperiksa.",
            "`jenis` selects the document's schema (pemda, rpjmd, opd, proses, sop); a document of another kind "
            "cannot be checked.",
        ),
        ("Pakai salah satu jenis yang dikenal.", "Use one of the known kinds."),
        "# file: proses/PB.01.yaml\nprobis: 1\njenis: prosess\n",
        "# file: proses/PB.01.yaml\nprobis: 1\njenis: proses\n",
    ),
    "S002": _d(
        ("Kunci yang tidak dikenal skema.", "A key the schema does not know."),
        (
            "Kunci yang salah ketik diam-diam tidak berarti apa-apa: `tanggal_efektf` tidak mengisi tanggal efektif. "
            "Skema ketat menangkapnya. Koma di dalam `{...}` juga memotong nilai menjadi kunci baru.",
            "A mistyped key silently means nothing: `tanggal_efektf` does not set the effective date. The strict "
            "schema catches it. A comma inside `{...}` also cuts a value into a new key.",
        ),
        (
            "Perbaiki ejaan kunci (lihat saran 'Maksud Anda'), atau beri tanda kutip pada nilai yang memuat koma.",
            "Correct the key (see the 'did you mean' hint), or put a value that contains a comma in quotes.",
        ),
        _SOP_HEAD + "tanggal_efektf: 2026-02-01\ndisahkan_oleh: {jabatan: Kepala Dinas, nama: dr. Ratna, M.Kes}\n",
        _SOP_HEAD + 'tanggal_efektif: 2026-02-01\ndisahkan_oleh: {jabatan: Kepala Dinas, nama: "dr. Ratna, M.Kes"}\n',
    ),
    "S003": _d(
        ("Isian wajib tidak ada.", "A required field is missing."),
        (
            "Tanpa isian wajib (mis. `kode`, `nama`, `pemilik`) dokumen tidak dapat dirujuk atau digambar.",
            "Without its required fields (e.g. `kode`, `nama`, `pemilik`) a document cannot be referred to or drawn.",
        ),
        ("Tambahkan isian yang disebut.", "Add the field named."),
        _PROSES_HEAD + "nama: Pelayanan Imunisasi\nkategori: inti\n",
        _PROSES_HEAD + "nama: Pelayanan Imunisasi\nkategori: inti\npemilik: dinkes/bid-p2p\n",
    ),
    "S004": _d(
        ("Nilai isian tidak valid (jenis atau pilihan salah).", "A field's value is not valid (wrong type or choice)."),
        (
            "Nilai yang salah bentuk (teks untuk angka, pilihan di luar daftar, tanggal yang tidak ada) akan "
            "menghasilkan peta dan dokumen SOP yang salah.",
            "A value of the wrong shape (text for a number, a choice outside the list, a date that does not exist) "
            "would give wrong maps and SOP documents.",
        ),
        (
            "Isi dengan nilai dari bentuk atau pilihan yang disebut pesannya.",
            "Use a value of the type or from the choices the message names.",
        ),
        _PROSES_HEAD + "kategori: utama\n",
        _PROSES_HEAD + "kategori: inti\n",
    ),
    "S005": _d(
        ("Kode tidak sesuai bentuknya.", "A code does not have its expected form."),
        (
            "Kode kegiatan dan sub kegiatan mengikuti nomenklatur (Kepmendagri 900.1.15.5-1317/2023); kode yang "
            "menyimpang tidak dapat ditelusuri ke program dan urusan.",
            "Kegiatan and sub kegiatan codes follow the national nomenclature; a code that deviates cannot be "
            "traced to its program and urusan.",
        ),
        (
            "Salin kode persis dari nomenklatur atau Renstra.",
            "Copy the code exactly from the nomenclature or the Renstra.",
        ),
        _PROSES_HEAD + "kegiatan: [1.2.2.2.2]\n",
        _PROSES_HEAD + "kegiatan: [1.02.02.2.02]\n",
    ),
    "S006": _d(
        ("Versi skema `probis` tidak didukung.", "The `probis` schema version is not supported."),
        (
            "`probis: 1` menyatakan versi skema dokumen; versi lain perlu migrasi sebelum dapat diperiksa.",
            "`probis: 1` states the document's schema version; other versions need a migration before they can be checked.",
        ),
        ("Tulis `probis: 1`.", "Write `probis: 1`."),
        "# file: proses/PB.01.yaml\nprobis: 2\njenis: proses\n",
        "# file: proses/PB.01.yaml\nprobis: 1\njenis: proses\n",
    ),
    "S007": _d(
        ("Kode yang sama dipakai dua kali.", "The same code is used twice."),
        (
            "Rujukan memakai kode; dua dokumen (atau dua unit, langkah, aktivitas) berkode sama membuat rujukan "
            "tidak jelas. Yang kedua tidak dipakai.",
            "References use codes; two documents (or units, steps, activities) with one code make references "
            "ambiguous. The second one is left out.",
        ),
        ("Beri kode yang berbeda, atau hapus salinannya.", "Give it another code, or delete the copy."),
        _PROSES_HEAD
        + "aktivitas:\n  - {kode: A1, nama: Menerima berkas, pelaksana: dinkes}\n  - {kode: A1, nama: Memeriksa berkas, pelaksana: dinkes}\n",
        _PROSES_HEAD
        + "aktivitas:\n  - {kode: A1, nama: Menerima berkas, pelaksana: dinkes}\n  - {kode: A2, nama: Memeriksa berkas, pelaksana: dinkes}\n",
    ),
    "S008": _d(
        ("Rujukan ke kode yang tidak ada.", "A reference to a code that does not exist."),
        (
            "Keterkaitan (proses → kegiatan, SOP → proses, masukan → pihak, langkah → pelaksana) hanya bermakna "
            "bila yang dirujuk ada. Rujukan ke dokumen yang gagal dibaca tidak dilaporkan lagi: perbaiki dokumen itu.",
            "Links (process → kegiatan, SOP → process, input → party, step → pelaksana) only mean something when "
            "their target exists. References into a document that failed to load are not reported again: fix that document.",
        ),
        (
            "Perbaiki ejaan kode (lihat saran), tambahkan yang dirujuk, atau — untuk pihak di luar Pemda — "
            "nyatakan di `pihak_luar` pada probis.yaml.",
            "Correct the code (see the hint), add what is referred to, or — for a party outside the Pemda — "
            "declare it under `pihak_luar` in probis.yaml.",
        ),
        "# file: probis.yaml\nprobis: 1\njenis: pemda\n"
        + _PROSES_HEAD
        + "masukan:\n  - {nama: Data sasaran, dari: kemenkes}\n",
        "# file: probis.yaml\nprobis: 1\njenis: pemda\npihak_luar:\n  - {kode: kemenkes, nama: Kementerian Kesehatan}\n"
        + _PROSES_HEAD
        + "masukan:\n  - {nama: Data sasaran, dari: kemenkes}\n",
    ),
    "S009": _d(
        (
            "Dokumen yang hanya boleh satu (pemda, rpjmd) ada dua.",
            "A document that must be unique (pemda, rpjmd) exists twice.",
        ),
        (
            "Satu repositori adalah satu Pemda dengan satu RPJMD berlaku; dokumen kedua biasanya salinan lama.",
            "One repository is one Pemda with one RPJMD in force; a second one is usually an old copy.",
        ),
        (
            "Hapus atau keluarkan salinan lama (`pengaturan.kecualikan`).",
            "Delete or exclude the old copy (`pengaturan.kecualikan`).",
        ),
        "# file: rpjmd.yaml\nprobis: 1\njenis: rpjmd\nperiode: 2025-2029\n# file: arsip/rpjmd-lama.yaml\nprobis: 1\njenis: rpjmd\nperiode: 2020-2024\n",
        "# file: rpjmd.yaml\nprobis: 1\njenis: rpjmd\nperiode: 2025-2029\n",
    ),
    "S010": _d(
        ("Dokumen wajib (pemda atau RPJMD) tidak ada.", "A required document (pemda or RPJMD) is missing."),
        (
            "Keterkaitan RPJMD → program → kegiatan dan pihak luar dibaca dari probis.yaml dan rpjmd.yaml; tanpa "
            "keduanya sebagian besar pemeriksaan tidak dapat dilakukan.",
            "The links RPJMD → program → kegiatan and the external parties are read from probis.yaml and "
            "rpjmd.yaml; without them most checks cannot run.",
        ),
        ("Tambahkan dokumen yang disebut (lihat `probis init`).", "Add the document named (see `probis init`)."),
        "# file: proses/PB.01.yaml\nprobis: 1\njenis: proses\n",
        "# file: probis.yaml\nprobis: 1\njenis: pemda\n# file: rpjmd.yaml\nprobis: 1\njenis: rpjmd\n# file: proses/PB.01.yaml\nprobis: 1\njenis: proses\n",
    ),
    "P000": _d(
        ("Sebuah aturan linter gagal dijalankan (kesalahan probis).", "A lint rule failed to run (a bug in probis)."),
        (
            "Ini kesalahan di probis, bukan di berkas Anda. Temuan aturan lain, dan temuan aturan itu untuk dokumen "
            "lain, tetap dilaporkan; hasilnya tidak lengkap sehingga validate keluar dengan kode 2.",
            "This is a bug in probis, not in your files. The other rules' findings, and this rule's findings on "
            "other documents, are still reported; the result is incomplete, so validate exits with code 2.",
        ),
        (
            "Laporkan ke pengelola probis dengan berkas yang ditunjuk. Sementara itu aturan dapat dimatikan di "
            "`pengaturan.lint.aturan`.",
            "Report it to the probis maintainers with the file shown. Meanwhile the rule can be switched off in "
            "`pengaturan.lint.aturan`.",
        ),
        "# file: probis.yaml\nprobis: 1\njenis: pemda\n",
        "# file: probis.yaml\nprobis: 1\njenis: pemda\npengaturan:\n  lint:\n    aturan:\n      alur-aktivitas-buntu: {tingkat: mati}\n",
    ),
    "P001": _d(
        ("Komentar penekanan tidak menekan temuan apa pun.", "A suppression comment suppresses nothing."),
        (
            "Penekanan yang tidak lagi diperlukan menyembunyikan temuan baru di baris yang sama kelak.",
            "A suppression that is no longer needed would hide a new finding on the same line later.",
        ),
        ("Hapus komentar `# probis: abaikan[...]` itu.", "Remove that `# probis: abaikan[...]` comment."),
        _PROSES_HEAD + "nama: Pelayanan Imunisasi  # probis: abaikan[T003]\n",
        _PROSES_HEAD + "nama: Pelayanan Imunisasi\n",
    ),
    "P002": _d(
        ("Komentar penekanan tidak valid.", "A suppression comment is not valid."),
        (
            "Penekanan dengan kode yang tidak ada atau bentuk yang salah tidak menekan apa pun, padahal penulisnya "
            "mengira demikian.",
            "A suppression with an unknown code or a wrong form suppresses nothing, though its author thinks it does.",
        ),
        (
            "Tulis `# probis: abaikan[KODE]` dengan kode yang ada (lihat `probis rules`).",
            "Write `# probis: abaikan[CODE]` with an existing code (see `probis rules`).",
        ),
        _PROSES_HEAD + "nama: Pelayanan Imunisasi  # probis: abaikan[T03]\n",
        _PROSES_HEAD + "nama: Pelayanan Imunisasi  # probis: abaikan[T003]\n",
    ),
    "P003": _d(
        ("Pengaturan linter di probis.yaml tidak valid.", "The lint settings in probis.yaml are not valid."),
        (
            "Pengaturan yang salah ketik tidak berlaku; aturan yang dikira mati tetap berjalan, atau sebaliknya.",
            "A mistyped setting does not apply; a rule thought to be off still runs, or the other way round.",
        ),
        (
            "Perbaiki nama aturan, tingkat, atau opsinya (lihat `probis rules KODE`).",
            "Correct the rule name, level or option (see `probis rules CODE`).",
        ),
        "# file: probis.yaml\nprobis: 1\njenis: pemda\npengaturan:\n  lint:\n    aturan:\n      proses-tanpa-sopp: {tingkat: mati}\n",
        "# file: probis.yaml\nprobis: 1\njenis: pemda\npengaturan:\n  lint:\n    aturan:\n      proses-tanpa-sop: {tingkat: mati}\n",
    ),
    "P004": _d(
        ("Berkas baseline tidak ada atau tidak valid.", "The baseline file is missing or not valid."),
        (
            "Baseline menyimpan temuan lama yang diterima; baseline yang rusak tidak dapat dipakai, sehingga semua "
            "temuan dilaporkan.",
            "A baseline records accepted old findings; a damaged one cannot be used, so every finding is reported.",
        ),
        (
            "Buat ulang dengan `probis validate --buat-baseline`, atau perbaiki jalur `pengaturan.lint.baseline`.",
            "Recreate it with `probis validate --buat-baseline`, or correct the path in `pengaturan.lint.baseline`.",
        ),
        '# file: .probis-baseline.json\n{"versi": \n',
        "# file: probis.yaml\nprobis: 1\njenis: pemda\npengaturan:\n  lint:\n    baseline: .probis-baseline.json\n",
    ),
}
