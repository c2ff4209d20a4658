"""What every part of the catalogue site shares: its input, page names, relative links, the
folded text of search, and the sandboxed jinja2 environment of its templates.

Every page is rendered by jinja2's immutable sandbox with autoescaping: names, codes and steps
come from the repository, which is untrusted (a process named ``<script>`` is shown as text).
Links are relative, so the folder works from ``file://``, a shared drive or any static host.
"""

from __future__ import annotations

import functools
import posixpath
import unicodedata
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
import jinja2.sandbox
import markupsafe
from jinja2.runtime import Context

from probis_cli.api import Loaded
from probis_cli.findings import Result
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.laporan.compute import Laporan

SITE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = SITE_DIR / "templates"
ASSET_DIR = SITE_DIR / "assets"
ASSETS = ("situs.css", "situs.js", "cari.js")

# The diagram groups the site shows (rendered by ``probis render``'s own renderers).
DIAGRAM_GROUPS = ("hierarki", "peta-level-0", "peta-level-n", "lintas-fungsi", "relasi", "sop")
# Of those, the diagrams a page shows: the relasi matrix and the per-OPD relasi maps are on no
# page, so they are not laid out at all.
_SHOWN_PREFIXES = ("hierarki/", "peta/", "lintas-fungsi/", "relasi/proses/", "sop/")


def diagram_shown(path: str) -> bool:
    """Whether a page of the site shows the diagram at artifact ``path``."""
    return path.startswith(_SHOWN_PREFIXES) or path == "relasi/pemda"


@dataclass
class SiteInput:
    """What the pages are made of."""

    loaded: Loaded
    result: Result
    laporan: Laporan
    lang: Lang
    # artifact path (no extension) -> SVG, text or UTF-8 bytes (valid); missing -> not shown
    svgs: Mapping[str, str | bytes]
    # "sop:<kode>" / "opd:<kode>" -> (label, site path) of the files to download from its page
    downloads: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    # artifact path -> digest of its SVG's bytes, when the layout knows it (else the text is hashed)
    svg_digests: Mapping[str, str] = field(default_factory=dict)


def file_part(code: str) -> str:
    """A file name for a code: codes are slugs, but a repository is untrusted; anything else
    (and a leading dot) is encoded, so no name can climb out of its folder."""
    out = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else f"_{ord(ch):x}_" for ch in code)
    return ("_" + out) if not out or out.startswith(".") else out


class Names:
    """The page of every OPD, process and SOP; letter-case twins get a numbered name (one
    file on Windows and macOS), deterministically."""

    def __init__(self, index: Index) -> None:
        self.pages: dict[tuple[str, str], str] = {}
        for kind, codes in (("opd", index.opd), ("proses", index.proses), ("sop", index.sop)):
            taken: set[str] = set()
            for code in sorted(codes):
                base = file_part(code)
                name, n = base, 1
                while name.casefold() in taken:
                    n += 1
                    name = f"{base}~{n}"
                taken.add(name.casefold())
                self.pages[(kind, code)] = f"{kind}/{name}.html"

    def codes(self, kind: str) -> list[str]:
        """Every code of ``kind`` that has a page."""
        return [code for k, code in self.pages if k == kind]

    def page(self, kind: str, code: str) -> str | None:
        """The page path of ``code`` of ``kind`` (opd, proses, sop), if it exists."""
        return self.pages.get((kind, code))


@functools.lru_cache(maxsize=1 << 16)
def _parts(path: str) -> tuple[str, ...] | None:
    """The folders and name of a normalised site path (remembered: a page is linked from many);
    None when it is absolute or climbs out."""
    norm = posixpath.normpath(path)
    if norm.startswith(("/", "..")):
        return None
    return () if norm == "." else tuple(norm.split("/"))


def rel(here: str, target: str) -> str:
    """``target`` (a site path) as a link from the page ``here``: ``posixpath.relpath`` without
    its trip to the working folder (a city's pages ask for some 55,000 links)."""
    up = _parts(posixpath.dirname(here) or ".")
    down = _parts(target)
    if up is None or down is None:
        return posixpath.relpath(target, posixpath.dirname(here) or ".")
    common = 0
    while common < min(len(up), len(down)) and up[common] == down[common]:
        common += 1
    return "/".join([".."] * (len(up) - common) + list(down[common:])) or "."


def fold(text: str) -> str:
    """Lower case without accents: how the search index and queries are compared."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))


class SiteEnvironment(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """The immutable sandbox with two shortcuts, the same results for the site's templates (a
    city's pages make some 2,000,000 lookups and 200,000 label calls):

    * ``row.kode`` of a plain dict is its item, looked up first: the sandbox tries the
      attribute first, an exception a time (the pages' dicts never have a key named like a
      dict method, the only case where the two orders differ);
    * the one function set as :attr:`direct` (the site's own labels) is called without the
      sandbox's checks of an unknown callable.
    """

    direct: Callable[..., str] | None = None

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if __obj is __self.direct and __obj is not None:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            return __obj(*args, **kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def escape_text(value: Any) -> Any:
    """``markupsafe.escape`` for what ``{{ value }}`` writes, plain text escaped without making a
    Markup of it (the output of a template is joined into text: no write sees the difference)."""
    if type(value) is str:
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    return markupsafe.escape(value)


class SiteTemplate(jinja2.Template):
    """A template of the site: its writes escape with :func:`escape_text` (its compiled code
    calls the ``escape`` of its module only to write: jinja2's code generator)."""

    @classmethod
    def from_code(
        cls,
        environment: jinja2.Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        module = template.root_render_func.__globals__
        if module.get("escape") is markupsafe.escape:
            module["escape"] = escape_text
        return template


SiteEnvironment.template_class = SiteTemplate


def make_environment() -> SiteEnvironment:
    """The sandboxed, autoescaping jinja2 environment of the site's templates."""
    env = SiteEnvironment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates are the package's: not looked at again for each page
    )
    return env


def ratio(part: int, whole: int) -> int:
    return 0 if whole == 0 else round(100 * part / whole)
