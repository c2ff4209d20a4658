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
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, cast

from probis_cli import fs
from probis_cli.digest import digest_bytes
from probis_cli.source.reader import MAX_BYTES, RawDocument, ReadIssue, ReadResult, decode, read_bytes

CACHE_VERSION = 7
SHARDS = 16  # cache files, by content digest (see shard_of)
_LEGACY_FILE = "parse-v6.marshal"
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


def shard_of(digest: str) -> int:
    """The cache file holding the entry of content ``digest`` (a hex digest)."""
    return int(digest[:2], 16) % SHARDS


def shard_file(folder: Path, shard: int) -> Path:
    """The cache file of ``shard`` in the cache folder ``folder``."""
    return folder / f"parse-v{CACHE_VERSION}-{shard:02d}.marshal"


def _read_shard(path: Path) -> dict[str, bytes]:
    """The entries of one signed cache file; empty when missing or doubtful."""
    try:
        blob = fs.read_limited(path, CACHE_MAX_BYTES)
    except OSError:
        return {}
    data = fs.verified(blob)
    if data is None or not data.startswith(_CACHE_HEADER):
        return {}
    try:
        loaded = marshal.loads(memoryview(data)[len(_CACHE_HEADER) :])
    except (ValueError, EOFError, TypeError):
        return {}
    if type(loaded) is dict and all(type(k) is str and type(v) is bytes for k, v in loaded.items()):
        return loaded
    return {}


def write_shard(root: Path, folder: Path, shard: int, entries: dict[str, bytes]) -> None:
    """Write one cache file atomically; a cache that cannot be written only costs speed."""
    try:
        blob = signed_cache_file(entries)
        # write_atomic writes any bytes-like object as it is; bytes(blob) would copy it.
        fs.write_atomic(shard_file(folder, shard), cast(bytes, blob), root=root)
    except (OSError, fs.OutsideError):
        pass


class ParseCache:
    """Content digests mapped to parse results, in :data:`SHARDS` signed marshal files.

    An entry lives in the file :func:`shard_of` its digest names, so that worker processes can
    each write the files of the contents they parsed (the parent never holds those entries).
    Anything doubtful (no or wrong signature, another version, a wrong shape) is an empty
    cache file: those files are parsed again, which costs time and nothing else.
    """

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        self.root = root
        self.folder = fs.cache_folder(root) if enabled else None
        self.entries: dict[str, bytes] = {}
        self.dirty: set[int] = set()  # shards whose entries changed in this run
        self.loaded: list[set[str]] = [set() for _ in range(SHARDS)]  # keys as read, per shard
        if self.folder is None or not self.folder.is_dir():
            return
        for shard in range(SHARDS):
            found = _read_shard(shard_file(self.folder, shard))
            # An entry in the wrong file was not written by probis: not believed.
            found = {k: v for k, v in found.items() if len(k) >= 2 and _hex(k[:2]) and shard_of(k) == shard}
            self.loaded[shard] = set(found)
            self.entries.update(found)

    def get(self, digest: str) -> tuple[tuple[RawDocument, ...], tuple[ReadIssue, ...]] | None:
        """The cached parse of content ``digest``, or None (missing or doubtful: parse again)."""
        blob = self.entries.get(digest)
        if blob is None:
            return None
        try:
            return _unpack(marshal.loads(blob))
        except (BadEntry, ValueError, EOFError, TypeError):
            del self.entries[digest]
            self.dirty.add(shard_of(digest))
            return None

    def add(self, digest: str, packed: bytes) -> None:
        """Keep the parse ``packed`` of content ``digest`` (until :meth:`save`)."""
        if self.folder is not None:  # without a cache, nothing outlives its file's models
            self.entries[digest] = packed
            self.dirty.add(shard_of(digest))

    def prepare_folder(self) -> bool:
        """Create the cache folder (and its .gitignore); whether it can be written to."""
        if self.folder is None:
            return False
        try:
            fs.ensure_dir_inside(self.root, self.folder)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists() and not gitignore.is_symlink():
                fs.write_atomic(gitignore, "# dibuat otomatis oleh probis\n*\n", root=self.root)
            fs.remove_inside(self.root, self.folder / _LEGACY_FILE)  # one file of an older probis
        except (OSError, fs.OutsideError):
            return False
        return True

    def shard_entries(self, shard: int, live: Iterable[str]) -> dict[str, bytes]:
        """The entries of ``shard`` among the contents ``live``, in digest order."""
        return {d: self.entries[d] for d in sorted(live) if d in self.entries and shard_of(d) == shard}

    def save(self, live: set[str], *, written: frozenset[int] = frozenset()) -> None:
        """Write the files whose entries changed, keeping only entries of contents still in use
        (``written``: shards a worker wrote already, left alone). The last use of this cache."""
        if self.folder is None:
            return
        by_shard: list[list[str]] = [[] for _ in range(SHARDS)]
        for digest in live:
            by_shard[shard_of(digest)].append(digest)
        todo = [
            s
            for s in range(SHARDS)
            if s not in written and (s in self.dirty or self.loaded[s] != {d for d in by_shard[s] if d in self.entries})
        ]
        if not todo or not self.prepare_folder():
            self.entries = {}
            return
        for shard in todo:
            write_shard(self.root, self.folder, shard, self.shard_entries(shard, by_shard[shard]))
        self.entries = {}  # the entries now belong to the files


