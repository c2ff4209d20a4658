"""How many T002/T003/K018 findings on a generated repository are false alarms, and lint time.

    python benchmarks/generate.py --scale city --out /tmp/city --list-defects > /tmp/city.txt
    python benchmarks/lint_precision.py /tmp/city /tmp/city.txt [--repeat 5] [-v]

The generator seeds lint defects and lists each with its file (``--list-defects``). It seeds
no near-duplicate names, so a T003 finding counts as real only when it, or one of its related
locations, is in a file seeded with an overlap (``keluaran-tumpang-tindih``, ``pemilik-ganda``);
every other T002/T003/K018 finding is a false alarm. Lint time is the in-process
``api.check`` of one load, best of ``--repeat``: wall clock, and CPU time of this process
(steadier when other work shares the machine).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from probis_cli import api


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("defects", type=Path, help="output of generate.py --list-defects")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("-v", "--verbose", action="store_true", help="list each finding")
    args = ap.parse_args()
    seeded: dict[str, set[str]] = {}
    for line in args.defects.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and "/" in parts[1]:
            seeded.setdefault(parts[0], set()).add(parts[1])
    loaded = api.load(args.root, use_cache=False)
    wall, cpu = [], []
    result = None
    for _ in range(args.repeat):
        w, c = time.perf_counter(), time.process_time()
        result = api.check(loaded, api.CheckOptions())
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    assert result is not None
    print(f"lint best: wall {min(wall):.3f} s, cpu {min(cpu):.3f} s")
    real = seeded.get("keluaran-tumpang-tindih", set()) | seeded.get("pemilik-ganda", set())
    for code in ("T002", "T003", "K018"):
        found = [f for f in result.findings if f.code == code]
        hits = [f for f in found if f.location.path in real or any(r.path in real for r in f.related)]
        print(f"{code}: {len(found)} findings, {len(found) - len(hits)} false alarms")
        if args.verbose:
            for f in found:
                print("   ", "real" if f in hits else "FALSE", f.location.path, f.text("id")[:160])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
