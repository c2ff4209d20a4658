"""``--help`` answered from a signed cache of typer's own output, before typer is imported.

Printing any help costs ~0.1 s, nearly all of it importing typer and its rich help printer
(rich, markdown-it); probis's own part is ~1 ms. So the first ``probis ... --help`` is printed
by typer as always, its output recorded (a tee on stdout) and kept in the user's cache folder
(``~/.cache/probis/help/``, beside the other per-machine records, outside every repository),
signed with the machine's key (:func:`probis_cli.fs.sign`). The next identical request prints
those bytes and exits without importing typer, click or rich.

An entry is found by a key made of everything the printed bytes depend on (:func:`key`): the
arguments, the language as :func:`~probis_cli.cli.language.lang_from_argv` decides it (the
``probis.yaml`` it would read, when it may set one), the environment variables that typer,
click and rich read (width, colour, terminal), whether stdout is a terminal, its encoding and
the terminal's size, probis's code (:func:`~probis_cli.code_digest.code_digest`) and typer's
and rich's files: an upgrade, a resize or ``NO_COLOR`` prints afresh. Only a clean help is
kept: exactly one help printed, nothing before it, nothing on stderr. An entry that is
damaged, forged or written for another key is ignored (typer prints, silently).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any, Final, TextIO

from probis_cli import __version__, fs

FORMAT: Final = 1  # bump when the key or the entry changes
FOLDER: Final = "help"
ENTRY_LIMIT: Final = 1024 * 1024
KEEP: Final = 256  # entries kept; the oldest go first
HELP_FLAGS: Final = frozenset({"-h", "--help"})
# What typer (rich_utils, core, main), its vendored click, rich (Console, its unicode tables)
# and gettext read from the environment; and every variable naming probis (PROBIS_LANG,
# PROBIS_GRAPHVIZ, the completion switch _PROBIS_COMPLETE) or typer (_TYPER_*).
# tests/cli/test_help_cache.py keeps this list in step with the libraries' sources.
ENV_NAMES: Final = (
    "COLUMNS", "LINES", "TERMINAL_WIDTH", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "PY_COLORS",
    "GITHUB_ACTIONS", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES",
    "DATABRICKS_RUNTIME_VERSION", "TYPER_USE_RICH", "TYPER_STANDARD_TRACEBACK", "LANGUAGE", "LC_ALL",
    "LC_MESSAGES", "LANG", "PYTHONIOENCODING", "PYTHONUTF8", "UNICODE_VERSION",
)  # fmt: skip
ENV_MARKS: Final = ("PROBIS", "_TYPER")
# Files whose stat (path, size, modification time) stands for the version of what prints help.
LIBRARY_FILES: Final = (
    ("typer", ("__init__.py", "core.py", "main.py", "rich_utils.py", "_click/core.py", "_click/formatting.py")),
    ("rich", ("__init__.py", "console.py", "table.py", "panel.py", "text.py")),
)


def asks_help(args: list[str]) -> bool:
    """Whether ``args`` may print a help text (a help flag, or no arguments at all)."""
    return not args or any(arg in HELP_FLAGS for arg in args)


def _environment() -> list[tuple[str, str]]:
    env = os.environ
    return sorted((k, v) for k, v in env.items() if k in ENV_NAMES or any(mark in k for mark in ENV_MARKS))


def _terminal() -> tuple[object, ...]:
    """What rich and click see of the output: a terminal or not, the encoding, the size (the
    first standard stream that has one, as rich asks)."""
    out = sys.stdout
    size = None
    for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__):
        try:
            size = tuple(os.get_terminal_size(stream.fileno())) if stream is not None else None
        except (AttributeError, ValueError, OSError):
            continue
        if size is not None:
            break
    return (out.isatty(), getattr(out, "encoding", None), getattr(out, "errors", None), size, sys.platform)


def _libraries() -> list[tuple[str, int, int]]:
    from importlib.machinery import PathFinder

    found = []
    for package, files in LIBRARY_FILES:
        spec = PathFinder.find_spec(package)
        if spec is None or spec.origin is None:
            raise ValueError(package)
        folder = Path(spec.origin).parent
        for name in files:
            try:
                st = os.stat(folder / name)
            except FileNotFoundError:  # not in this version (typer before it vendored click)
                found.append((str(folder / name), -1, -1))
                continue
            found.append((str(folder / name), st.st_size, st.st_mtime_ns))
    return found


def key(args: list[str]) -> str | None:
    """The key of the help ``probis ARGS`` prints here and now; None when it cannot be told."""
    from probis_cli.cli.language import language_key
    from probis_cli.code_digest import code_digest

    try:
        parts = (
            FORMAT,
            __version__,
            args,
            language_key(args),
            _environment(),
            _terminal(),
            code_digest(),
            _libraries(),
        )
        text = repr(parts)
    except Exception:  # noqa: BLE001 - whatever goes wrong, typer answers as if there were no cache
        return None
    return hashlib.blake2b(text.encode("utf-8", "backslashreplace"), digest_size=20).hexdigest()


def folder() -> Path:
    """Where the entries are kept."""
    return fs.machine_cache_folder() / FOLDER


def lookup(entry_key: str) -> tuple[int, str] | None:
    """The exit code and text kept for ``entry_key``, if a valid entry holds them."""
    try:
        data = fs.verified(fs.read_limited(folder() / f"{entry_key}.txt", ENTRY_LIMIT))
        if data is None:
            return None
        head, _, body = data.partition(b"\n")
        name, code = head.decode("ascii").split(" ")
        if name != entry_key or code not in ("0", "2"):
            return None
        return int(code), body.decode("utf-8")
    except Exception:  # noqa: BLE001 - missing, unreadable, damaged, no home folder: typer answers
        return None


def store(entry_key: str, exit_code: int, text: str) -> None:
    """Keep ``text`` for ``entry_key`` (and forget the oldest entries beyond :data:`KEEP`)."""
    try:
        where = folder()
        data = f"{entry_key} {exit_code}\n".encode("ascii") + text.encode("utf-8")
        where.mkdir(parents=True, exist_ok=True)
        fs.write_atomic(where / f"{entry_key}.txt", fs.signed(data), root=where)
        _prune(where)
    except Exception:  # noqa: BLE001 - not kept (no home folder, disk full...): typer answers next time too
        pass


def _prune(where: Path) -> None:
    entries = [e for e in os.scandir(where) if e.name.endswith(".txt") and e.is_file(follow_symlinks=False)]
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns)
    for entry in entries[: len(entries) - KEEP]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass


class _Tee:
    """A text stream that writes through to ``stream`` and keeps what was written."""

    def __init__(self, stream: TextIO, record: Recording) -> None:
        self._stream = stream
        self._record = record

    def write(self, text: Any) -> int:
        written: int = self._stream.write(text)
        record = self._record
        if isinstance(text, str) and record.clean:
            record.parts.append(text)
            record.size += len(text)
        if not isinstance(text, str) or record.size > ENTRY_LIMIT:  # not a help (a report, say): stop keeping it
            record.clean = False
            record.parts.clear()
        return written

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        if name in ("buffer", "detach"):  # written around the tee: not a faithful record
            self._record.clean = False
        return getattr(self._stream, name)


class _Witness:
    """Notes on stderr that something was written there (a help with a warning is not kept)."""

    def __init__(self, stream: TextIO, record: Recording) -> None:
        self._stream = stream
        self._record = record

    def write(self, text: Any) -> int:
        if text:
            self._record.clean = False
        written: int = self._stream.write(text)
        return written

    def __getattr__(self, name: str) -> Any:
        if name in ("buffer", "detach", "writelines"):
            self._record.clean = False
        return getattr(self._stream, name)


class Recording:
    """What one run prints on stdout, and whether it was exactly one help text: a context
    within which stdout is recorded and each help typer prints is counted."""

    def __init__(self, entry_key: str) -> None:
        self.key = entry_key
        self.parts: list[str] = []
        self.size = 0
        self.helps = 0
        self.clean = True
        self._saved: tuple[Any, Any, Any] | None = None

    def __enter__(self) -> Recording:
        try:
            from typer import rich_utils
        except ImportError:  # typer without rich: nothing recorded
            self.clean = False
            return self
        printer = rich_utils.rich_format_help

        def counted(*args: Any, **kwargs: Any) -> None:
            if any(self.parts):  # something came before the help
                self.clean = False
            self.helps += 1
            printer(*args, **kwargs)

        self._saved = (sys.stdout, sys.stderr, printer)
        sys.stdout, sys.stderr = _Tee(sys.stdout, self), _Witness(sys.stderr, self)
        rich_utils.rich_format_help = counted
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._saved is not None:
            from typer import rich_utils

            sys.stdout, sys.stderr, rich_utils.rich_format_help = self._saved
            self._saved = None

    def keep(self, exit_code: object) -> None:
        """Store the output when it was one clean help (exit 0, or 2 for a bare ``probis``)."""
        code = 0 if exit_code is None else exit_code
        if self.clean and self.helps == 1 and code in (0, 2) and any(self.parts) and isinstance(code, int):
            store(self.key, code, "".join(self.parts))
