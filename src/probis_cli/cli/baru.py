"""``probis baru opd|proses|sop|kegiatan``: a new document or entry, then a check of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, EXIT_FINDINGS, LangChoice, fail, fail_no_repository, stderr_console, t
from probis_cli.cli.options import dry_run_option, lang_option, repo_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from probis_cli import api
    from probis_cli.scaffold.baru import BaruPlan

HELP = "baru.help"


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _run(lang: Lang, folder: Path, dry_run: bool, make: Callable[[api.Loaded], BaruPlan]) -> None:
    """Load the repository, make the plan, write it (or show it), check what was written."""
    from probis_cli import api
    from probis_cli.scaffold.baru import BaruError
    from probis_cli.scaffold.files import repository_root

    if not folder.exists():
        fail(lang, "cli.path_missing", path=str(folder))
    try:
        root = repository_root(folder)
    except api.NoRepository as exc:
        fail_no_repository(lang, exc)
    console = stderr_console()
    try:
        plan = make(api.load(root))
    except BaruError as exc:
        fail(lang, exc.message_id, **exc.args_)
    if dry_run:
        _show_plan(lang, console, plan)
        return
    _write_plan(lang, console, root, plan)
    _check_written(lang, console, root, plan)


def _show_plan(lang: Lang, console: Console, plan: BaruPlan) -> None:
    """``--dry-run``: the new files and the edits as a diff on stdout."""
    import difflib

    for path, text in sorted(plan.creates.items()):
        typer.echo(f"--- /dev/null\n+++ b/{path}")
        typer.echo("".join(f"+{line}\n" for line in text.splitlines()), nl=False)
    for edit in plan.edits:
        before, after = edit.before.splitlines(True), edit.after.splitlines(True)
        typer.echo("".join(difflib.unified_diff(before, after, f"a/{edit.path}", f"b/{edit.path}")), nl=False)
    console.print(t(lang, "baru.planned", jenis=plan.jenis, kode=plan.kode, files=", ".join(plan.paths)), markup=False)


def _write_plan(lang: Lang, console: Console, root: Path, plan: BaruPlan) -> None:
    """Write the new files and the edits; exit 2 when a write fails."""
    from probis_cli.scaffold.files import write_text

    try:
        for path, text in sorted(plan.creates.items()):
            write_text(root, path, text)
        for edit in plan.edits:
            write_text(root, edit.path, edit.after)
    except OSError as exc:
        console.print(t(lang, "init.write_failed", error=str(exc)), markup=False)
        raise typer.Exit(EXIT_ERROR) from None
    console.print(t(lang, "baru.done", jenis=plan.jenis, kode=plan.kode, files=", ".join(plan.paths)), markup=False)


def _check_written(lang: Lang, console: Console, root: Path, plan: BaruPlan) -> None:
    """The findings in the files just written (exit 1 on errors), or that they are clean."""
    from probis_cli import __version__, api
    from probis_cli.findings import Result, Severity
    from probis_cli.report import REPORTERS, ReportContext

    loaded = api.load(root)
    result = api.check(loaded)
    mine = [f for f in result.findings if f.location.path in plan.paths]
    shown = Result(findings=mine, files_checked=len(plan.paths), documents_checked=len(plan.paths))
    if mine:
        context = ReportContext(lang=lang, sources=loaded.source_texts(), root_name=root.name, tool_version=__version__)
        typer.echo(REPORTERS["text"](shown, context), nl=False)
    else:
        console.print(t(lang, "baru.clean"), markup=False)
    if any(f.severity >= Severity.ERROR for f in mine):
        raise typer.Exit(EXIT_FINDINGS)


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the ``baru`` command group to ``app``."""
    group = typer.Typer(help=t(lang, HELP), no_args_is_help=True)
    app.add_typer(group, name="baru")
    for add in (_add_opd, _add_proses, _add_sop, _add_kegiatan):
        add(group, lang)


