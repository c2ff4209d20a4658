"""``probis diff --format json``: the diff for scripts. Stable shape (``probis_diff: 1``)::

    {
      "probis_diff": 1,
      "base": {"label": "origin/main", "commit": "<sha>"},
      "head": {"label": "", "commit": null},          # null: the working tree
      "summary": {"introduced": {"error": 1, "peringatan": 0, "info": 0}, "resolved": 2,
                  "changes": {"proses": {"ditambah": 1, "diubah": 2}}},
      "introduced": [FINDING], "resolved": [FINDING],
      "changes": [
        {"kind": "proses", "action": "diubah", "kode": "PB.02.01", "nama": "...",
         "opd": "dinkes", "path": "proses/dinkes/PB.02.01.yaml",
         "kode_lama": null, "nama_lama": "...", "path_lama": null,
         "fields": [{"field": "pemilik", "before": "dinkes/a", "after": "dinkes/b"}],
         "highlights": [{"id": "diff.hl.pemilik", "text": "..."}]}
      ]
    }

FINDING is ``{"code", "name", "severity", "path", "line", "column", "message", "fingerprint"}``;
introduced findings are located in HEAD, resolved ones in BASE. ``kind`` is one of pemda,
rpjmd, sasaran, program, opd, kegiatan, proses, sop; ``action`` one of ditambah, dihapus,
diubah, dipindah (kode changed, content the same). Texts are in the chosen language; ids,
kinds, actions and severities are not translated.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from probis_cli.diff.model import ACTIONS, KINDS, Change, DiffResult
from probis_cli.findings import Finding, Severity
from probis_cli.i18n import Lang
from probis_cli.lint.baseline import fingerprint_hash

DIFF_FORMAT_VERSION = 1


def _finding(f: Finding, lang: Lang) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "path": f.location.path,
        "line": f.location.line,
        "column": f.location.column,
        "message": f.text(lang),
        "fingerprint": fingerprint_hash(f),
    }


def _change(c: Change, lang: Lang) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "action": c.action,
        "kode": c.kode,
        "nama": c.nama,
        "opd": c.opd,
        "path": c.path,
        "kode_lama": c.kode_lama,
        "nama_lama": c.nama_lama,
        "path_lama": c.path_lama,
        "fields": [{"field": f.field, "before": f.before, "after": f.after} for f in c.fields],
        "highlights": [{"id": m.id, "text": m.text(lang)} for m in c.highlights],
    }


def document(result: DiffResult, lang: Lang) -> dict[str, Any]:
    """The JSON-ready dict."""
    severities = Counter(f.severity for f in result.introduced)
    changes: dict[str, dict[str, int]] = {}
    for kind in KINDS:
        counts = Counter(c.action for c in result.changes if c.kind == kind)
        if counts:
            changes[kind] = {a: counts[a] for a in ACTIONS if counts[a]}
    return {
        "probis_diff": DIFF_FORMAT_VERSION,
        "base": {"label": result.base.label, "commit": result.base.commit},
        "head": {"label": result.head.label, "commit": result.head.commit},
        "summary": {
            "introduced": {s.label: severities[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
            "resolved": len(result.resolved),
            "changes": changes,
        },
        "introduced": [_finding(f, lang) for f in result.introduced],
        "resolved": [_finding(f, lang) for f in result.resolved],
        "changes": [_change(c, lang) for c in result.changes],
    }


def report(result: DiffResult, lang: Lang) -> str:
    """The diff as JSON text."""
    return json.dumps(document(result, lang), ensure_ascii=False, indent=2) + "\n"
