"""``probis codeowners``: a CODEOWNERS file from the teams named in probis.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from probis_cli import api
from probis_cli.cli.common import EXIT_OK, LangChoice, fail, stderr_console, t
from probis_cli.cli.diff import write_output
from probis_cli.diff.codeowners import codeowners
from probis_cli.i18n import Lang


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("codeowners", help=t(lang, "cli.codeowners_help"), no_args_is_help=False)
    def command(
        path: Path = typer.Argument(Path("."), help=t(lang, "cli.diff_opt_path"), metavar="PATH"),
        output: Optional[Path] = typer.Option(
            None, "--output", "-o", metavar="FILE", help=t(lang, "cli.codeowners_opt_output")
        ),
        lang_opt: LangChoice = typer.Option(
            LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"
        ),
    ) -> None:
        try:
            loaded = api.load(path)
        except FileNotFoundError as exc:
            fail(lang, "cli.path_missing", path=str(exc))
        except api.NoRepository as exc:
            fail(lang, "cli.no_repository", path=str(exc.start), marker=exc.marker)
        text = codeowners(loaded)
        if text is None:
            fail(lang, "cli.codeowners_no_teams")
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_output(output, text)
            stderr_console().print(
                t(lang, "cli.codeowners_written", path=str(output), count=text.count("\n")), markup=False
            )
        raise typer.Exit(EXIT_OK)
