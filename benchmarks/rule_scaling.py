"""How lint rules grow with the number of processes: time and work vs n at several sizes, and the exponent.

    python benchmarks/rule_scaling.py                        # T002 and T003 on a generated province
    python benchmarks/rule_scaling.py --repo DIR --rules T002,T003,T001 --json out.json

A repository is loaded once; for each fraction f (1/16 … 1) every OPD is kept with
probability f, in a fixed stride so that the mix of OPD kinds (UPTD per wilayah, cabang dinas,
badan, dinas) stays that of the whole, and the index is built from the kept OPD, their
processes and the Pemda documents only. Each rule then runs on each index, best of
``--repeat`` rounds (CPU time; the sizes are interleaved within a round and garbage is collected
before each run, so a shared machine's load weighs on every size alike). The exponent k of
``time ≈ c·n^k`` is the least-squares slope of log(time) on log(n), given with its standard
error: 1.0 is linear. A province (≈10,000 processes, many of them UPTD processes with the same
names) is the case where T003 used to grow as n^1.4 and T002 as n^1.2.

Two measures, because CPU time on a shared 2-core machine bends with load and with caches:

* ``time``: best CPU time, as above;
* ``work``: Python lines executed (``sys.settrace``, each loop turn counts), counted once per
  size. It does not depend on load or on caches, so its exponent shows the algorithm alone;
  work done inside C built-ins (a sort, a set intersection) counts as one line, which the time
  measure covers.

Two floors are measured the same way: ``linear`` (every process and its owners) and ``reads``
(every process, its owners, parents, kegiatan and the tokens of its name and keluaran: what the
rules read). A walk touches more memory as n grows, so even these may show a time exponent a
little above 1; a rule whose time exponent matches theirs and whose work exponent is ≤ 1 is linear.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FRACTIONS = (0.0625, 0.125, 0.25, 0.5, 1.0)


def fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares slope of log(y) on log(x), and its standard error (nan with fewer than 3 points)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-9)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if not sxx:
        return float("nan"), float("nan")
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    if len(xs) < 3:
        return slope, float("nan")
    residual = sum((y - my - slope * (x - mx)) ** 2 for x, y in zip(xs, ys))
    return slope, math.sqrt(residual / (len(xs) - 2) / sxx)


def exponent(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(y) on log(x)."""
    return fit(points)[0]


def _subset(documents: list[Any], fraction: float) -> list[Any]:
    """Pemda documents plus every ``1/fraction``-th OPD with its processes (SOPs left out)."""
    opd = sorted({d.path.split("/")[1].removesuffix(".yaml") for d in documents if d.path.startswith("opd/")})
    step = 1.0 / fraction
    kept = {opd[int(i * step)] for i in range(max(1, round(len(opd) * fraction)))}

    def keep(path: str) -> bool:
        if path.startswith("opd/"):
            return path.split("/")[1].removesuffix(".yaml") in kept
        if path.startswith("proses/"):
            return path.split("/")[1] in kept
        return not path.startswith("sop/")

    return [d for d in documents if keep(d.path)]


class _Walk:
    """The linear reference: visit every process and compute its owners."""

    def check(self, index: Any, _options: Any) -> list[Any]:
        return [index.owners(k) for k in index.proses]


class _Reads:
    """The linear reference of what T002/T003 read: owners, parents, kegiatan, tokens of names and keluaran."""

    def check(self, index: Any, _options: Any) -> list[Any]:
        from probis_cli.lint.teks import tokens

        out = []
        for kode, doc in index.proses.items():
            words = [tokens(doc.model.nama), *(tokens(k.nama) for k in doc.model.keluaran)]
            out.append((index.owners(kode), index.ancestors(kode), index.effective_kegiatan(kode), words))
        return out


