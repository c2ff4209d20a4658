"""``probis render --help`` lists the kinds and formats the library knows (no hard-coded copy)."""

from __future__ import annotations

from collections.abc import Callable

from probis_cli import api
from probis_cli.render.diagrams import DIAGRAMS
from tests.cli.conftest import Run


def test_kinds_come_from_the_render_registry() -> None:
    kinds = api.render_kinds()
    assert kinds[: len(DIAGRAMS)] == list(DIAGRAMS)
    assert kinds[-1] == "indeks" and len(set(kinds)) == len(kinds)


def test_help_lists_every_kind_and_format(cli: Callable[..., Run]) -> None:
    run = cli("render", "--help", "--lang", "en")
    text = " ".join(run.stdout.replace("│", " ").split())
    assert run.exit_code == 0
    for name in [*api.render_kinds(), *api.RENDER_FORMATS]:
        assert name in text
