"""Options that several commands share, made in the user's language (one definition each)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from probis_cli.cli.common import LangChoice, t
from probis_cli.i18n import Lang


def lang_option(lang: Lang) -> Any:
    """``--lang`` (also PROBIS_LANG), on every command so it may follow the command name."""
    return typer.Option(LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG")


def no_cache_option(lang: Lang) -> Any:
    """``--no-cache``: do not use the parse cache."""
    return typer.Option(False, "--no-cache", help=t(lang, "cli.opt_no_cache"))


def out_dir_option(lang: Lang, message_id: str) -> Any:
    """``--out/-o DIR`` with no default shown (the default comes from the repository)."""
    return typer.Option(None, "--out", "-o", metavar="DIR", help=t(lang, message_id), show_default=False)


def output_option(lang: Lang, message_id: str = "cli.opt_output") -> Any:
    """``--output/-o FILE``: where a report goes instead of stdout."""
    return typer.Option(None, "--output", "-o", metavar="FILE", help=t(lang, message_id))


def engine_option(lang: Lang) -> Any:
    """``--engine``: the Graphviz engine (render, situs)."""
    return typer.Option(
        "auto", "--engine", envvar="PROBIS_GRAPHVIZ", metavar="MESIN", help=t(lang, "cli.render_opt_engine")
    )


def jobs_option(lang: Lang) -> Any:
    """``--jobs/-j N``: parallel processes (render, situs)."""
    return typer.Option(
        None, "--jobs", "-j", min=1, metavar="N", help=t(lang, "cli.render_opt_jobs"), show_default=False
    )


def rebuild_option(lang: Lang, message_id: str) -> Any:
    """``--semua/--rebuild``: rewrite every output (render, situs)."""
    return typer.Option(False, "--semua", "--rebuild", help=t(lang, message_id))


def repo_option(lang: Lang) -> Any:
    """``--repo/-C``: the repository folder (baru, ganti-kode)."""
    return typer.Option(Path("."), "--repo", "-C", help=t(lang, "ganti.opt_repo"))


def dry_run_option(lang: Lang, message_id: str) -> Any:
    """``--dry-run/-n``: show what would be written, write nothing (baru, ganti-kode)."""
    return typer.Option(False, "--dry-run", "-n", help=t(lang, message_id))


def path_argument(lang: Lang, message_id: str) -> Any:
    """The repository folder argument, default this folder (render, situs, codeowners)."""
    return typer.Argument(Path("."), help=t(lang, message_id), metavar="PATH")
