"""The ``probis`` command: builds the typer app in the user's language and runs it.

Start-up stays short: this module imports neither typer nor any library code at import time.
``probis --version`` answers before typer is imported, and each command's module is imported
only when that command runs or shows its own help (:mod:`probis_cli.cli.lazy`).
"""

from __future__ import annotations

import errno
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
    help_key = _early_help(args, argv is None)  # the same help as last time, before typer
    if args[:1] == ["validate"] and help_key is None:  # nothing changed since the same run: its report
        _early_validate(args, argv is None)
    from contextlib import nullcontext

    from probis_cli.cli.help_cache import Recording
    from probis_cli.cli.language import lang_from_argv

    lang = lang_from_argv(args)
    command = build_command(lang)
    recording = Recording(help_key) if help_key is not None else None
    try:
        with recording or nullcontext():
            command.main(args=args, prog_name="probis", standalone_mode=True)
    except SystemExit as exc:
        if recording is not None:
            recording.keep(exc.code)
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
        return
    sys.stdout.write(found.text if found.text.endswith("\n") else found.text + "\n")
    if hard:
        _hard_exit(found.exit_code)
    sys.stdout.flush()
    raise SystemExit(found.exit_code)


def _early_help(args: list[str], hard: bool) -> str | None:
    """Print the help typer printed last time for the same request and exit; else the key
    under which to keep the help typer is about to print (None: no help is asked for)."""
    from probis_cli.cli import help_cache

    if not help_cache.asks_help(args):
        return None
    key = help_cache.key(args)
    found = help_cache.lookup(key) if key is not None else None
    if found is None:
        return key
    code, text = found
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:  # as when typer prints: a closed pipe exits 1 silently, another failure is reported
        from probis_cli.cli.language import lang_from_argv

        code = 1 if exc.errno == errno.EPIPE else _report_error(lang_from_argv(args), exc)
    if hard:
        _hard_exit(code)
    raise SystemExit(code)


def _report_error(lang: Lang, exc: Exception) -> int:
    """Say what went wrong (no repository, or an internal error): the exit code."""
    from probis_cli.api import NoRepository
    from probis_cli.cli.common import EXIT_ERROR, say_no_repository, stderr_console, t

    if isinstance(exc, NoRepository):  # any command that loads a repository (render too)
        say_no_repository(lang, exc)
        return EXIT_ERROR
    console = stderr_console()
    console.print(t(lang, "cli.internal_error"), markup=False)
    if os.environ.get("PROBIS_DEBUG"):
        import traceback

        console.print("".join(traceback.format_exception(exc)), markup=False)
    return EXIT_ERROR
