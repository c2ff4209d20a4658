"""Linter configuration from ``probis.yaml`` (``pengaturan.lint``), validated into plain values.

Meaning of the settings (documented to users in ``probis rules`` and the README):

* ``pilih``: when not empty, only the rules matching one of its entries (code, code prefix
  such as ``K`` or ``K00``, or rule name) run. Core findings (Y*, S*) are not rules and are
  always reported.
* ``abaikan``: matching rules do not run, and findings of matching codes of any kind are
  dropped (``abaikan: [Y010]`` hides "not a probis document"). Configuration and
  suppression errors (P002, P003, P004) cannot be ignored this way.
* ``aturan: {KODE: {tingkat, opsi}}``: per rule (code or name) severity — ``mati``/``off``
  disables it — and the rule's own options, validated by its Options model. Core codes
  and P001 accept ``tingkat`` only.
* ``abaikan_per_berkas: {glob: [kode, ...]}``: drop findings of those codes in matching files
  (counted as suppressed).
* ``baseline``: the baseline file, relative to the repository root.

Every problem in these settings becomes a P003 finding located in probis.yaml; the rest of
the configuration still applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from probis_cli.findings import Finding, Location, Message, Severity
from probis_cli.index import Index
from probis_cli.lint.base import Rule
from probis_cli.lint.registry import ALL_RULES, ENGINE_CODES, codes_matching, known_codes
from probis_cli.suggest import suggest

# Never dropped by ``abaikan`` / per-file ignores and never re-levelled: they are about the
# configuration and the suppressions themselves.
PROTECTED_CODES = frozenset({"P000", "P002", "P003", "P004"})
OFF = frozenset({"mati", "off"})


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """The effective settings of one rule."""

    rule: type[Rule]
    enabled: bool
    severity: Severity
    options: BaseModel


@dataclass
class LintConfig:
    """The validated linter configuration."""

    rules: list[RuleSetting] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # non-rule codes re-levelled
    off: set[str] = field(default_factory=set)  # non-rule codes switched off with tingkat: mati
    ignored: set[str] = field(default_factory=set)  # codes dropped everywhere (abaikan)
    per_file: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # glob -> codes
    baseline: str | None = None
    findings: list[Finding] = field(default_factory=list)  # P003

    def enabled(self) -> list[RuleSetting]:
        """The rules that run."""
        return [s for s in self.rules if s.enabled]

    def setting(self, code: str) -> RuleSetting | None:
        """The setting of rule ``code``."""
        for s in self.rules:
            if s.rule.code == code:
                return s
        return None


def config_finding(location: Location, message_id: str, /, **args: Any) -> Finding:
    """A P003 finding."""
    name, severity = ENGINE_CODES["P003"]
    return Finding("P003", name, severity, location, Message.of(message_id, **args))


_TYPE_WORDS = {
    "string_type": "type.text",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "int_parsing": "type.int",
    "int_type": "type.int",
    "int_from_float": "type.int",
    "float_parsing": "type.number",
    "float_type": "type.number",
    "bool_parsing": "type.bool",
    "bool_type": "type.bool",
}


def _short(value: Any) -> str:
    text = "{…}" if isinstance(value, dict) else "[…]" if isinstance(value, list) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


class _Reader:
    def __init__(self, index: Index, rules: Sequence[type[Rule]]) -> None:
        self.index = index
        self.rules = list(rules)
        self.codes = known_codes()
        for rule in self.rules:  # rules given explicitly (tests) may be outside the registry
            self.codes.setdefault(rule.code, rule.name)
        self.findings: list[Finding] = []

    def loc(self, *path: str | int, key: bool = False) -> Location:
        pemda = self.index.pemda
        if pemda is None:
            return Location("probis.yaml")
        return pemda.loc("pengaturan", "lint", *path, key=key)

    def resolve(self, pattern: str, where: Location, field_name: str) -> set[str]:
        """Codes a pattern stands for; a P003 finding when it stands for nothing."""
        found = codes_matching(pattern, self.codes)
        if not found:
            hint = suggest(pattern, [*self.codes, *self.codes.values()])
            if hint:
                self.findings.append(
                    config_finding(where, "lint.config.unknown_code_hint", value=pattern, field=field_name, hint=hint)
                )
            else:
                self.findings.append(config_finding(where, "lint.config.unknown_code", value=pattern, field=field_name))
        return found

    def rule_for(self, key: str) -> type[Rule] | None:
        for rule in self.rules:
            if rule.code == key.strip().upper() or rule.name == key.strip().lower():
                return rule
        return None

    def read(self) -> LintConfig:
        config = LintConfig()
        settings = self.index.pemda.model.pengaturan.lint if self.index.pemda is not None else None
        pilih: set[str] | None = None
        ignored: set[str] = set()
        per_rule: dict[str, tuple[Severity | None, bool, BaseModel | None]] = {}
        if settings is not None:
            if settings.pilih:
                pilih = set()
                for i, pattern in enumerate(settings.pilih):
                    pilih |= self.resolve(pattern, self.loc("pilih", i), "pilih")
            for i, pattern in enumerate(settings.abaikan):
                found = self.resolve(pattern, self.loc("abaikan", i), "abaikan")
                ignored |= found - PROTECTED_CODES
            for key, aturan in settings.aturan.items():
                self._read_aturan(key, aturan.tingkat, aturan.opsi, per_rule, config)
            for glob, patterns in settings.abaikan_per_berkas.items():
                codes: set[str] = set()
                for i, pattern in enumerate(patterns):
                    codes |= self.resolve(pattern, self.loc("abaikan_per_berkas", glob, i), "abaikan_per_berkas")
                codes -= PROTECTED_CODES
                if codes:
                    config.per_file.append((glob, frozenset(codes)))
            config.baseline = settings.baseline
        config.ignored = ignored
        for rule in self.rules:
            severity, off, options = per_rule.get(rule.code, (None, False, None))
            enabled = not off and rule.code not in ignored and (pilih is None or rule.code in pilih)
            config.rules.append(RuleSetting(rule, enabled, severity or rule.severity, options or rule.Options()))
        config.findings = self.findings
        return config

    def _read_aturan(
        self,
        key: str,
        tingkat: str | None,
        opsi: dict[str, Any],
        per_rule: dict[str, tuple[Severity | None, bool, BaseModel | None]],
        config: LintConfig,
    ) -> None:
        where = self.loc("aturan", key, key=True)
        rule = self.rule_for(key)
        severity: Severity | None = None
        off = tingkat is not None and tingkat in OFF
        if tingkat is not None and not off:
            severity = Severity.parse(tingkat)  # the model's Literal already restricts the words
        if rule is None:
            code = key.strip().upper()
            name_to_code = {name: c for c, name in self.codes.items()}
            code = code if code in self.codes else name_to_code.get(key.strip().lower(), "")
            if not code:
                self.resolve(key, where, "aturan")
                return
            if code in PROTECTED_CODES:
                self.findings.append(config_finding(where, "lint.config.fixed_code", code=code))
                return
            if opsi:
                self.findings.append(
                    config_finding(self.loc("aturan", key, "opsi", key=True), "lint.config.not_a_rule", code=code)
                )
            if off:
                config.off.add(code)
            elif severity is not None:
                config.severity[code] = severity
            return
        options: BaseModel | None = None
        try:
            options = rule.Options.model_validate(opsi)
        except ValidationError as exc:
            self._option_errors(rule, key, exc)
            options = None  # the rule runs with its defaults
        per_rule[rule.code] = (severity, off, options)

    def _option_errors(self, rule: type[Rule], key: str, exc: ValidationError) -> None:
        allowed = ", ".join(rule.Options.model_fields) or "-"
        for err in exc.errors(include_url=False):
            path = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
            name = ".".join(str(p) for p in path) or "opsi"
            kind = err["type"]
            if kind == "extra_forbidden":
                option = str(path[-1]) if path else ""
                hint = suggest(option, list(rule.Options.model_fields))
                where = self.loc("aturan", key, "opsi", *path, key=True)
                if hint:
                    self.findings.append(
                        config_finding(
                            where, "lint.config.unknown_option_hint", code=rule.code, option=option, hint=hint
                        )
                    )
                else:
                    self.findings.append(
                        config_finding(
                            where, "lint.config.unknown_option", code=rule.code, option=option, allowed=allowed
                        )
                    )
                continue
            where = self.loc("aturan", key, "opsi", *path)
            if kind in _TYPE_WORDS:
                self.findings.append(
                    config_finding(
                        where,
                        "lint.config.option_type",
                        code=rule.code,
                        option=name,
                        value=_short(err.get("input")),
                        expected_id=_TYPE_WORDS[kind],
                    )
                )
            else:
                self.findings.append(
                    config_finding(
                        where,
                        "lint.config.option_invalid",
                        code=rule.code,
                        option=name,
                        detail=str(err.get("msg", kind)),
                    )
                )


def read_config(index: Index, rules: Sequence[type[Rule]] = ALL_RULES) -> LintConfig:
    """The linter configuration of the repository in ``index`` (defaults without probis.yaml)."""
    return _Reader(index, rules).read()
