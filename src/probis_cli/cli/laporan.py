"""``probis laporan``: progress per OPD and for the Pemda, as a table, Markdown, CSV, JSON or chart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import LangChoice, fail, fail_no_repository, stderr_console, t, write_output
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.table import Table

    from probis_cli.laporan.compute import Laporan

HELP = "laporan.help"


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("laporan", help=t(lang, HELP))
    def laporan(
        path: Path = typer.Argument(Path("."), help=t(lang, "laporan.arg_path"), show_default=False),
        fmt: str = typer.Option("tabel", "--format", "-f", help=t(lang, "laporan.opt_format")),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help=t(lang, "laporan.opt_output")),
        git: bool = typer.Option(True, "--git/--tanpa-git", " /--no-git", help=t(lang, "laporan.opt_git")),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli import api
        from probis_cli.laporan.compute import build_laporan
        from probis_cli.laporan.formats import FORMATS

        choices = ("tabel", *FORMATS, "png")
        if fmt not in choices:
            fail(lang, "laporan.bad_format", value=fmt, formats=", ".join(choices))
        if fmt == "png" and output is None:
            fail(lang, "laporan.png_needs_output")
        if not path.exists():
            fail(lang, "cli.path_missing", path=str(path))
        try:
            loaded = api.load(path)
        except api.NoRepository as exc:
            fail_no_repository(lang, exc)
        _show(lang, build_laporan(loaded, api.check(loaded), git=git), fmt, output)


def _table(lang: Lang, report: Laporan) -> Table:
    """The figures per OPD, then the Pemda's in bold."""
    from rich.table import Table

    from probis_cli.laporan.formats import cells, headers

    table = Table(title=t(lang, "laporan.title", nama=report.pemda.nama), show_lines=False)
    for i, title in enumerate(headers(lang)):
        table.add_column(title, justify="right" if 0 < i < 4 else "left")
    for row in report.opd:
        table.add_row(*cells(row, lang, short=True))
    table.add_section()
    table.add_row(*cells(report.pemda, lang, short=True), style="bold")
    return table


def _show(lang: Lang, report: Laporan, fmt: str, output: Path | None) -> None:
    """The report in ``fmt``, on the terminal or into ``output``."""
    import io

    from rich.console import Console

    from probis_cli.laporan.formats import FORMATS, to_png

    data: str | bytes
    if fmt == "tabel":
        if output is None:
            Console(highlight=False, soft_wrap=False).print(_table(lang, report))
            return
        capture = Console(file=io.StringIO(), width=160, color_system=None, highlight=False, record=True)
        capture.print(_table(lang, report))
        data = capture.export_text()
    elif fmt == "png":
        data = to_png(report, lang)
    else:
        data = FORMATS[fmt](report, lang)
    if output is None:
        assert isinstance(data, str)
        typer.echo(data, nl=False)
        return
    write_output(lang, output, data)
    stderr_console().print(t(lang, "laporan.written", path=str(output)), markup=False)
