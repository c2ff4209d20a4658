"""The one content digest probis uses for caches and manifests (BLAKE2b, 128 bits, hex).

The parse cache, the render memo and the render manifest all compare digests written by
earlier runs: they must keep computing them the same way, so they share these helpers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

__all__ = ["digest_bytes", "digest_parts", "digest_text"]


def digest_bytes(raw: bytes) -> str:
    """The digest of raw bytes (a file's content)."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def digest_text(text: str) -> str:
    """The digest of a text, encoded as UTF-8."""
    return digest_bytes(text.encode("utf-8"))


def digest_parts(parts: Iterable[str]) -> str:
    """The digest of a sequence of strings; each part is terminated, so ("ab", "c") != ("a", "bc")."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()
