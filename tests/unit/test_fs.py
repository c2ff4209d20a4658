"""The confined filesystem helpers every repository-controlled read and write goes through."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from probis_cli import fs


def test_resolve_inside_accepts_paths_below_root(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert fs.resolve_inside(tmp_path, "a/b.txt") == (tmp_path / "a" / "b.txt").resolve()
    assert fs.resolve_inside(tmp_path, tmp_path / "a") == (tmp_path / "a").resolve()


@pytest.mark.parametrize("bad", ["../x", "a/../../x", "/etc/passwd"])
def test_resolve_inside_refuses_escapes(tmp_path: Path, bad: str) -> None:
    (tmp_path / "a").mkdir()
    with pytest.raises(fs.OutsideError):
        fs.resolve_inside(tmp_path, bad)


def test_resolve_inside_refuses_symlinked_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    root = tmp_path / "repo"
    outside.mkdir()
    root.mkdir()
    (root / "link").symlink_to(outside)
    with pytest.raises(fs.OutsideError):
        fs.resolve_inside(root, "link/file")
    assert not fs.is_inside(root / "link" / "file", root)


def test_write_atomic_respects_umask_and_leaves_no_temp(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fs._UMASK = None
        fs.write_atomic(tmp_path / "d" / "f.txt", "isi", root=tmp_path)
    finally:
        os.umask(old)
        fs._UMASK = None
    target = tmp_path / "d" / "f.txt"
    assert target.read_text(encoding="utf-8") == "isi"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["f.txt"]


def test_write_atomic_replaces_a_symlink_instead_of_following_it(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("rahasia", encoding="utf-8")
    (root / "out.txt").symlink_to(victim)
    fs.write_atomic(root / "out.txt", "baru", root=root)
    assert victim.read_text(encoding="utf-8") == "rahasia"
    assert not (root / "out.txt").is_symlink()


def test_write_atomic_refuses_symlinked_parent(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    outside = tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "build").symlink_to(outside)
    with pytest.raises(fs.OutsideError):
        fs.write_atomic(root / "build" / "x.svg", "<svg/>", root=root)
    assert list(outside.iterdir()) == []


def test_remove_inside(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("x", encoding="utf-8")
    with pytest.raises(fs.OutsideError):
        fs.remove_inside(root, "../victim.txt")
    with pytest.raises(fs.OutsideError):
        fs.remove_inside(root, str(victim))
    (root / "link.txt").symlink_to(victim)
    assert fs.remove_inside(root, "link.txt") is True
    assert victim.exists()
    assert fs.remove_inside(root, "missing.txt") is False


def test_read_limited_refuses_fifo_devices_and_large_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(fs.NotRegularFile):
        fs.read_limited(fifo, 100)
    with pytest.raises(fs.NotRegularFile):
        fs.read_limited(Path("/dev/zero"), 100)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    with pytest.raises(fs.TooLarge):
        fs.read_limited(big, 100)
    assert fs.read_limited(big, 101) == b"x" * 101


def test_cache_folder_refuses_symlink(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    assert fs.cache_folder(root) == root / ".probis-cache"
    (root / ".probis-cache").symlink_to(tmp_path)
    assert fs.cache_folder(root) is None


def test_signed_blobs_verify_and_tampering_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(fs, "_KEY", None)
    blob = fs.signed(b"isi cache")
    assert fs.verified(blob) == b"isi cache"
    assert fs.verified(blob[:-1] + b"X") is None
    assert fs.verified(b"short") is None
    key_file = tmp_path / "xdg" / "probis" / "cache-key"
    assert key_file.is_file() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    # A second process (fresh module state) reads the same key: entries stay valid across runs.
    monkeypatch.setattr(fs, "_KEY", None)
    assert fs.verified(blob) == b"isi cache"
