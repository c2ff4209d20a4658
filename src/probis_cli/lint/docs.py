"""Documentation of the lint rules, built from the rule classes (for ``probis rules`` and docs).

Plain data and text only: the CLI decides how to show it. Option descriptions come from
the Options model's ``Field(description=...)`` (Indonesian); an English text may be given
as ``Field(json_schema_extra={"en": "..."})``.
"""

from __future__ import annotations

import enum
import json
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from types import UnionType
from typing import Any

from pydantic import BaseModel

from probis_cli.findings import Severity
from probis_cli.i18n import Lang
from probis_cli.lint.base import Rule
from probis_cli.lint.code_docs import CODE_DOCS
from probis_cli.lint.registry import ALL_RULES, ENGINE_CODES
from probis_cli.model.build import CORE_CODES

FILE_MARKER = re.compile(r"^# file: (?P<path>\S.*?)\s*$")


@dataclass(frozen=True, slots=True)
class OptionDoc:
    """One option of a rule."""

    name: str
    type: str
    default: str  # as YAML/JSON text
    description: str


@dataclass(frozen=True, slots=True)
class RuleView:
    """Everything documented about a rule, in one language."""

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    fix: str
    options: tuple[OptionDoc, ...]
    bad: str
    good: str

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        """JSON-ready form (``severity`` is the canonical Indonesian label)."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "severity_text": self.severity.text(lang),
            "summary": self.summary,
            "why": self.why,
            "fix": self.fix,
            "options": [
                {"name": o.name, "type": o.type, "default": json.loads(o.default), "description": o.description}
                for o in self.options
            ],
            "bad": self.bad,
            "good": self.good,
        }


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return " | ".join(str(a) for a in args)
    if origin in (list, tuple, set, frozenset, Sequence):
        return f"list[{_type_name(args[0]) if args else 'any'}]"
    if origin is dict:
        return f"dict[{', '.join(_type_name(a) for a in args)}]"
    if origin is typing.Union or origin is UnionType:
        return " | ".join("null" if a is type(None) else _type_name(a) for a in args)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return " | ".join(str(m.value) for m in annotation)
    names = {bool: "bool", int: "int", float: "float", str: "str"}
    if isinstance(annotation, type):
        return names.get(annotation, annotation.__name__)
    return str(annotation)


def _default(value: Any) -> str:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    elif isinstance(value, enum.Enum):
        value = value.value
    elif isinstance(value, (set, frozenset, tuple)):
        value = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return json.dumps(str(value), ensure_ascii=False)


def option_docs(model: type[BaseModel], lang: Lang) -> tuple[OptionDoc, ...]:
    """The options of an Options model: name, type, default, description in ``lang``."""
    out: list[OptionDoc] = []
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        description = field.description or ""
        if lang == "en" and isinstance(extra.get("en"), str):
            description = str(extra["en"])
        out.append(
            OptionDoc(
                name, _type_name(field.annotation), _default(field.get_default(call_default_factory=True)), description
            )
        )
    return tuple(out)


def describe(rule: type[Rule], lang: Lang) -> RuleView:
    """The documentation of ``rule`` in ``lang``."""
    doc = rule.docs.get(lang) or rule.docs["id"]
    return RuleView(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        summary=doc.summary,
        why=doc.why,
        fix=doc.fix,
        options=option_docs(rule.Options, lang),
        bad=rule.bad,
        good=rule.good,
    )


def find_code(key: str) -> str | None:
    """The read/schema/engine code (Y, S, P) named by ``key``: a code or its name, any case."""
    key = key.strip()
    table = {**CORE_CODES, **ENGINE_CODES}
    if key.upper() in table:
        return key.upper()
    for code, (name, _) in table.items():
        if name == key.lower():
            return code
    return None


def code_names() -> list[str]:
    """Every Y/S/P code and name (for did-you-mean)."""
    return [x for code, (name, _) in {**CORE_CODES, **ENGINE_CODES}.items() for x in (code, name)]


def describe_code(code: str, lang: Lang) -> RuleView:
    """The documentation of a Y/S/P code in ``lang`` (no options)."""
    name, severity = {**CORE_CODES, **ENGINE_CODES}[code]
    doc = CODE_DOCS[code]
    return RuleView(
        code=code,
        name=name,
        severity=severity,
        summary=doc.summary[lang],
        why=doc.why[lang],
        fix=doc.fix[lang],
        options=(),
        bad=doc.bad,
        good=doc.good,
    )


def describe_all(lang: Lang, rules: Sequence[type[Rule]] = ALL_RULES) -> list[RuleView]:
    """Every rule, sorted by code."""
    return [describe(r, lang) for r in sorted(rules, key=lambda r: r.code)]


def rules_json(lang: Lang, rules: Sequence[type[Rule]] = ALL_RULES) -> str:
    """All rules as a JSON document (stable keys, sorted by code)."""
    data = {"version": 1, "lang": lang, "rules": [v.as_dict(lang) for v in describe_all(lang, rules)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def split_example(text: str) -> list[tuple[str, str]]:
    """An example repository (files separated by ``# file: path`` lines) as (path, text) pairs."""
    files: list[tuple[str, list[str]]] = []
    for line in text.splitlines(keepends=True):
        match = FILE_MARKER.match(line)
        if match:
            files.append((match.group("path"), []))
        elif files:
            files[-1][1].append(line)
        elif line.strip():
            raise ValueError("an example must start with a '# file: path' line")
    return [(path, "".join(lines)) for path, lines in files]


def changed_files(bad: str, good: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """How ``good`` differs from ``bad``: its changed or new files, the unchanged paths, the removed paths."""
    before = dict(split_example(bad))
    after = split_example(good)
    changed = [(path, text) for path, text in after if before.get(path) != text]
    same = [path for path, text in after if before.get(path) == text]
    removed = [path for path in before if path not in dict(after)]
    return changed, same, removed


def join_example(files: Sequence[tuple[str, str]]) -> str:
    """The inverse of :func:`split_example`."""
    return "".join(f"# file: {path}\n{text}" for path, text in files)
