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
    },
}
