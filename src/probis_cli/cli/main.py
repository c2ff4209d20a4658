"""The ``probis`` command: builds the typer app in the user's language and runs it."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import typer

from probis_cli import __version__, api
from probis_cli.cli import baru as baru_cmd
from probis_cli.cli import codeowners, diff, ekspor, impor, lsp, render, rules, schema, validate
from probis_cli.cli import fmt as fmt_cmd
from probis_cli.cli import ganti_kode as ganti_kode_cmd
from probis_cli.cli import init as init_cmd
from probis_cli.cli import laporan as laporan_cmd
from probis_cli.cli import situs as situs_cmd
from probis_cli.cli.common import EXIT_ERROR, LangChoice, lang_from_argv, stderr_console, t
from probis_cli.cli.localise import HELP_OPTION_NAMES, localise, translate_help_options
from probis_cli.i18n import Lang

# Explicit list of command modules; each exposes register(app, lang).
COMMANDS = [validate, rules, render, schema, impor, ekspor, diff, codeowners]
COMMANDS += [init_cmd, baru_cmd, fmt_cmd, ganti_kode_cmd, laporan_cmd]
COMMANDS += [lsp]
COMMANDS += [situs_cmd]


def build_app(lang: Lang) -> typer.Typer:
    """The typer application with help texts in ``lang``."""
    app = typer.Typer(
        name="probis",
        help=t(lang, "cli.app_help"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": HELP_OPTION_NAMES},
        pretty_exceptions_enable=False,
    )

    def version_callback(value: bool) -> None:
        if value:
            typer.echo(f"probis {__version__}")
            raise typer.Exit()

    @app.callback()
    def _root(
        version: bool = typer.Option(
            False, "--version", "-V", help=t(lang, "cli.opt_version"), callback=version_callback, is_eager=True
        ),
        lang_opt: LangChoice = typer.Option(
            LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"
        ),
    ) -> None:
        pass

    for module in COMMANDS:
        module.register(app, lang)
    return app


def _hard_exit(code: object) -> None:
    """Leave without tearing down the heap object by object (~0.1 s for a city, more for a
    province): everything is written and closed by now; only buffered output remains."""
    status = code if isinstance(code, int) else (0 if code is None else 1)
    if not isinstance(code, int) and code is not None:
        print(code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)


def build_command(lang: Lang) -> Any:
    """The click command behind the app, with click's own words in ``lang`` too."""
    localise(lang)
    command = typer.main.get_command(build_app(lang))
    translate_help_options(command, t(lang, "cli.opt_help"))
    return command


def run(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    args = sys.argv[1:] if argv is None else argv
    lang = lang_from_argv(args)
    command = build_command(lang)
    try:
        command.main(args=args, prog_name="probis", standalone_mode=True)
    except SystemExit as exc:
        if argv is None:
            _hard_exit(exc.code)
        raise
    except api.NoRepository as exc:  # any command that loads a repository (render too)
        console = stderr_console()
        console.print(f"[bold red]{t(lang, 'cli.error_prefix')}[/] ", end="")
        console.print(t(lang, "cli.no_repository", path=str(exc.start), marker=exc.marker), markup=False)
        if argv is None:
            _hard_exit(EXIT_ERROR)
        raise SystemExit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        stderr_console().print(t(lang, "cli.interrupted"))
        raise SystemExit(130) from None
    except Exception:  # noqa: BLE001 - a bug must not look like a finding; exit 2 with a report hint
        console = stderr_console()
        console.print(t(lang, "cli.internal_error"), markup=False)
        if os.environ.get("PROBIS_DEBUG"):
            console.print(traceback.format_exc(), markup=False)
        raise SystemExit(EXIT_ERROR) from None