def _add_opd(group: typer.Typer, lang: Lang) -> None:
    @group.command("opd", help=t(lang, "baru.opd_help"))
    def opd(
        kode: str = typer.Argument(..., help=t(lang, "baru.arg_opd_kode"), show_default=False),
        nama: str = typer.Option(..., "--nama", help=t(lang, "baru.opt_nama")),
        singkatan: Optional[str] = typer.Option(None, "--singkatan", help=t(lang, "baru.opt_singkatan")),
        urusan: Optional[list[str]] = typer.Option(None, "--urusan", help=t(lang, "baru.opt_urusan")),
        folder: Path = repo_option(lang),
        dry_run: bool = dry_run_option(lang, "baru.opt_dry_run"),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.scaffold.baru import plan_opd

        def make(loaded: api.Loaded) -> BaruPlan:
            return plan_opd(loaded, kode=kode, nama=nama, singkatan=singkatan, urusan=_split(urusan))

        _run(lang, folder, dry_run, make)


def _add_proses(group: typer.Typer, lang: Lang) -> None:
    @group.command("proses", help=t(lang, "baru.proses_help"))
    def proses(
        nama: str = typer.Option(..., "--nama", help=t(lang, "baru.opt_nama")),
        pemilik: str = typer.Option(..., "--pemilik", help=t(lang, "baru.opt_pemilik")),
        induk: Optional[str] = typer.Option(None, "--induk", help=t(lang, "baru.opt_induk")),
        kategori: Optional[str] = typer.Option(None, "--kategori", help=t(lang, "baru.opt_kategori")),
        kode: Optional[str] = typer.Option(None, "--kode", help=t(lang, "baru.opt_kode")),
        kegiatan: Optional[list[str]] = typer.Option(None, "--kegiatan", help=t(lang, "baru.opt_kegiatan")),
        folder: Path = repo_option(lang),
        dry_run: bool = dry_run_option(lang, "baru.opt_dry_run"),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.scaffold.baru import plan_proses

        def make(loaded: api.Loaded) -> BaruPlan:
            return plan_proses(
                loaded, nama=nama, pemilik=pemilik, induk=induk, kategori=kategori, kode=kode, kegiatan=_split(kegiatan)
            )

        _run(lang, folder, dry_run, make)


def _add_sop(group: typer.Typer, lang: Lang) -> None:
    @group.command("sop", help=t(lang, "baru.sop_help"))
    def sop(
        proses_kode: str = typer.Option(..., "--proses", help=t(lang, "baru.opt_proses")),
        nama: Optional[str] = typer.Option(None, "--nama", help=t(lang, "baru.opt_nama_sop")),
        kode: Optional[str] = typer.Option(None, "--kode", help=t(lang, "baru.opt_kode")),
        folder: Path = repo_option(lang),
        dry_run: bool = dry_run_option(lang, "baru.opt_dry_run"),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.scaffold.baru import plan_sop

        _run(lang, folder, dry_run, lambda loaded: plan_sop(loaded, proses=proses_kode, nama=nama, kode=kode))


def _add_kegiatan(group: typer.Typer, lang: Lang) -> None:
    @group.command("kegiatan", help=t(lang, "baru.kegiatan_help"))
    def kegiatan(
        kode: Optional[str] = typer.Argument(None, help=t(lang, "baru.arg_kegiatan_kode"), show_default=False),
        opd_kode: str = typer.Option(..., "--opd", help=t(lang, "baru.opt_opd")),
        nama: str = typer.Option(..., "--nama", help=t(lang, "baru.opt_nama")),
        induk: Optional[str] = typer.Option(None, "--induk", help=t(lang, "baru.opt_induk_kegiatan")),
        folder: Path = repo_option(lang),
        dry_run: bool = dry_run_option(lang, "baru.opt_dry_run"),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.scaffold.baru import plan_kegiatan

        def make(loaded: api.Loaded) -> BaruPlan:
            return plan_kegiatan(loaded, opd=opd_kode, kode=kode, induk=induk, nama=nama)

        _run(lang, folder, dry_run, make)
