"""The warm path of ``probis validate``: when nothing it read changed, print the last report.

A run that reads the same files (same paths, same bytes), with the same options, in the same
place, prints the same report and exits with the same code: this module remembers the last
few (report, exit code) pairs in ``.probis-cache/`` and answers from them after checking every
input again — discovering the files, reading and hashing each — but without parsing YAML or
importing the models, rules and reporters. Any difference, and any doubt about the cache
(another version, a damaged or unsigned file: see :func:`probis_cli.fs.signed`), is a miss:
the caller runs the real check.

Nothing here prints or exits.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from probis_cli import __version__, fs
from probis_cli.code_digest import code_digest
from probis_cli.digest import digest_bytes, digest_parts
from probis_cli.source.discover import MARKER, Discovery, Problem, discover_all, find_root

FORMAT = 2
FILE_NAME = f"validate-v{FORMAT}.marshal"
HEADER = f"probis-validate-cache {FORMAT} {__version__} {sys.version_info[0]}.{sys.version_info[1]}\n".encode()
MAX_BYTES = 256 * 1024 * 1024
MAX_FILE_BYTES = 8 * 1024 * 1024  # a repository file larger than this is not hashed here (a miss)
KEEP = 8  # reports kept (one per combination of options)
# A file whose status (size, modification time, inode, status change time) is what it was when
# the last run read it is not read again (as git's index): its digest is the one read then. A
# status taken within RACY_NS of the start of the run that records it is not recorded (the file
# may have changed in the same clock tick as it was read): that file is read again next time.
RACY_NS = 2_000_000_000
STARTED_NS = time.time_ns()  # before this process read any file of the repository
Status = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns
StatusTable = dict[str, tuple[int, int, int, int, bytes]]  # path -> status and content digest
_seen: dict[str, Status] = {}
_believed: StatusTable = {}  # the status table this process read  # path -> status, of the files this process looked at


@dataclass(frozen=True)
class Answer:
    """A report to print as it is, and the exit code that goes with it."""

    text: str
    exit_code: int


@dataclass(frozen=True)
class Inputs:
    """What a report was made from: the request, the files and their bytes, the extra files."""

    request: str  # digest of the options and the place
    marker: str  # digest of probis.yaml (discovery reads its exclusions)
    exclude: tuple[str, ...]  # the exclusions discovery used
    files: str  # digest of every (path, content digest) discovered, and discovery's problems
    extra: tuple[tuple[str, str], ...]  # other files read (the baseline): absolute path, digest ('' absent)


def request_digest(root: Path, parts: Sequence[str]) -> str:
    """The digest of a request: the caller's options (``parts``), the root, the folder it runs in
    and the git work tree holding it (reports name paths relative to them)."""
    git = next((str(c) for c in (root, *root.parents) if (c / ".git").exists()), "")
    return digest_parts([code_digest(), str(root), str(Path.cwd()), git, *parts])


def _digest_file(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    try:
        return digest_bytes(fs.read_limited(path, limit))
    except OSError:
        return ""


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _file_bytes(path: str) -> bytes | None:
    """The bytes of the regular file ``path`` (at most :data:`MAX_FILE_BYTES`), None otherwise:
    :func:`probis_cli.fs.read_limited` without its Path and exception objects (this reads every
    file of the repository on the warm path)."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        _seen[path] = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        chunks = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, max(info.st_size + 1, 1 << 16)))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    return None if len(data) > MAX_FILE_BYTES else data


def _problems_digest(problems: Sequence[Problem]) -> Any:
    whole = hashlib.blake2b(digest_size=16)
    for p in problems:
        whole.update(
            f"{p.path}\x01{p.message_id}\x01{sorted(dict(p.args).items())}\x00".encode("utf-8", "surrogatepass")
        )
    return whole


@dataclass
class Read:
    """What a lookup that missed read (the check that follows starts from it, not from scratch)."""

    root: Path
    exclude: tuple[str, ...]
    found: Discovery
    data: dict[Path, bytes]
    digests: dict[Path, str]  # of data (digest_bytes)


