"""Indonesian durations as written in the "waktu" column of an SOP's mutu baku.

An SOP measures working time, so a day here is a working day (hari kerja, 8 hours), a
week is 5 working days and a month 22 working days. The one exception is the service
promise "N x 24 jam" ("within N days"), which is read as N working days rather than as
N x 24 hours of working time (that would triple the duration).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "MENIT_PER_SATUAN",
    "UNMEASURABLE_WORDS",
    "Durasi",
    "Satuan",
    "format_durasi",
    "hedge_after_number",
    "is_frequency",
    "parse_durasi",
    "vague_word",
]

Satuan = Literal["detik", "menit", "jam", "hari", "hari kerja", "minggu", "bulan"]

MENIT_PER_SATUAN: Final[Mapping[Satuan, float]] = {
    "detik": 1 / 60,
    "menit": 1.0,
    "jam": 60.0,
    "hari": 480.0,  # a working day: 8 hours
    "hari kerja": 480.0,
    "minggu": 5 * 480.0,  # 5 working days
    "bulan": 22 * 480.0,  # 22 working days
}

# Phrases that promise no measurable time (longest first, so a lint message quotes the
# whole phrase, "sesegera mungkin" rather than "segera").
UNMEASURABLE_WORDS: Final[tuple[str, ...]] = (
    "secepat mungkin",
    "sesegera mungkin",
    "sesuai kebutuhan",
    "sesuai kondisi",
    "sesuai keadaan",
    "sesuai situasi",
    "sesuai jadwal",
    "sesuai ketentuan",
    "tidak tentu",
    "tidak menentu",
    "sesuai kesepakatan",
    "sesuai antrean",
    "sesuai antrian",
    "tidak terbatas",
    "sewaktu-waktu",
    "setiap saat",
    "tergantung",
    "bergantung",
    "menyesuaikan",
    "disesuaikan",
    "secepatnya",
    "segera",
    "cepat",
    "tentatif",
    "situasional",
    "kondisional",
    "insidental",
    "bervariasi",
    "fleksibel",
    "relatif",
)

_VAGUE_RE: Final = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in UNMEASURABLE_WORDS) + r")(?![^\W\d_])",
    re.IGNORECASE,
)
# Hedges that loosen a number written before them: "1 s.d. 3 hari atau menyesuaikan",
# "2 hari kerja atau sesuai kebutuhan", "maksimal 1 jam, kondisional". Deliberately NOT
# here: words that only make the promise faster ("1 x 24 jam atau lebih cepat", "segera,
# paling lama 1 jam") or name where the number comes from ("14 hari kerja sesuai
# ketentuan", "2 jam sesuai jadwal"), and approximations ("± 15 menit", "kurang lebih 2
# jam"): the number still binds. A hedge BEFORE the number ("tergantung berkas, paling lama
# 3 hari") qualifies it and the number still binds too.
_NEUTRAL_AFTER_NUMBER: Final = frozenset(
    {"segera", "secepatnya", "secepat mungkin", "sesegera mungkin", "cepat", "sesuai jadwal", "sesuai ketentuan"}
)
_HEDGE_RE: Final = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in (*UNMEASURABLE_WORDS, "atau lebih", "ke atas")
        if w not in _NEUTRAL_AFTER_NUMBER
    )
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)
_FASTER_RE: Final = re.compile(r"\s+(?:cepat|singkat|awal|dahulu|cepatnya)(?![^\W\d_])", re.IGNORECASE)
# A field holding only a placeholder ("-", "--", "?", "...") is as vague as "segera".
_PLACEHOLDER_RE: Final = re.compile(r"[-–—?./\s]+")


@dataclass(frozen=True, slots=True)
class Durasi:
    """A parsed duration; ``menit`` is the maximum and ``minimum`` the lower bound of a range."""

    menit: float
    nilai: float  # in ``satuan``; for a range, the upper bound
    satuan: Satuan  # of the first (largest) part written: "2 jam 30 menit" is 2.5 jam
    minimum: float  # in minutes; equals ``menit`` unless the text is a range


def vague_word(text: str) -> str | None:
    """Return the unmeasurable phrase used in ``text`` (as written there), or None."""
    match = _VAGUE_RE.search(text)
    if match is not None:
        return match.group(0)
    stripped = text.strip()
    if stripped and _PLACEHOLDER_RE.fullmatch(stripped):
        return stripped
    return None


def hedge_after_number(text: str) -> str | None:
    """The hedge loosening a duration written before it ("atau menyesuaikan"), or None.

    ``None`` also when ``text`` has no duration before the hedge (then it is simply vague).
    """
    for match in _HEDGE_RE.finditer(text):
        if match.group(0).casefold().startswith("atau") and _FASTER_RE.match(text, match.end()):
            continue  # "atau lebih cepat": sooner, the number still binds
        if parse_durasi(text[: match.start()]) is not None:
            return match.group(0)
    return None


# --- tokenising -------------------------------------------------------------------------

_UNITS: Final[Mapping[str, Satuan]] = {
    "detik": "detik",
    "dtk": "detik",
    "det": "detik",
    "menit": "menit",
    "mnt": "menit",
    "mnit": "menit",
    "min": "menit",
    "jam": "jam",
    "jm": "jam",
    "hari": "hari",
    "hr": "hari",
    "hri": "hari",
    "hk": "hari kerja",
    "minggu": "minggu",
    "mgg": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
}
# "sehari", "sejam": the prefix se- means "one".
_SE_UNITS: Final[Mapping[str, Satuan]] = {
    "sedetik": "detik",
    "semenit": "menit",
    "sejam": "jam",
    "sehari": "hari",
    "seminggu": "minggu",
    "sepekan": "minggu",
    "sebulan": "bulan",
}
_DIGIT_WORDS: Final[Mapping[str, int]] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}  # fmt: skip
_RANGE_WORDS: Final = frozenset({"sampai", "hingga", "sd", "sampaidengan"})
# Words allowed between the parts of one duration: "1 jam dan 30 menit".
_JOINERS: Final = frozenset({"dan", "lebih"})

_TOKEN_RE: Final = re.compile(
    r"(?P<range>s\s*[./]\s*d\b\.?|[-–—~])"
    r"|(?P<num>[0-9]+(?:[.,][0-9]+)*)"
    r"|(?P<word>[^\W\d_]+)"
)

_Kind = Literal["num", "unit", "range", "x", "join", "other"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _Kind
    value: float = 0.0  # of a "num"
    satuan: Satuan = "menit"  # of a "unit"


def _number(literal: str) -> float:
    """Read a numeral with Indonesian (1.000,5) or English (1,000.5) separators."""
    groups = re.split(r"[.,]", literal)
    seps = re.findall(r"[.,]", literal)
    if not seps:
        return float(literal)
    if len(set(seps)) == 2:
        # Mixed separators: the last one is the decimal mark, the others group thousands.
        return float("".join(groups[:-1]) + "." + groups[-1])
    if len(seps) > 1:
        return float("".join(groups))
    whole, frac = groups
    # One comma is the Indonesian decimal comma. One dot is a decimal point too ("1.5 jam"),
    # except "1.000", which Indonesian writes for a thousand.
    if seps[0] == "." and len(frac) == 3 and whole.strip("0"):
        return float(whole + frac)
    return float(whole + "." + frac)


def _number_words(words: list[str], i: int) -> tuple[float, int] | None:
    """Read a spelled-out number starting at ``words[i]``: "dua puluh lima", "satu setengah"."""
    start, value = i, 0.0

    def at(k: int) -> str:
        return words[k] if k < len(words) else ""

    if at(i) == "seratus":
        value, i = 100.0, i + 1
    elif at(i) in _DIGIT_WORDS and at(i + 1) == "ratus":
        value, i = 100.0 * _DIGIT_WORDS[at(i)], i + 2
    if at(i) == "sepuluh":
        value, i = value + 10, i + 1
    elif at(i) == "sebelas":
        value, i = value + 11, i + 1
    elif at(i) in _DIGIT_WORDS and at(i + 1) == "belas":
        value, i = value + 10 + _DIGIT_WORDS[at(i)], i + 2
    elif at(i) in _DIGIT_WORDS and at(i + 1) == "puluh":
        value, i = value + 10 * _DIGIT_WORDS[at(i)], i + 2
        if at(i) in _DIGIT_WORDS and at(i + 1) not in {"puluh", "belas", "ratus"}:
            value, i = value + _DIGIT_WORDS[at(i)], i + 1
    elif at(i) in _DIGIT_WORDS:
        value, i = value + _DIGIT_WORDS[at(i)], i + 1
    if at(i) == "setengah":
        value, i = value + 0.5, i + 1
    elif at(i) == "seperempat":
        value, i = value + 0.25, i + 1
    return (value, i) if i > start else None


def _tokenise(text: str) -> list[_Token]:
    raw: list[tuple[str, str]] = []
    for m in _TOKEN_RE.finditer(text.casefold()):
        kind = m.lastgroup or ""
        raw.append((kind, m.group(0)))
    words = [t if k == "word" else "" for k, t in raw]
    out: list[_Token] = []
    i = 0
    while i < len(raw):
        kind, literal = raw[i]
        if kind == "range":
            out.append(_Token("range"))
        elif kind == "num":
            out.append(_Token("num", _number(literal)))
        else:
            spelled = _number_words(words, i)
            if spelled is not None:
                out.append(_Token("num", spelled[0]))
                i = spelled[1]
                continue
            if literal in _SE_UNITS:
                out.extend([_Token("num", 1.0), _Token("unit", satuan=_SE_UNITS[literal])])
            elif literal == "hari" and words[i + 1 : i + 2] == ["kerja"]:
                out.append(_Token("unit", satuan="hari kerja"))
                i += 1
            elif literal in {"hari", "hr"} and words[i + 1 : i + 2] == ["kalender"]:
                out.append(_Token("unit", satuan="hari"))  # no calendar arithmetic: read as days
                i += 1
            elif literal in _UNITS:
                out.append(_Token("unit", satuan=_UNITS[literal]))
            elif literal in {"x", "kali"}:
                out.append(_Token("x"))
            elif literal == "sampai" and words[i + 1 : i + 2] == ["dengan"]:
                out.append(_Token("range"))
                i += 1
            elif literal in _RANGE_WORDS:
                out.append(_Token("range"))
            elif literal in _JOINERS:
                out.append(_Token("join"))
            else:
                out.append(_Token("other"))
        i += 1
    return out


# --- parsing ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Part:
    menit: float
    nilai: float
    satuan: Satuan


def _amount(toks: list[_Token], i: int) -> tuple[float, float | None, int] | None:
    """Read ``NUM`` or ``NUM x NUM``; returns (first, multiplier or None, next index)."""
    if i >= len(toks) or toks[i].kind != "num":
        return None
    first = toks[i].value
    if i + 2 < len(toks) and toks[i + 1].kind == "x" and toks[i + 2].kind == "num":
        return first, toks[i + 2].value, i + 3
    return first, None, i + 1


def _component(toks: list[_Token], i: int) -> tuple[_Part, int] | None:
    amount = _amount(toks, i)
    if amount is None:
        return None
    first, factor, j = amount
    if j >= len(toks) or toks[j].kind != "unit":
        return None
    satuan = toks[j].satuan
    if factor is not None and factor == 24 and satuan == "jam":
        # "1 x 24 jam" promises service within a day: N working days, not 24N hours.
        return _Part(first * MENIT_PER_SATUAN["hari kerja"], first, "hari kerja"), j + 1
    nilai = first * factor if factor is not None else first
    return _Part(nilai * MENIT_PER_SATUAN[satuan], nilai, satuan), j + 1


def _compound(toks: list[_Token], i: int) -> tuple[_Part, int] | None:
    """Read "2 jam 30 menit" (parts summed; unit and value expressed in the first part's unit)."""
    head = _component(toks, i)
    if head is None:
        return None
    part, j = head
    total = part.menit
    while True:
        k = j
        while k < len(toks) and toks[k].kind == "join":
            k += 1
        nxt = _component(toks, k)
        if nxt is None:
            break
        total += nxt[0].menit
        j = nxt[1]
    return _Part(total, total / MENIT_PER_SATUAN[part.satuan], part.satuan), j


def _expression(toks: list[_Token], i: int) -> Durasi | None:
    lower = _compound(toks, i)
    if lower is not None:
        j = lower[1]
        if j < len(toks) and toks[j].kind == "range":
            upper = _compound(toks, j + 1)
            if upper is not None:
                return _range(lower[0].menit, upper[0])
        part = lower[0]
        return Durasi(part.menit, part.nilai, part.satuan, part.menit)
    # "5-10 menit": a bare lower bound takes the upper bound's unit.
    amount = _amount(toks, i)
    if amount is None or amount[1] is not None:
        return None
    j = amount[2]
    if j < len(toks) and toks[j].kind == "range":
        upper = _compound(toks, j + 1)
        if upper is not None:
            return _range(amount[0] * MENIT_PER_SATUAN[upper[0].satuan], upper[0])
    return None


def _range(lower_menit: float, upper: _Part) -> Durasi:
    if lower_menit > upper.menit:  # "10-5 menit": keep the larger as the promise
        return Durasi(lower_menit, lower_menit / MENIT_PER_SATUAN[upper.satuan], upper.satuan, upper.menit)
    return Durasi(upper.menit, upper.nilai, upper.satuan, lower_menit)


# "2 x sehari", "3 kali seminggu", "1x per bulan": how often, not how long.
_FREQUENCY = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:x|kali)\s*(?:se(?:hari|minggu|bulan|tahun|jam)|(?:per|tiap|setiap|dalam)\s+(?:hari|minggu|bulan|tahun|jam)\b)",
    re.IGNORECASE,
)


