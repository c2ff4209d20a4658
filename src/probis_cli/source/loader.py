"""Read many files fast: a content-keyed parse cache and parsing spread over cores.

The cache is one file of per-file marshal blobs in ``.probis-cache/`` (see
:func:`probis_cli.fs.cache_folder`: never a symlinked folder). A repository is untrusted, and
so is anything found in its cache folder (it can be committed): the file is signed as a whole
with a per-machine HMAC key kept outside every repository (:func:`probis_cli.fs.signed`), so a
forged or damaged cache is never believed; each entry's shape is checked again when used, and
on any doubt the file is simply parsed again.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, cast

from probis_cli import fs
from probis_cli.digest import digest_bytes
from probis_cli.source.reader import MAX_BYTES, RawDocument, ReadIssue, ReadResult, decode, read_bytes

CACHE_VERSION = 6
CACHE_DIR_NAME = fs.CACHE_DIR_NAME
CACHE_MAX_BYTES = 4 * 1024 * 1024 * 1024  # a cache file larger than this is not read at all
# Signed along with the entries: a cache written by another probis or Python is not used.
_CACHE_HEADER = f"probis-parse-cache {CACHE_VERSION} {sys.version_info[0]}.{sys.version_info[1]}\n".encode()
PARALLEL_MIN_FILES = 400  # below this, starting worker processes costs more than it saves
_digest = digest_bytes  # the old private name, still imported by diff/state.py


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file of the repository as read: relative path, text, documents, read issues."""

    path: str
    abspath: Path
    text: str
    documents: tuple[RawDocument, ...]
    issues: tuple[ReadIssue, ...]
    digest: str


def _pack(result: ReadResult) -> tuple[Any, Any]:
    # Position trees are as large as the data but needed only for the few nodes that get a
    # finding: keep them marshalled, decoded lazily (see model.build.Document.tree()).
    docs = tuple((d.data, marshal.dumps(d.pos), d.line, d.column) for d in result.documents)
    issues = tuple((i.code, i.message_id, i.line, i.column, i.args, i.fatal) for i in result.issues)
    return docs, issues


class BadEntry(ValueError):
    """A cache entry that does not have the shape :func:`_pack` gives."""


def _position(value: Any) -> bool:
    return value is None or type(value) is int


def _unpack(packed: Any) -> tuple[tuple[RawDocument, ...], tuple[ReadIssue, ...]]:
    """The documents and issues of a cache entry; :class:`BadEntry` unless it has the right shape."""
    if type(packed) is not tuple or len(packed) != 2:
        raise BadEntry("entry")
    docs, issues = packed
    if type(docs) is not tuple or type(issues) is not tuple:
        raise BadEntry("entry")
    raw_docs = []
    for d in docs:
        if (
            type(d) is not tuple
            or len(d) != 4
            or type(d[1]) is not bytes
            or type(d[2]) is not int
            or type(d[3]) is not int
        ):
            raise BadEntry("document")
        raw_docs.append(RawDocument(*d))
    read_issues = []
    for i in issues:
        if type(i) is not tuple or len(i) != 6:
            raise BadEntry("issue")
        code, message_id, line, column, args, fatal = i
        if type(code) is not str or type(message_id) is not str or not _position(line) or not _position(column):
            raise BadEntry("issue")
        if type(fatal) is not bool or type(args) is not tuple:
            raise BadEntry("issue")
        pairs = []
        for a in args:
            if type(a) is not tuple or len(a) != 2 or type(a[0]) is not str:
                raise BadEntry("issue")
            pairs.append((a[0], a[1]))
        read_issues.append(ReadIssue(code, message_id, line, column, tuple(pairs), fatal))
    return tuple(raw_docs), tuple(read_issues)


def _parse_chunk(chunk: list[bytes]) -> list[tuple[Any, Any]]:
    import gc

    gc.disable()  # nothing here makes reference cycles; the collector would only rescan
    return [_pack(read_bytes(raw)) for raw in chunk]


def _parse_chunk_blob(chunk: list[bytes]) -> bytes:
    """Worker: parse a chunk; hand back one marshal blob per file, all in one blob (pickling
    nested results costs several times more than marshal, and would eat the gain)."""
    return marshal.dumps([marshal.dumps(p) for p in _parse_chunk(chunk)])


