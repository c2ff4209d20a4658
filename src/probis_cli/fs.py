"""Filesystem access that a repository's content cannot steer outside its confines.

A pull request is untrusted input: a committed symlink, a ``../`` in a manifest or a setting
must never make probis read, write or delete outside the repository (or the output folder the
user chose on the command line). Every read and write of repository-controlled paths goes
through here. The checks resolve symlinks (``Path.resolve``) and compare whole path parts.

Writes are atomic (temporary file in the same folder, then ``os.replace``) and get the mode an
ordinary ``open()`` would give under the current umask (``mkstemp`` alone gives 0600, which
breaks served ``build/`` folders and shared drives).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = [
    "CACHE_DIR_NAME",
    "NotRegularFile",
    "OutsideError",
    "TooLarge",
    "cache_folder",
    "ensure_dir_inside",
    "file_mode",
    "is_inside",
    "machine_cache_folder",
    "machine_key",
    "read_limited",
    "remove_inside",
    "resolve_inside",
    "sign",
    "signed",
    "verified",
    "verified_view",
    "write_atomic",
]


class OutsideError(ValueError):
    """A path that resolves outside the folder it must stay in."""

    def __init__(self, path: Path | str, root: Path) -> None:
        super().__init__(f"{path} is outside {root}")
        self.path = Path(path)
        self.root = root


class NotRegularFile(OSError):
    """A device, FIFO, socket or folder where a regular file was expected."""


class TooLarge(OSError):
    """A file larger than the limit the caller accepts."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {limit} bytes", str(path))
        self.limit = limit


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (resolved, symlinks followed) is ``root`` or below it (resolved)."""
    try:
        resolved = path.resolve()
        base = root.resolve()
    except (OSError, RuntimeError):  # RuntimeError: symlink loop on older Pythons
        return False
    return resolved == base or base in resolved.parents


def resolve_inside(root: Path, path: Path | str) -> Path:
    """``root / path`` resolved; raises :class:`OutsideError` when it leaves ``root``.

    Absolute paths are accepted only when they resolve inside ``root`` too.
    """
    candidate = Path(path)
    full = candidate if candidate.is_absolute() else root / candidate
    try:
        resolved = full.resolve()
        base = root.resolve()
    except (OSError, RuntimeError) as exc:
        raise OutsideError(path, root) from exc
    if resolved != base and base not in resolved.parents:
        raise OutsideError(path, root)
    return resolved


def ensure_dir_inside(root: Path, folder: Path) -> Path:
    """Create ``folder`` (and parents) checking that none of it escapes ``root`` via symlinks."""
    resolved = resolve_inside(root, folder)
    resolved.mkdir(parents=True, exist_ok=True)
    # A symlink created between the check and mkdir would still be caught here.
    return resolve_inside(root, resolved)


_UMASK: int | None = None


def file_mode() -> int:
    """The mode ``open(path, 'w')`` would create a file with: 0o666 less the umask."""
    global _UMASK
    if _UMASK is None:
        current = os.umask(0o022)
        os.umask(current)
        _UMASK = current
    return 0o666 & ~_UMASK


def write_atomic(path: Path, data: str | bytes, *, root: Path | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename.

    With ``root``, the target's folder must resolve inside ``root`` (raises
    :class:`OutsideError`), and a symlink at the target itself is replaced, never followed.
    An interrupted or failed write leaves neither a half file nor a temporary file behind.
    """
    parent = path.parent
    if root is not None:
        parent = ensure_dir_inside(root, parent)
    else:
        parent.mkdir(parents=True, exist_ok=True)
    target = parent / path.name
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, file_mode())
        os.replace(tmp, target)  # replaces a symlink named ``target``; does not follow it
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_inside(root: Path, path: Path | str) -> bool:
    """Delete the file ``root / path`` if it is inside ``root``; False when it was not there.

    Raises :class:`OutsideError` for a path that leaves ``root`` (``..``, absolute, or through a
    symlinked folder). A symlink at the path itself is removed as a link, never its target.
    """
    candidate = Path(path)
    full = candidate if candidate.is_absolute() else root / candidate
    # The folder holding the entry must be inside; the entry itself may be a (dangling) link.
    folder = resolve_inside(root, full.parent)
    target = folder / full.name
    if target.name in ("", ".", ".."):
        raise OutsideError(path, root)
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        return False
    return True


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refusing devices, FIFOs and files over ``limit``.

    Opens without blocking (a FIFO would otherwise wait forever for a writer), checks the
    opened file's type and size, and never reads more than ``limit + 1`` bytes, so a symlink
    to ``/dev/zero`` or a growing file cannot exhaust memory.
    """
    return read_limited_with_status(path, limit)[0]


def read_limited_with_status(path: Path, limit: int, *, follow: bool = True) -> tuple[bytes, os.stat_result]:
    """:func:`read_limited`, with the status of the file it read (taken on the opened file);
    ``follow=False`` refuses a symlink at ``path`` itself (``OSError``)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise TooLarge(path, limit)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise TooLarge(path, limit)
        return data, info
    finally:
        os.close(fd)


