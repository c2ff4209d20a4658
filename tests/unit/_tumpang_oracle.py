"""The T002/T003 helpers as they were before the join was made linear: the oracle of test_tumpang_scaling.

Copied verbatim (2026-12-05) from ``lint/teks.py`` (``NearDuplicateIndex``) and from
``Processes.bersama`` in ``lint/rules/tumpang_tindih/_common.py``. Do not optimise them: they
are what the faster code must answer exactly like.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Final

from probis_cli.lint.rules.tumpang_tindih._common import Processes
from probis_cli.lint.teks import tokens

__all__ = ["NearDuplicateIndex", "bersama"]


def bersama(self: Processes, kode: str) -> frozenset[str]:
    """The declared shared codes (kegiatan_bersama) behind a process (cached).

    Those it carries out, directly or through its parents; for a process linked to no
    kegiatan at all, those its owner OPD claim in their Renstra (an OPD that is one of
    several instances of a template runs the template's processes).
    """
    found = self._bersama.get(kode)
    if found is None:
        codes: list[str] = self.index.effective_kegiatan(kode) if self.shared else []
        if self.shared and not codes:
            for opd in sorted(self.owners[kode]):
                doc = self.index.opd.get(opd)
                if doc is not None:
                    codes.extend(k.kode for k in doc.model.kegiatan)
                    codes.extend(s.kode for k in doc.model.kegiatan for s in k.sub_kegiatan)
        related: set[str] = set()
        for code in codes:
            # ``code == s or code.startswith(s + ".")``: s is code or one of its prefixes.
            parts = code.split(".")
            related.update(p for p in (".".join(parts[:n]) for n in range(1, len(parts) + 1)) if p in self._shared_set)
            # ``s.startswith(code + ".")``: s lies below code.
            related.update(self._shared_below.get(code, ()))
        found = self._bersama[kode] = frozenset(related)
    return found


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
            cx = self._common[x]
            for y, seen in overlap.items():
                if seen <= 0 or (gx is not None and gx == self._only_group[y]) or (cx and cx & self._common[y]):
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