def count_lines(run: Callable[[], object]) -> int:
    """Python lines executed by ``run()`` (each turn of a loop counts)."""
    count = 0

    def local(_frame: Any, event: str, _arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    sys.settrace(lambda _frame, _event, _arg: local)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def _runs(root: Path, codes: list[str], fractions: tuple[float, ...]) -> tuple[list[int], list[tuple[Any, ...]]]:
    """The sizes, and (n, rule code, rule class, options, index) for every rule, floor and size."""
    from probis_cli import api
    from probis_cli.index import build_index
    from probis_cli.lint.config import read_config
    from probis_cli.lint.registry import ALL_RULES

    documents = api.load(root).index.documents
    rules = [r for r in ALL_RULES if r.code in codes]
    sizes: list[int] = []
    runs: list[tuple[Any, ...]] = []
    for fraction in fractions:
        index, _ = build_index(root, _subset(documents, fraction))
        n = len(index.proses)
        sizes.append(n)
        for setting in read_config(index, rules).enabled():
            runs.append((n, setting.rule.code, setting.rule, setting.options, index))
        runs.append((n, "linear", _Walk, None, index))
        runs.append((n, "reads", _Reads, None, index))
    return sizes, runs


def measure(
    root: Path, codes: list[str], repeat: int, *, work: bool = True, fractions: tuple[float, ...] = FRACTIONS
) -> dict[str, Any]:
    """Times (and work) of each rule and floor at each fraction, and the fitted exponents."""
    sizes, runs = _runs(root, codes, fractions)
    out: dict[str, Any] = {"repo": str(root), "sizes": sizes, "rules": {}}
    for _n, code, *_ in runs:
        out["rules"].setdefault(code, [])
    best: dict[tuple[int, str], float] = {}
    hits: dict[tuple[int, str], int] = {}
    for n, code, rule, options, index in runs:  # warm-up: stemmer and glossary caches, imports
        hits[n, code] = sum(1 for _hit in rule().check(index, options))
    for round_ in range(repeat):
        for n, code, rule, options, index in runs:
            gc.collect()
            started = time.process_time()
            for _hit in rule().check(index, options):
                pass
            best[n, code] = min(best.get((n, code), math.inf), time.process_time() - started)
        print(f"… round {round_ + 1}/{repeat}", file=sys.stderr, flush=True)
    lines: dict[tuple[int, str], int] = {}
    if work:
        for n, code, rule, options, index in runs:
            lines[n, code] = count_lines(
                lambda rule=rule, options=options, index=index: list(rule().check(index, options))
            )
    for n, code, _rule, _options, _index in runs:
        point: dict[str, Any] = {"n": n, "s": best[n, code], "hits": hits[n, code]}
        if work:
            point["lines"] = lines[n, code]
        out["rules"][code].append(point)
    # fits: every rule and floor; exponent: the rules and "linear" (as bench.py reads them)
    out["fits"] = {}
    for code, points in out["rules"].items():
        k, err = fit([(p["n"], p["s"]) for p in points])
        out["fits"][code] = {"time": k, "stderr": err}
        if work:
            out["fits"][code]["work"] = fit([(p["n"], p["lines"]) for p in points])[0]
    out["exponent"] = {code: f["time"] for code, f in out["fits"].items() if code != "reads"}
    return out


def table(result: dict[str, Any]) -> str:
    """One line per rule: CPU time (s) at each size, the time exponent ± its standard error, the work exponent."""
    sizes = result["sizes"]
    lines = ["rule    " + "  ".join(f"n={n:>6}" for n in sizes) + "  exponent (time)  exponent (work)"]
    for code, points in result["rules"].items():
        cells = "  ".join(f"{p['s']:>8.4f}" for p in points)
        f = result["fits"][code]
        work = f"{f['work']:.2f}" if "work" in f else "-"
        lines.append(f"{code:<6}  {cells}  {f['time']:.2f} ± {f['stderr']:.2f}      {work}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=None, help="an existing repository (default: generate one)")
    parser.add_argument("--scale", default="province", help="scale to generate when --repo is not given")
    parser.add_argument("--rules", default="T002,T003", help="comma-separated rule codes")
    parser.add_argument("--repeat", type=int, default=7, help="rounds over all sizes; the best CPU time is kept")
    parser.add_argument("--no-work", action="store_true", help="skip counting lines executed (the work exponent)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args()
    codes = [c.strip() for c in args.rules.split(",") if c.strip()]
    if args.repo is None:
        from generate import generate

        with tempfile.TemporaryDirectory(prefix="probis-scaling-") as tmp:
            root = Path(tmp) / args.scale
            generate(root, args.scale)
            result = measure(root, codes, args.repeat, work=not args.no_work)
    else:
        result = measure(args.repo, codes, args.repeat, work=not args.no_work)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
