"""Every command that needs a repository says the same thing, and exits 2, outside one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli.cli.main import run
from probis_cli.i18n import Lang, translate
from tests.cli.conftest import Run

COMMANDS = [
    ["baru", "opd", "X1", "--nama", "Dinas Contoh"],
    ["codeowners"],
    ["diff"],
    ["fmt"],
    ["ganti-kode", "1.01", "1.02"],
    ["laporan"],
    ["validate"],
]


def _expected(lang: Lang, folder: Path) -> str:
    prefix = translate("cli.error_prefix", lang)
    message = translate("cli.no_repository", lang, path=str(folder.resolve()), marker="probis.yaml")
    return f"{prefix} {message}\n"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_outside_a_repository_every_command_says_so(
    argv: list[str], lang: Lang, cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = cli(*argv, "--lang", lang)
    assert (done.exit_code, done.exception, done.stdout) == (2, None, "")
    assert done.stderr == _expected(lang, tmp_path)


@pytest.mark.parametrize("argv", [["render"], ["situs"], *COMMANDS], ids=lambda a: a[0])
def test_through_the_console_script_too(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        run(argv)
    out, err = capsys.readouterr()
    assert (exit_.value.code, out, err) == (2, "", _expected("id", tmp_path))
