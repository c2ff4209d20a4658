"""Raw YAML documents -> pydantic models; every validation error becomes a located finding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from probis_cli.findings import Finding, Location, Message, Severity
from probis_cli.model.common import PATTERNS
from probis_cli.model.error_context import flow_comma, model_keys
from probis_cli.model.opd import Opd
from probis_cli.model.pemda import Pemda
from probis_cli.model.proses import Proses
from probis_cli.model.rpjmd import Rpjmd
from probis_cli.model.sop import Sop
from probis_cli.source.cache import positions
from probis_cli.source.loader import SourceFile
from probis_cli.source.reader import PosTree, locate
from probis_cli.suggest import suggest

SCHEMA_VERSION = 1
DOCUMENT_MODELS: dict[str, type[BaseModel]] = {
    "pemda": Pemda,
    "rpjmd": Rpjmd,
    "opd": Opd,
    "proses": Proses,
    "sop": Sop,
}

# Core finding codes (stable; never reused). Lint rules use other prefixes.
CORE_CODES: dict[str, tuple[str, Severity]] = {
    "Y001": ("yaml-tidak-valid", Severity.ERROR),
    "Y002": ("bukan-utf8", Severity.ERROR),
    "Y003": ("berkas-kosong", Severity.WARNING),
    "Y004": ("kunci-ganda", Severity.ERROR),
    "Y005": ("alias-berlebihan", Severity.ERROR),
    "Y006": ("terlalu-dalam", Severity.ERROR),
    "Y007": ("bukan-mapping", Severity.ERROR),
    "Y008": ("karakter-tab", Severity.ERROR),
    "Y009": ("berkas-terlalu-besar", Severity.ERROR),
    "Y010": ("bukan-dokumen-probis", Severity.INFO),
    "Y011": ("berkas-tak-terbaca", Severity.ERROR),
    "S001": ("jenis-tidak-dikenal", Severity.ERROR),
    "S002": ("kunci-tidak-dikenal", Severity.ERROR),
    "S003": ("wajib-diisi", Severity.ERROR),
    "S004": ("nilai-tidak-valid", Severity.ERROR),
    "S005": ("bentuk-kode", Severity.ERROR),
    "S006": ("versi-skema", Severity.ERROR),
    "S007": ("kode-ganda", Severity.ERROR),
    "S008": ("rujukan-tidak-ditemukan", Severity.ERROR),
    "S009": ("dokumen-tunggal-ganda", Severity.ERROR),
    "S010": ("dokumen-wajib-tidak-ada", Severity.ERROR),
}

M = TypeVar("M", bound=BaseModel)


def core_finding(code: str, location: Location, message_id: str, **args: Any) -> Finding:
    """A finding with one of the core codes above."""
    name, severity = CORE_CODES[code]
    return Finding(code, name, severity, location, Message.of(message_id, **args))


@dataclass(slots=True)
class Document(Generic[M]):
    """A validated document with where it came from, able to locate any of its parts."""

    path: str
    model: M
    pos: PosTree | bytes  # bytes: marshalled, decoded on first use
    line: int
    column: int

    def tree(self) -> PosTree:
        """The position tree (decoded, or read again from the file, on first use)."""
        if isinstance(self.pos, bytes):
            self.pos = positions(self.pos)
        return self.pos

    def loc(self, *path: str | int, key: bool = False) -> Location:
        """Location of the node at ``path`` (keys and list indexes) in this document."""
        tree = self.tree()
        found = locate(tree, tuple(path), key=key) if path else None
        if found is None and path:
            # A missing top-level field: point at the line that names the document.
            found = locate(tree, ("kode",), key=True) or locate(tree, ("nama",), key=True)
        if found is None:
            return Location(self.path, self.line, self.column)
        return Location(self.path, found[0], found[1])


# pydantic error type -> message id of the expected kind; the one map for schema findings
# (lint/config.py keeps a subset of its own: it should import this one).
TYPE_WORDS = {
    "string_type": "type.text",
    "string_too_short": "type.text_nonempty",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "int_parsing": "type.int",
    "int_type": "type.int",
    "int_from_float": "type.int",
    "float_parsing": "type.number",
    "float_type": "type.number",
    "bool_parsing": "type.bool",
    "bool_type": "type.bool",
    "date_parsing": "type.date",
    "date_from_datetime_parsing": "type.date",
    "date_type": "type.date",
    "date_from_datetime_inexact": "type.date",
}


def _error_findings(
    exc: ValidationError, model: type[BaseModel], doc_path: str, pos: PosTree, line: int, col: int, data: Any = None
) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        kind = err["type"]
        # Union branches repeat the same complaint under tagged sub-locations; keep the first.
        if (loc, kind) in seen:
            continue
        seen.add((loc, kind))
        where = ".".join(str(p) for p in loc) or "(dokumen)"
        is_key = kind in ("extra_forbidden",)
        found = locate(pos, loc, key=is_key)
        if found is None:  # a missing top-level field: point at the line naming the document
            found = locate(pos, ("kode",), key=True) or locate(pos, ("nama",), key=True)
        location = Location(doc_path, *(found or (line, col)))
        if kind == "extra_forbidden":
            out.append(_unknown_key_finding(model, data, pos, loc, location))
        else:
            out.append(_value_finding(err, kind, where, location))
    return out


def _unknown_key_finding(
    model: type[BaseModel], data: Any, pos: PosTree, loc: tuple[str | int, ...], location: Location
) -> Finding:
    """S002 for a key the model does not know: a flow mapping cut by a comma, a near miss, or the allowed keys."""
    key = str(loc[-1]) if loc else ""
    allowed = model_keys(model, loc[:-1])
    hint = suggest(key, allowed)
    cut = flow_comma(data, pos, loc)
    if cut is not None:
        previous, value = cut
        return core_finding(
            "S002",
            location,
            "schema.flow_comma",
            key=key,
            field=previous,
            value=value,
            joined=f"{value}, {key}",
        )
    if hint:
        return core_finding("S002", location, "schema.unknown_key_hint", key=key, hint=hint)
    return core_finding("S002", location, "schema.unknown_key", key=key, allowed=", ".join(allowed))


def _value_finding(err: ErrorDetails, kind: str, where: str, location: Location) -> Finding:
    """S003 for a missing field, S005 for a malformed kode, S004 for any other wrong value."""
    if kind == "missing":
        return core_finding("S003", location, "schema.missing", field=where)
    if kind == "string_pattern_mismatch" and str((err.get("ctx") or {}).get("pattern", "")) in PATTERNS:
        code_kind, example = PATTERNS[str((err.get("ctx") or {}).get("pattern", ""))]
        return core_finding(
            "S005",
            location,
            "schema.kode_format",
            field=where,
            value=_short(err.get("input")),
            kind=code_kind,
            example=example,
        )
    if kind in ("literal_error", "enum"):
        # pydantic joins the choices in English ("'a', 'b' or 'c'"): keep only the values.
        expected = str((err.get("ctx") or {}).get("expected", "")).replace("' or '", "', '")
        return core_finding(
            "S004", location, "schema.choice", field=where, value=_short(err.get("input")), expected=expected
        )
    if kind in TYPE_WORDS:
        return core_finding(
            "S004",
            location,
            "schema.type",
            field=where,
            value=_short(err.get("input")),
            expected_id=TYPE_WORDS[kind],
        )
    if kind == "periode":
        return core_finding("S004", location, "schema.periode", field=where, value=_short(err.get("input")))
    if kind == "tanggal":
        return core_finding("S004", location, "schema.tanggal", field=where, value=_short(err.get("input")))
    return core_finding("S004", location, "schema.invalid", field=where, detail=err.get("msg", kind))


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


Links = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Broken:
    """A document that failed to load (validation, or the YAML itself), with what can still be
    read of it. References into it are not reported again as missing, and the rules that
    look for a missing link consult its links: one mistake gives one finding."""

    jenis: str | None  # None: not readable
    kode: str | None
    codes: frozenset[str]  # every nested `kode` value (units, jabatan, kegiatan, ...)
    path: str = ""
    # Every text value by its key path without list indexes, e.g. ("induk", ("PB.02",)),
    # ("keluaran.nama", (...)), ("kegiatan.sub_kegiatan.kode", (...)).
    links: Links = ()

    def link(self, key: str) -> tuple[str, ...]:
        """The text values found under ``key`` (a dotted key path)."""
        for name, values in self.links:
            if name == key:
                return values
        return ()


_MAX_LINK_TEXT = 200


def _nested_codes(data: Any) -> set[str]:
    found: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            value = node.get("kode")
            if isinstance(value, str):
                found.add(value)
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    return found


def links_of(data: Any) -> Links:
    """Every text value of a document's data by its dotted key path (list indexes left out)."""
    found: dict[str, list[str]] = {}
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        prefix, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                stack.append((f"{prefix}.{key}" if prefix else str(key), value))
        elif isinstance(node, list):
            stack.extend((prefix, item) for item in reversed(node))
        elif prefix and node is not None and not isinstance(node, bool):
            text = str(node).strip()
            if text and len(text) <= _MAX_LINK_TEXT:
                found.setdefault(prefix, []).append(text)
    return tuple((key, tuple(values)) for key, values in sorted(found.items()))


