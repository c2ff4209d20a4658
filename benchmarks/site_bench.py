"""Benchmark ``probis situs`` against ``probis render`` on a synthetic city; print a table.

    python benchmarks/site_bench.py                     # generates the city into a temp folder
    python benchmarks/site_bench.py --repo /tmp/city    # an existing generated repository
    python benchmarks/site_bench.py --markdown          # the table as Markdown, for the README
    python benchmarks/site_bench.py --repeat 3          # the best of 3 cold runs of each

Each probis run is a fresh process (start-up included), in its own copy of the repository so
that no run reuses another's caches. Before each run the dirty pages of the one before are
written out (``sync``): the kernel would otherwise write them back during the next run, on the
same cores. With ``--repeat N`` the cold runs of render and situs alternate (render first, then
situs first, ...) and the best of each is kept. A run that leaves no output stops the script.

* render cold      — ``probis render --format svg --paksa`` (the generated city has findings on
                     purpose): every diagram laid out, the SOP drafts written;
* situs cold       — ``probis situs``: every diagram laid out, every page written;
* situs unchanged  — again, nothing changed: nothing laid out or written;
* situs one change — one process renamed: its diagrams laid out again, the pages that show it
                     rewritten;
* situs after render — ``probis situs`` in the repository render just ran in: the diagrams are
                     copied from render's output (the shared, signed layout index), none laid out.

Sizes: the SVG files render wrote (what a Pemda would otherwise publish) against the whole
site folder (pages with the diagrams inline, CSS/JS, the search index).
Targets (issue 15): situs cold ≤ render cold; site ≤ rendered SVGs + 20 %. The machine is
shared, so the CPU column (user + sys, workers included) is the fairer comparison, and a
floor measured in the same run (a single-core libyaml parse of the same files) is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


def _run(args: list[str], expect: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds incl. workers) of one fresh probis process, which must leave
    ``expect`` behind. Dirty pages are written out first (``sync``), so that no run pays for the
    writes of the one before it (the kernel writes them back on the same two cores)."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "probis_cli", *args], env=_env(), capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1) or not expect.exists():
        raise SystemExit(f"probis {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return min(w for w, _ in runs), min(c for _, c in runs)


def _load_floor(repo: Path) -> float:
    """Seconds for libyaml (ruamel.yaml.clib) to parse every file of ``repo`` to events, one core, best of 3."""
    from _ruamel_yaml import CParser

    files = sorted(p for p in repo.rglob("*.yaml") if ".probis-cache" not in p.parts)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for path in files:
            parser = CParser(path.read_bytes())
            while parser.check_event():
                parser.get_event()
        best = min(best, time.perf_counter() - start)
    return best


def _size(folder: Path, suffix: str | None = None) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and (suffix is None or p.suffix == suffix))


def _copy(repo: Path, target: Path) -> Path:
    shutil.copytree(repo, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


def _one_change(repo: Path) -> None:
    """Rename one level-3 process (its name shows on its page, its parent's, its OPD's...)."""
    for path in sorted(repo.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "jenis: proses" in text and re.search(r"^kode: [A-Za-z0-9_-]+(?:\.\d+){3}$", text, re.MULTILINE):
            path.write_text(
                re.sub(r"^nama: (.*)$", r"nama: \1 (revisi)", text, count=1, flags=re.MULTILINE), encoding="utf-8"
            )
            return


def _cold_runs(
    repo: Path, work: Path, repeat: int, skip_render: bool
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """``repeat`` cold runs of render and of situs, each in a fresh copy of ``repo``; which goes
    first alternates, so neither always runs on a machine the other warmed."""
    renders: list[tuple[float, float]] = []
    colds: list[tuple[float, float]] = []
    for n in range(repeat):
        for what in ("render", "situs") if n % 2 == 0 else ("situs", "render"):
            if what == "render" and not skip_render:
                out = work / f"render-out-{n}"
                args = ["render", str(_copy(repo, work / f"render-{n}")), "--out", str(out), "--format", "svg"]
                renders.append(_run([*args, "--paksa"], out / ".probis-render.json"))
            elif what == "situs":
                out = work / f"situs-out-{n}"
                site_repo = _copy(repo, work / f"situs-{n}")
                colds.append(_run(["situs", str(site_repo), "--out", str(out)], out / "index.html"))
    return renders, colds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, help="an existing generated repository (default: generate a city)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--skip-render", action="store_true", help="time only the site (render cold not measured)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="cold runs of each (in fresh copies, alternating); the best is kept"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="probis-situs-bench-") as tmp:
        work = Path(tmp)
        repo = options.repo
        if repo is None:
            repo = work / "city"
            generate(repo, "city", seed=1)
        renders, colds = _cold_runs(repo, work, options.repeat, options.skip_render)
        render_out = work / "render-out-0"
        render = _best(renders) if renders else (0.0, 0.0)
        cold = _best(colds)
        after_render = (0.0, 0.0)
        if not options.skip_render:
            after = work / "situs-after-render"
            after_render = _run(["situs", str(work / "render-0"), "--out", str(after)], after / "index.html")
        site_repo, site_out = work / "situs-0", work / "situs-out-0"
        unchanged = _run(["situs", str(site_repo), "--out", str(site_out)], site_out / "index.html")
        _one_change(site_repo)
        changed = _run(["situs", str(site_repo), "--out", str(site_out)], site_out / "index.html")
        svg = (
            _size(render_out, ".svg")
            if not options.skip_render
            else (site_repo / ".probis-cache" / "situs-layouts.pack").stat().st_size
        )
        site = _size(site_out)
        pages = sum(1 for _ in site_out.rglob("*.html"))
        index_js = (site_out / "assets" / "indeks-cari.js").stat().st_size
        floor = _load_floor(repo)
    rows = [
        ("render cold (svg)", f"{render[0]:.1f}", f"{render[1]:.1f}"),
        ("situs cold", f"{cold[0]:.1f}", f"{cold[1]:.1f}"),
        ("situs, nothing changed", f"{unchanged[0]:.1f}", f"{unchanged[1]:.1f}"),
        ("situs, one process renamed", f"{changed[0]:.1f}", f"{changed[1]:.1f}"),
        ("situs after render (layouts shared)", f"{after_render[0]:.1f}", f"{after_render[1]:.1f}"),
    ]
    sizes = [
        ("rendered SVGs", f"{svg / 1e6:.1f} MB"),
        ("site folder", f"{site / 1e6:.1f} MB ({site / svg:.0%} of the SVGs; {pages} pages)"),
        ("search index", f"{index_js / 1e6:.2f} MB"),
    ]
    ratio = f"{cold[1] / render[1]:.2f}" if render[1] else "—"
    verdict = [
        f"floor: single-core libyaml parse of the same files {floor:.2f} s; situs cold ÷ render cold (CPU): {ratio}",
        f"situs cold ≤ render cold: {'met' if cold[0] <= render[0] else 'NOT met'} ({cold[0]:.1f} s vs {render[0]:.1f} s)",
        f"site ≤ SVGs + 20 %: {'met' if site <= svg * 1.2 else 'NOT met'} ({site / svg:.0%})",
    ]
    if options.markdown:
        print("| run | wall s | CPU s |\n|---|---|---|")
        for row in rows:
            print(f"| {' | '.join(row)} |")
        print("\n| what | size |\n|---|---|")
        for row in sizes:
            print(f"| {' | '.join(row)} |")
    else:
        for row in rows:
            print(f"{row[0]:<36} {row[1]:>7} s wall {row[2]:>7} s CPU")
        for what, value in sizes:
            print(f"{what:<36} {value}")
    print()
    for line in verdict:
        print(line)


if __name__ == "__main__":
    main()