def _unchanged(path: str, known: tuple[int, int, int, int, bytes] | None) -> bytes | None:
    """The digest of ``path`` kept with its status, when its status is still that (None: read it)."""
    if known is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    status = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
    _seen[path] = status
    return known[4] if status == known[:4] and stat.S_ISREG(info.st_mode) else None


def files_digest(
    root: Path,
    exclude: Sequence[str],
    read: list[Read] | None = None,
    statuses: StatusTable | None = None,
    expected: str | None = None,
) -> str | None:
    """The digest of the discovered files and their contents; None when a file cannot be read.
    ``read``: gets what was read appended (when the digest is not ``expected``: every file);
    ``statuses``: the files whose status is unchanged are not read again."""
    found = discover_all(root, exclude=list(exclude))
    prefix = str(root).rstrip(os.sep) + os.sep
    whole = _problems_digest(found.problems)
    kept: dict[Path, bytes] = {}
    digests: dict[Path, str] = {}
    if read is not None:
        read.append(Read(root, tuple(exclude), found, kept, digests))
    for path in found.files:
        text = str(path)
        rel = text[len(prefix) :].replace(os.sep, "/") if text.startswith(prefix) else path.as_posix()
        whole.update(rel.encode("utf-8", "surrogatepass") + b"\x01")
        digest = _unchanged(text, statuses.get(text)) if statuses else None
        if digest is None:
            data = _file_bytes(text)
            if data is None:
                return None
            kept[path] = data
            digest = hashlib.blake2b(data, digest_size=16).digest()
        whole.update(digest)
        if read is not None:
            digests[path] = digest.hex()
    found_digest = str(whole.hexdigest())
    if read is not None and found_digest != expected:
        # A miss: the check that follows needs every file's text (the digests are known).
        for path in found.files:
            if path not in kept and (data := _file_bytes(str(path))) is not None:
                kept[path] = data
    return found_digest


def statuses_of(files: Sequence[tuple[Path, str]]) -> StatusTable:
    """The status table of files read by this run (path, digest): those whose status shows no
    change since before the run started (by :data:`RACY_NS`)."""
    table: StatusTable = {}
    limit = STARTED_NS - RACY_NS
    for path, digest in files:
        text = str(path)
        status = _seen.get(text)
        old = _believed.get(text)
        if old is not None and status == old[:4]:
            table[text] = old  # believed in this run: the digest the check used
            continue
        if status is None:
            try:
                info = os.stat(text)
            except OSError:
                continue
            status = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        if digest and status[1] < limit and status[3] < limit:
            table[text] = (*status, bytes.fromhex(digest))
    return table


def read_files_digest(problems: Sequence[Problem], files: Sequence[tuple[str, str]]) -> str | None:
    """:func:`files_digest` of files already read: (relative path, content digest) in discovery
    order; None when one could not be read (no digest)."""
    whole = _problems_digest(problems)
    for rel, digest in files:
        if not digest:
            return None
        whole.update(rel.encode("utf-8", "surrogatepass") + b"\x01")
        whole.update(bytes.fromhex(digest))
    return str(whole.hexdigest())


def inputs_of(
    root: Path,
    parts: Sequence[str],
    exclude: Sequence[str],
    extra: Sequence[Path],
    read: tuple[Sequence[Problem], Sequence[tuple[str, str]]] | None = None,
) -> Inputs | None:
    """The :class:`Inputs` of a run over ``root`` now (None when a file cannot be read); ``read``:
    the discovery problems and the files (path, digest) the run read, instead of reading again."""
    files = files_digest(root, exclude) if read is None else read_files_digest(*read)
    if files is None:
        return None
    return Inputs(
        request_digest(root, parts),
        _digest_file(root / MARKER),
        tuple(exclude),
        files,
        tuple((str(p), _digest_file(p)) for p in extra),
    )


