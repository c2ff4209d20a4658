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

import functools
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


def _as_bytes(pattern: re.Pattern[str]) -> re.Pattern[bytes]:
    return re.compile(pattern.pattern.encode("ascii"), pattern.flags & ~re.UNICODE)


# The same patterns over UTF-8 bytes: half the memory of a text with one non-Latin-1 character
# (every diagram has its "—"), a quarter of the time for some. They read a text as the text
# patterns do when nothing in it is white space, a letter, a digit, or cased outside ASCII
# (``\s``, ``\b``, ``.strip()`` and IGNORECASE are ASCII-only on bytes), see :func:`_plain_bytes`.
_B_DANGER, _B_ANCHOR, _B_BAD_ATTR, _B_HREF, _B_LINKED_NODE, _B_OTHER_TITLE = (
    _as_bytes(p) for p in (_DANGER, _ANCHOR, _BAD_ATTR, _HREF, _LINKED_NODE, _OTHER_TITLE)
)
# _PROLOG with a comment's body possessive (no "-->" is ever given back) and comments, the most,
# tried first (what starts a match tells the three apart).
_B_PROLOG = re.compile(rb"<(?:!--[^-]*+(?:-(?!->)[^-]*+)*+-->|\?xml.*?\?>|!DOCTYPE.*?>)", re.DOTALL)
# _WRAP with its lazy body unrolled: it runs to the first ``</a>`` that ``\s*</g>`` follows, as the
# lazy one does, without trying the end at every byte.
_B_WRAP = re.compile(rb'<g id="a_[^"]*">\s*<a\b[^>]*>([^<]*(?:<(?!/a>\s*</g>)[^<]*)*)</a>\s*</g>')
# The name and "=" every match of _BAD_ATTR holds, in a lower-cased text, starting one
# character after the match (seven for ``xlink:href``): three quick passes find where to try
# _BAD_ATTR instead of trying it at every white space.
_B_BAD_HINTS = (re.compile(rb"on[a-z]+\s*="), re.compile(rb"href\s*="), re.compile(rb"style\s*="))
# What every match of _DANGER starts with, in a lower-cased text.
_B_DANGER_HINT = re.compile(rb"<(?:script|style|foreignobject|iframe)")
# The same, or the start of a link (every match of _ANCHOR, _WRAP and _LINKED_NODE has one).
_B_HINT = re.compile(rb"<(?:/?a\b|script|style|foreignobject|iframe)")
# Searched for with a pattern: faster than ``in`` (or than a replace that finds nothing).
_B_URL = re.compile(rb"url\(#")
_B_MD = re.compile(rb'\.md"')
# What ``bytes.strip`` strips.
_WHITE = frozenset(b" \t\n\r\x0b\x0c")
# Bytes that read the same to text and byte patterns: ASCII but the separators \x1c-\x1f,
# which are white space to ``str`` only.
_B_SAME = bytes(range(0x1C)) + bytes(range(0x20, 0x80))
# The same but parentheses and "#", which the pass that looks for the others keeps too.
_B_SAME_BUT_MARKS = bytes(b for b in _B_SAME if b not in b"()#")


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


def _plain_bytes(data: bytes) -> bool:
    """Whether the byte patterns read ``data`` (valid UTF-8) as the text patterns read its text:
    no character outside ASCII is white space, a word character or cased (``ſ`` and ``K`` are
    ``s`` and ``k`` to a case-blind text pattern), and no ASCII separator \\x1c-\\x1f is there."""
    return _plain_rest(data) is not None


def _plain_rest(data: bytes) -> bytes | None:
    """None unless :func:`_plain_bytes`; else the parentheses and ``#`` of ``data`` in order (the
    same pass): where ``(#`` is not, no ``url(#`` is either."""
    rest = data.translate(None, _B_SAME_BUT_MARKS)
    odd = rest.translate(None, b"()#")
    if odd:
        chars = set(odd.decode("utf-8"))
        if any(
            c.isspace() or c.isalnum() or c == "_" or c.lower() != c or c.upper() != c or c.casefold() != c
            for c in chars
        ):
            return None
    return rest


