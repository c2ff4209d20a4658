"""``probis validate --watch``: check again on every change, clear the screen, print the report.

The repository stays in memory (:class:`~probis_cli.session.Session`): a change re-reads only
the files that changed before the index and the rules run again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from probis_cli.i18n import Lang, translate

if TYPE_CHECKING:
    from probis_cli import api
    from probis_cli.findings import Result
    from probis_cli.session import Session

CLEAR = "\x1b[2J\x1b[H"
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".probis-cache", "node_modules", "__pycache__", ".venv", "venv"})
WATCHED_SUFFIXES = (".yaml", ".yml")


def scope_of(root: Path, targets: list[Path]) -> list[str]:
    """The relative paths asked for ('' = the whole repository), as ``api.load`` computes them."""
    out: list[str] = []
    for target in targets:
        resolved = target.resolve()
        if resolved == root or not resolved.is_relative_to(root):
            out.append("")
        else:
            out.append(resolved.relative_to(root).as_posix())
    return out


def wanted(_change: Any, path: str) -> bool:
    """Changes that can change the findings: YAML files and .gitignore, outside tool folders."""
    p = Path(path)
    if any(part in SKIPPED_DIRS for part in p.parts):
        return False
    return p.name == ".gitignore" or p.name.endswith(WATCHED_SUFFIXES)


def _session(targets: list[Path], options: api.CheckOptions, use_cache: bool) -> tuple[Path, Session]:
    """The repository of ``targets`` read into a session, checking only ``targets``."""
    from probis_cli import api
    from probis_cli.session import Session

    for target in targets:
        if not target.exists():
            raise FileNotFoundError(str(target))
    root = api.find_repository(targets[0])
    session = Session(root, options=options, use_cache=use_cache, scope=scope_of(root, targets))
    session.rescan(full=True)
    return root, session


def run_watch(
    lang: Lang,
    targets: list[Path],
    options: api.CheckOptions,
    report: Callable[[Result, api.Loaded], str],
    emit: Callable[[str], None],
    *,
    use_cache: bool = True,
    clear: bool = True,
    stop: threading.Event | None = None,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Print the report, then again after every change, until Ctrl-C (or ``stop`` is set).

    ``emit`` writes text to the terminal; ``report`` formats a result. Raises
    :class:`api.NoRepository` and FileNotFoundError like ``api.load``.
    """
    from watchfiles import watch

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its own Ctrl-C note; we say it ourselves
    root, session = _session(targets, options, use_cache)

    def show() -> None:
        snapshot = session.check()
        header = translate("watch.started", lang, root=str(root), time=time.strftime("%H:%M:%S"))
        emit((CLEAR if clear else "") + header + "\n\n" + report(snapshot.result, snapshot.loaded))

    show()
    ready = False
    try:
        for changes in watch(
            root,
            watch_filter=wanted,
            stop_event=stop,
            debounce=50,
            step=20,
            rust_timeout=300,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            if not ready:
                ready = True
                if on_ready is not None:
                    on_ready()
            if changes and session.files_changed(Path(p) for _, p in changes):
                show()
    except KeyboardInterrupt:
        pass
    emit(translate("watch.stopped", lang) + "\n")


def validate_watch(
    lang: Lang,
    targets: list[Path],
    show: tuple[str, Path | None, bool | None],
    *,
    write_baseline: bool,
    use_cache: bool,
    options: api.CheckOptions,
) -> NoReturn:
    """``probis validate --watch``: the loop in the terminal; exits 0 on Ctrl-C."""
    import typer

    from probis_cli import __version__
    from probis_cli.cli.common import EXIT_OK, fail, want_color
    from probis_cli.cli.lsp import require
    from probis_cli.report import REPORTERS, ReportContext, rule_infos

    fmt, output, color = show  # validate's --format, --output, --color
    if output is not None:
        fail(lang, "watch.conflict", option="--output")
    if write_baseline:
        fail(lang, "watch.conflict", option="--buat-baseline")
    require(lang, "watchfiles")
    infos = rule_infos(lang)

    def report(result: Result, loaded: api.Loaded) -> str:
        context = ReportContext(
            lang=lang,
            sources=loaded.source_texts(),
            root_name=loaded.root.name,
            tool_version=__version__,
            color=want_color(color),
            rules=infos,
        )
        return REPORTERS[fmt](result, context)

    def emit(text: str) -> None:
        typer.echo(text, nl=not text.endswith("\n"))

    try:
        run_watch(lang, targets, options, report, emit, use_cache=use_cache)
    except FileNotFoundError as exc:
        fail(lang, "cli.path_missing", path=str(exc))
    raise typer.Exit(EXIT_OK)
