"""The ``probis`` command: builds the typer app in the user's language and runs it.

Start-up stays short: this module imports neither typer nor any library code at import time.
``probis --version`` answers before typer is imported, and each command's module is imported
only when that command runs or shows its own help (:mod:`probis_cli.cli.lazy`).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from probis_cli import __version__

if TYPE_CHECKING:
    import typer

    from probis_cli.i18n import Lang

# The commands in the order ``probis --help`` lists them: name -> module under probis_cli.cli
# exposing HELP (message id of its help) and register(app, lang).
COMMANDS = {
    "validate": "validate",
    "rules": "rules",
    "render": "render",
    "schema": "schema",
    "diff": "diff",
    "codeowners": "codeowners",
    "init": "init",
    "fmt": "fmt",
    "ganti-kode": "ganti_kode",
    "laporan": "laporan",
    "lsp": "lsp",
    "situs": "situs",
    "impor": "impor",
    "ekspor": "ekspor",
    "baru": "baru",
}
VERSION_FLAGS = ("--version", "-V")


def build_app(lang: Lang) -> typer.Typer:
    """The typer application with help texts in ``lang``."""
    from probis_cli.cli.lazy import root_app

    return root_app(lang, COMMANDS)


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
    import typer

    from probis_cli.cli.common import t
    from probis_cli.cli.localise import localise, translate_help_options

    localise(lang)
    command = typer.main.get_command(build_app(lang))
    translate_help_options(command, t(lang, "cli.opt_help"))
    return command


def asks_version(args: list[str]) -> bool:
    """Whether ``args`` only ask for the version (``--version``/``-V``, at most a ``--lang``),
    which is answered without building the app: what click would print for them."""
    rest = list(args)
    if not any(a in VERSION_FLAGS for a in rest):
        return False
    while rest:
        arg = rest.pop(0)
        if arg in VERSION_FLAGS or (arg.startswith("--lang=") and arg[7:] in ("id", "en")):
            continue
        if arg == "--lang" and rest and rest[0] in ("id", "en"):
            rest.pop(0)
            continue
        return False
    return True


def run(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    args = sys.argv[1:] if argv is None else argv
    if asks_version(args):
        sys.stdout.write(f"probis {__version__}\n")
        if argv is None:
            _hard_exit(0)
        raise SystemExit(0)
    if args[:1] == ["validate"]:  # nothing changed since the same run: its report, before typer
        _early_validate(args, argv is None)
    from probis_cli.cli.common import lang_from_argv

    lang = lang_from_argv(args)
    command = build_command(lang)
    try:
        command.main(args=args, prog_name="probis", standalone_mode=True)
    except SystemExit as exc:
        if argv is None:
            _hard_exit(exc.code)
        raise
    except KeyboardInterrupt:
        from probis_cli.cli.common import stderr_console, t

        stderr_console().print(t(lang, "cli.interrupted"))
        raise SystemExit(130) from None
    except Exception as exc:  # noqa: BLE001 - a bug must not look like a finding; exit 2 with a report hint
        code = _report_error(lang, exc)
        if argv is None:
            _hard_exit(code)
        raise SystemExit(code) from None


def _early_validate(args: list[str], hard: bool) -> None:
    """Print the last report of ``probis validate`` and exit when nothing it read changed."""
    from probis_cli.cli.validate_warm import early_answer

    found = early_answer(args)
    if found is None:
        from probis_cli.cli.validate_early import start  # a cold run: parse while the rest imports

        start(args)
        return
    sys.stdout.write(found.text if found.text.endswith("\n") else found.text + "\n")
    if hard:
        _hard_exit(found.exit_code)
    sys.stdout.flush()
    raise SystemExit(found.exit_code)


def _report_error(lang: Lang, exc: Exception) -> int:
    """Say what went wrong (no repository, or an internal error): the exit code."""
    from probis_cli.api import NoRepository
    from probis_cli.cli.common import EXIT_ERROR, stderr_console, t

    console = stderr_console()
    if isinstance(exc, NoRepository):  # any command that loads a repository (render too)
        console.print(f"[bold red]{t(lang, 'cli.error_prefix')}[/] ", end="")
        console.print(t(lang, "cli.no_repository", path=str(exc.start), marker=exc.marker), markup=False)
        return EXIT_ERROR
    console.print(t(lang, "cli.internal_error"), markup=False)
    if os.environ.get("PROBIS_DEBUG"):
        import traceback

        console.print("".join(traceback.format_exception(exc)), markup=False)
    return EXIT_ERROR
