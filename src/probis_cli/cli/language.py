"""The language a command speaks, from argv, the environment or the repository, without typer.

``--lang X`` anywhere in argv, else ``$PROBIS_LANG``, else ``pengaturan.bahasa`` of the
repository the command works on, else Indonesian. Kept free of typer (and of the library until
the repository really may set the language) so that the answers given before typer is imported
(``--help`` from its cache) decide it the same way the commands do.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from probis_cli import fs

if TYPE_CHECKING:
    from probis_cli.i18n import Lang

ENV_VAR = "PROBIS_LANG"  # probis_cli.i18n.ENV_VAR (not imported: the help cache's key needs no catalogue)
MARKER = "probis.yaml"  # probis_cli.source.discover.MARKER
MARKER_LIMIT = 4 * 1024 * 1024


def _given(argv: list[str]) -> str | None:
    """The language argv or the environment names, as written, if either does."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get(ENV_VAR) or None


def lang_from_argv(argv: list[str]) -> Lang:
    """Language: ``--lang X`` / ``--lang=X`` anywhere in argv, else $PROBIS_LANG, else
    ``pengaturan.bahasa`` of the repository, else Indonesian."""
    from probis_cli.i18n import resolve_lang

    given = _given(argv)
    return resolve_lang(given if given is not None else _repository_language(argv))


def _start(argv: list[str]) -> Path:
    """Where the repository is looked for: the first existing path argument, else the current folder."""
    paths = [Path(a) for a in argv[1:] if not a.startswith("-") and a]
    return next((p for p in paths if p.exists()), Path("."))


def _repository_language(argv: list[str]) -> str | None:
    """``pengaturan.bahasa`` of the repository the command works on: the one holding the
    first existing path argument, else the current folder."""
    start = _start(argv)
    if not _may_set_language(start):
        return None
    from probis_cli import api

    return api.repository_language(start)


def find_root(start: Path) -> Path | None:
    """:func:`probis_cli.source.discover.find_root` (the nearest folder at or above ``start``
    holding ``probis.yaml``), without importing discovery."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for candidate in (here, *here.parents):
        if (candidate / MARKER).is_file():
            return candidate
    return None


def _marker(start: Path) -> tuple[Path, bytes] | None:
    """The repository root above ``start`` and its ``probis.yaml`` (bounded), None outside one."""
    root = find_root(start) if start.exists() else None
    if root is None:
        return None
    return root, fs.read_limited(root / MARKER, MARKER_LIMIT)


def _could_name_language(marker: bytes) -> bool:
    """Whether ``probis.yaml`` could hold ``bahasa`` at all (its name, an escape that could
    spell it, or UTF-16/32 text)."""
    return b"bahasa" in marker or b"\\" in marker or b"\x00" in marker


def _may_set_language(start: Path) -> bool:
    """Whether the ``probis.yaml`` above ``start`` could hold ``bahasa``: a cheap look that
    spares reading the YAML (and importing the library) for ``--help`` in a repository that
    does not set it."""
    try:
        found = _marker(start)
    except OSError:
        return True  # let the full reader decide (and stay silent) as before
    return found is not None and _could_name_language(found[1])


def language_key(argv: list[str]) -> str:
    """Everything :func:`lang_from_argv` decides on, read without the library: the language
    itself when argv or the environment names it or the repository cannot set it; else the
    repository's ``probis.yaml`` (where it is, where it leads, a digest of its bytes), of which
    ``pengaturan.bahasa`` is a function."""
    given = _given(argv)
    if given is not None:
        return f"given:{given}"
    start = _start(argv)
    try:
        found = _marker(start)
    except OSError as exc:
        return f"unreadable:{start.resolve()}:{exc.errno}"
    if found is None or not _could_name_language(found[1]):
        return "default"
    root, data = found
    return f"repository:{root}:{os.path.realpath(root / MARKER)}:{hashlib.sha256(data).hexdigest()}"
