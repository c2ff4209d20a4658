"""JSON Schema per document kind, generated from the pydantic models (for editors)."""

from __future__ import annotations

import json

from probis_cli.model.build import DOCUMENT_MODELS

SCHEMA_BASE = "https://probis.example/schemas/"  # identifier only; never fetched


def schema_files() -> dict[str, str]:
    """``{"<jenis>.schema.json": text}`` for every document kind, deterministic."""
    out: dict[str, str] = {}
    for jenis, model in DOCUMENT_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{SCHEMA_BASE}{jenis}.schema.json",
            **schema,
        }
        # The version key is typed as an integer in YAML; editors should see the allowed value.
        props = schema.get("properties", {})
        if "probis" in props:
            props["probis"] = {"const": 1, "description": props["probis"].get("description", "")}
        if "jenis" in props:
            props["jenis"] = {"const": jenis, "description": "Jenis dokumen."}
        out[f"{jenis}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return out
