"""How lint rules grow with the number of processes: time vs n at several sizes, and the exponent.

    python benchmarks/rule_scaling.py                        # T002 and T003 on a generated province
    python benchmarks/rule_scaling.py --repo DIR --rules T002,T003,T001 --json out.json

A repository is loaded once; for each fraction f (1/8 … 1) every OPD is kept with
probability f, in a fixed stride so that the mix of OPD kinds (UPTD per wilayah, cabang dinas,
badan, dinas) stays that of the whole, and the index is built from the kept OPD, their
processes and the Pemda documents only. Each rule then runs on each index, best of
``--repeat`` rounds (CPU time; the sizes are interleaved within a round). The exponent k of ``time ≈ c·n^k`` is the least-squares slope of
log(time) on log(n): 1.0 is linear. A province (≈10,000 processes, many of them UPTD
processes with the same names) is the case where T003 used to grow as n^1.4 and T002 as n^1.2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FRACTIONS = (0.125, 0.25, 0.5, 1.0)


def exponent(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(y) on log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-9)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else float("nan")


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


def measure(root: Path, codes: list[str], repeat: int) -> dict[str, Any]:
    """Times of each rule at each fraction, and the fitted exponents."""
    from probis_cli import api
    from probis_cli.index import build_index
    from probis_cli.lint.config import read_config
    from probis_cli.lint.registry import ALL_RULES

    loaded = api.load(root)
    documents = loaded.index.documents
    rules = [r for r in ALL_RULES if r.code in codes]
    out: dict[str, Any] = {"repo": str(root), "sizes": [], "rules": {r.code: [] for r in rules}}
    runs = []  # (n, rule code, rule, options) for every size
    for fraction in FRACTIONS:
        index, _ = build_index(root, _subset(documents, fraction))
        out["sizes"].append(len(index.proses))
        for setting in read_config(index, rules).enabled():
            runs.append((len(index.proses), setting.rule.code, setting.rule, setting.options, index))
    # A linear reference measured the same way: one walk over every process and its owners.
    # On a shared machine even this grows a little faster than n (caches, memory), so a rule
    # whose exponent matches it is linear.
    out["rules"]["linear"] = []
    for fraction_index in range(len(FRACTIONS)):
        n = out["sizes"][fraction_index]
        index = next(r[4] for r in runs if r[0] == n)
        runs.append((n, "linear", _Walk, None, index))
    best: dict[tuple[int, str], float] = {}
    hits: dict[tuple[int, str], int] = {}
    # Sizes interleaved within each round, best of the rounds: a shared machine's load then
    # weighs on every size alike instead of bending the curve.
    for round_ in range(repeat):
        for n, code, rule, options, index in runs:
            started = time.process_time()
            hits[n, code] = sum(1 for _hit in rule().check(index, options))
            elapsed = time.process_time() - started
            best[n, code] = min(best.get((n, code), math.inf), elapsed)
        print(f"… round {round_ + 1}/{repeat}", file=sys.stderr, flush=True)
    for n, code, _rule, _options, _index in runs:
        out["rules"][code].append({"n": n, "s": best[n, code], "hits": hits[n, code]})
    out["exponent"] = {code: exponent([(p["n"], p["s"]) for p in pts]) for code, pts in out["rules"].items() if pts}
    return out


def table(result: dict[str, Any]) -> str:
    """One line per rule: time at each size, then the exponent."""
    sizes = result["sizes"]
    lines = ["rule    " + "  ".join(f"n={n:>6}" for n in sizes) + "  exponent"]
    for code, points in result["rules"].items():
        cells = "  ".join(f"{p['s']:>8.4f}" for p in points)
        lines.append(f"{code:<6}  {cells}  {result['exponent'][code]:.2f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=None, help="an existing repository (default: generate one)")
    parser.add_argument("--scale", default="province", help="scale to generate when --repo is not given")
    parser.add_argument("--rules", default="T002,T003", help="comma-separated rule codes")
    parser.add_argument("--repeat", type=int, default=5, help="rounds over all sizes; the best CPU time is kept")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args()
    codes = [c.strip() for c in args.rules.split(",") if c.strip()]
    if args.repo is None:
        from generate import generate

        with tempfile.TemporaryDirectory(prefix="probis-scaling-") as tmp:
            root = Path(tmp) / args.scale
            generate(root, args.scale)
            result = measure(root, codes, args.repeat)
    else:
        result = measure(args.repo, codes, args.repeat)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
