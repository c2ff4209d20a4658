"""Which .xlsx reader for ``probis impor kegiatan``: openpyxl (read-only) or python-calamine.

Builds a Renstra-like workbook (program / kegiatan / sub kegiatan rows, a code column as text
and split code columns stored as numbers with number formats ``0``, ``00``, ``0000``, an
urusan column ``1.02`` stored as a number with format ``0.00``), then for each reader
measures the time to read every cell (best of 3, fresh process not needed: both are pure
reads) and the peak memory (tracemalloc, Python allocations only), and checks whether the
codes can be recovered as text.

    python benchmarks/xlsx_readers.py [--rows 20000]
"""

from __future__ import annotations

import argparse
import io
import time
import tracemalloc
from typing import Any


def build(rows: int) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan", "Kode", "Nama"])
    for i in range(rows):
        prog, keg, sub = 2 + i % 20, 1 + i % 9, 1 + i % 40
        ws.append([1, 2, prog, 2, keg, f"1.02.{prog:02d}.2.{keg:02d}.{sub:04d}", f"Sub kegiatan {i}"])
        r = ws.max_row
        for col, fmt in zip("ABCDE", ("0", "00", "00", "0", "00")):
            ws[f"{col}{r}"].number_format = fmt
    ws.append([1.02, None, None, None, None, None, "urusan as 0.00"])
    ws[f"A{ws.max_row}"].number_format = "0.00"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def with_openpyxl(data: bytes) -> list[list[Any]]:
    import openpyxl

    from probis_cli.office.xlsx_import import number_text

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    out = [
        [number_text(c.value, c.number_format) if c.value is not None else "" for c in row]
        for row in wb.active.iter_rows()
    ]
    wb.close()
    return out


def with_calamine(data: bytes) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [[str(v) for v in row] for row in wb.get_sheet_by_index(0).to_python()]


def measure(name: str, fn: Any, data: bytes) -> None:
    best = float("inf")
    result: list[list[Any]] = []
    for _ in range(3):
        start = time.perf_counter()
        result = fn(data)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    fn(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    split = ".".join(str(v) for v in result[1][:5])
    last = result[-1][0]
    print(
        f"{name:10s} {best:7.3f} s  peak {peak / 1e6:6.1f} MB  split codes row 1: {split!r:22s} urusan cell: {last!r}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    data = build(args.rows)
    print(f"{args.rows} rows, {len(data) / 1e6:.1f} MB .xlsx")
    measure("openpyxl", with_openpyxl, data)
    try:
        measure("calamine", with_calamine, data)
    except ImportError:
        print("calamine   not installed (pip install python-calamine)")


if __name__ == "__main__":
    main()
