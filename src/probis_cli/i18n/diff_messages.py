"""Messages of ``probis diff``, ``probis codeowners`` and the review formats."""

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "cli.diff_help": (
            "Perbedaan makna dua keadaan repositori (revisi git): OPD, sasaran, program, kegiatan, proses, "
            "dan SOP yang ditambah, dihapus, diganti nama, dipindah, atau diubah, serta temuan yang "
            "dimunculkan dan diselesaikan oleh perubahan itu.\n\n"
            "BASE bawaan: merge-base dengan cabang utama; HEAD bawaan: folder kerja.\n\n"
            "Kode keluar: 0 tidak ada temuan baru setingkat --fail-on, 1 ada, 2 galat.\n\n"
            "Contoh: probis diff origin/main --format markdown --output komentar.md"
        ),
        "cli.diff_arg_base": "Revisi git keadaan lama (bawaan: merge-base dengan cabang utama).",
        "cli.diff_arg_head": "Revisi git keadaan baru (bawaan: folder kerja, termasuk perubahan yang belum di-commit).",
        "cli.diff_opt_path": "Folder repositori probis (bawaan: folder ini).",
        "cli.diff_opt_format": "Format laporan: {formats}.",
        "cli.diff_opt_fail_on": "Tingkat temuan BARU yang membuat kode keluar 1: error, peringatan, atau info.",
        "cli.codeowners_help": (
            "Menulis berkas CODEOWNERS: folder tiap OPD ditinjau tim OPD itu, probis.yaml dan rpjmd.yaml "
            "oleh Bagian Organisasi (nama tim dari pengaturan.review.tim di probis.yaml).\n\n"
            "Contoh: probis codeowners --output .github/CODEOWNERS"
        ),
        "cli.codeowners_opt_output": "Tulis ke berkas ini (bawaan: layar). Path relatif terhadap folder ini.",
        "cli.codeowners_written": "CODEOWNERS ditulis ke {path} ({count} baris).",
        "cli.codeowners_no_teams": (
            "Belum ada nama tim: isi pengaturan.review.tim di probis.yaml, mis. "
            "tim: {{bagian_organisasi: '@pemda/bagor', opd: {{dinkes: '@pemda/dinkes'}}}}."
        ),
        "diff.not_git": "{path} tidak berada di repositori git; probis diff membaca keadaan lama dari git.",
        "diff.git_missing": "Perintah git tidak ditemukan; pasang git terlebih dahulu.",
        "diff.bad_revision": "'{revision}' bukan revisi (commit) yang dikenal git.",
        "diff.no_default_base": (
            "Cabang utama tidak ditemukan (origin/HEAD, origin/main, main, master); sebutkan BASE, mis. probis diff origin/main."
        ),
        "diff.git_failed": "git gagal: {detail}",
        "diff.working_tree": "folder kerja",
        "diff.title": "probis diff: {base} → {head}",
        "diff.findings_new": "{count} temuan baru",
        "diff.findings_resolved": "{count} temuan selesai",
        "diff.no_new_findings": "Tidak ada temuan baru.",
        "diff.no_changes": "Tidak ada perubahan dokumen.",
        "diff.attention": "Perlu perhatian",
        "diff.changes": "Perubahan",
        "diff.section_new": "Temuan baru",
        "diff.section_resolved": "Temuan selesai",
        "diff.pemda_wide": "Pemda (probis.yaml, RPJMD)",
        "diff.renamed": "diganti nama: {before} → {after}",
        "diff.moved_from": "dipindah dari {kode}",
        "diff.file_moved": "berkas: {before} → {after}",
        "diff.count_changes": "{count} perubahan",
        "diff.kind.pemda": "Pemda",
        "diff.kind.rpjmd": "RPJMD",
        "diff.kind.sasaran": "sasaran",
        "diff.kind.program": "program",
        "diff.kind.opd": "OPD",
        "diff.kind.kegiatan": "kegiatan",
        "diff.kind.proses": "proses",
        "diff.kind.sop": "SOP",
        "diff.action.ditambah": "ditambah",
        "diff.action.dihapus": "dihapus",
        "diff.action.diubah": "diubah",
        "diff.action.dipindah": "dipindah",
        "diff.summary_kind": "jenis",
        "diff.summary_what": "perubahan",
        "diff.truncated": (
            "Komentar dipotong agar tidak melebihi {limit} karakter: {changes} perubahan dan {findings} temuan tidak "
            "ditampilkan ({chars} karakter). Laporan lengkap: `probis diff --format text`."
        ),
        "diff.hl.pemilik": "Pemilik berubah: {before} → {after}",
        "diff.hl.plan_link_lost": "Proses kehilangan keterkaitan dengan rencana (kegiatan sebelumnya: {before})",
        "diff.hl.kegiatan_claimed": "{opd} mengklaim kegiatan {kode} ({nama})",
        "diff.hl.kegiatan_released": "{opd} melepas kegiatan {kode} ({nama})",
        "diff.hl.step_added": "Langkah ditambah: {step}",
        "diff.hl.step_removed": "Langkah dihapus: {step}",
        "diff.hl.steps_reordered": "Urutan langkah berubah: {before} → {after}",
        "diff.hl.waktu": "Waktu mutu baku langkah {step}: {before} → {after}",
        "diff.hl.total_waktu": "Total waktu SOP: {before} → {after}",
        "diff.hl.unreadable": "Dokumen tidak dapat dibaca atau tidak valid setelah perubahan (lihat temuan baru)",
    },
    "en": {
        "cli.diff_help": (
            "What a change means, between two states of the repository (git revisions): OPD, sasaran, "
            "program, kegiatan, proses and SOP added, removed, renamed, moved or changed, and the findings "
            "the change introduces and resolves.\n\n"
            "Default BASE: the merge-base with the default branch; default HEAD: the working tree.\n\n"
            "Exit codes: 0 no new findings at --fail-on or above, 1 some, 2 error.\n\n"
            "Example: probis diff origin/main --format markdown --output comment.md"
        ),
        "cli.diff_arg_base": "Git revision of the old state (default: the merge-base with the default branch).",
        "cli.diff_arg_head": "Git revision of the new state (default: the working tree, uncommitted changes included).",
        "cli.diff_opt_path": "The probis repository folder (default: this folder).",
        "cli.diff_opt_format": "Report format: {formats}.",
        "cli.diff_opt_fail_on": "Severity of NEW findings that makes the exit code 1: error, warning or info.",
        "cli.codeowners_help": (
            "Write a CODEOWNERS file: each OPD's folders reviewed by that OPD's team, probis.yaml and "
            "rpjmd.yaml by Bagian Organisasi (team names from pengaturan.review.tim in probis.yaml).\n\n"
            "Example: probis codeowners --output .github/CODEOWNERS"
        ),
        "cli.codeowners_opt_output": "Write to this file (default: the screen). Relative to this folder.",
        "cli.codeowners_written": "CODEOWNERS written to {path} ({count} lines).",
        "cli.codeowners_no_teams": (
            "No team names yet: set pengaturan.review.tim in probis.yaml, e.g. "
            "tim: {{bagian_organisasi: '@pemda/bagor', opd: {{dinkes: '@pemda/dinkes'}}}}."
        ),
        "diff.not_git": "{path} is not inside a git repository; probis diff reads the old state from git.",
        "diff.git_missing": "The git command was not found; install git first.",
        "diff.bad_revision": "'{revision}' is not a revision (commit) git knows.",
        "diff.no_default_base": (
            "No default branch found (origin/HEAD, origin/main, main, master); name BASE, e.g. probis diff origin/main."
        ),
        "diff.git_failed": "git failed: {detail}",
        "diff.working_tree": "working tree",
        "diff.title": "probis diff: {base} → {head}",
        "diff.findings_new": "New findings: {count}",
        "diff.findings_resolved": "Resolved findings: {count}",
        "diff.no_new_findings": "No new findings.",
        "diff.no_changes": "No document changes.",
        "diff.attention": "Needs attention",
        "diff.changes": "Changes",
        "diff.section_new": "New findings",
        "diff.section_resolved": "Resolved findings",
        "diff.pemda_wide": "Pemda (probis.yaml, RPJMD)",
        "diff.renamed": "renamed: {before} → {after}",
        "diff.moved_from": "moved from {kode}",
        "diff.file_moved": "file: {before} → {after}",
        "diff.count_changes": "{count} changes",
        "diff.kind.pemda": "Pemda",
        "diff.kind.rpjmd": "RPJMD",
        "diff.kind.sasaran": "sasaran",
        "diff.kind.program": "program",
        "diff.kind.opd": "OPD",
        "diff.kind.kegiatan": "kegiatan",
        "diff.kind.proses": "proses",
        "diff.kind.sop": "SOP",
        "diff.action.ditambah": "added",
        "diff.action.dihapus": "removed",
        "diff.action.diubah": "changed",
        "diff.action.dipindah": "moved",
        "diff.summary_kind": "kind",
        "diff.summary_what": "changes",
        "diff.truncated": (
            "Comment shortened to stay under {limit} characters: {changes} changes and {findings} findings "
            "not shown ({chars} characters). Full report: `probis diff --format text`."
        ),
        "diff.hl.pemilik": "Owner (pemilik) changed: {before} → {after}",
        "diff.hl.plan_link_lost": "Process lost its link to the plan (kegiatan before: {before})",
        "diff.hl.kegiatan_claimed": "{opd} claims kegiatan {kode} ({nama})",
        "diff.hl.kegiatan_released": "{opd} releases kegiatan {kode} ({nama})",
        "diff.hl.step_added": "Step added: {step}",
        "diff.hl.step_removed": "Step removed: {step}",
        "diff.hl.steps_reordered": "Step order changed: {before} → {after}",
        "diff.hl.waktu": "Mutu baku time of step {step}: {before} → {after}",
        "diff.hl.total_waktu": "SOP total time: {before} → {after}",
        "diff.hl.unreadable": "The document cannot be read or is invalid after the change (see the new findings)",
    },
}
