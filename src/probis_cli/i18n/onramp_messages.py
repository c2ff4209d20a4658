"""Messages of the commands that create and change a repository: init, baru, fmt, ganti-kode, laporan."""

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "init.help": (
            "Membuat repositori Pemda baru yang langsung lolos validate dan render: probis.yaml, "
            "rpjmd.yaml, satu CONTOH OPD/proses/SOP, schemas/, .gitignore, alur CI, dan pre-commit. "
            "Tidak menimpa berkas yang sudah ada.\n\n"
            "Contoh: probis init kota-baru --nama \"Pemerintah Kota Baru\" --tingkat kota --periode 2025-2029"
        ),
        "init.arg_folder": "Folder repositori baru (bawaan: folder ini); dibuat bila belum ada.",
        "init.opt_nama": "Nama resmi Pemda, mis. \"Pemerintah Kota Baru\" (bawaan: dari nama folder).",
        "init.opt_tingkat": "provinsi, kabupaten, atau kota (bawaan: dari nama folder, mis. kab-... = kabupaten).",
        "init.opt_periode": "Periode RPJMD TTTT-TTTT (bawaan: 2025-2029).",
        "init.opt_ask": "Tanyakan nama, tingkat, dan periode (bawaan: bila dijalankan di terminal).",
        "init.ask_nama": "Nama Pemda",
        "init.ask_tingkat": "Tingkat ({choices})",
        "init.ask_periode": "Periode RPJMD",
        "init.bad_tingkat": "Tingkat '{value}' tidak dikenal; pilih provinsi, kabupaten, atau kota.",
        "init.bad_periode": "Periode '{value}' harus berbentuk TTTT-TTTT, mis. 2025-2029.",
        "init.not_a_folder": "{path} sudah ada dan bukan folder.",
        "init.exists": "Tidak ada yang ditulis: berkas ini sudah ada di {folder}: {files}. probis init tidak menimpa berkas.",
        "init.write_failed": "Gagal menulis: {error}",
        "init.kept": "{path} sudah ada; dibiarkan.",
        "init.done": "Repositori {nama} dibuat di {folder} ({count} berkas).",
        "init.next": (
            "Berikutnya: cd {folder} && probis validate && probis render. "
            "Berkas bertanda CONTOH diganti dengan milik Pemda Anda."
        ),
        "fmt.help": (
            "Merapikan tata letak dokumen: urutan kunci seperti formulir resmi, indentasi dua spasi, "
            "butir daftar menjorok di bawah kuncinya. Komentar, baris kosong, tanda kutip, BOM/CRLF, "
            "dan setiap nilai tetap persis (diperiksa dengan membaca ulang; berkas yang nilainya "
            "akan berubah tidak ditulis).\n\n"
            "Kode keluar: 0 rapi/dirapikan, 1 --check menemukan berkas yang belum rapi, 2 galat.\n\n"
            "Contoh: probis fmt --check   (untuk CI dan pre-commit)"
        ),
        "fmt.arg_paths": "Folder atau berkas yang dirapikan (bawaan: seluruh repositori).",
        "fmt.opt_check": "Jangan menulis; keluar 1 bila ada berkas yang belum rapi (untuk CI dan pre-commit).",
        "fmt.opt_diff": "Jangan menulis; tampilkan perubahannya sebagai diff.",
        "fmt.skipped": "{path}: tidak dirapikan ({reason}); periksa dengan probis validate.",
        "fmt.refused": "{path}: tidak ditulis, karena hasilnya akan mengubah nilai. Laporkan ke pengelola probis.",
        "fmt.would_change": "belum rapi: {path}",
        "fmt.check_summary": "{changed} dari {total} berkas belum rapi.",
        "fmt.summary": "{changed} dari {total} berkas dirapikan.",
        "ganti.help": (
            "Mengganti sebuah kode (OPD, unit, jabatan, pihak luar, proses, SOP, kegiatan, pelaksana SOP) "
            "beserta semua rujukannya di seluruh repositori, dan memindahkan berkas/folder yang namanya "
            "memuat kode itu. Hanya teks kode yang diubah: komentar dan tata letak tetap. Beginilah "
            "perubahan SOTK dikerjakan dalam satu commit yang direviu.\n\n"
            "Unit dan jabatan ditulis opd/kode, pelaksana SOP ditulis SOP-KODE:kode. Kode anak proses "
            "ikut diganti (PB.02.01 → PB.12.01).\n\n"
            "Contoh: probis ganti-kode dinkes dinas-kesehatan --dry-run"
        ),
        "ganti.arg_old": "Kode lama, mis. dinkes, PB.02, SOP-DINKES-001, 1.02.02.2.01, dinkes/kadis, SOP-DINKES-001:petugas.",
        "ganti.arg_new": "Kode baru.",
        "ganti.opt_repo": "Folder repositori (bawaan: folder ini).",
        "ganti.opt_jenis": "Jenis kode bila kode lama bermakna ganda: {choices}.",
        "ganti.opt_dry_run": "Jangan menulis; tampilkan perubahannya sebagai diff.",
        "ganti.bad_jenis": "Jenis '{value}' tidak dikenal; pilih salah satu: {choices}.",
        "ganti.not_found": "Kode '{old}' tidak ditemukan di repositori ini.",
        "ganti.not_found_as": "Kode '{old}' bukan kode {jenis} di repositori ini.",
        "ganti.ambiguous": "Kode '{old}' bermakna ganda ({kinds}); pilih dengan --jenis.",
        "ganti.bad_new": "Kode baru '{new}' tidak berbentuk kode {jenis} yang sah.",
        "ganti.other_opd": "Unit/jabatan {old} hanya dapat diganti di OPD yang sama; pindah OPD belum didukung.",
        "ganti.same": "Kode baru sama dengan kode lama ({old}).",
        "ganti.exists": "Kode '{new}' sudah ada; tidak ada yang diubah.",
        "ganti.target_exists": "Berkas tujuan {path} sudah ada; tidak ada yang diubah.",
        "ganti.cannot_edit": (
            "{path}: rujukan tidak dapat diganti dengan aman (alias YAML atau nilai beberapa baris); "
            "tidak ada yang diubah. Ganti kode di berkas itu dengan tangan lalu ulangi."
        ),
        "ganti.planned": "Rencana: {jenis} {old} → {new}: {edits} rujukan di {files} berkas, {moves} berkas dipindah (belum ditulis).",
        "ganti.done": "{jenis} {old} → {new}: {edits} rujukan di {files} berkas diganti, {moves} berkas dipindah.",
        "ganti.also": "Ikut diganti: {codes}",
        "ganti.mention": "{path}:{line}: teks bebas menyebut {old}; periksa dan sesuaikan dengan tangan.",
        "ganti.findings": "Temuan probis validate: {before} sebelum, {after} sesudah.",
    },
    "en": {
        "init.help": (
            "Create a new Pemda repository that passes validate and render as is: probis.yaml, "
            "rpjmd.yaml, one EXAMPLE OPD/process/SOP, schemas/, .gitignore, a CI workflow and a "
            "pre-commit config. Never overwrites an existing file.\n\n"
            "Example: probis init kota-baru --nama \"Pemerintah Kota Baru\" --tingkat kota --periode 2025-2029"
        ),
        "init.arg_folder": "Folder of the new repository (default: this folder); created if missing.",
        "init.opt_nama": "Official name of the Pemda, e.g. \"Pemerintah Kota Baru\" (default: from the folder name).",
        "init.opt_tingkat": "provinsi, kabupaten or kota (default: from the folder name, e.g. kab-... = kabupaten).",
        "init.opt_periode": "RPJMD period YYYY-YYYY (default: 2025-2029).",
        "init.opt_ask": "Ask for name, level and period (default: when run in a terminal).",
        "init.ask_nama": "Name of the Pemda",
        "init.ask_tingkat": "Level ({choices})",
        "init.ask_periode": "RPJMD period",
        "init.bad_tingkat": "Unknown level '{value}'; choose provinsi, kabupaten or kota.",
        "init.bad_periode": "Period '{value}' must look like YYYY-YYYY, e.g. 2025-2029.",
        "init.not_a_folder": "{path} exists and is not a folder.",
        "init.exists": "Nothing written: these files already exist in {folder}: {files}. probis init never overwrites files.",
        "init.write_failed": "Could not write: {error}",
        "init.kept": "{path} exists; left as it is.",
        "init.done": "Repository of {nama} created in {folder} ({count} files).",
        "init.next": (
            "Next: cd {folder} && probis validate && probis render. "
            "Replace the files marked CONTOH (example) with your Pemda's own."
        ),
        "fmt.help": (
            "Lay documents out canonically: keys in the order of the official forms, two-space "
            "indentation, list items indented under their key. Comments, blank lines, quotes, "
            "BOM/CRLF and every value stay exactly as they are (checked by reading the result back; "
            "a file whose values would change is not written).\n\n"
            "Exit codes: 0 tidy/tidied, 1 --check found untidy files, 2 error.\n\n"
            "Example: probis fmt --check   (for CI and pre-commit)"
        ),
        "fmt.arg_paths": "Folders or files to format (default: the whole repository).",
        "fmt.opt_check": "Do not write; exit 1 when a file is not tidy (for CI and pre-commit).",
        "fmt.opt_diff": "Do not write; show the changes as a diff.",
        "fmt.skipped": "{path}: not formatted ({reason}); check it with probis validate.",
        "fmt.refused": "{path}: not written, because the result would change a value. Please report this to the probis maintainers.",
        "fmt.would_change": "not tidy: {path}",
        "fmt.check_summary": "{changed} of {total} files are not tidy.",
        "fmt.summary": "{changed} of {total} files formatted.",
        "ganti.help": (
            "Rename a code (OPD, unit, jabatan, outside party, process, SOP, kegiatan, SOP actor) and "
            "every reference to it across the repository, moving files and folders named after it. "
            "Only the codes' text changes: comments and layout stay. This is how an SOTK change is "
            "carried out in one reviewed commit.\n\n"
            "Units and jabatan are written opd/code, SOP actors SOP-CODE:code. Child process codes "
            "follow (PB.02.01 → PB.12.01).\n\n"
            "Example: probis ganti-kode dinkes dinas-kesehatan --dry-run"
        ),
        "ganti.arg_old": "Old code, e.g. dinkes, PB.02, SOP-DINKES-001, 1.02.02.2.01, dinkes/kadis, SOP-DINKES-001:petugas.",
        "ganti.arg_new": "New code.",
        "ganti.opt_repo": "Repository folder (default: this folder).",
        "ganti.opt_jenis": "Kind of code when the old code is ambiguous: {choices}.",
        "ganti.opt_dry_run": "Do not write; show the changes as a diff.",
        "ganti.bad_jenis": "Unknown kind '{value}'; choose one of: {choices}.",
        "ganti.not_found": "Code '{old}' is not found in this repository.",
        "ganti.not_found_as": "Code '{old}' is not a {jenis} code in this repository.",
        "ganti.ambiguous": "Code '{old}' is ambiguous ({kinds}); choose with --jenis.",
        "ganti.bad_new": "New code '{new}' is not a valid {jenis} code.",
        "ganti.other_opd": "Unit/jabatan {old} can only be renamed within its OPD; moving to another OPD is not supported yet.",
        "ganti.same": "The new code is the old one ({old}).",
        "ganti.exists": "Code '{new}' exists already; nothing changed.",
        "ganti.target_exists": "Target file {path} exists already; nothing changed.",
        "ganti.cannot_edit": (
            "{path}: a reference cannot be replaced safely (a YAML alias or a multi-line value); "
            "nothing changed. Rename the code in that file by hand and run again."
        ),
        "ganti.planned": "Plan: {jenis} {old} → {new}: {edits} references in {files} files, {moves} files moved (nothing written).",
        "ganti.done": "{jenis} {old} → {new}: {edits} references in {files} files renamed, {moves} files moved.",
        "ganti.also": "Renamed with it: {codes}",
        "ganti.mention": "{path}:{line}: free text mentions {old}; check and reword it by hand.",
        "ganti.findings": "probis validate findings: {before} before, {after} after.",
    },
}
