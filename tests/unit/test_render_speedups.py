"""The faster text helpers of the diagram builders give exactly what the old ones gave.

Each rewritten function is checked against its previous implementation, kept here as the
oracle, on free-form text (hypothesis): DOT output must stay byte-identical.
"""

from __future__ import annotations

import re
import unicodedata
import warnings

import graphviz  # type: ignore[import-untyped]
from hypothesis import example, given, settings
from hypothesis import strategies as st

from probis_cli.render.diagrams import dot
from probis_cli.render.teks import wrap_lines

# -- the oracles: the implementations before the speed-ups ----------------------------------


def _old_wrap_lines(text: str, width: int) -> list[str]:
    words: list[tuple[str, bool]] = []
    for word in text.split():
        pieces = _old_split_long_word(word, width) if len(word) > width else [word]
        words.extend((piece, index > 0) for index, piece in enumerate(pieces))
    if not words:
        return []
    lines = _old_greedy(words, width)
    for narrower in range(max(len(word) for word, _ in words), width):
        candidate = _old_greedy(words, narrower)
        if len(candidate) <= len(lines):
            return candidate
    return lines


def _old_split_long_word(word: str, width: int) -> list[str]:
    pieces: list[str] = []
    for part in (piece for piece in re.split(r"(?<=[-/])", word) if piece):
        if pieces and len(pieces[-1]) + len(part) <= width:
            pieces[-1] += part
        else:
            pieces.append(part)
    return pieces


