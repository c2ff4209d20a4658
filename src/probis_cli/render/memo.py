"""Remember rendered artifact contents by the digest of the documents they were built from.

Building the DOT and Markdown of a city (thousands of SOP flowcharts and process maps)
takes longer than laying out the few that changed; after one edit, only the artifacts that
read the edited document are built again. Each renderer names what an artifact reads:
its own documents, plus implicitly the "global" ones (pemda, RPJMD, OPD: names used
everywhere) and the render settings; ``None`` means "the whole repository" (Pemda-wide maps).

Stored in SQLite (standard library) so that a run reads only the keys and digests up front
and a remembered content only when its output file must actually be written: a city's
contents are a hundred megabytes that an unchanged render never needs.
"""

from __future__ import annotations

from functools import partial

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from probis_cli import __version__
from probis_cli.render.base import LazyContent, content_digest

MEMO_VERSION = 2


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


class RenderMemo:
    """A content cache for renderers, in the repository's ``.probis-cache``."""

    def __init__(self, cache_file: Path | None, file_digests: dict[str, str], global_paths: Iterable[str], settings: str) -> None:
        self.file_digests = file_digests
        self.base = _digest([__version__, str(MEMO_VERSION), settings, *sorted(f"{p}={file_digests.get(p, '')}" for p in global_paths)])
        self.everything = _digest([self.base, *sorted(f"{p}={d}" for p, d in file_digests.items())])
        self.known: dict[str, tuple[str, str]] = {}  # key -> (inputs digest, content digest)
        self.new: dict[str, tuple[str, str, str]] = {}  # key -> (inputs digest, content digest, text)
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self.db: sqlite3.Connection | None = None
        if cache_file is not None:
            try:
                cache_file.parent.mkdir(parents=True, exist_ok=True)
                gitignore = cache_file.parent / ".gitignore"
                if not gitignore.exists():
                    gitignore.write_text("# dibuat otomatis oleh probis\n*\n", encoding="utf-8")
                self.db = sqlite3.connect(cache_file)
                self.db.execute("CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, inputs TEXT, digest TEXT, content TEXT)")
                self.known = {k: (i, d) for k, i, d in self.db.execute("SELECT key, inputs, digest FROM memo")}
            except (OSError, sqlite3.Error):
                self.db = None  # a cache that cannot be used only costs speed
                self.known = {}

    def _fetch(self, key: str) -> str:
        assert self.db is not None
        row = self.db.execute("SELECT content FROM memo WHERE key = ?", (key,)).fetchone()
        if row is None:  # pragma: no cover - the row was there when the keys were read
            raise KeyError(key)
        return str(row[0])

    def content(self, key: str, paths: Iterable[str] | None, build: Callable[[], str]) -> str | LazyContent:
        """The content for ``key``: remembered (lazily) when ``paths`` and the globals are unchanged."""
        if paths is None:
            inputs = self.everything
        else:
            inputs = _digest([self.base, *sorted(f"{p}={self.file_digests.get(p, '')}" for p in set(paths))])
        self.used.add(key)
        known = self.known.get(key)
        if known is not None and known[0] == inputs and self.db is not None:
            self.hits += 1
            return LazyContent(known[1], partial(self._fetch, key))
        self.misses += 1
        text = build()
        self.new[key] = (inputs, content_digest(text), text)
        return text

    def save(self) -> None:
        """Store what was built, forget what this run no longer produces."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO memo (key, inputs, digest, content) VALUES (?, ?, ?, ?)",
                    [(k, i, d, t) for k, (i, d, t) in self.new.items()],
                )
                stale = [(k,) for k in self.known if k not in self.used]
                if stale:
                    self.db.executemany("DELETE FROM memo WHERE key = ?", stale)
        except sqlite3.Error:
            pass
        self.new.clear()

    def close(self) -> None:
        """Close the database."""
        if self.db is not None:
            self.db.close()
            self.db = None
