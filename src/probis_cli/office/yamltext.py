"""YAML text written by hand for imported documents: block style, codes quoted, and
``# PERIKSA:`` comments at the spot they concern. (The project reads YAML from libyaml events
and keeps text as typed; this writer quotes whatever another reader could turn into a number,
a date, a boolean or null.)"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Path_ = tuple[str | int, ...]

# Plain only for text starting with a letter (or "(") made of printable characters: no
# control characters, no C1 controls, no Unicode line/paragraph separators, no BOM.
_SAFE = "[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
_PLAIN = re.compile(
    rf"(?:[A-Za-z(]|(?![\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff])[\u00C0-\U0010FFFF]){_SAFE}*"
)
_ESCAPE = re.compile('[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"\\\\]')
_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Raw:
    """A scalar written as is (an ISO date)."""

    text: str


def scalar(value: Any, *, force_quote: bool = False) -> str:
    """One scalar: plain when no YAML reader could misread it, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = (
        not force_quote
        and _PLAIN.fullmatch(text) is not None
        and text.lower() not in _SPECIAL
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and text == text.strip()
    )
    return text if plain else quoted(text)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: printable characters as they are, the rest escaped."""

    def escape(match: re.Match[str]) -> str:
        ch = match.group(0)
        if ch in '"\\':
            return "\\" + ch
        return {"\n": "\\n", "\t": "\\t"}.get(ch, f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")

    return '"' + _ESCAPE.sub(escape, text) + '"'


QUOTED_KEYS = frozenset({"kode", "nomor", "nip", "pelaksana"})


class Writer:
    """Builds the text; ``comments[path]`` go on the line(s) before the key at ``path``."""

    def __init__(self, comments: Mapping[Path_, Sequence[str]]) -> None:
        self.comments = comments
        self.lines: list[str] = []
        self.comment_lines: dict[Path_, int] = {}

    def _comment(self, path: Path_, indent: str) -> None:
        for text in self.comments.get(path, ()):
            self.comment_lines.setdefault(path, len(self.lines) + 1)
            for i, part in enumerate(text.split("\n")):
                self.lines.append(f"{indent}# {'PERIKSA: ' if i == 0 else '  '}{part}")

    def mapping(self, data: Mapping[str, Any], indent: str, path: Path_, first_prefix: str | None = None) -> None:
        for i, (key, value) in enumerate(data.items()):
            here = (*path, key)
            lead = first_prefix if (i == 0 and first_prefix is not None) else indent
            self._comment(here, indent)
            self._entry(key, value, lead, indent, here)

    def _entry(self, key: str, value: Any, lead: str, indent: str, path: Path_) -> None:
        if isinstance(value, Mapping):
            self.lines.append(f"{lead}{key}:")
            self.mapping(value, indent + "  ", path)
        elif isinstance(value, (list, tuple)):
            if not value:
                self.lines.append(f"{lead}{key}: []")
                return
            self.lines.append(f"{lead}{key}:")
            for n, item in enumerate(value):
                self._comment((*path, n), indent + "  ")
                if isinstance(item, Mapping):
                    self.mapping(item, indent + "    ", (*path, n), first_prefix=indent + "  - ")
                else:
                    self.lines.append(f"{indent}  - {scalar(item, force_quote=key in QUOTED_KEYS)}")
        else:
            self.lines.append(f"{lead}{key}: {scalar(value, force_quote=key in QUOTED_KEYS)}")


def dump(
    data: Mapping[str, Any], comments: Mapping[Path_, Sequence[str]], header: Sequence[str] = ()
) -> tuple[str, dict[Path_, int]]:
    """The YAML text of ``data`` and the line number of each comment's first line."""
    writer = Writer(comments)
    writer.lines.extend(f"# {line}" if line else "#" for line in header)
    writer.mapping(data, "", ())
    return "\n".join(writer.lines) + "\n", writer.comment_lines
