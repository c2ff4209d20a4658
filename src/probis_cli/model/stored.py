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
"""

from __future__ import annotations

import marshal
import pickle
from pathlib import Path
from typing import Any

from probis_cli import fs
from probis_cli.code_digest import code_digest
from probis_cli.findings import Finding
from probis_cli.model.build import Broken, Document
from probis_cli.source.reader import ReadIssue

FORMAT = 1
FILE_NAME = f"models-v{FORMAT}.pickle"
DELTA_NAME = f"models-v{FORMAT}-new.marshal"
MAX_BYTES = 2 * 1024 * 1024 * 1024
REWRITE_AFTER = 0.1  # the whole file is written again when later or stale entries pass this share of it
# documents, findings, what failed to load, read issues
Entry = tuple[list[Document[Any]], list[Finding], list[Broken], tuple[ReadIssue, ...]]


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
    if type(findings) is not list or not all(type(f) is Finding for f in findings):
        return None
    if type(broken) is not list or not all(type(b) is Broken for b in broken):
        return None
    if type(issues) is not tuple or not all(type(i) is ReadIssue for i in issues):
        return None
    return documents, findings, broken, issues


def _verified(path: Path, header: bytes) -> memoryview | None:
    """The payload of one signed file, None when it is in any doubt."""
    try:
        data = fs.verified(fs.read_limited(path, MAX_BYTES))
    except OSError:
        return None
    if data is None or not data.startswith(header):
        return None
    return memoryview(data)[len(header) :]


def _read_base(path: Path, header: bytes) -> dict[str, Any]:
    """The entries of the whole file (one pickle: unpickled at once, classes looked up once)."""
    payload = _verified(path, header)
    if payload is None:
        return {}
    try:
        loaded = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a signed file probis cannot read back: build again
        return {}
    return loaded if type(loaded) is dict and all(type(k) is str for k in loaded) else {}


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


class StoredModels:
    """The entries of the last runs and the new ones.

    Two files: the whole repository as of some run (:data:`FILE_NAME`, one pickle), and what
    later runs built (:data:`DELTA_NAME`, one pickle per file), so that a run which changed a
    few files writes those, not the whole city again; the whole file is written again when the
    later entries, or the stale ones, grow past :data:`REWRITE_AFTER` of it.
    """

    def __init__(self, root: Path, *, keep: bool = True) -> None:
        self.root = root
        self.folder = fs.cache_folder(root)
        self.base: dict[str, Any] = {}
        self.delta: dict[str, bytes] = {}
        self.dirty = False
        self.keep = False
        if self.folder is None:
            return
        header = _header()
        self.base = _read_base(self.folder / FILE_NAME, header)
        if self.base:
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
            found = _entry(self.base[name])
        else:
            return None
        if found is None:
            self.delta.pop(name, None)
            self.base.pop(name, None)
            self.dirty = True
        return found

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
                entries = {k: _packed(v) for k, v in self.base.items() if k in live}
                entries.update((k, pickle.loads(v)) for k, v in delta.items())
                payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
                fs.write_atomic(self.folder / FILE_NAME, fs.signed(header + payload), root=self.root)
                delta = {}
            fs.write_atomic(self.folder / DELTA_NAME, fs.signed(header + marshal.dumps(delta)), root=self.root)
        except (OSError, fs.OutsideError, pickle.PicklingError, TypeError, ValueError, AttributeError):
            pass


def _packed(entry: Entry) -> Entry:
    """``entry`` with its position trees in their compact marshalled form (decoded ones too)."""
    documents, findings, broken, issues = entry
    packed = [
        d if isinstance(d.pos, bytes) else Document(d.path, d.model, marshal.dumps(d.pos), d.line, d.column)
        for d in documents
    ]
    return packed, list(findings), list(broken), tuple(issues)
