"""``probis ganti-kode OLD NEW``: rename a code and every reference to it, as text edits.

Every reference is found from what probis reads (the data and the position of every
scalar), and only those scalars' text is replaced in the file: every other byte — comments,
layout, quotes, BOM, CRLF — stays as it was, so the pull request shows exactly the renamed
codes. Each edited file is read back with probis's reader and must hold exactly the data
expected (the old data with the code renamed); otherwise nothing is written. Files whose
path carries the code (``opd/dinkes.yaml``, ``proses/dinkes/``, ``PB.02.yaml``,
``SOP-DINKES-001.yaml``) are moved.

What can be renamed (``jenis``):

* ``opd``: ``kode`` of the OPD and every reference ``opd`` / ``opd/...`` (pemilik, dari, untuk,
  pelaksana, SOP unit and jabatan, RPJMD program opd); folders and files named after it.
* ``unit`` / ``jabatan`` (written ``opd/kode``): the entry in the OPD, ``induk`` / ``unit``
  inside that OPD, and every reference ``opd/kode``.
* ``pihak`` (pihak luar): the entry in probis.yaml and every reference to it.
* ``proses``: ``kode``, ``induk`` of its children, ``proses`` of its SOPs; child codes that
  start with the old code are renamed with it (``PB.02.01`` -> ``PB.12.01``), as the codes of
  children start with their parent's.
* ``sop``: ``kode``, ``sop`` lists of processes, ``keterkaitan`` of other SOPs.
* ``kegiatan`` (kegiatan or sub kegiatan): the Renstra entry, its sub kegiatan, process
  ``kegiatan`` lists and ``pengaturan.lint.kegiatan_bersama``.
* ``pelaksana`` (written ``SOP-KODE:kode``): the actor column of that SOP and its steps.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from probis_cli.model.common import KEGIATAN_RE, SLUG_RE, SUB_KEGIATAN_RE
from probis_cli.scaffold.files import read_raw
from probis_cli.scaffold.rename_rules import Jenis, Rule, rules
from probis_cli.scaffold.roundtrip import Envelope, same_content
from probis_cli.source.reader import PosTree, read_text

JENIS: tuple[Jenis, ...] = ("opd", "unit", "jabatan", "pihak", "proses", "sop", "kegiatan", "pelaksana")
_SLUG = re.compile(SLUG_RE)
_KEGIATAN = re.compile(f"(?:{KEGIATAN_RE}|{SUB_KEGIATAN_RE})")


class RenameError(ValueError):
    """The rename cannot be done; ``message_id`` and ``args`` say why."""

    def __init__(self, message_id: str, **args: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@dataclass(frozen=True)
class Edit:
    """One scalar replaced: where, and the text before and after."""

    line: int
    column: int
    old: str
    new: str


@dataclass
class FileChange:
    """What happens to one file: its edits, new text, and where it moves."""

    path: str
    new_path: str
    edits: list[Edit] = field(default_factory=list)
    before: str = ""
    after: str = ""


@dataclass
class Plan:
    """Everything a rename does, computed before anything is written."""

    jenis: Jenis
    old: str
    new: str
    renamed: dict[str, str]  # every code renamed (a process's children too)
    changes: list[FileChange]
    mentions: list[tuple[str, int]] = field(default_factory=list)  # free text naming an old code


def _scalars(data: Any, pos: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, int, int]]:
    """Every scalar value with its path and (line, column) (``pos``: the reader's position tree)."""
    if isinstance(data, dict) and isinstance(pos, dict):
        for key, value in data.items():
            entry = pos.get(key)
            if entry is None:
                continue
            if isinstance(value, (dict, list)):
                yield from _scalars(value, entry[4], (*path, key))
            elif isinstance(value, str):
                yield (*path, key), value, entry[2], entry[3]
    elif isinstance(data, list) and isinstance(pos, list):
        for i, (value, item) in enumerate(zip(data, pos)):
            if isinstance(value, (dict, list)):
                yield from _scalars(value, item[2], (*path, i))
            elif isinstance(value, str):
                yield (*path, i), value, item[0], item[1]


def _shape(path: tuple[Any, ...]) -> str:
    """``("langkah", 3, "pelaksana")`` -> ``"langkah.pelaksana"`` (list indexes dropped)."""
    return ".".join(str(p) for p in path if not isinstance(p, int))


@dataclass
class _Doc:
    path: str
    text: str  # LF, no BOM
    envelope: Envelope
    data: Any
    pos: PosTree


def _documents(root: Path, paths: list[str]) -> list[_Doc]:
    out: list[_Doc] = []
    for rel in paths:
        raw = read_raw(root, rel)
        if raw is None:
            continue
        envelope, text = Envelope.of(raw)
        result = read_text(text)
        for document in result.documents:
            if isinstance(document.data, dict):
                out.append(_Doc(rel, text, envelope, document.data, document.pos))  # type: ignore[arg-type]
    return out


def _codes(docs: list[_Doc], jenis: str) -> set[str]:
    return {
        str(d.data.get("kode")) for d in docs if d.data.get("jenis") == jenis and isinstance(d.data.get("kode"), str)
    }


def _entries(
    docs: list[_Doc], jenis: str, key: str, where: Callable[[dict[str, Any]], bool] = lambda d: True
) -> set[str]:
    out: set[str] = set()
    for d in docs:
        if d.data.get("jenis") == jenis and where(d.data):
            for item in d.data.get(key) or []:
                if isinstance(item, dict) and isinstance(item.get("kode"), str):
                    out.add(item["kode"])
    return out


def detect(docs: list[_Doc], old: str) -> list[Jenis]:
    """Which kinds of code ``old`` names in this repository."""
    found: list[Jenis] = []
    if ":" in old:
        sop, _, kode = old.partition(":")
        if kode in _entries(docs, "sop", "pelaksana", lambda d: d.get("kode") == sop):
            found.append("pelaksana")
        return found
    if "/" in old:
        opd, _, kode = old.partition("/")
        if kode in _entries(docs, "opd", "unit", lambda d: d.get("kode") == opd):
            found.append("unit")
        if kode in _entries(docs, "opd", "jabatan", lambda d: d.get("kode") == opd):
            found.append("jabatan")
        return found
    if old in _codes(docs, "opd"):
        found.append("opd")
    if old in _entries(docs, "pemda", "pihak_luar"):
        found.append("pihak")
    if old in _codes(docs, "proses"):
        found.append("proses")
    if old in _codes(docs, "sop"):
        found.append("sop")
    kegiatan = _entries(docs, "opd", "kegiatan")
    for d in docs:
        if d.data.get("jenis") == "opd":
            for item in d.data.get("kegiatan") or []:
                if isinstance(item, dict):
                    kegiatan |= {
                        s["kode"]
                        for s in item.get("sub_kegiatan") or []
                        if isinstance(s, dict) and isinstance(s.get("kode"), str)
                    }
    if old in kegiatan:
        found.append("kegiatan")
    return found


def _check_new(jenis: Jenis, old: str, new: str) -> str:
    """The new code as written in the documents (``opd/x`` -> ``x`` for units and jabatan)."""
    if jenis in ("unit", "jabatan"):
        opd = old.partition("/")[0]
        if "/" in new:
            new_opd, _, new = new.partition("/")
            if new_opd != opd:
                raise RenameError("ganti.other_opd", old=old)
    if jenis == "pelaksana" and ":" in new:
        new = new.partition(":")[2]
    pattern = _KEGIATAN if jenis == "kegiatan" else _SLUG
    if not pattern.fullmatch(new):
        raise RenameError("ganti.bad_new", new=new, jenis=jenis)
    return new


_DELIMITERS = frozenset(" \t,]}#\n\"'")


def _splice(text: str, edits: list[Edit]) -> str | None:
    """``text`` with each edit applied at its position; None when a position does not hold
    the expected scalar (an alias, a multi-line scalar: such files are refused)."""
    lines = text.split("\n")
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.line, []).append(edit)
    for number, line_edits in by_line.items():
        line = lines[number - 1]
        for edit in sorted(line_edits, key=lambda e: -e.column):
            start = edit.column - 1
            quote = line[start : start + 1]
            if quote in ("'", '"'):
                token = quote + edit.old + quote
                replacement = quote + edit.new + quote
            else:
                token, replacement = edit.old, edit.new
            end = start + len(token)
            if line[start:end] != token or (end < len(line) and line[end] not in _DELIMITERS and line[end] != ":"):
                return None
            line = line[:start] + replacement + line[end:]
        lines[number - 1] = line
    return "\n".join(lines)


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _moved(path: str, jenis: Jenis, renamed: dict[str, str]) -> str:
    """The new path of a file: folder and file names equal to a renamed code follow it."""
    if jenis not in ("opd", "proses", "sop"):
        return path
    parts = list(PurePosixPath(path).parts)
    stem, _, suffix = parts[-1].rpartition(".")
    if stem in renamed:
        parts[-1] = f"{renamed[stem]}.{suffix}"
    if jenis == "opd":
        parts[:-1] = [renamed.get(p, p) for p in parts[:-1]]
    return PurePosixPath(*parts).as_posix()


