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
# (nested models), position tree (marshalled), line, column.
Head = tuple[str, dict[str, Any], set[str], bool, bytes, int, int]
# Of one repository file: its documents' heads, findings, what failed, read issues, and where
# its nested models are (offset, length, SHA-256; length 0: none).
Record = tuple[list[Head], list[Finding], list[Broken], tuple[ReadIssue, ...], int, int, bytes]


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


def _verified(path: Path, header: bytes) -> memoryview | None:
    """The payload of one signed file, None when it is in any doubt."""
    try:
        data = fs.verified(fs.read_limited(path, MAX_BYTES))
    except OSError:
        return None
    if data is None or not data.startswith(header):
        return None
    return memoryview(data)[len(header) :]


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


def _split(entry: Entry) -> tuple[Record, bytes] | None:
    """The record of an entry (with its nested models' place left empty) and their pickle;
    None when a document's model is not one this file keeps."""
    documents, findings, broken, issues = _packed(entry)
    heads: list[Head] = []
    for d in documents:
        model = d.model
        name = _NAMES.get(type(model))
        if name is None or model.__pydantic_extra__ is not None or model.__pydantic_private__ is not None:
            return None
        fields = model.__dict__
        head = {k: v for k, v in fields.items() if lazy.plain(v)}
        pos = d.pos if isinstance(d.pos, bytes) else marshal.dumps(d.pos)
        heads.append((name, head, set(model.__pydantic_fields_set__), len(head) != len(fields), pos, d.line, d.column))
    nested = [d.model for d, h in zip(documents, heads) if h[3]]
    blob = pickle.dumps(nested, protocol=pickle.HIGHEST_PROTOCOL) if nested else b""
    return (heads, list(findings), list(broken), tuple(issues), 0, 0, b""), blob


def _record(value: Any) -> Record | None:
    """``value`` when it has the shape of a :data:`Record`, else None."""
    if type(value) is not tuple or len(value) != 7:
        return None
    heads, findings, broken, issues, offset, length, sha = value
    if type(heads) is not list or type(offset) is not int or type(length) is not int or type(sha) is not bytes:
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
        heads, findings, broken, issues, offset, length, sha = record
        if not length and any(h[3] for h in heads):
            return None
        more = [h[3] for h in heads]
        loader = lazy.Loader(lambda: self._nested(path, digest, more, (offset, length, sha))) if length else None
        documents = [
            Document(path, lazy.partial(CLASSES[name], fields, fields_set, loader if more else None), pos, line, column)
            for name, fields, fields_set, more, pos, line, column in heads
        ]
        return documents, list(findings), list(broken), issues

    def _blob(self, offset: int, length: int, sha: bytes) -> bytes | None:
        """The bytes at ``offset`` of the nested-models file when their SHA-256 is ``sha``."""
        if self._fd is None or length <= 0 or offset < len(self.token):
            return None
        try:
            blob = os.pread(self._fd, length, offset)
        except OSError:
            return None
        return blob if len(blob) == length and hashlib.sha256(blob).digest() == sha else None

    def _nested(self, path: str, digest: str, more: list[bool], where: tuple[int, int, bytes]) -> list[BaseModel]:
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
        at = len(token)
        for name, value in self.base.items():
            record = _record(value) if name in live and name not in delta else None
            if record is None:
                continue
            blob = self._blob(record[4], record[5], record[6]) if record[5] else b""
            if blob is None:
                continue  # damaged: built again next time
            records[name] = (*record[:4], at if blob else 0, len(blob), record[6])
            blobs.append(blob)
            at += len(blob)
        for name, raw in delta.items():
            entry = _entry(pickle.loads(raw))
            split = _split(entry) if entry is not None else None
            if split is None:
                continue
            record, blob = split
            records[name] = (*record[:4], at if blob else 0, len(blob), hashlib.sha256(blob).digest() if blob else b"")
            blobs.append(blob)
            at += len(blob)
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
