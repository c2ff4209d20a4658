"""A legacy SOP AP (.docx, official template) into the data of a ``sop`` document.

Tolerant reading: label spelling variants (close matches too), merged cells, paired columns,
labels beside or above their values, numbering styles, identitas spread over two tables;
the pelaksana of a step is the column holding its shape (DrawingML or VML) or mark, the
symbol comes from the shape's geometry or, without a shape, from the text. What cannot be
read with certainty becomes a :class:`Periksa` at the spot it concerns.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probis_cli.lint.durasi import parse_durasi
from probis_cli.i18n import MONTHS as _BULAN
from probis_cli.office import OfficeError, ooxml, require
from probis_cli.office.wordml import Cell, Grid, body_tables
from probis_cli.office.yamltext import Path_, Raw, dump

PLACEHOLDER_PELAKSANA = "periksa"
IDENTITAS_TABLES = 6  # tables before/around the prosedur searched for identitas labels
IDENTITAS_ROWS = 60

LABELS: dict[str, tuple[str, ...]] = {
    "nomor": ("nomor sop", "no sop", "nomor", "no", "nomor dokumen"),
    "tanggal_pembuatan": ("tanggal pembuatan", "tgl pembuatan", "tanggal dibuat", "tanggal penyusunan"),
    "tanggal_revisi": ("tanggal revisi", "tgl revisi", "revisi"),
    "tanggal_efektif": ("tanggal efektif", "tgl efektif", "tanggal berlaku", "tanggal pemberlakuan", "efektif"),
    "disahkan_oleh": ("disahkan oleh", "disahkan", "pengesahan", "ditetapkan oleh", "diketahui oleh"),
    "nama": ("nama sop", "judul sop", "nama prosedur", "nama"),
    "dasar_hukum": ("dasar hukum",),
    "kualifikasi_pelaksana": ("kualifikasi pelaksana", "kualifikasi pelaksanaan", "kualifikasi"),
    "keterkaitan": ("keterkaitan", "keterkaitan dengan sop lain", "keterkaitan sop"),
    "peralatan": ("peralatan perlengkapan", "peralatan dan perlengkapan", "peralatan", "perlengkapan", "sarana dan prasarana"),
    "peringatan": ("peringatan",),
    "pencatatan": ("pencatatan dan pendataan", "pencatatan pendataan", "pencatatan", "pendataan"),
}
LIST_FIELDS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan")
DATE_FIELDS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
HEADER_ROLES: dict[str, tuple[str, ...]] = {
    "no": ("no", "nomor", "no urut"),
    "kegiatan": ("kegiatan", "uraian kegiatan", "aktivitas", "uraian", "langkah kegiatan", "uraian prosedur"),
    "kelengkapan": ("kelengkapan", "persyaratan kelengkapan", "persyaratan", "syarat", "kelengkapan persyaratan"),
    "waktu": ("waktu",),
    "output": ("output", "keluaran", "hasil"),
    "keterangan": ("keterangan", "ket"),
    "pelaksana": ("pelaksana",),
    "mutu_baku": ("mutu baku",),
}
_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[-•·▪●○◦*–—]|[ivxIVX]{1,4}[.)])\s*")
_MARKS = set("✓✔√vVxX•●■□◆◇○◯▭⬭▢☐☑✗✘*")
_NIP = re.compile(r"NIP\.?\s*[:.]?\s*([\d ]{8,30})", re.IGNORECASE)
_BRANCH = re.compile(r"^(?P<label>.*?)\s*(?:→|->|=>|⇒|ke\s+langkah|ke\s+no\.?)\s*(?P<ke>\d{1,4})\s*$", re.IGNORECASE)


@dataclass
class Periksa:
    """An uncertain spot: where in the document (a key path) and what to check."""

    path: Path_
    message_id: str
    args: dict[str, object] = field(default_factory=dict)


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


def norm(text: str) -> str:
    """Lower-case words only: ``Tgl. Pembuatan :`` -> ``tgl pembuatan``."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def match_label(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """The field a label names, tolerant of spelling (close matches of the known variants)."""
    if len(text) > 80:
        return None
    if table is LABELS or table is HEADER_ROLES:
        return _match_known(norm(text), "labels" if table is LABELS else "header")
    return _match_key(norm(text), table)


@functools.lru_cache(maxsize=8192)
def _match_known(key: str, which: str) -> str | None:
    """Memoised: a big document repeats the same short cell texts many times."""
    return _match_key(key, LABELS if which == "labels" else HEADER_ROLES)


def _match_key(key: str, table: dict[str, tuple[str, ...]]) -> str | None:
    if not key or len(key) > 40:
        return None
    for field_, variants in table.items():
        if key in variants:
            return field_
    best: tuple[float, str | None] = (0.0, None)
    if len(key) < 6:
        return None  # short words only exactly: "wakt" is not "waktu", "no" is not "nomor"
    for field_, variants in table.items():
        for variant in variants:
            if len(variant) < 5:
                continue
            matcher = difflib.SequenceMatcher(None, key, variant)
            if matcher.real_quick_ratio() < 0.86 or matcher.quick_ratio() < 0.86:
                continue  # cheap upper bounds first: most cell texts are nothing like a label
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, field_)
    return best[1] if best[0] >= 0.86 else None


def slug(text: str, fallback: str = "x") -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return out[:40].strip("-") or fallback


def items(text: str) -> list[str]:
    """A list cell: one item per line, numbering and bullets stripped, ``-`` means none."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _NUMBERING.sub("", line, count=1).strip() if _NUMBERING.match(line) and len(line.strip()) > 2 else line.strip()
        if line and line not in ("-", "—", "–"):
            out.append(line)
    return out


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