def _path(root: Path) -> Path | None:
    folder = fs.cache_folder(root)
    return None if folder is None else folder / FILE_NAME


def _read(root: Path) -> list[tuple[Inputs, Answer]]:
    return _read_all(root)[0]


def _read_all(root: Path) -> tuple[list[tuple[Inputs, Answer]], StatusTable]:
    path = _path(root)
    if path is None:
        return [], {}
    try:
        data = fs.verified(fs.read_limited(path, MAX_BYTES))
    except OSError:
        return [], {}
    if data is None or not data.startswith(HEADER):
        return [], {}
    try:
        raw, statuses = marshal.loads(memoryview(data)[len(HEADER) :])
    except (ValueError, EOFError, TypeError):
        return [], {}
    return _entries(raw), _statuses(statuses)


def _statuses(value: Any) -> StatusTable:
    if type(value) is not dict:
        return {}
    for k, v in value.items():
        if type(k) is not str or type(v) is not tuple or len(v) != 5 or type(v[4]) is not bytes:
            return {}
        if not all(type(n) is int for n in v[:4]):
            return {}
    return value


def _entries(raw: Any) -> list[tuple[Inputs, Answer]]:
    out: list[tuple[Inputs, Answer]] = []
    try:
        for (request, marker, exclude, files, extra), (text, code) in raw:
            inputs = Inputs(request, marker, tuple(exclude), files, tuple((str(a), str(b)) for a, b in extra))
            if not all(isinstance(v, str) for v in (request, marker, files, text)) or type(code) is not int:
                return []
            out.append((inputs, Answer(text, code)))
    except (TypeError, ValueError):
        return []
    return out


def lookup(start: Path, parts: Sequence[str], read: list[Read] | None = None) -> Answer | None:
    """The report of the last run with these options over the repository holding ``start``,
    when nothing it read changed since; None otherwise (``read`` gets what was read then)."""
    try:
        root = find_root(start)
    except OSError:
        return None
    if root is None:
        return None
    entries, statuses = _read_all(root)
    _believed.update(statuses)
    request = request_digest(root, parts)
    marker = None
    for inputs, answer in entries:
        if inputs.request != request:
            continue
        marker = _digest_file(root / MARKER) if marker is None else marker
        if inputs.marker != marker or any(_digest_file(Path(p)) != d for p, d in inputs.extra):
            continue
        seen: list[Read] = []
        if files_digest(root, inputs.exclude, seen, statuses, inputs.files) == inputs.files:
            if seen[0].data:  # files read again (new, racy, touched): their statuses for next time
                table = statuses_of([(p, seen[0].digests[p]) for p in seen[0].found.files])
                _write(root, entries, table)
            return answer
        if read is not None:
            read.extend(seen)
    return None


def store(root: Path, inputs: Inputs, answer: Answer, statuses: StatusTable | None = None) -> None:
    """Remember ``answer`` for ``inputs`` (the oldest entries make room), and the status table of
    the files read (:func:`statuses_of`); errors only cost speed."""
    kept = [(i, a) for i, a in _read(root) if i.request != inputs.request][-(KEEP - 1) :]
    kept.append((inputs, answer))
    _write(root, kept, statuses or {})


def _write(root: Path, kept: list[tuple[Inputs, Answer]], statuses: StatusTable) -> None:
    path = _path(root)
    if path is None:
        return
    raw = [
        ((i.request, i.marker, list(i.exclude), i.files, [list(e) for e in i.extra]), (a.text, a.exit_code))
        for i, a in kept
    ]
    try:
        fs.ensure_dir_inside(root, path.parent)
        gitignore = path.parent / ".gitignore"
        if not gitignore.exists() and not gitignore.is_symlink():
            fs.write_atomic(gitignore, "# dibuat otomatis oleh probis\n*\n", root=root)
        fs.write_atomic(path, fs.signed(HEADER + marshal.dumps((raw, statuses))), root=root)
    except (OSError, fs.OutsideError):
        pass
