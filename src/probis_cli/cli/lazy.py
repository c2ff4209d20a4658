"""Commands built on demand: ``probis X`` imports the module of X only, ``probis --help`` none.

Each command module under ``probis_cli.cli`` exposes ``HELP`` (the message id of its one-line
help) and ``register(app, lang)``, which adds the command (or command group) of the same name.
The root group keeps a :class:`LazyCommands` mapping instead of a dict: a command's module is
imported, and its click command built, the first time the command is looked up (to run it or
to show its own help). The list in ``probis --help`` needs only each name and help text, so
it shows stand-ins made from ``HELP``; the help tests pin that the text is the same.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from probis_cli import __version__
from probis_cli.cli.common import LangChoice, t
from probis_cli.cli.localise import HELP_OPTION_NAMES
from probis_cli.i18n import Lang, translate

Command = Any  # a click command (typer vendors click; its classes are not typed for mypy here)


def build(module_name: str, name: str, lang: Lang) -> Command:
    """The click command ``name`` that module ``probis_cli.cli.<module_name>`` registers."""
    module = importlib.import_module(f"probis_cli.cli.{module_name}")
    app = typer.Typer(add_completion=False, rich_markup_mode="rich", pretty_exceptions_enable=False)
    app.callback()(_no_options)  # a group, so that a single command keeps its name
    module.register(app, lang)
    return typer.main.get_group(app).commands[name]


def _no_options() -> None:
    """Stand-in root of the temporary app ``build`` registers a command on."""


def summary(module_name: str, name: str, lang: Lang) -> Command:
    """A stand-in with the name and help text of the command, for the list in ``--help``."""
    module = importlib.import_module(f"probis_cli.cli.{module_name}")
    return TyperCommand(name=name, help=inspect.cleandoc(translate(module.HELP, lang)))


class LazyCommands(MutableMapping[str, Command]):
    """The root's commands by name, each built on first lookup."""

    def __init__(self, lang: Lang, modules: dict[str, str]) -> None:
        self.lang = lang
        self.modules = dict(modules)
        self.built: dict[str, Command] = {}
        self.listing = False
        self.finish: Callable[[Command], None] | None = None

    def __getitem__(self, name: str) -> Command:
        if name not in self.built:
            if name not in self.modules:
                raise KeyError(name)
            if self.listing:
                return summary(self.modules[name], name, self.lang)
            command = build(self.modules[name], name, self.lang)
            if self.finish is not None:
                self.finish(command)
            self.built[name] = command
        return self.built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self.modules.setdefault(name, "")
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.modules[name]
        self.built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.modules)

    def __len__(self) -> int:
        return len(self.modules)

    @contextmanager
    def summaries(self) -> Iterator[None]:
        """Within this block, commands not yet built are looked up as stand-ins."""
        self.listing = True
        try:
            yield
        finally:
            self.listing = False


class LazyGroup(TyperGroup):
    """The root ``probis`` group over :class:`LazyCommands` (``LANG`` and ``MODULES`` set by
    :func:`lazy_group`)."""

    LANG: Lang = "id"
    MODULES: dict[str, str] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.lazy = LazyCommands(self.LANG, self.MODULES)
        self.commands = self.lazy

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.lazy)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with self.lazy.summaries():
            super().format_help(ctx, formatter)


def lazy_group(lang: Lang, modules: dict[str, str]) -> type[LazyGroup]:
    """The group class for ``typer.Typer(cls=...)``: commands from ``modules`` in ``lang``."""
    return type("ProbisGroup", (LazyGroup,), {"LANG": lang, "MODULES": modules})


def root_app(lang: Lang, commands: dict[str, str]) -> typer.Typer:
    """The ``probis`` app in ``lang``: ``--version``, ``--lang`` and ``commands`` (name -> module)."""
    app = typer.Typer(
        name="probis",
        cls=lazy_group(lang, commands),
        help=t(lang, "cli.app_help"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": HELP_OPTION_NAMES},
        pretty_exceptions_enable=False,
    )

    def version_callback(value: bool) -> None:
        if value:
            typer.echo(f"probis {__version__}")
            raise typer.Exit()

    @app.callback()
    def _root(
        version: bool = typer.Option(
            False, "--version", "-V", help=t(lang, "cli.opt_version"), callback=version_callback, is_eager=True
        ),
        lang_opt: LangChoice = typer.Option(
            LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"
        ),
    ) -> None:
        pass

    return app
