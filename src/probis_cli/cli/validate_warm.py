"""The warm path of ``probis validate``: answer from the last identical run (see :mod:`probis_cli.warm`).

Kept apart from ``cli/validate.py`` so that answering "nothing changed" imports only this,
:mod:`probis_cli.warm` and what they need: no YAML parser, models, rules or reporters.
"""

from __future__ import annotations

from pathlib import Path

from probis_cli import __version__
from probis_cli.warm import Answer, lookup


def request(
    *,
    targets: list[Path],
    fmt: str,
    fail_on: str,
    lang: str,
    color: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lint: bool,
    baseline: Path | None,
    use_baseline: bool,
) -> list[str] | None:
    """What the report depends on besides the files, as text; None when a target is missing
    (the cold path says so)."""
    if not all(t.exists() for t in targets):
        return None
    return [
        __version__,
        fmt,
        fail_on,
        lang,
        str(color),
        ",".join(select),
        ",".join(ignore),
        str(lint),
        str(baseline.resolve()) if baseline is not None else "",
        str(use_baseline),
        *(str(t.resolve()) for t in targets),
    ]


def answer(targets: list[Path], parts: list[str] | None) -> Answer | None:
    """The last report for this request when nothing it read changed."""
    return lookup(targets[0], parts) if parts is not None else None


def remember(root: Path, parts: list[str], text: str, exit_code: int, *, baseline: Path | None) -> None:
    """Keep ``text`` and ``exit_code`` for the next identical run over ``root``."""
    from probis_cli import api, warm

    exclude, _ = api.discovery_exclude(root)
    inputs = warm.inputs_of(root, parts, exclude, [baseline] if baseline is not None else [])
    if inputs is not None:
        warm.store(root, inputs, Answer(text, exit_code))
