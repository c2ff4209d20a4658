"""What renderers produce: artifacts (a relative path, the content, what it depends on).

Renderers are pure functions of the index: they return DOT sources and Markdown texts;
only the CLI lays out DOT with an engine and writes files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from probis_cli.i18n import Lang
from probis_cli.index import Index

ArtifactKind = Literal["dot", "markdown"]


@dataclass(frozen=True, slots=True)
class Artifact:
    """One output before layout: ``path`` is relative to the output folder, without extension
    for diagrams (the format adds it) and with ``.md`` for documents."""

    path: str
    kind: ArtifactKind
    content: str
    title: str  # human title, for the index page and progress
    opd: str | None = None  # owning OPD code (for selection and the index page)
    codes: tuple[str, ...] = ()  # document codes it shows (for selection by code)
    group: str = ""  # diagram kind / document kind, e.g. "hierarki", "lintas-fungsi", "sop"
    # Diagrams an artifact embeds (e.g. an SOP draft embeds its flowchart), relative paths
    # without extension; the CLI makes sure they are rendered in an image format.
    embeds: tuple[str, ...] = ()


@dataclass(frozen=True)
class RenderContext:
    """Settings a renderer needs."""

    lang: Lang
    image_format: str = "svg"  # format of images embedded in Markdown drafts
    template_dir: str | None = None  # a Pemda's override folder (absolute path), if any
    logo: str | None = None  # logo path relative to the output folder, if any
    max_steps_per_page: int = 12
    extra: dict[str, str] = field(default_factory=dict)


Renderer = Callable[[Index, RenderContext], list[Artifact]]
