"""Merge kegiatan / sub kegiatan rows into an OPD's Renstra in its YAML file.

The file is changed by inserting lines only: new kegiatan after the last one, new sub
kegiatan after the last sub kegiatan of their kegiatan, in the style of their neighbours
(block or one-line flow mappings, same indentation). Every other line, comment and quote
stays as it was. ruamel.yaml's round-trip loader supplies the structure and positions, and
the result is parsed again before it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probis_cli import fs
from probis_cli.model.common import KEGIATAN_RE, PROGRAM_RE, SUB_KEGIATAN_RE
from probis_cli.office import OfficeError
from probis_cli.office.xlsx_import import Baris
from probis_cli.office.yamltext import scalar

MAX_YAML = 8 * 1024 * 1024


@dataclass
class MergeResult:
    path: str
    added: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, str]] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)
    orphans: list[tuple[str, str]] = field(default_factory=list)
    other_program: list[tuple[str, str]] = field(default_factory=list)
    same: int = 0
    text: str | None = None


def _flow_scalar(text: str) -> str:
    out = scalar(text)
    if out == text and re.search(r"[,\[\]{}]", text):
        out = scalar(text, force_quote=True)
    return out


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """Index of the last content line of the block starting at ``start`` (0-based)."""
    last = start
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[i]) - len(lines[i].lstrip(" ")) <= indent:
            break
        last = i
    return last


def _load_opd(text: str) -> tuple[Any, Any, list[Any], dict[str, tuple[int, Any]]]:
    """The parsed OPD document, its ``kegiatan`` sequence and items, and the items by code."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise OfficeError("office.renstra.not_mapping", path="", detail=str(exc).split("\n")[0]) from None
    if not isinstance(data, dict) or data.get("jenis") != "opd":
        raise OfficeError("office.renstra.not_mapping", path="", detail="jenis: opd")
    kegiatan = data.get("kegiatan")
    existing: dict[str, tuple[int, Any]] = {}
    if kegiatan is not None and not hasattr(kegiatan, "lc"):
        raise OfficeError("office.renstra.not_mapping", path="", detail="kegiatan")
    items = list(kegiatan) if kegiatan is not None else []
    for i, item in enumerate(items):
        if isinstance(item, dict) and "kode" in item:
            existing[str(item["kode"])] = (i, item)
    return data, kegiatan, items, existing


def _compare_name(result: MergeResult, kode: str, old: str, nama: str) -> None:
    if nama and " ".join(old.split()) != nama:
        result.changed.append((kode, old, nama))
    else:
        result.same += 1


def _classify(
    rows: list[Baris], existing: dict[str, tuple[int, Any]], programs: set[str] | None, result: MergeResult
) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """What the sheet brings, in order: new kegiatan and new sub kegiatan by parent."""
    new_kegiatan: dict[str, str] = {}
    new_sub: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        kode = row.kode
        if re.fullmatch(PROGRAM_RE, kode) or re.fullmatch(r"\d\.\d{2}", kode) or re.fullmatch(r"\d", kode):
            if (
                programs is not None
                and re.fullmatch(PROGRAM_RE, kode)
                and kode not in programs
                and not kode.split(".")[2] == "01"
            ):
                result.other_program.append((kode, kode))
            continue
        if re.fullmatch(KEGIATAN_RE, kode):
            if kode in existing:
                _compare_name(result, kode, str(existing[kode][1].get("nama", "")), row.nama)
            elif kode not in new_kegiatan:
                new_kegiatan[kode] = row.nama
            continue
        if re.fullmatch(SUB_KEGIATAN_RE, kode):
            parent = ".".join(kode.split(".")[:5])
            if parent in existing:
                subs = existing[parent][1].get("sub_kegiatan") or []
                match = next((s for s in subs if isinstance(s, dict) and str(s.get("kode")) == kode), None)
                if match is not None:
                    _compare_name(result, kode, str(match.get("nama", "")), row.nama)
                    continue
            elif parent not in new_kegiatan:
                result.orphans.append((kode, parent))
                continue
            if all(k != kode for k, _ in new_sub.get(parent, [])):
                new_sub.setdefault(parent, []).append((kode, row.nama))
            continue
        result.unknown.append((row.row, kode))
    return new_kegiatan, new_sub


def _sub_inserts(
    lines: list[str],
    kegiatan: Any,
    existing: dict[str, tuple[int, Any]],
    new_sub: dict[str, list[tuple[str, str]]],
    result: MergeResult,
) -> list[tuple[int, list[str]]]:
    """New sub kegiatan under existing kegiatan: (after line index, lines) to insert."""
    inserts: list[tuple[int, list[str]]] = []
    for parent, subs in new_sub.items():
        if parent not in existing:
            continue
        i, item = existing[parent]
        line, col = items_lc(kegiatan, i)
        item_indent = col - 2
        sub_seq = item.get("sub_kegiatan")
        if sub_seq:
            s_line, s_col = items_lc(sub_seq, 0)
            flow = lines[s_line][s_col:].lstrip().startswith("{")
            last_line, _ = items_lc(sub_seq, len(sub_seq) - 1)
            end = _block_end(lines, last_line, s_col - 2)
            pad = " " * (s_col - 2)
            new = (
                [_sub_line(pad, k, n, flow) for k, n in subs]
                if flow
                else [x for k, n in subs for x in _sub_block(pad, k, n)]
            )
            inserts.append((end, new))
        else:
            end = _block_end(lines, line, item_indent)
            pad = " " * col
            inserts.append((end, [f"{pad}sub_kegiatan:", *(_sub_line(pad + "  ", k, n, True) for k, n in subs)]))
        for k, n in subs:
            result.added.append((k, n))
    return inserts


