"""The site's laid-out diagrams kept between builds: one pack file and a signed index in the
repository's cache folder, instead of one file per diagram.

Why a pack: a city's site has some 7,200 diagrams. Written one by one (a temporary file, a
rename, a folder check and a stat each) they cost the process that receives the layouts about
3.4 s of CPU, taken from the two cores that lay out; read back one by one, another 0.3 s. The
pack is written once (about 0.2 s for 235 MB), read once, and a later build appends only the
diagrams that changed. ``probis render`` keeps one file per diagram: those files are its output.

* ``situs-layouts.pack``: the bytes of the layouts, one after the other;
* ``situs-layouts.marshal``: signed with this machine's key (``fs.signed``): the pack's size,
  modification time, inode and change time when this machine last wrote it, and for each layout
  (by the digest of its job: probis version, format, DOT text) its offset, length and the digest
  of its bytes.

The cache folder can be committed by anyone who sends a pull request. A layout is taken from
the pack only when the pack is the file this machine wrote (its status as signed), or else when
its bytes hash to the signed digest: a pack edited or replaced since is read as untrusted, each
layout checked, and the pack written afresh.
"""

from __future__ import annotations

import marshal
import os
import stat as stat_module
from collections.abc import Collection
from pathlib import Path

from probis_cli import fs
from probis_cli.digest import digest_bytes

PACK_FILE = "situs-layouts.pack"
INDEX_FILE = "situs-layouts.marshal"
INDEX_LIMIT = 64 * 1024 * 1024
PACK_LIMIT = 8 * 1024 * 1024 * 1024
# What earlier versions kept: a folder of SVG files and their stat cache (removed once).
OLD_CACHE = ("situs-svg", "situs-stat.marshal")

Status = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns
Entry = tuple[int, int, str]  # offset, length, digest of the bytes


def _status(st: os.stat_result) -> Status:
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def _valid(loaded: object) -> bool:
    if not isinstance(loaded, dict) or set(loaded) != {"v", "pack", "entries"} or loaded["v"] != 1:
        return False
    status, entries = loaded["pack"], loaded["entries"]
    return (
        isinstance(status, tuple)
        and len(status) == 4
        and all(isinstance(x, int) for x in status)
        and isinstance(entries, dict)
        and all(
            isinstance(k, str)
            and isinstance(v, tuple)
            and len(v) == 3
            and isinstance(v[0], int)
            and isinstance(v[1], int)
            and v[0] >= 0
            and v[1] >= 0
            and isinstance(v[2], str)
            for k, v in entries.items()
        )
    )


