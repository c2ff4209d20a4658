"""Data-driven rule cases: ``tests/rules/cases/<CODE>.yaml``, one file per registered rule.

A case file reads::

    rule: T001
    cases:
      - name: dua OPD mengklaim kegiatan yang sama
        base: minimal                 # optional: start from cases/_base.yaml's "minimal"
        options: {bersama: [1.02.03]} # optional: written to probis.yaml aturan.<CODE>.opsi
        core: [S008]                  # optional: read/schema/reference codes the case expects
        expect:                       # exactly these findings of the rule ([]: must not fire)
          - {path: opd/rsud.yaml, line: 12}
          - {path: opd/rsud.yaml, line: 14, message: sub_kegiatan, args: {kode: 1.02.02.2.02.0003}}
          - {path: opd/dinkes.yaml, line: 9, related: [opd/rsud.yaml:12]}
        files:                        # relative path -> content; null removes a base file
          opd/rsud.yaml: |
            ...

Each case is written to its own folder, loaded and checked with only its rule selected; the
(path, line) of the rule's findings must equal ``expect`` (one entry per finding). An entry's
``message`` (a message id, or its last part) and ``args`` (a subset of the message arguments)
are optional; ``related`` (``path:line`` of each related location, in order) too. The message
id and its arguments fix the text in both languages (the templates are tested in
test_rule_messages.py). ``options`` are validated against the rule's Options model. A case repository must load without read, schema or reference findings other
than those it lists under ``core``, so that what is tested is the rule, not broken input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from probis_cli import api
from probis_cli.findings import Finding
from probis_cli.lint.registry import RULES_BY_CODE

CASES_DIR = Path(__file__).parent / "cases"
BASE_FILE = CASES_DIR / "_base.yaml"

CASE_KEYS = {"name", "expect", "files", "base", "options", "core"}
EXPECT_KEYS = {"path", "line", "message", "args", "related"}


@dataclass(frozen=True)
class Case:
    """One case of one rule's case file."""

    code: str
    name: str
    files: dict[str, str | None]
    expect: list[dict[str, Any]]
    base: str | None = None
    options: dict[str, Any] | None = None
    core: list[str] = field(default_factory=list)

    @property
    def fires(self) -> bool:
        """Whether the case expects findings."""
        return bool(self.expect)


def read_yaml(path: Path) -> Any:
    """A case or base file as plain data."""
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def case_files() -> list[Path]:
    """Every rule case file (``_base.yaml`` and other ``_`` files are not rule files)."""
    return sorted(p for p in CASES_DIR.glob("*.yaml") if not p.name.startswith("_"))


def bases() -> dict[str, dict[str, str]]:
    """The shared repositories cases may start from, by name."""
    data = read_yaml(BASE_FILE)
    assert isinstance(data, dict) and data, f"{BASE_FILE.name}: a mapping of base name -> files"
    return {str(name): {str(k): str(v) for k, v in files.items()} for name, files in data.items()}


def parse_case(code: str, raw: Any, where: str) -> Case:
    """Validate one raw case (unknown keys fail loudly: a typo must not silently pass)."""
    assert isinstance(raw, dict), f"{where}: a case is a mapping"
    unknown = set(raw) - CASE_KEYS
    assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
    assert isinstance(raw.get("name"), str) and raw["name"].strip(), f"{where}: name is required"
    assert isinstance(raw.get("files"), dict) and raw["files"], f"{where}: files is required"
    expect = raw.get("expect")
    assert isinstance(expect, list), f"{where}: expect is required (a list; [] for must not fire)"
    for entry in expect:
        assert isinstance(entry, dict) and {"path", "line"} <= set(entry), f"{where}: expect entries need path and line"
        assert set(entry) <= EXPECT_KEYS, f"{where}: unknown expect keys {sorted(set(entry) - EXPECT_KEYS)}"
    files = {str(k): (None if v is None else str(v)) for k, v in raw["files"].items()}
    return Case(
        code=code,
        name=raw["name"].strip(),
        files=files,
        expect=expect,
        base=raw.get("base"),
        options=raw.get("options"),
        core=list(raw.get("core") or []),
    )


def load_cases() -> Iterator[Case]:
    """Every case of every case file."""
    for path in case_files():
        data = read_yaml(path)
        code = path.stem
        for i, raw in enumerate(data.get("cases") or []):
            yield parse_case(code, raw, f"{path.name} case {i + 1}")


