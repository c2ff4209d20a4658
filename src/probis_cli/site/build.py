"""The catalogue site's files: a pure function of the index, the findings and the laid-out
diagrams, returning ``{relative path: bytes}`` (:func:`build_pages`), and the digest of what
they are made of (:func:`input_digest`), which lets an unchanged site skip building at all.

The parts: ``common.py`` (input, page names, links, the template sandbox), ``builder.py``
(what every page uses), ``pages.py`` (one method per kind of page), ``svg.py`` (diagrams
inline and linked), ``write.py`` (layout, writing, pruning).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from probis_cli import __version__
from probis_cli.site.common import (
    ASSET_DIR,
    ASSETS,
    DIAGRAM_GROUPS,
    TEMPLATE_DIR,
    Names,
    SiteInput,
    diagram_shown,
    file_part,
)
from probis_cli.site.pages import Pages

__all__ = [
    "DIAGRAM_GROUPS",
    "Names",
    "SiteInput",
    "build_and_write_pages",
    "build_pages",
    "diagram_shown",
    "file_part",
    "input_digest",
]


def input_digest(data: SiteInput, *extra: str) -> str:
    """A digest of everything the pages are made of: when it is the one recorded by the last
    build, no page can differ (the pages are not built at all)."""
    h = hashlib.blake2b(digest_size=16)
    for part in (__version__, data.lang, *extra):
        h.update(part.encode("utf-8") + b"\0")
    for source in sorted(data.loaded.sources, key=lambda s: s.path):
        h.update(f"{source.path}\0{source.digest}\0".encode("utf-8"))
    for finding in sorted(data.result.findings, key=lambda f: f.sort_key()):
        h.update(f"{finding.code}\0{finding.severity}\0{finding.location}\0{finding.text(data.lang)}\0".encode("utf-8"))
    h.update(repr(data.laporan).encode("utf-8"))
    for path in sorted(data.svgs):
        known = data.svg_digests.get(path)
        svg = data.svgs[path]
        body = (
            ("\x01" + known).encode("utf-8") if known is not None else svg if isinstance(svg, bytes) else svg.encode()
        )
        h.update(path.encode("utf-8") + b"\0" + body + b"\0")
    for code in sorted(data.downloads):
        h.update(repr((code, data.downloads[code])).encode("utf-8"))
    for name in ASSETS:
        h.update((ASSET_DIR / name).read_bytes())
    for template in sorted(TEMPLATE_DIR.glob("*.j2")):
        h.update(template.read_bytes())
    return h.hexdigest()


def build_pages(data: SiteInput, workers: int | None = None) -> dict[str, bytes]:
    """Every file of the site, ``{relative path: bytes}`` (deterministic; the same bytes
    whether the pages are built on one core or on ``workers``, default all)."""
    return Pages(data).build(workers)


def build_and_write_pages(
    data: SiteInput, write: Callable[[str, bytes], bool], workers: int | None = None
) -> tuple[dict[str, bytes], dict[str, bool]]:
    """:func:`build_pages`, the page of each OPD, process and SOP written by ``write`` in the
    worker that built it (its bytes never travel back): the other files, and the pages
    written (path -> whether ``write`` wrote it)."""
    pages = Pages(data)
    rest = pages.build(workers, write)
    return rest, pages.done
