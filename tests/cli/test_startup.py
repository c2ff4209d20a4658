"""Start-up imports only what the command uses (the import graph, never a timing).

``probis --version`` is answered before typer is imported; ``probis --help`` builds no command
(the list shows each command's name and help); a command imports the library when it runs
or shows its own help. ``benchmarks/startup.py`` measures what this buys.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from probis_cli import __version__
from probis_cli.cli import lazy
from probis_cli.cli.main import COMMANDS, asks_version, run

CLI = Path(__file__).resolve().parents[2] / "src" / "probis_cli" / "cli"
# The library and the heavy dependencies: none is needed to list the commands.
LIBRARY = [
    "pydantic",
    "ruamel",
    "jinja2",
    "graphviz",
    "probis_cli.api",
    "probis_cli.api_render",
    "probis_cli.model",
    "probis_cli.index",
    "probis_cli.lint",
    "probis_cli.report",
    "probis_cli.render",
    "probis_cli.session",
    "probis_cli.site",
    "probis_cli.scaffold",
    "probis_cli.office",
    "probis_cli.diff",
    "probis_cli.laporan",
]


def _imported(args: list[str], cwd: Path) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules ``python -m probis_cli ARGS`` imports (``-X importtime``), and the run."""
    env = {k: v for k, v in os.environ.items() if k not in ("PROBIS_LANG", "PROBIS_DEBUG")}
    env["COLUMNS"] = "100"
    env["XDG_CACHE_HOME"] = str(cwd / ".xdg")  # a help cache of the test's own
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "probis_cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    names = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    return names, done


def _loaded(names: set[str], prefixes: list[str]) -> list[str]:
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in prefixes))


def test_version_imports_neither_typer_nor_the_library(tmp_path: Path) -> None:
    names, done = _imported(["--version"], tmp_path)
    assert done.returncode == 0 and done.stdout == f"probis {__version__}\n"
    assert _loaded(names, ["typer", "click", "rich", "probis_cli.cli.common", *LIBRARY]) == []


def test_help_imports_no_library_module(tmp_path: Path) -> None:
    names, done = _imported(["--help"], tmp_path)
    assert done.returncode == 0 and "validate" in done.stdout and "situs" in done.stdout
    assert "Perintah" in done.stdout and "Opsi" in done.stdout  # typer's words, once it imports them
    assert _loaded(names, LIBRARY) == []


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"], ["--lang", "en", "baru", "sop", "-h"], []])
def test_a_repeated_help_imports_neither_typer_nor_the_library(tmp_path: Path, args: list[str]) -> None:
    first_names, first = _imported(args, tmp_path)
    assert first.returncode in (0, 2) and "probis" in first.stdout
    assert _loaded(first_names, ["typer.rich_utils"]) != []  # typer printed it
    names, done = _imported(args, tmp_path)
    assert (done.returncode, done.stdout) == (first.returncode, first.stdout)
    assert _loaded(names, ["typer", "click", "rich", "markdown_it", "probis_cli.cli.common", *LIBRARY]) == []


def test_help_in_a_repository_that_sets_no_language_reads_no_yaml(tmp_path: Path) -> None:
    (tmp_path / "probis.yaml").write_text("jenis: pemda\nkode: contoh\n", encoding="utf-8")
    names, done = _imported(["--help"], tmp_path)
    assert done.returncode == 0 and "Perintah" in done.stdout
    assert _loaded(names, LIBRARY) == []


def test_help_in_a_repository_in_english(tmp_path: Path) -> None:
    (tmp_path / "probis.yaml").write_text("jenis: pemda\npengaturan:\n  bahasa: en\n", encoding="utf-8")
    _, done = _imported(["--help"], tmp_path)
    assert done.returncode == 0 and "Commands" in done.stdout


def test_a_command_imports_what_it_uses_and_not_the_others(tmp_path: Path) -> None:
    names, done = _imported(["validate", "--help"], tmp_path)
    assert done.returncode == 0
    assert "sarif" in done.stdout  # --format lists the reporters, without importing them
    others = ["probis_cli.render", "probis_cli.site", "probis_cli.office", "probis_cli.scaffold", "probis_cli.diff"]
    assert _loaded(names, [*others, "probis_cli.report", "probis_cli.api_render", "jinja2"]) == []


def test_validate_with_nothing_changed_answers_before_typer_and_the_library(tmp_path: Path) -> None:
    (tmp_path / "probis.yaml").write_text("jenis: pemda\nkode: contoh\n", encoding="utf-8")
    first_names, first = _imported(["validate", "--format", "json"], tmp_path)
    assert first.returncode == 1 and _loaded(first_names, ["probis_cli.report"]) != []  # S003 and friends
    names, done = _imported(["validate", "--format", "json"], tmp_path)
    assert (done.returncode, done.stdout) == (first.returncode, first.stdout)
    assert _loaded(names, ["typer", "click", "rich", "probis_cli.cli.common", *LIBRARY]) == []


def test_a_normal_run_does_not_import_typers_help_formatter(tmp_path: Path) -> None:
    names, done = _imported(["rules", "--format", "json"], tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("{")
    assert _loaded(names, ["typer.rich_utils", "markdown_it"]) == []


def test_command_modules_import_no_library_at_import_time() -> None:
    modules = sorted(f"probis_cli.cli.{p.stem}" for p in CLI.glob("*.py") if p.stem != "__init__")
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert _loaded(set(done.stdout.split()), LIBRARY) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_command_is_the_one_its_help_announces(lang: str) -> None:
    for name, module in COMMANDS.items():
        built = lazy.build(module, name, lang)  # type: ignore[arg-type]
        stand_in = lazy.summary(module, name, lang)  # type: ignore[arg-type]
        assert built.name == name
        assert (built.help, built.short_help, built.hidden, built.deprecated) == (
            stand_in.help,
            stand_in.short_help,
            stand_in.hidden,
            stand_in.deprecated,
        )


def test_every_command_module_is_registered() -> None:
    helpers = {"common", "lazy", "localise", "main", "options", "watch", "validate_warm", "help_cache", "language"}
    modules = {p.stem for p in CLI.glob("*.py")} - {"__init__"} - helpers
    assert modules == set(COMMANDS.values())


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--version"], True),
        (["-V"], True),
        (["--lang", "en", "--version"], True),
        (["--version", "--lang=id"], True),
        ([], False),
        (["--help"], False),
        (["validate", "--version"], False),
        (["--version", "--bogus"], False),
        (["--lang", "--version"], False),
        (["--lang", "xx", "--version"], False),
    ],
)
def test_version_fast_path_only_for_what_click_would_answer_the_same(args: list[str], expected: bool) -> None:
    assert asks_version(args) is expected


def test_version_fast_path_prints_what_click_prints(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(["--lang", "en", "--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == f"probis {__version__}\n"
    with pytest.raises(SystemExit) as exit_:
        run(["--version", "--lang", "xx"])  # not the fast path: click answers, the same way
    assert exit_.value.code == 0 and capsys.readouterr().out == f"probis {__version__}\n"


def test_no_function_in_the_cli_is_over_50_lines() -> None:
    """The CLI parses, calls the library and prints: each function short enough to read at once."""
    long = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 50:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({length} lines)")
    assert long == []