def _drop_bad_attributes(text: bytes, lower: bytes) -> bytes:
    """``_B_BAD_ATTR.sub(b"", text)``, tried only where a hint is (``lower``: ``text.lower()``).

    A match starts at a white space right before its name (``on...``, ``href``, ``xlink:href``,
    ``style``), which a hint finds: no other white space can start one. Tried in order, each
    after the end of the last match, as ``sub`` scans."""
    starts: set[int] = set()
    for hint in _B_BAD_HINTS:
        for found in hint.finditer(lower):
            at = found.start()
            starts.add(at - 1)
            if at >= 7 and lower[at - 6 : at] == b"xlink:":
                starts.add(at - 7)
    parts: list[bytes] = []
    end = 0
    for at in sorted(starts):
        if at < end or at < 0:
            continue
        match = _B_BAD_ATTR.match(text, at)
        if match is not None:
            parts.append(text[end:at])
            end = match.end()
    if not parts:
        return text
    parts.append(text[end:])
    return b"".join(parts)


def _sanitise(text: bytes, lower: bytes, hint: int | None) -> tuple[bytes, dict[bytes, str]]:
    """``inline_svg``'s steps from the prolog's removal to the anchors' (``lower``: ``text.lower()``),
    on bytes, and the SOP drafts Graphviz's links named (title -> SOP code). ``hint``: where
    ``_B_HINT`` first matched ``lower`` (None: nowhere, so no element to drop, no link)."""
    if hint is not None and _B_DANGER_HINT.search(lower, hint):
        text = _B_DANGER.sub(b"", text)
        lower = text.lower()
    drafts: dict[bytes, str] = {}
    if hint is not None and _B_MD.search(text):
        for match in _B_LINKED_NODE.finditer(text):
            href = _B_HREF.search(match.group(2))
            draft = _SOP_DRAFT.search(html.unescape(href.group(1).decode("utf-8"))) if href else None
            if draft:
                drafts[match.group(1)] = draft.group(1)
    text = _drop_bad_attributes(text, lower)
    text = b"".join(_B_WRAP.split(text))  # sub(rb"\1", text), without a Python call per match
    return _B_ANCHOR.sub(b"", text), drafts


_PLAIN_HEAD = b'<g class="node">'
_LINK_TAIL = b"</a></g>"
# _PLAIN_NODE (on bytes) with the body's trailing white space outside its group (as ``rstrip`` leaves
# it: the body runs to its last non-white byte or its last ``<``, possessively, so nothing is
# tried twice) and the closing ``</g>`` a group of its own. The title is the first group when
# ``link`` has to look at it (see :func:`_node_pattern`), else the second.
_NODE_HEAD = rb'<g id="[^"]*" class="node">\s*<title>(?:((?=%b)[^<]*)|([^<]*))</title>\s*'
_NODE_REST = rb"((?:[^<]*+<(?!/g>))*+[^<\s]*+(?:\s++[^<\s]++)*+)\s*+(</g>)"


@functools.lru_cache(maxsize=16)
def _node_pattern(known: frozenset[bytes] | None) -> re.Pattern[bytes]:
    """The node pattern whose first group holds the titles ``link`` looks at: all of them
    (``known`` None), else those with an entity or of a kind in ``known``, the kind being the
    title up to its first ``__`` (``raw.partition(b"__")[0]``): a kind is the whole title, or
    what is before a ``__`` when nothing before holds one (a kind ending in ``_`` cannot be)."""
    if known is None:
        return re.compile(_NODE_HEAD % b"" + _NODE_REST)
    whole = [re.escape(kind) for kind in sorted(known) if b"__" not in kind]
    first = [re.escape(kind) for kind in sorted(known) if b"__" not in kind and not kind.endswith(b"_")]
    ways = [b"[^<]*&"]
    if whole:
        ways.append(b"(?:%b)<" % b"|".join(whole))
    if first:
        ways.append(b"(?:%b)__" % b"|".join(first))
    return re.compile(_NODE_HEAD % b"|".join(ways) + _NODE_REST)


