"""The parse cache: content digests mapped to parse results, in signed marshal files.

The cache is :data:`SHARDS` files of per-file marshal blobs in ``.probis-cache/`` (see
:func:`probis_cli.fs.cache_folder`: never a symlinked folder), each holding the contents whose
digest it is named by (:func:`shard_of`). A repository is untrusted, and so is anything found
in its cache folder (it can be committed): each file is signed as a whole with a per-machine
HMAC key kept outside every repository (:func:`probis_cli.fs.signed`), so a forged or damaged
cache is never believed; each entry's shape is checked again when used, and on any doubt the
file is simply parsed again.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from probis_cli import fs
from probis_cli.digest import digest_bytes
from probis_cli.source.reader import MAX_BYTES, PosTree, RawDocument, ReadIssue, ReadResult, read_bytes

CACHE_VERSION = 7
SHARDS = 16  # cache files, by content digest (see shard_of)
_LEGACY_FILE = "parse-v6.marshal"
CACHE_DIR_NAME = fs.CACHE_DIR_NAME
CACHE_MAX_BYTES = 4 * 1024 * 1024 * 1024  # a cache file larger than this is not read at all
# Signed along with the entries: a cache written by another probis or Python is not used.
_CACHE_HEADER = f"probis-parse-cache {CACHE_VERSION} {sys.version_info[0]}.{sys.version_info[1]}\n".encode()


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


# Positions the parent of a worker does not hold: where to find them again. A position tree is
# needed only for a node that gets a finding (a few documents of a repository); a check that
# keeps no models for later (a first run, as in CI) takes them from the file itself then.
_LAZY = b"\x00probis-positions\x00"


def lazy_pack(result: ReadResult, path: Path, digest: str) -> tuple[Any, Any]:
    """:func:`_pack` with, instead of each position tree, where to read it again (see :func:`positions`)."""
    where = str(path)
    docs = tuple(
        (d.data, _LAZY + marshal.dumps((where, digest, k)), d.line, d.column) for k, d in enumerate(result.documents)
    )
    issues = tuple((i.code, i.message_id, i.line, i.column, i.args, i.fatal) for i in result.issues)
    return docs, issues


def positions(pos: PosTree | bytes) -> PosTree:
    """The position tree ``pos`` stands for: itself, marshalled, or to be read again from its file
    (None when that file is no longer what was read: locations then fall back to the document)."""
    if not isinstance(pos, bytes):
        return pos
    if not pos.startswith(_LAZY):
        tree: PosTree = marshal.loads(pos)
        return tree
    where, digest, k = marshal.loads(pos[len(_LAZY) :])
    try:
        raw = fs.read_limited(Path(where), MAX_BYTES)
    except OSError:
        return None
    if digest_bytes(raw) != digest:
        return None
    documents = read_bytes(raw).documents
    return documents[k].pos if k < len(documents) else None
