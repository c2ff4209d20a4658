"""A legacy SOP AP (.docx, official template) into the data of a ``sop`` document.

Tolerant reading: label spelling variants (close matches too), merged cells, paired columns,
labels beside or above their values, numbering styles, identitas spread over two tables;
the pelaksana of a step is the column holding its shape (DrawingML or VML) or mark, the
symbol comes from the shape's geometry or, without a shape, from the text. What cannot be
read with certainty becomes a :class:`Periksa` at the spot it concerns.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from probis_cli.i18n import MONTHS as _BULAN
from probis_cli.office import OfficeError, ooxml, require
from probis_cli.office.sop_labels import (
    _NIP,
    DATE_FIELDS,
    IDENTITAS_ROWS,
    IDENTITAS_TABLES,
    LIST_FIELDS,
    Periksa,
    _distinct,
    _one_line,
)
from probis_cli.office.sop_labels import LABELS as LABELS
from probis_cli.office.sop_labels import items as items
from probis_cli.office.sop_labels import match_label as match_label
from probis_cli.office.sop_labels import norm as norm
from probis_cli.office.sop_labels import slug as slug
from probis_cli.office.sop_steps import _is_prosedur, _langkah, _layout, _Step, _steps
from probis_cli.office.wordml import Cell, Grid, body_tables
from probis_cli.office.yamltext import Path_, Raw, dump


@dataclass
class ImportedSop:
    """The data of one SOP and its uncertain spots."""

    source: str
    data: dict[str, Any]
    periksa: list[Periksa]
    opd: str | None

    @property
    def kode(self) -> str:
        return str(self.data["kode"])


def parse_date(text: str) -> tuple[dt.date | None, bool]:
    """(date, certain). ``-``/empty is certainly no date."""
    value = " ".join(text.split())
    if value in ("", "-", "—", "–"):
        return None, True
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), True
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1])), True
        m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", value)
        if m:
            months = {name.lower(): i for i, name in enumerate(_BULAN["id"], start=1)}
            months.update({name.lower(): i for i, name in enumerate(_BULAN["en"], start=1)})
            months.update({"pebruari": 2, "nopember": 11, "agustus": 8})
            month = months.get(m[2].lower())
            if month:
                return dt.date(int(m[3]), month, int(m[1])), True
    except ValueError:
        pass
    return None, False


# --- identitas --------------------------------------------------------------------------


def identitas(grids: list[Grid]) -> tuple[dict[str, str], list[str]]:
    """Field -> raw text found under its label, and the kop lines (the first cell)."""
    found: dict[str, str] = {}
    kop: list[str] = []
    for grid in grids[:IDENTITAS_TABLES]:
        for r, row in enumerate(grid[:IDENTITAS_ROWS]):  # an identitas table is short
            cells = _distinct(row)
            for i, cell in enumerate(cells):
                if cell.row != r and i > 0:
                    continue  # a cell merged down from above: read once
                text = cell.text
                if not text:
                    continue
                first, _, rest = text.partition("\n")
                head, colon, inline = first.partition(":")
                field_ = match_label(first, LABELS)
                value: str | None = None
                if field_ is None and colon:
                    field_ = match_label(head, LABELS)
                    if field_ is not None:
                        value = "\n".join(x for x in (inline.strip(), rest) if x).strip()
                if field_ is None:
                    if not kop and r == 0 and i == 0 and match_label(text, LABELS) is None:
                        kop = [line.strip() for line in text.split("\n") if line.strip()]
                    continue
                if field_ in found:
                    continue
                if value is None and rest.strip():
                    value = rest.strip()  # label and content in one cell (paired rows)
                if value is None:
                    value = _value_beside(cells, i) if field_ not in LIST_FIELDS else None
                    if value is None:
                        value = _value_below(grid, r, row.index(cell), cell) or ""
                found[field_] = value
    return found, kop


def _value_beside(cells: list[Cell], i: int) -> str | None:
    for other in cells[i + 1 :]:
        text = other.text
        if text in (":",):
            continue
        if text and match_label(text.partition("\n")[0], LABELS) is not None:
            return None
        return text.lstrip(": ").strip()
    return None


def _value_below(grid: Grid, r: int, col: int, cell: Cell) -> str | None:
    for below in grid[r + 1 :]:
        if col >= len(below) or below[col] is cell:
            continue
        text = below[col].text
        if text and match_label(text.partition("\n")[0], LABELS) is None:
            return text
        return None
    return None


def _pengesahan(text: str) -> dict[str, Any] | None:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [line for line in lines if norm(line) not in ("ttd", "cap", "ttd cap", "")]
    if not lines:
        return None
    nip = None
    for k, line in enumerate(lines):
        m = _NIP.search(line)
        if m:
            nip = m.group(1).replace(" ", "")
            lines = lines[:k]
            break
    if nip is not None and len(lines) >= 2:
        jabatan, nama = " ".join(lines[:-1]), lines[-1]
    else:
        jabatan, nama = " ".join(lines), None
    out: dict[str, Any] = {"jabatan": jabatan}
    if nama:
        out["nama"] = nama
    if nip:
        out["nip"] = nip
    return out


# --- the whole document -----------------------------------------------------------------


def _metadata(package: ooxml.Package) -> dict[str, Any]:
    """What probis's own export keeps in the core properties (kode, proses, unit, pelaksana)."""
    if not package.has("docProps/core.xml"):
        return {}
    root = package.xml("docProps/core.xml")
    node = root.find("{http://purl.org/dc/elements/1.1/}description")
    text = (node.text or "") if node is not None else ""
    if not text.startswith("{") or len(text) > 100_000:
        return {}
    try:
        meta = json.loads(text)
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) and meta.get("probis") == 1 else {}