class ParseCache:
    """A single signed marshal file mapping content digests to parse results.

    Anything doubtful (no or wrong signature, another version, a wrong shape) is an empty
    cache: every file is parsed again, which costs time and nothing else.
    """

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        self.root = root
        self.folder = fs.cache_folder(root) if enabled else None
        self.entries: dict[str, bytes] = {}
        self.dirty = False
        if self.folder is None:
            return
        try:
            blob = fs.read_limited(self.folder / f"parse-v{CACHE_VERSION}.marshal", CACHE_MAX_BYTES)
        except OSError:
            return
        data = fs.verified(blob)
        if data is None or not data.startswith(_CACHE_HEADER):
            return
        try:
            loaded = marshal.loads(memoryview(data)[len(_CACHE_HEADER) :])
        except (ValueError, EOFError, TypeError):
            return
        if type(loaded) is dict and all(type(k) is str and type(v) is bytes for k, v in loaded.items()):
            self.entries = loaded

    def get(self, digest: str) -> tuple[tuple[RawDocument, ...], tuple[ReadIssue, ...]] | None:
        """The cached parse of content ``digest``, or None (missing or doubtful: parse again)."""
        blob = self.entries.get(digest)
        if blob is None:
            return None
        try:
            return _unpack(marshal.loads(blob))
        except (BadEntry, ValueError, EOFError, TypeError):
            del self.entries[digest]
            self.dirty = True
            return None

    def save(self, live: set[str]) -> None:
        """Write atomically, keeping only entries of files that still exist.

        The file is built in one buffer of its final size (see :func:`signed_cache_file`):
        a city's 25 MB of entries are in memory once more while it is written, not three
        times more (marshalled, prefixed with the header, prefixed with the signature).
        """
        if self.folder is None or not (self.dirty or set(self.entries) - live):
            return
        entries = {k: v for k, v in self.entries.items() if k in live}
        self.entries = {}  # the last use of this cache: the entries now belong to the file
        try:
            fs.ensure_dir_inside(self.root, self.folder)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists() and not gitignore.is_symlink():
                fs.write_atomic(gitignore, "# dibuat otomatis oleh probis\n*\n", root=self.root)
            blob = signed_cache_file(entries)
            del entries
            # write_atomic writes any bytes-like object as it is; bytes(blob) would copy it.
            fs.write_atomic(self.folder / f"parse-v{CACHE_VERSION}.marshal", cast(bytes, blob), root=self.root)
        except (OSError, fs.OutsideError):
            pass  # a cache that cannot be written only costs speed


