"""Messages of the linter engine: configuration, suppressions, baseline, the ``probis rules`` command.

The messages of each rule live in its own module (``Rule.messages``); ``probis_cli.lint``
registers them with the catalogue (see :func:`probis_cli.i18n.register_messages`).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        # engine
        "lint.engine.rule_failed_doc": (
            "Aturan {code} ({rule}) gagal dijalankan pada dokumen ini: {error}. Ini kesalahan probis, bukan "
            "di berkas Anda; temuan aturan ini untuk dokumen lain dan temuan aturan lain tetap dilaporkan. "
            "Laporkan ke pengelola probis."
        ),
        "lint.engine.rule_failed": (
            "Aturan {code} ({rule}) gagal dijalankan: {error}. Ini kesalahan probis, bukan di berkas Anda; "
            "temuan aturan lain tetap dilaporkan. Laporkan ke pengelola probis."
        ),
        # configuration (P003)
        "lint.config.unknown_code": "Kode atau nama aturan '{value}' di pengaturan.lint.{field} tidak dikenal.",
        "lint.config.unknown_code_hint": "Kode atau nama aturan '{value}' di pengaturan.lint.{field} tidak dikenal. Maksud Anda '{hint}'?",
        "lint.config.fixed_code": "Tingkat {code} tidak dapat diubah atau dimatikan (temuan tentang konfigurasi/penekanan).",
        "lint.config.not_a_rule": "{code} bukan aturan linter dan tidak punya opsi; hanya 'tingkat' yang dapat diatur.",
        "lint.config.unknown_option": "Opsi '{option}' tidak dikenal untuk aturan {code}. Opsi yang ada: {allowed}.",
        "lint.config.unknown_option_hint": "Opsi '{option}' tidak dikenal untuk aturan {code}. Maksud Anda '{hint}'?",
        "lint.config.option_type": "Opsi '{option}' aturan {code}: '{value}' harus berupa {expected}.",
        "lint.config.option_invalid": "Opsi '{option}' aturan {code} tidak valid: {detail}",
        # suppressions (P001, P002)
        "lint.supp.unused": "Penekanan {directive}[{code}] tidak terpakai: tidak ada temuan {code} yang diabaikannya. Hapus penekanan ini.",
        "lint.supp.no_codes": "Penekanan '{directive}' harus menyebut kode, mis. '# probis: {directive}[T001]'.",
        "lint.supp.empty_code": "Penekanan '{directive}' berisi kode kosong (koma berlebih?).",
        "lint.supp.unknown_code": "Kode '{value}' pada penekanan tidak dikenal.",
        "lint.supp.unknown_code_hint": "Kode '{value}' pada penekanan tidak dikenal. Maksud Anda '{hint}'?",
        "lint.supp.unsuppressible": "{code} tidak dapat diabaikan; perbaiki komentar penekanannya.",
        "lint.supp.unknown_directive": "Perintah penekanan '{value}' tidak dikenal. Maksud Anda '{hint}'?",
        "lint.supp.syntax": "Penekanan '{directive}' tidak dapat dibaca; bentuknya '# probis: {directive}[KODE,KODE]'.",
        "lint.supp.own_line": (
            "'{directive}[{codes}]' di baris tersendiri tidak mengenai apa pun; pakai "
            "'abaikan-baris-berikut[{codes}]' untuk baris sesudahnya."
        ),
        "lint.supp.next_none": "'{directive}[{code}]' tidak diikuti baris berisi.",
        "lint.supp.unclosed": "'{directive}[{code}]' tidak ditutup dengan 'abaikan-selesai[{code}]'.",
        "lint.supp.unopened": "'{directive}[{code}]' tanpa 'abaikan-mulai[{code}]' sebelumnya.",
        "lint.supp.nested": "'abaikan-mulai[{code}]' sudah dibuka di baris {first}.",
        # baseline (P004)
        "lint.baseline.not_json": "Berkas baseline bukan JSON yang valid ({detail}). Buat ulang dengan 'probis validate --buat-baseline'.",
        "lint.baseline.bad_shape": "Berkas baseline tidak berbentuk baseline probis. Buat ulang dengan 'probis validate --buat-baseline'.",
        "lint.baseline.version": "Versi baseline {value} tidak didukung (versi ini: {supported}). Buat ulang dengan 'probis validate --buat-baseline'.",
        "lint.baseline.unreadable": "Berkas baseline tidak dapat dibaca: {detail}",
        "lint.baseline.missing": "Berkas baseline {path} tidak ditemukan.",
        # `probis rules`
        "rules.help": (
            "Menampilkan aturan linter: kode, nama, tingkat bawaan, dan ringkasannya. "
            "Dengan KODE (atau nama aturan): penjelasan lengkap, opsi, serta contoh buruk dan baik.\n\n"
            "Contoh: probis rules K005"
        ),
        "rules.arg_rule": "Kode atau nama aturan yang dijelaskan, mis. K005 atau kegiatan-tanpa-proses.",
        "rules.opt_format": "Format keluaran: text atau json.",
        "rules.unknown": "Aturan '{value}' tidak dikenal. Jalankan 'probis rules' untuk melihat daftarnya.",
        "rules.unknown_hint": "Aturan '{value}' tidak dikenal. Maksud Anda '{hint}'?",
        "rules.bad_format": "Format '{value}' tidak dikenal; pilih text atau json.",
        "rules.title": "Aturan linter probis",
        "rules.col_code": "Kode",
        "rules.col_name": "Nama",
        "rules.col_severity": "Tingkat",
        "rules.col_summary": "Ringkasan",
        "rules.col_option": "Opsi",
        "rules.col_type": "Tipe",
        "rules.col_default": "Bawaan",
        "rules.col_description": "Keterangan",
        "rules.severity": "Tingkat bawaan",
        "rules.why": "Mengapa",
        "rules.fix": "Perbaikan",
        "rules.options": "Opsi (pengaturan.lint.aturan.{code}.opsi di probis.yaml)",
        "rules.no_options": "Aturan ini tidak memiliki opsi.",
        "rules.bad": "Contoh buruk (aturan ini melapor)",
        "rules.good": "Contoh baik",
        "rules.good_same": "(Hanya berkas yang berubah ditampilkan; sama dengan contoh buruk: {files})",
        "rules.good_removed": "(Dihapus dari contoh buruk: {files})",
        "rules.footer": (
            "Atur tingkat atau matikan aturan di probis.yaml: pengaturan.lint.aturan.KODE.tingkat "
            "(error | peringatan | info | mati). Abaikan satu temuan dengan komentar "
            "'# probis: abaikan[KODE]'. Penjelasan: probis rules KODE."
        ),
        # `probis validate` baseline options
        "cli.opt_write_baseline": "Tulis semua temuan saat ini ke berkas baseline, lalu keluar; temuan itu tidak dilaporkan lagi.",
        "cli.opt_baseline": "Berkas baseline (bawaan: pengaturan.lint.baseline, atau .probis-baseline.json di akar repositori).",
        "cli.opt_no_baseline": "Abaikan baseline: laporkan semua temuan.",
        "cli.baseline_written": "Baseline ditulis ke {path}: {count} temuan di {files} berkas.",
        "cli.baseline_kept": "{count} temuan di luar path yang diperiksa dipertahankan dari baseline lama.",
    },
    "en": {
        "lint.engine.rule_failed_doc": (
            "Rule {code} ({rule}) failed on this document: {error}. This is a bug in probis, not in your "
            "files; this rule's findings on other documents and the other rules' findings are still reported. "
            "Please report it to the probis maintainers."
        ),
        "lint.engine.rule_failed": (
            "Rule {code} ({rule}) failed: {error}. This is a bug in probis, not in your files; the other "
            "rules' findings are still reported. Please report it to the probis maintainers."
        ),
        "lint.config.unknown_code": "Unknown code or rule name '{value}' in pengaturan.lint.{field}.",
        "lint.config.unknown_code_hint": "Unknown code or rule name '{value}' in pengaturan.lint.{field}. Did you mean '{hint}'?",
        "lint.config.fixed_code": "The severity of {code} cannot be changed or switched off (findings about configuration/suppressions).",
        "lint.config.not_a_rule": "{code} is not a lint rule and has no options; only 'tingkat' can be set.",
        "lint.config.unknown_option": "Unknown option '{option}' for rule {code}. Available options: {allowed}.",
        "lint.config.unknown_option_hint": "Unknown option '{option}' for rule {code}. Did you mean '{hint}'?",
        "lint.config.option_type": "Option '{option}' of rule {code}: '{value}' must be {expected}.",
        "lint.config.option_invalid": "Option '{option}' of rule {code} is invalid: {detail}",
        "lint.supp.unused": "Unused suppression {directive}[{code}]: there is no {code} finding for it to ignore. Remove it.",
        "lint.supp.no_codes": "Suppression '{directive}' must name codes, e.g. '# probis: {directive}[T001]'.",
        "lint.supp.empty_code": "Suppression '{directive}' has an empty code (extra comma?).",
        "lint.supp.unknown_code": "Unknown code '{value}' in a suppression.",
        "lint.supp.unknown_code_hint": "Unknown code '{value}' in a suppression. Did you mean '{hint}'?",
        "lint.supp.unsuppressible": "{code} cannot be ignored; fix the suppression comment instead.",
        "lint.supp.unknown_directive": "Unknown suppression directive '{value}'. Did you mean '{hint}'?",
        "lint.supp.syntax": "Cannot read suppression '{directive}'; the form is '# probis: {directive}[CODE,CODE]'.",
        "lint.supp.own_line": (
            "'{directive}[{codes}]' on a line of its own applies to nothing; use "
            "'abaikan-baris-berikut[{codes}]' (ignore-next-line) for the line after it."
        ),
        "lint.supp.next_none": "'{directive}[{code}]' is not followed by a line with content.",
        "lint.supp.unclosed": "'{directive}[{code}]' is never closed with 'abaikan-selesai[{code}]' (ignore-end).",
        "lint.supp.unopened": "'{directive}[{code}]' without a preceding 'abaikan-mulai[{code}]' (ignore-start).",
        "lint.supp.nested": "'abaikan-mulai[{code}]' is already open since line {first}.",
        "lint.baseline.not_json": "The baseline file is not valid JSON ({detail}). Recreate it with 'probis validate --write-baseline'.",
        "lint.baseline.bad_shape": "The baseline file is not a probis baseline. Recreate it with 'probis validate --write-baseline'.",
        "lint.baseline.version": "Baseline version {value} is not supported (this version: {supported}). Recreate it with 'probis validate --write-baseline'.",
        "lint.baseline.unreadable": "The baseline file cannot be read: {detail}",
        "lint.baseline.missing": "Baseline file {path} not found.",
        "rules.help": (
            "List the lint rules: code, name, default severity and summary. "
            "With a CODE (or rule name): the full explanation, options, and bad and good examples.\n\n"
            "Example: probis rules K005"
        ),
        "rules.arg_rule": "Code or name of the rule to explain, e.g. K005 or kegiatan-tanpa-proses.",
        "rules.opt_format": "Output format: text or json.",
        "rules.unknown": "Unknown rule '{value}'. Run 'probis rules' to see the list.",
        "rules.unknown_hint": "Unknown rule '{value}'. Did you mean '{hint}'?",
        "rules.bad_format": "Unknown format '{value}'; choose text or json.",
        "rules.title": "probis lint rules",
        "rules.col_code": "Code",
        "rules.col_name": "Name",
        "rules.col_severity": "Severity",
        "rules.col_summary": "Summary",
        "rules.col_option": "Option",
        "rules.col_type": "Type",
        "rules.col_default": "Default",
        "rules.col_description": "Description",
        "rules.severity": "Default severity",
        "rules.why": "Why",
        "rules.fix": "Fix",
        "rules.options": "Options (pengaturan.lint.aturan.{code}.opsi in probis.yaml)",
        "rules.no_options": "This rule has no options.",
        "rules.bad": "Bad example (the rule reports it)",
        "rules.good": "Good example",
        "rules.good_same": "(Only changed files are shown; the same as in the bad example: {files})",
        "rules.good_removed": "(Removed from the bad example: {files})",
        "rules.footer": (
            "Set the severity or switch a rule off in probis.yaml: pengaturan.lint.aturan.CODE.tingkat "
            "(error | peringatan | info | mati). Ignore one finding with a comment "
            "'# probis: abaikan[CODE]'. Details: probis rules CODE."
        ),
        "cli.opt_write_baseline": "Write all current findings to the baseline file and exit; they are not reported again.",
        "cli.opt_baseline": "Baseline file (default: pengaturan.lint.baseline, or .probis-baseline.json at the repository root).",
        "cli.opt_no_baseline": "Ignore the baseline: report every finding.",
        "cli.baseline_written": "Baseline written to {path}: {count} findings in {files} files.",
        "cli.baseline_kept": "{count} findings outside the checked paths were kept from the old baseline.",
    },
}
