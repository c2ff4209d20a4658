"""Program / kegiatan / sub kegiatan codes and names from an Excel sheet (.xlsx).

Reader: openpyxl in read-only mode. python-calamine is faster but returns a number cell's
value without its number format, and the format is what tells the digits: a code column
stored as numbers with format ``00`` holds ``2`` for ``02``; ``0.00`` holds ``1.02`` (which
may be stored as 1.0200000000000000178). Codes are rebuilt from the value *and* its format
(``General`` as Excel shows it: at most 10 significant digits), never from ``repr(float)``.
See ``benchmarks/xlsx_readers.py`` for the measurements.

Columns are found by their header text in the first rows: a single code column (``Kode``,
``Kode Rekening``...) or split code columns (Urusan · Bidang · Program · Kegiatan · Sub
Kegiatan), and a name column (``Nama``, ``Uraian``, ``Nomenklatur``, ``Program/Kegiatan/Sub
Kegiatan``...).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from probis_cli.office import OfficeError, ooxml, require
from probis_cli.office.sop_import import norm

MAX_ROWS = 200_000
HEADER_ROWS = 20
SPLIT = ("urusan", "bidang", "program", "kegiatan", "sub")


@dataclass(frozen=True)
class Baris:
    """One row of the sheet: its row number, the code as text and the name."""

    row: int
    kode: str
    nama: str


def number_text(value: Any, fmt: str | None) -> str:
    """A number cell as Excel shows it with number format ``fmt`` (code digits kept)."""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return str(value)
    if not isinstance(value, (int, float)):
        return str(value).strip()
    section = (fmt or "General").split(";")[0]
    prefix: list[str] = []
    suffix: list[str] = []
    numeric = ""
    for token in re.findall(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].|[0#?.,]+|.', section):
        if token.startswith("[") or token[0] in "_*":
            continue  # colour/condition, padding, fill
        if re.fullmatch(r"[0#?.,]+", token) and not suffix:
            numeric += token
            continue
        literal = token[1:-1] if token.startswith('"') else token[1:] if token.startswith("\\") else token
        (suffix if numeric else prefix).append(literal)
    if not numeric or section.strip().lower() in ("general", "@"):
        if isinstance(value, int) or float(value).is_integer():
            body = str(int(value))
        else:
            body = f"{float(value):.10g}"
            if "e" in body:
                body = format(Decimal(repr(float(value))), "f")
        return (
            "".join(prefix) + body + "".join(suffix)
            if numeric == "" and section.strip().lower() not in ("general", "@", "")
            else body
        )
    integer, _, fraction = numeric.replace(",", "").partition(".")
    decimals = len(re.findall(r"[0#?]", fraction))
    zeros = integer.count("0")
    text = f"{abs(float(value)):.{decimals}f}"
    whole, dot, frac = text.partition(".")
    whole = whole.zfill(zeros) if zeros else whole
    if whole == "0" and zeros == 0:
        whole = ""
    return "".join(prefix) + ("-" if value < 0 else "") + whole + dot + frac + "".join(suffix)


def _safe_package(data: bytes) -> None:
    """Zip-bomb and XML-entity checks before openpyxl sees the bytes."""
    package = ooxml.Package(data)
    for name in sorted(package._names):
        if name.endswith((".xml", ".rels")):
            part = package.read(name)
            if b"<!DOCTYPE" in part[:4096].upper() or b"<!ENTITY" in part.upper():
                raise OfficeError("office.xml_dtd", part=name)


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(rows):
        texts = [norm(str(v)) if isinstance(v, str) else "" for v in row]
        cols: dict[str, int] = {}
        for c, text in enumerate(texts):
            if not text:
                continue
            if (
                text.startswith("kode")
                and "kode" not in cols
                and text
                in (
                    "kode",
                    "kode rekening",
                    "kode program kegiatan",
                    "kode nomenklatur",
                    "kode program kegiatan sub kegiatan",
                    "kode kegiatan",
                    "kode sub kegiatan",
                    "kode program",
                )
            ):
                cols["kode"] = c
            elif "nama" not in cols and (
                text.startswith(("nama", "uraian", "nomenklatur")) or ("program" in text and "kegiatan" in text)
            ):
                cols["nama"] = c
            else:
                bare = text.removeprefix("kode ").strip()
                for key in SPLIT:
                    if (
                        bare
                        in (key, f"{key} urusan" if key == "bidang" else key, "sub kegiatan" if key == "sub" else key)
                        and key not in cols
                    ):
                        cols[key] = c
                        break
        if "nama" in cols and ("kode" in cols or sum(k in cols for k in SPLIT) >= 3):
            return r, cols
    return None


def read_kegiatan(path: Path, *, sheet: str | None = None) -> list[Baris]:
    """The code/name rows of the first sheet (or ``sheet``) that has code and name columns."""
    require("openpyxl")
    import openpyxl  # type: ignore[import-untyped]

    data = ooxml.read_file(path)
    _safe_package(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
        raise OfficeError("office.not_xlsx", detail=type(exc).__name__) from None
    try:
        names = workbook.sheetnames
        if sheet is not None and sheet not in names:
            raise OfficeError("office.xlsx.no_sheet", sheet=sheet, sheets=", ".join(names))
        for name in [sheet] if sheet else names:
            found = _read_sheet(workbook[name])
            if found is not None:
                return found
    finally:
        workbook.close()
    raise OfficeError("office.xlsx.no_header")


def _read_sheet(ws: Any) -> list[Baris] | None:
    head: list[tuple[Any, ...]] = []
    out: list[Baris] = []
    layout: tuple[int, dict[str, int]] | None = None
    for r, row in enumerate(ws.iter_rows(), start=1):
        if r > MAX_ROWS:
            raise OfficeError("office.sheet_too_large", rows=r, max=MAX_ROWS)
        if layout is None:
            head.append(tuple(c.value for c in row))
            layout = _header(head[-1:])
            if layout is not None:
                layout = (r, layout[1])
            elif r >= HEADER_ROWS:
                return None
            continue
        cols = layout[1]
        cells = list(row)

        def text(key: str) -> str:
            c = cols.get(key)
            if c is None or c >= len(cells) or cells[c].value is None:
                return ""
            cell = cells[c]
            return number_text(cell.value, getattr(cell, "number_format", None)).strip()

        nama = " ".join(text("nama").split())
        if "kode" in cols:
            raw = text("kode")
            kode = raw.replace(" ", "") if re.fullmatch(r"[\d.\s]+", raw) else raw
        else:
            parts = [text(k) for k in SPLIT if k in cols]
            kode = ".".join(p for p in parts if p)
        if not kode and not nama:
            continue
        out.append(Baris(r, kode, nama))
    return out if layout is not None else None
