"""``probis lsp``: the language server for editors (stdio)."""

from __future__ import annotations

import importlib.util
import sys

import typer

from probis_cli.cli.common import LangChoice, fail, t
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang, resolve_lang

HELP = "lsp.help"


def require(lang: Lang, *packages: str) -> None:
    """Exit 2 with the install command when an optional package of the ``lsp`` extra is missing."""
    for package in packages:
        if importlib.util.find_spec(package) is None:
            fail(lang, "lsp.missing_dependency", package=package)


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("lsp", help=t(lang, HELP))
    def lsp(
        lang_opt: LangChoice = lang_option(lang),
        stdio: bool = typer.Option(True, "--stdio", hidden=True),  # what editors pass by habit
    ) -> None:
        require(lang, "pygls", "lsprotocol", "watchfiles")
        from probis_cli.lsp.server import serve

        # Only an explicit --lang overrides what the editor asks for (its locale, its options).
        explicit = any(a == "--lang" or a.startswith("--lang=") for a in sys.argv[1:])
        serve(resolve_lang(lang_opt.value) if explicit else None)
