"""YAML text helpers: plain-or-quoted scalars, flow lists and maps written as a person would."""

from __future__ import annotations

from collections.abc import Sequence

_START_BAD = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_BAD = frozenset(",[]{}")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_QCACHE: tuple[dict[str, str], dict[str, str]] = ({}, {})


def q(s: str, flow: bool = False) -> str:
    """``s`` as a YAML scalar: plain when a person would leave it plain, else double-quoted."""
    cache = _QCACHE[flow]
    hit = cache.get(s)
    if hit is not None:
        return hit
    need = (
        s in _NULLS or s[0] in _START_BAD or s[-1] in " :" or ": " in s or " #" in s or "\n" in s or "\t" in s
        or (flow and not _FLOW_BAD.isdisjoint(s))
    )  # fmt: skip
    out = '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"' if need else s
    cache[s] = out
    return out


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(q(i, True) for i in items) + "]"


def flow_map(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def map_item(out: list[str], ind: str, pairs: Sequence[tuple[str, str | list[str]]]) -> None:
    """One list item that is a small mapping, written as a person would: a one-line flow map
    when it is short and needs no quotes, else a block mapping."""
    flow_vals = [flow_list(v) if isinstance(v, list) else q(v, True) for _, v in pairs]
    line = ind + "- " + flow_map([(k, fv) for (k, _), fv in zip(pairs, flow_vals)])
    if len(line) <= 120 and not any(fv.startswith('"') for fv in flow_vals):
        out.append(line)
        return
    first = True
    for k, v in pairs:
        text = flow_list(v) if isinstance(v, list) else q(v)
        out.append(f"{ind}{'- ' if first else '  '}{k}: {text}")
        first = False


def lc(phrase: str) -> str:
    """Lower-case a title for use inside a sentence, keeping acronyms (KTP-el, RSUD, SPBE)."""
    words = []
    for w in phrase.split(" "):
        if len(w) > 1 and w[0].isupper() and w[1:].islower() and w not in ("Quran", "Pancasila", "Indonesia"):
            words.append(w.lower())
        else:
            words.append(w)
    return " ".join(words)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]
