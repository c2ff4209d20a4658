"""Find the YAML documents of a repository: config excludes, .gitignore, hidden folders."""

from __future__ import annotations

import fnmatch
import os
import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")
ALWAYS_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


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
        self.rules.append((re.compile(regex + "(?:/.*)?$"), negated, dir_only))

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


@lru_cache(maxsize=1024)
def _compiled_globs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for a set of globs (compiled once: discovery asks for every file)."""
    parts = []
    for pattern in patterns:
        p = pattern.strip().lstrip("./").rstrip("/")
        if p:
            parts.append("(?:" + _glob_to_regex(p) + "(?:/.*)?)")
            parts.append("(?:" + fnmatch.translate(p).removesuffix("\\Z").removeprefix("(?s:").removesuffix(")") + ")")
    return re.compile("|".join(parts), re.DOTALL) if parts else None


def matches_any(rel: str, patterns: list[str] | tuple[str, ...]) -> bool:
    """Whether posix path ``rel`` matches any glob in ``patterns`` (``**`` allowed, folder prefixes too)."""
    regex = _compiled_globs(tuple(patterns))
    return regex is not None and regex.fullmatch(rel) is not None


def discover(root: Path, *, exclude: list[str] | None = None, use_gitignore: bool = True) -> list[Path]:
    """All YAML files under ``root`` that are not excluded, sorted by relative path."""
    exclude = list(exclude or [])
    rules = IgnoreRules()
    found: list[Path] = []
    root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        rel_dir = "" if here == root else here.relative_to(root).as_posix()
        if use_gitignore and ".gitignore" in filenames:
            try:
                for line in (here / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines():
                    rules.add(line, rel_dir)
            except OSError:
                pass
        keep = []
        for name in sorted(dirnames):
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if name.startswith(".") or name in ALWAYS_SKIPPED_DIRS:
                continue
            if matches_any(rel, exclude) or (use_gitignore and rules.ignored(rel, True)):
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in filenames:
            if not name.endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if matches_any(rel, exclude) or (use_gitignore and rules.ignored(rel, False)):
                continue
            found.append(here / name)
    found.sort(key=lambda p: p.relative_to(root).as_posix())
    return found


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder at or above ``start`` holding ``probis.yaml``."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for candidate in (here, *here.parents):
        if (candidate / "probis.yaml").is_file():
            return candidate
    return here