def plan_rename(root: Path, paths: list[str], old: str, new: str, jenis: Jenis | None = None) -> Plan:
    """Work out every edit and move of renaming ``old`` to ``new``; nothing is written."""
    docs = _documents(root, paths)
    kind = _kind_of(docs, old, jenis)
    short_new, full_new, renamed = _new_codes(docs, kind, old, new)
    by_path = _edits(docs, rules(kind, old, short_new, renamed), kind, renamed)
    mentions = _mentions(
        docs, kind, old, renamed, {(c.path, e.line, e.column) for c in by_path.values() for e in c.edits}
    )
    changes = [change for change in by_path.values() if _apply(change, docs)]
    targets = [c.new_path for c in changes if c.new_path != c.path]
    existing = set(paths)
    for target in targets:
        if target in existing and target not in {c.path for c in changes}:
            raise RenameError("ganti.target_exists", path=target)
    return Plan(kind, old, full_new, renamed, sorted(changes, key=lambda c: c.path), mentions)


def _kind_of(docs: list[_Doc], old: str, jenis: Jenis | None) -> Jenis:
    """The one kind of code ``old`` names (``jenis`` when given and found)."""
    kinds = detect(docs, old)
    if jenis is not None:
        if jenis not in kinds:
            raise RenameError("ganti.not_found_as", old=old, jenis=jenis)
        kinds = [jenis]
    if not kinds:
        raise RenameError("ganti.not_found", old=old)
    if len(kinds) > 1:
        raise RenameError("ganti.ambiguous", old=old, kinds=", ".join(kinds))
    return kinds[0]