# --- caches ------------------------------------------------------------------------------

CACHE_DIR_NAME = ".probis-cache"


def cache_folder(root: Path) -> Path | None:
    """The repository's cache folder, or None when it must not be used.

    A ``.probis-cache`` that is a symlink, or that resolves outside the repository, is never
    used (a committed symlink would redirect cache writes anywhere). The folder itself may not
    exist yet; callers create it with :func:`ensure_dir_inside`.
    """
    folder = root / CACHE_DIR_NAME
    if folder.is_symlink():
        return None
    if folder.exists() and (not folder.is_dir() or not is_inside(folder, root)):
        return None
    return folder


def machine_cache_folder() -> Path:
    """The user's probis cache folder (per machine, outside every repository): the key, and
    what was measured about this machine (``--engine auto``'s choice)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "probis"


def _key_file() -> Path:
    return machine_cache_folder() / "cache-key"


_KEY: bytes | None = None


def machine_key() -> bytes:
    """A secret kept outside every repository, to authenticate cache entries (HMAC).

    Cache entries signed with it cannot be forged by content committed to a repository
    (a force-added ``.probis-cache``). Created on first use in the user's cache folder
    (mode 0600). When that folder cannot be written, a per-process random key is used:
    caches then never hit across runs, which costs speed and nothing else.
    """
    global _KEY
    if _KEY is not None:
        return _KEY
    path = _key_file()
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            _KEY = key
            return key
    except OSError:
        pass
    key = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        try:
            os.link(tmp, path)  # first writer wins; a concurrent run reads the winner's key
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
        stored = path.read_bytes()
        if len(stored) >= 32:
            key = stored
    except OSError:
        pass
    _KEY = key
    return key


def sign(data: bytes) -> bytes:
    """HMAC-SHA256 of ``data`` under :func:`machine_key` (32 bytes)."""
    import hashlib
    import hmac

    return hmac.new(machine_key(), data, hashlib.sha256).digest()


def signed(data: bytes) -> bytes:
    """``data`` with its signature prepended, for writing a cache entry."""
    return sign(data) + data


def verified_view(blob: bytes) -> memoryview | None:
    """The data of a :func:`signed` blob as a view into it (no copy of a large file), or None
    when the signature does not match."""
    import hashlib
    import hmac

    if len(blob) < 32:
        return None
    data = memoryview(blob)[32:]
    mac = hmac.new(machine_key(), data, hashlib.sha256).digest()
    return data if hmac.compare_digest(memoryview(blob)[:32], mac) else None


def verified(blob: bytes) -> bytes | None:
    """The data of a :func:`signed` blob, or None when the signature does not match."""
    import hmac

    if len(blob) < 32:
        return None
    mac, data = blob[:32], blob[32:]
    return data if hmac.compare_digest(mac, sign(data)) else None
