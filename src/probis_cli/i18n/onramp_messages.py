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
    },
}
