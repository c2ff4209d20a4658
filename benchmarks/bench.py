"""Benchmark probis on synthetic city- and province-scale repositories; print a table.

    python benchmarks/bench.py                          # city and province
    python benchmarks/bench.py --scale city --render    # also render (city only by default)
    python benchmarks/bench.py --markdown               # the table as Markdown, for the README
    python benchmarks/bench.py --json out.json          # also the raw figures
    python benchmarks/bench.py --extras                 # also run the other benchmark scripts

Every figure is recorded against a floor measured in the same run, on the same files, so
that a busy or a fast machine moves both alike (this machine has 2 cores shared with other
work; wall-clock times vary by ±50 % from run to run, ratios far less):

* floors — **python start-up** (``python -c pass``) and a **bare single-core libyaml load**
  of the same files (PyYAML's CSafeLoader, ``yaml.load`` over every file in one fresh
  process, start-up included: the least a YAML tool can do);
* ``probis --version`` / ``--help`` — start-up, as a multiple of python start-up;
* validate cold — no parse cache: ``probis validate`` as CI runs it on a fresh checkout, as a
  ratio to the libyaml load (wall, and CPU time of the process and its workers);
* validate warm — parse cache filled by a previous run, then ONE file changed;
* validate, nothing changed — the same run again;
* peak RSS — of a cold validate run (the largest of its processes), in MB and in MiB per MB
  of YAML above the peak of validating an empty repository;
* T002/T003 exponent — k of time ≈ c·n^k over several sizes of the largest repository
  measured (``benchmarks/rule_scaling.py``; 1.0 is linear, "linear" is a plain walk timed the
  same way);
* render cold / after one change (``--render``).

Each probis run is a fresh process (Python start-up included, byte-code cache on), the best of
``--repeat`` runs. ``--ruamel`` adds the old comparison column: the same files parsed with
ruamel.yaml's round-trip loader (slow: half a minute for a city). ``--extras`` runs
``startup.py``, ``lsp_latency.py``, ``site_bench.py`` and any ``warm*.py`` beside this script
(on the city, output appended as it is; a script that fails or is missing is noted and skipped).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

# The floor: PyYAML's C loader over every file, one process. The file list comes on stdin.
_LIBYAML_LOAD = (
    "import sys, yaml\n"
    "load, loader = yaml.load, yaml.CSafeLoader\n"
    "for path in sys.stdin.read().splitlines():\n"
    "    with open(path, 'rb') as handle:\n"
    "        load(handle.read(), Loader=loader)\n"
)


def _probis() -> list[str]:
    return [sys.executable, "-m", "probis_cli"]


def _user_env() -> dict[str, str]:
    """The environment of a normal installation: byte-code caching on (some sandboxes set
    PYTHONDONTWRITEBYTECODE, which would recompile every module on every run)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _cpu_children() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], stdin: str | None = None) -> tuple[float, float, int]:
    """Run ``cmd`` as a user would; (wall seconds, CPU seconds of it and its workers, exit code)."""
    cpu = _cpu_children()
    started = time.perf_counter()
    proc = subprocess.run(
        cmd,
        input=stdin,
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_user_env(),
    )
    return time.perf_counter() - started, _cpu_children() - cpu, proc.returncode


def _best(
    cmd: list[str], repeat: int, before: Callable[[], None] | None = None, stdin: str | None = None
) -> tuple[float, float]:
    """Best wall and best CPU time of ``repeat`` runs (``before`` runs untimed before each)."""
    walls, cpus = [], []
    for _ in range(repeat):
        if before:
            before()
        wall, cpu, _code = _timed(cmd, stdin)
        walls.append(wall)
        cpus.append(cpu)
    return min(walls), min(cpus)


def _peak_rss_mb(cmd: list[str]) -> float:
    """Peak RSS of a single child run (measured alone, since RUSAGE_CHILDREN is a maximum)."""
    code = (
        "import resource, subprocess, sys; "
        f"subprocess.run({cmd!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_user_env()
    ).stdout
    return int(out.strip()) / 1024


