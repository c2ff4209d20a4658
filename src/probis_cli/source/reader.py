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

# Positions: (line, column), both 1-based.
# A position tree node is either None (scalar / alias), a dict for a mapping
#   {key: (key_line, key_col, value_line, value_col, child_tree)}
# or a list for a sequence  [(line, col, child_tree), ...].
PosTree = dict[str, tuple[int, int, int, int, Any]] | list[tuple[int, int, Any]] | None

MAX_DEPTH = 64
MAX_NODES = 250_000  # nodes after alias expansion, per document
MAX_BYTES = 8 * 1024 * 1024
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


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


class _Abort(Exception):
    def __init__(self, issue: ReadIssue) -> None:
        self.issue = issue


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


def read_bytes(raw: bytes) -> ReadResult:
    """Parse ``raw`` (a whole file) into documents and issues; never raises on bad input."""
    if len(raw) > MAX_BYTES:
        return ReadResult(
            (), (ReadIssue("Y009", "read.too_large", None, None, (("mb", MAX_BYTES // (1024 * 1024)),)),), ""
        )
    text, issue = decode(raw)
    if text is None:
        assert issue is not None
        return ReadResult((), (issue,), "")
    return read_text(text)


def read_text(text: str) -> ReadResult:
    """Parse decoded YAML text into documents and issues."""
    if "\r" in text:
        # libyaml copes with CRLF, but a lone CR would shift line numbers; normalise both.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    documents: list[RawDocument] = []
    issues: list[ReadIssue] = []
    try:
        _Builder(text, documents, issues).run()
    except _Abort as abort:
        issues.append(abort.issue)
    except RecursionError:  # pragma: no cover - guarded by MAX_DEPTH, kept as a last resort
        issues.append(ReadIssue("Y006", "read.too_deep", None, None, (("max", MAX_DEPTH),)))
    except Exception as exc:  # noqa: BLE001 - any parser failure must become a finding
        issues.append(_yaml_error(exc, text))
    if not documents and not issues:
        issues.append(ReadIssue("Y003", "read.empty", None, None, fatal=False))
    return ReadResult(tuple(documents), tuple(issues), text)


def _event_source(text: str) -> Any:
    """An object with ``get_event()``: libyaml through ruamel.yaml.clib, else pure Python."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]

        return CParser(text)
    except ImportError:  # pragma: no cover - exercised only where the C extension is missing
        from ruamel.yaml import YAML

        events = YAML(typ="safe", pure=True).parse(text)

        class _Pure:
            def get_event(self) -> Any:
                return next(events)

        return _Pure()


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


class _Builder:
    """Builds plain data and position trees from the event stream, iteratively."""

    def __init__(self, text: str, documents: list[RawDocument], issues: list[ReadIssue]) -> None:
        self.events = _event_source(text)
        self.documents = documents
        self.issues = issues

    def run(self) -> None:
        get = self.events.get_event
        while True:
            event = get()
            name = type(event).__name__
            if name == "StreamEndEvent":
                return
            if name == "DocumentStartEvent":
                self._document(get)

    def _document(self, get: Any) -> None:
        # Each stack frame: [kind, data, pos, pending_key, key_line, key_col, anchor, weight, line, col, keys_seen]
        anchors: dict[str, tuple[Any, Any, int]] = {}
        stack: list[list[Any]] = []
        root: list[Any] = []  # [data, pos, line, col]
        total_nodes = 0
        emit = self._emit
        no_key = _NO_KEY
        while True:
            event = get()
            cls = event.__class__
            if cls is _ScalarEvent:
                mark = event.start_mark
                line, col = mark.line + 1, mark.column + 1
                value: Any = event.value
                if not event.style and value in NULLS and event.tag in (None, "!", "tag:yaml.org,2002:null"):
                    value = None
                total_nodes += 1
                # Fast path (most events): a plain scalar in a container, no anchor.
                if event.anchor is None and stack:
                    parent = stack[-1]
                    if parent[0] == "seq":
                        parent[7] += 1
                        parent[1].append(value)
                        parent[2].append((line, col, None))
                        continue
                    if parent[3] is not no_key:
                        parent[7] += 1
                        key = parent[3]
                        parent[1][key] = value
                        parent[2][key] = (parent[4], parent[5], line, col, None)
                        parent[3] = no_key
                        continue
                    key = "" if value is None else value
                    if key not in parent[1]:
                        parent[7] += 1
                        parent[3], parent[4], parent[5] = key, line, col
                        continue
                emit(stack, root, value, None, line, col, event.anchor, 1, anchors, is_scalar=True)
                if total_nodes > MAX_NODES:
                    raise _Abort(ReadIssue("Y005", "read.alias_bomb", line, col, (("max", MAX_NODES),)))
                continue
            name = cls.__name__
            if name == "DocumentEndEvent":
                break
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            if name == "AliasEvent":
                target = anchors.get(event.anchor)
                if target is None:
                    raise _Abort(
                        ReadIssue("Y001", "read.syntax.undefined_alias", line, col, (("detail", event.anchor),))
                    )
                data, _pos, weight = target
                total_nodes += weight
                if total_nodes > MAX_NODES:
                    raise _Abort(ReadIssue("Y005", "read.alias_bomb", line, col, (("max", MAX_NODES),)))
                # Positions of the aliased content point at the alias itself.
                self._emit(stack, root, data, None, line, col, None, weight, anchors, is_scalar=False)
            elif name in ("MappingStartEvent", "SequenceStartEvent"):
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(ReadIssue("Y006", "read.too_deep", line, col, (("max", MAX_DEPTH),)))
                total_nodes += 1
                if name == "MappingStartEvent":
                    stack.append(["map", {}, {}, _NO_KEY, 0, 0, event.anchor, 1, line, col, None])
                else:
                    stack.append(["seq", [], [], _NO_KEY, 0, 0, event.anchor, 1, line, col, None])
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                frame = stack.pop()
                self._emit(
                    stack, root, frame[1], frame[2], frame[8], frame[9], frame[6], frame[7], anchors, is_scalar=False
                )
            if total_nodes > MAX_NODES:
                raise _Abort(ReadIssue("Y005", "read.alias_bomb", line, col, (("max", MAX_NODES),)))
        if root:
            self.documents.append(RawDocument(root[0], root[1], root[2], root[3]))

    def _emit(
        self,
        stack: list[list[Any]],
        root: list[Any],
        data: Any,
        pos: Any,
        line: int,
        col: int,
        anchor: str | None,
        weight: int,
        anchors: dict[str, tuple[Any, Any, int]],
        *,
        is_scalar: bool,
    ) -> None:
        if anchor:
            anchors[anchor] = (data, pos, weight)
        if not stack:
            root[:] = [data, pos, line, col]
            return
        parent = stack[-1]
        parent[7] += weight
        if parent[0] == "seq":
            parent[1].append(data)
            parent[2].append((line, col, pos))
            return
        # Mapping: alternate key / value.
        if parent[3] is _NO_KEY:
            if not is_scalar:
                raise _Abort(ReadIssue("Y001", "read.complex_key", line, col))
            key = "" if data is None else str(data)
            if key in parent[1]:
                first = parent[2][key]
                self.issues.append(
                    ReadIssue(
                        "Y004",
                        "read.duplicate_key",
                        line,
                        col,
                        (("first_line", first[0]), ("key", key)),
                        fatal=False,
                    )
                )
            parent[3], parent[4], parent[5] = key, line, col
            return
        key = parent[3]
        parent[1][key] = data
        parent[2][key] = (parent[4], parent[5], line, col, pos)
        parent[3] = _NO_KEY


_NO_KEY = object()

from ruamel.yaml.events import ScalarEvent as _ScalarEvent  # noqa: E402 - event class of both parsers


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
