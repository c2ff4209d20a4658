"""Links between site pages: the same as ``posixpath.relpath``, without its trip to the working folder."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from probis_cli.site.common import rel

part = st.sampled_from(["index.html", "opd", "proses", "sop", "assets", "a.html", "PB.02.html", ".", "x~2.html"])
site_path = st.lists(part, min_size=1, max_size=4).map("/".join)


@given(site_path, site_path)
def test_rel_is_relpath(here: str, target: str) -> None:
    assert rel(here, target) == posixpath.relpath(target, posixpath.dirname(here) or ".")


def test_examples() -> None:
    assert rel("proses/PB.02.html", "pohon.html") == "../pohon.html"
    assert rel("index.html", "opd/dinkes.html") == "opd/dinkes.html"
    assert rel("sop/A.html", "sop/B.html") == "B.html"
