"""An SOP page's prosedur rows, written in Python: the bytes the template loop wrote."""

from __future__ import annotations

from typing import Any

import markupsafe
from hypothesis import given, settings
from hypothesis import strategies as st

from probis_cli.site.common import escape_text, make_environment
from probis_cli.site.pages import prosedur_rows

# The loop sop.html.j2 had, between its <tbody> lines (what prosedur_rows replaced).
LOOP = """  <tbody>
  {% for l in langkah %}
  <tr class="simbol-{{ l.simbol }}">
    <td>{{ l.no }}</td>
    <td>{{ l.kegiatan }}</td>
    <td>{% if l.pelaksana %}<span class="simbol {{ l.simbol }}" title="{{ l.simbol_nama }}"></span> {{ l.pelaksana }}{% for a in l.alur %}<br><small>{{ a }}</small>{% endfor %}{% endif %}</td>
    <td>{{ l.kelengkapan }}</td>
    <td>{{ l.waktu }}</td>
    <td>{{ l.output }}</td>
    <td>{{ l.keterangan }}</td>
  </tr>
  {% endfor %}
  </tbody>
"""
NOW = """  <tbody>
  {{ prosedur }}</tbody>
"""
TEXT = st.text(alphabet=st.sampled_from(list("ab <>&'\"\n—é")), max_size=6)


def label(message_id: str) -> str:
    return f"<{message_id}>&'\""


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 99),
            TEXT,
            st.sampled_from(["mulai", "proses", "keputusan", "selesai"]),
            st.sampled_from(["A", "B", "", "<x>"]),
            st.lists(TEXT, max_size=2),
            st.lists(TEXT, max_size=2),
            TEXT,
            TEXT,
            st.lists(TEXT, max_size=2),
        ),
        max_size=4,
    ),
    st.dictionaries(st.sampled_from(["A", "B", "<x>"]), TEXT),
)
def test_rows_are_the_loops_bytes(steps: list[tuple[Any, ...]], columns: dict[str, str]) -> None:
    langkah = []
    old = []
    for no, kegiatan, simbol, who, alur, kelengkapan, waktu, output, keterangan in steps:
        marks = {k: ({"alur": alur} if k == who else None) for k in ("A", "B", "<x>")}
        langkah.append(
            {
                "no": no, "kegiatan": kegiatan, "simbol": simbol, "pelaksana": marks, "kelengkapan": kelengkapan,
                "waktu": waktu, "output": output, "keterangan": keterangan,
            }
        )  # fmt: skip
        mark = (who, marks[who]) if who in marks else None
        old.append(
            {
                "no": no, "kegiatan": kegiatan, "simbol": simbol, "simbol_nama": label(f"site.simbol.{simbol}"),
                "pelaksana": columns.get(mark[0], mark[0]) if mark else "", "alur": alur if mark else [],
                "kelengkapan": ", ".join(kelengkapan), "waktu": waktu, "output": output,
                "keterangan": "; ".join(keterangan),
            }
        )  # fmt: skip
    env = make_environment()
    want = env.from_string(LOOP).render(langkah=old)
    assert env.from_string(NOW).render(prosedur=prosedur_rows(langkah, columns, label)) == want


@given(st.one_of(st.text(alphabet=st.sampled_from(list("ab<>&'\"é—\0")), max_size=10), st.integers(), st.none()))
def test_escape_text_writes_what_markupsafe_writes(value: object) -> None:
    assert str(escape_text(value)) == str(markupsafe.escape(value))
    assert escape_text(markupsafe.Markup("<b>")) == markupsafe.Markup("<b>")
