"""``probis diff``: what a change means; exit 1 when it introduces findings at or above --fail-on."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from probis_cli.cli.common import EXIT_OK, LangChoice, fail, fail_no_repository, t, write_output
from probis_cli.cli.options import lang_option, no_cache_option, output_option
from probis_cli.i18n import Lang

HELP = "cli.diff_help"


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""
    from probis_cli.diff import DIFF_REPORTERS

    @app.command("diff", help=t(lang, HELP), no_args_is_help=False)
    def diff(
        base: Optional[str] = typer.Argument(
            None, help=t(lang, "cli.diff_arg_base"), show_default=False, metavar="BASE"
        ),
        head: Optional[str] = typer.Argument(
            None, help=t(lang, "cli.diff_arg_head"), show_default=False, metavar="HEAD"
        ),
        path: Path = typer.Option(Path("."), "--path", "-C", metavar="PATH", help=t(lang, "cli.diff_opt_path")),
        fmt: str = typer.Option(
            "text",
            "--format",
            "-f",
            metavar="FORMAT",
            help=t(lang, "cli.diff_opt_format", formats=", ".join(DIFF_REPORTERS)),
        ),
        output: Optional[Path] = output_option(lang),
        fail_on: str = typer.Option("error", "--fail-on", metavar="TINGKAT", help=t(lang, "cli.diff_opt_fail_on")),
        no_cache: bool = no_cache_option(lang),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        _diff(lang, path, base, head, fmt, output, fail_on, use_cache=not no_cache)


def _diff(
    lang: Lang,
    path: Path,
    base: str | None,
    head: str | None,
    fmt: str,
    output: Path | None,
    fail_on: str,
    *,
    use_cache: bool,
) -> None:
    """Compare, print or write the report, exit with the code for ``--fail-on``."""
    from probis_cli import api
    from probis_cli.diff import DIFF_REPORTERS
    from probis_cli.diff.git import GitError
    from probis_cli.diff.run import run_diff
    from probis_cli.findings import Severity

    if fmt not in DIFF_REPORTERS:
        fail(lang, "cli.bad_format", value=fmt, formats=", ".join(DIFF_REPORTERS))
    try:
        threshold = Severity.parse(fail_on)
    except ValueError:
        fail(lang, "cli.bad_severity", value=fail_on)
    try:
        result = run_diff(path, base, head, use_cache=use_cache)
    except FileNotFoundError as exc:
        fail(lang, "cli.path_missing", path=str(exc))
    except api.NoRepository as exc:
        fail_no_repository(lang, exc)
    except GitError as exc:
        fail(lang, exc.message_id, **exc.args_)
    text = DIFF_REPORTERS[fmt](result, lang)
    if output is not None:
        write_output(lang, output, text)
    else:
        typer.echo(text, nl=not text.endswith("\n"))
    code = result.exit_code(threshold)
    raise typer.Exit(code if code else EXIT_OK)
