"""JSON Schema per document kind, generated from the pydantic models (for editors)."""

from __future__ import annotations

import json
from typing import Any

from probis_cli.model.build import DOCUMENT_MODELS

SCHEMA_BASE = "https://probis.example/schemas/"  # identifier only; never fetched


def _accept_typed_scalars(node: Any) -> Any:
    """Let text fields accept numbers and dates too, as probis does.

    probis keeps the exact text of every scalar (``nip: 197503152000031002``,
    ``rab: 09.05``, ``tanggal_efektif: 2026-02-01``), but an editor reading YAML 1.2 sees a
    number or a date there; the schema must not underline what probis accepts.
    """
    if isinstance(node, dict):
        out = {k: _accept_typed_scalars(v) for k, v in node.items()}
        if out.get("type") == "string" and "enum" not in out and "const" not in out:
            out["type"] = ["string", "number"]
            out.pop("format", None)
        return out
    if isinstance(node, list):
        return [_accept_typed_scalars(v) for v in node]
    return node


def schema_files() -> dict[str, str]:
    """``{"<jenis>.schema.json": text}`` for every document kind, deterministic."""
    out: dict[str, str] = {}
    for jenis, model in DOCUMENT_MODELS.items():
        schema = _accept_typed_scalars(model.model_json_schema(mode="validation"))
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
            props["jenis"] = {"const": jenis, "description": props["jenis"].get("description", "Jenis dokumen.")}
        out[f"{jenis}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return out
