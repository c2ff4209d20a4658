"""``--output`` is written one way by every command: a file atomically, a device or pipe
straight into it, a folder or an unwritable place a clear exit 2 (never an internal error)."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.badinput.conftest import BASE
from tests.cli.conftest import Run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for rel, text in BASE.items():
        path = tmp_path / "repo" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "repo"


def test_laporan_output_naming_a_folder_exits_2(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    run = cli("laporan", str(repo), "--tanpa-git", "-f", "csv", "-o", str(tmp_path))
    assert run.exit_code == 2 and run.exception is None
    assert "--output menunjuk sebuah folder" in run.stderr and "internal" not in run.stderr.lower()


def test_laporan_output_under_a_file_exits_2(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    run = cli("laporan", str(repo), "--tanpa-git", "-f", "json", "-o", str(blocker / "l.json"), "--lang", "en")
    assert run.exit_code == 2 and run.exception is None
    assert "cannot be written" in run.stderr and "internal" not in run.stderr.lower()


def test_laporan_output_into_a_device(cli: Callable[..., Run], repo: Path) -> None:
    run = cli("laporan", str(repo), "--tanpa-git", "-f", "csv", "-o", os.devnull)
    assert run.exit_code == 0 and run.exception is None, run.stderr
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_laporan_output_into_a_pipe(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run = cli("laporan", str(repo), "--tanpa-git", "-f", "csv", "-o", str(fifo))
    reader.join(timeout=30)
    assert run.exit_code == 0 and run.exception is None, run.stderr
    assert fifo.exists() and not fifo.is_file()  # still the pipe, not replaced by a file
    assert received and received[0].count(b"\n") >= 2


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_output_naming_a_folder_exits_2(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    git = ["git", "-C", str(repo), "-c", "user.email=uji@contoh.go.id", "-c", "user.name=uji"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "awal"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    run = cli("diff", "--path", str(repo), "-o", str(tmp_path), "--no-cache")
    assert run.exit_code == 2 and run.exception is None
    assert "--output menunjuk sebuah folder" in run.stderr and "internal" not in run.stderr.lower()
