"""libyaml events -> plain data and a position tree, at the speed of the parser.

:mod:`probis_cli.source.reader` describes what is built; this module is how, fast. Two things
cost most when a repository is read cold (measured on a city, ~960,000 events):

* **the event objects.** ruamel.yaml.clib's Cython parser makes each event by calling the
  Python class of :mod:`ruamel.yaml.events`, whose ``__init__`` runs three Python frames
  (``ScalarEvent`` -> ``NodeEvent`` -> ``Event``): 0.55 s of a 0.73 s event stream, against
  0.17 s for libyaml itself. The extension looks those classes up among its module globals
  at each call, so while we parse we put there classes whose construction runs no Python at
  all (``BaseException`` subclasses: the C constructor keeps the arguments as ``args``). That
  takes 0.22 s off, and the builder unpacks one tuple per event instead of reading
  attributes. The swap is scoped: done under a lock for the duration of one parse and undone
  after it, so any other user of the extension in this process sees the real classes; a
  self-check at first use falls back to adapting the real events when the extension does not
  honour it (another ruamel.yaml.clib, or the pure-Python parser where the extension is
  missing).
* **the builder.** Recursive descent, one Python call per container: a scalar costs an
  unpack, two additions and two stores, with no parent-frame bookkeeping.

Everything else (limits, issues, their order and positions) is exactly what the reader
promises: the checks run at the same events as they always did.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

MAX_DEPTH = 64
MAX_NODES = 250_000  # nodes after alias expansion, per document
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NULL_TAGS = (None, "!", "tag:yaml.org,2002:null")


class Abort(Exception):
    """Reading stops here; ``issue`` (a :class:`~probis_cli.source.reader.ReadIssue`) says why."""

    def __init__(self, issue: Any) -> None:
        self.issue = issue


# Event stand-ins: constructed in C, arguments kept in ``args`` in the order the extension
# passes them (checked by _self_check):
#   Scalar(anchor, tag, implicit, value, start_mark, end_mark, style)
#   MappingStart / SequenceStart(anchor, tag, implicit, start_mark, end_mark, flow_style)
#   MappingEnd / SequenceEnd / StreamEnd(start_mark, end_mark)
#   Alias(anchor, start_mark, end_mark)
#   DocumentStart(start_mark, end_mark, explicit, version, tags); DocumentEnd(start_mark, end_mark, explicit)
#   StreamStart(start_mark, end_mark, encoding)
class _Event(BaseException):  # noqa: N818 - never raised; a cheap argument holder
    __slots__ = ()


class _Scalar(_Event):
    __slots__ = ()


class _MappingStart(_Event):
    __slots__ = ()


class _MappingEnd(_Event):
    __slots__ = ()


class _SequenceStart(_Event):
    __slots__ = ()


class _SequenceEnd(_Event):
    __slots__ = ()


class _Alias(_Event):
    __slots__ = ()


class _DocumentStart(_Event):
    __slots__ = ()


class _DocumentEnd(_Event):
    __slots__ = ()


class _StreamStart(_Event):
    __slots__ = ()


class _StreamEnd(_Event):
    __slots__ = ()


_STAND_INS: dict[str, type[_Event]] = {
    "ScalarEvent": _Scalar,
    "MappingStartEvent": _MappingStart,
    "MappingEndEvent": _MappingEnd,
    "SequenceStartEvent": _SequenceStart,
    "SequenceEndEvent": _SequenceEnd,
    "AliasEvent": _Alias,
    "DocumentStartEvent": _DocumentStart,
    "DocumentEndEvent": _DocumentEnd,
    "StreamStartEvent": _StreamStart,
    "StreamEndEvent": _StreamEnd,
}

_lock = threading.Lock()
_state: dict[str, Any] = {}  # "module": the extension module, "fast": whether the swap works


def _reset_lock_in_child() -> None:
    global _lock
    _lock = threading.Lock()  # a fork taken while another thread parsed must not inherit it held


os.register_at_fork(after_in_child=_reset_lock_in_child)


def _c_parser() -> Any:
    """ruamel.yaml.clib's CParser class, or None where the extension is missing."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - exercised only where the C extension is missing
        return None
    return CParser


