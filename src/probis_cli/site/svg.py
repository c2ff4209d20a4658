"""Graphviz SVG made fit to sit inline in a page, its nodes links into the site.

Graphviz names each node's group with a ``<title>`` holding the DOT node id, which the
renderers build with ``render.diagrams.dot.safe_id(kind, *parts)``: ``p__PB.02`` is process
PB.02, ``prog__1.02.02`` a program, ``s__S1.1`` a sasaran, ``keg__...`` a kegiatan and
``n__dinkes`` an actor. Those ids are read back here and each node becomes an ``<a>`` to its
page, so a click works from ``file://`` with no script (an ``<object>`` or an image map would
need a script or a server: a file:// document in an ``<object>`` is a foreign origin).

The SVG text comes from Graphviz, which escapes every label taken from the repository; still,
as a repository is untrusted, scripts, event attributes, foreign objects and links are dropped
before our own links are added.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection

# A comment's body unrolled (runs of non-dashes, a dash only when no "->" follows): the first
# "-->" ends it, as a lazy ``.*?-->`` would, without trying "-->" at every character.
_PROLOG = re.compile(r"<(?:\?xml.*?\?>|!(?:DOCTYPE.*?>|--[^-]*(?:-(?!->)[^-]*)*-->))", re.DOTALL)
_DANGER = re.compile(
    r"<(script|style|foreignObject|iframe)\b.*?</\1\s*>|<(?:script|style|foreignObject|iframe)\b[^>]*/?>",
    re.DOTALL | re.IGNORECASE,
)
_ANCHOR = re.compile(r"</?a\b[^>]*>", re.IGNORECASE)
_BAD_ATTR = re.compile(r"""\s(?:on[a-zA-Z]+|(?:xlink:)?href|style)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
# A node group once Graphviz's links are gone (no <a> is left): its body runs to the
# first </g> (an unrolled loop instead of a lazy .*? that tries </g> at every character).
_PLAIN_NODE = re.compile(r'<g id="[^"]*" class="node">\s*<title>([^<]*)</title>\s*([^<]*(?:<(?!/g>)[^<]*)*)</g>')
_WRAP = re.compile(r'<g id="a_[^"]*">\s*<a\b[^>]*>(.*?)</a>\s*</g>', re.DOTALL)
_HREF = re.compile(r'xlink:href="([^"]*)"')
# A node group Graphviz linked (with a URL it wraps the shapes in <g id="a_..."><a xlink:href=...>),
# up to the link's attributes.
_LINKED_NODE = re.compile(r'<g id="[^"]*" class="node">\s*<title>([^<]*)</title>\s*<g id="a_[^"]*">\s*<a\b([^>]*)>')
_SOP_DRAFT = re.compile(r"(?:^|/)sop/([^/]+)\.md$")
_HEX = re.compile(r"_([0-9a-f]+)_")
_OTHER_TITLE = re.compile(r'(class="(?:edge|cluster|graph)">\s*)<title>[^<]*</title>')

# (kind, code) -> (href, title) or None
Resolver = Callable[[str, str], "tuple[str, str] | None"]


def decode_id(node_id: str) -> tuple[str, list[str]]:
    """``("p", ["PB.02"])`` from ``p__PB.02``: the inverse of ``safe_id``."""
    kind, *parts = node_id.split("__")
    return kind, [_HEX.sub(_unhex, part) for part in parts]


def _unhex(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


def _kind_and_code(title: str) -> tuple[str, str | None]:
    """``decode_id``'s kind and first part (all a link needs), decoding only that part."""
    kind, sep, rest = title.partition("__")
    if not sep:
        return kind, None
    code = rest.split("__", 1)[0]
    return kind, (_HEX.sub(_unhex, code) if "_" in code else code)


def inline_svg(svg: str, prefix: str, resolve: Resolver, label: str, kinds: Collection[str] | None = None) -> str:
    """``svg`` as an inline element: prolog gone, ids prefixed with ``prefix`` (several
    diagrams share a page), unsafe parts dropped, known nodes turned into links. ``kinds``:
    the only node kinds ``resolve`` knows, when given (others are not asked about)."""
    text = _PROLOG.sub("", svg)
    text = _DANGER.sub("", text)
    # The renderer's own drill-down links to SOP drafts become links to the SOP pages.
    drafts: dict[str, str] = {}
    if '.md"' in text:
        for match in _LINKED_NODE.finditer(text):
            href = _HREF.search(match.group(2))
            draft = _SOP_DRAFT.search(html.unescape(href.group(1))) if href else None
            if draft:
                drafts[match.group(1)] = draft.group(1)
    # Attributes only: Graphviz writes a quote in text as &quot;, so outside a tag nothing
    # looks like ` name="..."` (one pass over the whole text instead of one call per tag).
    text = _BAD_ATTR.sub("", text)
    text = _WRAP.sub(r"\1", text)  # Graphviz's own links: only their shapes stay
    text = _ANCHOR.sub("", text)  # only our own links (never nested ones)

    def link(match: re.Match[str]) -> str:
        raw = match.group(1)
        body = match.group(2).rstrip()  # as a lazy body would, leaving the white space before </g>
        if kinds is not None and "&" not in raw and raw.partition("__")[0] not in kinds and raw not in drafts:
            return f'<g class="node">{body}</g>'  # a text cell or a point of an SOP's grid, say
        kind, code = _kind_and_code(html.unescape(raw) if "&" in raw else raw)
        target = resolve(kind, code) if code is not None else None
        if target is None and raw in drafts:
            target = resolve("sop", drafts[raw])
        if target is None:
            return f'<g class="node">{body}</g>'
        href_out, name = target
        return (
            f'<g class="node tautan"><a href="{html.escape(href_out, quote=True)}">'
            f"<title>{html.escape(name, quote=False)}</title>{body}</a></g>"
        )

    text = _PLAIN_NODE.sub(link, text)
    text = _OTHER_TITLE.sub(r"\1", text)
    text = text.replace(' id="', f' id="{prefix}-').replace("url(#", f"url(#{prefix}-")
    text = text.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)
    return text.strip()