ALL_CASES = list(load_cases())


def repository(case: Case) -> dict[str, str]:
    """The files of a case: its base (if any) overlaid with its own files."""
    files: dict[str, str] = {}
    if case.base is not None:
        known = bases()
        assert case.base in known, f"unknown base {case.base!r}; known: {sorted(known)}"
        files.update(known[case.base])
    for rel, text in case.files.items():
        if text is None:
            assert rel in files, f"{rel}: removed, but not in the base"
            del files[rel]
        else:
            files[rel] = text
    if case.options is not None:
        assert "probis.yaml" in files, "options need a probis.yaml to be written to"
        files["probis.yaml"] = with_options(files["probis.yaml"], case.code, case.options)
    return files


def with_options(text: str, code: str, options: dict[str, Any]) -> str:
    """probis.yaml with ``pengaturan.lint.aturan.<code>.opsi`` set (the rest kept as written)."""
    yaml = YAML()  # round trip: comments, order and the lines of everything else stay
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(text)
    aturan = data.setdefault("pengaturan", {}).setdefault("lint", {}).setdefault("aturan", {})
    aturan.setdefault(code, {}).setdefault("opsi", {}).update(options)
    out = StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write(files: dict[str, str], root: Path) -> Path:
    """Write a repository under ``root``; return ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def describe(findings: list[Finding]) -> list[str]:
    """Readable one-liners for assertion messages."""
    return [f"{f.location} {f.code} {f.message.id} {f.text('en')}" for f in findings]


def matches(finding: Finding, entry: dict[str, Any]) -> bool:
    """Whether a finding satisfies an expect entry (path, line, and message/args when given)."""
    if (finding.location.path, finding.location.line) != (entry["path"], entry["line"]):
        return False
    message = entry.get("message")
    if message is not None and finding.message.id != message and not finding.message.id.endswith("." + message):
        return False
    related = entry.get("related")
    if related is not None and [f"{r.path}:{r.line}" for r in finding.related] != related:
        return False
    args = dict(finding.message.args)
    return all(k in args and str(args[k]) == str(v) for k, v in (entry.get("args") or {}).items())


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.code}-{c.name}" for c in ALL_CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    rule = RULES_BY_CODE[case.code]
    if case.options is not None:
        rule.Options(**case.options)  # a misspelt option would otherwise only be a P003 finding
    loaded = api.load(write(repository(case), tmp_path), use_cache=False)
    assert sorted(f.code for f in loaded.findings) == sorted(case.core), describe(loaded.findings)
    result = api.check(loaded, api.CheckOptions(select=(case.code,)))
    found = [f for f in result.findings if f.code == case.code]
    actual = sorted((f.location.path, f.location.line) for f in found)
    expected = sorted((e["path"], e["line"]) for e in case.expect)
    assert actual == expected, describe(found)
    unmatched = list(found)
    for entry in case.expect:
        hit = next((f for f in unmatched if matches(f, entry)), None)
        assert hit is not None, f"no finding matches {entry}: {describe(found)}"
        unmatched.remove(hit)


def test_every_rule_has_a_case_file() -> None:
    missing = sorted(set(RULES_BY_CODE) - {p.stem for p in case_files()})
    assert missing == [], f"rules without tests/rules/cases/<CODE>.yaml: {missing}"


def test_no_case_file_names_an_unknown_rule() -> None:
    for path in case_files():
        data = read_yaml(path)
        assert isinstance(data, dict) and set(data) <= {"rule", "cases"}, path.name
        assert path.stem in RULES_BY_CODE, f"{path.name}: no registered rule {path.stem}"
        assert data.get("rule") == path.stem, f"{path.name}: rule: {data.get('rule')!r} differs from the file name"


@pytest.mark.parametrize("code", sorted(RULES_BY_CODE))
def test_enough_cases_each_way(code: str) -> None:
    cases = [c for c in ALL_CASES if c.code == code]
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), f"{code}: case names repeat"
    firing = sum(c.fires for c in cases)
    assert firing >= 2 and len(cases) - firing >= 2, f"{code}: {firing} firing, {len(cases) - firing} silent cases"


def test_base_is_clean_under_every_rule(tmp_path: Path) -> None:
    for name, files in bases().items():
        loaded = api.load(write(files, tmp_path / name), use_cache=False)
        result = api.check(loaded)
        assert result.findings == [], describe(result.findings)
