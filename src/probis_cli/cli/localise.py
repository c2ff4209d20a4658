"""Indonesian for the words click and typer print around our own help texts and errors.

click passes its strings through module-level ``_`` (gettext) and typer keeps panel titles
in module constants; both are process-wide, which suits a CLI that runs in one language.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

import typer

from probis_cli.i18n import Lang

_ID: dict[str, str] = {
    "Usage:": "Penggunaan:",
    "Usage: ": "Penggunaan: ",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Error": "Galat",
    "Aborted!": "Dibatalkan!",
    "No such option: {name}": "Opsi tidak dikenal: {name}",
    "No such option: {name}. Did you mean {possibility}?": "Opsi tidak dikenal: {name}. Maksud Anda {possibility}?",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "Missing argument {param_hint}.": "Argumen {param_hint} belum diisi.",
    "Missing option {param_hint}.": "Opsi {param_hint} belum diisi.",
    "Missing parameter: {param_name}": "Parameter belum diisi: {param_name}",
    "Invalid value: {message}": "Nilai tidak valid: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak valid untuk {param_hint}: {message}",
    "Got unexpected extra argument ({args})": "Ada argumen tambahan yang tidak diharapkan ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen tambahan yang tidak diharapkan ({args})",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Try {command!r} for help.": "Coba {command!r} untuk bantuan.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang valid.",
    "{value!r} is not a valid integer.": "{value!r} bukan bilangan bulat yang valid.",
    "Path {name} {filename!r} does not exist.": "Path {name} {filename!r} tidak ada.",
}
_TYPER_ID = {
    "DEFAULT_STRING": "[bawaan: {}]",
    "ENVVAR_STRING": "[variabel lingkungan: {}]",
    "REQUIRED_LONG_STRING": "[wajib]",
    "ARGUMENTS_PANEL_TITLE": "Argumen",
    "OPTIONS_PANEL_TITLE": "Opsi",
    "COMMANDS_PANEL_TITLE": "Perintah",
    "ERRORS_PANEL_TITLE": "Galat",
    "ABORTED_TEXT": "Dibatalkan.",
    "RICH_HELP": "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
}
_TYPER_ORIGINAL: dict[str, Any] = {}
HELP_OPTION_NAMES = ["-h", "--help"]


def _translator(lang: Lang) -> Callable[[str], str]:
    if lang == "id":
        return lambda message: _ID.get(message, message)
    return lambda message: message


def localise(lang: Lang) -> None:
    """Switch click's and typer's own words to ``lang`` (idempotent, reversible)."""
    # typer >= 0.20 vendors click as typer._click; older versions use click itself.
    base = "typer._click" if "typer._click" in sys.modules else "click"
    for sub in ("core", "decorators", "exceptions", "formatting", "parser", "types"):
        try:
            importlib.import_module(f"{base}.{sub}")
        except ImportError:
            pass
    tr = _translator(lang)
    for name, module in list(sys.modules.items()):
        if name.startswith(("typer._click.", "click.")) or name in ("typer.core", "typer.main"):
            if callable(getattr(module, "_", None)):
                module._ = tr  # type: ignore[attr-defined]
    _localise_usage_prefix("Penggunaan: " if lang == "id" else None)
    _WORDS_LANG[:] = [lang]
    rich_utils = sys.modules.get(RICH_UTILS)
    if rich_utils is not None:
        _typer_words(rich_utils, lang)
    elif not any(isinstance(finder, _WhenImported) for finder in sys.meta_path):
        sys.meta_path.insert(0, _WhenImported())


RICH_UTILS = "typer.rich_utils"
_WORDS_LANG: list[Lang] = ["id"]  # the language typer's own words are wanted in


def _typer_words(rich_utils: ModuleType, lang: Lang) -> None:
    """typer's panel titles and default/env/required notes in ``lang``."""
    for name, value in _TYPER_ID.items():
        _TYPER_ORIGINAL.setdefault(name, getattr(rich_utils, name, None))
        setattr(rich_utils, name, value if lang == "id" else _TYPER_ORIGINAL[name])


class _WhenImported(importlib.abc.MetaPathFinder):
    """Gives ``typer.rich_utils`` our words when typer imports it. typer does so only to print
    a help text or an error, and importing it (rich's markdown, traceback, tables) costs about
    as much as typer itself: a command that runs normally need not pay for it."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> ModuleSpec | None:
        if fullname != RICH_UTILS:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _ThenLocalise(spec.loader)
        return spec


class _ThenLocalise(importlib.abc.Loader):
    """The module's own loader, then :func:`_typer_words`."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self.inner.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self.inner.exec_module(module)
        _typer_words(module, _WORDS_LANG[0])

    def __getattr__(self, name: str) -> Any:  # get_source etc. for tracebacks
        return getattr(self.inner, name)


_ORIGINAL_WRITE_USAGE: Any = None


def _localise_usage_prefix(default_prefix: str | None) -> None:
    """typer's vendored click writes a literal "Usage: "; give its formatter our prefix."""
    global _ORIGINAL_WRITE_USAGE
    try:
        from typer._click.formatting import HelpFormatter
    except ImportError:  # older typer: click's own gettext path (handled above) applies
        return
    if _ORIGINAL_WRITE_USAGE is None:
        _ORIGINAL_WRITE_USAGE = HelpFormatter.write_usage
    original = _ORIGINAL_WRITE_USAGE
    if default_prefix is None:
        HelpFormatter.write_usage = original  # type: ignore[method-assign]
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, prefix if prefix is not None else default_prefix)

    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]


def translate_help_options(command: Any, help_text: str) -> None:
    """Give every (sub)command's --help option our wording (click creates it lazily)."""
    context_class = getattr(command, "context_class", None)
    if context_class is None:
        return
    # Same names as the app's context_settings: the option is cached on first creation.
    option = command.get_help_option(context_class(command, help_option_names=HELP_OPTION_NAMES))
    if option is not None:
        option.help = help_text
    commands = getattr(command, "commands", {})
    if hasattr(commands, "finish"):  # built on demand (cli.lazy): each command when it is built
        commands.finish = lambda sub: translate_help_options(sub, help_text)
        return
    for sub in commands.values():
        translate_help_options(sub, help_text)


__all__ = ["localise", "translate_help_options", "typer"]
