"""Indonesian text utilities for the linter: normalisation, tokens, stemming, near-duplicates.

The stemmer follows Nazief–Adriani as refined by Sastrawi/ECS: strip inflectional and
derivational suffixes and up to three derivational prefixes (with the recoding of initial
letters that the nasal prefixes swallow), and stop as soon as a candidate is a known root
word from ``kata_dasar.txt``. Instead of one fixed order with backtracking it searches the
few possible decompositions in a fixed preference order, which gives the same results on
ordinary words and is easier to reason about.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Final

__all__ = [
    "FILLER_WORDS",
    "STOP_WORDS",
    "Arti",
    "Glosarium",
    "NearDuplicateIndex",
    "kata_dasar",
    "normalise",
    "similarity",
    "stem",
    "tokens",
]

# Function words: they glue a name together and say nothing about what it is.
STOP_WORDS: Final[frozenset[str]] = frozenset(
    """
    ada adalah agar akan antar antara apabila atas atau bagi bahwa baik beberapa belum
    berbagai berdasarkan bersama beserta bila dalam dan dapat dari demi dengan di dll dsb
    dst guna hanya harus hingga ialah ini itu jika juga kepada ke karena lain lainnya
    lingkup maka masih masing melalui menurut namun oleh pada para per sampai se secara
    sebagai sebelum sedang sehingga sejak selama seluruh semua serta sesuai sesudah setelah
    setiap suatu sudah supaya tanpa telah tentang terhadap tersebut tetapi tiap untuk via
    yaitu yakni yang
    dgn dr pd sbg thd tsb utk yg
    """.split()
)

# Bureaucratic filler: words found in process names of every OPD that do not tell one
# process from another ("Pelaksanaan Pelayanan ...", "... Daerah Kabupaten/Kota").
# Matched on the surface word, not the stem: "pemerintahan" is filler, but its stem
# "perintah" is not ("Surat Perintah Tugas"). Action nouns that name what is done to the
# object are deliberately NOT filler: penerbitan, pemeriksaan, penyusunan, verifikasi,
# evaluasi, pengawasan, pendaftaran, ... ("Penyusunan Renstra" is not "Evaluasi Renstra").
FILLER_WORDS: Final[frozenset[str]] = frozenset(
    """
    pengelolaan penyelenggaraan pelaksanaan penyediaan fasilitasi kegiatan layanan
    pelayanan administrasi administratif urusan pemerintahan pemerintah daerah kabupaten
    kab kota provinsi prov pemda pemkab pemkot pemprov program sub subkegiatan peningkatan
    optimalisasi penunjang pendukung pengurusan perangkat opd skpd proses prosedur
    mekanisme tata cara sop standar operasional
    """.split()
)

_WORD_RE: Final = re.compile(r"[\W_]+")
_ALPHA_RE: Final = re.compile(r"[a-z]+")


def normalise(text: str) -> str:
    """Casefold, turn punctuation (hyphens and slashes too) into spaces, collapse spaces."""
    # NFKC first so that ligatures and full-width letters compare equal to plain ones.
    folded = unicodedata.normalize("NFKC", text).casefold()
    # casefold() can produce characters NFKC would change again; normalising twice keeps
    # normalise() idempotent.
    folded = unicodedata.normalize("NFKC", folded)
    return _WORD_RE.sub(" ", folded).strip()


def tokens(text: str, extra_stop: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Stemmed content words of ``text`` in order, without duplicates, stop and filler words.

    ``extra_stop`` holds further words to drop; each is compared with both the surface word
    and its stem, so a caller may write either "pelayanan" or "layan".
    """
    seen: dict[str, None] = {}  # insertion-ordered set
    for word in normalise(text).split():
        if word in STOP_WORDS or word in FILLER_WORDS or word in extra_stop:
            continue
        root = stem(word)
        if root and root not in extra_stop:
            seen.setdefault(root, None)
    return tuple(seen)


# --- root words -------------------------------------------------------------------------


@functools.cache
def kata_dasar() -> frozenset[str]:
    """The root-word list shipped in ``kata_dasar.txt`` (loaded once)."""
    resource = resources.files(__package__ or "probis_cli.lint").joinpath("kata_dasar.txt")
    text = resource.read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


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


