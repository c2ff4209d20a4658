"""Time the validate reporters on a repository with many findings (text must stay linear).

A copy of ``examples/kota-contoh`` gets one process whose N activities each carry an unknown
key (N S002 findings in one file, the worst case for a reporter that shows source lines);
the repository is loaded and checked once, then each format is rendered::

    python benchmarks/report_speed.py                 # N = 2,000 4,000 8,000 16,000
    python benchmarks/report_speed.py 8000 200000
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _repo(n: int, workdir: Path) -> Path:
    root = workdir / f"repo-{n}"
    shutil.copytree(ROOT / "examples" / "kota-contoh", root)
    lines = [
        "probis: 1",
        "jenis: proses",
        "kode: PB.99",
        "nama: Proses Uji Laporan",
        "kategori: inti",
        "pemilik: dinkes/bid-p2p",
        "aktivitas:",
    ]
    for i in range(n):
        lines.append(f"  - {{kode: A{i}, nama: Aktivitas {i}, pelaksana: dinkes/bid-p2p, catatn: x}}")
    (root / "proses" / "PB.99.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def main(sizes: list[int]) -> None:
    from probis_cli import api
    from probis_cli.report import REPORTERS
    from probis_cli.report._base import ReportContext

    workdir = Path(tempfile.mkdtemp(prefix="probis-report-"))
    try:
        print("| findings | " + " | ".join(f"{name} (s)" for name in ("text", "json", "github")) + " |")
        print("|---:|" + "---:|" * 3)
        for n in sizes:
            loaded = api.load(_repo(n, workdir), use_cache=False)
            result = api.check(loaded)
            ctx = ReportContext("id", loaded.source_texts(), "bench", "0")
            times = []
            for name in ("text", "json", "github"):
                started = time.perf_counter()
                REPORTERS[name](result, ctx)
                times.append(time.perf_counter() - started)
            print(f"| {len(result.findings):,} | " + " | ".join(f"{t:.2f}" for t in times) + " |")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000, 4000, 8000, 16000])
