"""Remember rendered artifact contents by the digest of the documents they were built from.

Building the DOT and Markdown of a city (thousands of SOP flowcharts and process maps)
takes longer than laying out the few that changed; after one edit, only the artifacts that
read the edited document are built again. Each renderer names what an artifact reads:
its own documents, plus implicitly the "global" ones (pemda, RPJMD, OPD: names used
everywhere) and the render settings; ``None`` means "the whole repository" (Pemda-wide maps).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from probis_cli import __version__

MEMO_VERSION = 1


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


class RenderMemo:
    """A content cache for renderers, saved in the repository's ``.probis-cache``."""

    def __init__(self, cache_file: Path | None, file_digests: dict[str, str], global_paths: Iterable[str], settings: str) -> None:
        self.cache_file = cache_file
        self.file_digests = file_digests
        self.base = _digest([__version__, str(MEMO_VERSION), settings, *sorted(f"{p}={file_digests.get(p, '')}" for p in global_paths)])
        self.everything = _digest([self.base, *sorted(f"{p}={d}" for p, d in file_digests.items())])
        self.entries: dict[str, tuple[str, str]] = {}
        self.used: set[str] = set()
        self.hits = self.misses = 0
        if cache_file is not None:
            try:
                loaded = marshal.loads(cache_file.read_bytes())
                if isinstance(loaded, dict):
                    self.entries = loaded
            except (OSError, ValueError, EOFError, TypeError):
                self.entries = {}

    def content(self, key: str, paths: Iterable[str] | None, build: Callable[[], str]) -> str:
        """The content for ``key``: remembered when ``paths`` (and the globals) are unchanged."""
        if paths is None:
            digest = self.everything
        else:
            digest = _digest([self.base, *sorted(f"{p}={self.file_digests.get(p, '')}" for p in set(paths))])
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is not None and entry[0] == digest:
            self.hits += 1
            return entry[1]
        self.misses += 1
        text = build()
        self.entries[key] = (digest, text)
        return text

    def save(self) -> None:
        """Write what this run used (dropping the rest), atomically; a failure only costs speed."""
        if self.cache_file is None or (self.misses == 0 and set(self.entries) == self.used):
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.cache_file.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# dibuat otomatis oleh probis\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.cache_file.parent, prefix=".render-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(entries, handle)
            os.replace(tmp, self.cache_file)
        except OSError:
            pass
