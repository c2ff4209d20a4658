"""Start reading a repository before the rest of probis is imported.

A first ``probis validate`` of a repository (a CI run on a fresh checkout) spends about a
third of a second importing typer, pydantic, the models, the rules and the reporters before it
reads any file. Started from here instead, right after Python starts, the files are found,
read and handed to forked parse workers at once: the workers parse while this process goes
on importing. :func:`probis_cli.api.load` then takes what was started (:func:`take`) when it
is for the same repository with the same exclusions, and starts over otherwise.

Only light modules are imported here: the reader, discovery and the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probis_cli import fs
from probis_cli.source.discover import MARKER, Discovery, discover_all, glob_error
from probis_cli.source.loader import Prepared, prepare, start_workers
from probis_cli.source.reader import MAX_BYTES, ReadResult, read_bytes


def read_root(root: Path) -> ReadResult | None:
    """The parse of ``probis.yaml`` (bounded; never through a link leading outside)."""
    path = root / MARKER
    if not fs.is_inside(path, root):
        return None
    try:
        return read_bytes(fs.read_limited(path, MAX_BYTES))
    except OSError:
        return None


def root_settings(root: Path) -> tuple[dict[str, Any], Any]:
    """``pengaturan`` of probis.yaml read before discovery (excludes, output folder), with the
    position tree of the document holding it."""
    result = read_root(root)
    if result is None:
        return {}, None
    for doc in result.documents:
        if isinstance(doc.data, dict) and isinstance(doc.data.get("pengaturan"), dict):
            return dict(doc.data["pengaturan"]), doc.pos
    return {}, None


def exclude_patterns(settings: dict[str, Any]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The patterns discovery leaves out (``kecualikan``, the render output folder), and each
    ``kecualikan`` pattern that is not valid as ``(position, pattern, error)``."""
    exclude: list[str] = []
    bad: list[tuple[int, str, str]] = []
    raw_exclude = settings.get("kecualikan")
    for i, item in enumerate(raw_exclude if isinstance(raw_exclude, list) else []):
        if not isinstance(item, str):
            continue
        error = glob_error(item)
        if error is None:
            exclude.append(item)
        else:
            bad.append((i, item, error))
    render = settings.get("render")
    if isinstance(render, dict) and isinstance(render.get("keluaran"), str) and glob_error(render["keluaran"]) is None:
        exclude.append(render["keluaran"])
    return exclude, bad


@dataclass
class Early:
    """A repository discovered and read, its parse under way (see :class:`probis_cli.api.Prefetched`)."""

    root: Path
    exclude: tuple[str, ...]
    found: Discovery
    prepared: Prepared
    data: dict[Path, bytes] = field(default_factory=dict)  # none: ``prepared`` holds the bytes
    digests: dict[Path, str] = field(default_factory=dict)  # none: a first run looks nothing up


_started: Early | None = None


def first_run(root: Path) -> bool:
    """Whether nothing of an earlier check of ``root`` is kept (its models, its lint state): only
    then is every file parsed, and worth starting early (otherwise a few changed files are)."""
    folder = fs.cache_folder(root)
    if folder is None or not folder.is_dir():
        return True
    return not any(p.name.startswith(("models-", "incremental-")) for p in folder.iterdir())


def start(root: Path) -> None:
    """Discover and read the repository at ``root``, and start parsing it in worker processes."""
    global _started  # noqa: PLW0603 - one process, one command: handed to api.load
    discard()
    settings, _ = root_settings(root)
    exclude, _bad = exclude_patterns(settings)
    found = discover_all(root, exclude=exclude)
    prepared = prepare(root, found.files)
    # A first run keeps no models for later, and its parse cache would serve only the second
    # run (none at all in CI): parsed without position trees, written nowhere.
    start_workers(prepared, lazy_positions=True, cache_results=False)
    _started = Early(root, tuple(exclude), found, prepared)


def take() -> Early | None:
    """What :func:`start` started (once)."""
    global _started  # noqa: PLW0603
    found, _started = _started, None
    return found


def discard() -> None:
    """Stop what :func:`start` started and was not taken."""
    found = take()
    if found is not None:
        found.prepared.discard()
