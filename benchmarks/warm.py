"""The warm ``probis validate`` path, end to end and without start-up; a table with ratios.

    python benchmarks/warm.py                       # generates a city repository in a temp dir
    python benchmarks/warm.py --repo /tmp/city --repeat 5

Every figure is the best of ``--repeat`` runs, each in a fresh process. Two columns:

* end to end: the whole ``probis validate`` process, as a user or CI pays it (start-up included),
  wall and CPU (user + system, of the process);
* in process: the same run without start-up — in a process that already imported
  ``probis_cli.cli.main``, ran ``probis validate --help`` once (the command built) and imported
  what checking uses (api, reporters, rules), the time of ``probis validate`` to the report
  printed: the checking path itself.

Rows: the floor (``python -c pass``, and ``probis --version``: start-up alone), then

* cold — no cache at all (``.probis-cache`` removed);
* one SOP changed, parse cache only — how warm runs worked before incremental checking
  (the saved report, rule state and documents removed before each run): every rule runs again;
* one SOP changed — incremental: unchanged files' validated documents, reference checks and
  rule hits reused;
* nothing changed — answered from the last identical run (files re-read and hashed, no YAML
  parsed, no models or rules imported).

Ratios are against the floor measured in the same run (``python -c pass``).
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

IN_PROCESS = """
import sys, time
from probis_cli.cli import main
try:
    main.run([sys.argv[1], "--help"])  # start-up: imports, building the command line application
except SystemExit:
    pass
import probis_cli.api, probis_cli.report, probis_cli.lint.engine  # what the command imports when it checks
started, cpu = time.perf_counter(), time.process_time()
try:
    main.run(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print(f"@@{time.perf_counter() - started:.6f} {time.process_time() - cpu:.6f}", file=sys.stderr)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


_CPU: list[float] = []  # CPU seconds (user + system) of each _wall run, in order


def _wall(cmd: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), cwd=cwd)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def _inner(args: list[str], cwd: Path) -> tuple[float, float]:
    proc = subprocess.run(
        [sys.executable, "-c", IN_PROCESS, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=_env(), cwd=cwd,
    )  # fmt: skip
    marks = [line for line in proc.stderr.splitlines() if line.startswith("@@")]
    if not marks:
        return float("nan"), float("nan")
    wall, cpu = marks[-1][2:].split()
    return float(wall), float(cpu)


class Edit:
    """Change one SOP's text back and forth (a different digest every time)."""

    def __init__(self, root: Path) -> None:
        self.path = sorted(root.glob("sop/**/*.yaml"))[len(list(root.glob("sop/**/*.yaml"))) // 2]
        self.text = self.path.read_text(encoding="utf-8")
        self.n = 0

    def __call__(self) -> None:
        self.n += 1
        self.path.write_text(self.text + f"# suntingan {self.n}\n", encoding="utf-8")

    def restore(self) -> None:
        self.path.write_text(self.text, encoding="utf-8")


def _cache(root: Path, *names: str) -> None:
    for name in names:
        path = root / ".probis-cache" / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


Row = tuple[str, float, float, float, float]  # label, end to end (wall, CPU), in process (wall, CPU)


def measure(root: Path, repeat: int) -> list[Row]:
    """(label, end-to-end seconds, in-process seconds, in-process CPU seconds) for every row."""
    probis = [sys.executable, "-m", "probis_cli"]
    validate = ["validate", str(root)]
    edit = Edit(root)
    rows: list[Row] = []
    nan = float("nan")
    floor = min(_wall([sys.executable, "-c", "pass"], root) for _ in range(repeat))
    rows.append(("floor: python -c pass", floor, min(_CPU[-repeat:]), nan, nan))
    version = min(_wall([*probis, "--version"], root) for _ in range(repeat))
    rows.append(("probis --version (start-up)", version, min(_CPU[-repeat:]), nan, nan))

    def row(label: str, *before: Callable[[], None]) -> None:
        walls: list[float] = []
        cpus: list[float] = []
        inners: list[tuple[float, float]] = []
        for _ in range(repeat):
            for step in before:
                step()
            walls.append(_wall([*probis, *validate], root))
            cpus.append(_CPU[-1])
            for step in before:
                step()
            inners.append(_inner(validate, root))
        rows.append((label, min(walls), min(cpus), min(i[0] for i in inners), min(i[1] for i in inners)))

    def forget_all() -> None:
        _cache(root, "")

    def forget_state() -> None:
        _cache(
            root,
            "validate-v2.marshal",
            "incremental-v1.pickle",
            "models-v2.pickle",
            "models-v2-nested.bin",
            "models-v2-new.marshal",
        )

    try:
        row("cold (no cache)", forget_all)
        _wall([*probis, *validate], root)
        row("one SOP changed, parse cache only (before)", edit, forget_state)
        _wall([*probis, *validate], root)
        row("one SOP changed (incremental)", edit)
        _wall([*probis, *validate], root)
        row("nothing changed")
    finally:
        edit.restore()
    return rows


def table(rows: list[Row]) -> str:
    floor = rows[0][1]
    head = f"{'':44s} {'end to end':>11s} {'x floor':>8s} {'(CPU)':>8s} {'in process':>11s} {'(CPU)':>8s}"
    out = [head, "-" * len(head)]
    for label, wall, cpu, inner, inner_cpu in rows:
        inner_text = "" if inner != inner else f"{inner * 1000:8.0f} ms"
        inner_cpu_text = "" if inner_cpu != inner_cpu else f"{inner_cpu * 1000:5.0f} ms"
        out.append(
            f"{label:44s} {wall * 1000:8.0f} ms {wall / floor:7.1f}x {cpu * 1000:5.0f} ms {inner_text:>11s} "
            f"{inner_cpu_text:>8s}"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, help="an existing repository (default: generate a city)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.repo is None:
        tmp = Path(tempfile.mkdtemp(prefix="probis-warm-"))
        generate(tmp / "city", "city")
        root = tmp / "city"
    else:
        root = args.repo.resolve()
    print(f"{root}: {len(list(root.rglob('*.yaml')))} YAML files; load average {os.getloadavg()[0]:.1f}")
    print(table(measure(root, args.repeat)))


if __name__ == "__main__":
    main()
