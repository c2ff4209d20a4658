"""The warm path of ``probis validate``: answer from the last identical run (see :mod:`probis_cli.warm`).

Kept apart from ``cli/validate.py`` so that answering "nothing changed" imports only this,
:mod:`probis_cli.warm` and what they need: no YAML parser, models, rules or reporters.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from probis_cli import __version__
from probis_cli.warm import Answer, lookup

if TYPE_CHECKING:
    from probis_cli import api


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


def answer_or_request(
    targets: list[Path],
    *,
    fmt: str,
    fail_on: str,
    lang: str,
    color: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lint: bool,
    baseline: Path | None,
    use_baseline: bool,
    enabled: bool,
) -> list[str] | None:
    """Print the last report and exit with its code when nothing it read changed; otherwise
    the request to :func:`remember` after the real check (None: nothing to remember)."""
    if not enabled:
        return None
    parts = request(
        targets=targets, fmt=fmt, fail_on=fail_on, lang=lang, color=color, select=select, ignore=ignore,
        lint=lint, baseline=baseline, use_baseline=use_baseline,
    )  # fmt: skip
    found = answer(targets, parts)
    if found is not None:
        import typer

        typer.echo(found.text, nl=not found.text.endswith("\n"))
        raise typer.Exit(found.exit_code)
    return parts


def baseline_read(loaded: api.Loaded, options: api.CheckOptions) -> Path | None:
    """The baseline file a check read (or would have read), None when it used none."""
    if not options.use_baseline:
        return None
    from probis_cli.lint.baseline import baseline_path

    pemda = loaded.index.pemda
    configured = pemda.model.pengaturan.lint.baseline if pemda is not None else None
    return baseline_path(loaded.root, option=options.baseline, configured=configured)


def remember(loaded: api.Loaded, options: api.CheckOptions, parts: list[str] | None, text: str, exit_code: int) -> None:
    """Keep ``text`` and ``exit_code`` for the next identical run over the repository (the
    request ``parts`` of :func:`answer_or_request`; None: nothing to keep)."""
    if parts is None:
        return
    from probis_cli import api, warm

    root = loaded.root
    baseline = baseline_read(loaded, options)
    exclude, _ = api.discovery_exclude(root)
    inputs = warm.inputs_of(root, parts, exclude, [baseline] if baseline is not None else [])
    if inputs is not None:
        warm.store(root, inputs, Answer(text, exit_code))
