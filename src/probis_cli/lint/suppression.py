"""Inline suppressions: ``# probis: abaikan[KODE,...]`` comments in the YAML source text.

Grammar (Indonesian word / English alias; codes — or rule names — are always required)::

    # probis: abaikan[T003]                 this line            (ignore)
    # probis: abaikan[T003,K001]            several codes on this line
    # probis: abaikan-baris-berikut[T003]   the next line with content (ignore-next-line)
    # probis: abaikan-mulai[T003]           from here ...         (ignore-start)
    # probis: abaikan-selesai[T003]         ... to here           (ignore-end)
    # probis: abaikan-berkas[T003]          the whole file        (ignore-file)

Text after the closing bracket is a free reason: ``# probis: abaikan[T001] dijalankan
bersama``. Only real YAML comments count: a ``#`` inside a quoted string, inside a block
scalar (``|`` / ``>``) or glued to a word (``a#b``) is not a comment. Findings without a
line can only be suppressed file-wide. A malformed directive (no codes, unknown code or
word, unbalanced range) is a P002 finding and suppresses nothing; a directive that
suppressed nothing is reported as P001 by the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from probis_cli.findings import Finding, Location, Message, Severity
from probis_cli.suggest import suggest

Kind = Literal["line", "next", "range", "file"]

DIRECTIVES: dict[str, str] = {
    "abaikan": "line",
    "ignore": "line",
    "abaikan-baris-berikut": "next",
    "ignore-next-line": "next",
    "abaikan-mulai": "start",
    "ignore-start": "start",
    "abaikan-selesai": "end",
    "ignore-end": "end",
    "abaikan-berkas": "file",
    "ignore-file": "file",
}
UNSUPPRESSIBLE = frozenset({"P002"})

# Cheap pre-filter: most files have no directive and are never scanned.
_CANDIDATE = re.compile(r"#[ \t]*probis\b", re.IGNORECASE)
_DIRECTIVE = re.compile(
    r"^[ \t]*probis[ \t]*(?P<colon>:?)[ \t]*(?P<word>[A-Za-z][A-Za-z-]*)?[ \t]*(?P<rest>.*)$", re.IGNORECASE
)
_BLOCK_INDICATOR = re.compile(r"(?:^|[ \t])[|>][-+1-9]{0,2}[ \t]*$")


@dataclass(slots=True)
class Suppression:
    """One code of one directive and the lines it covers (``first``..``last``, inclusive)."""

    kind: Kind
    word: str  # the directive word as written, for messages
    code: str
    line: int  # where the comment is
    column: int
    first: int = 0
    last: int = 0
    used: bool = False

    def covers(self, line: int | None) -> bool:
        """Whether a finding on ``line`` (None: the whole file) is covered."""
        if self.kind == "file":
            return True
        return line is not None and self.first <= line <= self.last


@dataclass
class FileSuppressions:
    """The directives of one file and the P002 findings about malformed ones."""

    path: str
    items: list[Suppression] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _p002(path: str, line: int, column: int, message_id: str, /, **args: Any) -> Finding:
    return Finding(
        "P002", "penekanan-tidak-valid", Severity.ERROR, Location(path, line, column), Message.of(message_id, **args)
    )


# -- finding the comments ------------------------------------------------------------------


def _close_quote(line: str, i: int, quote: str) -> int:
    """Index of the quote closing a scalar opened before ``i``, or -1 if it continues."""
    n = len(line)
    while i < n:
        c = line[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and i + 1 < n and line[i + 1] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_parent(body: str) -> int | None:
    """When ``body`` opens a block scalar, the indentation its content must exceed."""
    match = _BLOCK_INDICATOR.search(body)
    if match is None:
        return None
    before = body[: match.start()].rstrip().split()
    while before and before[-1][:1] in "&!":  # anchors and tags may precede the indicator
        before.pop()
    if before and not before[-1].endswith((":", "-", "?")):
        return None
    k = _indent(body)
    last_dash = -1
    while k < len(body) and body[k] == "-" and (k + 1 == len(body) or body[k + 1] in " \t"):
        last_dash = k
        k += 1
        while k < len(body) and body[k] in " \t":
            k += 1
    if k < len(body) and body[k] in "|>":
        return last_dash  # "- |" (or a bare root scalar: -1)
    return k


def scan_lines(text: str) -> Iterator[tuple[int, bool, int | None]]:
    """For each line: (1-based number, has content, 0-based column of a real comment or None)."""
    quote = ""
    flow = 0
    block: int | None = None
    for lineno, line in enumerate(text.split("\n"), 1):
        if block is not None:
            if not line.strip():
                yield lineno, False, None
                continue
            if _indent(line) > block:
                yield lineno, True, None
                continue
            block = None
        n = len(line)
        i = 0
        start = True  # a scalar may start here (so a quote opens a quoted scalar)
        content = False
        comment: int | None = None
        if quote:
            content = bool(line.strip())
            j = _close_quote(line, 0, quote)
            if j < 0:
                yield lineno, content, None
                continue
            i, quote, start = j + 1, "", False
        while i < n:
            c = line[i]
            if c == "#" and (i == 0 or line[i - 1] in " \t"):
                comment = i
                break
            if c in " \t":
                i += 1
                continue
            content = True
            if start and c in "\"'":
                j = _close_quote(line, i + 1, c)
                if j < 0:
                    quote = c
                    break
                i, start = j + 1, False
                continue
            nxt = line[i + 1] if i + 1 < n else " "
            if start and c in "&!":  # anchor or tag: the scalar starts after it
                while i < n and line[i] not in " \t":
                    i += 1
                continue
            if c in "[{":
                flow += 1
                start = True
            elif c in "]}":
                flow = max(0, flow - 1)
                start = False
            elif c == "," and flow:
                start = True
            elif c == ":" and (nxt in " \t" or (flow and nxt in ",]}")):
                start = True
            elif c in "-?" and start and nxt in " \t":
                start = True
            else:
                start = False
            i += 1
        if not quote and not flow and content:
            block = _block_parent(line[:comment] if comment is not None else line)
        yield lineno, content, comment


# -- parsing the directives -------------------------------------------------------------------


class _Parser:
    def __init__(self, path: str, codes: Mapping[str, str]) -> None:
        self.path = path
        self.codes = codes
        self.by_name = {name: code for code, name in codes.items()}
        self.out = FileSuppressions(path)
        self.pending: list[Suppression] = []  # next-line directives waiting for their line
        self.open: dict[str, Suppression] = {}  # range starts by code

    def error(self, line: int, column: int, message_id: str, /, **args: Any) -> None:
        self.out.findings.append(_p002(self.path, line, column, message_id, **args))

    def codes_of(self, raw: str, line: int, column: int, word: str) -> list[str] | None:
        tokens = [t.strip() for t in raw.split(",")]
        if not any(tokens):
            self.error(line, column, "lint.supp.no_codes", directive=word)
            return None
        out: list[str] = []
        ok = True
        for token in tokens:
            if not token:
                self.error(line, column, "lint.supp.empty_code", directive=word)
                ok = False
                continue
            code = token.upper() if token.upper() in self.codes else self.by_name.get(token.lower())
            if code is None:
                hint = suggest(token, [*self.codes, *self.by_name])
                if hint:
                    self.error(line, column, "lint.supp.unknown_code_hint", value=token, hint=hint)
                else:
                    self.error(line, column, "lint.supp.unknown_code", value=token)
                ok = False
            elif code in UNSUPPRESSIBLE:
                self.error(line, column, "lint.supp.unsuppressible", code=code)
                ok = False
            elif code not in out:
                out.append(code)
        return out if ok else None

    def directive(self, line: int, column: int, comment: str, own_line: bool) -> None:
        match = _DIRECTIVE.match(comment)
        if match is None:
            return
        word = (match.group("word") or "").lower()
        rest = match.group("rest")
        kind = DIRECTIVES.get(word)
        if kind is None:
            # "# probis: <anything>" is only a directive when it looks like one.
            hint = suggest(word, list(DIRECTIVES)) if word else None
            if hint:
                self.error(line, column, "lint.supp.unknown_directive", value=word, hint=hint)
            return
        if not match.group("colon"):
            self.error(line, column, "lint.supp.syntax", directive=word)
            return
        if not rest:
            self.error(line, column, "lint.supp.no_codes", directive=word)
            return
        if not rest.startswith("[") or "]" not in rest:
            self.error(line, column, "lint.supp.syntax", directive=word)
            return
        codes = self.codes_of(rest[1 : rest.index("]")], line, column, word)
        if codes is None:
            return
        if kind == "line":
            if own_line:
                self.error(line, column, "lint.supp.own_line", directive=word, codes=",".join(codes))
                return
            for code in codes:
                self.out.items.append(Suppression("line", word, code, line, column, line, line))
        elif kind == "next":
            for code in codes:
                self.pending.append(Suppression("next", word, code, line, column))
        elif kind == "file":
            for code in codes:
                self.out.items.append(Suppression("file", word, code, line, column))
        elif kind == "start":
            for code in codes:
                if code in self.open:
                    self.error(line, column, "lint.supp.nested", code=code, first=self.open[code].line)
                else:
                    self.open[code] = Suppression("range", word, code, line, column, line)
        else:  # end
            for code in codes:
                begin = self.open.pop(code, None)
                if begin is None:
                    self.error(line, column, "lint.supp.unopened", code=code, directive=word)
                else:
                    begin.last = line
                    self.out.items.append(begin)

    def content_line(self, line: int) -> None:
        for item in self.pending:
            item.first = item.last = line
            self.out.items.append(item)
        self.pending.clear()

    def finish(self) -> FileSuppressions:
        for item in self.pending:
            self.error(item.line, item.column, "lint.supp.next_none", code=item.code, directive=item.word)
        for item in self.open.values():
            self.error(item.line, item.column, "lint.supp.unclosed", code=item.code, directive=item.word)
        return self.out


def parse_suppressions(path: str, text: str, codes: Mapping[str, str]) -> FileSuppressions | None:
    """The directives in ``text`` (None when there are none). ``codes``: known code -> name."""
    if _CANDIDATE.search(text) is None:
        return None
    lines = text.split("\n")
    parser = _Parser(path, codes)
    for lineno, content, column in scan_lines(text):
        if content:
            parser.content_line(lineno)
        if column is None:
            continue
        comment = lines[lineno - 1][column + 1 :]
        if _CANDIDATE.match("#" + comment):
            parser.directive(lineno, column + 1, comment, own_line=not content)
    result = parser.finish()
    return result if result.items or result.findings else None


class Suppressor:
    """Matches findings against the directives of every file and remembers which were used."""

    def __init__(self, files: Mapping[str, FileSuppressions]) -> None:
        self.files = dict(files)
        self._table: dict[str, dict[str, list[Suppression]]] = {}
        order = {"line": 0, "next": 0, "range": 1, "file": 2}
        for path, fs in self.files.items():
            table: dict[str, list[Suppression]] = {}
            for item in fs.items:
                table.setdefault(item.code, []).append(item)
            for items in table.values():
                # The most specific directive takes the credit (a redundant wider one stays unused).
                items.sort(key=lambda s: (order[s.kind], s.last - s.first, s.line))
            self._table[path] = table

    def malformed(self) -> list[Finding]:
        """P002 findings of every file."""
        return [f for fs in self.files.values() for f in fs.findings]

    def suppresses(self, finding: Finding) -> bool:
        """Whether a directive covers ``finding`` (marks that directive used)."""
        if finding.code in UNSUPPRESSIBLE:
            return False
        table = self._table.get(finding.location.path)
        if not table:
            return False
        for item in table.get(finding.code, ()):
            if item.covers(finding.location.line):
                item.used = True
                return True
        return False

    def unused(self, judged: set[str] | frozenset[str]) -> list[Finding]:
        """P001 findings for directives of codes in ``judged`` that suppressed nothing."""
        out: list[Finding] = []
        for path, fs in self.files.items():
            for item in fs.items:
                if not item.used and item.code in judged:
                    out.append(
                        Finding(
                            "P001",
                            "penekanan-tidak-terpakai",
                            Severity.WARNING,
                            Location(path, item.line, item.column),
                            Message.of("lint.supp.unused", code=item.code, directive=item.word),
                            fingerprint_extra=f"{item.kind}:{item.code}",
                        )
                    )
        return out