def _yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if ".probis-cache" not in p.parts)


def _has_libyaml() -> bool:
    try:
        import yaml
    except ImportError:
        return False
    return bool(getattr(yaml, "__with_libyaml__", False))


def _ruamel_roundtrip(files: list[Path]) -> float:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip loader
    started = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes())
    return time.perf_counter() - started


def _inprocess_split(root: Path) -> tuple[float, float]:
    """Load (read+models+index, no cache) and lint times, in this process."""
    from probis_cli import api

    started = time.perf_counter()
    loaded = api.load(root, use_cache=False)
    loaded_at = time.perf_counter()
    api.check(loaded, api.CheckOptions())
    return loaded_at - started, time.perf_counter() - loaded_at


def _change_one_file(root: Path, counter: list[int]) -> None:
    """Edit one SOP's text as a user would (a new keterangan), so the cache misses for it."""
    target = sorted((root / "sop").rglob("*.yaml"))[len(counter) % 7]
    text = target.read_text(encoding="utf-8")
    counter.append(1)
    target.write_text(text.replace("nama: ", f"nama: (rev {len(counter)}) ", 1), encoding="utf-8")


def _change_one_process(root: Path, counter: list[int]) -> None:
    target = sorted((root / "proses").rglob("*.yaml"))[3]
    text = target.read_text(encoding="utf-8")
    counter.append(1)
    target.write_text(text.replace("nama: ", f"nama: (rev {len(counter)}) ", 1), encoding="utf-8")


def bench_floors(workdir: Path, repeat: int) -> dict[str, Any]:
    """Python start-up and probis start-up (they do not depend on the repository), and the
    peak RSS of validating an empty repository."""
    row: dict[str, Any] = {}
    row["python_startup_s"], _ = _best([sys.executable, "-c", "pass"], max(repeat, 5))
    row["version_s"], _ = _best([*_probis(), "--version"], max(repeat, 5))
    # The help cache (cli/help_cache.py) lives in a folder of its own here: "first" empties it
    # before every run (typer prints the help, as after an install or upgrade), "repeated" is
    # every later --help on the same terminal.
    help_home = workdir / "help-cache"
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(help_home)
    try:
        row["help_first_s"], _ = _best(
            [*_probis(), "--help"], max(repeat, 5), lambda: shutil.rmtree(help_home, ignore_errors=True)
        )
        row["help_s"], _ = _best([*_probis(), "--help"], max(repeat, 5))
    finally:
        if saved is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = saved
    empty = workdir / "empty"
    empty.mkdir(parents=True, exist_ok=True)
    (empty / "probis.yaml").write_text("probis: 1\n", encoding="utf-8")
    row["empty_rss_mb"] = _peak_rss_mb([*_probis(), "validate", str(empty), "--no-cache"])
    return row


def bench_scale(scale: str, workdir: Path, *, render: bool, repeat: int, ruamel: bool) -> dict[str, Any]:
    root = workdir / scale
    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    counts = generate(root, scale)
    row: dict[str, Any] = {"scale": scale, "generate_s": time.perf_counter() - started, **counts}
    files = _yaml_files(root)
    row["files"], row["mb"] = len(files), sum(p.stat().st_size for p in files) / 1e6
    listing = "\n".join(str(p) for p in files) + "\n"
    if _has_libyaml():
        row["libyaml_s"], row["libyaml_cpu_s"] = _best([sys.executable, "-c", _LIBYAML_LOAD], repeat, stdin=listing)
    # The report goes to standard output, as in a terminal or a CI log (_timed sends it to /dev/null).
    validate = [*_probis(), "validate", str(root), "--format", "json"]

    def clear_cache() -> None:
        shutil.rmtree(root / ".probis-cache", ignore_errors=True)

    row["validate_cold_s"], row["validate_cold_cpu_s"] = _best(validate, repeat, clear_cache)
    _timed(validate)  # a second run: parses again (a first run caches no parse) and keeps the models
    counter: list[int] = []
    row["validate_warm_s"], row["validate_warm_cpu_s"] = _best(
        validate, repeat, lambda: _change_one_file(root, counter)
    )
    row["validate_unchanged_s"], row["validate_unchanged_cpu_s"] = _best(validate, repeat)
    clear_cache()
    row["peak_rss_mb"] = _peak_rss_mb(validate)
    row["load_s"], row["lint_s"] = _inprocess_split(root)
    if ruamel:
        row["ruamel_rt_parse_s"] = _ruamel_roundtrip(files)
    if render:
        out = workdir / f"{scale}-render"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [*_probis(), "render", str(root), "--out", str(out), "--format", "svg", "--paksa"]
        row["render_cold_s"], _cpu, row["render_exit"] = _timed(cmd)
        pc: list[int] = []
        _timed(cmd)  # a second, unchanged run: everything skipped (warms the OS file cache)
        _change_one_process(root, pc)
        row["render_one_change_s"], _cpu, _code = _timed(cmd)
    return row


