"""The message language: ``--lang`` > ``PROBIS_LANG`` > ``pengaturan.bahasa`` > Indonesian."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.test_validate_cli import bad, good  # noqa: F401 - fixtures

ENGLISH = "Did you mean 'dinkes/bid-p2p'?"
INDONESIAN = "Maksud Anda 'dinkes/bid-p2p'?"


def _set_bahasa(repo: Path, value: str) -> None:
    path = repo / "probis.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"pengaturan:\n  bahasa: {value}\n", encoding="utf-8")


def test_default_is_indonesian(cli: Callable[..., Run], bad: Path) -> None:  # noqa: F811
    run = cli("validate", str(bad), "--no-lint")
    assert INDONESIAN in run.stdout and run.exit_code == 1


def test_setting_in_probis_yaml_is_used(cli: Callable[..., Run], bad: Path) -> None:  # noqa: F811
    _set_bahasa(bad, "en")
    run = cli("validate", str(bad), "--no-lint")
    assert ENGLISH in run.stdout and "1 error, 0 warnings" in run.stdout


def test_setting_found_from_the_current_folder(
    cli: Callable[..., Run], bad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: F811
    _set_bahasa(bad, "en")
    monkeypatch.chdir(bad / "proses")
    run = cli("validate", "--no-lint")
    assert ENGLISH in run.stdout


def test_environment_beats_the_setting(cli: Callable[..., Run], bad: Path) -> None:  # noqa: F811
    _set_bahasa(bad, "en")
    run = cli("validate", str(bad), "--no-lint", env={"PROBIS_LANG": "id"})
    assert INDONESIAN in run.stdout


def test_flag_beats_environment_and_setting(cli: Callable[..., Run], bad: Path) -> None:  # noqa: F811
    _set_bahasa(bad, "id")
    run = cli("validate", str(bad), "--no-lint", "--lang", "en", env={"PROBIS_LANG": "id"})
    assert ENGLISH in run.stdout
    run = cli("validate", str(bad), "--no-lint", "--lang", "id", env={"PROBIS_LANG": "en"})
    assert INDONESIAN in run.stdout


def test_help_follows_the_setting(cli: Callable[..., Run], bad: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    _set_bahasa(bad, "en")
    monkeypatch.chdir(bad)
    run = cli("validate", "--help")
    assert "Usage" in run.stdout


@pytest.mark.parametrize(
    "setting",
    [
        'pengaturan: {"b\\x61hasa": en}\n',  # an escape spells the key: the quick look must not skip it
        "pengaturan:\n  ? bahasa\n  : en\n",
        "pengaturan:\n  &k bahasa: en\n",
    ],
)
def test_setting_however_it_is_spelled(cli: Callable[..., Run], bad: Path, setting: str) -> None:  # noqa: F811
    path = bad / "probis.yaml"
    path.write_text(path.read_text(encoding="utf-8") + setting, encoding="utf-8")
    run = cli("validate", str(bad), "--no-lint")
    assert ENGLISH in run.stdout


def test_a_repository_without_the_setting_is_not_read_for_it(
    bad: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import probis_cli.api as api
    from probis_cli.cli.common import lang_from_argv

    def unexpected(start: Path) -> str | None:
        raise AssertionError("read probis.yaml for pengaturan.bahasa although it cannot be there")

    monkeypatch.delenv("PROBIS_LANG", raising=False)
    monkeypatch.setattr(api, "repository_language", unexpected)
    assert lang_from_argv(["validate", str(bad)]) == "id"
    _set_bahasa(bad, "en")
    monkeypatch.undo()
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    assert lang_from_argv(["validate", str(bad)]) == "en"