class LayoutStore:
    """Layouts by job digest: the pack's (read once) and this build's new ones.

    ``folder``: the repository's cache folder (already checked to be inside the repository),
    or None to keep nothing between builds."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.entries: dict[str, Entry] = {}
        self.new: dict[str, tuple[bytes, str]] = {}
        self.recorded: Status | None = None  # the pack's status when this machine wrote it
        self._pack: bytes | None = None
        self._trusted = False
        self._read = False
        # A first build writes its pack while the layouts arrive (the writes overlap the layout
        # workers instead of following them): a temporary file renamed into place by save().
        self._stream: tuple[int, str] | None = None  # descriptor, temporary path
        self._streamed: dict[str, Entry] = {}
        self._stream_size = 0
        self._stream_failed = False
        if folder is None:
            return
        try:
            data = fs.verified(fs.read_limited(folder / INDEX_FILE, INDEX_LIMIT))
            loaded = marshal.loads(data) if data is not None else None
        except (OSError, ValueError, EOFError, TypeError):
            loaded = None
        if _valid(loaded):
            assert isinstance(loaded, dict)
            self.recorded = loaded["pack"]
            self.entries = loaded["entries"]

    @property
    def pack_path(self) -> Path | None:
        return None if self.folder is None else self.folder / PACK_FILE

    def _load(self) -> None:
        """Read the pack once: trusted when it is the file this machine wrote last."""
        self._read = True
        path = self.pack_path
        if path is None or not self.entries:
            return
        try:
            data, st = fs.read_limited_with_status(path, PACK_LIMIT, follow=False)
        except OSError:  # missing, a link, a FIFO, a device, too large
            return
        self._trusted = _status(st) == self.recorded and len(data) == st.st_size
        self._pack = data

    def get(self, key: str) -> tuple[bytes, str] | None:
        """The bytes laid out for ``key`` and their digest, or None when there are none (or the
        pack's no longer match what this machine wrote)."""
        known = self.new.get(key)
        if known is not None:
            return known
        entry = self.entries.get(key)
        if entry is None:
            return None
        if not self._read:
            self._load()
        offset, length, digest = entry
        pack = self._pack
        if pack is None or offset + length > len(pack):
            return None
        data = pack[offset : offset + length]
        if not self._trusted and digest_bytes(data) != digest:
            return None
        return data, digest

    def put(self, key: str, data: bytes, digest: str) -> None:
        """Keep ``data`` (of ``digest``) as laid out for ``key`` (written at once when this
        build writes a new pack)."""
        self.new[key] = (data, digest)
        if self.folder is None or self.entries or self._stream_failed or key in self._streamed:
            return
        try:
            if self._stream is None:
                import tempfile

                self._stream = tempfile.mkstemp(dir=self.folder, prefix=f".{PACK_FILE}.", suffix=".tmp")
            _write_all(self._stream[0], [data])
        except OSError:
            self.abandon()
            self._stream_failed = True  # save() writes what it can
            return
        self._streamed[key] = (self._stream_size, len(data), digest)
        self._stream_size += len(data)

    def abandon(self) -> None:
        """Remove the pack this build began and did not finish (nothing when it saved)."""
        if self._stream is None:
            return
        fd, tmp = self._stream
        self._stream = None
        self._streamed = {}
        try:
            os.close(fd)
        finally:
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def location(self, key: str) -> tuple[Path, int, int] | None:
        """Where the pack holds ``key`` (after :meth:`save`): path, offset, length."""
        entry = self.entries.get(key)
        path = self.pack_path
        return None if entry is None or path is None or key in self.new else (path, entry[0], entry[1])

    def save(self, live: Collection[str]) -> None:
        """Keep the layouts of ``live`` (the others leave the index): append the new ones to the
        pack, or write it afresh when it is not the one this machine wrote or when more than
        half of it is no longer used. Failures only cost speed."""
        if self.folder is None:
            return
        live_set = set(live)
        kept = {k: v for k, v in self.entries.items() if k in live_set and k not in self.new}
        added = {k: v for k, v in self.new.items() if k in live_set}
        if not added and kept == self.entries:
            self._drop_old_cache()
            return
        if self._stream is not None and set(added) <= set(self._streamed):
            try:
                self._finish_stream(live_set)
                self._write_index()
            except (OSError, ValueError):
                self.abandon()
                return
            self.new = {}
            self._drop_old_cache()
            return
        self.abandon()
        if not self._read:
            self._load()
        try:
            used = sum(length for _offset, length, _digest in kept.values())
            size = len(self._pack) if self._pack is not None else 0
            if self._trusted and size - used <= max(used, 1) and self._append(kept, added):
                pass
            else:
                self._rewrite(kept, added)
            self._write_index()
        except (OSError, ValueError):  # ValueError: fs.OutsideError
            return
        self.new = {}
        self._drop_old_cache()

    def _finish_stream(self, live: set[str]) -> None:
        """The streamed pack renamed into place (its folder checked by the caller)."""
        assert self._stream is not None and self.pack_path is not None
        fd, tmp = self._stream
        self._stream = None
        try:
            try:
                os.fchmod(fd, fs.file_mode())
            finally:
                os.close(fd)
            os.replace(tmp, self.pack_path)  # replaces a link named like the pack, never follows it
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        self.recorded = _status(os.lstat(self.pack_path))
        self.entries = {k: v for k, v in self._streamed.items() if k in live}
        self._streamed = {}

    def _append(self, kept: dict[str, Entry], added: dict[str, tuple[bytes, str]]) -> bool:
        """Append ``added`` to the pack this machine wrote; False when it is no longer that file."""
        path = self.pack_path
        assert path is not None
        flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
        try:
            st = os.fstat(fd)
            if not stat_module.S_ISREG(st.st_mode) or _status(st) != self.recorded:
                return False
            offset = st.st_size
            entries = dict(kept)
            chunks = []
            for key in sorted(added):
                data, digest = added[key]
                entries[key] = (offset, len(data), digest)
                offset += len(data)
                chunks.append(data)
            _write_all(fd, chunks)
            self.recorded = _status(os.fstat(fd))
        finally:
            os.close(fd)
        self.entries = entries
        return True

    def _rewrite(self, kept: dict[str, Entry], added: dict[str, tuple[bytes, str]]) -> None:
        """Write a pack holding only ``kept`` (still readable) and ``added``."""
        path = self.pack_path
        assert path is not None
        chunks: list[bytes] = []
        entries: dict[str, Entry] = {}
        offset = 0
        for key in sorted(set(kept) | set(added)):
            found = added.get(key) or self.get(key)
            if found is None:
                continue
            data, digest = found
            entries[key] = (offset, len(data), digest)
            offset += len(data)
            chunks.append(data)
        fs.write_atomic(path, b"".join(chunks), root=path.parent)
        self.recorded = _status(os.lstat(path))
        self.entries = entries
        self._pack, self._trusted = None, False
        self._read = True  # what it holds is in ``self.new`` (the caller has it) or was read

    def _write_index(self) -> None:
        assert self.folder is not None
        blob = marshal.dumps({"v": 1, "pack": self.recorded, "entries": self.entries})
        fs.write_atomic(self.folder / INDEX_FILE, fs.signed(blob), root=self.folder)

    def _drop_old_cache(self) -> None:
        """Remove the folder of SVG files earlier versions kept (not a link, only inside)."""
        assert self.folder is not None
        import shutil

        folder, stats = (self.folder / name for name in OLD_CACHE)
        try:
            if folder.is_dir() and not folder.is_symlink() and fs.is_inside(folder, self.folder):
                shutil.rmtree(folder, ignore_errors=True)
            if stats.is_file() and not stats.is_symlink():
                fs.remove_inside(self.folder, stats.name)
        except (OSError, ValueError):
            pass


def _write_all(fd: int, chunks: list[bytes]) -> None:
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            written = os.write(fd, view)
            view = view[written:]
