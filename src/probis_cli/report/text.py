"""Human-readable output: findings grouped by file, the offending line with a caret, a summary."""

from __future__ import annotations

import io
import re
import unicodedata
from itertools import groupby

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from probis_cli.findings import Finding, Result, Severity
from probis_cli.i18n import Lang
from probis_cli.report._base import ReportContext, clean, files_with_findings

# The few words of this format; kept here rather than in the message catalogue because
# they are layout, not messages (plural rules differ per language, hence functions).
_WORDS: dict[Lang, dict[str, str]] = {
    "id": {
        "see_also": "lihat juga",
        "in": "di",
        "file": "berkas",
        "files": "berkas",
        "checked": "diperiksa",
        "suppressed": "temuan diabaikan",
        "baselined": "temuan lama (baseline)",
        "clean": "Tidak ada temuan.",
    },
    "en": {
        "see_also": "see also",
        "in": "in",
        "file": "file",
        "files": "files",
        "checked": "checked",
        "suppressed": "suppressed",
        "baselined": "in the baseline",
        "clean": "No findings.",
    },
}

_SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold cyan",
}

_TAB_SIZE = 4
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control characters and Unicode line/paragraph separators: shown escaped, never raw.
_INVISIBLE = frozenset({"Cc", "Zl", "Zp"})


def _printable(text: str) -> str:
    """Expand tabs and make control characters visible, so they never reach the terminal raw."""
    if text.isprintable():  # the common case: no tab, control character or surrogate
        return text
    text = clean(text).expandtabs(_TAB_SIZE)
    return "".join(_escape(ch) if unicodedata.category(ch) in _INVISIBLE else ch for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _files(n: int, lang: Lang) -> str:
    words = _WORDS[lang]
    return f"{n} {words['file'] if n == 1 else words['files']}"


def _severity_count(n: int, severity: Severity, lang: Lang) -> str:
    name = severity.text(lang)
    if lang == "en" and n != 1 and severity != Severity.INFO:
        name += "s"
    return f"{n} {name}"


def summary(result: Result, lang: Lang) -> str:
    """The closing line, e.g. ``3 error, 1 peringatan, 0 info di 2 berkas (45 berkas diperiksa)``."""
    words = _WORDS[lang]
    checked = f"{_files(result.files_checked, lang)} {words['checked']}"
    extras = []
    if result.suppressed:
        extras.append(f"{result.suppressed} {words['suppressed']}")
    if result.baselined:
        extras.append(f"{result.baselined} {words['baselined']}")
    tail = "".join(", " + e for e in extras)
    if not result.findings:
        return f"{words['clean']} {checked}{tail}."
    counts = ", ".join(
        _severity_count(result.count(s), s, lang) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    files = _files(len(files_with_findings(result)), lang)
    return f"{counts} {words['in']} {files} ({checked}{tail})"


class _Lines:
    """Source lines by path, each file split once (splitting per finding was quadratic)."""

    def __init__(self, ctx: ReportContext) -> None:
        self._ctx = ctx
        self._split: dict[str, list[str] | None] = {}

    def get(self, path: str, line: int) -> str | None:
        if path not in self._split:
            text = self._ctx.sources.get(path)
            self._split[path] = None if text is None else _LINE_BREAK.split(text)
        lines = self._split[path]
        if lines is None or not 0 < line <= len(lines):
            return None
        return lines[line - 1]


def _snippet(finding: Finding, lines: _Lines) -> list[Text]:
    """The offending source line and a caret line under the column (like rustc and ruff)."""
    loc = finding.location
    if loc.line is None:
        return []
    raw = lines.get(loc.path, loc.line)
    if raw is None:
        return []
    number = str(loc.line)
    gutter = " " * (2 + len(number))
    shown = _printable(raw).rstrip()
    out = [Text.assemble(("  " + number + " | ", "blue"), shown)]
    if loc.column is not None and loc.column >= 1:
        col = min(loc.column, len(raw) + 1)
        offset = cell_len(_printable(raw[: col - 1]))
        width = 1
        if loc.end_line == loc.line and loc.end_column is not None and loc.end_column > col:
            width = max(1, cell_len(_printable(raw[: loc.end_column - 1])) - offset)
        style = _SEVERITY_STYLE[finding.severity]
        out.append(Text.assemble((gutter + " | ", "blue"), " " * offset, ("^" * width, style)))
    return out


def _headline(finding: Finding, lang: Lang) -> Text:
    loc = finding.location
    parts = _LINE_BREAK.split(finding.text(lang))
    # Continuation lines of a multi-line message are indented under the headline.
    message = "\n    ".join(_printable(part).rstrip() for part in parts)
    return Text.assemble(
        (_printable(str(loc)), "bold"),
        "  ",
        (finding.severity.text(lang).upper(), _SEVERITY_STYLE[finding.severity]),
        "  ",
        (_printable(finding.code), "bold"),
        "  ",
        message,
        "  ",
        ("[" + _printable(finding.name) + "]", "dim"),
    )


def _summary_text(result: Result, lang: Lang) -> Text:
    line = summary(result, lang)
    if not result.findings:
        return Text(line, style="bold green")
    worst = max(f.severity for f in result.findings)
    return Text(line, style=_SEVERITY_STYLE[worst])


def report(result: Result, ctx: ReportContext) -> str:
    """Render ``result`` for a person at a terminal.

    Linear in the number of findings: each file is split into lines once, and without colour
    the plain text of each line is written directly (rich costs about a millisecond a line).
    """
    see_also = _WORDS[ctx.lang]["see_also"]
    lines = _Lines(ctx)
    out: list[Text] = []
    for _path, group in groupby(result.sorted(), key=lambda f: f.location.path):
        for finding in group:
            out.append(_headline(finding, ctx.lang))
            out.extend(_snippet(finding, lines))
            for related in finding.related:
                out.append(Text.assemble("    = ", (see_also, "dim"), ": ", _printable(str(related))))
        out.append(Text(""))
    out.append(_summary_text(result, ctx.lang))
    if ctx.color:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=True,
            color_system="standard",
            width=100,
            highlight=False,
            soft_wrap=True,
            emoji=False,
            markup=False,
            legacy_windows=False,
        )
        for text in out:
            console.print(text)
        written = buffer.getvalue()
    else:
        written = "".join(text.plain + "\n" for text in out)
    # A message may end in spaces: keep output diff-clean.
    return "".join(line.rstrip() + "\n" for line in written.split("\n")[:-1])
