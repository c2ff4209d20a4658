"""Remember rendered artifact contents by the digest of the documents they were built from.

Building the DOT and Markdown of a city (thousands of SOP flowcharts and process maps)
takes longer than laying out the few that changed; after one edit, only the artifacts that
read the edited document are built again. Each renderer names what an artifact reads:
its own documents, plus implicitly the "global" ones (pemda, RPJMD, OPD: names used
everywhere) and the render settings; ``None`` means "the whole repository" (Pemda-wide maps).

Stored in SQLite (standard library) so that a run reads only the keys and digests up front
and a remembered content only when its output file must actually be written: a city's
contents are a hundred megabytes that an unchanged render never needs.

The cache folder may be committed (force-added) by anyone who sends a pull request, and a
file can be damaged: each row carries an HMAC (``probis_cli.fs.sign``, a per-machine key
kept outside every repository) over its key, inputs and content digest, checked when the
keys are read; a remembered content is used only when its digest matches the signed one,
else it is built again. A database SQLite cannot read is discarded and started afresh.

Building is deferred while :meth:`RenderMemo.deferring` is on: a content not remembered is
returned as a :class:`Pending` and built later together with the others, in parallel
(``probis_cli.render.parallel``); contents are pure functions of the index, so the bytes are
the same as a serial build's.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from probis_cli import __version__, fs
from probis_cli.digest import digest_parts, digest_text

MEMO_VERSION = 3
MEMO_FILE = f"render-v{MEMO_VERSION}.sqlite"
_SIDE_FILES = ("", "-journal", "-wal", "-shm")  # SQLite writes these next to the database


class LazyContent:
    """Content remembered from an earlier run: its digest now, its text only when needed."""

    __slots__ = ("_fetch", "digest")

    def __init__(self, digest: str, fetch: Callable[[], str]) -> None:
        self.digest = digest
        self._fetch = fetch

    def text(self) -> str:
        """The content itself (read from the cache)."""
        return self._fetch()


class Pending(LazyContent):
    """A content whose build is deferred: built with the others by :meth:`RenderMemo.resolve`
    (or on first use, if something asks for it before)."""

    __slots__ = ("build", "_value", "_built")

    def __init__(self, build: Callable[[], str], built: Callable[[str], None]) -> None:
        # ``digest`` stays unset until the content is built (see __getattr__).
        self._fetch = self.text
        self.build = build
        self._value: str | None = None
        self._built = built

    def set(self, text: str) -> None:
        """Take the built content (from a worker, or built here)."""
        if self._value is None:
            self._value = text
            self.digest = content_digest(text)
            self._built(text)

    @property
    def done(self) -> bool:
        """Whether the content was built."""
        return self._value is not None

    def text(self) -> str:
        """The content (built now if it was not yet)."""
        if self._value is None:
            self.set(self.build())
        assert self._value is not None
        return self._value

    def __getattr__(self, name: str) -> str:
        # Only reached for an unset slot: the digest of a content not built yet.
        if name == "digest":
            self.text()
            return self.digest
        raise AttributeError(name)


def content_digest(text: str) -> str:
    """The digest of a content; equal for equal text whether built now or remembered."""
    return digest_text(text)


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _mac(key: str, inputs: str, digest: str) -> str:
    return fs.sign("\0".join((str(MEMO_VERSION), key, inputs, digest)).encode("utf-8")).hex()


def _clear_links(cache_file: Path) -> bool:
    """Remove symlinks, FIFOs and the like where SQLite will open its files; False if a
    folder (or anything that cannot be removed) is in the way."""
    for suffix in _SIDE_FILES:
        path = cache_file.with_name(cache_file.name + suffix)
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        except OSError:
            return False
        if stat.S_ISREG(info.st_mode):
            continue
        if stat.S_ISDIR(info.st_mode):
            return False
        try:
            path.unlink()  # a symlink is removed as a link; its target is not touched
        except OSError:
            return False
    return True


def _damaged(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is broken ("malformed", "not a database"), as opposed to
    busy or locked by a concurrent run (then the memo is only skipped, never deleted)."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def _discard(cache_file: Path) -> None:
    for suffix in _SIDE_FILES:
        try:
            os.unlink(cache_file.with_name(cache_file.name + suffix))
        except OSError:
            pass


class RenderMemo:
    """A content cache for renderers, in the repository's ``.probis-cache``."""

    def __init__(
        self, cache_file: Path | None, file_digests: dict[str, str], global_paths: Iterable[str], settings: str
    ) -> None:
        self.file_digests = file_digests
        self.base = digest_parts(
            [__version__, str(MEMO_VERSION), settings, *sorted(f"{p}={file_digests.get(p, '')}" for p in global_paths)]
        )
        self.everything = digest_parts([self.base, *sorted(f"{p}={d}" for p, d in file_digests.items())])
        self.known: dict[str, tuple[str, str]] = {}  # key -> (inputs digest, content digest)
        self.new: dict[str, tuple[str, str, str]] = {}  # key -> (inputs digest, content digest, text)
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self.rejected = 0  # rows whose signature or content did not check out
        self.defer = False  # while on, contents not remembered come back as Pending
        self.pending: list[Pending] = []
        self.cache_file = cache_file
        self.db: sqlite3.Connection | None = None
        if cache_file is not None:
            self._open(cache_file)

    def _open(self, cache_file: Path) -> None:
        folder = cache_file.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            gitignore = folder / ".gitignore"
            if not gitignore.exists() and not gitignore.is_symlink():
                fs.write_atomic(gitignore, "# dibuat otomatis oleh probis\n*\n", root=folder)
        except (OSError, ValueError):
            return  # a cache that cannot be used only costs speed
        if not _clear_links(cache_file):
            return
        for _attempt in range(2):
            db: sqlite3.Connection | None = None
            try:
                db = sqlite3.connect(cache_file)
                db.execute(
                    "CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, inputs TEXT, digest TEXT, mac TEXT, content TEXT)"
                )
                known: dict[str, tuple[str, str]] = {}
                for k, i, d, m in db.execute("SELECT key, inputs, digest, mac FROM memo"):
                    if isinstance(k, str) and isinstance(i, str) and isinstance(d, str) and m == _mac(k, i, d):
                        known[k] = (i, d)
                    else:
                        self.rejected += 1
                self.db, self.known = db, known
                return
            except sqlite3.Error as exc:
                if db is not None:
                    db.close()
                self.known, self.rejected = {}, 0
                if not _damaged(exc):
                    return  # busy or locked: this run goes without
                _discard(cache_file)  # damaged, or not a database at all: start afresh, once

    def _fetch(self, key: str, digest: str, build: Callable[[], str]) -> str:
        """The remembered content, if it is what was signed; else built again (and stored)."""
        text: object = None
        if self.db is not None:
            try:
                row = self.db.execute("SELECT content FROM memo WHERE key = ?", (key,)).fetchone()
                text = row[0] if row is not None else None
            except sqlite3.Error:
                text = None
        if isinstance(text, str) and content_digest(text) == digest:
            return text
        self.rejected += 1
        rebuilt = build()
        inputs = self.known.get(key, ("", ""))[0]
        self._store([(key, inputs, content_digest(rebuilt), rebuilt)])
        return rebuilt

    def content(self, key: str, paths: Iterable[str] | None, build: Callable[[], str]) -> str | LazyContent:
        """The content for ``key``: remembered (lazily) when ``paths`` and the globals are unchanged."""
        if paths is None:
            inputs = self.everything
        else:
            inputs = digest_parts([self.base, *sorted(f"{p}={self.file_digests.get(p, '')}" for p in set(paths))])
        self.used.add(key)
        known = self.known.get(key)
        if known is not None and known[0] == inputs and self.db is not None:
            self.hits += 1
            return LazyContent(known[1], partial(self._fetch, key, known[1], build))
        self.misses += 1
        if self.defer:
            pending = Pending(build, partial(self._built, key, inputs))
            self.pending.append(pending)
            return pending
        text = build()
        self._built(key, inputs, text)
        return text

    def _built(self, key: str, inputs: str, text: str) -> None:
        self.new[key] = (inputs, content_digest(text), text)

    @contextmanager
    def deferring(self) -> Iterator[list[Pending]]:
        """Defer the builds asked for inside the block; yields the list they are added to
        (build them with ``probis_cli.render.parallel.build_pending``; one left unbuilt is built
        when first used)."""
        self.defer, self.pending = True, []
        try:
            yield self.pending
        finally:
            self.defer, self.pending = False, []  # what was not built is built on first use

    def _store(self, rows: list[tuple[str, str, str, str]], stale: list[tuple[str]] | None = None) -> None:
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO memo (key, inputs, digest, mac, content) VALUES (?, ?, ?, ?, ?)",
                    [(k, i, d, _mac(k, i, d), t) for k, i, d, t in rows],
                )
                if stale:
                    self.db.executemany("DELETE FROM memo WHERE key = ?", stale)
        except sqlite3.Error as exc:
            # Damaged beyond what SQLite can write to: forget it, the next run starts afresh
            # (busy or locked: only this run's additions are lost).
            self.close()
            if self.cache_file is not None and _damaged(exc):
                _discard(self.cache_file)

    def save(self) -> None:
        """Store what was built, forget what this run no longer produces.

        Only keys of the kinds this run built are forgotten (the part before the first ``:``,
        e.g. ``sop-md``): ``probis situs`` builds the diagrams but not the SOP drafts, and must
        not make the next ``probis render`` build every draft again."""
        if self.db is None:
            return
        kinds = {_kind(k) for k in self.used}
        stale = [(k,) for k in self.known if k not in self.used and _kind(k) in kinds]
        self._store([(k, i, d, t) for k, (i, d, t) in self.new.items()], stale)
        self.new.clear()

    def close(self) -> None:
        """Close the database."""
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None
