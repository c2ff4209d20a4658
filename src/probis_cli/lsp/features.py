"""What the editor features answer, independent of the LSP wire format.

Positions here are 1-based lines and 1-based character columns, as in findings; the server
converts them to the client's units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from probis_cli.findings import Finding
from probis_cli.i18n import Lang, translate
from probis_cli.index import Index
from probis_cli.lsp.xref import CrossReference, Occurrence, Symbol
from probis_cli.model.proses import Proses
from probis_cli.model.sop import Sop

MAX_LISTED = 8


def _t(lang: Lang, message_id: str, **args: Any) -> str:
    return translate(message_id, lang, **args)


def _listed(lang: Lang, items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += " " + _t(lang, "lsp.more", count=len(items) - MAX_LISTED)
    return shown


def _opd_label(index: Index, kode: str) -> str:
    doc = index.opd.get(kode)
    return f"{doc.model.nama} ({kode})" if doc is not None else kode


def _plan_users(index: Index, code: str) -> list[str]:
    return sorted(k for k, d in index.proses.items() if code in d.model.kegiatan)


def _program_of(index: Index, code: str) -> str | None:
    parts = code.split(".")
    if len(parts) < 3:
        return None
    program = ".".join(parts[:3])
    model = index.program_model(program)
    return f"{program} — {model.nama}" if model is not None else None


class _Hover:
    """The Markdown lines of a hover, built field by field."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.lines: list[str] = []

    def head(self, kind_id: str, code: str, name: str | None) -> None:
        self.lines.append(f"**{_t(self.lang, kind_id)}** `{code}`" + (f" — {name}" if name else ""))

    def field(self, field_id: str, value: str) -> None:
        if value:
            self.lines.append(f"- {_t(self.lang, field_id)}: {value}")

    def not_found(self) -> None:
        self.lines.append(f"_{_t(self.lang, 'lsp.not_found')}_")


def _describe_actor(out: _Hover, kind: str, key: str, index: Index) -> None:
    actor = index.actor(key)
    if actor is None:
        out.head("lsp.kind.opd" if "/" not in key else "lsp.kind.unit", key, None)
        out.not_found()
        return
    out.head(f"lsp.kind.{actor.kind}", key, actor.nama)
    if actor.opd is not None and actor.kind != "opd":
        out.field("lsp.field.opd", _opd_label(index, actor.opd))
    if actor.kind == "opd":
        owned = sorted(k for k in index.proses if actor.ref in index.owners(k))
        out.field("lsp.field.proses", _listed(out.lang, owned))


def _describe_plan(out: _Hover, kind: str, key: str, index: Index) -> None:
    entries = index.kegiatan.get(key)
    subs = index.sub_kegiatan.get(key)
    if entries:
        out.head("lsp.kind.kegiatan", key, entries[0].kegiatan.nama)
        out.field("lsp.field.opd", ", ".join(_opd_label(index, e.opd) for e in entries))
    elif subs:
        out.head("lsp.kind.sub_kegiatan", key, subs[0].sub_kegiatan.nama)
        out.field("lsp.field.opd", ", ".join(_opd_label(index, e.opd) for e in subs))
    else:
        out.head("lsp.kind.kegiatan", key, None)
        out.not_found()
    program = _program_of(index, key)
    if program:
        out.field("lsp.field.program", program)
    out.field("lsp.field.dilaksanakan", _listed(out.lang, _plan_users(index, key)))


def _describe_rpjmd(out: _Hover, kind: str, key: str, index: Index) -> None:
    table: dict[str, int] = getattr(index, kind)
    rpjmd = index.rpjmd
    if rpjmd is None or key not in table:
        out.head(f"lsp.kind.{kind}", key, None)
        out.not_found()
        return
    item = getattr(rpjmd.model, kind)[table[key]]
    out.head(f"lsp.kind.{kind}", key, getattr(item, "nama", None) or getattr(item, "uraian", None))
    if kind == "program":
        out.field("lsp.field.sasaran", ", ".join(item.sasaran))
        out.field("lsp.field.opd", ", ".join(_opd_label(index, o) for o in item.opd))


