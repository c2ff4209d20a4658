"""The YAML reader: YAML 1.2 scalars as text, positions, limits; never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from probis_cli.source.reader import MAX_DEPTH, locate, read_bytes, read_text


def test_scalars_stay_text_and_nulls_become_none() -> None:
    result = read_text("a: 1\nb: 2.20\nc: 0197\nd: 2026-01-10\ne: true\nf: ~\ng:\nh: 'null'\nno: ya\n")
    (doc,) = result.documents
    assert doc.data == {
        "a": "1", "b": "2.20", "c": "0197", "d": "2026-01-10", "e": "true",
        "f": None, "g": None, "h": "null", "no": "ya",
    }  # fmt: skip


def test_positions_of_keys_values_and_items() -> None:
    result = read_text("kode: A\nlangkah:\n  - no: 1\n    kegiatan: x\n  - {no: 2, kegiatan: y}\n")
    pos = result.documents[0].pos
    assert locate(pos, ("kode",)) == (1, 7)
    assert locate(pos, ("kode",), key=True) == (1, 1)
    assert locate(pos, ("langkah", 0)) == (3, 5)
    assert locate(pos, ("langkah", 0, "kegiatan")) == (4, 15)
    assert locate(pos, ("langkah", 1, "kegiatan")) == (5, 23)
    # A missing node falls back to its deepest existing ancestor.
    assert locate(pos, ("langkah", 1, "mutu_baku", "waktu")) == (5, 5)


def test_multiple_documents() -> None:
    result = read_text("a: 1\n---\nb: 2\n")
    assert [d.data for d in result.documents] == [{"a": "1"}, {"b": "2"}]
    assert result.documents[1].line == 3


def test_aliases_share_data_and_point_at_the_alias() -> None:
    result = read_text("x: &k [a, b]\ny: *k\n")
    data = result.documents[0].data
    assert data["y"] == ["a", "b"]
    assert locate(result.documents[0].pos, ("y",)) == (2, 4)


def test_undefined_alias_is_located() -> None:
    (issue,) = read_text("a: *tidak_ada\n").issues
    assert issue.code == "Y001" and issue.line == 1


def test_depth_limit() -> None:
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert not read_text(ok).issues
    (issue,) = read_text("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n").issues
    assert issue.code == "Y006"


def test_crlf_and_lone_cr_keep_line_numbers() -> None:
    result = read_text("a: 1\r\nb: 2\rc: 3\n")
    pos = result.documents[0].pos
    assert locate(pos, ("c",)) == (3, 4)


def test_complex_key_is_refused() -> None:
    (issue,) = read_text("? [a, b]\n: 1\n").issues
    assert issue.message_id == "read.complex_key"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    result = read_bytes(raw)
    for issue in result.issues:
        assert issue.line is None or issue.line >= 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:- #[]{}'\"\n\t&*!|>?,%@`\\ \r\u00a0é")), max_size=200))
def test_arbitrary_yaml_like_text_never_raises(text: str) -> None:
    read_text(text)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[a-z_]{1,8}", fullmatch=True),
        st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), max_size=30),
        max_size=6,
    )
)
def test_round_trip_of_quoted_values(mapping: dict[str, str]) -> None:
    import json

    # JSON is valid YAML 1.2 flow syntax: every string must come back exactly.
    text = json.dumps(mapping, ensure_ascii=False)
    result = read_text(text)
    if mapping:
        assert result.documents[0].data == mapping
