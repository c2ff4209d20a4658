"""``--help`` from the signed help cache: the same bytes typer prints, or typer itself.

The first help of a kind is printed by typer and kept; the next identical request is answered
from the cache without building the app. Everything the bytes depend on is in the key: a
change of width, language, colour, terminal or code gives typer's output, never a stale one;
a damaged or forged entry is ignored silently.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import probis_cli.cli.main as cli_main
from probis_cli.cli import help_cache, language
from probis_cli.cli.main import run
from probis_cli.source import discover
from tests.cli.test_help_texts import COMMANDS, _name
from tests.conftest import CheckGolden

Probis = Callable[..., tuple[int, str]]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A help cache of this test's own, a fixed width, no colour, outside any repository."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    for name in ("TERMINAL_WIDTH", "PROBIS_LANG", "FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "xdg" / "probis" / help_cache.FOLDER


@pytest.fixture
def probis(capsys: pytest.CaptureFixture[str]) -> Probis:
    """``probis(*argv)`` -> (exit code, stdout), through the console script's entry point; stderr must stay empty."""

    def invoke(*argv: str) -> tuple[int, str]:
        with pytest.raises(SystemExit) as exit_:
            run(list(argv))
        out, err = capsys.readouterr()
        assert err == ""
        code = exit_.value.code
        assert isinstance(code, int)
        return code, out

    return invoke


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_cached_answer_is_typers_for_every_golden(
    lang: str, cache: Path, probis: Probis, golden: CheckGolden, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in COMMANDS:
        argv = [*(["--lang", lang] if lang == "en" else []), *path, "--help"]
        code, first = probis(*argv)  # typer prints it, the cache keeps it
        assert code == 0
        golden(_name(path, lang), first)
        with monkeypatch.context() as patch:
            patch.setattr(cli_main, "build_command", lambda lang: pytest.fail("not answered from the cache"))
            assert probis(*argv) == (0, first)
    assert len(_entries(cache)) == len(COMMANDS)


def test_bare_probis_prints_the_help_with_exit_2_both_times(
    cache: Path, probis: Probis, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, first = probis()
    assert code == 2 and "validate" in first
    monkeypatch.setattr(cli_main, "build_command", lambda lang: pytest.fail("not answered from the cache"))
    assert probis() == (2, first)


def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probis: Probis, *argv: str) -> tuple[int, str]:
    """What typer prints for ``argv`` with an empty cache of its own (the cache left as it was)."""
    with monkeypatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}"))
        return probis(*argv)


