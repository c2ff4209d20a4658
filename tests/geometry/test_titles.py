"""Full text where anything is left out: every SVG text that is cut ("…") or that stands for
a shortened list ("+N lainnya"), and every relasi matrix cell (a count), sits in an element
whose SVG ``<title>`` carries the full text — read back from the laid-out SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.index import Index
from probis_cli.render.base import RenderContext
from probis_cli.render.diagrams import DIAGRAMS
from probis_cli.render.diagrams.relasi_data import MAX_NAMES, pemda_exchanges
from probis_cli.render.graphviz import find_engine
from probis_cli.render.layout.convert import add_link_titles
from tests.unit.test_diagrams import write_big_repo

NS = "{http://www.w3.org/2000/svg}"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"
MORE = re.compile(r"\+(\d+) (?:lainnya|more)$")


def _index(root: Path) -> Index:
    loaded = api.load(root, use_cache=False)
    assert not [f for f in loaded.findings if f.severity.name == "ERROR"]
    return loaded.index


def _svgs(index: Index, kinds: tuple[str, ...]) -> dict[str, ET.Element]:
    ctx = RenderContext(lang="id", image_format="svg")
    engine = find_engine("auto")
    out = {}
    for kind in kinds:
        for artifact in DIAGRAMS[kind](index, ctx):
            out[artifact.path] = ET.fromstring(engine.render(artifact.text(), "svg"))
    return out


def _title_above(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> str | None:
    """The ``<title>`` of the nearest link/tooltip element (``<a>``) around ``element``."""
    while element in parents:
        element = parents[element]
        if element.tag == NS + "a":
            title = element.find(NS + "title")
            return None if title is None else title.text or ""
    return None


def _check(path: str, root: ET.Element) -> int:
    """Assert every cut text has its full text as title; return how many were checked."""
    parents = {child: parent for parent in root.iter() for child in parent}
    checked = 0
    for text in root.iter(NS + "text"):
        shown = (text.text or "").strip()
        more = MORE.search(shown)
        if "…" not in shown and not more:
            continue
        title = _title_above(text, parents)
        assert title, f"{path}: {shown!r} has no <title> with the full text"
        if more:  # the shown names and the N left out, all in the title
            assert len(title.split("; ")) == MAX_NAMES + int(more.group(1)), (path, title)
        else:
            assert shown.rstrip("…").strip() in title and "…" not in title, (path, shown, title)
        checked += 1
    return checked


def test_cut_lists_carry_the_full_list_as_svg_title(tmp_path: Path) -> None:
    index = _index(write_big_repo(tmp_path / "big"))
    svgs = _svgs(index, ("relasi", "lintas-fungsi", "peta-level-0", "peta-level-n", "hierarki"))
    assert sum(_check(path, root) for path, root in svgs.items()) >= 2  # the fixture cuts lists


@pytest.mark.parametrize("kind", ["relasi", "lintas-fungsi", "sop", "peta-level-0", "peta-level-n", "hierarki"])
def test_example_has_a_title_wherever_text_is_left_out(kind: str) -> None:
    for path, root in _svgs(_index(EXAMPLE), (kind,)).items():
        _check(path, root)


def test_matrix_cells_carry_the_pair_list_as_svg_title() -> None:
    index = _index(EXAMPLE)
    root = _svgs(index, ("relasi",))["relasi/matriks"]
    titles = {}
    for node in root.iter(NS + "g"):
        name = node.find(NS + "title")
        if name is not None and (name.text or "").startswith("m__"):
            link = node.find(f".//{NS}a/{NS}title")
            titles[name.text] = None if link is None else link.text
    pairs = pemda_exchanges(index)
    assert len(titles) == len(pairs)
    assert all(titles.values())


def test_link_titles_are_idempotent_and_escaped() -> None:
    svg = b'<g><a xlink:href="x.svg" xlink:title="A &amp; B; &lt;KTP&gt;" target="_top">\n<text>1</text></a></g>'
    once = add_link_titles(svg)
    assert b"<title>A &amp; B; &lt;KTP&gt;</title>" in once
    assert add_link_titles(once) == once
    ET.fromstring(once.replace(b"xlink:", b""))  # still well-formed
