"""What a validation error's location points at: the keys allowed there, the value read, and
whether an unknown key is the tail of a flow mapping cut by a comma."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from probis_cli.source.reader import PosTree


def model_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The allowed keys at ``loc`` (for did-you-mean), following nested models and lists."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        keys: list[str] = []
        for name, field in current.model_fields.items():
            keys.append(name)
            choices = getattr(field.validation_alias, "choices", None)
            if choices:
                keys.extend(str(c) for c in choices if isinstance(c, str))
        return sorted(set(keys))
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    return None


def _mapping_pos(pos: PosTree, path: tuple[str | int, ...]) -> Any:
    """The position node at ``path`` (None when the path does not exist)."""
    node: Any = pos
    for part in path:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part][4]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part][2]
        else:
            return None
    return node


def _value_at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def flow_comma(data: Any, pos: PosTree, loc: tuple[str | int, ...]) -> tuple[str, str] | None:
    """``(key, value)`` of the entry an unknown key was cut from by a comma, if it looks so.

    ``{nama: dr. Ratna, M.Kes}`` reads as ``nama: dr. Ratna`` and a key ``M.Kes`` without a
    value. Two keys of one mapping on one line can only be a flow mapping; an unknown key
    with no value right after a text entry on the same line is such a cut.
    """
    if not loc or not isinstance(loc[-1], str):
        return None
    parent = _value_at(data, loc[:-1])
    node = _mapping_pos(pos, loc[:-1])
    key = loc[-1]
    if not isinstance(parent, dict) or parent.get(key) is not None or not isinstance(node, dict) or key not in node:
        return None
    line, column = node[key][0], node[key][1]
    before = [(k, v[1]) for k, v in node.items() if k != key and v[0] == line and v[1] < column]
    if not before:
        return None
    previous = max(before, key=lambda kv: kv[1])[0]
    value = parent.get(previous)
    if not isinstance(value, str) or not value:
        return None
    return previous, value
