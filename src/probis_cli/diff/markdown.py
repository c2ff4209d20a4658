"""``probis diff --format markdown``: a pull/merge request comment.

Summary table first, then the new findings and what needs attention, then one ``<details>``
block per OPD. Never longer than :data:`LIMIT` characters (GitHub refuses comments over
65,536): what does not fit is left out, and the comment says how much. The first line is a
hidden marker (:data:`MARKER`) by which CI finds its earlier comment and updates it.

Repository text (names, values) is escaped: it cannot open HTML, start Markdown syntax,
or @-mention anyone.
"""

from __future__ import annotations

import html
import re

from probis_cli.diff._shared import (
    change_headline,
    change_notes,
    codes_of,
    group_title,
    groups,
    kind_summary,
    severity_counts,
    title,
)
from probis_cli.diff.model import Change, DiffResult
from probis_cli.findings import Finding, Severity
from probis_cli.i18n import Lang, translate

LIMIT = 60_000
MARKER = "<!-- probis-diff -->"
_ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}
_ACTION_ICON = {"ditambah": "➕", "dihapus": "➖", "diubah": "✏️", "dipindah": "↪️"}
# Only what can start syntax in the middle of a line (our lines never start with user text).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def esc(text: str) -> str:
    """Plain text safe inside Markdown and HTML: no tags, no syntax, no mentions, one line."""
    text = " ".join(text.split())
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("@", "&#64;")


def _finding(f: Finding, lang: Lang) -> str:
    loc = f.location
    return f"- {_ICON[f.severity]} `{f.code}` {esc(f.name)} — {esc(str(loc))} — {esc(f.text(lang))}"


def _change(c: Change, lang: Lang) -> list[str]:
    lines = [f"- {_ACTION_ICON[c.action]} **{esc(change_headline(c, lang))}** — {esc(c.path)}"]
    lines += [f"  - ⚠️ {esc(m.text(lang))}" for m in c.highlights]
    lines += [f"  - {esc(note)}" for note in change_notes(c, lang)]
    return lines


def report(result: DiffResult, lang: Lang, *, limit: int = LIMIT) -> str:
    """The comment body (Markdown, GitHub and GitLab flavours)."""
    t = translate
    head: list[str] = [MARKER, f"### {esc(title(result, lang))}", ""]
    head += [f"| {t('diff.summary_kind', lang)} | {t('diff.summary_what', lang)} |", "|---|---|"]
    new = result.introduced
    head.append(
        f"| **{t('diff.section_new', lang)}** | **{len(new)}**"
        + (f" ({severity_counts(new, lang)}): {codes_of(new)}" if new else "")
        + " |"
    )
    head.append(
        f"| {t('diff.section_resolved', lang)} | {len(result.resolved)}"
        + (f": {codes_of(result.resolved)}" if result.resolved else "")
        + " |"
    )
    for kind, summary in kind_summary(result.changes, lang):
        head.append(f"| {t('diff.kind.' + kind, lang)} | {summary} |")
    head.append("")
    # Blocks after the head, in order of importance; each is kept whole or left out.
    blocks: list[tuple[list[str], int, int]] = []  # (lines, changes in it, findings in it)
    if new:
        blocks.append(([f"**{t('diff.section_new', lang)}**", ""], 0, 0))
        blocks += [([_finding(f, lang)], 0, 1) for f in new]
        blocks.append(([""], 0, 0))
    highlights = result.highlights()
    if highlights:
        blocks.append(([f"**{t('diff.attention', lang)}**", ""], 0, 0))
        blocks += [
            ([f"- ⚠️ {esc(t('diff.kind.' + c.kind, lang))} {esc(c.kode)}: {esc(m.text(lang))}"], 0, 0)
            for c, m in highlights
        ]
        blocks.append(([""], 0, 0))
    if result.resolved:
        lines = [f"<details><summary>{t('diff.section_resolved', lang)} ({len(result.resolved)})</summary>", ""]
        lines += [_finding(f, lang) for f in result.resolved]
        blocks.append((lines + ["", "</details>", ""], 0, len(result.resolved)))
    for opd, items in groups(result.changes):
        summary = f"{esc(group_title(opd, result, lang))} — {t('diff.count_changes', lang, count=len(items))}"
        lines = [f"<details><summary>{summary}</summary>", ""]
        for c in items:
            lines += _change(c, lang)
        blocks.append((lines + ["", "</details>", ""], len(items), 0))
    if not result.changes:
        blocks.append(([t("diff.no_changes", lang), ""], 0, 0))
    out = "\n".join(head) + "\n"
    reserve = 600  # the note on what was left out
    left_changes = left_findings = left_chars = 0
    for lines, n_changes, n_findings in blocks:
        text = "\n".join(lines) + "\n"
        if left_chars or len(out) + len(text) > limit - reserve:
            left_changes += n_changes
            left_findings += n_findings
            left_chars += len(text)
            continue
        out += text
    if left_chars:
        out += (
            "\n> "
            + t(
                "diff.truncated",
                lang,
                limit=f"{limit:,}",
                changes=left_changes,
                findings=left_findings,
                chars=f"{left_chars:,}",
            )
            + "\n"
        )
    return out
