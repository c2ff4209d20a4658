"""``probis ekspor sop``: SOP AP as Word documents in the official layout."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, LangChoice, stderr_console, t
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from probis_cli.index import Index

HELP = "office.cli.ekspor_help"


def register(app: typer.Typer, lang: Lang) -> None:
    """Add ``ekspor`` and its subcommands to ``app``."""
    ekspor = typer.Typer(help=t(lang, HELP), no_args_is_help=True)
    app.add_typer(ekspor, name="ekspor")

    @ekspor.command("sop", help=t(lang, "office.cli.ekspor_sop_help"))
    def ekspor_sop(
        path: Path = typer.Argument(Path("."), help=t(lang, "office.cli.opt_repo")),
        kode: Optional[list[str]] = typer.Option(None, "--kode", "-k", help=t(lang, "office.cli.opt_kode")),
        out: Path = typer.Option(Path("build/docx"), "--out", "-o", help=t(lang, "office.cli.opt_out_dir")),
        kertas: str = typer.Option("a4", "--kertas", help=t(lang, "office.cli.opt_kertas")),
        tanpa_gambar: bool = typer.Option(
            False, "--tanpa-gambar", "--no-images", help=t(lang, "office.cli.opt_tanpa_gambar")
        ),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli import api
        from probis_cli.office.sop_export import PAPER

        console = stderr_console()
        if kertas.lower() not in PAPER:
            console.print(t(lang, "office.cli.failed", berkas="--kertas", detail=f"{kertas} (a4, f4)"), markup=False)
            raise typer.Exit(EXIT_ERROR)
        index = api.load(path).index
        unknown = [k for k in kode or [] if k not in index.sop]
        if unknown:
            console.print(t(lang, "office.cli.sop_not_found", kode=", ".join(unknown)), markup=False)
            raise typer.Exit(EXIT_ERROR)
        kodes = sorted(index.sop) if not kode else list(dict.fromkeys(kode))
        if not kodes:
            console.print(t(lang, "office.cli.no_sop"), markup=False)
            raise typer.Exit(EXIT_ERROR)
        _export(lang, console, index, kodes, out, kertas.lower(), images=not tanpa_gambar)
        console.print(t(lang, "office.cli.summary_ekspor", n=len(kodes), out=str(out)), markup=False)


def _export(lang: Lang, console: Console, index: Index, kodes: list[str], out: Path, kertas: str, images: bool) -> None:
    """Write ``<kode>.docx`` into ``out`` for each SOP; exit 2 when one cannot be made."""
    from probis_cli import fs
    from probis_cli.office import OfficeError
    from probis_cli.office.sop_export import export_sop, flow_pngs, office_logo
    from probis_cli.render.graphviz import EngineError

    logo = office_logo(index)
    try:
        pages = flow_pngs(index, kodes) if images else {k: [] for k in kodes}
        out.mkdir(parents=True, exist_ok=True)
        root = out.resolve()
        for k in kodes:
            data = export_sop(index, index.sop[k], kertas=kertas, pages=pages[k], logo=logo)
            fs.write_atomic(root / f"{k}.docx", data, root=root)
    except OfficeError as exc:
        console.print(t(lang, exc.message_id, **exc.args_), markup=False)
        raise typer.Exit(EXIT_ERROR) from None
    except EngineError as exc:
        console.print(t(lang, "office.cli.failed", berkas="Graphviz", detail=str(exc)), markup=False)
        raise typer.Exit(EXIT_ERROR) from None
