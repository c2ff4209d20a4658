"""Writing small YAML snippets by hand: scalars that read back exactly as given."""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,()'/&-]*")


def scalar(value: str) -> str:
    """``value`` written so that YAML reads back exactly ``value`` (double-quoted when needed).

    Plain only for text that starts with a letter, has no ``: `` / `` #`` and does not end in
    a colon or space; everything else is double-quoted with escapes.
    """
    if (
        _PLAIN.fullmatch(value)
        and not value.endswith((":", " "))
        and ": " not in value
        and value.lower() not in {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}
    ):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'
