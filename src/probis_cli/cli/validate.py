"""``probis validate``: check every document, reference and lint rule; report; exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from probis_cli import __version__, api
from probis_cli.cli.common import EXIT_OK, LangChoice, fail, t, want_color, write_atomic
from probis_cli.findings import Severity
from probis_cli.i18n import Lang
from probis_cli.report import REPORTERS, ReportContext


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("validate", help=t(lang, "cli.validate_help"), no_args_is_help=False)
    def validate(
        paths: Optional[list[Path]] = typer.Argument(None, help=t(lang, "cli.arg_paths"), show_default=False, metavar="PATH..."),
        fmt: str = typer.Option("text", "--format", "-f", metavar="FORMAT", help=t(lang, "cli.opt_format", formats=", ".join(REPORTERS))),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help=t(lang, "cli.opt_output")),
        fail_on: str = typer.Option("error", "--fail-on", metavar="TINGKAT", help=t(lang, "cli.opt_fail_on")),
        select: Optional[list[str]] = typer.Option(None, "--select", metavar="KODE", help=t(lang, "cli.opt_select")),
        ignore: Optional[list[str]] = typer.Option(None, "--ignore", metavar="KODE", help=t(lang, "cli.opt_ignore")),
        no_lint: bool = typer.Option(False, "--no-lint", help=t(lang, "cli.opt_no_lint")),
        no_cache: bool = typer.Option(False, "--no-cache", help=t(lang, "cli.opt_no_cache")),
        color: Optional[bool] = typer.Option(None, "--color/--no-color", help=t(lang, "cli.opt_color"), show_default=False),
        lang_opt: LangChoice = typer.Option(LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"),
    ) -> None:
        if fmt not in REPORTERS:
            fail(lang, "cli.bad_format", value=fmt, formats=", ".join(REPORTERS))
        try:
            threshold = Severity.parse(fail_on)
        except ValueError:
            fail(lang, "cli.bad_severity", value=fail_on)
        targets = paths or [Path(".")]
        try:
            loaded = api.load(targets, use_cache=not no_cache)
        except FileNotFoundError as exc:
            fail(lang, "cli.path_missing", path=str(exc))
        options = api.CheckOptions(select=_split(select), ignore=_split(ignore), lint=not no_lint)
        result = api.check(loaded, options)
        context = ReportContext(
            lang=lang,
            sources=loaded.source_texts(),
            root_name=loaded.root.name,
            tool_version=__version__,
            color=want_color(color) if output is None else False,
        )
        text = REPORTERS[fmt](result, context)
        if output is not None:
            write_atomic(output, text)
        else:
            typer.echo(text, nl=not text.endswith("\n"))
        code = result.exit_code(threshold)
        raise typer.Exit(code if code else EXIT_OK)
