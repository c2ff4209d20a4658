"""Every rule's documented examples behave as documented: bad fires the rule, good does not.

Covers every rule in the registry (all modules). Examples must also be valid repositories:
no read, schema, reference or engine finding, and every message renders in both languages.
"""

from __future__ import annotations

import pytest

from probis_cli.i18n import catalogue
from probis_cli.lint.base import Rule
from probis_cli.lint.docs import split_example
from probis_cli.lint.registry import ALL_RULES
from probis_cli.lint.rules import keterkaitan

from .conftest import Check, describe

# Bad examples that cannot avoid a second K finding (a parent cycle breaks code prefixes).
ALSO_FIRES: dict[str, set[str]] = {}


def _ids(rule: type[Rule]) -> str:
    return f"{rule.code}-{rule.name}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=_ids)
def test_bad_example_fires(rule: type[Rule], check_repo: Check) -> None:
    run = check_repo(rule.bad)
    invalid = [f for f in run.result.findings if f.code[0] in "YSP"]
    assert invalid == [], describe(invalid)
    assert run.of(rule.code), f"{rule.code} does not fire on its bad example; found {run.codes()}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=_ids)
def test_good_example_does_not_fire(rule: type[Rule], check_repo: Check) -> None:
    run = check_repo(rule.good)
    invalid = [f for f in run.result.findings if f.code[0] in "YSP"]
    assert invalid == [], describe(invalid)
    assert run.of(rule.code) == [], describe(run.of(rule.code))


@pytest.mark.parametrize("rule", ALL_RULES, ids=_ids)
def test_messages_render_in_both_languages(rule: type[Rule], check_repo: Check) -> None:
    cat = catalogue()
    for finding in check_repo(rule.bad).of(rule.code):
        assert finding.message.id in cat["id"] and finding.message.id in cat["en"], finding.message.id
        for lang in ("id", "en"):
            text = finding.text(lang)
            assert "{" not in text, f"unfilled placeholder in {finding.message.id} ({lang}): {text}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=_ids)
def test_examples_are_well_formed(rule: type[Rule]) -> None:
    for text in (rule.bad, rule.good):
        files = split_example(text)
        assert files and files[0][0] == "probis.yaml", "examples start with probis.yaml"
        assert len({p for p, _ in files}) == len(files), "a file appears twice"
    for lang in ("id", "en"):
        doc = rule.docs[lang]
        assert doc.summary.strip() and doc.why.strip() and doc.fix.strip()
        assert "\n" not in doc.summary


# K018's examples are partial repositories (as before it joined the keterkaitan package).
@pytest.mark.parametrize("rule", [r for r in keterkaitan.RULES if r.code != "K018"], ids=_ids)
def test_keterkaitan_examples_are_otherwise_clean(rule: type[Rule], check_repo: Check) -> None:
    """The K examples are complete little repositories: only the documented rule fires."""
    good = check_repo(rule.good)
    assert good.result.findings == [], describe(good.result.findings)
    bad = check_repo(rule.bad)
    assert set(bad.codes()) == {rule.code} | ALSO_FIRES.get(rule.code, set()), describe(bad.result.findings)
