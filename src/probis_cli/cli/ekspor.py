"""``probis ekspor sop``: SOP AP as Word documents in the official layout."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from probis_cli import api, fs
from probis_cli.cli.common import EXIT_ERROR, LangChoice, stderr_console, t
from probis_cli.i18n import Lang
from probis_cli.office import OfficeError


def register(app: typer.Typer, lang: Lang) -> None:
    """Add ``ekspor`` and its subcommands to ``app``."""
    ekspor = typer.Typer(help=t(lang, "office.cli.ekspor_help"), no_args_is_help=True)
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
        lang_opt: LangChoice = typer.Option(
            LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"
        ),
    ) -> None:
        from probis_cli.office.sop_export import PAPER, export_sop, flow_pngs, office_logo
        from probis_cli.render.engine import EngineError

        console = stderr_console()
        if kertas.lower() not in PAPER:
            console.print(t(lang, "office.cli.failed", berkas="--kertas", detail=f"{kertas} (a4, f4)"), markup=False)
            raise typer.Exit(EXIT_ERROR)
        loaded = api.load(path)
        index = loaded.index
        unknown = [k for k in kode or [] if k not in index.sop]
        if unknown:
            console.print(t(lang, "office.cli.sop_not_found", kode=", ".join(unknown)), markup=False)
            raise typer.Exit(EXIT_ERROR)
        kodes = sorted(index.sop) if not kode else list(dict.fromkeys(kode))
        if not kodes:
            console.print(t(lang, "office.cli.no_sop"), markup=False)
            raise typer.Exit(EXIT_ERROR)
        logo = office_logo(index)
        try:
            pages = {k: [] for k in kodes} if tanpa_gambar else flow_pngs(index, kodes)
            out.mkdir(parents=True, exist_ok=True)
            root = out.resolve()
            for k in kodes:
                data = export_sop(index, index.sop[k], kertas=kertas.lower(), pages=pages[k], logo=logo)
                fs.write_atomic(root / f"{k}.docx", data, root=root)
        except OfficeError as exc:
            console.print(t(lang, exc.message_id, **exc.args_), markup=False)
            raise typer.Exit(EXIT_ERROR) from None
        except EngineError as exc:
            console.print(t(lang, "office.cli.failed", berkas="Graphviz", detail=str(exc)), markup=False)
            raise typer.Exit(EXIT_ERROR) from None
        console.print(t(lang, "office.cli.summary_ekspor", n=len(kodes), out=str(out)), markup=False)
