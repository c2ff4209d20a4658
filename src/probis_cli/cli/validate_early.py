"""The first step of a cold ``probis validate``: start reading and parsing before typer and the
models are imported (:mod:`probis_cli.source.early`), when the early answer found no report."""

from __future__ import annotations

from pathlib import Path

from probis_cli.cli.validate_warm import parse_simple
from probis_cli.source import early
from probis_cli.source.discover import find_root


def start(args: list[str]) -> None:
    """Start on the repository of ``probis validate ARGS`` (plain options only, as the early
    answer understands them) when nothing of an earlier check is kept. Anything unexpected
    leaves it to the usual path, which reports it."""
    got = parse_simple(args[1:])
    if got is None:
        return
    targets: list[Path] = got["paths"] or [Path(".")]
    try:
        if not all(t.exists() for t in targets):
            return
        root = find_root(targets[0])
        if root is not None and early.first_run(root):
            early.start(root)
    except Exception:  # noqa: BLE001 - only a head start: the usual path reads everything again
        early.discard()


def take() -> early.Early | None:
    """What :func:`start` started, for :func:`probis_cli.api.load` (once)."""
    return early.take()