def _hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)


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


@dataclass
class Prepared:
    """Files read and digested, their cached parses looked up, and maybe workers parsing the rest
    already (:func:`prepare`, :func:`start_workers`): what :func:`iter_sources` goes on from."""

    root: Path
    paths: list[Path]
    cache: ParseCache
    raws: list[bytes | None]
    digests: list[str]
    io_issues: dict[int, ReadIssue]
    todo: list[int]  # positions in paths to parse (not cached)
    use_cache: bool = True
    job: Job | None = None

    def matches(self, root: Path, paths: list[Path], use_cache: bool) -> bool:
        """Whether this was prepared for reading exactly ``paths`` of ``root`` this way."""
        return self.root == root and self.use_cache == use_cache and self.paths == paths

    def discard(self) -> None:
        """Not used after all: stop the workers (what they wrote to the cache stays valid)."""
        if self.job is not None:
            self.job.stop()
            self.job = None


def prepare(root: Path, paths: list[Path], *, use_cache: bool = True) -> Prepared:
    """Read every file of ``paths`` (bounded, never a FIFO or device: a '*.yaml' link to /dev/zero
    or a FIFO would otherwise exhaust memory or block forever) and look its content up in the cache."""
    cache = ParseCache(root, enabled=use_cache)
    raws: list[bytes | None] = []
    digests: list[str] = []
    io_issues: dict[int, ReadIssue] = {}
    for i, path in enumerate(paths):
        try:
            raw = fs.read_limited(path, MAX_BYTES)
        except OSError as exc:
            raws.append(None)
            digests.append("")
            io_issues[i] = _read_issue(exc)
            continue
        raws.append(raw)
        digests.append(digest_bytes(raw))
    todo = [i for i, raw in enumerate(raws) if raw is not None and digests[i] not in cache.entries]
    return Prepared(root, list(paths), cache, raws, digests, io_issues, todo, use_cache)


def start_workers(prepared: Prepared, workers: int | None = None) -> None:
    """Start parsing ``prepared.todo`` in worker processes, when there are enough files for it to pay."""
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    if prepared.job is None and n_workers > 1 and len(prepared.todo) >= PARALLEL_MIN_FILES and hasattr(os, "fork"):
        prepared.job = Job(prepared, n_workers)


def iter_sources(
    root: Path,
    paths: list[Path],
    *,
    use_cache: bool = True,
    workers: int | None = None,
    prepared: Prepared | None = None,
) -> Iterator[tuple[int, SourceFile]]:
    """``(position in paths, SourceFile)`` as soon as each is available: cached files first,
    then parsed ones shard by shard, so that the caller can validate while workers parse.

    ``prepared``: what :func:`prepare` (and :func:`start_workers`) did for these same paths
    earlier; used only when it is for the same root, paths and cache setting."""
    if prepared is None or not prepared.matches(root, paths, use_cache):
        if prepared is not None:
            prepared.discard()
        prepared = prepare(root, paths, use_cache=use_cache)
    start_workers(prepared, workers)
    cache, raws, digests, job = prepared.cache, prepared.raws, prepared.digests, prepared.job
    prefix = str(root).rstrip(os.sep) + os.sep
    fresh: dict[int, bytes] = {}  # parsed in this run, not yet handed out

    def keep(i: int, packed: bytes) -> None:
        fresh[i] = packed
        cache.add(digests[i], packed)

    def source(i: int) -> SourceFile:
        path = paths[i]
        text_path = str(path)
        # String slicing, not Path.relative_to: this runs for every file of a province.
        rel = text_path[len(prefix) :].replace(os.sep, "/") if text_path.startswith(prefix) else path.as_posix()
        data = raws[i]
        if data is None:
            return SourceFile(rel, path, "", (), (prepared.io_issues[i],), "")
        raws[i] = None  # the text below is all that is kept of it
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

    pending = set(prepared.todo)
    live = {d for d in digests if d}
    for i in range(len(paths)):
        if i not in pending:
            yield i, source(i)
    if job is not None:
        for i, packed in job.results():
            fresh[i] = packed  # the worker wrote it to the cache itself
            yield i, source(i)
        for i in job.missed():  # a worker that failed: parsed here
            keep(i, marshal.dumps(_pack(read_bytes(raws[i]))))  # type: ignore[arg-type]
            yield i, source(i)
    else:
        for i in prepared.todo:
            keep(i, marshal.dumps(_pack(read_bytes(raws[i]))))  # type: ignore[arg-type]
            yield i, source(i)
    cache.save(live, written=job.written() if job is not None else frozenset())


