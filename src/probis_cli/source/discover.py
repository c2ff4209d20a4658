"""Find the YAML documents of a repository: config excludes, .gitignore, hidden folders.

A repository is untrusted input: discovery never leaves it. Symlinked folders are not walked;
a symlinked file is read only when it resolves inside the repository; folders that cannot be
listed and links that lead outside are returned as located problems, never skipped silently.
Bad glob patterns (``[z-a]``) never crash: a bad ``.gitignore`` line is ignored as git does,
a bad ``kecualikan`` pattern is reported.
"""

from __future__ import annotations

import fnmatch
import os
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from probis_cli.fs import is_inside, read_limited

YAML_SUFFIXES = (".yaml", ".yml")
ALWAYS_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


def _compile(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` without FutureWarnings: a class like ``[[]`` or ``[a&&b]`` in a user's
    glob is legal and must neither warn nor, under ``-W error``, fail."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return re.compile(regex, flags)


def _glob_to_regex(pattern: str) -> str:
    """Translate a gitignore/glob pattern (with ``**``) to a regex over a relative posix path."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pattern.find("]", i)
            if end == -1:
                out.append(re.escape(c))
                i += 1
            else:
                out.append("[" + pattern[i + 1 : end].replace("!", "^", 1) + "]")
                i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


@dataclass
class IgnoreRules:
    """Ordered gitignore-style rules; the last matching rule wins (``!`` re-includes)."""

    rules: list[tuple[re.Pattern[str], bool, bool]] = field(default_factory=list)  # (regex, negated, dir_only)

    def add(self, pattern: str, base: str = "") -> None:
        """Add one gitignore line, relative to folder ``base`` (posix, '' for the root)."""
        line = pattern.rstrip("\n").rstrip()
        if not line or line.startswith("#"):
            return
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        line = line.lstrip("/")
        body = _glob_to_regex(line)
        prefix = re.escape(base + "/") if base else ""
        regex = prefix + body if anchored else prefix + "(?:.*/)?" + body
        try:
            compiled = _compile(regex + "(?:/.*)?$")
        except re.error:
            return  # git ignores a pattern it cannot parse (e.g. the range [z-a]); so do we
        self.rules.append((compiled, negated, dir_only))

    def ignored(self, rel: str, is_dir: bool) -> bool:
        """Whether ``rel`` (posix, relative to root) is ignored."""
        result = False
        for regex, negated, dir_only in self.rules:
            if dir_only and not is_dir and regex.match(rel) and not _matches_dir_part(regex, rel):
                continue
            if regex.match(rel):
                result = not negated
        return result


def _matches_dir_part(regex: re.Pattern[str], rel: str) -> bool:
    parts = rel.split("/")
    return any(regex.match("/".join(parts[:i])) for i in range(1, len(parts)))


def _glob_parts(pattern: str) -> list[str]:
    p = pattern.strip().lstrip("./").rstrip("/")
    if not p:
        return []
    return [
        "(?:" + _glob_to_regex(p) + "(?:/.*)?)",
        "(?:" + fnmatch.translate(p).removesuffix("\\Z").removeprefix("(?s:").removesuffix(")") + ")",
    ]


def glob_error(pattern: str) -> str | None:
    """Why ``pattern`` is not a usable glob (e.g. the range ``[z-a]``), or None when it is."""
    try:
        for part in _glob_parts(pattern):
            _compile(part, re.DOTALL)
    except re.error as exc:
        return str(exc)
    return None


@lru_cache(maxsize=1024)
def _compiled_globs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for a set of globs (compiled once: discovery asks for every file).

    Patterns that are not valid globs are left out (callers report them, see glob_error).
    """
    parts = []
    for pattern in patterns:
        if glob_error(pattern) is None:
            parts.extend(_glob_parts(pattern))
    return _compile("|".join(parts), re.DOTALL) if parts else None


def matches_any(rel: str, patterns: list[str] | tuple[str, ...]) -> bool:
    """Whether posix path ``rel`` matches any glob in ``patterns`` (``**`` allowed, folder prefixes too)."""
    regex = _compiled_globs(tuple(patterns))
    return regex is not None and regex.fullmatch(rel) is not None


GITIGNORE_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Problem:
    """Something under the repository that could not be taken in: relative posix path, message id, args."""

    path: str
    message_id: str
    args: tuple[tuple[str, Any], ...] = ()


@dataclass
class Discovery:
    """The YAML files found (sorted by relative path) and what could not be looked at."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _read_gitignore(path: Path, root: Path, is_link: bool) -> list[str]:
    if is_link and not is_inside(path, root):
        return []
    try:
        data = read_limited(path, GITIGNORE_MAX_BYTES)
    except OSError:
        return []  # like git: an unreadable .gitignore ignores nothing
    return data.decode("utf-8", errors="replace").splitlines()


def _error_detail(exc: OSError) -> str:
    return exc.strerror or str(exc)


def discover_all(root: Path, *, exclude: list[str] | None = None, use_gitignore: bool = True) -> Discovery:
    """All YAML files under ``root`` that are not excluded, plus the problems met on the way.

    Folders are walked with ``os.scandir`` without following symlinks: a symlinked folder
    is never entered (one leading outside is a problem; one inside holds files found
    anyway). A symlinked ``*.yaml`` is kept only when it resolves inside ``root``.
    """
    patterns = tuple(str(x) for x in exclude or [])
    excluded = _compiled_globs(patterns)
    rules = IgnoreRules()
    out = Discovery()
    root = root.resolve()
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        here, rel_dir = stack.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            out.problems.append(Problem(rel_dir or ".", "read.folder_unreadable", (("detail", _error_detail(exc)),)))
            continue
        if use_gitignore:
            for entry in entries:
                if entry.name == ".gitignore":
                    for line in _read_gitignore(Path(entry.path), root, entry.is_symlink()):
                        rules.add(line, rel_dir)
        subdirs: list[tuple[Path, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = f"{rel_dir}/{name}" if rel_dir else name
            is_link = entry.is_symlink()
            try:
                is_dir = entry.is_dir()  # follows links: a link to a folder counts as a folder
            except OSError:
                is_dir = False
            if is_dir:
                if name in ALWAYS_SKIPPED_DIRS:
                    continue
                if (excluded is not None and excluded.fullmatch(rel)) or (use_gitignore and rules.ignored(rel, True)):
                    continue
                if is_link:
                    if not is_inside(Path(entry.path), root):
                        out.problems.append(Problem(rel, "read.link_outside_folder"))
                    continue  # never walked: would read outside, or twice, or loop
                subdirs.append((Path(entry.path), rel))
                continue
            if not name.endswith(YAML_SUFFIXES):
                continue
            if (excluded is not None and excluded.fullmatch(rel)) or (use_gitignore and rules.ignored(rel, False)):
                continue
            if is_link and not is_inside(Path(entry.path), root):
                out.problems.append(Problem(rel, "read.link_outside"))
                continue
            out.files.append(Path(entry.path))
        stack.extend(reversed(subdirs))
    out.files.sort(key=lambda p: p.relative_to(root).as_posix())
    out.problems.sort(key=lambda p: p.path)
    return out


def discover(root: Path, *, exclude: list[str] | None = None, use_gitignore: bool = True) -> list[Path]:
    """All YAML files under ``root`` that are not excluded, sorted by relative path."""
    return discover_all(root, exclude=exclude, use_gitignore=use_gitignore).files


MARKER = "probis.yaml"


def find_root(start: Path) -> Path | None:
    """The repository root: the nearest folder at or above ``start`` holding ``probis.yaml``.

    None when there is none: a folder without ``probis.yaml`` above it is not a repository,
    and checking it would be a false green (or a scan of an unrelated tree).
    """
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for candidate in (here, *here.parents):
        if (candidate / MARKER).is_file():
            return candidate
    return None
