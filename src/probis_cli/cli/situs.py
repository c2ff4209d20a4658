"""``probis situs``: the static catalogue site of the whole map.

A command of its own rather than ``render --format html``: render's formats are per diagram
(one file per artifact, listed in render's manifest and checked by ``render --check``), while
the site is one folder of linked pages with its own manifest, findings and search index, built
whether or not the repository has errors (showing them is part of its job).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import EXIT_ERROR, LangChoice, fail, stderr_console, t
from probis_cli.cli.options import (
    engine_option,
    jobs_option,
    lang_option,
    no_cache_option,
    out_dir_option,
    path_argument,
    rebuild_option,
)
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from probis_cli.site.generate import SiteOptions
    from probis_cli.site.write import Layout, Outcome

HELP = "situs.help"


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("situs", help=t(lang, HELP))
    def situs(
        path: Path = path_argument(lang, "situs.arg_path"),
        out: Optional[Path] = out_dir_option(lang, "situs.opt_out"),
        pdf: bool = typer.Option(False, "--pdf", help=t(lang, "situs.opt_pdf")),
        docx: bool = typer.Option(False, "--docx", help=t(lang, "situs.opt_docx")),
        rebuild: bool = rebuild_option(lang, "situs.opt_rebuild"),
        engine: str = engine_option(lang),
        jobs: Optional[int] = jobs_option(lang),
        no_cache: bool = no_cache_option(lang),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from probis_cli.site.generate import SiteOptions

        options = SiteOptions(
            out=out, pdf=pdf, docx=docx, rebuild=rebuild, engine=engine, jobs=jobs, use_cache=not no_cache, lang=lang
        )
        _situs(lang, path, options)


def _situs(lang: Lang, path: Path, options: SiteOptions) -> None:
    """Build the site, a progress bar while the diagrams are laid out; say what was written."""
    from probis_cli.cli.render import progress_bar
    from probis_cli.site.generate import SiteBuild, SiteError

    console = stderr_console()
    try:
        with SiteBuild(path, options) as site:
            with progress_bar(console) as bar:
                task = bar.add_task(t(lang, "situs.progress"), total=None)
                layout = site.layout(lambda done, total, _current: bar.update(task, completed=done, total=total))
            outcome = site.write(layout)
    except SiteError as exc:
        fail(lang, exc.message_id, **exc.args_)
    _print_outcome(lang, console, site.out_dir, layout, outcome)


def _print_outcome(lang: Lang, console: Console, out_dir: Path, layout: Layout, outcome: Outcome) -> None:
    """The engine, what was written, kept, removed and refused, where to open it; exit 2 when a
    diagram failed."""
    from probis_cli import api
    from probis_cli.site.write import MANIFEST

    if layout.engine:
        console.print(t(lang, "cli.render_engine", engine=layout.engine), markup=False)
    for entry in outcome.refused[:20]:
        console.print(t(lang, "situs.refused", manifest=MANIFEST, entry=entry), markup=False)
    counts = {"written": len(outcome.written), "unchanged": len(outcome.unchanged), "removed": len(outcome.removed)}
    summary = t(lang, "situs.summary", **counts, diagrams=len(layout.svgs), laid_out=layout.laid_out, out=str(out_dir))
    console.print(summary, markup=False)
    console.print(t(lang, "situs.open", path=os.path.join(str(out_dir), "index.html")), markup=False)
    for output, code, detail in layout.failed:
        reason = api.render_engine_text(lang, code, detail)
        console.print(t(lang, "situs.failed", output=output, reason=reason), markup=False)
    if layout.failed:
        raise typer.Exit(EXIT_ERROR)