def broken_from_data(path: str, data: Any) -> Broken | None:
    """What a mapping that failed validation still says: its jenis, kode, codes and links."""
    if not isinstance(data, dict):
        return None
    jenis = data.get("jenis")
    kode = data.get("kode")
    return Broken(
        str(jenis) if isinstance(jenis, str) and jenis in DOCUMENT_MODELS else None,
        kode if isinstance(kode, str) else None,
        frozenset(_nested_codes(data)),
        path,
        links_of(data),
    )


# Linear patterns only (no lazy group before an optional tail): this reads hostile text.
_TOP_SCALAR = re.compile(r"([A-Za-z_]\w*):(?:[ \t]|$)")
_ITEM = re.compile(r"[ \t]+-[ \t]+")
_FLOW_ITEM = re.compile(r"\b(kode|nama|dari|untuk|pelaksana):[ \t]*([^,{}\[\]#]+)")
_MAX_SCAN_LINE = 1000  # codes are short; longer lines are prose (or an attack)


def _uncomment(value: str) -> str:
    cut = value.find(" #")
    return (value if cut < 0 else value[:cut]).strip()


def _plain(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.strip()


def broken_from_text(path: str, text: str) -> Broken:
    """What a file that is not readable YAML still says, read line by line: its top-level
    ``key: value`` lines, the items of top-level lists, the simple values of flow mappings.

    Only used to keep one unreadable file from making the documents that link to it look
    unlinked; it never yields findings of its own.
    """
    found: dict[str, list[str]] = {}
    key: str | None = None
    for line in text.split("\n")[:20_000]:
        if len(line) > _MAX_SCAN_LINE:
            continue
        top = _TOP_SCALAR.match(line)
        if top:
            key, value = top.group(1), _uncomment(line[top.end() :])
            if value.startswith("["):
                items = value.strip("[]").split(",")
                found.setdefault(key, []).extend(_plain(i) for i in items if _plain(i))
            elif value and not value.startswith(("{", "|", ">", "&", "*", "!")):
                found.setdefault(key, []).append(_plain(value))
            continue
        if key is None:
            continue
        item = _ITEM.match(line)
        value = _uncomment(line[item.end() :]) if item else line
        pairs = _FLOW_ITEM.findall(value)
        for sub, sub_value in pairs:
            found.setdefault(f"{key}.{sub}", []).append(_plain(sub_value))
        if item and not pairs and not value.startswith(("{", "[", "&", "*", "!")) and ":" not in value:
            found.setdefault(key, []).append(_plain(value))
    links = tuple(
        (k, tuple(v for v in values if v and len(v) <= _MAX_LINK_TEXT)) for k, values in sorted(found.items())
    )
    jenis_values = dict(links).get("jenis", ())
    kode_values = dict(links).get("kode", ())
    jenis = jenis_values[0] if jenis_values and jenis_values[0] in DOCUMENT_MODELS else None
    codes = frozenset(v for k, values in links if k == "kode" or k.endswith(".kode") for v in values)
    return Broken(jenis, kode_values[0] if kode_values else None, codes, path, links)


def build_documents(
    source: SourceFile, broken: list[Broken] | None = None
) -> tuple[list[Document[Any]], list[Finding]]:
    """Validate every document of ``source``; return the good ones and all findings.

    Documents that fail (validation, or the YAML itself) are appended to ``broken`` (when
    given) with what can still be read of them.
    """
    findings: list[Finding] = []
    for issue in source.issues:
        location = Location(source.path, issue.line, issue.column)
        findings.append(core_finding(issue.code, location, issue.message_id, **dict(issue.args)))
    documents: list[Document[Any]] = []
    if any(issue.fatal for issue in source.issues):
        if broken is not None and source.text.strip():
            broken.append(broken_from_text(source.path, source.text))
        return documents, findings
    for raw in source.documents:
        here = Location(source.path, raw.line, raw.column)
        data = raw.data

        def tree(raw_pos: PosTree | bytes = raw.pos) -> PosTree:
            return positions(raw_pos)

        if not isinstance(data, dict):
            what = "list" if isinstance(data, list) else "scalar"
            findings.append(core_finding("Y007", here, "read.not_mapping", what=what))
            continue
        jenis = data.get("jenis")
        if jenis is None and "probis" not in data:
            findings.append(core_finding("Y010", Location(source.path, None, None), "schema.not_probis"))
            continue
        if jenis is None:
            findings.append(core_finding("S003", here, "schema.missing", field="jenis"))
            _record(broken, source.path, data)
            continue
        model = DOCUMENT_MODELS.get(str(jenis))
        if model is None:
            hint = suggest(str(jenis), list(DOCUMENT_MODELS))
            location = Location(source.path, *(locate(tree(), ("jenis",)) or (raw.line, raw.column)))
            findings.append(
                core_finding(
                    "S001",
                    location,
                    "schema.unknown_jenis",
                    value=str(jenis),
                    hint=hint or "",
                    allowed=", ".join(DOCUMENT_MODELS),
                )
            )
            _record(broken, source.path, data)
            continue
        version = data.get("probis")
        if version is None:
            findings.append(core_finding("S003", here, "schema.missing", field="probis"))
            _record(broken, source.path, data)
            continue
        if str(version).strip() != str(SCHEMA_VERSION):
            location = Location(source.path, *(locate(tree(), ("probis",)) or (raw.line, raw.column)))
            findings.append(
                core_finding("S006", location, "schema.version", value=str(version), supported=SCHEMA_VERSION)
            )
            _record(broken, source.path, data)
            continue
        try:
            instance = model.model_validate(data)
        except ValidationError as exc:
            findings.extend(_error_findings(exc, model, source.path, tree(), raw.line, raw.column, data))
            _record(broken, source.path, data)
            continue
        documents.append(Document(source.path, instance, raw.pos, raw.line, raw.column))
    return documents, findings


def _record(broken: list[Broken] | None, path: str, data: Any) -> None:
    if broken is not None:
        record = broken_from_data(path, data)
        if record is not None:
            broken.append(record)
