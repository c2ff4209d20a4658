"""SOP AP drafts and the index page: identity and prosedur tables, total time, escaping,
template overrides, grouping by OPD, and golden Markdown for tests/fixtures/docs-mini."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from probis_cli import api
from probis_cli.index import Index
from probis_cli.model.sop import Cabang, Langkah, MutuBaku, PelaksanaSop, Sop
from probis_cli.render.base import Artifact, RenderContext
from probis_cli.render.diagrams.flowgrid import text_width
from probis_cli.render.documents import (
    DOCUMENTS,
    cell,
    format_tanggal,
    make_environment,
    normalise_text,
    render_index_page,
    render_sop_drafts,
    sop_context,
    sop_flow_pages,
    total_waktu,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "docs-mini"
ID = RenderContext(lang="id")
EN = RenderContext(lang="en")


# -- helpers -------------------------------------------------------------------------------


@dataclass
class Cell:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Tables(HTMLParser):
    """Tables of an HTML text: rows of cells, ``<br>`` and list items as newlines."""

    tables: list[list[list[Cell]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._cell: Cell | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = Cell(tag, {k: v or "" for k, v in attrs})
            self.tables[-1][-1].append(self._cell)
        elif tag in ("br", "li") and self._cell is not None:
            self._cell.text += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data


def tables_of(markup: str) -> list[list[list[Cell]]]:
    parser = Tables()
    parser.feed(markup)
    parser.close()
    return parser.tables


def commonmark(text: str, *, pipe_tables: bool = False) -> str:
    """Markdown -> HTML as a CommonMark renderer with raw HTML allowed (like GitHub) sees it."""
    md = MarkdownIt("commonmark", {"html": True})
    if pipe_tables:
        md = md.enable("table")
    rendered: str = md.render(text)
    return rendered


@pytest.fixture(scope="module")
def index() -> Index:
    return api.load(FIXTURE, use_cache=False).index


def draft(index: Index, kode: str, ctx: RenderContext = ID) -> str:
    return next(a.content for a in render_sop_drafts(index, ctx) if a.path == f"sop/{kode}.md")


def step(no: int, waktu: str | None, **kw: Any) -> Langkah:
    return Langkah(no=no, kegiatan=f"Langkah {no}", pelaksana="a", mutu_baku=MutuBaku(waktu=waktu), **kw)


def sop_of(*langkah: Langkah) -> Sop:
    return Sop(
        probis=1,
        jenis="sop",
        kode="SOP-X",
        nama="Uji",
        pelaksana=[PelaksanaSop(kode="a", nama="A")],
        langkah=list(langkah),
    )


# -- the registry and the artifacts ----------------------------------------------------------


def test_registry_and_artifacts(index: Index) -> None:
    assert DOCUMENTS["sop"] is render_sop_drafts
    arts = render_sop_drafts(index, ID)
    assert [a.path for a in arts] == ["sop/SOP-DINKES-001.md", "sop/SOP-DISDUKCAPIL-001.md"]
    first, second = arts
    assert (first.kind, first.group, first.opd, first.codes) == (
        "markdown",
        "sop",
        "dinkes",
        ("SOP-DINKES-001", "PB.02.01"),
    )
    assert first.title == "SOP-DINKES-001 Pelayanan Imunisasi Dasar"
    assert first.embeds == ("sop/SOP-DINKES-001/halaman-1",)
    assert second.opd == "disdukcapil"
    assert second.embeds == ("sop/SOP-DISDUKCAPIL-001/halaman-1", "sop/SOP-DISDUKCAPIL-001/halaman-2")


def test_flow_pages() -> None:
    def pages(n: int, per_page: int = 12) -> list[str]:
        return sop_flow_pages(
            sop_of(*[step(i, "1 menit") for i in range(1, n + 1)]),
            RenderContext(lang="id", max_steps_per_page=per_page),
        )

    assert pages(0) == ["sop/SOP-X/halaman-1"]
    assert pages(12) == ["sop/SOP-X/halaman-1"]
    assert pages(13) == ["sop/SOP-X/halaman-1", "sop/SOP-X/halaman-2"]
    assert len(pages(11, per_page=5)) == 3


def test_deterministic(index: Index) -> None:
    again = api.load(FIXTURE, use_cache=False).index
    assert [a.content for a in render_sop_drafts(index, ID)] == [a.content for a in render_sop_drafts(again, ID)]


# -- identity table ------------------------------------------------------------------------------


def test_identity_fields(index: Index) -> None:
    identity = tables_of(draft(index, "SOP-DINKES-001"))[0]
    kop = identity[0][0]
    assert kop.attrs["rowspan"] == "6"
    assert kop.text.split("\n") == [
        "[logo]",
        "PEMERINTAH KABUPATEN CONTOH RAYA",
        "DINAS KESEHATAN",
        "BIDANG PENCEGAHAN DAN PENGENDALIAN PENYAKIT",
    ]
    rows = {r[-2].text: r[-1].text for r in identity[:6]}
    assert rows == {
        "Nomor SOP": "800/001/SOP/DINKES/2026",
        "Tanggal Pembuatan": "10 Januari 2026",
        "Tanggal Revisi": "3 Maret 2026",
        "Tanggal Efektif": "1 Februari 2026",
        "Disahkan oleh": "Kepala Dinas Kesehatan\n\n\ndr. Siti Rahmawati, M.Kes.\nNIP. 197801012005012003",
        "Nama SOP": "PELAYANAN IMUNISASI DASAR",
    }


def test_identity_paired_rows(index: Index) -> None:
    identity = tables_of(draft(index, "SOP-DINKES-001"))[0]
    pairs = identity[6:]
    assert [[c.text.split("\n")[0] for c in row] for row in pairs] == [
        ["Dasar Hukum:", "Kualifikasi Pelaksana:"],
        ["Keterkaitan:", "Peralatan/Perlengkapan:"],
        ["Peringatan:", "Pencatatan dan Pendataan:"],
    ]
    assert all(row[1].attrs.get("colspan") == "2" for row in pairs)
    assert pairs[0][1].text.split("\n")[1:] == [
        "Memahami jadwal imunisasi dasar lengkap",
        "Tenaga kesehatan dengan STR aktif (bidan | perawat)",
    ]
    # A related SOP of the repository is named and linked; free text stays as written.
    assert pairs[1][0].text.split("\n")[1:] == [
        "SOP-DISDUKCAPIL-001 Penerbitan Kartu Keluarga",
        "SOP Pengelolaan Rantai Dingin Vaksin",
    ]
    assert '<a href="SOP-DISDUKCAPIL-001.md">' in draft(index, "SOP-DINKES-001")


def test_identity_missing_values(index: Index) -> None:
    identity = tables_of(draft(index, "SOP-DISDUKCAPIL-001"))[0]
    rows = {r[-2].text: r[-1].text for r in identity[:6]}
    assert rows["Nomor SOP"] == rows["Tanggal Revisi"] == rows["Tanggal Efektif"] == rows["Disahkan oleh"] == "-"
    assert [row[0].text for row in identity[6:]] == ["Dasar Hukum:\n-", "Keterkaitan:\n-", "Peringatan:\n-"]


def test_identity_english(index: Index) -> None:
    identity = tables_of(draft(index, "SOP-DINKES-001", EN))[0]
    rows = {r[-2].text: r[-1].text for r in identity[:6]}
    assert rows["Date Prepared"] == "10 January 2026"
    assert rows["SOP Name"] == "PELAYANAN IMUNISASI DASAR"  # the document's own text stays
    assert identity[6][0].text.startswith("Legal Basis:\nUndang-Undang Nomor 17")


def test_format_tanggal() -> None:
    assert format_tanggal(dt.date(2026, 1, 10), "id") == "10 Januari 2026"
    assert format_tanggal(dt.date(2026, 8, 17), "en") == "17 August 2026"
    assert format_tanggal(None, "id") == "-"


def test_logo(index: Index) -> None:
    text = draft(index, "SOP-DINKES-001", RenderContext(lang="id", logo="aset/logo kab.png"))
    assert '<img src="../aset/logo%20kab.png" alt="logo" width="80">' in text
    assert "[logo]" not in html.unescape(text)


# -- prosedur table ---------------------------------------------------------------------------


def test_prosedur_one_pelaksana_column_with_symbol_and_name(index: Index) -> None:
    prosedur = tables_of(draft(index, "SOP-DINKES-001"))[1]
    top, sub, *body = prosedur
    assert [c.text for c in top] == ["No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan"]
    assert top[3].attrs["colspan"] == "3" and "colspan" not in top[2].attrs
    assert [c.text for c in sub] == ["Kelengkapan", "Waktu", "Output"]
    assert len(body) == 7
    assert all(len(row) == 2 + 1 + 3 + 1 for row in body)
    # Who carries out each step, by name, after the step's symbol.
    assert [row[2].text for row in body] == [
        "○ Petugas Loket",
        "◊ Kepala Seksi Surveilans dan Imunisasi",
        "□ Kepala Seksi Surveilans dan Imunisasi",
        "◊ Kepala Dinas",
        "□ Kepala Seksi Surveilans dan Imunisasi",
        "□ Petugas Loket",
        "○ Petugas Loket",
    ]
    first = body[0]
    assert [c.text for c in first[3:]] == ["Formulir\nKTP | KK", "10 menit", "Berkas diterima", ""]
    assert body[1][-1].text == "Ya → 3\nTidak → 1\nTidak lengkap: dikembalikan\nkepada pemohon"


def _min_width(table: list[list[Cell]], *, cap: int) -> float:
    """The narrowest a browser can draw ``table`` (GitHub's 16 px text, 6 px 13 px cell padding):
    per column its longest word (content words cut to ``cap`` characters: longer ones are the
    author's, not the layout's), bold in the heads."""
    top, sub, *body = table
    heads = [*top[:3], *sub, top[-1]]
    widths = [0.0] * len(heads)
    for row in [heads, *body]:
        for i, box in enumerate(row):
            bold = row is heads
            longest = max(text_width(w if bold else w[:cap], 16, bold=bold) for w in box.text.split() or [""])
            widths[i] = max(widths[i], longest * 96 / 72 + 26)
    return sum(widths)


def test_prosedur_table_fits_a_page_whatever_the_number_of_pelaksana(tmp_path: Path) -> None:
    from tests.geometry.stress import KODE, write_stress_repo

    stress = api.load(write_stress_repo(tmp_path / "stress"), use_cache=False).index
    assert len(stress.sop[KODE].model.pelaksana) == 6
    example = api.load(Path(__file__).parents[2] / "examples" / "kota-contoh", use_cache=False).index
    for idx in (stress, example):
        for artifact in render_sop_drafts(idx, ID):
            width = _min_width(tables_of(str(artifact.content))[1], cap=12)
            assert width <= 980, (artifact.path, width)  # GitHub's Markdown column, ~980 px


def test_decision_branches(index: Index) -> None:
    # Where the flow goes on is the first thing in Keterangan (the symbol column holds the symbol).
    body = tables_of(draft(index, "SOP-DINKES-001"))[1][2:]
    assert body[1][-1].text.startswith("Ya → 3\nTidak → 1\n")
    assert body[3][-1].text == "Setuju → 6\nRevisi → 5"  # own labels as written
    assert body[4][-1].text == "→ 4"  # a jump with lanjut
    english = tables_of(draft(index, "SOP-DINKES-001", EN))[1][2:]
    assert english[1][-1].text.startswith("Yes → 3\nNo → 1")
    assert english[3][-1].text == "Setuju → 6\nRevisi → 5"


def test_unknown_pelaksana_is_noted() -> None:
    index = api.load(FIXTURE, use_cache=False).index
    sop = index.sop["SOP-DISDUKCAPIL-001"]
    sop.model.langkah[3] = sop.model.langkah[3].model_copy(update={"pelaksana": "kabid"})
    row = tables_of(draft(index, "SOP-DISDUKCAPIL-001"))[1][2 + 3]
    assert row[2].text == "□ kabid"  # the reference as written
    assert "'kabid'" in row[-1].text


def test_whole_draft_survives_a_commonmark_renderer(index: Index) -> None:
    for kode in index.sop:
        text = draft(index, kode)
        assert tables_of(commonmark(text)) == tables_of(text)
    rendered = commonmark(draft(index, "SOP-DINKES-001"))
    assert '<img src="SOP-DINKES-001/halaman-1.svg" alt="Diagram alir, halaman 1 dari 1" />' in rendered


# -- total time -----------------------------------------------------------------------------


def test_total_fixture_loop_back(index: Index) -> None:
    total = total_waktu(index.sop["SOP-DINKES-001"].model)
    # 10 + 15 (upper bound of 5-15) + 480 (1 hari) + 120 + 480 (1 x 24 jam) + 30; step 5 loops back to 4.
    assert total.menit == 1135
    assert total.jalur == (1, 2, 3, 4, 6, 7)
    assert total.lengkap
    assert "**Waktu penyelesaian: 2 hari kerja 2 jam 55 menit**" in draft(index, "SOP-DINKES-001")
    assert "**Completion time: 2 working days 2 hours 55 minutes**" in draft(index, "SOP-DINKES-001", EN)


def test_total_fixture_incomplete(index: Index) -> None:
    total = total_waktu(index.sop["SOP-DISDUKCAPIL-001"].model)
    assert not total.lengkap
    assert total.tidak_terukur == ((3, "segera"), (5, None))
    assert total.menit == 65
    text = draft(index, "SOP-DISDUKCAPIL-001")
    assert "sekurang-kurangnya 1 jam 5 menit (belum lengkap)" in text
    assert '- waktu langkah 3 tidak terukur ("segera")' in text
    assert "- waktu langkah 5 belum diisi" in text


def test_total_takes_the_longest_branch() -> None:
    sop = sop_of(
        step(1, "5 menit", simbol="mulai"),
        step(2, "5 menit", simbol="keputusan", ya=5, tidak=3),
        step(3, "2 jam"),
        step(4, "1 jam"),
        step(5, "10 menit", simbol="selesai"),
    )
    total = total_waktu(sop)
    assert total.jalur == (1, 2, 3, 4, 5)
    assert total.menit == 5 + 5 + 120 + 60 + 10
    # The short branch wins when the long one is cheaper.
    cheap = sop.model_copy(
        update={"langkah": [*sop.langkah[:2], step(3, "1 menit"), step(4, "1 menit"), sop.langkah[4]]}
    )
    assert total_waktu(cheap).menit == 5 + 5 + 1 + 1 + 10


def test_total_ignores_back_edges_and_self_loops() -> None:
    sop = sop_of(
        step(1, "1 jam", simbol="mulai"),
        step(2, "1 jam", simbol="keputusan", cabang=[Cabang(label="Ulang", ke=2), Cabang(label="Lanjut", ke=3)]),
        step(3, "1 jam", lanjut=1),
    )
    total = total_waktu(sop)
    assert total.menit == 180
    assert total.jalur == (1, 2, 3)


def test_total_unmeasured_only_on_reachable_steps() -> None:
    sop = sop_of(
        step(1, "1 jam", simbol="mulai", lanjut=3),
        step(2, None),  # never reached: does not make the total incomplete
        step(3, "tergantung", simbol="selesai"),
    )
    total = total_waktu(sop)
    assert total.tidak_terukur == ((3, "tergantung"),)
    assert total.menit == 60
    assert total.jalur == (1, 3)


def test_total_without_start_or_steps() -> None:
    assert total_waktu(sop_of(step(1, "1 jam"), step(2, "2 jam"))).menit == 180
    empty = total_waktu(sop_of())
    assert (empty.menit, empty.jalur, empty.lengkap) == (0, (), True)


# -- escaping ---------------------------------------------------------------------------------

# Any text, and text made mostly of what Markdown and HTML treat specially.
TEXT = st.text(st.characters(codec="utf-8"), max_size=60) | st.text(
    st.sampled_from(list("|<>&`*_#-+=.)1\\\n\r\t[]()!~$:/ ab")) | st.characters(codec="utf-8"), max_size=40
)


def _expected(text: str) -> str:
    return normalise_text(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_cell_stays_in_its_html_cell(text: str) -> None:
    env = make_environment(None)
    source = env.from_string("<table>\n<tr><td>{{ x|cell }}</td><td>z</td></tr>\n</table>\n\nafter\n").render(x=text)
    assert "\n\n" not in source.split("</table>")[0]  # a blank line would end the HTML block
    for markup in (source, commonmark(source)):
        (table,) = tables_of(markup)
        (row,) = table
        assert [c.text for c in row] == [_expected(text), "z"]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_cell_stays_in_its_pipe_table_cell(text: str) -> None:
    env = make_environment(None)
    source = env.from_string("| a | b |\n|---|---|\n| {{ x|cell }} | z |\n").render(x=text)
    assert source.count("|") == 9
    (table,) = tables_of(commonmark(source, pipe_tables=True))
    header, row = table
    assert [c.text for c in row] == [_expected(text), "z"]


@settings(max_examples=300, deadline=None)
@given(TEXT.filter(lambda s: normalise_text(s) != ""))
def test_cell_is_plain_text_at_the_start_of_a_line(text: str) -> None:
    rendered = commonmark(cell(text) + "\n")
    assert rendered.startswith("<p>") and rendered.endswith("</p>\n")
    inner = rendered[3:-5].replace("<br>", "\n")
    assert "<" not in inner.replace("&lt;", "")
    assert html.unescape(inner) == _expected(text)


@pytest.mark.parametrize(
    "text",
    [
        "a | b",
        "<b>x</b>",
        "AT&T",
        "`kode`",
        "*tebal*",
        "_miring_",
        "# judul",
        "- butir",
        "1. satu",
        "baris\ndua",
        "a\r\n\r\nb",
        "\\|",
        "$x$",
        "[t](u)",
        "---",
    ],
)
def test_cell_examples(text: str) -> None:
    escaped = cell(text)
    assert "|" not in escaped and "\n" not in escaped and "`" not in escaped
    rendered = commonmark(escaped + "\n")
    assert html.unescape(rendered[3:-5].replace("<br>", "\n")) == normalise_text(text)


# -- template overrides ---------------------------------------------------------------------------


def test_override_header_partial(index: Index, tmp_path: Path) -> None:
    (tmp_path / "_kop.md.j2").write_text("KOP KHUSUS {{ kop.pemda|cell }}<br>{{ kop.opd|cell }}", encoding="utf-8")
    doc = index.sop["SOP-DINKES-001"]
    text = draft(index, "SOP-DINKES-001", RenderContext(lang="id", template_dir=str(tmp_path)))
    identity, prosedur = tables_of(text)
    assert identity[0][0].text == "KOP KHUSUS PEMERINTAH KABUPATEN CONTOH RAYA\nDinas Kesehatan"
    assert len(prosedur) == 2 + len(doc.model.langkah)  # the rest comes from the packaged templates
    assert text.replace(identity[0][0].text, "") != draft(index, "SOP-DINKES-001")


def test_override_whole_template_and_strict_undefined(index: Index, tmp_path: Path) -> None:
    (tmp_path / "sop.md.j2").write_text("# {{ sop.nama|cell }}\n\n{% include '_waktu.md.j2' %}\n", encoding="utf-8")
    text = draft(index, "SOP-DINKES-001", RenderContext(lang="id", template_dir=str(tmp_path)))
    assert text.startswith("# Pelayanan Imunisasi Dasar\n\n**Waktu penyelesaian: 2 hari kerja 2 jam 55 menit**")
    (tmp_path / "sop.md.j2").write_text("{{ sop.tidak_ada }}\n", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        render_sop_drafts(index, RenderContext(lang="id", template_dir=str(tmp_path)))


def test_context_is_what_templates_see(index: Index) -> None:
    context = sop_context(index, index.sop["SOP-DINKES-001"], ID)
    assert context["sop"]["kode"] == "SOP-DINKES-001"
    assert context["kop"]["baris"][0] == "PEMERINTAH KABUPATEN CONTOH RAYA"
    assert [p["kode"] for p in context["pelaksana"]] == ["petugas", "kasi", "kadis"]
    assert context["diagram"] == [{"src": "SOP-DINKES-001/halaman-1.svg", "halaman": 1, "jumlah": 1}]
    assert context["sumber"] == "sop/SOP-DINKES-001.yaml"


# -- index page ----------------------------------------------------------------------------------


def _diagrams(index: Index, ctx: RenderContext) -> list[Artifact]:
    """Stand-ins for the diagram renderers' artifacts (their own tests cover the DOT)."""
    out = [
        Artifact("peta/level-0/pemda", "dot", "", "Peta Proses Bisnis Level 0 — Contoh Raya", None, (), "peta-level-0"),
        Artifact("relasi/pemda", "dot", "", "Peta Relasi — Contoh Raya", None, (), "relasi"),
        Artifact(
            "peta/level-0/opd/dinkes",
            "dot",
            "",
            "Peta Proses Bisnis Level 0 — Dinas Kesehatan",
            "dinkes",
            (),
            "peta-level-0",
        ),
        Artifact(
            "lintas-fungsi/PB.03.01",
            "dot",
            "",
            "Peta Lintas Fungsi — PB.03.01 Pelayanan Kartu Keluarga",
            "disdukcapil",
            ("PB.03.01",),
            "lintas-fungsi",
        ),
    ]
    for kode in sorted(index.sop):
        pages = sop_flow_pages(index.sop[kode].model, ctx)
        owner = "dinkes" if "DINKES" in kode else "disdukcapil"
        out += [
            Artifact(p, "dot", "", f"{index.sop[kode].model.nama} ({n}/{len(pages)})", owner, (kode,), "sop")
            for n, p in enumerate(pages, 1)
        ]
    return out


def _all_artifacts(index: Index, ctx: RenderContext) -> list[Artifact]:
    return _diagrams(index, ctx) + render_sop_drafts(index, ctx)


def test_index_page_groups_by_opd(index: Index) -> None:
    ctx = RenderContext(lang="id", image_format="png")
    page = render_index_page(index, _all_artifacts(index, ctx), ctx)
    assert (page.path, page.kind, page.group) == ("index.md", "markdown", "indeks")
    text = page.content
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    # Pemda-wide first, then the OPD by name.
    assert headings == ["## Contoh Raya", "## Dinas Kependudukan dan Pencatatan Sipil", "## Dinas Kesehatan"]
    assert "7 diagram dan 2 draf SOP." in text
    assert "- [Peta Proses Bisnis Level 0 — Contoh Raya](peta/level-0/pemda.png)" in text
    assert (
        "- [SOP-DINKES-001 Pelayanan Imunisasi Dasar](sop/SOP-DINKES-001.md) — diagram alir: [hal. 1](sop/SOP-DINKES-001/halaman-1.png)"
        in text
    )
    # Every artifact is linked exactly once.
    for artifact in _all_artifacts(index, ctx):
        target = artifact.path if artifact.kind == "markdown" else f"{artifact.path}.png"
        assert text.count(f"]({target})") == 1, target
    dinkes = text.split("## Dinas Kesehatan")[1]
    assert "2 diagram, 1 draf SOP." in dinkes


# -- golden files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_sop_drafts(index: Index, golden: Any, lang: str) -> None:
    for artifact in render_sop_drafts(index, RenderContext(lang=lang)):  # type: ignore[arg-type]
        golden(f"documents/{artifact.path.removeprefix('sop/').removesuffix('.md')}.{lang}.md", artifact.content)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_index_page(index: Index, golden: Any, lang: str) -> None:
    ctx = RenderContext(lang=lang)  # type: ignore[arg-type]
    golden(f"documents/index.{lang}.md", render_index_page(index, _all_artifacts(index, ctx), ctx).content)
