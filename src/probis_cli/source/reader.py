"""Read one YAML file into plain data plus a position tree, with YAML 1.2 scalars.

Why not ``YAML(typ="safe").load``: it is slow (≈1–2 MB/s), loses positions, and resolves
plain scalars to numbers and dates — ``urusan: [2.20]`` would become the float ``2.2`` and
a NIP would lose its leading zeros. We drive libyaml's event stream (≈8 MB/s through
ruamel.yaml.clib, pure-Python parser as a fallback) and build the data ourselves:

* every scalar stays the exact text the user typed; only plain ``~``/``null``/empty become
  ``None``. Pydantic's lax mode turns ``"1"`` into ``1`` where a field wants a number, and a
  code field keeps ``"2.20"`` as typed. ``no:``/``ya:``/``tidak:`` are plain keys.
* every mapping key and value, every sequence item has a (line, column), kept in a
  position tree parallel to the data (see :class:`Pos`), cheap to cache with ``marshal``.
* duplicate keys, too-deep nesting, alias bombs, non-mapping roots, tabs, non-UTF-8 bytes,
  BOMs and CRLF are handled here and reported as :class:`ReadIssue` with a position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from probis_cli.source.events import MAX_DEPTH as MAX_DEPTH
from probis_cli.source.events import MAX_NODES as MAX_NODES
from probis_cli.source.events import NULLS as NULLS
from probis_cli.source.events import Abort, build

# Positions: (line, column), both 1-based.
# A position tree node is either None (scalar / alias), a dict for a mapping
#   {key: (key_line, key_col, value_line, value_col, child_tree)}
# or a list for a sequence  [(line, col, child_tree), ...].
PosTree = dict[str, tuple[int, int, int, int, Any]] | list[tuple[int, int, Any]] | None

MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadIssue:
    """A problem found while reading: message id, args, 1-based position (None: whole file)."""

    code: str
    message_id: str
    line: int | None
    column: int | None
    args: tuple[tuple[str, Any], ...] = ()
    fatal: bool = True  # the document could not be read at all


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One YAML document of a file: plain data, its position tree, where it starts."""

    data: Any
    pos: PosTree | bytes  # bytes: a marshalled PosTree from the parse cache
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class ReadResult:
    """All documents of a file plus the issues found while reading it."""

    documents: tuple[RawDocument, ...]
    issues: tuple[ReadIssue, ...]
    text: str  # decoded source (BOM removed); used to show the offending line


def decode(raw: bytes) -> tuple[str | None, ReadIssue | None]:
    """Decode UTF-8 (with or without BOM); report where the first bad byte is otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, ReadIssue("Y002", "read.utf16", None, None)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, ReadIssue("Y002", "read.not_utf8", line, column, (("byte", "0x" + byte),))


def read_bytes(raw: bytes, *, positions: bool = True) -> ReadResult:
    """Parse ``raw`` (a whole file) into documents and issues; never raises on bad input.
    ``positions=False``: the documents' position trees may be None (see :func:`build`)."""
    if len(raw) > MAX_BYTES:
        return ReadResult(
            (), (ReadIssue("Y009", "read.too_large", None, None, (("mb", MAX_BYTES // (1024 * 1024)),)),), ""
        )
    text, issue = decode(raw)
    if text is None:
        assert issue is not None
        return ReadResult((), (issue,), "")
    return read_text(text, positions=positions)


def read_text(text: str, *, positions: bool = True) -> ReadResult:
    """Parse decoded YAML text into documents and issues."""
    if "\r" in text:
        # libyaml copes with CRLF, but a lone CR would shift line numbers; normalise both.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    documents: list[RawDocument] = []
    issues: list[ReadIssue] = []
    try:
        build(text, documents, issues, RawDocument, ReadIssue, positions=positions)
    except Abort as abort:
        issues.append(abort.issue)
    except RecursionError:  # pragma: no cover - guarded by MAX_DEPTH, kept as a last resort
        issues.append(ReadIssue("Y006", "read.too_deep", None, None, (("max", MAX_DEPTH),)))
    except Exception as exc:  # noqa: BLE001 - any parser failure must become a finding
        issues.append(_yaml_error(exc, text))
    if not documents and not issues:
        issues.append(ReadIssue("Y003", "read.empty", None, None, fatal=False))
    return ReadResult(tuple(documents), tuple(issues), text)


def _yaml_error(exc: Exception, text: str) -> ReadIssue:
    """Turn a ruamel/libyaml error into a located issue with a helpful message id."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc).strip()
    context = str(getattr(exc, "context", None) or "").strip()
    line = column = None
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    message_id = "read.syntax"
    code = "Y001"
    if line is not None:
        lines = text.split("\n")
        current = lines[line - 1] if 0 < line <= len(lines) else ""
        # libyaml reports a tab as "found character that cannot start any token"; find it.
        if "\t" in current and ("cannot start any token" in problem or "tab" in problem.lower()):
            code, message_id = "Y008", "read.tab"
            column = current.index("\t") + 1
    lowered = problem.lower()
    if message_id == "read.syntax":
        if "mapping values are not allowed" in lowered:
            message_id = "read.syntax.mapping_values"
        elif "could not find expected ':'" in lowered or "could not find expected ':'" in context.lower():
            message_id = "read.syntax.expected_colon"
        elif "found undefined alias" in lowered:
            message_id = "read.syntax.undefined_alias"
        elif "unexpected end of stream" in lowered and "quoted" in context.lower():
            message_id = "read.syntax.unclosed_quote"
        elif "did not find expected key" in lowered or "did not find expected '-'" in lowered:
            message_id = "read.syntax.indentation"
        elif "found unacceptable" in lowered or "control characters are not allowed" in lowered:
            message_id = "read.syntax.bad_character"
    detail = problem if not context else f"{context}: {problem}"
    return ReadIssue(code, message_id, line, column, (("detail", detail),))


def locate(pos: PosTree, path: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int] | None:
    """The (line, column) of the node at ``path``; the deepest existing ancestor if it is missing.

    With ``key=True`` a mapping entry points at its key rather than its value (used for
    "unknown key" findings, where the key is what is wrong).
    Returns None only when ``path`` is empty and the tree has no position.
    """
    best: tuple[int, int] | None = None
    node: Any = pos
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            kl, kc, vl, vc, child = node[part]
            best = (kl, kc) if (key and last) else (vl, vc)
            node = child
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            il, ic, child = node[part]
            best = (il, ic)
            node = child
        else:
            break
    return best