_inherited: Prepared | None = None  # what the workers of the Job being started read (fork)
_start_lock = threading.Lock()


class Job:
    """Worker processes parsing the files of :class:`Prepared` ``todo``, one cache shard per
    task: each worker also writes the cache files of its shards, so the parse results are
    never all in memory at once (they live while the caller builds a file's models).

    The workers are forked with the files already read: only shard numbers and file positions
    go to them, and one marshal blob per shard comes back."""

    def __init__(self, prepared: Prepared, n_workers: int) -> None:
        global _inherited  # noqa: PLW0603 - read by the forked workers, reset right after
        self.todo = prepared.todo
        self.write = prepared.cache.prepare_folder()
        if self.write:
            fs.machine_key()  # read (or made) once here: every worker signs with it
        groups: dict[int, list[int]] = {}
        for i in prepared.todo:
            groups.setdefault(shard_of(prepared.digests[i]), []).append(i)
        self.delivered: set[int] = set()
        self.done: set[int] = set()
        with _start_lock:
            _inherited = prepared
            try:
                self.pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("fork"))
                self.tasks = {
                    self.pool.submit(_parse_shard, shard, indexes, self.write): (shard, indexes)
                    for shard, indexes in sorted(groups.items(), key=lambda kv: -len(kv[1]))
                }
            finally:
                _inherited = None

    def results(self) -> Iterator[tuple[int, bytes]]:
        """``(position, packed parse)`` of each file, shard by shard as the workers finish them."""
        try:
            for future in as_completed(self.tasks):
                shard, indexes = self.tasks[future]
                try:
                    packed = marshal.loads(future.result())
                except Exception:  # noqa: BLE001 - a worker that failed: its files are parsed here
                    continue
                self.done.add(shard)
                for i, one in zip(indexes, packed):
                    self.delivered.add(i)
                    yield i, one
        finally:
            self.stop()

    def missed(self) -> list[int]:
        """The files no worker delivered (a worker failed), in order."""
        return [i for i in self.todo if i not in self.delivered]

    def written(self) -> frozenset[int]:
        """The shards a worker wrote to the cache (or was to: a failed write only costs speed)."""
        return frozenset(self.done)

    def stop(self) -> None:
        """Let the workers go (those still parsing finish their shard first)."""
        self.pool.shutdown(wait=False, cancel_futures=True)


def _parse_shard(shard: int, indexes: list[int], write: bool) -> bytes:
    """Worker: parse the inherited files ``indexes`` (all of content shard ``shard``); write that
    shard's cache file (with the entries still in use it had); hand back one marshal blob."""
    import gc

    gc.disable()  # nothing here makes reference cycles; the collector would only rescan
    prepared = _inherited
    assert prepared is not None
    raws, digests = prepared.raws, prepared.digests
    packed = [marshal.dumps(_pack(read_bytes(raws[i]))) for i in indexes]  # type: ignore[arg-type]
    cache = prepared.cache
    if write and cache.folder is not None:
        live = [d for d in digests if d and shard_of(d) == shard]
        entries = cache.shard_entries(shard, live)
        entries.update(zip((digests[i] for i in indexes), packed))
        write_shard(prepared.root, cache.folder, shard, dict(sorted(entries.items())))
    return marshal.dumps(packed)


def _read_issue(exc: OSError) -> ReadIssue:
    """The located finding for a file that could not be read."""
    if isinstance(exc, fs.TooLarge):
        return ReadIssue("Y009", "read.too_large", None, None, (("mb", MAX_BYTES // (1024 * 1024)),))
    if isinstance(exc, fs.NotRegularFile):
        return ReadIssue("Y011", "read.not_regular", None, None)
    return ReadIssue("Y011", "read.io_error", None, None, (("detail", exc.strerror or str(exc)),))
