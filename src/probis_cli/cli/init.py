"""``probis init [DIR]``: a new Pemda repository that validates and renders out of the box."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, LangChoice, fail, stderr_console, t
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from probis_cli.scaffold.init import InitOptions

HELP = "init.help"


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("init", help=t(lang, HELP))
    def init(
        folder: Path = typer.Argument(Path("."), help=t(lang, "init.arg_folder"), show_default=False),
        nama: Optional[str] = typer.Option(None, "--nama", help=t(lang, "init.opt_nama")),
        tingkat: Optional[str] = typer.Option(None, "--tingkat", help=t(lang, "init.opt_tingkat")),
        periode: Optional[str] = typer.Option(None, "--periode", help=t(lang, "init.opt_periode")),
        ask: Optional[bool] = typer.Option(
            None, "--tanya/--tanpa-tanya", "--ask/--no-ask", help=t(lang, "init.opt_ask")
        ),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        target = folder.resolve()
        if target.exists() and not target.is_dir():
            fail(lang, "init.not_a_folder", path=str(folder))
        options = _options(lang, target.name, nama, tingkat, periode, ask if ask is not None else _interactive())
        _write(lang, folder, target, options)


def _options(
    lang: Lang, name: str, nama: str | None, tingkat: str | None, periode: str | None, ask: bool
) -> InitOptions:
    """The new repository's settings: the flags, and when asking, answers to what was not given
    (defaults from the folder name)."""
    from probis_cli.scaffold.init import TINGKAT, InitError, options_for

    try:
        options = options_for(name, nama=nama, tingkat=tingkat, periode=periode)
        if ask:
            if nama is None:
                nama = typer.prompt(t(lang, "init.ask_nama"), default=options.nama)
            if tingkat is None:
                tingkat = typer.prompt(
                    t(lang, "init.ask_tingkat", choices=" / ".join(TINGKAT)), default=options.tingkat
                )
            if periode is None:
                periode = typer.prompt(t(lang, "init.ask_periode"), default=options.periode)
            options = options_for(name, nama=nama, tingkat=tingkat, periode=periode)
    except InitError as exc:
        fail(lang, exc.message_id, **exc.args_)
    return options


def _write(lang: Lang, folder: Path, target: Path, options: InitOptions) -> None:
    """Write the files that are not there yet (exit 2 when one that is would differ)."""
    from probis_cli import fs
    from probis_cli.scaffold.init import conflicts, init_files, kept

    files = init_files(options)
    clash = conflicts(target, files)
    if clash:
        fail(lang, "init.exists", folder=str(folder), files=", ".join(clash))
    skipped = set(kept(target, files))
    console = stderr_console()
    target.mkdir(parents=True, exist_ok=True)
    try:
        for rel, text in files.items():
            if rel not in skipped:
                fs.write_atomic(target / rel, text, root=target)
    except (OSError, fs.OutsideError) as exc:
        console.print(t(lang, "init.write_failed", error=str(exc)), markup=False)
        raise typer.Exit(EXIT_ERROR) from None
    for rel in sorted(skipped):
        console.print(t(lang, "init.kept", path=rel), markup=False)
    count = len(files) - len(skipped)
    console.print(t(lang, "init.done", nama=options.nama, folder=str(folder), count=count), markup=False)
    console.print(t(lang, "init.next", folder=str(folder)), markup=False)