def _kegiatan_insert(
    lines: list[str],
    data: Any,
    kegiatan: Any,
    items: list[Any],
    new_kegiatan: dict[str, str],
    new_sub: dict[str, list[tuple[str, str]]],
    result: MergeResult,
) -> tuple[int, list[str]]:
    """New kegiatan at the end of the list (``lines`` may gain the ``kegiatan:`` key)."""
    if items:
        last_line, col = items_lc(kegiatan, len(items) - 1)
        end = _block_end(lines, last_line, col - 2)
        pad = " " * (col - 2)
        flow_sub = _sub_style(lines, items)
    else:
        key_line = getattr(data, "lc").key("kegiatan")[0] if kegiatan is not None else None
        pad = "  "
        flow_sub = True
        if key_line is None:
            while lines and lines[-1] == "":
                lines.pop()
            lines.append("kegiatan:")
            lines.append("")
            end = len(lines) - 2
        else:
            lines[key_line] = re.sub(r"kegiatan:\s*\[\s*\]", "kegiatan:", lines[key_line])
            end = key_line
    block: list[str] = []
    for kode, nama in new_kegiatan.items():
        block.append(f"{pad}- kode: {kode}")
        block.append(f"{pad}  nama: {scalar(nama or kode)}")
        subs = new_sub.get(kode, [])
        if subs:
            block.append(f"{pad}  sub_kegiatan:")
            for k, n in subs:
                block.extend([_sub_line(pad + "    ", k, n, True)] if flow_sub else _sub_block(pad + "    ", k, n))
        result.added.append((kode, nama))
        result.added.extend(subs)
    return end, block


def merge_text(text: str, rows: list[Baris], programs: set[str] | None = None) -> tuple[str, MergeResult]:
    """The new text of an OPD document with ``rows`` merged in."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    result = MergeResult(path="")
    data, kegiatan, items, existing = _load_opd(text)
    lines = text.split("\n")
    new_kegiatan, new_sub = _classify(rows, existing, programs, result)
    inserts = _sub_inserts(lines, kegiatan, existing, new_sub, result)
    if new_kegiatan:
        inserts.append(_kegiatan_insert(lines, data, kegiatan, items, new_kegiatan, new_sub, result))
    for after, new in sorted(inserts, key=lambda x: -x[0]):
        lines[after + 1 : after + 1] = new
    out = "\n".join(lines)
    try:
        YAML(typ="rt").load(out)
    except YAMLError as exc:  # never write a file we cannot read back
        raise OfficeError("office.renstra.not_mapping", path="", detail=str(exc).split("\n")[0]) from None
    return out, result


def items_lc(seq: Any, i: int) -> tuple[int, int]:
    line, col = seq.lc.item(i)
    return int(line), int(col)


def _sub_style(lines: list[str], items: list[Any]) -> bool:
    for item in items:
        subs = item.get("sub_kegiatan") if isinstance(item, dict) else None
        if subs:
            line, col = items_lc(subs, 0)
            return lines[line][col:].lstrip().startswith("{")
    return True


def _sub_line(pad: str, kode: str, nama: str, flow: bool) -> str:
    return f"{pad}- {{kode: {kode}, nama: {_flow_scalar(nama or kode)}}}"


def _sub_block(pad: str, kode: str, nama: str) -> list[str]:
    return [f"{pad}- kode: {kode}", f"{pad}  nama: {scalar(nama or kode)}"]


def merge_into_repo(root: Path, opd: str, rows: list[Baris], *, write: bool = True) -> MergeResult:
    """Merge ``rows`` into the YAML file of OPD ``opd`` in the repository at ``root``."""
    from probis_cli import api

    loaded = api.load(root)
    doc = loaded.index.opd.get(opd)
    if doc is None:
        raise OfficeError("office.cli.opd_not_found", opd=opd)
    rpjmd = loaded.index.rpjmd
    programs = {p.kode for p in rpjmd.model.program} if rpjmd is not None else None
    path = fs.resolve_inside(loaded.root, doc.path)
    try:
        raw = fs.read_limited(path, MAX_YAML)
    except OSError as exc:
        raise OfficeError("office.io_error", detail=str(exc)) from None
    text = raw.decode("utf-8-sig")
    crlf = "\r\n" in text
    new, result = merge_text(text.replace("\r\n", "\n"), rows, programs)
    if crlf:
        new = new.replace("\n", "\r\n")
    result.path = doc.path
    if new != text.replace("\r\n", "\n") if not crlf else new != text:
        result.text = new
        if write:
            fs.write_atomic(
                path,
                new.encode("utf-8") if not raw.startswith(b"\xef\xbb\xbf") else b"\xef\xbb\xbf" + new.encode("utf-8"),
                root=loaded.root,
            )
    else:
        result.text = new
    return result
