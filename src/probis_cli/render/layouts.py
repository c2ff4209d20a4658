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
one input per location, so the index stays as large as the outputs it knows.
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


class LayoutIndex:
    """``layout key -> (output digest, absolute path)``, signed, in the repository's cache."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, tuple[str, str]] = {}
        self.dirty = False
        self.reused = 0
        if file is None:
            return
        try:
            data = fs.verified(fs.read_limited(file, INDEX_LIMIT))
            loaded = marshal.loads(data) if data is not None else None
        except (OSError, ValueError, EOFError, TypeError):
            loaded = None
        if isinstance(loaded, dict) and all(
            isinstance(k, str) and isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v)
            for k, v in loaded.items()
        ):
            self.entries = loaded

    def find(self, key: str) -> bytes | None:
        """The bytes laid out for ``key`` before, if a file still holds exactly them."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        digest, path = entry
        try:
            data = fs.read_limited(Path(path), OUTPUT_LIMIT)
        except OSError:
            return None
        if digest_bytes(data) != digest:
            return None
        self.reused += 1
        return data

    def add(self, key: str, digest: str, path: Path) -> None:
        """``path`` now holds the bytes (of ``digest``) laid out for ``key``."""
        where = os.path.abspath(path)
        old = self.entries.pop(key, None)  # to the end: the latest written
        self.entries[key] = (digest, where)
        self.dirty = self.dirty or old != (digest, where)

    def save(self) -> None:
        """Write if anything changed (a location keeps only its latest input); failures cost speed only."""
        if self.file is None or not self.dirty:
            return
        latest: dict[str, str] = {}
        for key, (_digest, where) in self.entries.items():  # insertion order: the latest add wins
            latest[where] = key
        kept = set(latest.values())
        self.entries = {k: v for k, v in self.entries.items() if k in kept}
        try:
            fs.write_atomic(self.file, fs.signed(marshal.dumps(self.entries)), root=self.file.parent)
            self.dirty = False
        except (OSError, ValueError):
            pass