@contextmanager
def _swapped(module: Any) -> Iterator[None]:
    with _lock:
        saved = {name: module.__dict__[name] for name in _STAND_INS}
        module.__dict__.update(_STAND_INS)
        try:
            yield
        finally:
            module.__dict__.update(saved)


def _self_check(parser_class: Any) -> bool:
    """Whether the extension builds its events from the swapped classes, arguments as expected."""
    try:
        module = importlib.import_module(parser_class.__module__)
        if not all(isinstance(module.__dict__.get(name), type) for name in _STAND_INS):
            return False
        with _swapped(module):
            parser = parser_class("a: &x [b]\nc: *x\n")
            seen = []
            while True:
                event = parser.get_event()
                seen.append((event.__class__, len(event.args)))
                if event.__class__ is _StreamEnd:
                    break
    except Exception:  # noqa: BLE001 - any surprise means: use the real events
        return False
    _state["module"] = module
    expected = [
        (_StreamStart, 3),
        (_DocumentStart, 5),
        (_MappingStart, 6),
        (_Scalar, 7),
        (_SequenceStart, 6),
        (_Scalar, 7),
        (_SequenceEnd, 2),
        (_Scalar, 7),
        (_Alias, 3),
        (_MappingEnd, 2),
        (_DocumentEnd, 3),
        (_StreamEnd, 2),
    ]
    return seen == expected


def _adapted(events: Callable[[], Any]) -> Callable[[], _Event]:
    """``get_event`` of real ruamel events, turned into stand-ins (the slow, safe path)."""

    def get() -> _Event:
        event = events()
        name = type(event).__name__
        if name == "ScalarEvent":
            return _Scalar(
                event.anchor, event.tag, event.implicit, event.value, event.start_mark, event.end_mark, event.style
            )
        if name in ("MappingStartEvent", "SequenceStartEvent"):
            start: type[_Event] = _MappingStart if name == "MappingStartEvent" else _SequenceStart
            return start(event.anchor, event.tag, event.implicit, event.start_mark, event.end_mark, event.flow_style)
        if name == "AliasEvent":
            return _Alias(event.anchor, event.start_mark, event.end_mark)
        kind = _STAND_INS.get(name, _StreamStart)
        return kind(event.start_mark, event.end_mark)

    return get


def build(
    text: str,
    documents: list[Any],
    issues: list[Any],
    make: Callable[..., Any],
    issue: Any,
    *,
    positions: bool = True,
) -> None:
    """Parse ``text``; append ``make(data, pos, line, column)`` per document to ``documents``.

    Issues that do not stop reading (duplicate keys) go to ``issues``; the others raise
    :class:`Abort`; libyaml's own errors propagate as raised. ``issue`` builds a ReadIssue.
    ``positions=False``: ``pos`` is None (no position tree is built: a fifth faster), except in
    a file with anchors, duplicate keys or a non-scalar key, which is read in full.
    """
    parser_class = _c_parser()
    if parser_class is None:  # pragma: no cover - no C extension
        from ruamel.yaml import YAML

        stream = YAML(typ="safe", pure=True).parse(text)
        _Stream(_adapted(lambda: next(stream)), documents, issues, make, issue).run()
        return
    if "fast" not in _state:
        _state["fast"] = _self_check(parser_class)
    parser = parser_class(text)
    if not _state["fast"]:
        _Stream(_adapted(parser.get_event), documents, issues, make, issue).run()
        return
    with _swapped(_state["module"]):
        if not positions:
            first_document, first_issue = len(documents), len(issues)
            try:
                _DataStream(parser.get_event, documents, issues, make, issue).run()
                return
            except _NeedPositions:  # read it again in full: the same events, positions kept
                del documents[first_document:], issues[first_issue:]
                parser = parser_class(text)
        _Stream(parser.get_event, documents, issues, make, issue).run()


