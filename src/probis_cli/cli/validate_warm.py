"""The warm path of ``probis validate``: answer from the last identical run (see :mod:`probis_cli.warm`).

Kept apart from ``cli/validate.py`` so that answering "nothing changed" imports only this,
:mod:`probis_cli.warm` and what they need: no YAML parser, models, rules or reporters.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from probis_cli import __version__, fs
from probis_cli.i18n import ENV_VAR, Lang, resolve_lang
from probis_cli.source.discover import MARKER, find_root
from probis_cli.warm import Answer, Read, lookup

if TYPE_CHECKING:
    from probis_cli import api

# The names of the report formats (``--format``), in the order of ``probis_cli.report.REPORTERS``
# (a test keeps them equal): the command line lists them without importing the reporters, which
# import every rule and the models — the warm answer must come before any of that.
_early_missed: list[str] | None = None  # the request the early answer found no report for
_early_read: Read | None = None  # and what it read

FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")


def split_codes(values: list[str] | None) -> tuple[str, ...]:
    """The codes of ``--select``/``--ignore`` values (each may hold several, comma-separated)."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


# The options of ``probis validate`` the early answer understands (anything else, --help,
# --output, --watch, --no-cache, --buat-baseline, a short option glued to its value..., goes
# through typer): option -> (field, takes a value).
_VALUED = {"--format": "fmt", "-f": "fmt", "--fail-on": "fail_on", "--select": "select", "--ignore": "ignore",
           "--baseline": "baseline", "--lang": "lang"}  # fmt: skip
_FLAGS = {"--no-lint": ("lint", False), "--color": ("color", True), "--no-color": ("color", False),
          "--no-baseline": ("use_baseline", False), "--tanpa-baseline": ("use_baseline", False)}  # fmt: skip


def parse_simple(args: list[str]) -> dict[str, Any] | None:
    """The options of ``probis validate ARGS`` when they are only the plain ones above (what
    click would make of them); None for anything else."""
    got: dict[str, Any] = {"paths": [], "fmt": "text", "fail_on": "error", "select": [], "ignore": [],
                           "baseline": None, "lang": None, "lint": True, "color": None, "use_baseline": True}  # fmt: skip
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _VALUED:
            if not eq:
                if not rest or rest[0].startswith("-") or not rest[0]:
                    return None
                value = rest.pop(0)
            field = _VALUED[name]
            if field in ("select", "ignore"):
                got[field].append(value)
            else:
                got[field] = value
        elif arg in _FLAGS:
            field, flag = _FLAGS[arg]
            got[field] = flag
        elif arg and not arg.startswith("-"):
            got["paths"].append(Path(arg))
        else:
            return None
    if got["lang"] is not None and got["lang"] not in ("id", "en"):
        return None
    return got


def early_lang(args: list[str], lang: str | None) -> Lang | None:
    """The language ``lang_from_argv`` would choose, when that needs no YAML read (None: it may)."""
    env = os.environ.get(ENV_VAR)
    if env and env not in ("id", "en"):
        return None  # typer refuses it (a choice): let it say so
    if lang is not None or env:
        return resolve_lang(lang)
    start = next((p for p in (Path(a) for a in args[1:] if a and not a.startswith("-")) if p.exists()), Path("."))
    try:
        root = find_root(start) if start.exists() else None
        if root is None:
            return resolve_lang(None)
        data = fs.read_limited(root / MARKER, 4 * 1024 * 1024)
    except OSError:
        return None
    if b"bahasa" in data or b"\\" in data or b"\x00" in data:
        return None  # the repository may choose the language: read by the typer path
    return resolve_lang(None)


def early_answer(args: list[str]) -> Answer | None:
    """The report of ``probis ARGS`` (``validate`` with plain options) when nothing it read
    changed since the same run: answered before typer, the models, rules or reporters are
    imported. None: run the command as usual (which may still answer from the cache)."""
    if args[:1] != ["validate"]:
        return None
    got = parse_simple(args[1:])
    if got is None:
        return None
    lang = early_lang(args, got["lang"])
    if lang is None:
        return None
    color = got["color"] if got["color"] is not None else (not os.environ.get("NO_COLOR") and sys.stdout.isatty())
    targets = got["paths"] or [Path(".")]
    parts = request(
        targets=targets, fmt=got["fmt"], fail_on=got["fail_on"], lang=lang, color=bool(color),
        select=split_codes(got["select"]), ignore=split_codes(got["ignore"]), lint=got["lint"],
        baseline=Path(got["baseline"]) if got["baseline"] is not None else None, use_baseline=got["use_baseline"],
    )  # fmt: skip
    global _early_missed, _early_read  # noqa: PLW0603 - one process, one command: handed to the command
    read: list[Read] = []
    found = answer(targets, parts, read)
    _early_missed = parts if found is None else None
    _early_read = read[-1] if found is None and read else None
    if found is not None and "\x1b" in found.text and not sys.stdout.isatty():
        return None  # click.echo would strip the colours: let it
    if found is None and parts is not None and read and not (color and not sys.stdout.isatty()):
        found = early_check(got, lang, bool(color), targets, parts)
    return found


