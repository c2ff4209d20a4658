"""``probis ganti-kode OLD NEW``: rename a code and every reference to it (an SOTK change)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from probis_cli import api
from probis_cli.cli.common import EXIT_ERROR, LangChoice, fail, stderr_console, t
from probis_cli.i18n import Lang
from probis_cli.scaffold.files import repository_files, repository_root
from probis_cli.scaffold.rename import JENIS, RenameError, apply_plan, diff_text, plan_rename


def _count(root: Path) -> int:
    return len(api.check(api.load(root)).findings)


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("ganti-kode", help=t(lang, "ganti.help"))
    def ganti_kode(
        old: str = typer.Argument(..., help=t(lang, "ganti.arg_old"), show_default=False),
        new: str = typer.Argument(..., help=t(lang, "ganti.arg_new"), show_default=False),
        folder: Path = typer.Option(Path("."), "--repo", "-C", help=t(lang, "ganti.opt_repo")),
        jenis: Optional[str] = typer.Option(None, "--jenis", help=t(lang, "ganti.opt_jenis", choices=", ".join(JENIS))),
        dry_run: bool = typer.Option(False, "--dry-run", "-n", help=t(lang, "ganti.opt_dry_run")),
        lang_opt: LangChoice = typer.Option(
            LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"
        ),
    ) -> None:
        if not folder.exists():
            fail(lang, "cli.path_missing", path=str(folder))
        if jenis is not None and jenis not in JENIS:
            fail(lang, "ganti.bad_jenis", value=jenis, choices=", ".join(JENIS))
        try:
            root = repository_root(folder)
        except api.NoRepository as exc:
            fail(lang, "cli.no_repository", path=str(exc.start), marker=exc.marker)
        console = stderr_console()
        try:
            plan = plan_rename(root, repository_files(root), old, new, jenis)
        except RenameError as exc:
            fail(lang, exc.message_id, **exc.args_)
        edits = sum(len(c.edits) for c in plan.changes)
        moves = sum(1 for c in plan.changes if c.new_path != c.path)
        also = {
            k: v
            for k, v in plan.renamed.items()
            if k != plan.old and v != plan.new.rpartition("/")[2].rpartition(":")[2]
        }
        for path, line in plan.mentions:
            console.print(t(lang, "ganti.mention", path=path, line=line, old=plan.old), markup=False)
        if dry_run:
            typer.echo(diff_text(plan), nl=False)
            console.print(
                t(
                    lang,
                    "ganti.planned",
                    old=plan.old,
                    new=plan.new,
                    jenis=plan.jenis,
                    edits=edits,
                    files=len(plan.changes),
                    moves=moves,
                ),
                markup=False,
            )
            if also:
                console.print(
                    t(lang, "ganti.also", codes=", ".join(f"{k} → {v}" for k, v in also.items())), markup=False
                )
            return
        before = _count(root)
        try:
            apply_plan(root, plan)
        except OSError as exc:
            console.print(t(lang, "init.write_failed", error=str(exc)), markup=False)
            raise typer.Exit(EXIT_ERROR) from None
        console.print(
            t(
                lang,
                "ganti.done",
                old=plan.old,
                new=plan.new,
                jenis=plan.jenis,
                edits=edits,
                files=len(plan.changes),
                moves=moves,
            ),
            markup=False,
        )
        if also:
            console.print(t(lang, "ganti.also", codes=", ".join(f"{k} → {v}" for k, v in also.items())), markup=False)
        after = _count(root)
        console.print(t(lang, "ganti.findings", before=before, after=after), markup=False)