def _distinct(row: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for cell in row:
        if not out or out[-1] is not cell:
            out.append(cell)
    return out


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


# --- prosedur ---------------------------------------------------------------------------


@dataclass
class _Layout:
    header_end: int  # first data row
    no: int | None
    kegiatan: int
    pelaksana: list[tuple[str, list[int]]]  # name, grid columns
    roles: dict[str, int]


def _is_prosedur(grid: Grid) -> bool:
    roles = set()
    for row in grid[:4]:
        for cell in _distinct(row):
            role = match_label(cell.text, HEADER_ROLES)
            if role:
                roles.add(role)
    return "kegiatan" in roles and bool(roles & {"mutu_baku", "kelengkapan", "waktu", "output", "pelaksana"})


def _layout(grid: Grid) -> _Layout | None:
    top = None
    for r, row in enumerate(grid[:4]):
        if any(match_label(c.text, HEADER_ROLES) == "kegiatan" for c in row):
            top = r
            break
    if top is None:
        return None
    kegiatan_cell = next(c for c in grid[top] if match_label(c.text, HEADER_ROLES) == "kegiatan")
    end = top + 1
    while end < len(grid) and end < top + 4:
        row = grid[end]
        kcol = row.index(kegiatan_cell) if kegiatan_cell in row else None
        if kcol is not None:
            end += 1  # the kegiatan header is merged down over this row: still header
            continue
        no_cell = grid[top][0]
        looks_like_step = re.match(r"\s*\d", row[0].text) is not None and row[0] is not no_cell
        if not looks_like_step and any(match_label(c.text, HEADER_ROLES) in ("kelengkapan", "waktu", "output") for c in row):
            end += 1
            continue
        break
    width = len(grid[0]) if grid else 0
    col_texts: list[list[tuple[str, Cell]]] = []
    for c in range(width):
        seen: list[tuple[str, Cell]] = []
        for r in range(top, end):
            cell = grid[r][c]
            if not seen or seen[-1][1] is not cell:
                seen.append((" ".join(cell.text.split()), cell))
        col_texts.append(seen)
    roles: dict[str, int] = {}
    kinds: list[str | None] = []
    for c in range(width):
        kind = None
        for text, _cell in reversed(col_texts[c]):
            role = match_label(text, HEADER_ROLES)
            if role in ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan"):
                kind = role
                break
            if role == "pelaksana":
                kind = "pelaksana"
                break
        kinds.append(kind)
        if kind and kind != "pelaksana":
            roles.setdefault(kind, c)
    if "kegiatan" not in roles:
        return None
    first_mutu = min((roles[k] for k in ("kelengkapan", "waktu", "output") if k in roles), default=width)
    pelaksana: list[tuple[str, list[int]]] = []
    last: Cell | None = None
    for c in range(width):
        in_band = roles["kegiatan"] < c < first_mutu and kinds[c] in (None, "pelaksana")
        if not in_band:
            continue
        text, cell = col_texts[c][-1]
        if match_label(text, HEADER_ROLES) == "pelaksana" or not text:
            text = f"Pelaksana {len(pelaksana) + 1}" if not text or match_label(text, HEADER_ROLES) else text
        if cell is last and pelaksana:
            pelaksana[-1][1].append(c)
        else:
            pelaksana.append((text, [c]))
        last = cell
    # a row of column numbers (1 2 3 ...) under the header
    while end < len(grid):
        texts = [c.text for c in _distinct(grid[end]) if c.text]
        if texts and all(t.isdigit() for t in texts) and len(texts) >= 3:
            end += 1
        else:
            break
    return _Layout(end, roles.get("no"), roles["kegiatan"], pelaksana, roles)


def _cell_text(row: list[Cell], col: int | None, r: int) -> str:
    if col is None or col >= len(row):
        return ""
    cell = row[col]
    return cell.text if cell.row == r else ""


@dataclass
class _Step:
    no_text: str
    kegiatan: str
    marks: dict[int, tuple[list[str], list[str]]]  # pelaksana index -> (shapes, texts)
    kelengkapan: str
    waktu: str
    output: str
    keterangan: str


def _steps(grid: Grid, layout: _Layout) -> list[_Step]:
    out: list[_Step] = []
    for r in range(layout.header_end, len(grid)):
        row = grid[r]
        kegiatan = _cell_text(row, layout.kegiatan, r)
        if norm(kegiatan) in HEADER_ROLES["kegiatan"]:
            continue  # a repeated header
        marks: dict[int, tuple[list[str], list[str]]] = {}
        for p, (_name, cols) in enumerate(layout.pelaksana):
            shapes: list[str] = []
            texts: list[str] = []
            seen: list[Cell] = []
            for c in cols:
                cell = row[c]
                if cell in seen or cell.row != r:
                    continue
                seen.append(cell)
                shapes.extend(cell.shapes)
                texts.extend(line.strip() for line in cell.paragraphs if line.strip())
                texts.extend(cell.shape_texts)
            if shapes or texts:
                marks[p] = (shapes, texts)
        no_text = _cell_text(row, layout.no, r)
        if not kegiatan.strip() and not marks:
            continue
        out.append(
            _Step(
                no_text,
                kegiatan,
                marks,
                _cell_text(row, layout.roles.get("kelengkapan"), r),
                _cell_text(row, layout.roles.get("waktu"), r),
                _cell_text(row, layout.roles.get("output"), r),
                _cell_text(row, layout.roles.get("keterangan"), r),
            )
        )
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


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

    steps: list[_Step] = []
    names: list[str] = []
    column_maps: list[list[int]] = []  # per table: its pelaksana index -> SOP pelaksana index
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
        column_maps.append(mapping)
    if not prosedur:
        periksa.append(Periksa(("langkah",), "office.periksa.tanpa_prosedur"))

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
    data["pelaksana"] = pelaksana
    data["langkah"] = _langkah(steps, kodes, periksa)
    return ImportedSop(path.name, data, periksa, opd)


def _langkah(steps: list[_Step], kodes: list[str], periksa: list[Periksa]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    used: set[int] = set()
    have_mulai = False
    for i, step in enumerate(steps):
        here: Path_ = ("langkah", i)
        m = re.match(r"\s*(\d{1,4})", step.no_text)
        no = int(m.group(1)) if m else (out[-1]["no"] + 1 if out else 1)
        if m is None or no in used:
            no = max(used, default=0) + 1
            periksa.append(Periksa((*here, "no"), "office.periksa.no", {"teks": _one_line(step.no_text) or "-"}))
        used.add(no)
        item: dict[str, Any] = {"no": no, "kegiatan": _one_line(step.kegiatan) or "-"}
        if not step.kegiatan.strip():
            periksa.append(Periksa((*here, "kegiatan"), "office.periksa.kegiatan", {"no": no}))
        # the pelaksana: the column with a flowchart symbol, else one with a mark
        with_shape = [p for p, (shapes, _t) in sorted(step.marks.items()) if any(s != "connector" for s in shapes)]
        with_mark = [p for p, (_s, texts) in sorted(step.marks.items()) if any(_is_mark(t) for t in texts)]
        candidates = with_shape or with_mark or [p for p, (shapes, _t) in sorted(step.marks.items()) if shapes]
        shape_kind: str | None = None
        if candidates:
            chosen = candidates[0]
            item["pelaksana"] = kodes[chosen]
            kinds = [s for s in step.marks[chosen][0] if s != "connector"]
            shape_kind = kinds[0] if kinds else None
            if len(candidates) > 1:
                periksa.append(
                    Periksa((*here, "pelaksana"), "office.periksa.pelaksana_ganda", {"no": no, "kolom": ", ".join(kodes[c] for c in candidates)})
                )
        else:
            item["pelaksana"] = PLACEHOLDER_PELAKSANA
            periksa.append(Periksa((*here, "pelaksana"), "office.periksa.pelaksana", {"no": no}))
        texts = [t for _p, (_s, ts) in sorted(step.marks.items()) for t in ts]
        branches = [(b["label"].strip(), int(b["ke"])) for t in texts if (b := _BRANCH.match(t))]
        simbol = _simbol(shape_kind, step, i, len(steps), have_mulai, branches)
        if simbol == "mulai":
            have_mulai = True
        if simbol != "proses":
            item["simbol"] = simbol
        if shape_kind is None and simbol == "keputusan" and not branches:
            periksa.append(Periksa((*here, "simbol"), "office.periksa.simbol_teks", {"no": no}))
        if simbol == "keputusan":
            labelled = [(label, ke) for label, ke in branches if label]
            if len(labelled) >= 2:
                words = {norm(label) for label, _ in labelled}
                if len(labelled) == 2 and words in ({"ya", "tidak"}, {"yes", "no"}):
                    for label, ke in labelled:
                        item["ya" if norm(label) in ("ya", "yes") else "tidak"] = ke
                else:
                    item["cabang"] = [{"label": label, "ke": ke} for label, ke in labelled]
            else:
                labels = [t for t in texts if norm(t) and not norm(t).isdigit() and not _is_mark(t) and len(t) < 40]
                item["ya"] = None
                item["tidak"] = None
                periksa.append(
                    Periksa((*here, "ya"), "office.periksa.cabang", {"no": no, "label": ", ".join(labels) or "-"})
                )
        elif branches:
            item["lanjut"] = branches[0][1]
        mutu: dict[str, Any] = {}
        kelengkapan = items(step.kelengkapan)
        if kelengkapan:
            mutu["kelengkapan"] = kelengkapan
        waktu = _one_line(step.waktu)
        mutu["waktu"] = waktu or None
        if not waktu:
            periksa.append(Periksa((*here, "mutu_baku", "waktu"), "office.periksa.waktu_kosong", {"no": no}))
        elif parse_durasi(waktu) is None:
            periksa.append(Periksa((*here, "mutu_baku", "waktu"), "office.periksa.waktu", {"no": no, "teks": waktu}))
        output = _one_line(step.output)
        if output:
            mutu["output"] = output
        item["mutu_baku"] = mutu
        keterangan = _one_line(step.keterangan)
        if keterangan and keterangan not in ("-",):
            item["keterangan"] = keterangan
        out.append(item)
    return out


def _is_mark(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and len(stripped) <= 3 and all(ch in _MARKS or ch.isspace() for ch in stripped)


def _simbol(shape: str | None, step: _Step, i: int, count: int, have_mulai: bool, branches: list[tuple[str, int]]) -> str:
    if shape == "terminator":
        return "selesai" if have_mulai else "mulai"
    if shape == "decision":
        return "keputusan"
    if shape == "process":
        return "proses"
    if len([b for b in branches if b[0]]) >= 2:
        return "keputusan"
    text = norm(step.kegiatan)
    if "?" in step.kegiatan or text.startswith("apakah"):
        return "keputusan"
    if i == 0:
        return "mulai"
    if i == count - 1:
        return "selesai"
    return "proses"


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
