"""The explicit list of lint rules, checked when imported; engine codes; code lookups.

Adding a rule: write one module ``lint/rules/<family>/<code>_<name>.py`` (the rule class, its
options, its ``MESSAGES`` and bad/good examples), import it in the family's ``__init__.py`` and
append it to that ``RULES``. Removing one: delete it and add its code to ``RETIRED_CODES`` — a code
once published is never given to another rule (baselines and suppressions name codes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from probis_cli.findings import Severity
from probis_cli.lint.base import Rule, validate_rule_class
from probis_cli.lint.rules import keterkaitan, sop, tumpang_tindih
from probis_cli.model.build import CORE_CODES

ALL_RULES: list[type[Rule]] = [*keterkaitan.RULES, *tumpang_tindih.RULES, *sop.RULES]

# Codes that belonged to removed rules; never reused.
RETIRED_CODES: frozenset[str] = frozenset()

# Findings the engine itself raises (about suppressions, configuration, the rules).
ENGINE_CODES: dict[str, tuple[str, Severity]] = {
    "P000": ("aturan-gagal", Severity.ERROR),
    "P001": ("penekanan-tidak-terpakai", Severity.WARNING),
    "P002": ("penekanan-tidak-valid", Severity.ERROR),
    "P003": ("konfigurasi-tidak-valid", Severity.ERROR),
    "P004": ("baseline-tidak-valid", Severity.ERROR),
}


def check_rules(rules: Sequence[type[Rule]]) -> None:
    """Raise ValueError unless every rule is well formed and codes and names are unique."""
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    reserved = {name: code for code, (name, _) in {**CORE_CODES, **ENGINE_CODES}.items()}
    for rule in rules:
        validate_rule_class(rule)
        if rule.code in RETIRED_CODES:
            raise ValueError(f"{rule.__name__}: code {rule.code} is retired and may not be reused")
        if rule.code in codes:
            raise ValueError(f"{rule.__name__}: code {rule.code} already used by {codes[rule.code]}")
        if rule.name in names or rule.name in reserved:
            raise ValueError(f"{rule.__name__}: name {rule.name} already used")
        if rule.Options.model_config.get("extra") != "forbid":
            raise ValueError(f"{rule.code}: Options must forbid unknown keys (extra='forbid')")
        try:
            rule.Options()
        except Exception as exc:  # noqa: BLE001 - any failure means a missing default
            raise ValueError(f"{rule.code}: every option needs a default ({exc})") from None
        codes[rule.code] = rule.__name__
        names[rule.name] = rule.__name__


check_rules(ALL_RULES)

RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
RULES_BY_NAME: dict[str, type[Rule]] = {rule.name: rule for rule in ALL_RULES}


def known_codes() -> dict[str, str]:
    """Every finding code probis can raise -> its kebab-case name (core, engine, rules)."""
    out = {code: name for code, (name, _) in CORE_CODES.items()}
    out.update({code: name for code, (name, _) in ENGINE_CODES.items()})
    out.update({rule.code: rule.name for rule in ALL_RULES})
    return out


def find_rule(key: str) -> type[Rule] | None:
    """The rule with code or name ``key`` (case-insensitive), if any."""
    key = key.strip()
    return RULES_BY_CODE.get(key.upper()) or RULES_BY_NAME.get(key.lower())


def pattern_matches(pattern: str, code: str, name: str) -> bool:
    """Whether a selection pattern (a code, a code prefix such as ``T`` or ``K00``, or a name) hits."""
    p = pattern.strip()
    return bool(p) and (code.startswith(p.upper()) or p.lower() == name)


def codes_matching(pattern: str, codes: dict[str, str] | None = None) -> set[str]:
    """The known codes a selection pattern stands for (empty: the pattern is unknown)."""
    table = known_codes() if codes is None else codes
    return {code for code, name in table.items() if pattern_matches(pattern, code, name)}


def matches_any(code: str, name: str, patterns: Iterable[str]) -> bool:
    """Whether any of ``patterns`` hits ``code``/``name``."""
    return any(pattern_matches(p, code, name) for p in patterns)