def early_check(got: dict[str, Any], lang: Lang, color: bool, targets: list[Path], parts: list[str]) -> Answer | None:
    """The check ``probis validate`` runs, before typer is imported (its command line parsed
    and its application built: tens of milliseconds of a warm run): the same load, check,
    report, exit code and remembered report as :func:`probis_cli.cli.validate._validate`.
    None when anything would need the command's own handling (an unknown code or format, a
    bad ``--fail-on``, a missing path or repository, an internal error): it runs as usual."""
    from probis_cli import api
    from probis_cli.findings import Severity
    from probis_cli.lint.registry import codes_matching, known_codes

    select, ignore = split_codes(got["select"]), split_codes(got["ignore"])
    table = known_codes()
    try:
        threshold = Severity.parse(got["fail_on"])
    except ValueError:
        return None
    if got["fmt"] not in FORMATS or not all(codes_matching(c, table) for c in (*select, *ignore)):
        return None
    baseline = Path(got["baseline"]) if got["baseline"] is not None else None
    options = api.CheckOptions(select, ignore, got["lint"], baseline, got["use_baseline"])
    try:
        loaded = api.load(targets, use_cache=True, incremental=True, read=take_read())
        result = api.check(loaded, options)
        text = _report(got["fmt"], lang, color, loaded, result)
    except KeyboardInterrupt:
        from probis_cli.i18n import translate

        sys.stderr.write(translate("cli.interrupted", lang) + "\n")
        raise SystemExit(130) from None
    except Exception:  # noqa: BLE001 - the command says what went wrong, as it always does
        return None
    if api.has_internal_error(result):
        return Answer(text, 2)  # a rule crashed: the result is incomplete (not remembered)
    code = result.exit_code(threshold)
    remember(loaded, options, parts, text, code)
    return Answer(text, code)


def _report(fmt: str, lang: Lang, color: bool, loaded: api.Loaded, result: Any) -> str:
    """The report of ``result`` in ``fmt`` (what ``cli.validate._print_report`` makes)."""
    from probis_cli.report import REPORTERS, ReportContext, platform_prefix, rule_infos

    context = ReportContext(
        lang=lang, sources=loaded.source_texts(), root_name=loaded.root.name, tool_version=__version__, color=color,
        rules=rule_infos(lang) if fmt == "sarif" else {}, path_prefix=platform_prefix(loaded.root),
    )  # fmt: skip
    return REPORTERS[fmt](result, context)


def request(
    *,
    targets: list[Path],
    fmt: str,
    fail_on: str,
    lang: str,
    color: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lint: bool,
    baseline: Path | None,
    use_baseline: bool,
) -> list[str] | None:
    """What the report depends on besides the files, as text; None when a target is missing
    (the cold path says so)."""
    if not all(t.exists() for t in targets):
        return None
    return [
        __version__,
        fmt,
        fail_on,
        lang,
        str(color),
        ",".join(select),
        ",".join(ignore),
        str(lint),
        str(baseline.resolve()) if baseline is not None else "",
        str(use_baseline),
        *(str(t.resolve()) for t in targets),
    ]


def answer(targets: list[Path], parts: list[str] | None, read: list[Read] | None = None) -> Answer | None:
    """The last report for this request when nothing it read changed."""
    return lookup(targets[0], parts, read) if parts is not None else None


def take_read() -> Read | None:
    """What the early answer read before it missed (once): the check starts from it."""
    global _early_read  # noqa: PLW0603
    found, _early_read = _early_read, None
    return found


def answer_or_request(
    targets: list[Path],
    *,
    fmt: str,
    fail_on: str,
    lang: str,
    color: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lint: bool,
    baseline: Path | None,
    use_baseline: bool,
    enabled: bool,
) -> list[str] | None:
    """Print the last report and exit with its code when nothing it read changed; otherwise
    the request to :func:`remember` after the real check (None: nothing to remember)."""
    if not enabled:
        return None
    parts = request(
        targets=targets, fmt=fmt, fail_on=fail_on, lang=lang, color=color, select=select, ignore=ignore,
        lint=lint, baseline=baseline, use_baseline=use_baseline,
    )  # fmt: skip
    global _early_missed  # noqa: PLW0603
    asked, _early_missed = parts == _early_missed, None
    found = answer(targets, parts) if not asked else None  # the early answer looked already
    if found is not None:
        import typer

        typer.echo(found.text, nl=not found.text.endswith("\n"))
        raise typer.Exit(found.exit_code)
    return parts


def baseline_read(loaded: api.Loaded, options: api.CheckOptions) -> Path | None:
    """The baseline file a check read (or would have read), None when it used none."""
    if not options.use_baseline:
        return None
    from probis_cli.lint.baseline import baseline_path

    pemda = loaded.index.pemda
    configured = pemda.model.pengaturan.lint.baseline if pemda is not None else None
    return baseline_path(loaded.root, option=options.baseline, configured=configured)


def remember(loaded: api.Loaded, options: api.CheckOptions, parts: list[str] | None, text: str, exit_code: int) -> None:
    """Keep ``text`` and ``exit_code`` for the next identical run over the repository (the
    request ``parts`` of :func:`answer_or_request`; None: nothing to keep)."""
    if parts is None:
        return
    from probis_cli import warm

    root = loaded.root
    baseline = baseline_read(loaded, options)
    if loaded.discovery is None:
        return
    exclude, problems = loaded.discovery
    # What the check read (its digests), not the files as they are now: a file changed meanwhile
    # must not get this report.
    files = [(s.path, s.digest) for s in loaded.sources]
    inputs = warm.inputs_of(root, parts, exclude, [baseline] if baseline is not None else [], (problems, files))
    if inputs is not None:
        statuses = warm.statuses_of([(s.abspath, s.digest) for s in loaded.sources])
        warm.store(root, inputs, Answer(text, exit_code), statuses)
