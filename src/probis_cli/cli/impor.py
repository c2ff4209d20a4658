"""``probis impor sop|kegiatan``: legacy Word SOPs and Excel Renstra sheets into the repository."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, EXIT_FINDINGS, LangChoice, stderr_console, t
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from probis_cli.office import OfficeError

HELP = "office.cli.impor_help"


def _error_text(lang: Lang, exc: OfficeError) -> str:
    return t(lang, exc.message_id, **exc.args_)


def _import_one(
    lang: Lang, console: Console, file: Path, opd: str | None, out: Path, force: bool, dry_run: bool, written: set[Path]
) -> int | None:
    """Import one Word SOP: the number of lines to check (printed), or None when it failed."""
    from probis_cli import fs
    from probis_cli.office import OfficeError
    from probis_cli.office.sop_import import import_sop, to_yaml

    try:
        sop = import_sop(file, opd=opd)
    except OfficeError as exc:
        console.print(t(lang, "office.cli.failed", berkas=str(file), detail=_error_text(lang, exc)), markup=False)
        return None
    text, report = to_yaml(sop, lambda message_id, **args: t(lang, message_id, **args))
    relative = Path("sop") / (opd or "") / f"{sop.kode}.yaml" if opd else Path("sop") / f"{sop.kode}.yaml"
    target = out / relative
    if target in written or (target.exists() and not force):
        console.print(t(lang, "office.cli.exists", path=str(target)), markup=False)
        return None
    if dry_run:
        typer.echo(text, nl=False)
    else:
        try:
            out.mkdir(parents=True, exist_ok=True)
            fs.write_atomic(target, text, root=out.resolve())
        except (OSError, fs.OutsideError) as exc:
            console.print(t(lang, "office.cli.failed", berkas=str(file), detail=str(exc)), markup=False)
            return None
        written.add(target)
        console.print(t(lang, "office.cli.written", path=str(target)), markup=False)
    for line, message in report:
        typer.echo(t(lang, "office.cli.periksa_line", path=relative.as_posix(), line=line, text=message))
    return len(report)


def register(app: typer.Typer, lang: Lang) -> None:
    """Add ``impor`` and its subcommands to ``app``."""
    impor = typer.Typer(help=t(lang, HELP), no_args_is_help=True)
    app.add_typer(impor, name="impor")
    _register_sop(impor, lang)
    _register_kegiatan(impor, lang)


def _register_sop(impor: typer.Typer, lang: Lang) -> None:
    @impor.command("sop", help=t(lang, "office.cli.impor_sop_help"))
    def impor_sop(
        files: list[Path] = typer.Argument(..., help=t(lang, "office.cli.opt_files")),
        opd: Optional[str] = typer.Option(None, "--opd", help=t(lang, "office.cli.opt_opd")),
        out: Path = typer.Option(Path("."), "--out", "-o", help=t(lang, "office.cli.opt_out_repo")),
        force: bool = typer.Option(False, "--paksa", "--force", help=t(lang, "office.cli.opt_force")),
        dry_run: bool = typer.Option(False, "--dry-run", help=t(lang, "office.cli.opt_dry_run")),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.office.sop_import import slug

        console = stderr_console()
        if opd is not None and slug(opd) != opd.lower():
            console.print(t(lang, "office.cli.failed", berkas="--opd", detail=opd), markup=False)
            raise typer.Exit(EXIT_ERROR)
        written: set[Path] = set()
        imported = periksa = failed = 0
        for file in files:
            outcome = _import_one(lang, console, file, opd, out, force, dry_run, written)
            if outcome is None:
                failed += 1
                continue
            imported += 1
            periksa += outcome
        console.print(t(lang, "office.cli.summary_sop", n=imported, periksa=periksa, gagal=failed), markup=False)
        if failed:
            raise typer.Exit(EXIT_ERROR)
        if periksa:
            raise typer.Exit(EXIT_FINDINGS)


def _register_kegiatan(impor: typer.Typer, lang: Lang) -> None:
    @impor.command("kegiatan", help=t(lang, "office.cli.impor_kegiatan_help"))
    def impor_kegiatan(
        file: Path = typer.Argument(..., help=t(lang, "office.cli.opt_xlsx")),
        opd: str = typer.Option(..., "--opd", help=t(lang, "office.cli.opt_opd_kegiatan")),
        repo: Path = typer.Option(Path("."), "--repo", "-r", help=t(lang, "office.cli.opt_repo")),
        sheet: Optional[str] = typer.Option(None, "--sheet", help=t(lang, "office.cli.opt_sheet")),
        dry_run: bool = typer.Option(False, "--dry-run", help=t(lang, "office.cli.opt_dry_run")),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.office import OfficeError
        from probis_cli.office.renstra import merge_into_repo
        from probis_cli.office.xlsx_import import read_kegiatan

        console = stderr_console()
        try:
            rows = read_kegiatan(file, sheet=sheet)
            result = merge_into_repo(repo, opd, rows, write=not dry_run)
        except OfficeError as exc:
            console.print(t(lang, "office.cli.failed", berkas=str(file), detail=_error_text(lang, exc)), markup=False)
            raise typer.Exit(EXIT_ERROR) from None
        for kode, nama in result.added:
            typer.echo(t(lang, "office.cli.kegiatan_added", kode=kode, nama=nama))
        for kode, lama, baru in result.changed:
            typer.echo(t(lang, "office.cli.kegiatan_changed", kode=kode, lama=lama, baru=baru))
        for baris, kode in result.unknown:
            typer.echo(t(lang, "office.cli.kegiatan_unknown", baris=baris, kode=kode))
        for kode, induk in result.orphans:
            typer.echo(t(lang, "office.cli.kegiatan_orphan", kode=kode, induk=induk))
        for kode, program in result.other_program:
            typer.echo(t(lang, "office.cli.kegiatan_other_program", kode=kode, program=program))
        if dry_run and result.text is not None:
            typer.echo(result.text, nl=False)
        console.print(
            t(
                lang,
                "office.cli.summary_kegiatan",
                path=result.path,
                added=len(result.added),
                changed=len(result.changed),
                unknown=len(result.unknown) + len(result.orphans),
                same=result.same,
            ),
            markup=False,
        )
        if result.changed or result.unknown or result.orphans:
            raise typer.Exit(EXIT_FINDINGS)
