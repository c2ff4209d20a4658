"""The DOT scanner of the WebAssembly engine (one regular expression) against the character
loop it replaced, on DOT-like text made of the pieces that matter: quotes, escapes, comments,
preprocessor lines, HTML labels and the fonts it swaps."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from probis_cli.render.layout.common import UnsupportedFeature
from probis_cli.render.layout.dotscan import _WASM_FONT_PROXIES, _dot_tokens, _prepare_dot_for_wasm, _token_value

ID_CHAR = re.compile(r"[A-Za-z0-9_.\x80-\U0010ffff]+")
PIECES = ['"', "\\", "\n", " ", "\t", "\r", "#", "/", "*", "<", ">", "=", "a", "fontname", '"fontname"']
PIECES += ["Helvetica-Bold", "helvetica-oblique", " HELVETICA-BOLDOBLIQUE ", ";", "[", "]", "é", ".", "-", '\\"']
dot_like = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def reference_tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Tokens of DOT text, skipping whitespace and comments (enough to find attributes)."""
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if c == "\n":
            line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if c == "#" and line_start:  # C preprocessor output line
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        line_start = False
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" and j + 1 < n and text[j + 1] == '"' else 1
            yield ("str", i, min(j + 1, n))
            i = j + 1
        elif c == "<":
            depth, j = 0, i
            while j < n:
                if text[j] == "<":
                    depth += 1
                elif text[j] == ">":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            yield ("html", i, min(j + 1, n))
            i = j + 1
        else:
            match = ID_CHAR.match(text, i)
            if match:
                yield ("id", i, match.end())
                i = match.end()
            else:
                yield ("punct", i, i + 1)
                i += 1


@settings(max_examples=400, deadline=None)
@given(dot_like)
def test_tokens_are_those_of_the_character_loop(text: str) -> None:
    if "<" in text:  # an HTML label is refused at its first character; the loop read it whole
        text = text.replace("<", "")
    assert list(_dot_tokens(text)) == list(reference_tokens(text))


@settings(max_examples=400, deadline=None)
@given(dot_like)
def test_html_labels_are_refused_and_fonts_swapped_outside_strings_and_comments(text: str) -> None:
    expected_html = [start for kind, start, _end in reference_tokens(text) if kind == "html"]
    try:
        prepared = _prepare_dot_for_wasm(text, "wasm")
    except UnsupportedFeature as exc:
        assert expected_html and exc.detail == f"line {text.count(chr(10), 0, expected_html[0]) + 1}"
        return
    assert not expected_html
    assert prepared.count("Ver-Dana") + prepared.count("Hel-Vetica") + prepared.count("Verd-Ana") <= text.lower().count(
        "helvetica-"
    )


def test_a_font_in_a_label_or_a_comment_is_left_alone() -> None:
    text = 'digraph { a [label="fontname=Helvetica-Bold"]; // fontname=Helvetica-Bold\n b [fontname="Helvetica-Bold"] }'
    prepared = _prepare_dot_for_wasm(text, "wasm")
    assert prepared.count("Ver-Dana") == 1 and 'label="fontname=Helvetica-Bold"' in prepared


def reference_prepare(text: str) -> str:
    """The token walk :func:`_prepare_dot_for_wasm` replaced by one regular expression pass."""
    tokens = list(_dot_tokens(text))
    replacements: list[tuple[int, int, str]] = []
    for index, token in enumerate(tokens):
        if token[0] == "html":
            line = text.count("\n", 0, token[1]) + 1
            raise UnsupportedFeature("html-labels", "", engine="wasm", detail=f"line {line}")
        if (
            index >= 2
            and token[0] in ("id", "str")
            and tokens[index - 1][0] == "punct"
            and text[tokens[index - 1][1]] == "="
            and tokens[index - 2][0] in ("id", "str")
            and _token_value(text, tokens[index - 2]) == "fontname"
        ):
            proxy = _WASM_FONT_PROXIES.get(_token_value(text, token).strip().lower())
            if proxy is not None:
                replacements.append((token[1], token[2], f'"{proxy[0]}"'))
    for start, end, new in reversed(replacements):
        text = text[:start] + new + text[end:]
    return text


MORE_PIECES = [*PIECES, "fontname=", "=fontname", " = ", "\n#x\n", "/*", "*/", "//", "xfontname", "fontname2"]
MORE_PIECES += ["Helvetica-Oblique", '"Helvetica-Bold"', '" helvetica-bold"', "\n", "\\"]
dot_like_fonts = st.lists(st.sampled_from(MORE_PIECES), max_size=24).map("".join)


def _outcome(prepare: object, text: str) -> str:
    try:
        return str(prepare(text) if prepare is reference_prepare else _prepare_dot_for_wasm(text, "wasm"))  # type: ignore[operator]
    except UnsupportedFeature as exc:
        return f"refused {exc.detail}"


@settings(max_examples=1500, deadline=None)
@given(dot_like_fonts)
def test_one_pass_prepares_exactly_what_the_token_walk_did(text: str) -> None:
    assert _outcome(_prepare_dot_for_wasm, text) == _outcome(reference_prepare, text)


def test_a_font_value_may_be_the_next_attributes_name() -> None:
    text = 'a [fontname=fontname="Helvetica-Bold"]\n# fontname=Helvetica-Bold\nb [ fontname /* x */ = \n\t"helvetica-oblique"]'
    assert _prepare_dot_for_wasm(text, "wasm") == reference_prepare(text)
    assert _prepare_dot_for_wasm(text, "wasm").count("Ver-Dana") == 1
    assert '"Hel-Vetica"' in _prepare_dot_for_wasm(text, "wasm")
