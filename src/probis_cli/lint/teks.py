"""Indonesian text utilities for the linter: normalisation, tokens, near-duplicates.

Stemming is in :mod:`probis_cli.lint.stemmer`, abbreviations and synonyms in
:mod:`probis_cli.lint.glosarium`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Final

from probis_cli.lint.stemmer import kata_dasar, stem

__all__ = [
    "FILLER_WORDS",
    "STOP_WORDS",
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


class _Bucket:
    """Postings of one token whose classes share one label set, and the first still large enough."""

    __slots__ = ("labels", "postings", "start")

    def __init__(self, labels: frozenset[str]) -> None:
        self.labels = labels
        self.postings: list[tuple[int, int, int]] = []  # (class, size, tokens after this one)
        self.start = 0


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
        self,
        entries: Iterable[tuple[str, str, str]],
        *,
        extra_stop: frozenset[str] = frozenset(),
        blocks: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """Index ``(key, group, text)`` entries; texts without tokens are skipped.

        ``blocks`` (key -> labels) names pairs the caller would reject anyway: two entries
        whose labels intersect are never paired. Entries are bucketed by their label sets and
        such pairs skipped a bucket at a time, not one by one, so k equal texts sharing a
        label cost k, not k².
        """
        self._keys: list[str] = []
        self._groups: list[str] = []
        self.verified = 0  # candidate classes the last pairs() call counted (tests check it stays linear)
        self._blocks: list[frozenset[str]] | None = None if blocks is None else []
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
            if self._blocks is not None and blocks is not None:
                self._blocks.append(blocks.get(key, frozenset()))
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
        # The labels every member of a class has: two classes sharing one pair nothing.
        self._common: list[frozenset[str]] = []
        for members in self._members:
            common = None if self._blocks is None else frozenset.intersection(*(self._blocks[m] for m in members))
            self._common.append(common or frozenset())

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
        self.verified = 0
        t = max(threshold - _SLACK, 0.0)
        sets = self._sets
        sizes = [len(xs) for xs in sets]
        frozen = [frozenset(xs) for xs in sets]
        # Overlap two sets need for Jaccard >= t depends only on the sum of their sizes.
        ratio = t / (1.0 + t)
        need = [math.ceil(ratio * n) for n in range(2 * max(sizes, default=0) + 1)]
        # token -> buckets of postings, one per label set (see _Bucket)
        index: dict[int, list[_Bucket]] = {}
        for x, xs in enumerate(sets):
            lx = sizes[x]
            overlap = self._candidates(x, xs, index, t, need)
            self.verified += len(overlap)
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
            labels = self._common[x]
            for i in range(min(lx, lx - math.ceil(2.0 * t / (1.0 + t) * lx) + 1)):
                buckets = index.setdefault(xs[i], [])
                bucket = next((b for b in buckets if b.labels == labels), None)
                if bucket is None:
                    bucket = _Bucket(labels)
                    buckets.append(bucket)
                bucket.postings.append((x, lx, lx - i - 1))
        out.sort(key=lambda p: (p[0], p[1]))
        return out

    def _candidates(
        self, x: int, xs: tuple[int, ...], index: dict[int, list[_Bucket]], t: float, need: list[int]
    ) -> dict[int, int]:
        """Earlier classes sharing a token of x's probe prefix: class -> overlap so far (-1 = pruned).

        Buckets whose labels meet x's are skipped whole: their classes never pair with x.
        Classes of one template (dozens of UPTD with variants of the same names, all carrying
        the same shared kegiatan) would otherwise all be counted against each other, and that
        work grows as the square of the number of instances.
        """
        lx = len(xs)
        min_size = t * lx
        mine = self._common[x]
        overlap: dict[int, int] = {}
        get = overlap.get
        for i in range(min(lx, lx - math.ceil(t * lx) + 1)):
            rest_x = lx - i - 1
            first = not overlap  # nothing counted yet: every class met now is new
            for bucket in index.get(xs[i], ()):
                if mine and mine & bucket.labels:
                    continue
                postings = bucket.postings
                # Classes arrive in size order, so a posting too small for x is too
                # small for every later x as well: skip it for good.
                s0 = bucket.start
                while s0 < len(postings) and postings[s0][1] < min_size:
                    s0 += 1
                bucket.start = s0
                if first:
                    # The usual first probe, at comprehension speed. A pruned candidate is
                    # simply left out; the positional bound only shrinks, so it could never
                    # pass later. (A class sits in one bucket of a token: no double count.)
                    overlap.update(
                        (y, 1)
                        for y, ly, rest_y in postings[s0:]
                        if 1 + (rest_x if rest_x < rest_y else rest_y) >= need[lx + ly]
                    )
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
        return overlap

    def _emit(self, xs: list[int], ys: list[int], sim: float, out: list[tuple[str, str, float]]) -> None:
        """Append every cross-group pair of members of two classes (of one class if the same),
        except pairs whose labels intersect. (``pairs`` sorts what is appended.)"""
        if self._blocks is None:
            self._emit_pairs(xs, ys, xs is ys, sim, out)
            return
        same = xs is ys
        by_x = self._buckets(xs)
        by_y = by_x if same else self._buckets(ys)
        for i, (labels_x, members_x) in enumerate(by_x):
            for j, (labels_y, members_y) in enumerate(by_y):
                if (same and j < i) or labels_x & labels_y:
                    continue
                self._emit_pairs(members_x, members_y, same and i == j, sim, out)

    def _buckets(self, members: list[int]) -> list[tuple[frozenset[str], list[int]]]:
        assert self._blocks is not None
        found: dict[frozenset[str], list[int]] = {}
        for m in members:
            found.setdefault(self._blocks[m], []).append(m)
        return list(found.items())

    def _emit_pairs(
        self, xs: list[int], ys: list[int], same: bool, sim: float, out: list[tuple[str, str, float]]
    ) -> None:
        keys, groups = self._keys, self._groups
        for n, a in enumerate(xs):
            for b in ys[n + 1 :] if same else ys:
                if groups[a] != groups[b]:
                    ka, kb = keys[a], keys[b]
                    out.append((ka, kb, sim) if ka < kb else (kb, ka, sim))
