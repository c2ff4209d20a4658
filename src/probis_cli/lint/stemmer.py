"""Indonesian stemmer for the linter (root words from ``kata_dasar.txt``).

The stemmer follows Nazief–Adriani as refined by Sastrawi/ECS: strip inflectional and
derivational suffixes and up to three derivational prefixes (with the recoding of initial
letters that the nasal prefixes swallow), and stop as soon as a candidate is a known root
word from ``kata_dasar.txt``. Instead of one fixed order with backtracking it searches the
few possible decompositions in a fixed preference order, which gives the same results on
ordinary words and is easier to reason about.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Final

_ALPHA_RE: Final = re.compile(r"[a-z]+")


# --- root words -------------------------------------------------------------------------


@functools.cache
def kata_dasar() -> frozenset[str]:
    """The root-word list shipped in ``kata_dasar.txt`` (loaded once)."""
    resource = resources.files(__package__ or "probis_cli.lint").joinpath("kata_dasar.txt")
    text = resource.read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# --- stemming ---------------------------------------------------------------------------

_PARTICLES: Final = ("lah", "kah", "tah", "pun")
_POSSESSIVES: Final = ("nya", "ku", "mu")
_DERIVATIONAL: Final = ("kan", "an", "i")
# Prefix–suffix pairs that Indonesian morphology does not combine (Nazief–Adriani): a word
# such as "kenai" is never ke- + X + -i, so that split is not tried.
_DISALLOWED: Final = frozenset(
    {
        ("be", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"),
        ("me", "an"), ("se", "i"), ("se", "kan"), ("te", "an"),
    }
)  # fmt: skip
_V: Final = "aiueo"
_MIN_ROOT: Final = 2


def _prefix_rules() -> list[tuple[str, re.Pattern[str], Callable[[re.Match[str]], tuple[str, ...]]]]:
    """Prefix-removal rules: (prefix class, pattern, candidate roots), after Sastrawi.

    The candidates recode the initial letter a nasal prefix swallowed: me-N + tulis gives
    "menulis", so from "menulis" both "nulis" and "tulis" are tried.
    """
    c = f"[^{_V}]"
    v = f"[{_V}]"

    def keep(m: re.Match[str]) -> tuple[str, ...]:
        return (m.group(1),)

    def with_(*heads: str) -> Callable[[re.Match[str]], tuple[str, ...]]:
        def build(m: re.Match[str]) -> tuple[str, ...]:
            return tuple(h + m.group(1) for h in heads)

        return build

    raw: list[tuple[str, str, Callable[[re.Match[str]], tuple[str, ...]]]] = [
        ("di", r"di(.+)", keep),
        ("ke", r"ke(.+)", keep),
        ("se", r"se(.+)", keep),
        # be-
        ("be", rf"ber({v}.*)", with_("", "r")),  # berarti -> arti; beras-style r-roots
        ("be", r"bel(ajar.*)", keep),  # belajar -> ajar
        ("be", rf"be([^{_V}r]er{c}.*)", keep),  # bekerja -> kerja
        ("be", rf"ber([^{_V}r].*)", keep),  # bertanya -> tanya
        # te-
        ("te", rf"ter({v}.*)", with_("", "r")),
        ("te", rf"te([^{_V}r]er{c}.*)", keep),
        ("te", rf"ter([^{_V}r].*)", keep),  # terdaftar -> daftar
        # me-
        ("me", rf"me([lrwy]{v}.*)", keep),  # melayani -> layan
        ("me", r"mem([bfv].*)", keep),  # membuat -> buat
        ("me", r"mem(pe.*)", keep),  # memperbaiki -> perbaiki
        ("me", rf"mem(r?{v}.*)", with_("m", "p")),  # meminta -> minta, memeriksa -> periksa
        ("me", r"men([cdjsz].*)", keep),  # mencatat -> catat
        ("me", rf"men({v}.*)", with_("n", "t")),  # menerima -> terima
        ("me", r"meng([ghqk].*)", keep),  # menggunakan -> guna
        ("me", rf"meng({v}.*)", with_("", "k")),  # mengirim -> kirim
        ("me", rf"menge({c}.*)", keep),  # mengecek -> cek (one-syllable roots)
        ("me", rf"meny({v}.*)", with_("s", "ny")),  # menyusun -> susun
        # pe-
        ("pe", rf"pe([wy]{v}.*)", keep),
        ("pe", rf"per({v}.*)", with_("", "r")),  # perizinan -> izin, perencanaan -> rencana
        ("pe", rf"per([^{_V}r].*)", keep),  # permohonan -> mohon
        ("pe", r"pem([bfv].*)", keep),  # pemberian -> beri
        ("pe", rf"pem(r?{v}.*)", with_("m", "p")),  # pemeriksaan -> periksa
        ("pe", r"pen([cdjzt].*)", keep),  # pendaftaran -> daftar
        ("pe", rf"pen({v}.*)", with_("n", "t")),  # penerbitan -> terbit
        ("pe", r"peng([ghqk].*)", keep),  # penggajian -> gaji
        ("pe", rf"peng({v}.*)", with_("", "k")),  # pengaduan -> adu, pengelolaan -> kelola
        ("pe", rf"penge({c}.*)", keep),  # pengesahan -> sah (one-syllable roots)
        ("pe", rf"peny({v}.*)", with_("s", "ny")),  # penyusunan -> susun
        ("pe", rf"pel({v}.*)", with_("l", "")),  # pelayanan -> layan, pelajaran -> ajar
        ("pe", r"pe([^aiueorwylmn].*)", keep),  # pedagang -> dagang, pekerjaan -> kerja
    ]
    return [(cls, re.compile(pattern), build) for cls, pattern, build in raw]


_PREFIX_RULES: Final = _prefix_rules()


def _prefix_candidates(word: str) -> Iterator[tuple[str, str]]:
    """Yield (prefix class, remainder) for every prefix rule matching ``word``, in order."""
    for cls, pattern, build in _PREFIX_RULES:
        m = pattern.fullmatch(word)
        if m is not None:
            for cand in build(m):
                if len(cand) >= _MIN_ROOT:
                    yield cls, cand


def _strip_prefixes(word: str, suffix: str, roots: frozenset[str], depth: int, prev: str) -> str | None:
    """Find a root by removing up to three prefixes from ``word`` (depth-first, in rule order)."""
    if word in roots:
        return word
    if depth == 3:
        return None
    for cls, cand in _prefix_candidates(word):
        # The same prefix never stacks ("didi-"), and the outermost prefix must be
        # compatible with the derivational suffix removed.
        if cls == prev or (depth == 0 and (cls, suffix) in _DISALLOWED):
            continue
        found = _strip_prefixes(cand, suffix, roots, depth + 1, cls)
        if found is not None:
            return found
    return None


def _suffix_variants(word: str) -> list[tuple[str, str]]:
    """(remainder, derivational suffix) after inflectional then derivational suffixes.

    Ordered most-stripped first, as in Nazief–Adriani: the remainders without a
    derivational suffix come last, so "pendidikan" tries "pendidi", "pendidik", then
    the unstripped forms.
    """
    inflected = [word]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= _MIN_ROOT:
            inflected.append(word[: -len(particle)])
            break
    base = inflected[-1]
    for possessive in _POSSESSIVES:
        if base.endswith(possessive) and len(base) - len(possessive) >= _MIN_ROOT:
            inflected.append(base[: -len(possessive)])
            break
    variants: list[tuple[str, str]] = []
    for form in reversed(inflected):
        for suffix in _DERIVATIONAL:
            if form.endswith(suffix) and len(form) - len(suffix) >= _MIN_ROOT:
                variants.append((form[: -len(suffix)], suffix))
        variants.append((form, ""))
    return variants


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    lowered = word.casefold()
    if not _ALPHA_RE.fullmatch(lowered):
        # Reduplication ("buku-buku") stems to its half; anything else with digits or
        # other scripts is an identifier or a foreign word and is left alone.
        half, sep, other = lowered.partition("-")
        if sep and half == other and _ALPHA_RE.fullmatch(half):
            return _stem(half)
        return word
    roots = kata_dasar()
    if lowered in roots:
        return lowered
    variants = _suffix_variants(lowered)
    # A remainder that is already a root wins before any prefix is removed.
    for form, _ in variants:
        if form in roots:
            return form
    for form, suffix in variants:
        found = _strip_prefixes(form, suffix, roots, 0, "")
        if found is not None:
            return found
    return word


def stem(word: str) -> str:
    """Return the Indonesian root of ``word`` ("penerbitan" -> "terbit"), or ``word`` itself."""
    return _stem(word)
