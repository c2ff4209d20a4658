"""Helpers shared by the commands: language from argv/env, console, error exit."""

from __future__ import annotations

import os
import stat
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from probis_cli import fs
from probis_cli.cli.language import lang_from_argv as lang_from_argv
from probis_cli.i18n import Lang, translate

if TYPE_CHECKING:
    from rich.console import Console

    from probis_cli.api import NoRepository

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def t(lang: Lang, message_id: str, **args: object) -> str:
    """Shorthand for translate()."""
    return translate(message_id, lang, **args)


class LangChoice(str, Enum):
    """--lang values."""

    id = "id"
    en = "en"


def stderr_console() -> Console:
    """Console for messages and progress (stderr keeps stdout clean for reports)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def say_error(lang: Lang, message_id: str, **args: object) -> None:
    """Print an error message to stderr."""
    console = stderr_console()
    console.print(f"[bold red]{t(lang, 'cli.error_prefix')}[/] ", end="")
    console.print(t(lang, message_id, **args), markup=False)


def fail(lang: Lang, message_id: str, **args: object) -> NoReturn:
    """Print an error message to stderr and exit with code 2."""
    say_error(lang, message_id, **args)
    raise typer.Exit(EXIT_ERROR)


def say_no_repository(lang: Lang, exc: NoRepository) -> None:
    """Say that no repository (``probis.yaml``) holds the path a command was given."""
    say_error(lang, "cli.no_repository", path=str(exc.start), marker=exc.marker)


def fail_no_repository(lang: Lang, exc: NoRepository) -> NoReturn:
    """:func:`say_no_repository` and exit with code 2 (what every command does on ``api.NoRepository``)."""
    say_no_repository(lang, exc)
    raise typer.Exit(EXIT_ERROR)


def want_color(flag: bool | None) -> bool:
    """Colour when asked, else when stdout is a terminal and NO_COLOR is unset."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def write_output(lang: Lang, output: Path, data: str | bytes, *, root: Path | None = None) -> None:
    """Write a report (or baseline) the user asked for: atomically to a file (no half file after
    an interruption), straight into a device or pipe (``--output /dev/stdout``), which a rename
    would replace; exit 2 with a clear message when it cannot be written. ``root`` confines a
    path that comes from the repository's settings."""
    try:
        if output.is_dir():
            fail(lang, "cli.output_is_dir", path=str(output), example=str(output / "laporan.txt"))
        if output.exists() and not stat.S_ISREG(output.stat().st_mode):
            with open(output, "wb") as handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            return
        fs.write_atomic(output, data, root=root)
    except fs.OutsideError:
        fail(lang, "cli.output_unwritable", path=str(output), detail=t(lang, "cli.outside_repository"))
    except OSError as exc:
        fail(lang, "cli.output_unwritable", path=str(output), detail=exc.strerror or str(exc))
