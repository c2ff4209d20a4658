"""``probis fmt [PATHS] [--check]``: canonical layout, comments kept, values never changed."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, EXIT_FINDINGS, LangChoice, fail, fail_no_repository, stderr_console, t
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

HELP = "fmt.help"


def _print_not_formatted(lang: Lang, console: Console, unreadable: list[Any], refused: list[Any]) -> None:
    """The files that could not be read, were skipped, or were refused."""
    for result in unreadable:
        if result.reason == "unreadable":
            console.print(t(lang, "fmt.unreadable", path=result.path), markup=False)
        else:
            console.print(t(lang, "fmt.skipped", path=result.path, reason=result.reason), markup=False)
    for result in refused:
        console.print(t(lang, "fmt.refused", path=result.path), markup=False)


def _diff(root: Path, path: str, text: str) -> str:
    """A unified diff of the file as it is and as ``fmt`` would write it."""
    from probis_cli.scaffold.files import read_raw

    before = read_raw(root, path) or ""
    return "".join(
        difflib.unified_diff(before.splitlines(keepends=True), text.splitlines(keepends=True), f"a/{path}", f"b/{path}")
    )


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("fmt", help=t(lang, HELP))
    def fmt(
        paths: Optional[list[Path]] = typer.Argument(None, help=t(lang, "fmt.arg_paths"), show_default=False),
        check: bool = typer.Option(False, "--check", help=t(lang, "fmt.opt_check")),
        diff: bool = typer.Option(False, "--diff", help=t(lang, "fmt.opt_diff")),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli import api
        from probis_cli.scaffold.files import repository_files, repository_root, write_text
        from probis_cli.scaffold.fmt import fmt_files

        targets = list(paths or [Path(".")])
        for target in targets:
            if not target.exists():
                fail(lang, "cli.path_missing", path=str(target))
        try:
            root = repository_root(targets[0])
        except api.NoRepository as exc:
            fail_no_repository(lang, exc)
        results = fmt_files(root, repository_files(root, targets))
        console = stderr_console()
        changed = [r for r in results if r.status == "formatted"]
        refused = [r for r in results if r.status == "refused"]
        unreadable = [r for r in results if r.status == "skipped" and r.reason != "not-probis"]
        _print_not_formatted(lang, console, unreadable, refused)
        for result in changed:
            assert result.text is not None
            if diff:
                typer.echo(_diff(root, result.path, result.text), nl=False)
            if check:
                typer.echo(t(lang, "fmt.would_change", path=result.path))
            elif not diff:
                write_text(root, result.path, result.text)
        total = len(results) - len([r for r in results if r.status == "skipped"])
        if check or diff:
            key = "fmt.check_summary" if changed else "fmt.check_clean"
            console.print(t(lang, key, changed=len(changed), total=total), markup=False)
        else:
            console.print(t(lang, "fmt.summary", changed=len(changed), total=total), markup=False)
        if refused:
            raise typer.Exit(EXIT_ERROR)
        if check and changed:
            raise typer.Exit(EXIT_FINDINGS)
