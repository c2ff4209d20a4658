"""The prosedur table of a Word SOP: its layout, its rows as steps, and the ``langkah``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from probis_cli.durasi import parse_durasi
from probis_cli.office.sop_labels import (
    _BRANCH,
    _MARKS,
    HEADER_ROLES,
    PLACEHOLDER_PELAKSANA,
    Periksa,
    _distinct,
    _one_line,
    items,
    match_label,
    norm,
)
from probis_cli.office.wordml import Cell, Grid
from probis_cli.office.yamltext import Path_

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
        if not looks_like_step and any(
            match_label(c.text, HEADER_ROLES) in ("kelengkapan", "waktu", "output") for c in row
        ):
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
        shape_kind = _pelaksana(step, kodes, item, here, periksa)
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
            _keputusan(item, branches, texts, here, periksa)
        elif branches:
            item["lanjut"] = branches[0][1]
        item["mutu_baku"] = _mutu_baku(step, no, here, periksa)
        keterangan = _one_line(step.keterangan)
        if keterangan and keterangan not in ("-",):
            item["keterangan"] = keterangan
        out.append(item)
    return out


def _pelaksana(step: _Step, kodes: list[str], item: dict[str, Any], here: Path_, periksa: list[Periksa]) -> str | None:
    """Set the step's pelaksana: the column with a flowchart symbol, else one with a mark.

    Returns the kind of that column's symbol (None when it has none)."""
    no = item["no"]
    with_shape = [p for p, (shapes, _t) in sorted(step.marks.items()) if any(s != "connector" for s in shapes)]
    with_mark = [p for p, (_s, texts) in sorted(step.marks.items()) if any(_is_mark(t) for t in texts)]
    candidates = with_shape or with_mark or [p for p, (shapes, _t) in sorted(step.marks.items()) if shapes]
    if not candidates:
        item["pelaksana"] = PLACEHOLDER_PELAKSANA
        periksa.append(Periksa((*here, "pelaksana"), "office.periksa.pelaksana", {"no": no}))
        return None
    chosen = candidates[0]
    item["pelaksana"] = kodes[chosen]
    kinds = [s for s in step.marks[chosen][0] if s != "connector"]
    if len(candidates) > 1:
        periksa.append(
            Periksa(
                (*here, "pelaksana"),
                "office.periksa.pelaksana_ganda",
                {"no": no, "kolom": ", ".join(kodes[c] for c in candidates)},
            )
        )
    return kinds[0] if kinds else None


def _keputusan(
    item: dict[str, Any], branches: list[tuple[str, int]], texts: list[str], here: Path_, periksa: list[Periksa]
) -> None:
    """A decision's exits: ya/tidak, or labelled cabang; both left empty (to check) when unlabelled."""
    labelled = [(label, ke) for label, ke in branches if label]
    if len(labelled) >= 2:
        words = {norm(label) for label, _ in labelled}
        if len(labelled) == 2 and words in ({"ya", "tidak"}, {"yes", "no"}):
            for label, ke in labelled:
                item["ya" if norm(label) in ("ya", "yes") else "tidak"] = ke
        else:
            item["cabang"] = [{"label": label, "ke": ke} for label, ke in labelled]
        return
    labels = [t for t in texts if norm(t) and not norm(t).isdigit() and not _is_mark(t) and len(t) < 40]
    item["ya"] = None
    item["tidak"] = None
    periksa.append(
        Periksa((*here, "ya"), "office.periksa.cabang", {"no": item["no"], "label": ", ".join(labels) or "-"})
    )


def _mutu_baku(step: _Step, no: int, here: Path_, periksa: list[Periksa]) -> dict[str, Any]:
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
    return mutu


def _is_mark(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and len(stripped) <= 3 and all(ch in _MARKS or ch.isspace() for ch in stripped)


def _simbol(
    shape: str | None, step: _Step, i: int, count: int, have_mulai: bool, branches: list[tuple[str, int]]
) -> str:
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