def signed_cache_file(entries: dict[str, bytes]) -> bytearray:
    """``fs.signed(_CACHE_HEADER + marshal.dumps(entries))``, built in place.

    marshal's encoding of a dict of str -> bytes is simple and stable (format version 2 on):
    ``{``, then per entry the key as ``u`` + int32 length + UTF-8 and the value as ``s`` +
    int32 length + bytes, then ``0``. Writing it into a buffer allocated once at its final
    size avoids the copies; ``marshal.loads`` reads it like its own output (a test checks).
    """
    keys = [key.encode("utf-8") for key in entries]
    size = 32 + len(_CACHE_HEADER) + 2 + sum(10 + len(k) + len(v) for k, v in zip(keys, entries.values()))
    buffer = bytearray(size)
    view = memoryview(buffer)
    at = 32
    view[at : at + len(_CACHE_HEADER)] = _CACHE_HEADER
    at += len(_CACHE_HEADER)
    view[at : at + 1] = b"{"
    at += 1
    for key, value in zip(keys, entries.values()):
        for kind, data in ((b"u", key), (b"s", value)):
            view[at : at + 5] = kind + len(data).to_bytes(4, "little")
            view[at + 5 : at + 5 + len(data)] = data
            at += 5 + len(data)
    view[at : at + 1] = b"0"
    mac = hmac.new(fs.machine_key(), view[32:], hashlib.sha256)
    view[:32] = mac.digest()
    view.release()
    return buffer


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
    cache = ParseCache(root, enabled=use_cache)
    raws: list[bytes | None] = []
    digests: list[str] = []
    io_issues: dict[int, ReadIssue] = {}
    for i, path in enumerate(paths):
        try:
            # Bounded, and never a FIFO or device: a '*.yaml' link to /dev/zero or a FIFO
            # would otherwise exhaust memory or block forever.
            raw = fs.read_limited(path, MAX_BYTES)
        except OSError as exc:
            raws.append(None)
            digests.append("")
            io_issues[i] = _read_issue(exc)
            continue
        raws.append(raw)
        digests.append(digest_bytes(raw))
    prefix = str(root).rstrip(os.sep) + os.sep
    fresh: dict[int, bytes] = {}  # parsed in this run, not yet handed out

    def keep(i: int, packed: bytes) -> None:
        fresh[i] = packed
        if cache.folder is not None:  # without a cache, nothing outlives its file's models
            cache.entries[digests[i]] = packed
            cache.dirty = True

    def source(i: int) -> SourceFile:
        path = paths[i]
        text_path = str(path)
        # String slicing, not Path.relative_to: this runs for every file of a province.
        rel = text_path[len(prefix) :].replace(os.sep, "/") if text_path.startswith(prefix) else path.as_posix()
        data = raws[i]
        if data is None:
            return SourceFile(rel, path, "", (), (io_issues[i],), "")
        # Entries are kept as per-file marshal blobs: compact, and the data trees they hold
        # live only while the caller builds this file's models. What this run parsed itself
        # needs no shape check (only what was read from the cache file does).
        packed = fresh.pop(i, None)
        unpacked: tuple[tuple[RawDocument, ...], tuple[ReadIssue, ...]] | None
        if packed is not None:
            docs, found = marshal.loads(packed)
            unpacked = tuple(RawDocument(*d) for d in docs), tuple(ReadIssue(*f) for f in found)
        else:
            unpacked = cache.get(digests[i])
        if unpacked is None:  # an entry of the wrong shape: parse the file again
            packed = marshal.dumps(_pack(read_bytes(data)))
            keep(i, packed)
            unpacked = _unpack(marshal.loads(packed))
        documents, issues = unpacked
        text, _ = decode(data)
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
        return SourceFile(rel, path, text, documents, issues, digests[i])

    todo = [i for i, raw in enumerate(raws) if raw is not None and digests[i] not in cache.entries]
    pending = set(todo)
    for i in range(len(paths)):
        if i not in pending:
            yield i, source(i)
    for i, packed in _parse_all(todo, raws, workers):
        keep(i, packed)
        yield i, source(i)
    cache.save({d for d in digests if d})


def _parse_all(todo: list[int], raws: list[bytes | None], workers: int | None) -> Iterator[tuple[int, bytes]]:
    """``(i, packed parse of raws[i])`` for each i of ``todo``, over worker processes if it pays."""
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    if n_workers > 1 and len(todo) >= PARALLEL_MIN_FILES:
        # Interleave files across chunks: paths come sorted, and one folder (sop/) holds
        # most of the bytes; contiguous chunks would leave one worker with all of it.
        n_chunks = n_workers * 8
        index_chunks = [todo[k::n_chunks] for k in range(n_chunks)]
        chunks = [[raws[i] for i in chunk] for chunk in index_chunks]
        with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("fork")) as pool:
            for chunk, blob in zip(index_chunks, pool.map(_parse_chunk_blob, chunks)):
                yield from zip(chunk, marshal.loads(blob))
    else:
        for i in todo:
            yield i, marshal.dumps(_pack(read_bytes(raws[i])))  # type: ignore[arg-type]


def _read_issue(exc: OSError) -> ReadIssue:
    """The located finding for a file that could not be read."""
    if isinstance(exc, fs.TooLarge):
        return ReadIssue("Y009", "read.too_large", None, None, (("mb", MAX_BYTES // (1024 * 1024)),))
    if isinstance(exc, fs.NotRegularFile):
        return ReadIssue("Y011", "read.not_regular", None, None)
    return ReadIssue("Y011", "read.io_error", None, None, (("detail", exc.strerror or str(exc)),))
