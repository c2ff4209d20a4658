"""Files whose status (size, modification and status-change times, inode) is what the last run
saw are not read again (as git's index); an edit is always seen, whatever it keeps the same."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli import warm
from tests.cli.conftest import Run, cli  # noqa: F401 - the fixture
from tests.incremental.repo import write_base


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = (tmp_path / "repo").resolve()
    root.mkdir()
    write_base(root)
    return root


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the warm lookup reads (every status taken before the run is believed)."""
    monkeypatch.setattr(warm, "RACY_NS", -(10**15))
    read: list[str] = []
    real = warm._file_bytes

    def counting(path: str) -> bytes | None:
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(warm, "_file_bytes", counting)
    return read


def _same(cli: Callable[..., Run], repo: Path) -> Run:
    """``validate`` with the caches, checked against a run without them."""
    got = cli("validate", str(repo), "--no-color")
    cold = cli("validate", str(repo), "--no-color", "--no-cache")
    assert (got.exit_code, got.stdout) == (cold.exit_code, cold.stdout)
    return got


def test_nothing_changed_reads_no_file(cli: Callable[..., Run], repo: Path, reads: list[str]) -> None:
    _same(cli, repo)
    _same(cli, repo)
    reads.clear()
    _same(cli, repo)
    assert reads == []


@pytest.mark.parametrize(
    "edit",
    ["content", "same size, mtime put back", "touch only", "added", "deleted", "renamed"],
)
def test_every_edit_is_seen(cli: Callable[..., Run], repo: Path, reads: list[str], edit: str) -> None:
    _same(cli, repo)
    _same(cli, repo)
    sop = repo / "sop" / "f1.yaml"
    before = os.stat(sop)
    text = sop.read_text(encoding="utf-8")
    if edit == "content":
        sop.write_text(text.replace("sebentar", "15 menit"), encoding="utf-8")
    elif edit == "same size, mtime put back":
        assert "sebentar" in text
        sop.write_text(text.replace("sebentar", "Sebentar"), encoding="utf-8")
        os.utime(sop, ns=(before.st_atime_ns, before.st_mtime_ns))  # the status-change time still moves
        assert os.stat(sop).st_size == before.st_size and os.stat(sop).st_mtime_ns == before.st_mtime_ns
    elif edit == "touch only":
        os.utime(sop)
    elif edit == "added":
        (repo / "sop" / "f9.yaml").write_text(text.replace("kode: ", "kode: X", 1), encoding="utf-8")
    elif edit == "deleted":
        sop.unlink()
    else:
        sop.rename(repo / "sop" / "g1.yaml")
    reads.clear()
    _same(cli, repo)
    if edit in ("content", "same size, mtime put back", "touch only"):
        assert "f1.yaml" in reads  # a changed status: read (and the others, for the check that follows)
    _same(cli, repo)


def test_a_file_changed_in_the_tick_it_was_read_is_read_again(
    cli: Callable[..., Run], repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Racy files (git's term): a status as recent as the run that records it is not believed."""
    _same(cli, repo)
    _same(cli, repo)
    table = warm._read_all(repo)[1]
    assert table == {}  # every file was written just now: none is believed
    monkeypatch.setattr(warm, "RACY_NS", -(10**15))
    _same(cli, repo)  # nothing changed: answered, and the files it read again are believed from now on
    assert len(warm._read_all(repo)[1]) == len(list(repo.rglob("*.yaml")))
