"""How long ``probis`` takes to start: ``--version`` and ``--help`` against the Python floor.

    python benchmarks/startup.py            # best of 15 runs per row
    python benchmarks/startup.py -n 30
    python benchmarks/startup.py --src /tmp/old/src   # another checkout, as python -m probis_cli

Each row runs a fresh process from an empty temporary folder (no repository, so no
``pengaturan.bahasa`` lookup) and reports the best wall time and the best CPU time (user +
system of the child) of N runs, the ratio of the wall time (and of the CPU time) to ``python -c pass``
measured in the same run, and how many modules the process imports (``python -X importtime``). ``import
typer.rich_utils`` is what typer itself imports to print any help (rich, markdown-it): the
floor under a help that typer prints.

A help is printed by typer the first time and answered from the signed help cache
(``probis_cli.cli.help_cache``) after that: each ``--help`` row is measured both ways, "first"
with the cache folder emptied before every run (as after an install or upgrade), "repeated"
with the entry the warm-up run kept. The cache lives in a temporary ``XDG_CACHE_HOME``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable
PROBIS = str(Path(PYTHON).parent / "probis")


Row = tuple[str, list[str], list[str], bool]  # label, command, the same traced, empty the help cache first


def rows(src: str | None) -> list[Row]:
    """(label, command, the same with ``python -X importtime``, whether each run starts without
    a help cache) for each row."""
    script = [PROBIS] if Path(PROBIS).exists() and src is None else [PYTHON, "-m", "probis_cli"]
    module = [PYTHON, "-X", "importtime", "-m", "probis_cli"]
    table: list[Row] = [
        ("python -c pass", [PYTHON, "-c", "pass"], [PYTHON, "-X", "importtime", "-c", "pass"], False),
        ("import typer", [PYTHON, "-c", "import typer"], [PYTHON, "-X", "importtime", "-c", "import typer"], False),
    ]
    # What typer needs to print any rich --help at all (rich, markdown-it): the floor for a help typer prints.
    rich_help = "import typer, typer.rich_utils"
    table.append(
        ("import typer.rich_utils", [PYTHON, "-c", rich_help], [PYTHON, "-X", "importtime", "-c", rich_help], False)
    )
    table.append(("probis --version", [*script, "--version"], [*module, "--version"], False))
    for args in (["--help"], ["validate", "--help"], ["render", "--help"]):
        for first in (True, False):
            label = f"probis {' '.join(args)} ({'first' if first else 'repeated'})"
            table.append((label, [*script, *args], [*module, *args], first))
    return table


def measure(
    command: list[str], runs: int, cwd: str, env: dict[str, str], before: Callable[[], None] = lambda: None
) -> tuple[float, float]:
    """Best wall time and best child CPU time (s) of ``runs`` runs (``before`` is called ahead of each)."""
    walls, cpus = [], []
    for _ in range(runs):
        before()
        before_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before_usage.ru_utime) + (after.ru_stime - before_usage.ru_stime))
    return min(walls), min(cpus)


def modules(command: list[str], cwd: str, env: dict[str, str]) -> int:
    """Modules imported by the process (one ``import time:`` line each, minus the header)."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    return sum(1 for line in done.stderr.splitlines() if line.startswith("import time:")) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=15, help="runs per row (best is kept)")
    parser.add_argument("--src", help="measure the probis_cli package in this folder (e.g. an older checkout's src)")
    args = parser.parse_args()
    # Bytecode cached as an installed package has it (PYTHONDONTWRITEBYTECODE would compile
    # every module of src/ on every run); each command runs once first to write it.
    drop = ("PROBIS_LANG", "PROBIS_DEBUG", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["COLUMNS"] = "100"
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; best of {args.runs} runs")
    print(f"{'command':34} {'wall ms':>8} {'cpu ms':>8} {'× python':>9} {'cpu ×':>6} {'modules':>8}")
    floor = cpu_floor = None
    with tempfile.TemporaryDirectory(prefix="probis-startup-") as cwd:
        env["XDG_CACHE_HOME"] = str(Path(cwd) / "cache")  # the help cache (and the machine key) of this run only
        help_folder = Path(cwd) / "cache" / "probis" / "help"

        def empty_help_cache() -> None:
            shutil.rmtree(help_folder, ignore_errors=True)

        work = Path(cwd) / "work"
        work.mkdir()
        for label, command, traced, first in rows(args.src):
            before = empty_help_cache if first else (lambda: None)
            measure(command, 1, str(work), env)
            wall, cpu = measure(command, args.runs, str(work), env, before)
            floor, cpu_floor = floor or wall, cpu_floor or cpu
            before()
            count = modules(traced, str(work), env)
            ratio = f"{cpu / cpu_floor:6.1f}" if cpu_floor else f"{'-':>6}"
            print(f"{label:34} {wall * 1000:8.1f} {cpu * 1000:8.1f} {wall / floor:9.1f} {ratio} {count:8d}")


if __name__ == "__main__":
    main()
