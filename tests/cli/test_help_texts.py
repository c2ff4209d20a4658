"""Every ``--help`` text, in both languages, is pinned by a golden file.

The commands are registered lazily (a command's module is imported when it runs or shows its
own help); these goldens were written before that change, so the help a user reads is the
same text, word for word, as when every command was built up front.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from probis_cli.cli.main import run
from tests.conftest import CheckGolden

COMMANDS = [
    (),
    ("validate",),
    ("rules",),
    ("render",),
    ("schema",),
    ("impor",),
    ("impor", "sop"),
    ("impor", "kegiatan"),
    ("ekspor",),
    ("ekspor", "sop"),
    ("diff",),
    ("codeowners",),
    ("init",),
    ("baru",),
    ("baru", "opd"),
    ("baru", "proses"),
    ("baru", "sop"),
    ("baru", "kegiatan"),
    ("fmt",),
    ("ganti-kode",),
    ("laporan",),
    ("lsp",),
    ("situs",),
]


def _name(path: tuple[str, ...], lang: str) -> str:
    return f"help/{'-'.join(path) or 'probis'}.{lang}.txt"


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed width, and a working folder that is no repository (no ``pengaturan.bahasa``)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".xdg"))  # typer prints: no help cache from before
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("TERMINAL_WIDTH", raising=False)
    monkeypatch.delenv("PROBIS_LANG", raising=False)


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What ``probis ARGV`` prints, through the console script's own entry point."""
    with pytest.raises(SystemExit) as exit_:
        run(argv)
    out, err = capsys.readouterr()
    assert exit_.value.code == 0, err
    return out


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "probis")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_help_text_is_unchanged(
    path: tuple[str, ...], lang: str, golden: CheckGolden, outside: None, capsys: pytest.CaptureFixture[str]
) -> None:
    golden(_name(path, lang), _help([*(["--lang", lang] if lang == "en" else []), *path, "--help"], capsys))


@pytest.mark.parametrize("path", [(), ("validate",), ("baru", "sop")], ids=lambda p: " ".join(p) or "probis")
def test_help_in_english_from_the_environment(
    path: tuple[str, ...],
    golden: CheckGolden,
    outside: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PROBIS_LANG", "en")
    golden(_name(path, "en"), _help([*path, "--help"], capsys))


@pytest.mark.parametrize("path", [("render",), ("baru", "opd")], ids=" ".join)
def test_lang_after_the_command_reads_the_same(
    path: tuple[str, ...], golden: CheckGolden, outside: None, capsys: pytest.CaptureFixture[str]
) -> None:
    golden(_name(path, "en"), _help([*path, "--help", "--lang", "en"], capsys))


@pytest.mark.parametrize(
    "argv", [["valdate"], ["validate", "--bogus"], ["baru", "xyz"], ["--lang", "en", "rendr"]], ids=" ".join
)
def test_usage_errors_are_unchanged(
    argv: list[str], golden: CheckGolden, outside: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(argv)
    assert exit_.value.code == 2
    golden(f"help/error-{'-'.join(a.strip('-') for a in argv)}.txt", capsys.readouterr().err)
