"""What this machine laid out, by what it was laid out from: render and the site share layouts.

``probis render`` and ``probis situs`` lay out the same diagrams (the same DOT text) into
different folders. The index, kept in the repository's cache folder, maps the digest of a
layout's input (probis version, format, DOT text) and the engine that ran to the digest of the
bytes it wrote and where: a later run of either command that needs the same layout copies
those bytes instead of laying them out again (``probis situs`` after ``probis render`` lays out
nothing).

The cache folder and the output folders can be committed by anyone who sends a pull request,
so the index is signed with the machine's key (``fs.sign``), and a file it points to is used
only when its bytes hash to the signed digest: only bytes this machine's engine wrote are
ever reused, wherever they are now. One location per input is kept (the latest written), and
one input per location, so the index stays as large as the outputs it knows. A location is a
file (render's output) or a span of one (the site's pack of layouts, ``site/store.py``).
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from probis_cli import fs
from probis_cli.digest import digest_bytes, digest_parts

LAYOUTS_FILE = "layouts.marshal"
INDEX_LIMIT = 64 * 1024 * 1024
OUTPUT_LIMIT = 1024 * 1024 * 1024


def layout_key(job_digest: str, engine_name: str) -> str:
    """The key of one layout: its input's digest and the engine that laid it out."""
    return digest_parts((job_digest, engine_name))


Entry = tuple[str, str] | tuple[str, str, int, int]  # digest, absolute path[, offset, length]


def _valid_entry(value: object) -> bool:
    if not isinstance(value, tuple) or len(value) not in (2, 4):
        return False
    return (
        all(isinstance(x, str) for x in value[:2])
        and all(isinstance(x, int) and x >= 0 for x in value[2:])
        and (len(value) == 2 or value[3] <= OUTPUT_LIMIT)
    )


class LayoutIndex:
    """``layout key -> (output digest, absolute path[, offset, length])``, signed, in the
    repository's cache."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, Entry] = {}
        self.dirty = False
        self.reused = 0
        if file is None:
            return
        try:
            data = fs.verified(fs.read_limited(file, INDEX_LIMIT))
            loaded = marshal.loads(data) if data is not None else None
        except (OSError, ValueError, EOFError, TypeError):
            loaded = None
        if isinstance(loaded, dict) and all(isinstance(k, str) and _valid_entry(v) for k, v in loaded.items()):
            self.entries = loaded

    def find(self, key: str) -> bytes | None:
        """The bytes laid out for ``key`` before, if a file still holds exactly them."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        digest, path = entry[0], entry[1]
        try:
            data = fs.read_limited(Path(path), OUTPUT_LIMIT) if len(entry) == 2 else _read_span(path, *entry[2:])
        except OSError:
            return None
        if digest_bytes(data) != digest:
            return None
        self.reused += 1
        return data

    def add(self, key: str, digest: str, path: Path, offset: int | None = None, length: int | None = None) -> None:
        """``path`` (from ``offset``, ``length`` bytes, when given) now holds the bytes (of
        ``digest``) laid out for ``key``."""
        where = os.path.abspath(path)
        entry: Entry = (digest, where) if offset is None or length is None else (digest, where, offset, length)
        old = self.entries.pop(key, None)  # to the end: the latest written
        self.entries[key] = entry
        self.dirty = self.dirty or old != entry

    def save(self) -> None:
        """Write if anything changed (a location keeps only its latest input); failures cost speed only."""
        if self.file is None or not self.dirty:
            return
        latest: dict[tuple[str, int], str] = {}
        for key, entry in self.entries.items():  # insertion order: the latest add wins
            latest[(entry[1], entry[2] if len(entry) == 4 else -1)] = key
        kept = set(latest.values())
        self.entries = {k: v for k, v in self.entries.items() if k in kept}
        try:
            fs.write_atomic(self.file, fs.signed(marshal.dumps(self.entries)), root=self.file.parent)
            self.dirty = False
        except (OSError, ValueError):
            pass


def _read_span(path: str, offset: int, length: int) -> bytes:
    """``length`` bytes of the regular file ``path`` from ``offset`` (not a link, a FIFO or a
    device); raises OSError when it holds fewer."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"not a regular file: {path}")
        data = os.pread(fd, length, offset)
    finally:
        os.close(fd)
    if len(data) != length:
        raise OSError(f"short read: {path}")
    return data
