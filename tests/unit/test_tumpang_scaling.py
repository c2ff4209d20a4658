"""The linear-time helpers of T002/T003 answer exactly as the straightforward checks did."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from probis_cli import api
from probis_cli.lint.rules.tumpang_tindih._common import Processes
from probis_cli.lint.rules.tumpang_tindih._opd_names import OpdNames
from probis_cli.lint.teks import normalise

ROOT = Path(__file__).resolve().parents[2]
_WORDS = ["dinas", "kesehatan", "hewan", "badan", "dpmptsp", "kota", "uptd", "wilayah", "i", "ii", "2", "laporan"]


class _Names(OpdNames):
    def __init__(self, names: list[str]) -> None:  # the matcher without an index
        self.names = {n for n in (normalise(x) for x in names) if len(n) >= 3}
        self.starts = {}
        for name in self.names:
            words = name.split(" ")
            self.starts.setdefault(words[0], set()).add(len(words))


def _regex(names: set[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_phrase = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)


@given(st.lists(_phrase, max_size=6), st.lists(st.sampled_from([*_WORDS, "-", "/", ".", "Dinas"]), max_size=10))
def test_opd_names_found_as_the_regex_found_them(names: list[str], words: list[str]) -> None:
    matcher = _Names(names)
    text = normalise(" ".join(words))
    pattern = _regex(matcher.names)
    assert matcher.found_in(text) == (pattern is not None and pattern.search(text) is not None)


def test_shared_kegiatan_of_each_process_as_by_comparing_every_code() -> None:
    loaded = api.load(ROOT / "examples" / "kota-bermasalah")
    procs = Processes(loaded.index)
    procs.shared = (*procs.shared, "1.02", "1.02.02.2.01", "9.99.99")
    procs.index_shared()
    for kode in sorted(loaded.index.proses):
        codes = loaded.index.effective_kegiatan(kode)
        if not codes:
            continue
        expected = frozenset(
            s for c in codes for s in procs.shared if c == s or c.startswith(s + ".") or s.startswith(c + ".")
        )
        assert procs.bersama(kode) == expected, kode