def _describe_proses(out: _Hover, kind: str, key: str, index: Index) -> None:
    doc = index.proses.get(key)
    if doc is None:
        out.head("lsp.kind.proses", key, None)
        out.not_found()
        return
    p: Proses = doc.model
    out.head("lsp.kind.proses", key, p.nama)
    out.field("lsp.field.kategori", p.kategori)
    out.field("lsp.field.level", str(index.level.get(key, "")))
    out.field("lsp.field.pemilik", ", ".join(p.pemilik))
    out.field("lsp.field.induk", p.induk or "")
    out.field("lsp.field.kegiatan", ", ".join(p.kegiatan))
    out.field("lsp.field.sop", ", ".join(index.sop_by_proses.get(key, [])))
    out.field("lsp.field.file", doc.path)


def _describe_sop(out: _Hover, kind: str, key: str, index: Index) -> None:
    doc_s = index.sop.get(key)
    if doc_s is None:
        out.head("lsp.kind.sop", key, None)
        out.not_found()
        return
    s: Sop = doc_s.model
    out.head("lsp.kind.sop", key, s.nama)
    out.field("lsp.field.nomor", s.nomor or "")
    out.field("lsp.field.proses", s.proses or "")
    out.field("lsp.field.unit", s.unit or "")
    out.field("lsp.field.file", doc_s.path)


def _describe_local(out: _Hover, kind: str, key: str, index: Index) -> None:
    """An aktivitas of a proses, a pelaksana or a langkah of a SOP (``owner#local``)."""
    owner, _, local = key.partition("#")
    if kind == "aktivitas":
        doc_p = index.proses.get(owner)
        found = next((a for a in doc_p.model.aktivitas if a.kode == local), None) if doc_p else None
        out.head("lsp.kind.aktivitas", local, found.nama if found else None)
        if found is not None:
            out.field("lsp.field.pelaksana", found.pelaksana)
        out.field("lsp.field.proses", owner)
        return
    doc_s2 = index.sop.get(owner)
    if kind == "pelaksana":
        pl = next((x for x in doc_s2.model.pelaksana if x.kode == local), None) if doc_s2 else None
        out.head("lsp.kind.pelaksana", local, pl.nama if pl else None)
        if pl is not None and pl.jabatan:
            actor = index.actor(pl.jabatan)
            out.field("lsp.field.jabatan", f"{pl.jabatan}" + (f" — {actor.nama}" if actor else ""))
    else:
        step = next((x for x in doc_s2.model.langkah if str(x.no) == local), None) if doc_s2 else None
        out.head("lsp.kind.langkah", local, step.kegiatan if step else None)
        if step is not None:
            out.field("lsp.field.pelaksana", step.pelaksana)
    out.field("lsp.field.sop", owner)


_DESCRIBE = {
    "actor": _describe_actor,
    "plan": _describe_plan,
    **dict.fromkeys(("misi", "tujuan", "sasaran", "program"), _describe_rpjmd),
    "proses": _describe_proses,
    "sop": _describe_sop,
    **dict.fromkeys(("aktivitas", "pelaksana", "langkah"), _describe_local),
}


def describe(symbol: Symbol, index: Index, lang: Lang) -> str:
    """Markdown saying what ``symbol`` names."""
    kind, key = symbol
    out = _Hover(lang)
    describer = _DESCRIBE.get(kind)
    if describer is not None:
        describer(out, kind, key, index)
    return "\n".join(out.lines)


def definitions(xref: CrossReference, occ: Occurrence) -> list[Occurrence]:
    """Where the code under the cursor is defined (several for a kegiatan claimed twice)."""
    return sorted(xref.definitions.get(occ.symbol, []), key=lambda o: (o.path, o.line, o.column))


def references(xref: CrossReference, occ: Occurrence, *, include_declaration: bool) -> list[Occurrence]:
    """Every place the code under the cursor is written."""
    found = list(xref.references.get(occ.symbol, []))
    if include_declaration:
        found.extend(xref.definitions.get(occ.symbol, []))
    return sorted(found, key=lambda o: (o.path, o.line, o.column))


# -- completion ------------------------------------------------------------------------

