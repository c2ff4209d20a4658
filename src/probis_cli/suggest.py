"""Did-you-mean: the closest known name to a mistyped one (codes, rule names, fields)."""

from __future__ import annotations

import difflib
import re

__all__ = ["suggest"]

_DIGITS = re.compile(r"\d")


def suggest(word: str, choices: list[str] | set[str] | tuple[str, ...]) -> str | None:
    """The closest choice to ``word`` (case-insensitive), or None when nothing is close.

    Codes that differ only in their numbers (SOP-DUKCAPIL-004 vs -003) are siblings in a
    numbering, not typos of each other: suggesting one for the other misleads.
    """
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if not match:
        return None
    best = match[0]
    if best != word.lower() and _DIGITS.sub("#", best) == _DIGITS.sub("#", word.lower()) and _DIGITS.search(word):
        return None
    return lowered[best]
