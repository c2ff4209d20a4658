"""The README's Review section shows real output: the same command on the same repository."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Run

README = Path(__file__).resolve().parents[2] / "README.md"
COMMAND = "$ probis diff main~6 main --path pemda\n"


def test_readme_review_section_is_real(
    scenario: tuple[Path, list[str]], cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    top, _ = scenario
    monkeypatch.chdir(top)
    readme = README.read_text(encoding="utf-8")
    shown_text = readme.split(COMMAND, 1)[1].split("\n```", 1)[0] + "\n"
    run = cli("diff", "main~6", "main", "--path", "pemda")
    assert run.exit_code == 1
    assert _ids(run.stdout) == _ids(shown_text)
    markdown = cli("diff", "main~6", "main", "--path", "pemda", "--format", "markdown").stdout
    quoted = "\n".join(("> " + line) if line else ">" for line in markdown.rstrip("\n").split("\n"))
    assert _ids(quoted) in _ids(readme)


def _ids(text: str) -> str:
    """Commit ids change whenever the bundled example does; the README keeps the ones it shows."""
    return re.sub(r"\b[0-9a-f]{7,40}\b", "<commit>", text)
