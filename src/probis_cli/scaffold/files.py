"""The repository's files as the editing commands see them: discovered, confined, bounded."""

from __future__ import annotations

from pathlib import Path

from probis_cli import fs
from probis_cli.api import NoRepository, discover_paths
from probis_cli.source.discover import find_root
from probis_cli.source.reader import MAX_BYTES


def repository_root(target: Path) -> Path:
    """The root of the repository holding ``target`` (the folder with probis.yaml).

    Raises :class:`~probis_cli.api.NoRepository` when there is none (the CLI says so, exit 2).
    """
    root = find_root(target)
    if root is None:
        raise NoRepository(target.resolve())
    return root


def repository_files(root: Path, targets: list[Path] | None = None) -> list[str]:
    """Relative posix paths of the YAML files probis reads, narrowed to ``targets``."""
    paths = [p.relative_to(root).as_posix() for p in discover_paths(root)]
    if not targets:
        return paths
    scopes: list[str] = []
    for target in targets:
        resolved = target.resolve()
        if resolved == root:
            return paths
        if resolved.is_relative_to(root):
            scopes.append(resolved.relative_to(root).as_posix())
    return [p for p in paths if any(p == s or p.startswith(s.rstrip("/") + "/") for s in scopes)]


def read_raw(root: Path, rel: str) -> str | None:
    """The text of ``rel`` exactly as stored (BOM and CRLF kept), or None if unreadable.

    Unreadable: outside the repository (a symlink), not a regular file, too large, or not
    UTF-8. ``probis validate`` reports each of these with a location.
    """
    try:
        path = fs.resolve_inside(root, rel)
        return fs.read_limited(path, MAX_BYTES).decode("utf-8")
    except (OSError, ValueError):
        return None


def write_text(root: Path, rel: str, text: str) -> None:
    """Write ``text`` to ``rel`` atomically, confined to ``root`` (a symlinked file is written
    through to its target inside the repository, not replaced by a copy)."""
    fs.write_atomic(fs.resolve_inside(root, rel), text.encode("utf-8"), root=root)