def _link_nodes(
    text: bytes, resolve: Resolver, kinds: Collection[str] | None, drafts: dict[bytes, str]
) -> tuple[bytes, bool]:
    """``_PLAIN_NODE.sub(link, text)`` (on bytes) with ``inline_svg``'s ``link`` on bytes: one ``split``
    and one ``join``, Python touching only the titles ``link`` looks at (a node of a kind no page
    is for, the most, gets the plain head). And whether a link's head holds ``url(#``."""
    known = None if kinds is None else frozenset(kind.encode("utf-8") for kind in kinds)
    parts = _node_pattern(None if drafts else known).split(text)
    if len(parts) == 1:
        return text, False
    looked = parts[1::5]
    parts[2::5] = [b""] * len(looked)
    heads = [_PLAIN_HEAD] * len(looked)
    url = False
    for n in [n for n, raw in enumerate(looked) if raw is not None]:
        raw = looked[n]
        if known is not None and raw.partition(b"__")[0] not in known and b"&" not in raw and raw not in drafts:
            continue  # a title the pattern took as it took them all (SOP drafts named)
        linked = _link_head(raw, resolve, drafts)
        if linked is not None:
            heads[n] = linked
            parts[5 * n + 4] = _LINK_TAIL
            url = url or b"url(#" in linked
    parts[1::5] = heads
    return b"".join(parts), url


def _link_head(raw: bytes, resolve: Resolver, drafts: dict[bytes, str]) -> bytes | None:
    """The opening of a node's link (``raw``: its title as Graphviz wrote it), or None."""
    title = raw.decode("utf-8")
    kind, code = _kind_and_code(html.unescape(title) if "&" in title else title)
    target = resolve(kind, code) if code is not None else None
    if target is None and raw in drafts:
        target = resolve("sop", drafts[raw])
    if target is None:
        return None
    href_out, name = target
    return (
        f'<g class="node tautan"><a href="{html.escape(href_out, quote=True)}">'
        f"<title>{html.escape(name, quote=False)}</title>"
    ).encode("utf-8")


def inline_svg_bytes(
    svg: bytes, prefix: str, resolve: Resolver, label: str, kinds: Collection[str] | None = None
) -> bytes:
    """``inline_svg(svg.decode("utf-8"), ...)`` encoded as UTF-8 (``svg`` is valid UTF-8), the
    same bytes, computed on the bytes when :func:`_plain_bytes` says they read the same.

    Each pass over a city's 235 MB of diagrams costs about 0.1 s, so the passes are few. The
    prolog's removal reads bytes as text whatever they hold (no white space, word or case in
    its pattern), so the check runs on what is left. When the lower-cased text holds no start
    of a dangerous element, of a link or of a dropped attribute, the steps they need change
    nothing (a removal that could make a link is an attribute's, which was not found) and
    are skipped: no SOP draft is named either, as that needs a link."""
    text = _B_PROLOG.sub(b"", svg)
    rest = _plain_rest(text)
    if rest is None:
        return inline_svg(svg.decode("utf-8"), prefix, resolve, label, kinds).encode("utf-8")
    lower = text.lower()
    drafts: dict[bytes, str] = {}
    url_to = f"url(#{prefix}-".encode("utf-8")
    # Where no "(#" is, no "url(#" is after the steps either, unless they brought one: the
    # sanitising steps join what was around what they drop, a link's title is the resolver's,
    # and an id's prefix is the caller's (what else they drop or add starts or ends with a tag).
    url = b"(#" in rest or b"url(#" in url_to[5:]
    hint = _B_HINT.search(lower)
    if hint is not None or any(bad.search(lower) for bad in _B_BAD_HINTS):
        text, drafts = _sanitise(text, lower, None if hint is None else hint.start())
        url = True
    text, linked = _link_nodes(text, resolve, kinds, drafts)
    text = b"".join(_B_OTHER_TITLE.split(text))  # sub(rb"\1", text), as for _B_WRAP
    # split and join: a third faster than bytes.replace with as many ids.
    text = f' id="{prefix}-'.encode("utf-8").join(text.split(b' id="'))
    if (url or linked) and _B_URL.search(text):
        text = text.replace(b"url(#", url_to)
    return _open_tag(text, f'<svg role="img" aria-label="{html.escape(label, quote=True)}" '.encode("utf-8"))


def _open_tag(text: bytes, tag: bytes) -> bytes:
    """``text.replace(b"<svg ", tag, 1).strip()`` (``tag`` starts with ``<`` and ends with a
    space), copying the text once when only white space is before the first ``<svg ``."""
    at = text.find(b"<svg ")
    end = len(text)
    while end > at + 5 and text[end - 1] in _WHITE:
        end -= 1
    if at < 0 or end == at + 5 or (at and not text[:at].isspace()):
        return text.replace(b"<svg ", tag, 1).strip()
    return tag + memoryview(text)[at + 5 : end]
