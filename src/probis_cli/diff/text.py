"""``probis diff --format text``: summary first, then what needs attention, then changes by OPD."""

from __future__ import annotations

from probis_cli.diff._shared import (
    SYMBOL,
    change_headline,
    change_notes,
    codes_of,
    finding_line,
    group_title,
    groups,
    kind_summary,
    severity_counts,
    title,
)
from probis_cli.diff.model import DiffResult
from probis_cli.i18n import Lang, translate


def report(result: DiffResult, lang: Lang) -> str:
    """The diff as plain text (deterministic, no colour)."""
    t = translate
    out: list[str] = [title(result, lang), ""]
    if result.introduced:
        out.append(
            f"{t('diff.findings_new', lang, count=len(result.introduced))} "
            f"({severity_counts(result.introduced, lang)}): {codes_of(result.introduced)}"
        )
        out += [f"  {finding_line(f, lang)}" for f in result.introduced]
    else:
        out.append(t("diff.no_new_findings", lang))
    if result.resolved:
        out.append(f"{t('diff.findings_resolved', lang, count=len(result.resolved))}: {codes_of(result.resolved)}")
        out += [f"  {finding_line(f, lang)}" for f in result.resolved]
    out.append("")
    if not result.changes:
        out.append(t("diff.no_changes", lang))
        return "\n".join(out) + "\n"
    out.append(f"{t('diff.changes', lang)}:")
    for kind, summary in kind_summary(result.changes, lang):
        out.append(f"  {t('diff.kind.' + kind, lang)}: {summary}")
    highlights = result.highlights()
    if highlights:
        out += ["", f"{t('diff.attention', lang)}:"]
        for change, message in highlights:
            out.append(f"  ! {t('diff.kind.' + change.kind, lang)} {change.kode}: {message.text(lang)}")
    for opd, items in groups(result.changes):
        out += ["", f"{group_title(opd, result, lang)}"]
        for c in items:
            out.append(f"  {SYMBOL[c.action]} {change_headline(c, lang)}  [{c.path}]")
            for message in c.highlights:
                out.append(f"      ! {message.text(lang)}")
            for note in change_notes(c, lang):
                out.append(f"      {note}")
    return "\n".join(out) + "\n"