_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?:-\s+)*(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s|$)")
_ITEM_LINE = re.compile(r"^(?P<indent>\s*)-\s")
_WORD = re.compile(r"[\w./#-]*$")
_JENIS = re.compile(r"^jenis\s*:\s*['\"]?(\w+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A code that may be typed here, with what it names."""

    code: str
    detail: str


def _key_line(text: str) -> tuple[int, int, str, str] | None:
    """For a block line ``  - key: value``: (first non-space column, dash column or -1, key,
    the value text); None when the line holds no key."""
    m = _KEY_LINE.match(text)
    if m is None:
        return None
    stripped = text.lstrip()
    first = len(text) - len(stripped)
    dash = first if stripped.startswith("-") else -1
    value = text[m.end() :].split(" #", 1)[0].strip()
    return first, dash, m.group("key"), value


def field_at(text: str, line: int, column: int) -> tuple[str | None, list[str]]:
    """The document kind and the chain of keys (outermost first) whose value the cursor is
    in; read from the text alone so that it works while the YAML is half typed."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return None, []
    jenis_match = _JENIS.search(text)
    jenis = jenis_match.group(1) if jenis_match else None
    current = lines[line - 1][: column - 1]
    stripped = current.lstrip()
    first = len(current) - len(stripped)
    chain: list[str] = []
    flow = max(current.rfind("{"), current.rfind(","), current.rfind("["))
    inline = (
        re.findall(r"([A-Za-z_][\w-]*)\s*:\s", current[max(current.rfind("{"), 0) :] + " ") if "{" in current else []
    )
    own = _key_line(current)
    if inline and current.rfind("{") > current.rfind("}"):
        chain.append(inline[-1])
        threshold = first + 1 if stripped.startswith("-") else first
    elif own is not None:
        chain.append(own[2])
        threshold = own[1] + 1 if own[1] >= 0 else own[0]
    elif stripped.startswith("-") or flow >= 0 or not stripped:
        threshold = first + 1 if stripped.startswith("-") else first
    else:
        return jenis, []
    for previous in reversed(lines[: line - 1]):
        body = previous.strip()
        if not body or body.startswith("#"):
            continue
        if body.startswith("---"):
            break
        ind = len(previous) - len(previous.lstrip())
        if ind >= threshold:
            continue
        found = _key_line(previous)
        if found is None:
            continue  # a plain list item: a sibling, never a parent
        p_first, p_dash, key, value = found
        if not value or value.startswith(("[", "{")) and not value.endswith(("]", "}")):
            chain.insert(0, key)
        threshold = p_dash + 1 if p_dash >= 0 else p_first
        if p_first == 0 and p_dash < 0:
            break
    return jenis, chain


def _actors(index: Index, *, internal: bool = False, kinds: tuple[str, ...] = ()) -> list[Candidate]:
    return [
        Candidate(ref, a.nama)
        for ref, a in sorted(index.actors.items())
        if (not internal or a.internal) and (not kinds or a.kind in kinds)
    ]


def _local_sop(text_index: Index, sop_code: str | None, what: str) -> list[Candidate]:
    doc = text_index.sop.get(sop_code or "")
    if doc is None:
        return []
    if what == "pelaksana":
        return [Candidate(p.kode, p.nama) for p in doc.model.pelaksana]
    return [Candidate(str(s.no), s.kegiatan) for s in doc.model.langkah]


def candidates(index: Index, text: str, line: int, column: int) -> list[Candidate]:
    """Codes that fit the field at the cursor (empty when the field takes no code)."""
    jenis, chain = field_at(text, line, column)
    if not chain or jenis is None:
        return []
    key = chain[-1]
    top = len(chain) == 1
    own = re.search(r"^kode\s*:\s*['\"]?([^\s'\"#]+)", text, re.MULTILINE)
    own_code = own.group(1) if own else None
    if jenis == "proses":
        if key == "induk" and top:
            return [Candidate(k, d.model.nama) for k, d in sorted(index.proses.items()) if k != own_code]
        if key == "pemilik":
            return _actors(index, internal=True, kinds=("opd", "unit"))
        if key == "kegiatan" and top:
            out = [Candidate(k, e[0].kegiatan.nama) for k, e in sorted(index.kegiatan.items())]
            out += [Candidate(k, e[0].sub_kegiatan.nama) for k, e in sorted(index.sub_kegiatan.items())]
            return out
        if key == "sop" and top:
            return [Candidate(k, d.model.nama) for k, d in sorted(index.sop.items())]
        if key in ("pelaksana", "dari", "untuk"):
            return _actors(index)
        if key == "lanjut" and own_code in index.proses:
            return [Candidate(a.kode, a.nama) for a in index.proses[own_code].model.aktivitas]
    elif jenis == "sop":
        if key == "proses" and top:
            return [Candidate(k, d.model.nama) for k, d in sorted(index.proses.items())]
        if key == "unit" and top:
            return _actors(index, internal=True, kinds=("opd", "unit"))
        if key == "keterkaitan" and top:
            return [Candidate(k, d.model.nama) for k, d in sorted(index.sop.items()) if k != own_code]
        if key == "pelaksana" and not top:
            return _local_sop(index, own_code, "pelaksana")
        if key == "jabatan" and "pelaksana" in chain:
            return _actors(index, kinds=("jabatan", "unit"))
        if key in ("lanjut", "ya", "tidak", "ke") and not top:
            return _local_sop(index, own_code, "langkah")
    elif jenis == "rpjmd":
        if key == "misi" and not top:
            return (
                [Candidate(k, index.rpjmd.model.misi[i].uraian) for k, i in sorted(index.misi.items())]
                if index.rpjmd
                else []
            )
        if key == "tujuan" and not top:
            return (
                [Candidate(k, index.rpjmd.model.tujuan[i].uraian) for k, i in sorted(index.tujuan.items())]
                if index.rpjmd
                else []
            )
        if key == "sasaran" and "program" in chain:
            return (
                [Candidate(k, index.rpjmd.model.sasaran[i].uraian) for k, i in sorted(index.sasaran.items())]
                if index.rpjmd
                else []
            )
        if key == "opd" and "program" in chain:
            return [Candidate(k, d.model.nama) for k, d in sorted(index.opd.items())]
    elif jenis == "opd":
        if key in ("induk", "unit") and not top and own_code in index.opd:
            return [Candidate(u.kode, u.nama) for u in index.opd[own_code].model.unit]
    return []


def word_range(line_text: str, column: int) -> tuple[int, int]:
    """The 1-based start column and the end column (exclusive) of the code being typed."""
    before = line_text[: column - 1]
    m = _WORD.search(before)
    start = (m.start() if m else len(before)) + 1
    after = re.match(r"[\w./#-]*", line_text[column - 1 :])
    end = column + (len(after.group(0)) if after else 0)
    return start, end


# -- quick fixes -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``old`` at 1-based ``(line, column)`` with ``new``."""

    line: int
    column: int
    old: str
    new: str


def quick_fix(finding: Finding, text: str | None) -> Fix | None:
    """The one obvious fix of a finding: its "did you mean" suggestion, written in place of the
    wrong word at the finding's position (None when the wrong word is not found there)."""
    args = dict(finding.message.args)
    hint = args.get("hint")
    if not isinstance(hint, str) or not hint or text is None or finding.location.line is None:
        return None
    old = next((args[k] for k in ("value", "key", "option") if isinstance(args.get(k), str) and args[k]), None)
    if old is None or old == hint:
        return None
    lines = text.split("\n")
    line = finding.location.line
    if not 0 < line <= len(lines):
        return None
    line_text = lines[line - 1]
    start = max((finding.location.column or 1) - 1, 0)
    at = _word_at(line_text, old, start)
    if at is None:
        at = _word_at(line_text, old, 0)
    if at is None:
        return None
    return Fix(line, at + 1, old, hint)


def _word_at(line_text: str, word: str, start: int) -> int | None:
    for m in re.finditer(re.escape(word), line_text[start:]):
        i = start + m.start()
        j = i + len(word)
        before = line_text[i - 1] if i > 0 else " "
        after = line_text[j] if j < len(line_text) else " "
        if not (before.isalnum() or before in "._-/") and not (after.isalnum() or after in "._-/"):
            return i
    return None


def finding_span(finding: Finding, text: str | None) -> tuple[int, int, int]:
    """A 1-based line, start column and end column (exclusive) to underline for a finding."""
    loc = finding.location
    line = loc.line or 1
    column = loc.column or 1
    lines = text.split("\n") if text is not None else []
    if not 0 < line <= len(lines):
        return line, column, column
    line_text = lines[line - 1]
    if loc.column is None:
        stripped = len(line_text) - len(line_text.lstrip())
        return line, stripped + 1, len(line_text) + 1
    args = dict(finding.message.args)
    for key in ("value", "key"):
        word = args.get(key)
        if isinstance(word, str) and word:
            at = _word_at(line_text, word, column - 1)
            if at is not None and at <= column + 1:
                return line, at + 1, at + 1 + len(word)
    rest = line_text[column - 1 :]
    m = re.match(r"['\"]?[^\s,\]\}#]*['\"]?", rest)
    length = len(m.group(0)) if m and m.group(0) else len(rest.rstrip())
    return line, column, column + max(length, 1)
