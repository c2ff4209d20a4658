"""The ``probis`` command: builds the typer app in the user's language and runs it."""

from __future__ import annotations

import os
import sys
import traceback

import typer

from probis_cli import __version__
from probis_cli.cli import render, schema, validate
from probis_cli.cli.common import EXIT_ERROR, lang_from_argv, stderr_console, t
from probis_cli.i18n import Lang

# Explicit list of command modules; each exposes register(app, lang).
COMMANDS = [validate, render, schema]


def build_app(lang: Lang) -> typer.Typer:
    """The typer application with help texts in ``lang``."""
    app = typer.Typer(
        name="probis",
        help=t(lang, "cli.app_help"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
    )

    def version_callback(value: bool) -> None:
        if value:
            typer.echo(f"probis {__version__}")
            raise typer.Exit()

    @app.callback()
    def _root(
        version: bool = typer.Option(False, "--version", "-V", help=t(lang, "cli.opt_version"), callback=version_callback, is_eager=True),
    ) -> None:
        pass

    for module in COMMANDS:
        module.register(app, lang)
    return app


def run(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    args = sys.argv[1:] if argv is None else argv
    lang = lang_from_argv(args)
    app = build_app(lang)
    try:
        app(args=args, prog_name="probis", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        stderr_console().print(t(lang, "cli.interrupted"))
        raise SystemExit(130) from None
    except Exception:  # noqa: BLE001 - a bug must not look like a finding; exit 2 with a report hint
        console = stderr_console()
        console.print(t(lang, "cli.internal_error"), markup=False)
        if os.environ.get("PROBIS_DEBUG"):
            console.print(traceback.format_exc(), markup=False)
        raise SystemExit(EXIT_ERROR) from None
