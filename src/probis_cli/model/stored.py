"""Validated documents kept between runs of ``probis validate``, by file and content.

Validating a city's 4,000 documents into models costs most of a warm run in which one file
changed; this keeps what :func:`probis_cli.model.build.build_documents` made of each file — its
documents, findings, what failed of it, its read issues — keyed by the file's path and content
digest, so that the next run builds only the files whose bytes changed.

One file in ``.probis-cache/`` (never a symlinked folder: :func:`probis_cli.fs.cache_folder`),
signed as a whole with the machine's key (:func:`probis_cli.fs.signed`): only what probis
itself wrote on this machine, with the same code (:func:`probis_cli.code_digest.code_digest`),
is unpickled. A damaged, foreign, forged or older file, and any entry of an unexpected shape,
is no entry: that file is validated again, as in a cold run.

Most of a document's cost is its nested models (an SOP's steps), which a warm run rarely reads
of an unchanged file: the signed file keeps each document's plain fields (codes, names, the
codes it names; :mod:`probis_cli.model.lazy`) and the rest goes to a second file, one pickle
per repository file, each checked against a SHA-256 kept in the signed file before it is
unpickled, read only when something reads a nested part of one of that file's documents.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import stat
import weakref
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from probis_cli import fs
from probis_cli.code_digest import code_digest
from probis_cli.findings import Finding
from probis_cli.model import lazy
from probis_cli.model.build import Broken, Document
from probis_cli.model.opd import Opd
from probis_cli.model.pemda import Pemda
from probis_cli.model.proses import Proses
from probis_cli.model.rpjmd import Rpjmd
from probis_cli.model.sop import Sop
from probis_cli.source.reader import ReadIssue

FORMAT = 2
FILE_NAME = f"models-v{FORMAT}.pickle"
HEAVY_NAME = f"models-v{FORMAT}-nested.bin"
DELTA_NAME = f"models-v{FORMAT}-new.marshal"
MAX_BYTES = 2 * 1024 * 1024 * 1024
REWRITE_AFTER = 0.1  # the whole file is written again when later or stale entries pass this share of it
# documents, findings, what failed to load, read issues
Entry = tuple[list[Document[Any]], list[Finding], list[Broken], tuple[ReadIssue, ...]]
CLASSES: dict[str, type[BaseModel]] = {"pemda": Pemda, "rpjmd": Rpjmd, "opd": Opd, "proses": Proses, "sop": Sop}
_NAMES = {cls: name for name, cls in CLASSES.items()}
# Of one document in the signed file: class name, plain fields, fields set, whether it has more
# (nested models), b"" (its position tree is in the other file), line, column.
Head = tuple[str, dict[str, Any], set[str], bool, bytes, int, int]
Place = tuple[int, int, bytes]  # offset, length (0: nothing), SHA-256 of bytes in the nested-models file
# Of one repository file: its documents' heads, findings, what failed, read issues, and where
# its nested models and its documents' position trees (marshalled) are.
Record = tuple[list[Head], list[Finding], list[Broken], tuple[ReadIssue, ...], Place, Place]
_NOWHERE: Place = (0, 0, b"")


def _header() -> bytes:
    # Models are valid for the code that built them (an upgrade starts cold).
    return f"probis-models {FORMAT} {code_digest()}\n".encode()


def key(path: str, digest: str) -> str:
    """The key of a file: its relative path and content digest (findings name the path)."""
    return f"{path}\x00{digest}"


def _entry(value: Any) -> Entry | None:
    """``value`` when it has the shape of an :data:`Entry`, else None."""
    if type(value) is not tuple or len(value) != 4:
        return None
    documents, findings, broken, issues = value
    if type(documents) is not list or not all(type(d) is Document for d in documents):
        return None
    if not _rest(findings, broken, issues):
        return None
    return documents, findings, broken, issues


def _rest(findings: Any, broken: Any, issues: Any) -> bool:
    if type(findings) is not list or not all(type(f) is Finding for f in findings):
        return False
    if type(broken) is not list or not all(type(b) is Broken for b in broken):
        return False
    return type(issues) is tuple and all(type(i) is ReadIssue for i in issues)


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def read_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """:func:`probis_cli.fs.read_limited` in one read of the file's size (no chunks joined: the
    files here are tens of megabytes); OSError for a link to a FIFO or device, or a file over ``limit``."""
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise fs.NotRegularFile(0, "not a regular file of the expected size", str(path))
        data = os.read(fd, info.st_size + 1)
        while len(data) <= limit and (more := os.read(fd, 1 << 20)):
            data += more  # grew meanwhile (or a short read)
        if len(data) > limit:
            raise fs.TooLarge(path, limit)
        return data
    finally:
        os.close(fd)


def _verified(path: Path, header: bytes) -> memoryview | None:
    """The payload of one signed file, None when it is in any doubt."""
    try:
        data = fs.verified_view(read_file(path))
    except OSError:
        return None
    if data is None or data[: len(header)] != header:
        return None
    return data[len(header) :]


def _read_base(path: Path, header: bytes) -> tuple[bytes, dict[str, Any]]:
    """The token naming the nested-models file and the records of the signed file."""
    payload = _verified(path, header)
    if payload is None:
        return b"", {}
    try:
        loaded = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a signed file probis cannot read back: build again
        return b"", {}
    if type(loaded) is not tuple or len(loaded) != 2 or type(loaded[0]) is not bytes or type(loaded[1]) is not dict:
        return b"", {}
    token, records = loaded
    return (token, records) if all(type(k) is str for k in records) else (b"", {})


def _read_delta(path: Path, header: bytes) -> dict[str, bytes]:
    """The entries of the later runs (one pickle each: written without pickling the others)."""
    payload = _verified(path, header)
    if payload is None:
        return {}
    try:
        loaded = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return {}
    if type(loaded) is dict and all(type(k) is str and type(v) is bytes for k, v in loaded.items()):
        return loaded
    return {}


def _split(entry: Entry) -> tuple[Record, bytes, bytes] | None:
    """The record of an entry (places left empty), the pickle of its nested models and the
    marshalled position trees; None when a document's model is not one this file keeps."""
    documents, findings, broken, issues = _packed(entry)
    heads: list[Head] = []
    for d in documents:
        model = d.model
        name = _NAMES.get(type(model))
        if name is None or model.__pydantic_extra__ is not None or model.__pydantic_private__ is not None:
            return None
        fields = model.__dict__
        head = {k: v for k, v in fields.items() if lazy.plain(v)}
        heads.append((name, head, set(model.__pydantic_fields_set__), len(head) != len(fields), b"", d.line, d.column))
    nested = [d.model for d, h in zip(documents, heads) if h[3]]
    blob = pickle.dumps(nested, protocol=pickle.HIGHEST_PROTOCOL) if nested else b""
    trees = marshal.dumps([d.pos for d in documents]) if documents else b""
    return (heads, list(findings), list(broken), tuple(issues), _NOWHERE, _NOWHERE), blob, trees