@pytest.mark.parametrize(
    "change",
    [
        {"COLUMNS": "60"},
        {"TERMINAL_WIDTH": "72"},
        {"FORCE_COLOR": "1"},
        {"FORCE_COLOR": "1", "TERM": "xterm-256color"},
        {"FORCE_COLOR": "1", "COLORTERM": "truecolor"},
        {"PROBIS_LANG": "en"},
        {"NO_COLOR": ""},
    ],
    ids=lambda change: ",".join(f"{k}={v}" for k, v in change.items()),
)
def test_a_change_of_environment_gives_typers_output(
    change: dict[str, str], cache: Path, probis: Probis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, stale = probis("validate", "--help")
    for name, value in change.items():
        monkeypatch.setenv(name, value)
    if "TERMINAL_WIDTH" in change:  # typer reads it once, when rich_utils is imported (by now, in this process)
        from typer import rich_utils

        monkeypatch.setattr(rich_utils, "MAX_WIDTH", int(change["TERMINAL_WIDTH"]))
    expected = _fresh(tmp_path, monkeypatch, probis, "validate", "--help")
    assert probis("validate", "--help") == expected
    assert probis("validate", "--help") == expected  # and now from the cache
    if change != {"NO_COLOR": ""}:  # (not a terminal: no colour either way)
        assert expected[1] != stale
    assert len(_entries(cache)) == 2


def test_the_language_option_and_the_repository_setting_are_in_the_key(
    cache: Path, probis: Probis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, indonesian = probis("render", "--help")
    _, english = probis("--lang", "en", "render", "--help")
    assert "Opsi" in indonesian and "Options" in english
    assert probis("render", "--help", "--lang=en")[1] == english
    repo = tmp_path / "work"
    marker = repo / "probis.yaml"
    marker.write_text("jenis: pemda\npengaturan:\n  bahasa: en\n", encoding="utf-8")
    assert probis("render", "--help") == (0, english)
    assert probis("render", "--help") == (0, english)
    marker.write_text("jenis: pemda\npengaturan:\n  bahasa: id\n", encoding="utf-8")
    assert probis("render", "--help") == (0, indonesian)
    marker.write_text("jenis: pemda\nkode: contoh\n", encoding="utf-8")  # cannot set it: the default
    assert probis("render", "--help") == (0, indonesian)
    inner = repo / "sub"
    inner.mkdir()
    (inner / "probis.yaml").write_text("jenis: pemda\npengaturan:\n  bahasa: en\n", encoding="utf-8")
    assert probis("render", str(inner), "--help") == (0, english)  # the repository of the path argument


def test_a_change_of_code_gives_typers_output(cache: Path, probis: Probis, monkeypatch: pytest.MonkeyPatch) -> None:
    from probis_cli import code_digest

    first = probis("diff", "--help")
    monkeypatch.setattr(code_digest, "code_digest", lambda: "an upgrade")
    assert probis("diff", "--help") == first
    assert len(_entries(cache)) == 2  # a second entry: typer printed it again
    monkeypatch.setattr(help_cache, "_libraries", lambda: [("typer/__init__.py", 1, 2)])
    assert probis("diff", "--help") == first
    assert len(_entries(cache)) == 3


def test_a_terminal_is_in_the_key(cache: Path, probis: Probis, monkeypatch: pytest.MonkeyPatch) -> None:
    probis("fmt", "--help")
    monkeypatch.setattr(help_cache, "_terminal", lambda: (True, "utf-8", "strict", (100, 40), "linux"))
    probis("fmt", "--help")
    assert len(_entries(cache)) == 2


def _damage(entry: Path, how: str) -> None:
    data = entry.read_bytes()
    if how == "flipped":
        entry.write_bytes(data[:-3] + bytes([data[-3] ^ 1]) + data[-2:])
    elif how == "truncated":
        entry.write_bytes(data[:20])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "forged":  # well formed, signed with another key
        body = data[32:].replace(b"validate", b"FORGED!!")
        entry.write_bytes(hmac.new(os.urandom(32), body, hashlib.sha256).digest() + body)
    elif how == "not utf-8":
        from probis_cli import fs

        head = data[32:].split(b"\n", 1)[0]
        entry.write_bytes(fs.signed(head + b"\n\xff\xfe"))
    elif how == "other exit code":
        from probis_cli import fs

        key = data[32:].split(b" ", 1)[0]
        entry.write_bytes(fs.signed(key + b" 7\nFORGED"))
    elif how == "a folder":
        entry.unlink()
        entry.mkdir()
    elif how == "a fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif how == "a link":
        target = entry.with_name("elsewhere")
        entry.rename(target)
        entry.symlink_to(target)
        target.write_bytes(b"garbage")


@pytest.mark.parametrize(
    "how", ["flipped", "truncated", "empty", "forged", "not utf-8", "other exit code", "a folder", "a fifo", "a link"]
)
def test_a_damaged_entry_gives_typers_output_silently(
    how: str, cache: Path, probis: Probis, golden: CheckGolden
) -> None:
    probis("--help")
    (entry,) = _entries(cache)
    _damage(entry, how)
    code, out = probis("--help")  # probis() asserts that stderr stays empty: no traceback
    assert code == 0
    golden("help/probis.id.txt", out)


def test_an_entry_under_another_name_is_not_taken(cache: Path, probis: Probis, golden: CheckGolden) -> None:
    probis("fmt", "--help")
    (fmt,) = _entries(cache)
    probis("init", "--help")
    (init,) = [e for e in _entries(cache) if e != fmt]
    fmt.replace(init)  # validly signed, for another request
    golden("help/init.id.txt", probis("init", "--help")[1])


def test_an_unwritable_cache_only_costs_speed(
    cache: Path, probis: Probis, golden: CheckGolden, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    for _ in range(2):
        golden("help/schema.id.txt", probis("schema", "--help")[1])


@pytest.mark.parametrize("argv", [["render", "--output", "-h"], ["validate", "--", "--help"], ["--version", "--help"]])
def test_only_a_help_is_kept(argv: list[str], cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A help flag that is an option's value or a path runs the command; ``--version`` first
    answers the version: nothing of that is kept."""
    with pytest.raises(SystemExit):
        run(argv)
    capsys.readouterr()
    assert _entries(cache) == []


def test_old_entries_are_forgotten(cache: Path, probis: Probis, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(help_cache, "KEEP", 3)
    for columns in range(60, 66):
        monkeypatch.setenv("COLUMNS", str(columns))
        probis("lsp", "--help")
    assert len(_entries(cache)) == 3


def test_the_key_follows_what_typer_click_and_rich_read_from_the_environment() -> None:
    """Every variable typer, its click and rich read is in the key (or cannot change a help)."""
    import rich
    import typer

    ignored = {
        "COMP_WORDS", "COMP_CWORD",  # shell completion: only under _PROBIS_COMPLETE, which is in the key
        "PYDANTIC_DISABLE_PLUGINS",  # set by typer, not read for output
        "XDG_CONFIG_HOME",  # click.get_app_dir: unused by a help
    }  # fmt: skip
    pattern = re.compile(r"""(?:environ\.get|getenv|environ\[)\(?\s*["']([A-Za-z_][A-Za-z0-9_]*)["']""")
    read: set[str] = set()
    for package in (Path(typer.__file__).parent, Path(rich.__file__).parent):
        for source in package.rglob("*.py"):
            read.update(pattern.findall(source.read_text(encoding="utf-8")))
    assert "COLUMNS" in read and "NO_COLOR" in read  # the scan sees them
    missing = {
        name
        for name in read - ignored
        if name not in help_cache.ENV_NAMES and not any(mark in name for mark in help_cache.ENV_MARKS)
    }
    assert missing == set()


def test_the_language_module_agrees_with_the_library(tmp_path: Path) -> None:
    from probis_cli import i18n

    assert (language.ENV_VAR, language.MARKER) == (i18n.ENV_VAR, discover.MARKER)
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "probis.yaml").write_text("jenis: pemda\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "x.yaml").write_text("x: 1\n", encoding="utf-8")
    for start in (tmp_path, tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "x.yaml"):
        assert language.find_root(start) == discover.find_root(start)


def test_no_home_folder_only_costs_speed(
    cache: Path, probis: Probis, golden: CheckGolden, monkeypatch: pytest.MonkeyPatch
) -> None:
    from probis_cli import fs

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(fs, "machine_cache_folder", nowhere)
    for _ in range(2):
        golden("help/codeowners.id.txt", probis("codeowners", "--help")[1])


def _console_script(args: list[str], cache_home: Path, stdout: int) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PROBIS_LANG", "PROBIS_DEBUG")}
    env.update(COLUMNS="100", XDG_CACHE_HOME=str(cache_home))
    done = subprocess.run(
        [sys.executable, "-m", "probis_cli", *args], stdout=stdout, stderr=subprocess.PIPE, env=env, check=False
    )
    return done.returncode, done.stderr.decode("utf-8")


@pytest.mark.parametrize("where", ["a closed pipe", "a full device"])
def test_a_cached_help_that_cannot_be_written_fails_as_typers_does(where: str, tmp_path: Path) -> None:
    if where == "a full device" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")

    def attempt(cache_home: Path) -> tuple[int, str]:
        if where == "a full device":
            with open("/dev/full", "wb") as full:
                return _console_script(["--help"], cache_home, full.fileno())
        read, write = os.pipe()
        os.close(read)  # nobody reads: EPIPE on the first write
        try:
            return _console_script(["--help"], cache_home, write)
        finally:
            os.close(write)

    typers = attempt(tmp_path / "fresh")
    assert _console_script(["--help"], tmp_path / "kept", subprocess.DEVNULL)[0] == 0  # kept now
    cached = attempt(tmp_path / "kept")
    assert cached == typers and "Traceback" not in cached[1]
    assert cached[0] == (1 if where == "a closed pipe" else 2)
