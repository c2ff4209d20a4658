"""JSON Schemas: generated from the models, committed, fresh, and accepting the examples."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from probis_cli.model.schema import schema_files

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_FILES = sorted((ROOT / "examples" / "kota-contoh").rglob("*.yaml"))


def test_committed_schemas_are_fresh() -> None:
    for name, text in schema_files().items():
        committed = ROOT / "schemas" / name
        assert committed.is_file(), f"{name} missing: run 'probis schema'"
        assert committed.read_text(encoding="utf-8") == text, f"schemas/{name} is stale: run 'probis schema'"


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_schema_is_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_files()[name]))


def _editor_view(value: Any) -> Any:
    """What an editor's YAML 1.2 loader gives, as JSON types (dates become strings)."""
    if isinstance(value, dict):
        return {str(k): _editor_view(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_editor_view(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_example_files_validate_against_their_schema(path: Path) -> None:
    data = _editor_view(YAML(typ="safe").load(path.read_text(encoding="utf-8")))
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema="), "missing modeline"
    schema_path = (path.parent / first_line.split("=", 1)[1].strip()).resolve()
    # The modeline resolves inside the example (a copied folder keeps its schemas), to a copy
    # of the generated schema.
    example = ROOT / "examples" / "kota-contoh"
    assert schema_path == (example / "schemas" / f"{data['jenis']}.schema.json").resolve()
    assert schema_path.read_text(encoding="utf-8") == (ROOT / "schemas" / schema_path.name).read_text(encoding="utf-8")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
