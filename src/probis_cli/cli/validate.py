"""``probis validate``: check every document, reference and lint rule; report; exit code."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Optional

import typer

from probis_cli import __version__
from probis_cli.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    LangChoice,
    fail,
    fail_no_repository,
    stderr_console,
    t,
    want_color,
    write_output,
)
from probis_cli.cli.options import lang_option, no_cache_option, output_option
from probis_cli.i18n import Lang

if TYPE_CHECKING:
    from probis_cli import api
    from probis_cli.findings import Result, Severity

HELP = "cli.validate_help"


def _split(values: list[str] | None) -> tuple[str, ...]:
    from probis_cli.cli.validate_warm import split_codes

    return split_codes(values)


def _closest(word: str, choices: list[str], cutoff: float) -> str | None:
    """The most similar choice (ties: the first in sorted order, so K05 suggests K005)."""
    best: tuple[float, str] | None = None
    for choice in choices:
        score = difflib.SequenceMatcher(None, word, choice).ratio()
        if score >= cutoff and (best is None or score > best[0]):
            best = (score, choice)
    return best[1] if best else None


def check_codes(lang: Lang, option: str, patterns: tuple[str, ...]) -> None:
    """Exit 2 for a ``--select``/``--ignore`` value that stands for no known code (a typo would
    otherwise silently select nothing, or ignore nothing: a false green)."""
    from probis_cli.lint.registry import codes_matching, known_codes

    table = known_codes()
    for pattern in patterns:
        if codes_matching(pattern, table):
            continue
        close = _closest(pattern.upper(), sorted(table), 0.5) or _closest(pattern.lower(), sorted(table.values()), 0.6)
        hint = t(lang, "cli.unknown_code_hint", code=close) if close else ""
        fail(lang, "cli.unknown_code", value=pattern, option=option, hint=hint)


def _write_baseline(loaded: api.Loaded, result: Result, options: api.CheckOptions, lang: Lang) -> None:
    from probis_cli.lint.baseline import prepare_baseline
    from probis_cli.lint.registry import known_codes, matches_any

    names = known_codes()

    def covered(path: str, code: str) -> bool:
        """Whether this run could have reported ``code`` in ``path``."""
        if not loaded.in_scope(path):
            return False
        name = names.get(code, "")
        if options.select and not matches_any(code, name, options.select):
            return False
        if matches_any(code, name, options.ignore):
            return False
        return options.lint or code[:1] in ("Y", "S")

    pemda = loaded.index.pemda
    configured = pemda.model.pengaturan.lint.baseline if pemda is not None else None
    plan = prepare_baseline(
        loaded.root, result.findings, option=options.baseline, configured=configured, covered=covered
    )
    # A baseline path from probis.yaml is the repository's to choose: it stays inside it.
    write_output(lang, plan.path, plan.text, root=loaded.root if options.baseline is None else None)
    console = stderr_console()
    shown = plan.path.resolve()
    if shown.is_relative_to(Path.cwd()):
        shown = shown.relative_to(Path.cwd())
    console.print(t(lang, "cli.baseline_written", path=str(shown), count=plan.count, files=plan.files), markup=False)
    if plan.kept:
        console.print(t(lang, "cli.baseline_kept", count=plan.kept), markup=False)


def _check_arguments(lang: Lang, fmt: str, fail_on: str, output: Path | None) -> Severity:
    """The report format, ``--fail-on`` and ``--output`` must make sense: the threshold."""
    from probis_cli.findings import Severity
    from probis_cli.report import REPORTERS

    if fmt not in REPORTERS:
        fail(lang, "cli.bad_format", value=fmt, formats=", ".join(REPORTERS))
    try:
        threshold = Severity.parse(fail_on)
    except ValueError:
        fail(lang, "cli.bad_severity", value=fail_on)
    if output is not None and output.is_dir():
        fail(lang, "cli.output_is_dir", path=str(output), example=str(output / "laporan.txt"))
    return threshold


def _check_options(
    lang: Lang, select: list[str] | None, ignore: list[str] | None, no_lint: bool, baseline: Path | None, use: bool
) -> api.CheckOptions:
    """What to check: ``--select``/``--ignore`` (each code known, or exit 2), lint, baseline."""
    from probis_cli import api

    selected, ignored = _split(select), _split(ignore)
    check_codes(lang, "--select", selected)
    check_codes(lang, "--ignore", ignored)
    return api.CheckOptions(select=selected, ignore=ignored, lint=not no_lint, baseline=baseline, use_baseline=use)


class _Show(NamedTuple):
    """How the report is shown: ``--format``, ``--output``, ``--color``."""

    fmt: str
    output: Path | None
    color: bool | None


def _print_report(lang: Lang, loaded: api.Loaded, result: Result, show: _Show) -> str:
    """The report in ``show.fmt``, to ``show.output`` or stdout; its text."""
    from probis_cli.report import REPORTERS, ReportContext, platform_prefix, rule_infos

    fmt, output, color = show
    context = ReportContext(
        lang=lang,
        sources=loaded.source_texts(),
        root_name=loaded.root.name,
        tool_version=__version__,
        color=want_color(color) if output is None else False,
        rules=rule_infos(lang),
        path_prefix=platform_prefix(loaded.root),
    )
    text = REPORTERS[fmt](result, context)
    if output is not None:
        write_output(lang, output, text)
    else:
        typer.echo(text, nl=not text.endswith("\n"))
    return text


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""
    from probis_cli.cli.validate_warm import FORMATS

    @app.command("validate", help=t(lang, HELP), no_args_is_help=False)
    def validate(
        paths: Optional[list[Path]] = typer.Argument(
            None, help=t(lang, "cli.arg_paths"), show_default=False, metavar="PATH..."
        ),
        fmt: str = typer.Option(
            "text", "--format", "-f", metavar="FORMAT", help=t(lang, "cli.opt_format", formats=", ".join(FORMATS))
        ),
        output: Optional[Path] = output_option(lang),
        fail_on: str = typer.Option("error", "--fail-on", metavar="TINGKAT", help=t(lang, "cli.opt_fail_on")),
        select: Optional[list[str]] = typer.Option(None, "--select", metavar="KODE", help=t(lang, "cli.opt_select")),
        ignore: Optional[list[str]] = typer.Option(None, "--ignore", metavar="KODE", help=t(lang, "cli.opt_ignore")),
        no_lint: bool = typer.Option(False, "--no-lint", help=t(lang, "cli.opt_no_lint")),
        no_cache: bool = no_cache_option(lang),
        color: Optional[bool] = typer.Option(
            None, "--color/--no-color", help=t(lang, "cli.opt_color"), show_default=False
        ),
        write_baseline: bool = typer.Option(
            False, "--buat-baseline", "--write-baseline", help=t(lang, "cli.opt_write_baseline")
        ),
        baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help=t(lang, "cli.opt_baseline")),
        no_baseline: bool = typer.Option(
            False, "--no-baseline", "--tanpa-baseline", help=t(lang, "cli.opt_no_baseline")
        ),
        lang_opt: LangChoice = lang_option(lang),
        watch: bool = typer.Option(False, "--watch", "-w", help=t(lang, "watch.opt")),
    ) -> None:
        from probis_cli.cli import validate_warm

        warm = validate_warm.answer_or_request(  # nothing read changed since the same run: its report, exit
            paths or [Path(".")], fmt=fmt, fail_on=fail_on, lang=lang, color=want_color(color), select=_split(select),
            ignore=_split(ignore), lint=not no_lint, baseline=baseline, use_baseline=not (no_baseline or write_baseline),
            enabled=output is None and not (write_baseline or no_cache or watch),
        )  # fmt: skip
        threshold = _check_arguments(lang, fmt, fail_on, output)
        # --watch refuses --buat-baseline; writing a baseline must not read the old one.
        options = _check_options(lang, select, ignore, no_lint, baseline, not (no_baseline or write_baseline))
        targets = paths or [Path(".")]
        show = _Show(fmt, output, color)
        if watch:
            from probis_cli.cli.watch import validate_watch

            validate_watch(lang, targets, show, write_baseline=write_baseline, use_cache=not no_cache, options=options)
        _validate(
            lang, targets, options, threshold, show, write_baseline=write_baseline, use_cache=not no_cache, warm=warm
        )


def _validate(
    lang: Lang,
    targets: list[Path],
    options: api.CheckOptions,
    threshold: Severity,
    show: _Show,
    *,
    write_baseline: bool,
    use_cache: bool,
    warm: list[str] | None = None,
) -> None:
    """Load, check, then write the baseline or print the report; exit with the code (and keep the
    report for the next identical run: ``warm``, the request of ``validate_warm``)."""
    from probis_cli import api
    from probis_cli.cli import validate_warm

    try:
        read: api.Prefetched | None = validate_warm.take_read() if use_cache else None  # what the early answer read
        if read is None and use_cache:
            from probis_cli.cli.validate_early import take

            read = take()  # what a cold run started reading and parsing before typer was imported
        # Texts are read again for the lines a report shows: a city's 13 MB are not kept meanwhile.
        loaded = api.load(targets, use_cache=use_cache, incremental=use_cache, read=read, keep_texts=False)
    except FileNotFoundError as exc:
        fail(lang, "cli.path_missing", path=str(exc))
    except api.NoRepository as exc:
        fail_no_repository(lang, exc)
    result = api.check(loaded, options)
    if write_baseline:
        _write_baseline(loaded, result, options, lang)
        raise typer.Exit(EXIT_OK)
    text = _print_report(lang, loaded, result, show)
    if api.has_internal_error(result):
        raise typer.Exit(EXIT_ERROR)  # a rule crashed: the result is incomplete
    code = result.exit_code(threshold)
    validate_warm.remember(loaded, options, warm, text, code)
    raise typer.Exit(code if code else EXIT_OK)
