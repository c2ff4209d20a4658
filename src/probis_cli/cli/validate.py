"""``probis validate``: check every document, reference and lint rule; report; exit code."""

from __future__ import annotations

import difflib
import stat
from pathlib import Path
from typing import Optional

import typer

from probis_cli import __version__, api, fs
from probis_cli.cli import validate_warm
from probis_cli.cli.common import EXIT_ERROR, EXIT_OK, LangChoice, fail, stderr_console, t, want_color
from probis_cli.findings import Result, Severity
from probis_cli.i18n import Lang
from probis_cli.lint.baseline import prepare_baseline
from probis_cli.lint.registry import codes_matching, known_codes, matches_any
from probis_cli.report import REPORTERS, ReportContext, platform_prefix, rule_infos


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


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
    table = known_codes()
    for pattern in patterns:
        if codes_matching(pattern, table):
            continue
        close = _closest(pattern.upper(), sorted(table), 0.5) or _closest(pattern.lower(), sorted(table.values()), 0.6)
        hint = t(lang, "cli.unknown_code_hint", code=close) if close else ""
        fail(lang, "cli.unknown_code", value=pattern, option=option, hint=hint)


def write_report(lang: Lang, output: Path, text: str, *, root: Path | None = None) -> None:
    """Write a report (or baseline) the user asked for; exit 2 with a clear message when it
    cannot be written. ``root`` confines a path that comes from the repository's settings."""
    try:
        if output.is_dir():
            fail(lang, "cli.output_is_dir", path=str(output), example=str(output / "laporan.txt"))
        if output.exists() and not stat.S_ISREG(output.stat().st_mode):
            # /dev/null, /dev/stdout, a pipe: write into it; replacing it would be wrong.
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            return
        fs.write_atomic(output, text, root=root)
    except fs.OutsideError:
        fail(lang, "cli.output_unwritable", path=str(output), detail=t(lang, "cli.outside_repository"))
    except OSError as exc:
        fail(lang, "cli.output_unwritable", path=str(output), detail=exc.strerror or str(exc))


def _write_baseline(loaded: api.Loaded, result: Result, options: api.CheckOptions, lang: Lang) -> None:
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
    write_report(lang, plan.path, plan.text, root=loaded.root if options.baseline is None else None)
    console = stderr_console()
    shown = plan.path.resolve()
    if shown.is_relative_to(Path.cwd()):
        shown = shown.relative_to(Path.cwd())
    console.print(t(lang, "cli.baseline_written", path=str(shown), count=plan.count, files=plan.files), markup=False)
    if plan.kept:
        console.print(t(lang, "cli.baseline_kept", count=plan.kept), markup=False)


def _check_arguments(lang: Lang, fmt: str, fail_on: str, output: Path | None) -> Severity:
    """The report format, ``--fail-on`` and ``--output`` must make sense: the threshold."""
    if fmt not in REPORTERS:
        fail(lang, "cli.bad_format", value=fmt, formats=", ".join(REPORTERS))
    try:
        threshold = Severity.parse(fail_on)
    except ValueError:
        fail(lang, "cli.bad_severity", value=fail_on)
    if output is not None and output.is_dir():
        fail(lang, "cli.output_is_dir", path=str(output), example=str(output / "laporan.txt"))
    return threshold


def _print_report(
    lang: Lang, loaded: api.Loaded, result: Result, fmt: str, output: Path | None, color: bool | None
) -> str:
    """The report in ``fmt``, to ``output`` or stdout; its text."""
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
        write_report(lang, output, text)
    else:
        typer.echo(text, nl=not text.endswith("\n"))
    return text


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("validate", help=t(lang, "cli.validate_help"), no_args_is_help=False)
    def validate(
        paths: Optional[list[Path]] = typer.Argument(
            None, help=t(lang, "cli.arg_paths"), show_default=False, metavar="PATH..."
        ),
        fmt: str = typer.Option(
            "text", "--format", "-f", metavar="FORMAT", help=t(lang, "cli.opt_format", formats=", ".join(REPORTERS))
        ),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help=t(lang, "cli.opt_output")),
        fail_on: str = typer.Option("error", "--fail-on", metavar="TINGKAT", help=t(lang, "cli.opt_fail_on")),
        select: Optional[list[str]] = typer.Option(None, "--select", metavar="KODE", help=t(lang, "cli.opt_select")),
        ignore: Optional[list[str]] = typer.Option(None, "--ignore", metavar="KODE", help=t(lang, "cli.opt_ignore")),
        no_lint: bool = typer.Option(False, "--no-lint", help=t(lang, "cli.opt_no_lint")),
        no_cache: bool = typer.Option(False, "--no-cache", help=t(lang, "cli.opt_no_cache")),
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
        lang_opt: LangChoice = typer.Option(
            LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"
        ),
        watch: bool = typer.Option(False, "--watch", "-w", help=t(lang, "watch.opt")),
    ) -> None:
        threshold = _check_arguments(lang, fmt, fail_on, output)
        selected, ignored = _split(select), _split(ignore)
        check_codes(lang, "--select", selected)
        check_codes(lang, "--ignore", ignored)
        targets = paths or [Path(".")]
        if watch:
            from probis_cli.cli.watch import validate_watch

            validate_watch(
                lang,
                targets,
                fmt=fmt,
                output=output,
                color=color,
                write_baseline=write_baseline,
                use_cache=not no_cache,
                options=api.CheckOptions(
                    select=selected, ignore=ignored, lint=not no_lint, baseline=baseline, use_baseline=not no_baseline
                ),
            )
        warm = validate_warm.answer_or_request(  # nothing read changed since the same run: its report, exit
            targets, fmt=fmt, fail_on=fail_on, lang=lang, color=want_color(color), select=selected, ignore=ignored,
            lint=not no_lint, baseline=baseline, use_baseline=not no_baseline,
            enabled=output is None and not (write_baseline or no_cache),
        )  # fmt: skip
        try:
            loaded = api.load(targets, use_cache=not no_cache, incremental=not no_cache)
        except FileNotFoundError as exc:
            fail(lang, "cli.path_missing", path=str(exc))
        except api.NoRepository as exc:
            fail(lang, "cli.no_repository", path=str(exc.start), marker=exc.marker)
        options = api.CheckOptions(
            select=selected,
            ignore=ignored,
            lint=not no_lint,
            baseline=baseline,
            use_baseline=not (no_baseline or write_baseline),
        )
        result = api.check(loaded, options)
        if write_baseline:
            _write_baseline(loaded, result, options, lang)
            raise typer.Exit(EXIT_OK)
        text = _print_report(lang, loaded, result, fmt, output, color)
        if api.has_internal_error(result):
            raise typer.Exit(EXIT_ERROR)  # a rule crashed: the result is incomplete
        code = result.exit_code(threshold)
        validate_warm.remember(loaded, options, warm, text, code)  # for the next identical run
        raise typer.Exit(code if code else EXIT_OK)
