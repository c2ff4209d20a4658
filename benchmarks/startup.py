"""How long ``probis`` takes to start: ``--version`` and ``--help`` against the Python floor.

    python benchmarks/startup.py            # best of 15 runs per row
    python benchmarks/startup.py -n 30
    python benchmarks/startup.py --src /tmp/old/src   # another checkout, as python -m probis_cli

Each row runs a fresh process from an empty temporary folder (no repository, so no
``pengaturan.bahasa`` lookup) and reports the best wall time and the best CPU time (user +
system of the child) of N runs, the ratio of the wall time to ``python -c pass`` measured in
the same run, and how many modules the process imports (``python -X importtime``). ``import
typer.rich_utils`` is what typer itself imports to print any help (rich, markdown-it): the
floor under ``--help``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
PROBIS = str(Path(PYTHON).parent / "probis")


def rows(src: str | None) -> list[tuple[str, list[str], list[str]]]:
    """(label, command, the same with ``python -X importtime``) for each row."""
    script = [PROBIS] if Path(PROBIS).exists() and src is None else [PYTHON, "-m", "probis_cli"]
    module = [PYTHON, "-X", "importtime", "-m", "probis_cli"]
    table = [
        ("python -c pass", [PYTHON, "-c", "pass"], [PYTHON, "-X", "importtime", "-c", "pass"]),
        ("import typer", [PYTHON, "-c", "import typer"], [PYTHON, "-X", "importtime", "-c", "import typer"]),
    ]
    # What typer needs to print any rich --help at all (rich, markdown-it): the floor for --help.
    rich_help = "import typer, typer.rich_utils"
    table.append(("import typer.rich_utils", [PYTHON, "-c", rich_help], [PYTHON, "-X", "importtime", "-c", rich_help]))
    for args in (["--version"], ["--help"], ["validate", "--help"], ["render", "--help"]):
        table.append((f"probis {' '.join(args)}", [*script, *args], [*module, *args]))
    return table


def measure(command: list[str], runs: int, cwd: str, env: dict[str, str]) -> tuple[float, float]:
    """Best wall time and best child CPU time (s) of ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
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
    print(f"{'command':26} {'wall ms':>8} {'cpu ms':>8} {'× python':>9} {'modules':>8}")
    floor = None
    with tempfile.TemporaryDirectory(prefix="probis-startup-") as cwd:
        for label, command, traced in rows(args.src):
            measure(command, 1, cwd, env)
            wall, cpu = measure(command, args.runs, cwd, env)
            floor = floor or wall
            count = modules(traced, cwd, env)
            print(f"{label:26} {wall * 1000:8.1f} {cpu * 1000:8.1f} {wall / floor:9.1f} {count:8d}")


if __name__ == "__main__":
    main()