def _new_codes(docs: list[_Doc], kind: Jenis, old: str, new: str) -> tuple[str, str, dict[str, str]]:
    """``(short_new, full_new, renamed)``: the new code as written in the documents, as the user
    names it, and every code that changes (a proses takes its sub-processes along)."""
    short_new = _check_new(kind, old, new)
    full_new = (
        f"{old.partition('/')[0]}/{short_new}"
        if kind in ("unit", "jabatan")
        else (f"{old.partition(':')[0]}:{short_new}" if kind == "pelaksana" else short_new)
    )
    if full_new == old:
        raise RenameError("ganti.same", old=old)
    if detect(docs, full_new) and kind in detect(docs, full_new):
        raise RenameError("ganti.exists", new=full_new)
    renamed = (
        {old: short_new}
        if kind not in ("unit", "jabatan", "pelaksana")
        else {old.partition("/")[2] or old.partition(":")[2]: short_new}
    )
    if kind == "proses":
        for code in sorted(_codes(docs, "proses")):
            if code.startswith(old + "."):
                child = short_new + code[len(old) :]
                if child in _codes(docs, "proses"):
                    raise RenameError("ganti.exists", new=child)
                renamed[code] = child
    return short_new, full_new, renamed


def _edits(docs: list[_Doc], doc_rules: list[Rule], kind: Jenis, renamed: dict[str, str]) -> dict[str, FileChange]:
    """Every document's change: the scalars the rules replace, and where the file moves."""
    by_path: dict[str, FileChange] = {}
    for doc in docs:
        edits: list[Edit] = []
        for accepts, shapes, replace in doc_rules:
            if not accepts(doc.data):
                continue
            for path, value, line, column in _scalars(doc.data, doc.pos):
                if _shape(path) in shapes:
                    replaced = replace(value)
                    if replaced is not None and replaced != value:
                        edits.append(Edit(line, column, value, replaced))
        change = by_path.setdefault(doc.path, FileChange(doc.path, _moved(doc.path, kind, renamed), before=doc.text))
        change.edits.extend(edits)
    return by_path