class _Stream:
    """One file's event stream -> documents (see :func:`build`)."""

    __slots__ = ("get", "documents", "issues", "make", "issue", "anchors", "total")

    def __init__(
        self,
        get: Callable[[], Any],
        documents: list[Any],
        issues: list[Any],
        make: Callable[..., Any],
        issue: Any,
    ) -> None:
        self.get = get
        self.documents = documents
        self.issues = issues
        self.make = make
        self.issue = issue
        self.anchors: dict[str, tuple[Any, Any, int]] = {}
        self.total = 0

    def run(self) -> None:
        get = self.get
        while True:
            event = get()
            cls = event.__class__
            if cls is _StreamEnd:
                return
            if cls is not _DocumentStart:
                continue
            self.anchors = {}
            self.total = 0
            root = None
            while True:
                event = get()
                if event.__class__ is _DocumentEnd:
                    break
                root = self.node(event, 0, key=False)
            if root is not None:
                data, pos, _weight, line, col = root
                self.documents.append(self.make(data, pos, line, col))

    def _check(self, line: int, col: int) -> None:
        if self.total > MAX_NODES:
            raise Abort(self.issue("Y005", "read.alias_bomb", line, col, (("max", MAX_NODES),)))

    def node(self, event: Any, depth: int, *, key: bool) -> tuple[Any, Any, int, int, int]:
        """Any node starting with ``event`` under ``depth`` open containers:
        ``(data, position tree, weight, line, column)``. With ``key``, the node is a mapping
        key: anything but a scalar is refused once read (as it always was)."""
        cls = event.__class__
        if cls is _Scalar:
            anchor, tag, _implicit, value, mark, _end, style = event.args
            if not style and value in NULLS and tag in _NULL_TAGS:
                value = None
            self.total += 1
            line, col = mark.line + 1, mark.column + 1
            if anchor:
                self.anchors[anchor] = (value, None, 1)
            self._check(line, col)
            return value, None, 1, line, col
        if cls is _Alias:
            anchor, mark, _end = event.args
            line, col = mark.line + 1, mark.column + 1
            target = self.anchors.get(anchor)
            if target is None:
                raise Abort(self.issue("Y001", "read.syntax.undefined_alias", line, col, (("detail", anchor),)))
            data, _pos, weight = target
            self.total += weight
            self._check(line, col)
            if key:
                raise Abort(self.issue("Y001", "read.complex_key", line, col))
            # Positions of the aliased content point at the alias itself.
            return data, None, weight, line, col
        if cls is _MappingStart or cls is _SequenceStart:
            anchor, _tag, _implicit, mark, _end, _flow = event.args
            line, col = mark.line + 1, mark.column + 1
            if depth >= MAX_DEPTH:
                raise Abort(self.issue("Y006", "read.too_deep", line, col, (("max", MAX_DEPTH),)))
            self.total += 1
            self._check(line, col)
            built: tuple[Any, Any, int, Any]
            built = self.mapping(depth + 1) if cls is _MappingStart else self.sequence(depth + 1)
            if anchor:
                self.anchors[anchor] = built[:3]
            if key:
                raise Abort(self.issue("Y001", "read.complex_key", line, col))
            end = built[3]
            self._check(end.line + 1, end.column + 1)
            return built[0], built[1], built[2], line, col
        raise Abort(self.issue("Y001", "read.syntax", None, None, (("detail", type(event).__name__),)))

    # Inside a container, the running count of nodes is ``base + weight - 1`` (``base``: the
    # count when it opened, itself included); it is written back to ``self.total`` only where
    # a limit is checked or a child is read, which keeps a plain scalar free of it.
    def mapping(self, depth: int) -> tuple[dict[str, Any], dict[str, Any], int, Any]:
        get = self.get
        data: dict[str, Any] = {}
        pos: dict[str, Any] = {}
        weight = 1
        base = self.total
        while True:
            event = get()
            cls = event.__class__
            if cls is _Scalar:
                anchor, tag, _implicit, value, mark, _end, style = event.args
                if not style and value in NULLS and tag in _NULL_TAGS:
                    value = None
                weight += 1
                key_line, key_col = mark.line + 1, mark.column + 1
                name = "" if value is None else value
                if anchor or name in data:
                    self.total = base + weight - 1
                    if anchor:
                        self.anchors[anchor] = (value, None, 1)
                    if name in data:
                        first = pos[name]
                        self.issues.append(
                            self.issue(
                                "Y004",
                                "read.duplicate_key",
                                key_line,
                                key_col,
                                (("first_line", first[0]), ("key", name)),
                                fatal=False,
                            )
                        )
                    self._check(key_line, key_col)
            elif cls is _MappingEnd:
                self.total = base + weight - 1
                return data, pos, weight, event.args[0]
            else:
                self.total = base + weight - 1
                self.node(event, depth, key=True)  # raises: a key must be a scalar
                raise AssertionError("unreachable")  # pragma: no cover
            event = get()
            if event.__class__ is _Scalar:
                anchor, tag, _implicit, value, mark, _end, style = event.args
                if not style and value in NULLS and tag in _NULL_TAGS:
                    value = None
                weight += 1
                data[name] = value
                pos[name] = (key_line, key_col, mark.line + 1, mark.column + 1, None)
                if anchor:
                    self.anchors[anchor] = (value, None, 1)
                    self.total = base + weight - 1
                    self._check(mark.line + 1, mark.column + 1)
                continue
            self.total = base + weight - 1
            value, child, size, line, col = self.node(event, depth, key=False)
            weight += size
            data[name] = value
            pos[name] = (key_line, key_col, line, col, child)

    def sequence(self, depth: int) -> tuple[list[Any], list[Any], int, Any]:
        get = self.get
        items: list[Any] = []
        pos: list[Any] = []
        weight = 1
        base = self.total
        while True:
            event = get()
            cls = event.__class__
            if cls is _Scalar:
                anchor, tag, _implicit, value, mark, _end, style = event.args
                if not style and value in NULLS and tag in _NULL_TAGS:
                    value = None
                weight += 1
                items.append(value)
                pos.append((mark.line + 1, mark.column + 1, None))
                if anchor:
                    self.anchors[anchor] = (value, None, 1)
                    self.total = base + weight - 1
                    self._check(mark.line + 1, mark.column + 1)
                continue
            if cls is _SequenceEnd:
                self.total = base + weight - 1
                return items, pos, weight, event.args[0]
            self.total = base + weight - 1
            value, child, size, line, col = self.node(event, depth, key=False)
            weight += size
            items.append(value)
            pos.append((line, col, child))