def _old_greedy(words: list[tuple[str, bool]], width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word, continues in words:
        if not current:
            current = word
        elif not continues and len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def _old_clean(text: object) -> str:
    out = []
    for ch in str(text):
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ch in ("\ufffe", "\uffff"):
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def _old_safe_id(kind: str, *parts: str) -> str:
    encoded = []
    for part in parts:
        encoded.append("".join(ch if ch.isascii() and (ch.isalnum() or ch == ".") else f"_{ord(ch):x}_" for ch in part))
    return "__".join([kind, *encoded])


_OLD_LINE_END = re.compile(r"\\[nlr]|\\\\|\\.")


def _old_label_lines(label: str) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    position = 0
    for match in _OLD_LINE_END.finditer(label):
        current.append(label[position : match.start()])
        token = match.group(0)
        if token in ("\\n", "\\l", "\\r"):
            lines.append("".join(current))
            current = []
        else:
            current.append(token[1])
        position = match.end()
    rest = label[position:]
    if rest or current:
        lines.append("".join(current) + rest)
    return lines


def _old_text_width(text: str, size: float, *, bold: bool = False) -> float:
    widths = dot._widths(bold)
    return sum(widths.get(ch, 556) for ch in text) * size / 1000


# -- strategies -----------------------------------------------------------------------------
# Words, hyphens, slashes and runs of spaces: what makes the wrapping take every branch.
_wordy = st.lists(
    st.one_of(
        st.text(alphabet="abcdefghij", min_size=1, max_size=30),
        st.sampled_from([" ", "  ", "-", "/", "\t", "\n", "a-b", "x/y/z", "é"]),
    ),
    max_size=40,
).map("".join)
_any_text = st.text(alphabet=st.characters(codec=None), max_size=60)


@settings(max_examples=600, deadline=None)
@given(text=st.one_of(_wordy, _any_text), width=st.integers(min_value=1, max_value=60))
@example(text="Verifikasi berkas permohonan izin usaha mikro dan kecil", width=26)
@example(text="https://example.org/a-very-long/path-with-hyphens/and-more", width=8)
@example(text="", width=5)
def test_wrap_lines_is_the_old_wrap_lines(text: str, width: int) -> None:
    assert wrap_lines(text, width) == _old_wrap_lines(text, width)
    # Cached: a second call gives the same lines, and a caller's change does not leak in.
    first = wrap_lines(text, width)
    first.append("changed")
    assert wrap_lines(text, width) == _old_wrap_lines(text, width)


# Control characters, surrogates, the noncharacters and Unicode spaces, mixed with text.
_dirty = st.lists(
    st.one_of(
        st.characters(codec=None),
        st.characters(min_codepoint=0, max_codepoint=0xA0),
        st.sampled_from(["\ud800", "\udfff", "\ufffe", "\uffff", "\x85", "\u2028", "\u3000", "\x1c", "\x00"]),
    ),
    max_size=50,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=_dirty)
def test_clean_is_the_old_clean(text: str) -> None:
    assert dot.clean(text) == _old_clean(text)


def test_clean_drops_exactly_the_old_characters_of_the_whole_bmp() -> None:
    every = "".join(chr(code) for code in range(0x10000))
    assert dot.clean(every) == _old_clean(every)


@settings(max_examples=300, deadline=None)
@given(kind=st.text(alphabet="abc", min_size=1, max_size=5), parts=st.lists(_dirty, max_size=4))
def test_safe_id_is_the_old_safe_id(kind: str, parts: list[str]) -> None:
    assert dot.safe_id(kind, *parts) == _old_safe_id(kind, *parts)


@settings(max_examples=400, deadline=None)
@given(label=st.lists(st.one_of(st.sampled_from(["\\", "\\n", "\\l", "\\r", "\\\\", "n", "l"]), _dirty)).map("".join))
def test_label_lines_is_the_old_label_lines(label: str) -> None:
    assert dot.label_lines(label) == _old_label_lines(label)


@settings(max_examples=300, deadline=None)
@given(text=_dirty, size=st.sampled_from([9.0, 10.0, 11.0, 12.0, 15.0]), bold=st.booleans())
def test_text_width_is_the_old_text_width(text: str, size: float, bold: bool) -> None:
    assert dot.text_width(text, size, bold=bold) == _old_text_width(text, size, bold=bold)


# -- DOT quoting: the graphviz package's own functions are the oracle -----------------------
_dot_text = st.lists(
    st.one_of(
        _dirty, st.sampled_from(['"', '\\"', "\\\\", "<", ">", "<b>x</b>", "node", "Edge", "-4.2", ".5", ":", "a_1"])
    )
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_dot_text, html=st.booleans())
def test_quote_is_the_packages_quote(text: str, html: bool) -> None:
    value = text if html else graphviz.nohtml(text)
    with warnings.catch_warnings(record=True) as ours:
        warnings.simplefilter("always")
        got = dot.quote(value)
    with warnings.catch_warnings(record=True) as theirs:
        warnings.simplefilter("always")
        expected = graphviz.quoting.quote(value)
    assert got == expected
    assert [str(w.message) for w in ours] == [str(w.message) for w in theirs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert dot.quote_edge(text) == graphviz.quoting.quote_edge(text)


@settings(max_examples=300, deadline=None)
@given(
    label=st.one_of(st.none(), _dot_text),
    kwargs=st.dictionaries(
        st.sampled_from(["shape", "pos", "class", "node", "URL", "width"]), st.one_of(st.none(), _dot_text)
    ),
    attributes=st.one_of(
        st.none(),
        st.dictionaries(st.sampled_from(["a", "b", "edge"]), _dot_text),
        st.lists(st.tuples(st.just("c"), _dot_text)),
    ),
)
def test_attr_list_is_the_packages_attr_list(
    label: str | None, kwargs: dict[str, str | None], attributes: dict[str, str] | list[tuple[str, str]] | None
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = graphviz.quoting.attr_list(label, kwargs=kwargs, attributes=attributes)
        assert dot.attr_list(label, kwargs, attributes) == expected


def test_a_pinned_graph_writes_what_graphviz_digraph_writes() -> None:
    ours = dot.new_graph("x", title="Judul <KTP & KK>", subtitle='kutip " dan \\ garis')
    plain = graphviz.Digraph(
        name=ours.name, graph_attr=ours.graph_attr, node_attr=ours.node_attr, edge_attr=ours.edge_attr
    )
    for graph in (ours, plain):
        graph.node("a b", dot.plain_label(["<x>", 'say "hi"']), shape="ellipse", URL="../a b.svg")
        graph.node("node", None, _attributes={"pos": "1,2!"}, **{"class": "step x"})
        graph.edge("a b:p:s", "node", "lbl", _attributes={"weight": "2"}, style="dashed")
        graph.edge("c", "d")
        with graph.subgraph(name="cluster_1") as sub:
            sub.attr(label="Klaster", rank="same")
            sub.node("e")
            sub.edge("e", "a b")
    assert ours.source == plain.source


def test_cached_quote_keeps_nohtml_apart_and_warns_every_time() -> None:
    assert dot.quote("<KTP & KK>") == "<KTP & KK>"
    assert dot.quote(graphviz.nohtml("<KTP & KK>")) == '"<KTP & KK>"'
    assert dot.quote("<KTP & KK>") == "<KTP & KK>"
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert dot.quote("a\\") == graphviz.quoting.quote("a\\")
        assert len(caught) == 2
