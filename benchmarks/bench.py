"""Benchmark probis on synthetic city- and province-scale repositories; print a table.

    python benchmarks/bench.py                    # city and province, validate + lint
    python benchmarks/bench.py --scale city --render   # also render (city only by default)
    python benchmarks/bench.py --markdown         # the table as Markdown, for the README

What is measured (wall-clock seconds on this machine; each probis run is a fresh process,
exactly what a user or CI pays, Python start-up included):

* validate cold   — ``probis validate --no-cache``-equivalent: no parse cache at all.
* validate warm   — parse cache filled by a previous run, then ONE file changed.
* load / lint     — in-process split of a cold run: reading+models+index vs the lint rules.
* ruamel rt parse — the same files parsed with ruamel.yaml's round-trip loader, one process,
                    nothing else done: the cost a naive design would pay before any checking.
* peak RSS        — maximum resident memory of the validate process.
* render cold / one change — ``probis render`` of everything, then again after one process
                    changed (only affected outputs are laid out again).
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def _probis() -> list[str]:
    return [sys.executable, "-m", "probis_cli"]


def _user_env() -> dict[str, str]:
    """The environment of a normal installation: byte-code caching on (some sandboxes set
    PYTHONDONTWRITEBYTECODE, which would recompile every module on every run)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(cmd: list[str]) -> tuple[float, int]:
    """Run ``cmd`` as a user would; return (seconds, exit code)."""
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_user_env())
    return time.perf_counter() - started, proc.returncode


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


def _best(cmd: list[str], repeat: int, before: callable | None = None) -> float:  # type: ignore[valid-type]
    times = []
    for _ in range(repeat):
        if before:
            before()
        elapsed, _code = _timed(cmd)
        times.append(elapsed)
    return min(times)


def _ruamel_roundtrip(root: Path) -> tuple[float, int, int]:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip loader
    files = sorted(p for p in root.rglob("*.yaml") if ".probis-cache" not in p.parts)
    size = 0
    started = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        size += len(data)
        yaml.load(data)
    return time.perf_counter() - started, len(files), size


def _inprocess_split(root: Path) -> tuple[float, float]:
    """Load (read+models+index, no cache) and lint times, in this process."""
    from probis_cli import api

    started = time.perf_counter()
    loaded = api.load(root, use_cache=False)
    loaded_at = time.perf_counter()
    api.check(loaded, api.CheckOptions())
    done = time.perf_counter()
    return loaded_at - started, done - loaded_at


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


def bench_scale(scale: str, workdir: Path, *, render: bool, repeat: int) -> dict[str, object]:
    root = workdir / scale
    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    counts = generate(root, scale)
    gen_time = time.perf_counter() - started
    validate = [*_probis(), "validate", str(root), "--format", "json", "--output", os.devnull]
    row: dict[str, object] = {"scale": scale, "generate_s": gen_time, **counts}

    def clear_cache() -> None:
        shutil.rmtree(root / ".probis-cache", ignore_errors=True)

    row["validate_cold_s"] = _best(validate, repeat, clear_cache)
    # Warm: fill the cache, then change one file before each timed run.
    _timed(validate)  # fills the parse cache (and byte-code caches)
    counter: list[int] = []
    row["validate_warm_s"] = _best(validate, repeat, lambda: _change_one_file(root, counter))
    clear_cache()
    row["peak_rss_mb"] = _peak_rss_mb(validate)
    load_s, lint_s = _inprocess_split(root)
    row["load_s"], row["lint_s"] = load_s, lint_s
    rt, n_files, size = _ruamel_roundtrip(root)
    row["ruamel_rt_parse_s"] = rt
    row["files"], row["mb"] = n_files, size / 1e6
    if render:
        out = workdir / f"{scale}-render"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [*_probis(), "render", str(root), "--out", str(out), "--format", "svg"]
        row["render_cold_s"], code = _timed(cmd)
        row["render_exit"] = code
        pc: list[int] = []
        _timed(cmd)  # a second, unchanged run: everything skipped (warms the OS file cache)
        _change_one_process(root, pc)
        row["render_one_change_s"], _code = _timed(cmd)
    return row


def _table(rows: list[dict[str, object]], markdown: bool) -> str:
    cols = [
        ("scale", "scale", "{}"),
        ("files", "files", "{}"),
        ("mb", "MB", "{:.1f}"),
        ("validate_cold_s", "validate cold s", "{:.2f}"),
        ("validate_warm_s", "validate warm s (1 file changed)", "{:.2f}"),
        ("load_s", "load s (in-process)", "{:.2f}"),
        ("lint_s", "lint s (in-process)", "{:.2f}"),
        ("ruamel_rt_parse_s", "ruamel round-trip parse only s", "{:.2f}"),
        ("peak_rss_mb", "peak RSS MB", "{:.0f}"),
        ("render_cold_s", "render cold s", "{:.1f}"),
        ("render_one_change_s", "render after 1 change s", "{:.2f}"),
    ]
    present = [c for c in cols if any(c[0] in r for r in rows)]
    header = [c[1] for c in present]
    body = [[(c[2].format(r[c[0]]) if c[0] in r else "—") for c in present] for r in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(b) + " |" for b in body]
        return "\n".join(lines)
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.rjust(w) for v, w in zip(b, widths)) for b in body]
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
    args = parser.parse_args()
    scales = args.scale or ["city", "province"]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="probis-bench-"))
    rows = []
    for scale in scales:
        print(f"… {scale}", file=sys.stderr, flush=True)
        rows.append(bench_scale(scale, workdir, render=args.render and scale != "province", repeat=args.repeat))
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print(_table(rows, args.markdown))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, default=str) + "\n", encoding="utf-8")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
