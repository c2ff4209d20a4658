"""Read many files fast: a content-keyed parse cache and parsing spread over cores.

Files are read and digested here; contents found in the parse cache (:mod:`probis_cli.source.cache`)
are not parsed again, the others are parsed in forked worker processes (:class:`Job`) when there
are enough of them, and handed out file by file as they come, so that the caller builds models
while the workers parse.
"""

from __future__ import annotations

import marshal
import os
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from probis_cli import fs
from probis_cli.digest import digest_bytes
from probis_cli.source.cache import _CACHE_HEADER as _CACHE_HEADER
from probis_cli.source.cache import CACHE_DIR_NAME as CACHE_DIR_NAME
from probis_cli.source.cache import CACHE_MAX_BYTES as CACHE_MAX_BYTES
from probis_cli.source.cache import CACHE_VERSION as CACHE_VERSION
from probis_cli.source.cache import SHARDS as SHARDS
from probis_cli.source.cache import BadEntry as BadEntry
from probis_cli.source.cache import ParseCache as ParseCache
from probis_cli.source.cache import _pack as _pack
from probis_cli.source.cache import _unpack as _unpack
from probis_cli.source.cache import lazy_pack, shard_of, write_shard
from probis_cli.source.cache import shard_file as shard_file
from probis_cli.source.cache import signed_cache_file as signed_cache_file
from probis_cli.source.reader import MAX_BYTES, RawDocument, ReadIssue, decode, read_bytes

_SUPPRESS_ASCII = re.compile(rb"#[ \t]*probis", re.IGNORECASE)


def may_suppress(raw: bytes) -> bool:
    """Whether lint may find a suppression comment (``#[ \t]*probis\b``, any case) in ``raw``:
    true for every such file, and for any non-ASCII one with a '#' (Unicode case folding).
    Linear in the size of ``raw``, whatever it holds."""
    return _SUPPRESS_ASCII.search(raw) is not None or (b"#" in raw and not raw.isascii())


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


def _parse_chunk(chunk: list[bytes]) -> list[tuple[Any, Any]]:
    import gc

    gc.disable()  # nothing here makes reference cycles; the collector would only rescan
    return [_pack(read_bytes(raw)) for raw in chunk]


def _parse_chunk_blob(chunk: list[bytes]) -> bytes:
    """Worker: parse a chunk; hand back one marshal blob per file, all in one blob (pickling
    nested results costs several times more than marshal, and would eat the gain)."""
    return marshal.dumps([marshal.dumps(p) for p in _parse_chunk(chunk)])


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


def start_workers(
    prepared: Prepared, workers: int | None = None, *, lazy_positions: bool = False, cache_results: bool = True
) -> None:
    """Start parsing ``prepared.todo`` in worker processes, when there are enough files for it to pay.

    ``lazy_positions``: the workers hand back no position trees, only where to read them again
    (:func:`probis_cli.source.cache.positions`); the cache they write holds them all the same.
    ``cache_results=False`` (with ``lazy_positions``): nor do they write the parse cache, and so
    build no position tree at all (a first check, as in CI: the next run parses again)."""
    if prepared.job is not None and prepared.job.lazy != lazy_positions:
        prepared.discard()
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    if prepared.job is None and n_workers > 1 and len(prepared.todo) >= PARALLEL_MIN_FILES and hasattr(os, "fork"):
        prepared.job = Job(prepared, n_workers, lazy_positions, cache_results)


def iter_sources(
    root: Path,
    paths: list[Path],
    *,
    use_cache: bool = True,
    workers: int | None = None,
    prepared: Prepared | None = None,
    lazy_positions: bool = False,
    texts: bool = True,
) -> Iterator[tuple[int, SourceFile]]:
    """``(position in paths, SourceFile)`` as soon as each is available: cached files first,
    then parsed ones shard by shard, so that the caller can validate while workers parse.

    ``prepared``: what :func:`prepare` (and :func:`start_workers`) did for these same paths
    earlier; used only when it is for the same root, paths and cache setting. ``lazy_positions``:
    see :func:`start_workers` (for a caller that keeps no documents beyond this process).
    ``texts=False``: a file's text is left empty unless it may hold a suppression comment (see
    :func:`may_suppress`) or could not be read as YAML (for a caller that reads it again if need be)."""
    if prepared is None or not prepared.matches(root, paths, use_cache):
        if prepared is not None:
            prepared.discard()
        prepared = prepare(root, paths, use_cache=use_cache)
    start_workers(prepared, workers, lazy_positions=lazy_positions)
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
        text = ""
        if texts or may_suppress(data) or any(issue.fatal for issue in issues):
            text = (decode(data)[0] or "").replace("\r\n", "\n").replace("\r", "\n")
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

    def __init__(self, prepared: Prepared, n_workers: int, lazy: bool = False, write: bool = True) -> None:
        global _inherited  # noqa: PLW0603 - read by the forked workers, reset right after
        self.todo = prepared.todo
        self.lazy = lazy
        self.write = (write or not lazy) and prepared.cache.prepare_folder()
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
                    self.pool.submit(_parse_shard, shard, indexes, self.write, lazy): (shard, indexes)
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


def _parse_shard(shard: int, indexes: list[int], write: bool, lazy: bool = False) -> bytes:
    """Worker: parse the inherited files ``indexes`` (all of content shard ``shard``); write that
    shard's cache file (with the entries still in use it had); hand back one marshal blob
    (``lazy``: without position trees, see :func:`start_workers`)."""
    import gc

    gc.disable()  # nothing here makes reference cycles; the collector would only rescan
    prepared = _inherited
    assert prepared is not None
    raws, digests, cache = prepared.raws, prepared.digests, prepared.cache
    write = write and cache.folder is not None
    results = [read_bytes(raws[i], positions=write or not lazy) for i in indexes]  # type: ignore[arg-type]
    packed = [marshal.dumps(_pack(r)) for r in results] if write or not lazy else []
    if write and cache.folder is not None:
        live = [d for d in digests if d and shard_of(d) == shard]
        entries = cache.shard_entries(shard, live)
        entries.update(zip((digests[i] for i in indexes), packed))
        write_shard(prepared.root, cache.folder, shard, dict(sorted(entries.items())))
    if lazy:
        paths = prepared.paths
        packed = [marshal.dumps(lazy_pack(r, paths[i], digests[i])) for r, i in zip(results, indexes)]
    return marshal.dumps(packed)


def _read_issue(exc: OSError) -> ReadIssue:
    """The located finding for a file that could not be read."""
    if isinstance(exc, fs.TooLarge):
        return ReadIssue("Y009", "read.too_large", None, None, (("mb", MAX_BYTES // (1024 * 1024)),))
    if isinstance(exc, fs.NotRegularFile):
        return ReadIssue("Y011", "read.not_regular", None, None)
    return ReadIssue("Y011", "read.io_error", None, None, (("detail", exc.strerror or str(exc)),))
