"""Invoke the CLI in-process the way a user would (typer/click runner)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from probis_cli.cli.common import lang_from_argv
from probis_cli.cli.localise import localise
from probis_cli.cli.main import build_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"


@dataclass
class Run:
    """Outcome of one CLI invocation."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """``cli("validate", path, ...)`` -> Run; language picked from argv/env like the real entry point."""
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str, env: dict[str, str] | None = None) -> Run:
        argv = list(args)
        if env:
            for key, value in env.items():
                monkeypatch.setenv(key, value)
        lang = lang_from_argv(argv)
        localise(lang)
        result = CliRunner().invoke(build_app(lang), argv, prog_name="probis", catch_exceptions=True)
        exc = result.exception if not isinstance(result.exception, SystemExit) else None
        return Run(result.exit_code, result.stdout, result.stderr, exc)

    return invoke
