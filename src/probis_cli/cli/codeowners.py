"""``probis codeowners``: a CODEOWNERS file from the teams named in probis.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from probis_cli.cli.common import EXIT_OK, LangChoice, fail, fail_no_repository, stderr_console, t, write_output
from probis_cli.cli.options import lang_option, output_option, path_argument
from probis_cli.i18n import Lang

HELP = "cli.codeowners_help"


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("codeowners", help=t(lang, HELP), no_args_is_help=False)
    def command(
        path: Path = path_argument(lang, "cli.diff_opt_path"),
        output: Optional[Path] = output_option(lang, "cli.codeowners_opt_output"),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli import api
        from probis_cli.diff.codeowners import codeowners

        try:
            loaded = api.load(path)
        except FileNotFoundError as exc:
            fail(lang, "cli.path_missing", path=str(exc))
        except api.NoRepository as exc:
            fail_no_repository(lang, exc)
        text = codeowners(loaded)
        if text is None:
            fail(lang, "cli.codeowners_no_teams")
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_output(lang, output, text)
            stderr_console().print(
                t(lang, "cli.codeowners_written", path=str(output), count=text.count("\n")), markup=False
            )
        raise typer.Exit(EXIT_OK)
