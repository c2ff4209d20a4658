"""What renderers produce: artifacts (a relative path, the content, what it depends on).

Renderers are pure functions of the index: they return DOT sources and Markdown texts;
only the CLI lays out DOT with an engine and writes files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.render.memo import LazyContent as LazyContent
from probis_cli.render.memo import RenderMemo
from probis_cli.render.memo import content_digest as content_digest

ArtifactKind = Literal["dot", "markdown", "sop-ap"]  # sop-ap: a printable SOP AP (render/pdf_sop.py)


@dataclass(frozen=True, slots=True)
class Artifact:
    """One output before layout: ``path`` is relative to the output folder, without extension
    for diagrams (the format adds it) and with ``.md`` for documents."""

    path: str
    kind: ArtifactKind
    content: str | LazyContent
    title: str  # human title, for the index page and progress
    opd: str | None = None  # owning OPD code (for selection and the index page)
    codes: tuple[str, ...] = ()  # document codes it shows (for selection by code)
    group: str = ""  # diagram kind / document kind, e.g. "hierarki", "lintas-fungsi", "sop"
    # Diagrams an artifact embeds (e.g. an SOP draft embeds its flowchart), relative paths
    # without extension; the CLI makes sure they are rendered in an image format.
    embeds: tuple[str, ...] = ()

    def text(self) -> str:
        """The content as text (fetched from the render memo when it was remembered)."""
        return self.content if isinstance(self.content, str) else self.content.text()

    def digest(self) -> str:
        """Digest of the content, without reading a remembered content."""
        return content_digest(self.content) if isinstance(self.content, str) else self.content.digest


@dataclass(frozen=True)
class RenderContext:
    """Settings a renderer needs."""

    lang: Lang
    image_format: str = "svg"  # format of images embedded in Markdown drafts
    template_dir: str | None = None  # a Pemda's override folder (absolute path), if any
    logo: str | None = None  # logo path relative to the output folder, if any
    max_steps_per_page: int = 12
    extra: dict[str, str] = field(default_factory=dict)
    # Remembers contents across runs (the CLI sets it); None: build everything.
    memo: RenderMemo | None = field(default=None, compare=False, repr=False)


def cached(ctx: RenderContext, key: str, paths: Iterable[str] | None, build: Callable[[], str]) -> str | LazyContent:
    """``build()``, or its remembered result when the documents at ``paths`` did not change.

    ``paths`` are the repository files the content reads besides the pemda, RPJMD and OPD
    documents (always included); ``None`` when it reads the whole repository.
    """
    if ctx.memo is None:
        return build()
    return ctx.memo.content(key, paths, build)


Renderer = Callable[[Index, RenderContext], list[Artifact]]
