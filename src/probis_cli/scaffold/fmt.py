"""``probis fmt``: one canonical layout per document kind, values never changed.

The layout: keys in the order of the official forms (the order of the model fields, which
follows the SOP AP identitas table, the RPJMD hierarchy, ...), mappings indented by two
spaces, list items indented by two under their key (``  - kode: ...``), long lines never
re-wrapped. Kept as they are: comments, blank lines, flow or block style of each mapping
and list, block scalars, quotes, and every scalar's text (codes are written plain exactly as
typed: probis reads plain scalars as typed text, so ``2.20`` is never a number to it; a
code someone quoted keeps its quotes). BOM and CRLF are kept per file (see
:mod:`probis_cli.scaffold.roundtrip`).

Only files whose documents are all probis documents (``jenis`` one of the known kinds) are
touched; other YAML in the repository is left alone.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from probis_cli.model.build import DOCUMENT_MODELS
from probis_cli.scaffold.files import read_raw
from probis_cli.scaffold.roundtrip import Envelope, RoundTripError, dump_rt, has_explicit_start, load_rt, same_content

# Where the official order differs from the model's field order.
ORDER_OVERRIDES: dict[str, tuple[str, ...]] = {
    "Pengaturan": ("bahasa", "kecualikan", "lint", "render"),
}

Status = Literal["unchanged", "formatted", "skipped", "refused"]


@dataclass(frozen=True)
class FmtResult:
    """What formatting one file gives: status, new text (when changed), reason (when not)."""

    path: str
    status: Status
    text: str | None = None
    reason: str = ""


def _names(model: type[BaseModel], name: str) -> list[str]:
    field = model.model_fields[name]
    out = [name]
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        out += [c for c in alias.choices if isinstance(c, str) and c not in out]
    return out


def key_order(model: type[BaseModel]) -> list[str]:
    """Canonical key order of a mapping of ``model`` (aliases at their field's place)."""
    names = list(ORDER_OVERRIDES.get(model.__name__, ()))
    names += [n for n in model.model_fields if n not in names]
    return [alias for name in names for alias in _names(model, name)]


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def _field_model(model: type[BaseModel], key: str) -> type[BaseModel] | None:
    for name in model.model_fields:
        if key in _names(model, name):
            return _nested_model(model.model_fields[name].annotation)
    return None


_EOL_COMMENT = re.compile(r"[ \t]*#[^\n]*\n?")


def _tokens(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [text for item in value for text in _tokens(item)]
    text = getattr(value, "value", None)
    return [text] if isinstance(text, str) else []


def _after_slot(container: Any) -> int:
    """Where ruamel keeps the comment that follows an entry: 2 in a mapping, 0 in a list."""
    return 2 if isinstance(container, CommentedMap) else 0


def _block(value: Any) -> bool:
    """A non-empty block-style list or mapping (comments after a flow one stay outside it)."""
    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0 and not value.fa.flow_style()


def _holder(container: Any, key: Any) -> tuple[Any, Any]:
    """The innermost last entry of ``container[key]``: where its trailing comment lives."""
    value = container[key]
    if _block(value) and isinstance(value, CommentedMap):
        return _holder(value, list(value.keys())[-1])
    if _block(value) and isinstance(value, CommentedSeq):
        return _holder(value, len(value) - 1)
    return container, key


def _trailer_token(container: Any, key: Any) -> Any:
    """The comment token after the entry ``key`` (at any depth), or None."""
    holder, at = _holder(container, key)
    slots = holder.ca.items.get(at)
    slot = _after_slot(holder)
    return slots[slot] if slots and len(slots) > slot and slots[slot] is not None else None


def _trailer(container: Any, key: Any) -> list[str]:
    """Texts of the comments that follow the entry ``key`` of ``container``, at any depth.

    ruamel keeps a comment line or blank line with the entry *before* it: after the
    scalar value, or after the last entry of a nested list or mapping.
    """
    texts: list[str] = []
    node, at = container, key
    while True:
        slots = node.ca.items.get(at)
        slot = _after_slot(node)
        if slots and len(slots) > slot:
            texts += _tokens(slots[slot])
        value = node[at]
        if _block(value) and isinstance(value, CommentedMap):
            node, at = value, list(value.keys())[-1]
        elif _block(value) and isinstance(value, CommentedSeq):
            node, at = value, len(value) - 1
        else:
            return texts


def _split_trailer(text: str) -> tuple[str, str]:
    """``"# eol\n\n# next\n"`` -> (``"# eol\n"``, ``"\n# next\n"``): the end of the entry's
    own line, and the lines after it."""
    first, sep, rest = text.partition("\n")
    return first + sep, rest


def _movable(node: CommentedMap, keys: list[Any], wanted: list[Any]) -> bool:
    """Whether reordering ``node`` keeps every comment line and blank line where it belongs.

    Such a line trails the entry before it, yet describes what follows; entries whose
    trailer holds one may not move. The last entry's trailer belongs to what follows the
    whole mapping: it is handed to the new last entry (:func:`_hand_over_trailer`). A
    comment above the first key pins it.
    """
    if any(_tokens(node.ca.comment)) and wanted[0] != keys[0]:
        return False
    for key in keys[:-1]:
        if any(not _EOL_COMMENT.fullmatch(text) for text in _trailer(node, key)):
            return False
    last = _trailer(node, keys[-1])
    return all(_EOL_COMMENT.fullmatch(text) for text in last[:-1])


def _hand_over_trailer(node: CommentedMap, old_last: Any, new_last: Any) -> None:
    """Move the lines after the old last entry (not its end-of-line comment) to the new one."""
    token = _trailer_token(node, old_last)
    if token is None:
        return
    own, rest = _split_trailer(token.value)
    if not rest:
        return
    token.value = own
    holder, at = _holder(node, new_last)
    slot = _after_slot(holder)
    slots = holder.ca.items.setdefault(at, [None, None, None, None])
    while len(slots) <= slot:
        slots.append(None)
    if slots[slot] is None:
        slots[slot] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        slots[slot].value = _split_trailer(slots[slot].value)[0] + rest


def _wanted(keys: list[Any], order: list[str]) -> list[Any]:
    known = [k for k in keys if isinstance(k, str) and k in order]
    return sorted(known, key=order.index) + [k for k in keys if k not in known]


def _reorder(node: CommentedMap, order: list[str]) -> None:
    """Put ``node``'s keys in ``order`` (unknown keys after, as they were); end-of-line
    comments travel with their key."""
    keys = list(node.keys())
    wanted = _wanted(keys, order)
    if wanted == keys or not _movable(node, keys, wanted):
        return
    if wanted[-1] != keys[-1]:
        _hand_over_trailer(node, keys[-1], wanted[-1])
    values = {k: node[k] for k in keys}
    comments = {k: node.ca.items[k] for k in keys if k in node.ca.items}
    for key in keys:
        del node[key]
    for key in wanted:
        node[key] = values[key]
        if key in comments:
            node.ca.items[key] = comments[key]


def canonicalise(node: Any, model: type[BaseModel], *, top: bool = True) -> None:
    """Reorder the keys of ``node`` and of everything nested to the canonical order of ``model``.

    A nested mapping keeps its order when reordering would move a comment line or blank
    line away from what it describes (see :func:`_movable`). With ``top=False`` the mapping
    itself is left for :func:`reorder_top_level`, which moves whole text blocks.
    """
    if isinstance(node, CommentedSeq):
        for item in node:
            canonicalise(item, model)
        return
    if not isinstance(node, CommentedMap):
        return
    for key in list(node.keys()):
        nested = _field_model(model, key) if isinstance(key, str) else None
        if nested is not None:
            canonicalise(node[key], nested)
    if top:
        _reorder(node, key_order(model))


_TOP_KEY = re.compile(r"(?:\"[^\"]*\"|'[^']*'|[^\s#'\"\-?:][^:]*?)\s*:(?:\s|$)")


def _unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"" else key


def reorder_top_level(text: str, order: list[str]) -> str:
    """Reorder the top-level keys of a one-document file as text blocks.

    A block is a key line, its indented continuation, and the comment and blank lines
    directly above it; the comment lines the file starts with (the modeline, a heading) and
    those after the last block stay where they are.
    """
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    for i, line in enumerate(lines):
        if line[:1] not in ("", " ", "\t", "#", "\n", "-", ".") and _TOP_KEY.match(line):
            starts.append(i)
    if len(starts) < 2:
        return text
    keys = [_unquote(_TOP_KEY.match(lines[i]).group(0).rstrip().rstrip(":").rstrip()) for i in starts]  # type: ignore[union-attr]
    wanted = _wanted(keys, order)
    if wanted == keys or len(set(keys)) != len(keys):
        return text

    def lead(i: int, floor: int) -> int:
        """First line of the comment/blank lines directly above line ``i`` (not above ``floor``)."""
        j = i
        while j > floor and (lines[j - 1].startswith("#") or not lines[j - 1].strip()):
            j -= 1
        return j

    # The file's heading: the comment lines it starts with (the modeline, a title). Blank and
    # comment lines after it and before the first key belong to the first key.
    heading = 0
    while heading < starts[0] and lines[heading].startswith("#"):
        heading += 1
    # Block k spans from its leading comments to the leading comments of block k+1.
    begins = [heading] + [lead(starts[k], starts[k - 1] + 1) for k in range(1, len(starts))]
    # Trailing comment/blank lines after the last key's content stay at the end.
    end = len(lines)
    while end > starts[-1] + 1 and (lines[end - 1].startswith("#") or not lines[end - 1].strip()):
        end -= 1
    bounds = begins[1:] + [end]
    blocks = {key: lines[b:e] for key, b, e in zip(keys, begins, bounds)}
    for key in keys:
        block = blocks[key]
        if block and not block[-1].endswith("\n"):
            blocks[key] = block[:-1] + [block[-1] + "\n"]
    head, tail = lines[: begins[0]], lines[end:]
    return "".join(head + [line for key in wanted for line in blocks[key]] + tail)


def format_text(path: str, raw: str) -> FmtResult:
    """Format one file's text (as read, BOM and CRLF included)."""
    envelope, text = Envelope.of(raw)
    try:
        documents = load_rt(text)
    except RoundTripError as exc:
        return FmtResult(path, "skipped", reason=str(exc))
    if not documents or not all(
        isinstance(d, CommentedMap) and isinstance(d.get("jenis"), str) and d["jenis"] in DOCUMENT_MODELS
        for d in documents
    ):
        return FmtResult(path, "skipped", reason="not-probis")
    single = len(documents) == 1
    for document in documents:
        canonicalise(document, DOCUMENT_MODELS[document["jenis"]], top=not single)
    try:
        new = dump_rt(documents, explicit_start=has_explicit_start(text))
    except Exception as exc:  # noqa: BLE001 - a writer failure must refuse the file, not crash the run
        return FmtResult(path, "refused", reason=type(exc).__name__)
    if single:
        new = reorder_top_level(new, key_order(DOCUMENT_MODELS[documents[0]["jenis"]]))
    if new == text:
        return FmtResult(path, "unchanged")
    if not same_content(path, text, new):
        return FmtResult(path, "refused", reason="value-changed")
    return FmtResult(path, "formatted", text=envelope.wrap(new))


def fmt_files(root: Path, paths: list[str]) -> list[FmtResult]:
    """Format each of ``paths`` (relative to ``root``); nothing is written here."""
    out: list[FmtResult] = []
    for rel in paths:
        raw = read_raw(root, rel)
        out.append(FmtResult(rel, "skipped", reason="unreadable") if raw is None else format_text(rel, raw))
    return out