def bench_scaling(root: Path, repeat: int) -> dict[str, Any] | None:
    """T002/T003 exponents from rule_scaling.py on ``root`` (None if it fails)."""
    with tempfile.TemporaryDirectory(prefix="probis-scaling-") as tmp:
        out = Path(tmp) / "scaling.json"
        cmd = [sys.executable, str(HERE / "rule_scaling.py"), "--repo", str(root), "--json", str(out)]
        proc = subprocess.run([*cmd, "--repeat", str(repeat)], capture_output=True, text=True, env=_user_env())
        if proc.returncode != 0 or not out.exists():
            print(f"rule_scaling.py failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
            return None
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def run_extras(city: Path) -> str:
    """The other benchmark scripts' own output, each run on the city (tolerant of change)."""
    parts = []
    scripts = [
        ("startup.py", []),
        ("lsp_latency.py", ["--repo", str(city)]),
        ("site_bench.py", ["--repo", str(city), "--markdown"]),
    ]
    scripts += [(p.name, ["--repo", str(city)]) for p in sorted(HERE.glob("warm*.py"))]
    for name, args in scripts:
        path = HERE / name
        if not path.exists():
            parts.append(f"## {name}\n(not present)")
            continue
        proc = subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True, env=_user_env())
        body = (
            proc.stdout.strip() if proc.returncode == 0 else f"(failed, exit {proc.returncode})\n{proc.stderr[-1500:]}"
        )
        parts.append(f"## {name}\n{body}")
    return "\n\n".join(parts)


def _ratio(value: float | None, floor: float | None) -> str:
    return "" if value is None or not floor else f" ({value / floor:.2f}×)"


def _figures(floors: dict[str, Any], row: dict[str, Any], scaling: dict[str, Any] | None) -> dict[str, str]:
    """One scale's column: figure -> text (seconds, and the ratio to its floor)."""
    start = floors["python_startup_s"]
    load, load_cpu = row.get("libyaml_s"), row.get("libyaml_cpu_s")
    cells = {
        "python start-up (floor)": f"{start:.3f} s",
        "libyaml load, 1 core (floor)": "—" if load is None else f"{load:.2f} s (CPU {load_cpu:.2f} s)",
        "probis --version": f"{floors['version_s']:.3f} s{_ratio(floors['version_s'], start)}",
        "probis --help (first, typer prints it)": f"{floors['help_first_s']:.3f} s{_ratio(floors['help_first_s'], start)}",
        "probis --help (repeated)": f"{floors['help_s']:.3f} s{_ratio(floors['help_s'], start)}",
    }
    for key, label in (
        ("validate_cold", "validate cold"),
        ("validate_warm", "validate warm (1 file changed)"),
        ("validate_unchanged", "validate, nothing changed"),
    ):
        wall, cpu = row[f"{key}_s"], row[f"{key}_cpu_s"]
        cells[label] = f"{wall:.2f} s{_ratio(wall, load)}"
        cells[label + ", CPU"] = f"{cpu:.2f} s{_ratio(cpu, load_cpu)}"
    above = max(row["peak_rss_mb"] - floors["empty_rss_mb"], 0.0) * 1e6 / 2**20
    cells["peak RSS"] = f"{row['peak_rss_mb']:.0f} MB ({above / row['mb']:.1f} MiB/MB)"
    cells["load / lint in-process"] = f"{row['load_s']:.2f} s / {row['lint_s']:.2f} s"
    if "ruamel_rt_parse_s" in row:
        cells["ruamel round-trip parse"] = f"{row['ruamel_rt_parse_s']:.1f} s{_ratio(row['ruamel_rt_parse_s'], load)}"
    if scaling is not None:
        linear = scaling["exponent"].get("linear")
        for code, k in sorted(scaling["exponent"].items()):
            if code != "linear":
                reference = f", linear walk {linear:.2f}" if linear is not None else ""
                cells[f"{code} exponent"] = f"n^{k:.2f} (n ≤ {max(scaling['sizes'])}{reference})"
    if "render_cold_s" in row:
        cells["render cold"] = f"{row['render_cold_s']:.1f} s"
        cells["render after 1 change"] = f"{row['render_one_change_s']:.2f} s"
    return cells