def _place(value: Any) -> bool:
    return (
        type(value) is tuple and len(value) == 3 and type(value[2]) is bytes and type(value[0]) is type(value[1]) is int
    )


def _record(value: Any) -> Record | None:
    """``value`` when it has the shape of a :data:`Record`, else None."""
    if type(value) is not tuple or len(value) != 6:
        return None
    heads, findings, broken, issues, nested, trees = value
    if type(heads) is not list or not _place(nested) or not _place(trees):
        return None
    for h in heads:
        if type(h) is not tuple or len(h) != 7 or h[0] not in CLASSES or type(h[1]) is not dict:
            return None
        if type(h[2]) is not set or type(h[3]) is not bool or type(h[4]) is not bytes:
            return None
    return value if _rest(findings, broken, issues) else None


class StoredModels:
    """The entries of the last runs and the new ones.

    Three files: the whole repository as of some run (:data:`FILE_NAME`, its documents' plain
    fields, and :data:`HEAVY_NAME`, their nested models), and what later runs built
    (:data:`DELTA_NAME`, one pickle per file), so that a run which changed a few files writes
    those, not the whole city again; the whole is written again when the later entries, or the
    stale ones, grow past :data:`REWRITE_AFTER` of it.
    """

    def __init__(self, root: Path, *, keep: bool = True) -> None:
        self.root = root
        self.folder = fs.cache_folder(root)
        self.base: dict[str, Any] = {}
        self.token = b""
        self.delta: dict[str, bytes] = {}
        self.dirty = False
        self.keep = False
        self.loaded: list[str] = []  # files whose nested models were read in this run
        self._fd: int | None = None
        if self.folder is None:
            return
        header = _header()
        self.token, self.base = _read_base(self.folder / FILE_NAME, header)
        if self.base:
            self._open_nested()
            self.delta = _read_delta(self.folder / DELTA_NAME, header)
        # Whether to keep what this run builds (``keep``, or there was something to take back).
        self.keep = keep or bool(self.base)

    def get(self, path: str, digest: str) -> Entry | None:
        """What the file ``path`` with content ``digest`` was built into, or None."""
        name = key(path, digest)
        found: Entry | None = None
        if name in self.delta:
            try:
                found = _entry(pickle.loads(self.delta[name]))
            except Exception:  # noqa: BLE001 - a signed entry probis cannot read back: build again
                found = None
        elif name in self.base:
            record = _record(self.base[name])
            found = self._partial(path, digest, record) if record is not None and self.token else None
        else:
            return None
        if found is None:
            self.delta.pop(name, None)
            self.base.pop(name, None)
            self.dirty = True
        return found

    def _open_nested(self) -> None:
        """Open the nested-models file written with the signed one (its token first), kept open:
        a run that replaces it meanwhile does not change what this one reads. None of it is
        believed without its digest from the signed file."""
        assert self.folder is not None
        try:
            fd = os.open(
                self.folder / HEAVY_NAME, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
            )
        except OSError:
            fd = -1
        try:
            if fd < 0 or not stat.S_ISREG(os.fstat(fd).st_mode) or os.pread(fd, len(self.token), 0) != self.token:
                self.base = {}  # missing, or another run's: nothing taken back
                if fd >= 0:
                    os.close(fd)
                return
        except OSError:
            os.close(fd)
            self.base = {}
            return
        self._fd = fd
        weakref.finalize(self, os.close, fd)

    def _partial(self, path: str, digest: str, record: Record) -> Entry | None:
        heads, findings, broken, issues, nested, trees = record
        if (not nested[1] and any(h[3] for h in heads)) or (heads and not trees[1]):
            return None
        more = [h[3] for h in heads]
        loader = lazy.Loader(lambda: self._nested(path, digest, more, nested)) if nested[1] else None
        documents: list[Document[Any]] = [
            lazy.StoredDocument(
                path, lazy.partial(CLASSES[name], fields, fields_set, loader if more else None), None, line, column
            )
            for name, fields, fields_set, more, _, line, column in heads
        ]
        if documents:
            lazy.TreeLoader(lambda: self._trees(path, digest, len(heads), trees), documents)  # type: ignore[arg-type]
        return documents, list(findings), list(broken), issues

    def _trees(self, path: str, digest: str, count: int, where: Place) -> list[Any]:
        """The position trees of one file's documents (marshalled), or built again from the file."""
        blob = self._blob(*where)
        try:
            trees = marshal.loads(blob) if blob is not None else None
        except (ValueError, EOFError, TypeError):
            trees = None
        if type(trees) is list and len(trees) == count and all(type(t) is bytes for t in trees):
            return trees
        from probis_cli.model.build import build_documents
        from probis_cli.source.loader import iter_sources

        for _, source in iter_sources(self.root, [self.root / path], use_cache=False):
            documents, _ = build_documents(source, [])
            if source.digest == digest and len(documents) == count:
                return [d.pos for d in documents]
        raise StoredModelsLost(path)

    def _blob(self, offset: int, length: int, sha: bytes) -> bytes | None:
        """The bytes at ``offset`` of the nested-models file when their SHA-256 is ``sha``."""
        if self._fd is None or length <= 0 or offset < len(self.token):
            return None
        try:
            blob = os.pread(self._fd, length, offset)
        except OSError:
            return None
        return blob if len(blob) == length and hashlib.sha256(blob).digest() == sha else None

    def _nested(self, path: str, digest: str, more: list[bool], where: Place) -> list[BaseModel]:
        """The complete models of one file's documents that have nested parts: from the
        nested-models file (checked against the signed digest before unpickling), or, when that
        is damaged meanwhile, built again from the file itself."""
        blob = self._blob(*where)
        self.loaded.append(path)
        try:
            models = pickle.loads(blob) if blob is not None else None
        except Exception:  # noqa: BLE001 - a signed entry probis cannot read back: build again
            models = None
        if type(models) is list and all(isinstance(m, BaseModel) for m in models):
            return models
        return self._rebuilt(path, digest, more)

    def _rebuilt(self, path: str, digest: str, more: list[bool]) -> list[BaseModel]:
        """The models of ``path`` validated again (its content must still be ``digest``)."""
        from probis_cli.model.build import build_documents
        from probis_cli.source.loader import iter_sources

        for _, source in iter_sources(self.root, [self.root / path], use_cache=False):
            documents, _ = build_documents(source, [])
            if source.digest == digest and len(documents) == len(more):
                return [d.model for d, nested in zip(documents, more) if nested]
        raise StoredModelsLost(path)

    def put(self, path: str, digest: str, entry: Entry) -> None:
        """Keep what the file ``path`` with content ``digest`` was built into."""
        if not self.keep:
            return
        try:
            self.delta[key(path, digest)] = pickle.dumps(_packed(entry), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, ValueError, AttributeError):
            return
        self.dirty = True

    def save(self, live: set[str]) -> None:
        """Keep the entries of the files in ``live`` (keys) for the next run, atomically; a
        failure only costs speed."""
        if self.folder is None or not self.keep:
            return
        delta = {k: v for k, v in self.delta.items() if k in live}
        stale = len(self.base.keys() - live)
        whole = len(delta) + stale > len(self.base) * REWRITE_AFTER
        if not self.dirty and not whole and delta.keys() == self.delta.keys():
            return
        header = _header()
        try:
            fs.ensure_dir_inside(self.root, self.folder)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists() and not gitignore.is_symlink():
                fs.write_atomic(gitignore, "# dibuat otomatis oleh probis\n*\n", root=self.root)
            if whole:
                self._write_whole(live, delta, header)
                delta = {}
            fs.write_atomic(self.folder / DELTA_NAME, fs.signed(header + marshal.dumps(delta)), root=self.root)
        except (OSError, fs.OutsideError, pickle.PicklingError, TypeError, ValueError, AttributeError):
            pass

    def _write_whole(self, live: set[str], delta: dict[str, bytes], header: bytes) -> None:
        """Write the signed file and the nested-models file for every live entry."""
        assert self.folder is not None
        token = os.urandom(16)
        blobs: list[bytes] = [token]
        records: dict[str, Record] = {}

        end = [len(token)]

        def place(blob: bytes) -> Place:
            if not blob:
                return _NOWHERE
            where = (end[0], len(blob), hashlib.sha256(blob).digest())
            blobs.append(blob)
            end[0] += len(blob)
            return where

        for name, value in self.base.items():
            record = _record(value) if name in live and name not in delta else None
            if record is None:
                continue
            nested = self._blob(*record[4]) if record[4][1] else b""
            trees = self._blob(*record[5]) if record[5][1] else b""
            if nested is None or trees is None:
                continue  # damaged: built again next time
            records[name] = (*record[:4], place(nested), place(trees))
        for name, raw in delta.items():
            entry = _entry(pickle.loads(raw))
            split = _split(entry) if entry is not None else None
            if split is not None:
                records[name] = (*split[0][:4], place(split[1]), place(split[2]))
        # The nested models first: the signed file names them by token, never the other way round.
        fs.write_atomic(self.folder / HEAVY_NAME, b"".join(blobs), root=self.root)
        payload = pickle.dumps((token, records), protocol=pickle.HIGHEST_PROTOCOL)
        fs.write_atomic(self.folder / FILE_NAME, fs.signed(header + payload), root=self.root)


class StoredModelsLost(RuntimeError):
    """The nested models of a document taken back are gone (the file was damaged meanwhile)."""


def _packed(entry: Entry) -> Entry:
    """``entry`` with its position trees in their compact marshalled form (decoded ones too)."""
    documents, findings, broken, issues = entry
    packed = [
        d if isinstance(d.pos, bytes) else Document(d.path, d.model, marshal.dumps(d.pos), d.line, d.column)
        for d in documents
    ]
    return packed, list(findings), list(broken), tuple(issues)