def _apply(change: FileChange, docs: list[_Doc]) -> bool:
    """Splice ``change``'s edits into its text and check that the file still means what it did,
    with the new codes in place; False when the file neither changes nor moves."""
    if not change.edits and change.new_path == change.path:
        return False
    unique = sorted(set(change.edits), key=lambda e: (e.line, e.column))
    change.edits = unique
    after = _splice(change.before, unique) if unique else change.before
    if after is None:
        raise RenameError("ganti.cannot_edit", path=change.path)
    wanted = {(e.line, e.column): e.new for e in unique}

    def expect(data: Any, doc_path: str = change.path) -> Any:
        out = copy.deepcopy(data)
        for doc in docs:
            if doc.path == doc_path and doc.data == data:
                for path, value, line, column in _scalars(doc.data, doc.pos):
                    if (line, column) in wanted:
                        _set(out, path, wanted[(line, column)])
        return out

    if not same_content(change.path, change.before, after, expect):
        raise RenameError("ganti.cannot_edit", path=change.path)
    change.after = after
    return True


def _mentions(
    docs: list[_Doc], kind: Jenis, old: str, renamed: dict[str, str], edited: set[tuple[str, int, int]]
) -> list[tuple[str, int]]:
    """Free text (descriptions, names, notes) that names an old code: left for a person to
    reword, and listed so that nobody has to search for it."""
    words = [old] + [k for k in renamed if k != old and kind == "proses"]
    pattern = re.compile(
        "|".join(rf"(?<![\w./-]){re.escape(w)}(?![\w/-])(?!\.\d)" for w in sorted(words, key=len, reverse=True))
    )
    out: set[tuple[str, int]] = set()
    for doc in docs:
        lines = doc.text.split("\n")
        for _path, value, line, column in _scalars(doc.data, doc.pos):
            if (doc.path, line, column) not in edited and pattern.search(value):
                # A folded or multi-line value starts above the line that names the code.
                at = next((n for n in range(line, len(lines) + 1) if pattern.search(lines[n - 1])), line)
                out.add((doc.path, at))
    return sorted(out)


def apply_plan(root: Path, plan: Plan) -> None:
    """Write the plan: new texts first (at their new paths), then remove the moved files'
    old paths and the folders they leave empty; an interruption never loses a document."""
    from probis_cli import fs

    for change in plan.changes:
        target = fs.resolve_inside(root, change.new_path) if change.new_path == change.path else root / change.new_path
        fs.write_atomic(
            target, Envelope.of(read_raw(root, change.path) or "")[0].wrap(change.after).encode("utf-8"), root=root
        )
    for change in plan.changes:
        if change.new_path != change.path:
            fs.remove_inside(root, change.path)
            folder = (root / change.path).parent
            while folder != root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent


def diff_text(plan: Plan) -> str:
    """The plan as a git-style unified diff (renames included), for ``--dry-run``."""
    import difflib

    out: list[str] = []
    for change in plan.changes:
        if change.new_path != change.path:
            out.append(f"diff --git a/{change.path} b/{change.new_path}\n")
            out.append(f"rename from {change.path}\nrename to {change.new_path}\n")
        out.extend(
            difflib.unified_diff(
                change.before.splitlines(keepends=True),
                change.after.splitlines(keepends=True),
                f"a/{change.path}",
                f"b/{change.new_path}",
            )
        )
    return "".join(out)
