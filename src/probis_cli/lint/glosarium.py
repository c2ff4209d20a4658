"""Abbreviations and synonyms (``singkatan.txt``, ``sinonim.txt``): the glossary the overlap rules expand names with."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Final

from probis_cli.lint.stemmer import stem
from probis_cli.lint.teks import FILLER_WORDS, STOP_WORDS, normalise

# --- abbreviations and synonyms ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Arti:
    """One meaning of an abbreviation: its written-out words and the words that select it."""

    kata: str  # normalised expansion, e.g. "surat perintah membayar"
    konteks: frozenset[str] = frozenset()  # words (as written or as roots) that select it


def _read_resource(name: str) -> str:
    return resources.files(__package__ or "probis_cli.lint").joinpath(name).read_text(encoding="utf-8")


def parse_singkatan(text: str) -> dict[str, tuple[Arti, ...]]:
    """Read the glossary format of ``singkatan.txt``: ``KEY = words [; konteks: w1 w2]``.

    Raises ValueError (with the line number) on a malformed line, a key that is not one word
    after normalisation, or an ambiguous key whose meanings cannot be told apart.
    """
    out: dict[str, list[Arti]] = {}
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, rest = line.partition("=")
        if not sep:
            raise ValueError(f"line {no}: expected 'SINGKATAN = kata lengkap'")
        words, _, konteks = rest.partition(";")
        context: frozenset[str] = frozenset()
        if konteks.strip():
            label, sep2, cue = konteks.partition(":")
            if not sep2 or label.strip() != "konteks" or not cue.split():
                raise ValueError(f"line {no}: expected '; konteks: kata kata'")
            context = frozenset(normalise(cue).split())
        norm_key, expansion = normalise(key), normalise(words)
        if not norm_key or " " in norm_key or not expansion:
            raise ValueError(f"line {no}: {key.strip()!r} must be one word with an expansion")
        out.setdefault(norm_key, []).append(Arti(expansion, context))
    for key, meanings in out.items():
        if len(meanings) > 1 and sum(1 for m in meanings if not m.konteks) > 1:
            raise ValueError(f"{key!r}: several meanings without konteks")
    return {k: tuple(v) for k, v in out.items()}


def parse_sinonim(text: str) -> dict[str, str]:
    """Read ``sinonim.txt``: ``bentuk baku: varian varian`` -> {varian: bentuk baku}."""
    out: dict[str, str] = {}
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        canonical, sep, variants = line.partition(":")
        canon = normalise(canonical)
        if not sep or not canon or " " in canon or not variants.split():
            raise ValueError(f"line {no}: expected 'bentuk: varian varian'")
        for variant in normalise(variants).split():
            if variant in out and out[variant] != canon:
                raise ValueError(f"line {no}: {variant!r} already folds to {out[variant]!r}")
            out[variant] = canon
    return out


_CACHE_LIMIT: Final = 200_000
# Written-out forms with at least this many words that are not filler become words of their own.
_MIN_CONTRACTED: Final = 3
# Connectives a written-out form may have or lack ("Anggaran Pendapatan [dan] Belanja Daerah").
_OPTIONAL: Final = frozenset({"dan", "serta", "atau"})


class Glosarium:
    """Makes the ways officials write one thing compare equal, in normalised text.

    Abbreviations are written out ("KTP-el" -> ``kartu tanda penduduk elektronik``) and
    synonyms fold to one form ("penilaian" -> ``evaluasi``). Then the written-out form of an
    unambiguous abbreviation with at least three words that are not filler or stop words
    becomes words of its own, as many as it had ("SIUP" and "Surat Izin Usaha Perdagangan"
    both become ``siup siupx2 siupx3 siupx4``): it weighs in a similarity as much as it did
    written out, but shares nothing with other phrases that begin alike, so "Pembinaan SMA"
    and "Pembinaan SMK" do not look alike merely because both are a "sekolah menengah".
    Shorter expansions stay plain words ("anjab" -> ``analisis jabatan``). An ambiguous
    abbreviation (SPM: standar pelayanan minimal / surat perintah membayar) takes the first
    meaning whose konteks word occurs in the same text (as written or as its root), else its
    meaning without konteks, else it stays as written; its meanings stay plain words.
    """

    def __init__(self, singkatan: Mapping[str, tuple[Arti, ...]], sinonim: Mapping[str, str]) -> None:
        """A glossary of ``singkatan`` (normalised key -> meanings) and ``sinonim`` (variant -> canonical)."""
        self.singkatan = dict(singkatan)
        self.sinonim = dict(sinonim)
        fold = self.sinonim
        # key -> ((written-out text with synonyms folded, konteks), ...)
        self._meanings: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
            key: tuple((" ".join(fold.get(w, w) for w in m.kata.split()), m.konteks) for m in meanings)
            for key, meanings in self.singkatan.items()
        }
        # Written-out forms that become words of their own: (words without "dan"/"serta"/"atau") -> words,
        # kept by first word, longest first.
        phrases: dict[tuple[str, ...], str] = {}
        for key in sorted(self._meanings):
            meanings = self._meanings[key]
            if len(meanings) != 1 or meanings[0][1]:
                continue
            content = tuple(w for w in meanings[0][0].split() if w not in _OPTIONAL)
            weight = sum(1 for w in content if w not in FILLER_WORDS and w not in STOP_WORDS)
            if weight >= _MIN_CONTRACTED and content not in phrases:
                phrases[content] = " ".join([key, *(f"{key}x{n}" for n in range(2, weight + 1))])
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, word in sorted(phrases.items(), key=lambda p: (-len(p[0]), p[0])):
            self._phrases.setdefault(phrase[0], []).append((phrase, word))
        self._cache: dict[str, str] = {}

    @classmethod
    def bawaan(cls) -> Glosarium:
        """The built-in glossary (``singkatan.txt``, ``sinonim.txt``)."""
        return _glosarium_bawaan()

    def dengan(self, tambahan: Mapping[str, str]) -> Glosarium:
        """This glossary with entries added or replaced (a key with an empty value is removed)."""
        if not tambahan:
            return self
        table = dict(self.singkatan)
        for key, value in tambahan.items():
            norm = normalise(key)
            if not norm:
                continue
            if value.strip():
                table[norm] = (Arti(normalise(value)),)
            else:
                table.pop(norm, None)
        return Glosarium(table, self.sinonim)

    def expand(self, text: str) -> str:
        """``normalise(text)`` with abbreviations written out and synonyms folded (cached)."""
        found = self._cache.get(text)
        if found is not None:
            return found
        words = normalise(text).split()
        fold = self.sinonim
        out: list[str] = []
        context: set[str] | None = None
        for word in words:
            meanings = self._meanings.get(word)
            if meanings is None:
                out.append(fold.get(word, word))
                continue
            if len(meanings) == 1 and not meanings[0][1]:
                out.append(meanings[0][0])
                continue
            if context is None:
                context = set(words) | {stem(w) for w in words}
            chosen = next((m for m, cue in meanings if cue and cue & context), None)
            if chosen is None:
                chosen = next((m for m, cue in meanings if not cue), fold.get(word, word))
            out.append(chosen)
        if len(self._cache) >= _CACHE_LIMIT:  # a long-running process (watch mode) stays bounded
            self._cache.clear()
        result = self._cache[text] = " ".join(self._contract(" ".join(out).split()))
        return result

    def _contract(self, words: list[str]) -> list[str]:
        """Replace written-out forms by their own words (longest first, "dan"/"serta"/"atau" optional)."""
        phrases = self._phrases
        if not any(w in phrases for w in words):
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            candidates = phrases.get(words[i])
            if candidates is not None:
                # positions of the next content words from i, as many as the longest phrase
                content: list[int] = []
                j, longest = i, len(candidates[0][0])
                while j < len(words) and len(content) < longest:
                    if words[j] not in _OPTIONAL:
                        content.append(j)
                    j += 1
                match = next(
                    (
                        (phrase, word)
                        for phrase, word in candidates
                        if len(phrase) <= len(content) and all(words[content[k]] == w for k, w in enumerate(phrase))
                    ),
                    None,
                )
                if match is not None:
                    out.append(match[1])
                    i = content[len(match[0]) - 1] + 1
                    continue
            out.append(words[i])
            i += 1
        return out


@functools.cache
def _glosarium_bawaan() -> Glosarium:
    return Glosarium(parse_singkatan(_read_resource("singkatan.txt")), parse_sinonim(_read_resource("sinonim.txt")))
