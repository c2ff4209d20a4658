"""Read many files fast: a content-keyed parse cache and parsing spread over cores."""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from probis_cli.source.reader import RawDocument, ReadIssue, ReadResult, decode, read_bytes

CACHE_VERSION = 5
CACHE_DIR_NAME = ".probis-cache"
PARALLEL_MIN_FILES = 400  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file of the repository as read: relative path, text, documents, read issues."""

    path: str
    abspath: Path
    text: str
    documents: tuple[RawDocument, ...]
    issues: tuple[ReadIssue, ...]
    digest: str


def _digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _pack(result: ReadResult) -> tuple[Any, Any]:
    # Position trees are as large as the data but needed only for the few nodes that get a
    # finding: keep them marshalled, decoded lazily (see model.build.Document.tree()).
    docs = tuple((d.data, marshal.dumps(d.pos), d.line, d.column) for d in result.documents)
    issues = tuple((i.code, i.message_id, i.line, i.column, i.args, i.fatal) for i in result.issues)
    return docs, issues


def _unpack(packed: tuple[Any, Any]) -> tuple[tuple[RawDocument, ...], tuple[ReadIssue, ...]]:
    docs, issues = packed
    return (
        tuple(RawDocument(*d) for d in docs),
        tuple(ReadIssue(c, m, ln, col, tuple(tuple(a) for a in args), fatal) for c, m, ln, col, args, fatal in issues),
    )


def _parse_chunk(chunk: list[bytes]) -> list[tuple[Any, Any]]:
    import gc

    gc.disable()  # nothing here makes reference cycles; the collector would only rescan
    return [_pack(read_bytes(raw)) for raw in chunk]


def _parse_chunk_blob(chunk: list[bytes]) -> bytes:
    """Worker: parse a chunk; hand back one marshal blob per file, all in one blob (pickling
    nested results costs several times more than marshal, and would eat the gain)."""
    return marshal.dumps([marshal.dumps(p) for p in _parse_chunk(chunk)])


class ParseCache:
    """A single marshal file mapping content digests to parse results (self-gitignored folder)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if folder is None:
            return
        try:
            blob = (folder / f"parse-v{CACHE_VERSION}.marshal").read_bytes()
            loaded = marshal.loads(blob)
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, ValueError, EOFError, TypeError):
            self.entries = {}

    def save(self, live: set[str]) -> None:
        """Write atomically, keeping only entries of files that still exist."""
        if self.folder is None or not (self.dirty or set(self.entries) - live):
            return
        entries = {k: v for k, v in self.entries.items() if k in live}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# dibuat otomatis oleh probis\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".parse-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(entries, handle)
            os.replace(tmp, self.folder / f"parse-v{CACHE_VERSION}.marshal")
        except OSError:
            pass  # a cache that cannot be written only costs speed


def load_sources(
    root: Path,
    paths: list[Path],
    *,
    use_cache: bool = True,
    workers: int | None = None,
) -> list[SourceFile]:
    """Read and parse ``paths`` (under ``root``), reusing cached parses of unchanged content."""
    found: list[SourceFile | None] = [None] * len(paths)
    for i, source in iter_sources(root, paths, use_cache=use_cache, workers=workers):
        found[i] = source
    return [s for s in found if s is not None]


def iter_sources(
    root: Path,
    paths: list[Path],
    *,
    use_cache: bool = True,
    workers: int | None = None,
) -> Iterator[tuple[int, SourceFile]]:
    """``(position in paths, SourceFile)`` as soon as each is available: cached files first,
    then parsed ones chunk by chunk, so that the caller can validate while workers parse."""
    cache = ParseCache(root / CACHE_DIR_NAME if use_cache else None)
    raws: list[bytes | None] = []
    digests: list[str] = []
    io_issues: dict[int, ReadIssue] = {}
    for i, path in enumerate(paths):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raws.append(None)
            digests.append("")
            io_issues[i] = ReadIssue("Y011", "read.io_error", None, None, (("detail", exc.strerror or str(exc)),))
            continue
        raws.append(raw)
        digests.append(_digest(raw))
    prefix = str(root).rstrip(os.sep) + os.sep

    def source(i: int) -> SourceFile:
        path = paths[i]
        text_path = str(path)
        # String slicing, not Path.relative_to: this runs for every file of a province.
        rel = text_path[len(prefix) :].replace(os.sep, "/") if text_path.startswith(prefix) else path.as_posix()
        data = raws[i]
        if data is None:
            return SourceFile(rel, path, "", (), (io_issues[i],), "")
        # Entries are kept as per-file marshal blobs: compact, and the data trees they hold
        # live only while the caller builds this file's models.
        documents, issues = _unpack(marshal.loads(cache.entries[digests[i]]))
        text, _ = decode(data)
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
        return SourceFile(rel, path, text, documents, issues, digests[i])

    todo = [i for i, raw in enumerate(raws) if raw is not None and digests[i] not in cache.entries]
    pending = set(todo)
    for i in range(len(paths)):
        if i not in pending:
            yield i, source(i)
    if todo:
        n_workers = workers if workers is not None else (os.cpu_count() or 1)
        if n_workers > 1 and len(todo) >= PARALLEL_MIN_FILES:
            # Interleave files across chunks: paths come sorted, and one folder (sop/) holds
            # most of the bytes; contiguous chunks would leave one worker with all of it.
            n_chunks = n_workers * 8
            index_chunks = [todo[k::n_chunks] for k in range(n_chunks)]
            chunks = [[raws[i] for i in chunk] for chunk in index_chunks]
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("fork")) as pool:
                for chunk, blob in zip(index_chunks, pool.map(_parse_chunk_blob, chunks)):
                    for i, packed in zip(chunk, marshal.loads(blob)):
                        cache.entries[digests[i]] = packed
                        yield i, source(i)
        else:
            for i in todo:
                cache.entries[digests[i]] = marshal.dumps(_pack(read_bytes(raws[i])))  # type: ignore[arg-type]
                yield i, source(i)
        cache.dirty = True
    cache.save({d for d in digests if d})
