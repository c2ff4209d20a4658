"""Messages of the commands that create and change a repository: init, baru, fmt, ganti-kode, laporan."""

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "init.help": (
            "Membuat repositori Pemda baru yang langsung lolos validate dan render: probis.yaml, "
            "rpjmd.yaml, satu CONTOH OPD/proses/SOP, schemas/, .gitignore, alur CI, dan pre-commit. "
            "Tidak menimpa berkas yang sudah ada.\n\n"
            'Contoh: probis init kota-baru --nama "Pemerintah Kota Baru" --tingkat kota --periode 2025-2029'
        ),
        "init.arg_folder": "Folder repositori baru (bawaan: folder ini); dibuat bila belum ada.",
        "init.opt_nama": 'Nama resmi Pemda, mis. "Pemerintah Kota Baru" (bawaan: dari nama folder).',
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
        "fmt.unreadable": "{path}: tidak dapat dibaca (bukan UTF-8, terlalu besar, atau di luar repositori); periksa dengan probis validate.",
        "fmt.refused": "{path}: tidak ditulis, karena hasilnya akan mengubah nilai. Laporkan ke pengelola probis.",
        "fmt.would_change": "belum rapi: {path}",
        "fmt.check_summary": "{changed} dari {total} berkas belum rapi.",
        "fmt.check_clean": "Semua {total} berkas sudah rapi.",
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
        "baru.help": (
            "Membuat dokumen atau isian baru dengan kode berikutnya yang masih kosong, di folder yang "
            "tepat, dengan rujukan terisi; lalu memeriksanya.\n\n"
            'Contoh: probis baru proses --pemilik dinkes/bid-p2p --induk PB.02.01 --nama "Pelayanan Imunisasi Lanjutan"'
        ),
        "baru.opd_help": 'OPD baru: opd/KODE.yaml. Contoh: probis baru opd dinsos --nama "Dinas Sosial" --urusan 1.06',
        "baru.proses_help": (
            "Proses bisnis baru: kode berikutnya di bawah --induk (PB.02.01 → PB.02.01.03) atau di level 1 "
            "menurut pola kode repositori (PB.07, PB.DINKES.03), berkas di folder proses OPD pemiliknya."
        ),
        "baru.sop_help": (
            "SOP AP baru untuk proses level terendah: kode berikutnya OPD itu (SOP-DINKES-005), langkah "
            "disusun dari aktivitas peta lintas fungsi, dan kodenya ditambahkan ke daftar sop proses."
        ),
        "baru.kegiatan_help": (
            "Kegiatan atau sub kegiatan Renstra baru di dokumen OPD. Dengan --induk KEGIATAN dan tanpa KODE: "
            "sub kegiatan berikutnya (….0003); dengan --induk PROGRAM: kegiatan berikutnya."
        ),
        "baru.arg_opd_kode": "Kode OPD baru (huruf kecil, tanpa spasi), mis. dinsos.",
        "baru.arg_kegiatan_kode": "Kode kegiatan X.XX.XX.X.XX atau sub kegiatan X.XX.XX.X.XX.XXXX (boleh kosong dengan --induk).",
        "baru.opt_nama": "Nama.",
        "baru.opt_nama_sop": "Nama SOP (bawaan: nama prosesnya).",
        "baru.opt_singkatan": "Singkatan, mis. Dinsos.",
        "baru.opt_urusan": "Bidang urusan yang diampu, mis. 1.06 (pisahkan dengan koma).",
        "baru.opt_pemilik": "Pemilik proses: opd atau opd/unit.",
        "baru.opt_induk": "Kode proses induk (bawaan: proses level 1).",
        "baru.opt_kategori": "inti, pendukung, atau manajemen (bawaan: kategori induknya, atau inti).",
        "baru.opt_kode": "Kode yang dipakai, bukan kode berikutnya yang dihitung.",
        "baru.opt_kegiatan": "Kegiatan/sub kegiatan Renstra yang dilaksanakan (pisahkan dengan koma).",
        "baru.opt_proses": "Kode proses yang dijabarkan SOP ini.",
        "baru.opt_opd": "Kode OPD yang Renstra-nya memuat kegiatan ini.",
        "baru.opt_induk_kegiatan": "Kegiatan induk (untuk sub kegiatan) atau program (untuk kegiatan).",
        "baru.opt_dry_run": "Jangan menulis; tampilkan berkas baru dan perubahannya.",
        "baru.planned": "Rencana: {jenis} {kode} di {files} (belum ditulis).",
        "baru.done": "{jenis} {kode} dibuat: {files}",
        "baru.clean": "Diperiksa: tidak ada temuan pada berkas itu.",
        "baru.bad_code": "Kode '{kode}' tidak sah: huruf/angka tanpa spasi (boleh . _ -).",
        "baru.exists": "Kode {kode} sudah ada.",
        "baru.file_exists": "Berkas {path} sudah ada; tidak ada yang ditulis.",
        "baru.bad_urusan": "Kode bidang urusan '{kode}' harus berbentuk X.XX, mis. 1.02.",
        "baru.unknown_pemilik": "Pemilik '{ref}' bukan OPD atau unit OPD di repositori ini.",
        "baru.unknown_induk": "Proses induk {kode} tidak ada.",
        "baru.unknown_proses": "Proses {kode} tidak ada.",
        "baru.unknown_opd": "OPD {kode} tidak ada.",
        "baru.bad_kegiatan": "'{kode}' bukan kode kegiatan (X.XX.XX.X.XX), sub kegiatan (X.XX.XX.X.XX.XXXX), atau program induk yang sah.",
        "baru.bad_kategori": "Kategori '{kategori}' tidak dikenal; pilih inti, pendukung, atau manajemen.",
        "baru.need_code": "Sebutkan KODE, atau --induk agar kode berikutnya dihitung.",
        "baru.no_parent_kegiatan": "Sub kegiatan {kode} memerlukan kegiatan {induk} di Renstra {opd}; buat dulu kegiatannya.",
        "baru.cannot_edit": "{path} tidak dapat disunting dengan aman (YAML rusak, beberapa dokumen, atau bentuk tak terduga).",
        "laporan.help": (
            "Kemajuan peta proses bisnis per OPD dan untuk Pemda: kegiatan Renstra yang sudah dilaksanakan "
            "proses, proses level terendah yang sudah ber-SOP, SOP yang mutu bakunya terukur, temuan terbuka "
            "per kelompok, dan tanggal perubahan terakhir (dari git). Untuk desk review dengan OPD dan "
            "penilaian mandiri reformasi birokrasi.\n\n"
            "Contoh: probis laporan --format markdown --output laporan.md"
        ),
        "laporan.arg_path": "Folder repositori (bawaan: folder ini).",
        "laporan.opt_format": "Format: tabel (layar), markdown, csv, json, svg, png (grafik batang).",
        "laporan.opt_output": "Tulis ke berkas ini (wajib untuk png).",
        "laporan.opt_git": "Ambil tanggal perubahan terakhir dari git (bawaan: ya, bila repositori git).",
        "laporan.bad_format": "Format '{value}' tidak dikenal; pilih salah satu: {formats}.",
        "laporan.png_needs_output": "Format png memerlukan --output BERKAS.png.",
        "laporan.written": "Laporan ditulis ke {path}.",
        "laporan.title": "Kemajuan Peta Proses Bisnis dan SOP — {nama}",
        "laporan.legend": (
            "Kegiatan: kegiatan Renstra (tanpa kegiatan standar program penunjang) yang sudah dilaksanakan proses. "
            "Proses: proses level terendah yang sudah memiliki SOP. SOP: SOP yang mutu bakunya terukur (waktu dan "
            "output setiap langkah). Temuan: temuan terbuka probis validate — T tumpang tindih, K keterkaitan, "
            "M mutu baku, lain (skema, rujukan, pembacaan)."
        ),
        "laporan.total": "{nama} (seluruh Pemda)",
        "laporan.total_short": "Seluruh Pemda",
        "laporan.col_opd": "Perangkat Daerah",
        "laporan.col_kegiatan": "Kegiatan dilaksanakan",
        "laporan.col_proses": "Proses terendah ber-SOP",
        "laporan.col_sop": "SOP terukur",
        "laporan.col_temuan": "Temuan terbuka",
        "laporan.col_perubahan": "Perubahan terakhir",
        "laporan.series_kegiatan": "Kegiatan dilaksanakan proses",
        "laporan.series_proses": "Proses terendah ber-SOP",
        "laporan.series_sop": "SOP terukur",
    },
    "en": {
        "init.help": (
            "Create a new Pemda repository that passes validate and render as is: probis.yaml, "
            "rpjmd.yaml, one EXAMPLE OPD/process/SOP, schemas/, .gitignore, a CI workflow and a "
            "pre-commit config. Never overwrites an existing file.\n\n"
            'Example: probis init kota-baru --nama "Pemerintah Kota Baru" --tingkat kota --periode 2025-2029'
        ),
        "init.arg_folder": "Folder of the new repository (default: this folder); created if missing.",
        "init.opt_nama": 'Official name of the Pemda, e.g. "Pemerintah Kota Baru" (default: from the folder name).',
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
        "fmt.unreadable": "{path}: cannot be read (not UTF-8, too large, or outside the repository); check it with probis validate.",
        "fmt.refused": "{path}: not written, because the result would change a value. Please report this to the probis maintainers.",
        "fmt.would_change": "not tidy: {path}",
        "fmt.check_summary": "{changed} of {total} files are not tidy.",
        "fmt.check_clean": "All {total} files are tidy.",
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
        "baru.help": (
            "Create a new document or entry with the next free code, in the right folder, links filled "
            "in; then check it.\n\n"
            'Example: probis baru proses --pemilik dinkes/bid-p2p --induk PB.02.01 --nama "Pelayanan Imunisasi Lanjutan"'
        ),
        "baru.opd_help": 'New OPD: opd/CODE.yaml. Example: probis baru opd dinsos --nama "Dinas Sosial" --urusan 1.06',
        "baru.proses_help": (
            "New business process: the next code under --induk (PB.02.01 → PB.02.01.03) or at level 1 "
            "following the repository's code pattern (PB.07, PB.DINKES.03), the file in its owner's process folder."
        ),
        "baru.sop_help": (
            "New SOP AP for a lowest-level process: that OPD's next code (SOP-DINKES-005), steps drafted "
            "from the cross-functional map's activities, and its code added to the process's sop list."
        ),
        "baru.kegiatan_help": (
            "New Renstra kegiatan or sub kegiatan in the OPD document. With --induk KEGIATAN and no CODE: "
            "the next sub kegiatan (….0003); with --induk PROGRAM: the next kegiatan."
        ),
        "baru.arg_opd_kode": "Code of the new OPD (lower case, no spaces), e.g. dinsos.",
        "baru.arg_kegiatan_kode": "Kegiatan code X.XX.XX.X.XX or sub kegiatan X.XX.XX.X.XX.XXXX (may be left out with --induk).",
        "baru.opt_nama": "Name.",
        "baru.opt_nama_sop": "Name of the SOP (default: its process's name).",
        "baru.opt_singkatan": "Short name, e.g. Dinsos.",
        "baru.opt_urusan": "Bidang urusan held, e.g. 1.06 (comma-separated).",
        "baru.opt_pemilik": "Process owner: opd or opd/unit.",
        "baru.opt_induk": "Code of the parent process (default: a level-1 process).",
        "baru.opt_kategori": "inti, pendukung or manajemen (default: the parent's, or inti).",
        "baru.opt_kode": "Code to use instead of the computed next one.",
        "baru.opt_kegiatan": "Renstra kegiatan/sub kegiatan carried out (comma-separated).",
        "baru.opt_proses": "Code of the process this SOP details.",
        "baru.opt_opd": "Code of the OPD whose Renstra holds this kegiatan.",
        "baru.opt_induk_kegiatan": "Parent kegiatan (for a sub kegiatan) or program (for a kegiatan).",
        "baru.opt_dry_run": "Do not write; show the new files and changes.",
        "baru.planned": "Plan: {jenis} {kode} in {files} (nothing written).",
        "baru.done": "{jenis} {kode} created: {files}",
        "baru.clean": "Checked: no findings in that file.",
        "baru.bad_code": "Code '{kode}' is not valid: letters/digits without spaces (. _ - allowed).",
        "baru.exists": "Code {kode} exists already.",
        "baru.file_exists": "File {path} exists already; nothing written.",
        "baru.bad_urusan": "Bidang urusan code '{kode}' must look like X.XX, e.g. 1.02.",
        "baru.unknown_pemilik": "Owner '{ref}' is not an OPD or OPD unit of this repository.",
        "baru.unknown_induk": "Parent process {kode} does not exist.",
        "baru.unknown_proses": "Process {kode} does not exist.",
        "baru.unknown_opd": "OPD {kode} does not exist.",
        "baru.bad_kegiatan": "'{kode}' is not a valid kegiatan (X.XX.XX.X.XX), sub kegiatan (X.XX.XX.X.XX.XXXX) or parent program code.",
        "baru.bad_kategori": "Unknown category '{kategori}'; choose inti, pendukung or manajemen.",
        "baru.need_code": "Give a CODE, or --induk to have the next code computed.",
        "baru.no_parent_kegiatan": "Sub kegiatan {kode} needs kegiatan {induk} in the Renstra of {opd}; create that kegiatan first.",
        "baru.cannot_edit": "{path} cannot be edited safely (broken YAML, several documents, or an unexpected shape).",
        "laporan.help": (
            "Progress of the process map per OPD and for the Pemda: Renstra kegiatan carried out by a "
            "process, lowest-level processes with an SOP, SOPs with measurable standards, open findings by "
            "family, and the last change date (from git). For the desk review with each OPD and the "
            "reform self-assessment.\n\n"
            "Example: probis laporan --format markdown --output laporan.md"
        ),
        "laporan.arg_path": "Repository folder (default: this folder).",
        "laporan.opt_format": "Format: tabel (terminal), markdown, csv, json, svg, png (bar chart).",
        "laporan.opt_output": "Write to this file (required for png).",
        "laporan.opt_git": "Take the last change date from git (default: yes, in a git repository).",
        "laporan.bad_format": "Unknown format '{value}'; choose one of: {formats}.",
        "laporan.png_needs_output": "The png format needs --output FILE.png.",
        "laporan.written": "Report written to {path}.",
        "laporan.title": "Progress of the Business Process Map and SOPs — {nama}",
        "laporan.legend": (
            "Kegiatan: Renstra kegiatan (standard program penunjang kegiatan excluded) carried out by a process. "
            "Processes: lowest-level processes that have an SOP. SOPs: SOPs whose standards are measurable (time "
            "and output of every step). Findings: open probis validate findings — T overlap, K links, "
            "M SOP standards, other (schema, references, reading)."
        ),
        "laporan.total": "{nama} (whole Pemda)",
        "laporan.total_short": "Whole Pemda",
        "laporan.col_opd": "OPD",
        "laporan.col_kegiatan": "Kegiatan carried out",
        "laporan.col_proses": "Lowest-level processes with SOP",
        "laporan.col_sop": "Measurable SOPs",
        "laporan.col_temuan": "Open findings",
        "laporan.col_perubahan": "Last change",
        "laporan.series_kegiatan": "Kegiatan carried out by a process",
        "laporan.series_proses": "Lowest-level processes with an SOP",
        "laporan.series_sop": "Measurable SOPs",
    },
}
