"""Diagrams cleaned as bytes and put into their pages as bytes: exactly the bytes of the text
path (``inline_svg`` then UTF-8), whatever the SVG holds, and a page whose text holds a mark of
its own is built the text way."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from probis_cli import api
from probis_cli.laporan.compute import build_laporan
from probis_cli.site.build import SiteInput, build_pages
from probis_cli.site.builder import LINKED_KINDS, splice
from probis_cli.site.store import INDEX_FILE, LayoutStore
from probis_cli.site.svg import _open_tag, _plain_bytes, inline_svg, inline_svg_bytes
from tests.site.conftest import Site, copy_example
from tests.site.test_pages import SVG, WRAPPED

# Pieces of Graphviz SVG and of hostile text, with the characters byte and text patterns read
# differently: white space outside ASCII (NBSP, NEL, em space), the separators \x1c-\x1f,
# letters that are ASCII letters to a case-blind text pattern (long s, Kelvin sign, dotless
# and dotted i), a letter outside ASCII (é: a word character), and harmless ones (—, ·, →).
PIECES = [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n',
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
    "<!-- p__PB.02 -->\n",
    '<svg width="10pt" height="10pt" xmlns="http://www.w3.org/2000/svg">\n',
    '<g id="graph0" class="graph">\n<title>g</title>\n',
    '<g id="node1" class="node">\n<title>p__PB.02</title>\n<polygon points="1,2 3,4"/>\n</g>\n',
    '<g id="node2" class="node">\n<title>sop__SOP_2d_X&#45;1</title>\n<text x="1">Langkah — satu</text>\n</g>\n',
    '<g id="node3" class="node">\n<title>cell__1</title>\n<text>x</text>\n</g>\n',
    '<g id="node4" class="node">\n<title>p__PB.03</title>\n<g id="a_node4"><a xlink:href="sop/SOP&#45;A.md" '
    'xlink:title="x">\n<polygon points="0,0"/>\n</a>\n</g>\n</g>\n',
    '<g id="a_node5"><a xlink:href="x.svg" target="_top"><path d="M0,0"/></a>\n</g>\n',
    '<g id="edge1" class="edge">\n<title>a&#45;&gt;b</title>\n<path fill="url(#l_1)" d="M0,0"/>\n</g>\n',
    "<script>alert(1)</script>",
    "<SCRIPT src=x />",
    "<ſcript>alert(2)</ſcript>",
    '<foreignObject><div onclick="x"/></foreignObject>',
    '<iframe src="x">',
    ' onload="alert(3)"',
    " ONCLICK='x'",
    " onmouseover=alert(4)",
    " oNſtyle=x",
    ' style="fill:red"',
    ' XLINK:HREF="javascript:x"',
    ' xlınk:href="x"',
    " \xa0onload=x",
    " \x85href=y",
    "\x1conload=z",
    "\u2003style='s'",
    " xlin\u212a:href=x",
    " xl\u0130nk:href=x",
    " href = x",
    "<a href='y'>",
    "</A>",
    "<text>· é → —</text>",
    "</g>\n",
    "</svg>\n",
    " ",
    "\n",
    # What the fast byte path leans on: a node's trailing white space of every kind (or a "<"
    # last), kinds with and without a page, a title with an entity, a wrapper whose first </a>
    # no </g> follows, Graphviz's other groups, ids and gradients, upper-case tags.
    '<g id="node7" class="node">\n<title>tx__SOP_2d_A__3</title>\n<text>a b</text> \t\r\x0b\x0c\n</g>',
    '<g id="node8" class="node"><title>n__dinkes</title>x <</g>',
    '<g id="node9" class="node">\n<title>keg__1.02&amp;</title>\n\n</g>',
    '<g id="node10" class="node"><title>s</title>  a  b  </g>',
    '<g id="a_n"><a xlink:href="sop/SOP-B.md"><text/></a> <b/></a>\n</g>',
    '<g id="clust1" class="cluster">\n<title>cluster_x</title>\n',
    '<g id="edge2" class="edge arrow"><title>e</title>',
    ' class="graph"> <title>t</title>id="x"',
    '<linearGradient id="l_1"><stop/></linearGradient>',
    ' fill="url(#l_1)"',
    "<STYLE>x</STYLE>",
    "<Style/>",
    "<IFRAME/>",
    "<foreignobject/>",
    "<A HREF='x'>",
    "<a\n",
    "<svg ",
    "\t\x0c",
    "<!-- a --->",
    "<!--->",
    "<!-- - -- ->",
    "<!--",
    "-->",
    "<?xml ?",
    "?>",
]


def resolve(kind: str, code: str) -> tuple[str, str] | None:
    if kind == "p" and code == "PB.02":
        return ("../proses/PB.02.html", "PB.02 <Pelayanan> ſ \xa0 url(#n)")
    if kind == "sop":
        return (f"../sop/{code}.html", f'{code} "dan" &')
    return None


def same(svg: str, kinds: frozenset[str] | None) -> None:
    text = inline_svg(svg, "d3", resolve, "Peta \xa0 ſ <b>", kinds).encode("utf-8")
    assert inline_svg_bytes(svg.encode("utf-8"), "d3", resolve, "Peta \xa0 ſ <b>", kinds) == text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.booleans())
def test_bytes_path_is_the_text_path(pieces: list[str], linked_only: bool) -> None:
    same("".join(pieces), LINKED_KINDS if linked_only else None)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/=\"' \n-_&#;!?aAgnosthrefylx:kK\u212a\xa0\x1c\u017f\u0131\u0130\xe9\u2014")),
        max_size=80,
    )
)
def test_bytes_path_is_the_text_path_on_any_text(text: str) -> None:
    same(SVG + text + WRAPPED, LINKED_KINDS)
    same(text, None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<svg ",
                " ",
                "\n",
                "\t",
                "\x0b",
                "x",
                "<g>",
                "</g>",
                '<g id="n" class="node"><title>p__PB.02</title>',
                '<g id="n" class="node">\n<title>tx__1</title>\n',
                "<",
                "/g>",
                "</a>",
                ' id="',
                "url(#",
                "url(",
                "(",
                "#",
            ]
        ),
        max_size=20,
    ),
    st.sampled_from(["d1", "d-1_x", "", "url(#u"]),
)
def test_bytes_path_is_the_text_path_on_node_soup(pieces: list[str], prefix: str) -> None:
    """Pieces of node groups, white space and ends in any order: the split of the nodes (a body
    stripped by the pattern), the ids, and the opening tag with the stripping around it."""
    svg = "".join(pieces)
    for kinds in (LINKED_KINDS, None):
        text = inline_svg(svg, prefix, resolve, "Peta", kinds).encode("utf-8")
        assert inline_svg_bytes(svg.encode("utf-8"), prefix, resolve, "Peta", kinds) == text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "x", "_", "&#95;", "&amp;"]), max_size=6).map("".join), max_size=4),
    st.lists(st.text(alphabet="ax_", max_size=4), max_size=4),
)
def test_the_titles_looked_at_are_those_of_the_kinds_asked_about(titles: list[str], kinds: list[str]) -> None:
    """The node pattern picks the titles ``link`` looks at as ``link`` does (the kind up to the
    first ``__``), whatever the kinds: empty, ending in ``_``, holding ``__``."""
    svg = "".join(
        f'<g id="n{n}" class="node"><title>{title}</title><text>t</text></g>\n' for n, title in enumerate(titles)
    )

    def any_kind(kind: str, code: str) -> tuple[str, str]:
        return (f"{kind}.html", code)

    text = inline_svg(svg, "d", any_kind, "Peta", kinds).encode("utf-8")
    assert inline_svg_bytes(svg.encode("utf-8"), "d", any_kind, "Peta", kinds) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<svg >\n\t\x0c\x0bab")), max_size=30))
def test_open_tag(text: str) -> None:
    data = text.encode("ascii")
    tag = b'<svg role="img" '
    assert _open_tag(data, tag) == data.replace(b"<svg ", tag, 1).strip()


def test_the_examples_diagrams_as_bytes_are_the_text_path(contoh_site: Site, bermasalah_site: Site) -> None:
    """Every diagram the examples' sites laid out (Graphviz's own output), byte for byte."""
    svgs = laid_out(contoh_site.repo) + laid_out(bermasalah_site.repo)
    assert len(svgs) > 50 and sum(b'class="node"' in data for data in svgs) > 50
    for n, data in enumerate(svgs):
        for kinds in (LINKED_KINDS, None):
            text = inline_svg(data.decode("utf-8"), "d7", resolve, "Peta", kinds).encode("utf-8")
            assert inline_svg_bytes(data, "d7", resolve, "Peta", kinds) == text, n


def laid_out(repo: Path) -> list[bytes]:
    """The SVG a site build laid out in ``repo`` (its layout pack) and any SVG file there."""
    found = [path.read_bytes() for path in sorted(repo.rglob("*.svg"))]
    for index in sorted(repo.rglob(INDEX_FILE)):
        store = LayoutStore(index.parent)
        for key in sorted(store.entries):
            got = store.get(key)
            if got is not None:
                found.append(got[0])
    return found


def test_plain_bytes() -> None:
    assert _plain_bytes("<text>· → —</text>".encode())
    for odd in ("\xa0", "\x85", "\x1c", "\u017f", "\u212a", "\u0131", "\u0130", "\xe9", "\u0663"):
        assert not _plain_bytes(f"<svg>{odd}</svg>".encode())


def test_splice() -> None:
    assert splice(b"a\x00probis-svg-0\x00b\x00probis-svg-1\x00c", [b"X", b"Y"]) == b"aXbYc"
    assert splice(b"a\x00probis-svg-1\x00b\x00probis-svg-0\x00c", [b"X", b"Y"]) is None
    assert splice(b"a\x00probis-svg-0\x00b\x00probis-svg-0\x00c", [b"X"]) is None
    assert splice(b"abc", [b"X"]) is None


def test_pages_with_diagrams_as_bytes_or_text_are_the_same(tmp_path: Path) -> None:
    """A site whose diagrams are bytes is the site built from their text, even when a name
    holds a diagram's mark (that page is built the text way)."""
    repo = copy_example("kota-contoh", tmp_path / "repo")
    opd = repo / "opd" / "dinkes.yaml"
    body = opd.read_text(encoding="utf-8")
    opd.write_text(body.replace("\nnama: Dinas Kesehatan\n", '\nnama: "Dinas \\0probis-svg-0\\0"\n'), encoding="utf-8")
    loaded = api.load(repo, use_cache=False)
    result = api.check(loaded)
    report = build_laporan(loaded, result, git=False)
    svgs = {f"peta/level-0/opd/{code}": SVG.replace("p__PB.02", f"n__{code}") for code in loaded.index.opd} | {
        "peta/level-0/pemda": WRAPPED,
        "hierarki/pemda": SVG,
    }
    as_text = build_pages(SiteInput(loaded, result, report, "id", svgs))
    as_bytes = build_pages(SiteInput(loaded, result, report, "id", {k: v.encode() for k, v in svgs.items()}))
    assert as_bytes == as_text
    assert b"\0probis-svg-0\0" in as_bytes["opd/dinkes.html"] and b"<svg " in as_bytes["opd/dinkes.html"]
    assert sum(b"<svg " in page for page in as_bytes.values()) > len(loaded.index.opd)
