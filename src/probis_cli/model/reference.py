"""``docs/referensi.md``: the field reference of every document kind, generated from the models.

Indonesian descriptions come from the fields (the same text the JSON Schemas carry), English
descriptions and examples from :mod:`probis_cli.model.field_docs`, types and requiredness
from the generated JSON Schemas, so the reference cannot drift from what probis accepts.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from probis_cli.model.build import DOCUMENT_MODELS
from probis_cli.model.common import BIDANG_URUSAN_RE, KEGIATAN_RE, PROGRAM_RE, REF_RE, SLUG_RE, SUB_KEGIATAN_RE
from probis_cli.model.field_docs import FIELD_DOCS
from probis_cli.model.pemda import PEMILIK_REVIEW_RE
from probis_cli.model.schema import schema_files

# Where each kind is usually kept (the suggested layout of README and `probis init`).
TYPICAL_PATH = {
    "pemda": "probis.yaml",
    "rpjmd": "rpjmd.yaml",
    "opd": "opd/<opd>.yaml",
    "proses": "proses/<opd>/<kode>.yaml",
    "sop": "sop/<opd>/<kode>.yaml",
}

_PATTERN_WORDS = {
    f"^{SLUG_RE}$": "kode",
    f"^{REF_RE}$": "rujukan `opd` atau `opd/unit`",
    f"^{BIDANG_URUSAN_RE}$": "kode bidang urusan `X.XX`",
    f"^{PROGRAM_RE}$": "kode program `X.XX.XX`",
    f"^{KEGIATAN_RE}$": "kode kegiatan `X.XX.XX.X.XX`",
    f"^{SUB_KEGIATAN_RE}$": "kode sub kegiatan `X.XX.XX.X.XX.XXXX`",
    f"^(?:{KEGIATAN_RE}|{SUB_KEGIATAN_RE})$": "kode kegiatan atau sub kegiatan",
    r"^\d{4}\s*[-–/]\s*\d{4}$": "periode `TTTT-TTTT`",
    f"^(?:{PEMILIK_REVIEW_RE})$": "peninjau (`@pengguna`, `@organisasi/tim`, atau surel)",
}


class MissingDocs(KeyError):
    """A model field has no entry in :data:`FIELD_DOCS`."""


def field_doc(model: type[BaseModel], name: str) -> tuple[str, str]:
    """English description and example of ``model.name`` (inherited fields under their base)."""
    for klass in model.__mro__:
        key = f"{klass.__name__}.{name}"
        if key in FIELD_DOCS:
            return FIELD_DOCS[key]
    raise MissingDocs(f"{model.__name__}.{name}")


def models_of(root: type[BaseModel]) -> list[type[BaseModel]]:
    """``root`` and every model nested in it, in order of first appearance."""
    import typing

    out: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            walk(annotation)
            return
        for arg in typing.get_args(annotation):
            visit(arg)

    def walk(model: type[BaseModel]) -> None:
        if model in out:
            return
        out.append(model)
        for field in model.model_fields.values():
            visit(field.annotation)

    walk(root)
    return out


def _type(prop: dict[str, Any]) -> str:
    """A short Indonesian reading of a JSON Schema property's type."""
    if "const" in prop:
        return f"`{json.dumps(prop['const'], ensure_ascii=False)}`"
    if "$ref" in prop:
        name = str(prop["$ref"]).rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in prop:
        return "salah satu: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p != {"type": "null"}]
        words = [_type(p) for p in options]
        if len(options) == 2 and options[1].get("type") == "array" and _type(options[1].get("items", {})) == words[0]:
            words = [f"{words[0]} atau daftar {words[0]}"]
        text = " atau ".join(dict.fromkeys(words))
        return text + (" atau kosong" if len(options) < len(prop["anyOf"]) else "")
    kind = prop.get("type")
    if kind == "array":
        return "daftar " + _type(prop.get("items", {}))
    if kind == "object":
        values = prop.get("additionalProperties")
        return "pemetaan" + (f" ke {_type(values)}" if isinstance(values, dict) and values else "")
    if kind == "integer":
        return "bilangan bulat"
    if kind == "number":
        return "bilangan"
    if kind == "boolean":
        return "`true` / `false`"
    if kind in ("string", ["string", "number"]):
        pattern = prop.get("pattern")
        if isinstance(pattern, str):
            return _PATTERN_WORDS.get(pattern, f"teks berpola `{pattern}`")
        if str(prop.get("description", "")).startswith("Tanggal"):
            return "tanggal"
        return "teks"
    return "nilai apa pun"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _default(model: type[BaseModel], name: str) -> str:
    field = model.model_fields[name]
    if field.is_required():
        return "**ya**"
    default = field.get_default(call_default_factory=True)
    if default in (None, [], {}, False) or isinstance(default, BaseModel):
        return "tidak"
    return f"tidak (bawaan `{default}`)"


def reference_markdown() -> str:
    """The whole field reference, deterministic."""
    schemas = {name.split(".")[0]: json.loads(text) for name, text in schema_files().items()}
    lines = [
        "# Referensi isian dokumen / Field reference",
        "",
        "<!-- Dibuat otomatis dari src/probis_cli/model/ (jangan disunting tangan): "
        "`bash run.sh test --update-goldens` menulisnya ulang. -->",
        "",
        "Setiap berkas YAML probis diawali `probis: 1` dan `jenis: ...`; kunci memakai istilah resmi. "
        "Kolom *wajib* menyebut isian yang harus ada; isian lain boleh dihilangkan. "
        "Kode boleh ditulis tanpa tanda kutip: probis membacanya persis seperti diketik "
        "(`2.20` tetap `2.20`, NIP tetap dengan nol di depan). "
        "Deskripsi bahasa Indonesia yang sama tampil di editor lewat JSON Schema (`schemas/`).",
        "",
        "Every probis YAML file starts with `probis: 1` and `jenis: ...`; keys are the official "
        "Indonesian terms. *wajib* = required. Types: *teks* text, *kode* code, *rujukan* reference, "
        "*daftar* list, *pemetaan* mapping, *bilangan (bulat)* (whole) number, *tanggal* date, "
        "*atau kosong* or empty (null).",
        "",
        "| jenis | berkas lazim / usual file | model |",
        "|---|---|---|",
    ]
    for jenis, model in DOCUMENT_MODELS.items():
        lines.append(f"| `{jenis}` | `{TYPICAL_PATH[jenis]}` | [{model.__name__}](#{model.__name__.lower()}) |")
    shown: set[type[BaseModel]] = set()
    for jenis, root in DOCUMENT_MODELS.items():
        schema = schemas[jenis]
        defs: dict[str, Any] = schema.get("$defs", {})
        lines += ["", f"## `jenis: {jenis}` — `{TYPICAL_PATH[jenis]}`", ""]
        for model in models_of(root):
            if model in shown:
                continue
            shown.add(model)
            node = schema if model is root else defs[model.__name__]
            props: dict[str, Any] = node.get("properties", {})
            doc = (model.__doc__ or "").strip().splitlines()[0]
            lines += [
                f"### {model.__name__}",
                "",
                doc,
                "",
                "| kunci | jenis nilai | wajib | keterangan | description | contoh / example |",
                "|---|---|---|---|---|---|",
            ]
            for name, field in model.model_fields.items():
                prop = props[name]
                english, example = field_doc(model, name)
                row = [
                    f"`{name}`",
                    _type(prop),
                    _default(model, name),
                    str(prop.get("description") or field.description or ""),
                    english,
                    f"`{example}`",
                ]
                lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
