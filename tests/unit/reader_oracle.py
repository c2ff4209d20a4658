"""The reader's event builder as it was before the fast one (source/events.py): a test oracle.

Kept verbatim (real ruamel events, an explicit stack) so that a property test can check the
fast builder gives the same data, positions and issues, in the same order, for any input.
The limits are module globals here too, so that a test can lower them for both.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
from ruamel.yaml.events import ScalarEvent as _ScalarEvent

from probis_cli.source.reader import NULLS, RawDocument, ReadIssue

MAX_DEPTH = 64
MAX_NODES = 250_000


class _Abort(Exception):
    def __init__(self, issue: ReadIssue) -> None:
        self.issue = issue


def _event_source(text: str) -> Any:
    return CParser(text)


def build(text: str) -> tuple[list[RawDocument], list[ReadIssue], ReadIssue | None]:
    """Documents, issues, and the issue that stopped reading (None: read to the end)."""
    documents: list[RawDocument] = []
    issues: list[ReadIssue] = []
    try:
        _Builder(text, documents, issues).run()
    except _Abort as abort:
        return documents, issues, abort.issue
    return documents, issues, None


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
