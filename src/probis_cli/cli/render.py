"""``probis render``: diagrams (Graphviz) and SOP AP drafts (Markdown) from the repository."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, EXIT_FINDINGS, LangChoice, fail, stderr_console, t
from probis_cli.cli.options import (
    engine_option,
    jobs_option,
    lang_option,
    no_cache_option,
    out_dir_option,
    path_argument,
    rebuild_option,
)
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from probis_cli import api

HELP = "cli.render_help"

SHOWN_STALE, SHOWN_REFUSED = 50, 20


def progress_bar(console: Console) -> Progress:
    """A transient bar: what, how far, how many of how many, how long (render, situs)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=console, transient=True)


@contextmanager
def _progress_bar(lang: Lang, console: Console) -> Iterator[api.ProgressFn]:
    """A progress callback drawing a (transient) bar once there are 20 jobs or more."""
    bar = progress_bar(console)
    task = None

    def progress(done: int, total: int) -> None:
        nonlocal task
        if task is None and total >= 20:
            bar.start()
            task = bar.add_task(t(lang, "cli.render_progress"), total=total)
        if task is not None:
            bar.update(task, completed=done, total=total)

    try:
        yield progress
    finally:
        if task is not None:
            bar.stop()


def _print_check(lang: Lang, console: Console, result: api.RenderResult) -> None:
    """``--check``: the stale outputs (exit 1), or that everything is fresh."""
    stale = result.stale or []
    if stale:
        console.print(t(lang, "cli.render_stale", count=len(stale), out=str(result.out_dir)), markup=False)
        for item in stale[:SHOWN_STALE]:
            console.print(f"  {item}", markup=False)
        if len(stale) > SHOWN_STALE:
            console.print(t(lang, "cli.render_more", count=len(stale) - SHOWN_STALE), markup=False)
        raise typer.Exit(EXIT_FINDINGS)
    if result.conflicts:
        raise typer.Exit(EXIT_FINDINGS)
    console.print(t(lang, "cli.render_fresh", count=result.planned), markup=False)


def _print_outcome(lang: Lang, console: Console, result: api.RenderResult) -> None:
    """What was written, kept, removed, refused and failed; exit 2 on failures, 1 on conflicts."""
    from probis_cli import api

    outcome = result.outcome
    assert outcome is not None
    if outcome.engine:
        console.print(t(lang, "cli.render_engine", engine=outcome.engine), markup=False)
    counts = {"written": len(outcome.written), "unchanged": len(outcome.unchanged), "removed": len(outcome.removed)}
    console.print(t(lang, "cli.render_summary", **counts, out=str(result.out_dir)), markup=False)
    for entry in outcome.refused[:SHOWN_REFUSED]:
        console.print(t(lang, "cli.render_manifest_refused", manifest=api.RENDER_MANIFEST, entry=entry), markup=False)
    if len(outcome.refused) > SHOWN_REFUSED:
        console.print(t(lang, "cli.render_more", count=len(outcome.refused) - SHOWN_REFUSED), markup=False)
    for output, code, detail in outcome.failed:
        reason = api.render_engine_text(lang, code, detail)
        console.print(t(lang, "cli.render_failed", output=output, reason=reason), markup=False)
    if outcome.failed:
        raise typer.Exit(EXIT_ERROR)
    if result.conflicts:
        raise typer.Exit(EXIT_FINDINGS)


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""
    from probis_cli import api

    kinds_help = t(lang, "cli.render_opt_kind", kinds=", ".join(api.render_kinds()))
    formats_help = t(lang, "cli.render_opt_format", formats=", ".join(api.RENDER_FORMATS))

    @app.command("render", help=t(lang, HELP))
    def render(
        path: Path = path_argument(lang, "cli.render_arg_path"),
        out: Optional[Path] = out_dir_option(lang, "cli.render_opt_out"),
        formats: Optional[list[str]] = typer.Option(
            None, "--format", "-f", metavar="FORMAT", help=formats_help, show_default=False
        ),
        kinds: Optional[list[str]] = typer.Option(
            None, "--jenis", "--kind", metavar="JENIS", help=kinds_help, show_default=False
        ),
        opd: Optional[list[str]] = typer.Option(
            None, "--opd", metavar="OPD", help=t(lang, "cli.render_opt_opd"), show_default=False
        ),
        codes: Optional[list[str]] = typer.Option(
            None, "--kode", "--code", metavar="KODE", help=t(lang, "cli.render_opt_code"), show_default=False
        ),
        check: bool = typer.Option(False, "--check", help=t(lang, "cli.render_opt_check")),
        force: bool = typer.Option(False, "--paksa", "--force", help=t(lang, "cli.render_opt_force")),
        rebuild: bool = rebuild_option(lang, "cli.render_opt_rebuild"),
        engine: str = engine_option(lang),
        jobs: Optional[int] = jobs_option(lang),
        no_cache: bool = no_cache_option(lang),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        options = api.RenderOptions(
            out=out, formats=formats or (), kinds=kinds or (), opd=opd or (), codes=codes or (), check=check,
            force=force, rebuild=rebuild, engine=engine, jobs=jobs, use_cache=not no_cache, lang=lang,
        )  # fmt: skip
        _render(lang, path, options)


def _render(lang: Lang, path: Path, options: api.RenderOptions) -> None:
    """Render with a progress bar; report what happened; exit 1 on errors or stale outputs."""
    from probis_cli import api

    console = stderr_console()

    def notify(message_id: str, **args: object) -> None:
        console.print(t(lang, message_id, **args), markup=False)

    try:
        with _progress_bar(lang, console) as progress:
            result = api.render(path, options, notify, progress)
    except api.RenderError as exc:
        fail(lang, exc.message_id, **exc.args_)
    if result.refused_errors:
        notify("cli.render_refuse_errors", count=result.refused_errors)
        raise typer.Exit(EXIT_FINDINGS)
    if options.check:
        _print_check(lang, console, result)
    else:
        _print_outcome(lang, console, result)
