"""The parse cache file built in place is exactly the signed marshal of its entries."""

from __future__ import annotations

import marshal

from hypothesis import given
from hypothesis import strategies as st

from probis_cli import fs
from probis_cli.source.loader import _CACHE_HEADER, signed_cache_file


@given(st.dictionaries(st.text(max_size=70), st.binary(max_size=300), max_size=20))
def test_built_in_place_reads_back_and_verifies(entries: dict[str, bytes]) -> None:
    blob = bytes(signed_cache_file(entries))
    data = fs.verified(blob)
    assert data is not None and data.startswith(_CACHE_HEADER)
    loaded = marshal.loads(data[len(_CACHE_HEADER) :])
    assert loaded == entries and list(loaded) == list(entries)