# --- near-duplicates --------------------------------------------------------------------


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Jaccard similarity |A ∩ B| / |A ∪ B| of two token sets; 1.0 when both are empty.

    Plain Jaccard, without a character-trigram blend for typos: it keeps the exact prefix
    filter of :class:`NearDuplicateIndex` valid, and stemming already absorbs most
    variation in how the same process is named.
    """
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    inter = len(sa & sb)
    return inter / (len(sa) + len(sb) - inter)


# Filters use a threshold lowered by this much so that float rounding in ceil(t * n) can
# never prune a pair whose similarity() is >= the threshold; the final test is exact.
_SLACK: Final = 1e-9


class NearDuplicateIndex:
    """Texts of different groups (OPD) whose token sets are near-duplicates, found without all-pairs.

    An exact set-similarity join (AllPairs with PPJoin's positional filter): tokens are
    ordered by global frequency, rarest first; two sets with Jaccard >= t must share a
    token within their short prefixes, so only prefix tokens go into the inverted index,
    and size and position bounds prune candidates before the exact similarity is
    computed. Texts with identical token sets are joined once as one class. Nothing
    depends on ``hash()`` order, so results are the same under every PYTHONHASHSEED.
    """

    def __init__(
        self, entries: Iterable[tuple[str, str, str]], *, extra_stop: frozenset[str] = frozenset()
    ) -> None:
        """Index ``(key, group, text)`` entries; texts without tokens are skipped."""
        self._keys: list[str] = []
        self._groups: list[str] = []
        by_tokens: dict[tuple[str, ...], list[int]] = {}  # sorted token set -> members
        seen: set[str] = set()
        for key, group, text in entries:
            if key in seen:
                raise ValueError(f"duplicate key in NearDuplicateIndex: {key!r}")
            seen.add(key)
            toks = tokens(text, extra_stop)
            if not toks:
                continue
            by_tokens.setdefault(tuple(sorted(toks)), []).append(len(self._keys))
            self._keys.append(key)
            self._groups.append(group)
        # Rarest tokens first: prefixes then hold the most selective tokens, and posting
        # lists of the index stay short. Ties break on the token itself, not on hash().
        freq: dict[str, int] = {}
        for toks in by_tokens:
            for tok in toks:
                freq[tok] = freq.get(tok, 0) + 1
        rank = {tok: i for i, tok in enumerate(sorted(freq, key=lambda t: (freq[t], t)))}
        classes = [(tuple(sorted(rank[t] for t in toks)), members) for toks, members in by_tokens.items()]
        classes.sort(key=lambda c: (len(c[0]), c[0]))  # the join visits sets by size
        self._sets: list[tuple[int, ...]] = [c[0] for c in classes]
        self._members: list[list[int]] = [c[1] for c in classes]
        # The one group of a class, or None when its members span several groups.
        self._only_group: list[str | None] = []
        for members in self._members:
            groups = {self._groups[m] for m in members}
            self._only_group.append(next(iter(groups)) if len(groups) == 1 else None)

    def __len__(self) -> int:
        """Number of indexed texts (those with at least one token)."""
        return len(self._keys)

    def pairs(self, threshold: float) -> list[tuple[str, str, float]]:
        """Pairs ``(key_a, key_b, similarity)`` of different groups with similarity >= threshold.

        Each pair appears once with ``key_a < key_b``; the list is sorted by (key_a, key_b).
        """
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1]: {threshold!r}")
        out: list[tuple[str, str, float]] = []
        for members in self._members:
            self._emit(members, members, 1.0, out)
        t = max(threshold - _SLACK, 0.0)
        sets = self._sets
        sizes = [len(xs) for xs in sets]
        frozen = [frozenset(xs) for xs in sets]
        # Overlap two sets need for Jaccard >= t depends only on the sum of their sizes.
        ratio = t / (1.0 + t)
        need = [math.ceil(ratio * n) for n in range(2 * max(sizes, default=0) + 1)]
        # token -> [(class, size, tokens after this one)]; size and rest spare len() calls
        index: dict[int, list[tuple[int, int, int]]] = {}
        start: dict[int, int] = {}  # token -> first posting still large enough
        for x, xs in enumerate(sets):
            lx = sizes[x]
            min_size = t * lx
            probe = min(lx, lx - math.ceil(t * lx) + 1)
            overlap: dict[int, int] = {}  # candidate class -> overlap so far, -1 = pruned
            get = overlap.get
            for i in range(probe):
                tok = xs[i]
                postings = index.get(tok)
                if postings is None:
                    continue
                # Classes arrive in size order, so a posting too small for x is too
                # small for every later x as well: skip it for good.
                s0 = start[tok]
                while s0 < len(postings) and postings[s0][1] < min_size:
                    s0 += 1
                start[tok] = s0
                rest_x = lx - i - 1
                if not overlap:
                    # Nothing counted yet (the usual first probe): one pass at
                    # comprehension speed. A pruned candidate is simply left out; the
                    # positional bound only shrinks, so it could never pass later.
                    overlap = {
                        y: 1
                        for y, ly, rest_y in postings[s0:]
                        if 1 + (rest_x if rest_x < rest_y else rest_y) >= need[lx + ly]
                    }
                    get = overlap.get
                    continue
                for y, ly, rest_y in postings[s0:]:
                    seen = get(y, 0)
                    if seen < 0:
                        continue
                    # PPJoin's positional filter: what is left after this token must
                    # still be able to reach the overlap needed.
                    if seen + 1 + (rest_x if rest_x < rest_y else rest_y) >= need[lx + ly]:
                        overlap[y] = seen + 1
                    else:
                        overlap[y] = -1
            fx = frozen[x]
            gx = self._only_group[x]
            for y, seen in overlap.items():
                if seen <= 0 or (gx is not None and gx == self._only_group[y]):
                    continue
                inter = len(fx & frozen[y])
                sim = inter / (lx + sizes[y] - inter)  # the same float as similarity()
                if sim >= threshold:
                    self._emit(self._members[x], self._members[y], sim, out)
            # Index only the shorter prefix PPJoin needs for sets no larger than later ones.
            indexed = min(lx, lx - math.ceil(2.0 * t / (1.0 + t) * lx) + 1)
            for i in range(indexed):
                tok = xs[i]
                if tok not in index:
                    index[tok] = []
                    start[tok] = 0
                index[tok].append((x, lx, lx - i - 1))
        out.sort(key=lambda p: (p[0], p[1]))
        return out

    def _emit(self, xs: list[int], ys: list[int], sim: float, out: list[tuple[str, str, float]]) -> None:
        """Append every cross-group pair of members of two classes (of one class if the same)."""
        same = xs is ys
        keys, groups = self._keys, self._groups
        for n, a in enumerate(xs):
            for b in ys[n + 1 :] if same else ys:
                if groups[a] != groups[b]:
                    ka, kb = keys[a], keys[b]
                    out.append((ka, kb, sim) if ka < kb else (kb, ka, sim))


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
