"""A digest of probis's own code, so that results kept between runs never outlive the code.

Reports and rule results kept in ``.probis-cache/`` are valid for the code that made them: an
upgrade, or an edit of an installed-in-place checkout, must start cold. File sizes and times of
the package's files stand for their contents (a stat per file: a few milliseconds).
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The digest of the package's files (path, size, modification time) and the Python version."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    todo = [str(PACKAGE)]
    while todo:
        folder = todo.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    todo.append(entry.path)
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            h.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()
