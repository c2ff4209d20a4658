"""Message catalogues: every id in both languages, placeholders consistent."""

from __future__ import annotations

import string

import pytest

from probis_cli.i18n import catalogue, resolve_lang, translate


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_exists_in_both_languages() -> None:
    cat = catalogue()
    assert set(cat["id"]) == set(cat["en"])


@pytest.mark.parametrize("message_id", sorted(catalogue()["id"]))
def test_placeholders_match_between_languages(message_id: str) -> None:
    cat = catalogue()
    assert _fields(cat["id"][message_id]) == _fields(cat["en"][message_id])


def test_nested_ids_are_translated() -> None:
    text = translate("ref.unresolved", "en", expected_id="what.sop", value="SOP-9")
    assert text == "SOP 'SOP-9' not found."


def test_language_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    assert resolve_lang(None) == "id"
    monkeypatch.setenv("PROBIS_LANG", "en_US")
    assert resolve_lang(None) == "en"
    assert resolve_lang("id") == "id"


def test_every_rule_option_is_documented_in_both_languages() -> None:
    from probis_cli.lint.registry import ALL_RULES

    for rule in ALL_RULES:
        for name, field in rule.Options.model_fields.items():
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
            assert field.description, f"{rule.code}.{name}: no Indonesian description"
            assert extra.get("en"), f"{rule.code}.{name}: no English description"