_META_KODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_META_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,79})?")


def _meta_str(meta: dict[str, Any], key: str) -> str | None:
    """A code from the document's properties (untrusted): slug-shaped, or ``opd/x`` for refs."""
    value = meta.get(key)
    shape = _META_REF if key in ("unit", "jabatan") else _META_KODE
    return value if isinstance(value, str) and shape.fullmatch(value) else None


def _prosedur_steps(prosedur: list[Grid]) -> tuple[list[_Step], list[str]]:
    """The steps of every prosedur table, marks renumbered to the SOP's pelaksana (by name)."""
    steps: list[_Step] = []
    names: list[str] = []
    for grid in prosedur:
        layout = _layout(grid)
        if layout is None:
            continue
        mapping: list[int] = []
        for name, _cols in layout.pelaksana:
            name = _one_line(name)
            if name not in names:
                names.append(name)
            mapping.append(names.index(name))
        for step in _steps(grid, layout):
            step.marks = {mapping[p]: v for p, v in step.marks.items()}
            steps.append(step)
    return steps, names


def _pelaksana(meta: dict[str, Any], names: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The pelaksana entries (codes and jabatan from the export's metadata where present)."""
    meta_pelaksana = meta.get("pelaksana")
    pelaksana: list[dict[str, Any]] = []
    kodes: list[str] = []
    for i, name in enumerate(names):
        entry: dict[str, Any] = {}
        m = meta_pelaksana[i] if isinstance(meta_pelaksana, list) and len(meta_pelaksana) == len(names) else None
        kode_p = _meta_str(m, "kode") if isinstance(m, dict) else None
        if kode_p is None:
            kode_p = slug(name, f"pelaksana-{i + 1}")
        while kode_p in kodes:
            kode_p += "-2"
        kodes.append(kode_p)
        entry["kode"] = kode_p
        entry["nama"] = name
        jabatan = _meta_str(m, "jabatan") if isinstance(m, dict) else None
        if jabatan:
            entry["jabatan"] = jabatan
        pelaksana.append(entry)
    return pelaksana, kodes


def import_sop(path: Path, *, opd: str | None = None) -> ImportedSop:
    """Read one .docx SOP AP."""
    require("lxml")
    package = ooxml.Package(ooxml.read_file(path))
    if not package.has("word/document.xml"):
        raise OfficeError("office.not_docx")
    grids = body_tables(package.xml("word/document.xml"))
    meta = _metadata(package)
    periksa: list[Periksa] = []
    prosedur = [g for g in grids if _is_prosedur(g)]
    ident_grids = [g for g in grids if not any(g is p for p in prosedur)]
    fields, kop = identitas(ident_grids)

    data: dict[str, Any] = {"probis": 1, "jenis": "sop"}
    kode = _meta_str(meta, "kode")
    if kode is None:
        kode = slug(path.stem, "SOP").upper()
        periksa.append(Periksa(("kode",), "office.periksa.kode", {"berkas": path.name}))
    data["kode"] = kode
    data["nomor"] = _one_line(fields.get("nomor", "")) or None
    nama = _one_line(fields.get("nama", ""))
    meta_nama = meta.get("nama")
    if isinstance(meta_nama, str) and meta_nama.upper() == nama.upper():
        nama = meta_nama  # the export shows the name in capitals
    if not nama:
        nama = path.stem
        periksa.append(Periksa(("nama",), "office.periksa.nama"))
    data["nama"] = nama
    data["proses"] = _meta_str(meta, "proses")
    if data["proses"] is None:
        periksa.append(Periksa(("proses",), "office.periksa.proses"))
    unit = _meta_str(meta, "unit") or opd
    data["unit"] = unit
    if unit is not None and _meta_str(meta, "unit") is None and len(kop) >= 3:
        periksa.append(Periksa(("unit",), "office.periksa.unit", {"kop": kop[-1]}))
    for name in DATE_FIELDS:
        raw = fields.get(name, "")
        value, certain = parse_date(raw)
        data[name] = Raw(value.isoformat()) if value else None
        if not certain:
            periksa.append(Periksa((name,), "office.periksa.tanggal", {"teks": _one_line(raw)}))
    data["disahkan_oleh"] = _pengesahan(fields.get("disahkan_oleh", ""))
    for name in LIST_FIELDS:
        data[name] = items(fields.get(name, ""))
    if not fields:
        periksa.append(Periksa(("nomor",), "office.periksa.identitas"))

    steps, names = _prosedur_steps(prosedur)
    if not prosedur:
        periksa.append(Periksa(("langkah",), "office.periksa.tanpa_prosedur"))
    pelaksana, kodes = _pelaksana(meta, names)
    data["pelaksana"] = pelaksana
    data["langkah"] = _langkah(steps, kodes, periksa)
    return ImportedSop(path.name, data, periksa, opd)


def to_yaml(sop: ImportedSop, message: Any) -> tuple[str, list[tuple[int, str]]]:
    """The YAML text of an imported SOP with ``# PERIKSA:`` comments, and (line, text) of each.

    ``message(message_id, **args)`` words a comment (the caller's language).
    """
    comments: dict[Path_, list[str]] = {}
    for item in sop.periksa:
        comments.setdefault(item.path, []).append(message(item.message_id, **item.args))
    header = [message("office.yaml_header", berkas=sop.source), message("office.yaml_header2")]
    text, lines = dump(sop.data, comments, header=header)
    report = [(lines[p.path], message(p.message_id, **p.args)) for p in sop.periksa if p.path in lines]
    report.sort(key=lambda x: x[0])
    return text, report
