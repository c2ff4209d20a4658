"""Label tables and text helpers shared by the Word SOP importer and its prosedur reader."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from probis_cli.office.wordml import Cell
from probis_cli.office.yamltext import Path_

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
    "peralatan": (
        "peralatan perlengkapan",
        "peralatan dan perlengkapan",
        "peralatan",
        "perlengkapan",
        "sarana dan prasarana",
    ),
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
        line = (
            _NUMBERING.sub("", line, count=1).strip()
            if _NUMBERING.match(line) and len(line.strip()) > 2
            else line.strip()
        )
        if line and line not in ("-", "—", "–"):
            out.append(line)
    return out


def _distinct(row: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for cell in row:
        if not out or out[-1] is not cell:
            out.append(cell)
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())