def is_frequency(text: str) -> bool:
    """Whether ``text`` says how often ("2 x sehari"), not how long."""
    return _FREQUENCY.search(text) is not None


@functools.lru_cache(maxsize=8192)
def parse_durasi(text: str) -> Durasi | None:
    """Parse the first duration in ``text`` ("2 jam 30 menit", "5 s.d. 10 menit"), else None.

    A frequency ("2 x sehari", "3 kali seminggu") is not a duration: None. Remembered per text
    (a pure function; ``Durasi`` is frozen): a city's 24,000 step times are a few hundred
    distinct texts, parsed by lint, the drafts and the site alike.
    """
    if _FREQUENCY.search(text):
        return None
    toks = _tokenise(text)
    for i, tok in enumerate(toks):
        if tok.kind != "num":
            continue
        found = _expression(toks, i)
        if found is not None:
            if not (math.isfinite(found.menit) and math.isfinite(found.minimum)):
                return None
            return found
    return None


# --- formatting -------------------------------------------------------------------------

_FORMAT_UNITS: Final[Mapping[str, tuple[tuple[str, str], ...]]] = {
    # (singular, plural) per part: hari kerja, jam, menit, detik
    "id": (("hari kerja", "hari kerja"), ("jam", "jam"), ("menit", "menit"), ("detik", "detik")),
    "en": (("working day", "working days"), ("hour", "hours"), ("minute", "minutes"), ("second", "seconds")),
}


def format_durasi(menit: float, lang: Literal["id", "en"]) -> str:
    """Write a number of minutes as "2 hari kerja 3 jam 15 menit" (or in English)."""
    if not math.isfinite(menit) or menit < 0:
        raise ValueError(f"durasi must be a finite non-negative number of minutes: {menit!r}")
    # Whole working days rather than weeks or months: a total is compared with promises
    # written in hari kerja, and "22 hari kerja" reads more precisely than "1 bulan".
    seconds = round(menit * 60)
    sizes = (480 * 60, 60 * 60, 60, 1)
    names = _FORMAT_UNITS[lang]
    parts: list[str] = []
    for size, (one, many) in zip(sizes, names, strict=True):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    if not parts:
        return f"0 {names[2][1]}"
    return " ".join(parts)