TARGETS = {
    "probis --version": "≤ 0.06 s",
    "probis --help (repeated)": "≤ 0.06 s",
    "validate cold": "≤ 0.75× load",
    "validate warm (1 file changed)": "≤ 0.3 s (city)",
    "validate, nothing changed": "≤ 0.2 s (city)",
    "peak RSS": "≤ 5 MiB/MB",
    "T002 exponent": "linear",
    "T003 exponent": "linear",
    "render cold": "≤ 30 s (city)",
}


def table(floors: dict[str, Any], rows: list[dict[str, Any]], scaling: dict[str, Any] | None, markdown: bool) -> str:
    """Figures down, scales across; the scaling exponents under the largest scale."""
    columns = [_figures(floors, r, scaling if r is rows[-1] else None) for r in rows]
    labels: list[str] = []
    for column in columns:
        labels += [k for k in column if k not in labels]
    header = ["figure", "target", *(f"{r['scale']} ({r['files']} files, {r['mb']:.1f} MB)" for r in rows)]
    body = [[label, TARGETS.get(label, ""), *(c.get(label, "—") for c in columns)] for label in labels]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(b) + " |" for b in body]
        return "\n".join(lines)
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(b, widths)) for b in body]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["mini", "city", "province"], action="append")
    parser.add_argument("--render", action="store_true", help="also time probis render (city scale)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per figure; the best is kept")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where repositories are generated (default: a temp dir)"
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures as JSON")
    parser.add_argument("--no-scaling", action="store_true", help="skip the T002/T003 exponents")
    parser.add_argument("--ruamel", action="store_true", help="also time ruamel.yaml's round-trip loader")
    parser.add_argument("--extras", action="store_true", help="also run the other benchmark scripts on the city")
    args = parser.parse_args()
    scales = args.scale or ["city", "province"]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="probis-bench-"))
    if not _has_libyaml():
        print("PyYAML with libyaml is not installed: no libyaml floor (pip install pyyaml)", file=sys.stderr)
    floors = bench_floors(workdir, args.repeat)
    rows = []
    for scale in scales:
        print(f"… {scale}", file=sys.stderr, flush=True)
        rows.append(
            bench_scale(
                scale, workdir, render=args.render and scale != "province", repeat=args.repeat, ruamel=args.ruamel
            )
        )
    scaling = None
    if not args.no_scaling:
        print("… T002/T003 scaling", file=sys.stderr, flush=True)
        scaling = bench_scaling(workdir / rows[-1]["scale"], args.repeat)
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print(table(floors, rows, scaling, args.markdown))
    if args.extras:
        city = workdir / "city"
        if not city.exists():
            generate(city, "city")
        print()
        print(run_extras(city))
    if args.json:
        payload = {"floors": floors, "scales": rows, "scaling": scaling}
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
