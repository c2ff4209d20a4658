"""``probis rules``: list the lint rules, or explain one with its options and examples."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Optional

import typer

from probis_cli.cli.common import LangChoice, fail, t, want_color
from probis_cli.cli.options import lang_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console, Group
    from rich.syntax import Syntax
    from rich.table import Table
    from rich.text import Text

    from probis_cli.findings import Severity
    from probis_cli.lint.docs import RuleView

HELP = "rules.help"
FORMATS = ("text", "json")
_SEVERITY_STYLE = {"ERROR": "bold red", "WARNING": "yellow", "INFO": "cyan"}  # by Severity name


def _console() -> Console:
    from rich.console import Console

    color = want_color(None)
    return Console(highlight=False, soft_wrap=False, no_color=not color, force_terminal=color or None)


def _severity(severity: Severity, lang: Lang) -> Text:
    from rich.text import Text

    return Text(severity.text(lang), style=_SEVERITY_STYLE[severity.name])


def _table(lang: Lang) -> Table:
    from rich.table import Table

    from probis_cli.lint.docs import describe_all

    table = Table(title=t(lang, "rules.title"), show_lines=False, expand=False)
    table.add_column(t(lang, "rules.col_code"), no_wrap=True, style="bold")
    table.add_column(t(lang, "rules.col_name"), no_wrap=True)
    table.add_column(t(lang, "rules.col_severity"), no_wrap=True)
    table.add_column(t(lang, "rules.col_summary"))
    for view in describe_all(lang):
        table.add_row(view.code, view.name, _severity(view.severity, lang), view.summary)
    return table


def _explain(view: RuleView, lang: Lang) -> Group:
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from probis_cli.lint.docs import changed_files, join_example
    from probis_cli.lint.registry import RULES_BY_CODE

    head = Text.assemble((f"{view.code} ", "bold"), (view.name, "bold cyan"), "  ", _severity(view.severity, lang))
    parts: list[object] = [head, Text(view.summary), Text("")]
    parts += [Text(t(lang, "rules.why"), style="bold underline"), Text(view.why), Text("")]
    parts += [Text(t(lang, "rules.fix"), style="bold underline"), Text(view.fix), Text("")]
    if view.code not in RULES_BY_CODE:
        pass  # a read/schema/engine code (Y, S, P): no options
    elif view.options:
        parts.append(Text(t(lang, "rules.options", code=view.code), style="bold underline"))
        options = Table(show_header=True, expand=False)
        options.add_column(t(lang, "rules.col_option"), no_wrap=True, style="bold")
        options.add_column(t(lang, "rules.col_type"))
        options.add_column(t(lang, "rules.col_default"))
        options.add_column(t(lang, "rules.col_description"))
        for o in view.options:
            options.add_row(o.name, escape(o.type), escape(o.default), escape(o.description))
        parts.append(options)
        parts.append(Text(""))
    else:
        parts.append(Text(t(lang, "rules.options", code=view.code), style="bold underline"))
        parts.append(Text(t(lang, "rules.no_options")))
        parts.append(Text(""))
    parts.append(Text(t(lang, "rules.bad"), style="bold red underline"))
    parts.append(_yaml(view.bad))
    parts.append(Text(""))
    parts.append(Text(t(lang, "rules.good"), style="bold green underline"))
    changed, same, removed = changed_files(view.bad, view.good)
    if same:
        parts.append(Text(t(lang, "rules.good_same", files=", ".join(same)), style="dim"))
    if removed:
        parts.append(Text(t(lang, "rules.good_removed", files=", ".join(removed)), style="dim"))
    parts.append(_yaml(join_example(changed)))
    return Group(*parts)  # type: ignore[arg-type]


def _yaml(text: str) -> Syntax:
    from rich.syntax import Syntax

    return Syntax(text.rstrip("\n") or "#", "yaml", theme="ansi_dark", background_color="default")


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("rules", help=t(lang, HELP))
    def rules(
        rule: Optional[str] = typer.Argument(None, help=t(lang, "rules.arg_rule"), show_default=False, metavar="KODE"),
        fmt: str = typer.Option("text", "--format", "-f", metavar="FORMAT", help=t(lang, "rules.opt_format")),
        lang_opt: LangChoice = lang_option(lang),
    ) -> None:
        from rich.text import Text

        from probis_cli.lint.docs import code_names, describe, describe_code, find_code, rules_json
        from probis_cli.lint.registry import RULES_BY_CODE, RULES_BY_NAME, find_rule
        from probis_cli.suggest import suggest

        if fmt not in FORMATS:
            fail(lang, "rules.bad_format", value=fmt)
        if rule is None:
            if fmt == "json":
                typer.echo(rules_json(lang), nl=False)
                return
            console = _console()
            console.print(_table(lang))
            console.print(Text(t(lang, "rules.footer"), style="dim"))
            return
        found = find_rule(rule)
        code = find_code(rule) if found is None else None
        if found is None and code is None:
            hint = suggest(rule, [*RULES_BY_CODE, *RULES_BY_NAME, *code_names()])
            if hint:
                fail(lang, "rules.unknown_hint", value=rule, hint=hint)
            fail(lang, "rules.unknown", value=rule)
        # A lint rule, or a read/schema/engine code (Y, S, P) explained the same way.
        view = describe(found, lang) if found is not None else describe_code(str(code), lang)
        if fmt == "json":
            typer.echo(json.dumps(view.as_dict(lang), ensure_ascii=False, indent=2) + "\n", nl=False)
            return
        _console().print(_explain(view, lang), soft_wrap=True)
