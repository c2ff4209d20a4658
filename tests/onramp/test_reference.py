"""Field reference: every field described (Indonesian in the schemas, English + example in the
catalogue) and ``docs/referensi.md`` generated from them and kept current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from probis_cli.model.build import DOCUMENT_MODELS
from probis_cli.model.field_docs import FIELD_DOCS
from probis_cli.model.reference import field_doc, models_of, reference_markdown
from probis_cli.model.schema import schema_files
from probis_cli.source.reader import read_bytes

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "referensi.md"


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    nodes = [("<root>", schema), *schema.get("$defs", {}).items()]
    return [(where, name, prop) for where, node in nodes for name, prop in node.get("properties", {}).items()]


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_every_schema_property_has_a_description(name: str) -> None:
    props = _properties(json.loads(schema_files()[name]))
    assert len(props) > 5
    missing = [
        f"{where}.{prop_name}" for where, prop_name, prop in props if not str(prop.get("description", "")).strip()
    ]
    assert missing == [], f"{name}: {missing}"


def test_every_field_has_an_english_description_and_an_example() -> None:
    used: set[str] = set()
    for root in DOCUMENT_MODELS.values():
        for model in models_of(root):
            for name, field in model.model_fields.items():
                assert field.description, f"{model.__name__}.{name}: no Indonesian description"
                english, example = field_doc(model, name)
                assert english.strip() and example.strip(), f"{model.__name__}.{name}"
                assert english != field.description, f"{model.__name__}.{name}: not translated"
                used.update(f"{k.__name__}.{name}" for k in model.__mro__ if f"{k.__name__}.{name}" in FIELD_DOCS)
    assert sorted(set(FIELD_DOCS) - used) == [], "stale entries in field_docs.FIELD_DOCS"


@pytest.mark.parametrize("key", sorted(FIELD_DOCS))
def test_examples_are_yaml_as_typed(key: str) -> None:
    example = FIELD_DOCS[key][1]
    result = read_bytes(f"nilai: {example}\n".encode())
    assert not result.issues and len(result.documents) == 1, (key, example)


def test_reference_is_current(update_goldens: bool) -> None:
    text = reference_markdown()
    if update_goldens:
        if not REFERENCE.is_file() or REFERENCE.read_text(encoding="utf-8") != text:
            REFERENCE.write_text(text, encoding="utf-8")
        return
    assert REFERENCE.is_file(), "docs/referensi.md missing: bash run.sh test --update-goldens"
    assert REFERENCE.read_text(encoding="utf-8") == text, (
        "docs/referensi.md is stale: bash run.sh test --update-goldens"
    )


def test_reference_covers_every_field() -> None:
    text = reference_markdown()
    for root in DOCUMENT_MODELS.values():
        for model in models_of(root):
            assert f"### {model.__name__}\n" in text
            for name in model.model_fields:
                assert f"| `{name}` |" in text
    assert "nilai apa pun" not in text and "berpola" not in text


@pytest.mark.parametrize("example", ["kota-contoh", "kota-bermasalah"])
def test_example_schema_copies_are_current_and_modelines_stay_inside(example: str) -> None:
    folder = ROOT / "examples" / example
    for name, text in schema_files().items():
        copy = folder / "schemas" / name
        assert copy.is_file() and copy.read_text(encoding="utf-8") == text, (
            f"examples/{example}/schemas/{name} is stale: probis schema --out examples/{example}/schemas"
        )
    for path in sorted(folder.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        target = (path.parent / first.split("=", 1)[1].strip()).resolve()
        assert target.is_file() and target.is_relative_to(folder.resolve()), path
