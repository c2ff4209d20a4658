"""The YAML writer of imported documents: any text comes back exactly as it went in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from probis_cli.office.yamltext import dump, scalar
from probis_cli.source.reader import read_text


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_any_text_reads_back_unchanged(text: str) -> None:
    source = f"a: {scalar(text)}\nb:\n  - {scalar(text)}\n"
    result = read_text(source)
    assert not result.issues, (text, source)
    assert result.documents[0].data == {"a": text, "b": [text]}
    # and with a YAML 1.1-minded reader (ruamel's safe loader resolves numbers and booleans)
    assert YAML(typ="safe", pure=True).load(source) == {"a": text, "b": [text]}


def test_codes_and_look_alikes_are_quoted() -> None:
    for text in ("1.02", "2026-01-01", "yes", "No", "null", "~", "0012", "1e3", "- item", "a: b", "x #y", "@x", "[a]"):
        assert scalar(text).startswith('"'), text
    assert scalar("Kepala Dinas Kesehatan") == "Kepala Dinas Kesehatan"
    assert scalar("dinkes", force_quote=True) == '"dinkes"'


def test_comments_go_right_above_their_key_and_lines_are_reported() -> None:
    text, lines = dump(
        {"kode": "X", "langkah": [{"no": 1, "ya": None}]}, {("langkah", 0, "ya"): ["cek"], ("kode",): ["kode?"]}
    )
    rows = text.split("\n")
    assert rows[lines[("kode",)] - 1] == "# PERIKSA: kode?" and rows[lines[("kode",)]] == 'kode: "X"'
    assert rows[lines[("langkah", 0, "ya")] - 1] == "    # PERIKSA: cek"
    assert rows[lines[("langkah", 0, "ya")]] == "    ya: null"
