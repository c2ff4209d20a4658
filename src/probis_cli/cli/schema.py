"""``probis schema``: write (or check) the JSON Schema of every document kind."""

from __future__ import annotations

from pathlib import Path

import typer

from probis_cli import fs
from probis_cli.cli.common import EXIT_FINDINGS, LangChoice, stderr_console, t
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang

HELP = "cli.schema_help"


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("schema", help=t(lang, HELP))
    def schema(
        out: Path = typer.Option(Path("schemas"), "--out", "-o", help=t(lang, "cli.opt_schema_out")),
        check: bool = typer.Option(False, "--check", help=t(lang, "cli.opt_schema_check")),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.model.schema import schema_files

        console = stderr_console()
        stale: list[str] = []
        for name, text in schema_files().items():
            path = out / name
            current = path.read_text(encoding="utf-8") if path.is_file() else None
            if current == text:
                continue
            stale.append(str(path))
            if not check:
                fs.write_atomic(path, text)
        if check:
            if stale:
                console.print(t(lang, "cli.schema_stale", files=", ".join(stale)), markup=False)
                raise typer.Exit(EXIT_FINDINGS)
            console.print(t(lang, "cli.schema_fresh"), markup=False)
            return
        console.print(t(lang, "cli.schema_written", count=len(stale), out=str(out)), markup=False)