class _NeedPositions(Exception):  # noqa: N818 - control flow, never seen outside build()
    """What :class:`_DataStream` does not read itself: the file is read in full instead."""


class _DataStream(_Stream):
    """:class:`_Stream` without position trees, for files with neither anchors, duplicate keys nor
    non-scalar keys (what would need a position or an anchor table): anything else raises
    :class:`_NeedPositions` before a single issue is recorded. Limits are checked as in _Stream."""

    __slots__ = ()

    def mapping(self, depth: int) -> tuple[dict[str, Any], Any, int, Any]:
        get = self.get
        data: dict[str, Any] = {}
        weight = 1
        base = self.total
        while True:
            event = get()
            cls = event.__class__
            if cls is _Scalar:
                anchor, tag, _implicit, value, _mark, _end, style = event.args
                if not style and value in NULLS and tag in _NULL_TAGS:
                    value = None
                weight += 1
                name = "" if value is None else value
                if anchor or name in data:
                    raise _NeedPositions
            elif cls is _MappingEnd:
                self.total = base + weight - 1
                return data, None, weight, event.args[0]
            else:
                raise _NeedPositions
            event = get()
            if event.__class__ is _Scalar:
                anchor, tag, _implicit, value, _mark, _end, style = event.args
                if anchor:
                    raise _NeedPositions
                if not style and value in NULLS and tag in _NULL_TAGS:
                    value = None
                weight += 1
                data[name] = value
                continue
            self.total = base + weight - 1
            value, _child, size, _line, _col = self.node(event, depth, key=False)
            weight += size
            data[name] = value

    def sequence(self, depth: int) -> tuple[list[Any], Any, int, Any]:
        get = self.get
        items: list[Any] = []
        weight = 1
        base = self.total
        while True:
            event = get()
            cls = event.__class__
            if cls is _Scalar:
                anchor, tag, _implicit, value, _mark, _end, style = event.args
                if anchor:
                    raise _NeedPositions
                if not style and value in NULLS and tag in _NULL_TAGS:
                    value = None
                weight += 1
                items.append(value)
                continue
            if cls is _SequenceEnd:
                self.total = base + weight - 1
                return items, None, weight, event.args[0]
            self.total = base + weight - 1
            value, _child, size, _line, _col = self.node(event, depth, key=False)
            weight += size
            items.append(value)
