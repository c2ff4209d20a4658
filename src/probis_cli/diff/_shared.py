"""What the diff formats share: labels, groups, counts."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from probis_cli.diff.model import ACTIONS, KINDS, Change, DiffResult, Kind, State
from probis_cli.findings import Finding, Severity
from probis_cli.i18n import Lang, translate


def state_label(state: State, lang: Lang) -> str:
    """``origin/main (1a2b3c4)`` or ``folder kerja``."""
    if state.commit is None:
        return translate("diff.working_tree", lang)
    short = state.commit[:7]
    return f"{state.label} ({short})" if state.label and state.label != state.commit else short


def title(result: DiffResult, lang: Lang) -> str:
    """The report's first line."""
    return translate("diff.title", lang, base=state_label(result.base, lang), head=state_label(result.head, lang))


def severity_counts(findings: list[Finding], lang: Lang) -> str:
    """``1 error, 2 peringatan``."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(f"{counts[s]} {s.text(lang)}" for s in sorted(counts, reverse=True))


def codes_of(findings: list[Finding]) -> str:
    """``T001, K004`` (distinct, in order)."""
    seen: list[str] = []
    for f in findings:
        if f.code not in seen:
            seen.append(f.code)
    return ", ".join(seen)


def kind_summary(changes: list[Change], lang: Lang) -> list[tuple[Kind, str]]:
    """Per kind with changes: ``1 ditambah, 2 diubah``."""
    out: list[tuple[Kind, str]] = []
    for kind in KINDS:
        counts = Counter(c.action for c in changes if c.kind == kind)
        if counts:
            out.append(
                (kind, ", ".join(f"{counts[a]} {translate('diff.action.' + a, lang)}" for a in ACTIONS if counts[a]))
            )
    return out


def group_title(opd: str, result: DiffResult, lang: Lang) -> str:
    """``Dinkes (dinkes)`` or the Pemda-wide group's name."""
    if not opd:
        return translate("diff.pemda_wide", lang)
    name = result.opd_names.get(opd)
    return f"{name} ({opd})" if name and name != opd else opd


def groups(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """Changes by OPD (Pemda-wide first), in report order."""
    return [(opd, list(items)) for opd, items in groupby(changes, key=lambda c: c.opd)]


def finding_line(f: Finding, lang: Lang) -> str:
    """``opd/x.yaml:4:3  error  T001  message  [kegiatan-ganda]``."""
    return f"{f.location}  {f.severity.text(lang).upper()}  {f.code}  {' '.join(f.text(lang).split())}  [{f.name}]"


def change_headline(c: Change, lang: Lang) -> str:
    """``proses PB.02.01 Pelayanan Imunisasi``."""
    return f"{translate('diff.kind.' + c.kind, lang)} {c.kode} {c.nama}".strip()


def change_notes(c: Change, lang: Lang) -> list[str]:
    """The lines below a change's headline: rename, move, fields (highlights separately)."""
    notes: list[str] = []
    if c.kode_lama is not None:
        notes.append(translate("diff.moved_from", lang, kode=c.kode_lama))
    if c.nama_lama is not None:
        notes.append(translate("diff.renamed", lang, before=c.nama_lama, after=c.nama))
    if c.path_lama is not None:
        notes.append(translate("diff.file_moved", lang, before=c.path_lama, after=c.path))
    for fc in c.fields:
        notes.append(
            f"{fc.field}: {fc.before if fc.before is not None else '—'} → {fc.after if fc.after is not None else '—'}"
        )
    return notes


SYMBOL = {"ditambah": "+", "dihapus": "-", "diubah": "~", "dipindah": ">"}
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
