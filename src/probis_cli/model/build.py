"""Raw YAML documents -> pydantic models; every validation error becomes a located finding."""

from __future__ import annotations

import difflib
import marshal
import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from probis_cli.findings import Finding, Location, Message, Severity
from probis_cli.model.opd import Opd
from probis_cli.model.common import PATTERNS
from probis_cli.model.pemda import Pemda
from probis_cli.model.proses import Proses
from probis_cli.model.rpjmd import Rpjmd
from probis_cli.model.sop import Sop
from probis_cli.source.loader import SourceFile
from probis_cli.source.reader import PosTree, locate

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
    "Y003": ("berkas-kosong", Severity.PERINGATAN),
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
        """The position tree (decoded from the cache on first use)."""
        if isinstance(self.pos, bytes):
            self.pos = marshal.loads(self.pos)
        return self.pos  # type: ignore[return-value]

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


_TYPE_WORDS = {
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


def _model_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The allowed keys at ``loc`` (for did-you-mean), following nested models and lists."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        keys: list[str] = []
        for name, field in current.model_fields.items():
            keys.append(name)
            choices = getattr(field.validation_alias, "choices", None)
            if choices:
                keys.extend(str(c) for c in choices if isinstance(c, str))
        return sorted(set(keys))
    return []


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    return None


_DIGITS = re.compile(r"\d")


def suggest(word: str, choices: list[str] | set[str] | tuple[str, ...]) -> str | None:
    """The closest choice to ``word`` (case-insensitive), or None when nothing is close.

    Codes that differ only in their numbers (SOP-DUKCAPIL-004 vs -003) are siblings in a
    numbering, not typos of each other: suggesting one for the other misleads.
    """
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if not match:
        return None
    best = match[0]
    if best != word.lower() and _DIGITS.sub("#", best) == _DIGITS.sub("#", word.lower()) and _DIGITS.search(word):
        return None
    return lowered[best]


def _error_findings(exc: ValidationError, model: type[BaseModel], doc_path: str, pos: PosTree, line: int, col: int) -> list[Finding]:
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
            key = str(loc[-1]) if loc else ""
            allowed = _model_keys(model, loc[:-1])
            hint = suggest(key, allowed)
            if hint:
                out.append(core_finding("S002", location, "schema.unknown_key_hint", key=key, hint=hint))
            else:
                out.append(core_finding("S002", location, "schema.unknown_key", key=key, allowed=", ".join(allowed)))
        elif kind == "missing":
            out.append(core_finding("S003", location, "schema.missing", field=where))
        elif kind == "string_pattern_mismatch" and str((err.get("ctx") or {}).get("pattern", "")) in PATTERNS:
            code_kind, example = PATTERNS[str((err.get("ctx") or {}).get("pattern", ""))]
            out.append(
                core_finding(
                    "S005", location, "schema.kode_format", field=where, value=_short(err.get("input")),
                    kind=code_kind, example=example,
                )
            )
        elif kind in ("literal_error", "enum"):
            expected = str((err.get("ctx") or {}).get("expected", ""))
            out.append(core_finding("S004", location, "schema.choice", field=where, value=_short(err.get("input")), expected=expected))
        elif kind in _TYPE_WORDS:
            out.append(
                core_finding("S004", location, "schema.type", field=where, value=_short(err.get("input")), expected_id=_TYPE_WORDS[kind])
            )
        elif kind == "periode":
            out.append(core_finding("S004", location, "schema.periode", field=where, value=_short(err.get("input"))))
        elif kind == "tanggal":
            out.append(core_finding("S004", location, "schema.tanggal", field=where, value=_short(err.get("input"))))
        else:
            out.append(core_finding("S004", location, "schema.invalid", field=where, detail=err.get("msg", kind)))
    return out


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


@dataclass(frozen=True, slots=True)
class Broken:
    """A document that failed validation but says what it is: references to it (and to the
    codes inside it) are not reported again as missing, so one mistake gives one finding."""

    jenis: str
    kode: str
    codes: frozenset[str]  # every nested `kode` value (units, jabatan, kegiatan, ...)


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


def build_documents(source: SourceFile, broken: list[Broken] | None = None) -> tuple[list[Document[Any]], list[Finding]]:
    """Validate every document of ``source``; return the good ones and all findings.

    Documents that fail validation but have a readable ``jenis`` and ``kode`` are appended
    to ``broken`` (when given).
    """
    findings: list[Finding] = []
    for issue in source.issues:
        location = Location(source.path, issue.line, issue.column)
        findings.append(core_finding(issue.code, location, issue.message_id, **dict(issue.args)))
    documents: list[Document[Any]] = []
    if any(issue.fatal for issue in source.issues):
        return documents, findings
    for raw in source.documents:
        here = Location(source.path, raw.line, raw.column)
        data = raw.data

        def tree(raw_pos: PosTree | bytes = raw.pos) -> PosTree:
            return marshal.loads(raw_pos) if isinstance(raw_pos, bytes) else raw_pos
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
            continue
        model = DOCUMENT_MODELS.get(str(jenis))
        if model is None:
            hint = suggest(str(jenis), list(DOCUMENT_MODELS))
            location = Location(source.path, *(locate(tree(), ("jenis",)) or (raw.line, raw.column)))
            findings.append(
                core_finding("S001", location, "schema.unknown_jenis", value=str(jenis), hint=hint or "", allowed=", ".join(DOCUMENT_MODELS))
            )
            continue
        version = data.get("probis")
        if version is None:
            findings.append(core_finding("S003", here, "schema.missing", field="probis"))
            continue
        if str(version).strip() != str(SCHEMA_VERSION):
            location = Location(source.path, *(locate(tree(), ("probis",)) or (raw.line, raw.column)))
            findings.append(core_finding("S006", location, "schema.version", value=str(version), supported=SCHEMA_VERSION))
            continue
        try:
            instance = model.model_validate(data)
        except ValidationError as exc:
            findings.extend(_error_findings(exc, model, source.path, tree(), raw.line, raw.column))
            if broken is not None and isinstance(data.get("kode"), str):
                broken.append(Broken(str(jenis), data["kode"], frozenset(_nested_codes(data))))
            continue
        documents.append(Document(source.path, instance, raw.pos, raw.line, raw.column))
    return documents, findings
