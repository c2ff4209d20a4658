"""``probis ganti-kode OLD NEW``: rename a code and every reference to it (an SOTK change)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, LangChoice, fail, fail_no_repository, stderr_console, t
from probis_cli.cli.options import dry_run_option, lang_option, repo_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from probis_cli.scaffold.rename import Plan as RenamePlan

HELP = "ganti.help"


def _count(root: Path) -> int:
    from probis_cli import api

    return len(api.check(api.load(root)).findings)


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""
    from probis_cli.scaffold.rename import JENIS

    @app.command("ganti-kode", help=t(lang, HELP))
    def ganti_kode(
        old: str = typer.Argument(..., help=t(lang, "ganti.arg_old"), show_default=False),
        new: str = typer.Argument(..., help=t(lang, "ganti.arg_new"), show_default=False),
        folder: Path = repo_option(lang),
        jenis: Optional[str] = typer.Option(None, "--jenis", help=t(lang, "ganti.opt_jenis", choices=", ".join(JENIS))),
        dry_run: bool = dry_run_option(lang, "ganti.opt_dry_run"),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        _ganti_kode(lang, old, new, folder, jenis, dry_run)


def _ganti_kode(lang: Lang, old: str, new: str, folder: Path, jenis: str | None, dry_run: bool) -> None:
    """Plan the rename; show it (``--dry-run``) or apply it and compare the findings."""
    from probis_cli import api
    from probis_cli.scaffold.files import repository_files, repository_root
    from probis_cli.scaffold.rename import JENIS, RenameError, apply_plan, diff_text, plan_rename

    if not folder.exists():
        fail(lang, "cli.path_missing", path=str(folder))
    if jenis is not None and jenis not in JENIS:
        fail(lang, "ganti.bad_jenis", value=jenis, choices=", ".join(JENIS))
    try:
        root = repository_root(folder)
    except api.NoRepository as exc:
        fail_no_repository(lang, exc)
    console = stderr_console()
    try:
        plan = plan_rename(root, repository_files(root), old, new, jenis)
    except RenameError as exc:
        fail(lang, exc.message_id, **exc.args_)
    for path, line in plan.mentions:
        console.print(t(lang, "ganti.mention", path=path, line=line, old=plan.old), markup=False)
    if dry_run:
        typer.echo(diff_text(plan), nl=False)
        _print_summary(lang, console, "ganti.planned", plan)
        return
    before = _count(root)
    try:
        apply_plan(root, plan)
    except OSError as exc:
        console.print(t(lang, "init.write_failed", error=str(exc)), markup=False)
        raise typer.Exit(EXIT_ERROR) from None
    _print_summary(lang, console, "ganti.done", plan)
    console.print(t(lang, "ganti.findings", before=before, after=_count(root)), markup=False)


def _print_summary(lang: Lang, console: Console, message_id: str, plan: RenamePlan) -> None:
    """What the rename changes (or changed), and the codes renamed along with it."""
    counts: dict[str, Any] = {
        "edits": sum(len(c.edits) for c in plan.changes),
        "files": len(plan.changes),
        "moves": sum(1 for c in plan.changes if c.new_path != c.path),
    }
    console.print(t(lang, message_id, old=plan.old, new=plan.new, jenis=plan.jenis, **counts), markup=False)
    short = plan.new.rpartition("/")[2].rpartition(":")[2]
    also = {k: v for k, v in plan.renamed.items() if k != plan.old and v != short}
    if also:
        console.print(t(lang, "ganti.also", codes=", ".join(f"{k} → {v}" for k, v in also.items())), markup=False)
