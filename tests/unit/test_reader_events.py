"""The fast event builder (source/events.py) gives exactly what the old one gave.

The old builder is kept as an oracle (reader_oracle.py); any text, valid YAML or not, must
give the same documents (data and positions), the same issues in the same order, the same
issue stopping the read, or the same libyaml error. The limits are lowered for both, so that
the node and depth checks fire at the events where they always fired.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from probis_cli.source import events
from probis_cli.source.reader import RawDocument, ReadIssue, read_text
from tests.unit import reader_oracle

ROOT = Path(__file__).resolve().parents[2]


def _fast(text: str) -> Any:
    documents: list[RawDocument] = []
    issues: list[ReadIssue] = []
    try:
        events.build(text, documents, issues, RawDocument, ReadIssue)
    except events.Abort as abort:
        return documents, issues, abort.issue
    except Exception as exc:  # noqa: BLE001 - libyaml errors are compared as text
        return "error", type(exc).__name__, str(exc)
    return documents, issues, None


def _oracle(text: str) -> Any:
    try:
        return reader_oracle.build(text)
    except Exception as exc:  # noqa: BLE001
        return "error", type(exc).__name__, str(exc)


@contextmanager
def _limits(nodes: int, depth: int) -> Iterator[None]:
    saved = (events.MAX_NODES, events.MAX_DEPTH, reader_oracle.MAX_NODES, reader_oracle.MAX_DEPTH)
    events.MAX_NODES = reader_oracle.MAX_NODES = nodes
    events.MAX_DEPTH = reader_oracle.MAX_DEPTH = depth
    try:
        yield
    finally:
        events.MAX_NODES, events.MAX_DEPTH, reader_oracle.MAX_NODES, reader_oracle.MAX_DEPTH = saved


TOKENS = [
    "a", "b", "kode", ": ", ":", "- ", "\n", "\n  ", "\n    ", "  ", "&x ", "*x", "&y ", "*y", "[", "]", "{", "}",
    ", ", "? ", "---\n", "...\n", "~", "null", "Null", "''", '"q"', "!!str ", "!!null ", "! ", " #c", "2.20",
    "|\n  t\n", "'", '"', "\t", "%YAML 1.2\n---\n",
]  # fmt: skip

# Structured documents: nested mappings and lists, anchors, aliases, duplicate and null keys.
_scalar = st.sampled_from(["a", "b", "~", "", "'x'", "1", "null", "*x", "&x v", "&y w", "*y"])
_key = st.sampled_from(["a", "b", "c", "~", "''", "&x k", "*x", "[a]", "? b"])


def _render(node: Any, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(node, dict):
        lines = []
        for key, value in node.items():
            for k in key.split("|"):
                lines.append(f"{pad}{k}:{_inline(value, indent)}")
        return "\n".join(lines) if lines else pad + "{}"
    if isinstance(node, list):
        return "\n".join(f"{pad}-{_inline(v, indent)}" for v in node) if node else pad + "[]"
    return pad + str(node)


def _inline(value: Any, indent: int) -> str:
    if isinstance(value, (dict, list)) and value:
        anchor = " &x" if len(value) % 3 == 0 else ""
        return anchor + "\n" + _render(value, indent + 2)
    if isinstance(value, (dict, list)):
        return " " + ("{}" if isinstance(value, dict) else "[]")
    return " " + str(value)


_tree = st.recursive(
    _scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.lists(_key, min_size=1, max_size=2).map("|".join), children, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.integers(1, 30), st.integers(1, 6))
def test_any_token_soup_reads_as_before(tokens: list[str], nodes: int, depth: int) -> None:
    text = "".join(tokens)
    with _limits(nodes, depth):
        assert _fast(text) == _oracle(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_tree.filter(lambda t: isinstance(t, dict)), min_size=1, max_size=3), st.integers(3, 60))
def test_structured_documents_read_as_before(docs: list[Any], nodes: int) -> None:
    text = "---\n".join(_render(d) + "\n" for d in docs)
    with _limits(nodes, 5):
        assert _fast(text) == _oracle(text)
    assert _fast(text) == _oracle(text)


def _without_positions(result: Any) -> Any:
    """A builder's result with every position tree left out (``positions=False`` may keep some)."""
    if result[0] == "error":
        return result
    documents, issues, stop = result
    return [RawDocument(d.data, None, d.line, d.column) for d in documents], issues, stop


def _fast_data(text: str) -> Any:
    documents: list[RawDocument] = []
    issues: list[ReadIssue] = []
    try:
        events.build(text, documents, issues, RawDocument, ReadIssue, positions=False)
    except events.Abort as abort:
        return documents, issues, abort.issue
    except Exception as exc:  # noqa: BLE001 - libyaml errors are compared as text
        return "error", type(exc).__name__, str(exc)
    return documents, issues, None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.integers(1, 30), st.integers(1, 6))
def test_any_token_soup_reads_the_same_without_positions(tokens: list[str], nodes: int, depth: int) -> None:
    text = "".join(tokens)
    with _limits(nodes, depth):
        assert _without_positions(_fast_data(text)) == _without_positions(_oracle(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_tree.filter(lambda t: isinstance(t, dict)), min_size=1, max_size=3), st.integers(3, 60))
def test_structured_documents_read_the_same_without_positions(docs: list[Any], nodes: int) -> None:
    text = "---\n".join(_render(d) + "\n" for d in docs)
    with _limits(nodes, 5):
        assert _without_positions(_fast_data(text)) == _without_positions(_oracle(text))


@pytest.mark.parametrize("folder", ["examples", "tests/fixtures"])
def test_every_shipped_file_reads_as_before(folder: str) -> None:
    paths = sorted((ROOT / folder).rglob("*.yaml"))
    assert paths
    for path in paths:
        text = read_text(path.read_text(encoding="utf-8", errors="replace")).text
        assert _fast(text) == _oracle(text), path
        assert _without_positions(_fast_data(text)) == _without_positions(_oracle(text)), path


def test_real_events_are_adapted_when_the_swap_is_not_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: &k [x, {b: ~}]\nc: *k\nd: 1\nd: 2\n---\n- q\n"
    expected = _fast(text)
    monkeypatch.setitem(events._state, "fast", False)
    assert _fast(text) == expected == _oracle(text)


def test_the_extension_keeps_its_own_event_classes_outside_a_parse() -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.events import ScalarEvent

    read_text("a: b\n")
    parsed = list(YAML(typ="safe").parse("a: b\n"))
    assert any(isinstance(e, ScalarEvent) for e in parsed)
