"""``probis situs`` after ``probis render`` lays out nothing: the two share this machine's layouts."""

from __future__ import annotations

import marshal
import re
from functools import partial
from pathlib import Path

import pytest

from probis_cli import api, fs
from probis_cli.render.layouts import LAYOUTS_FILE, LayoutIndex, layout_key
from probis_cli.site.build import diagram_shown
from probis_cli.site.store import PACK_FILE
from tests.site.conftest import build_site, copy_example


def _laid_out(summary: str) -> tuple[int, int]:
    """(diagrams, laid out again) from the situs summary line."""
    match = re.search(r"(\d+) diagram \((\d+) ditata ulang\)", summary)
    assert match, summary
    return int(match.group(1)), int(match.group(2))


def _render(repo: Path, out: Path) -> api.RenderResult:
    result = api.render(repo, api.RenderOptions(out=out, formats=("svg",), engine="wasm"))
    assert result.outcome is not None and not result.outcome.failed
    return result


def test_site_after_render_copies_the_layouts(tmp_path: Path) -> None:
    repo = copy_example("kota-contoh", tmp_path / "repo")
    _render(repo, tmp_path / "render")
    diagrams, laid_out = _laid_out(build_site(repo, tmp_path / "situs", "--engine", "wasm"))
    assert diagrams > 60 and laid_out == 0  # every one copied from render's output
    index = LayoutIndex(repo / ".probis-cache" / LAYOUTS_FILE)
    pack = repo / ".probis-cache" / PACK_FILE
    where = [Path(entry[1]) for entry in index.entries.values()]
    assert sum(w == pack for w in where) == diagrams  # the latest location of each: a span of the site's pack
    # The diagrams no page shows (the relasi matrix, each OPD's relasi map) are not laid out by the site.
    rest = [w.relative_to(tmp_path / "render").with_suffix("").as_posix() for w in where if w != pack]
    assert "relasi/matriks" in rest and not any(diagram_shown(path) for path in rest)
    # ... and a render into a new folder copies them back, byte for byte.
    second = _render(repo, tmp_path / "render2").outcome
    assert second is not None
    first = {p.relative_to(tmp_path / "render"): p.read_bytes() for p in (tmp_path / "render").rglob("*.svg")}
    again = {p.relative_to(tmp_path / "render2"): p.read_bytes() for p in (tmp_path / "render2").rglob("*.svg")}
    assert first == again


def test_a_layout_is_reused_only_when_its_bytes_are_the_signed_ones(tmp_path: Path) -> None:
    index = LayoutIndex(tmp_path / LAYOUTS_FILE)
    target = tmp_path / "a.svg"
    target.write_bytes(b"<svg>asli</svg>")
    from probis_cli.digest import digest_bytes

    key = layout_key("masukan", "mesin")
    index.add(key, digest_bytes(b"<svg>asli</svg>"), target)
    index.save()
    again = LayoutIndex(tmp_path / LAYOUTS_FILE)
    assert again.find(key) == b"<svg>asli</svg>"
    target.write_bytes(b"<svg><script>alert(1)</script></svg>")  # edited in place (a pull request)
    assert again.find(key) is None
    assert again.find(layout_key("masukan", "mesin lain")) is None  # another engine's layout is not this one


def test_an_index_not_signed_by_this_machine_is_ignored(tmp_path: Path) -> None:
    evil = tmp_path / "evil.svg"
    evil.write_bytes(b"<svg><script>alert(1)</script></svg>")
    from probis_cli.digest import digest_bytes

    forged = {layout_key("x", "y"): (digest_bytes(evil.read_bytes()), str(evil))}
    (tmp_path / LAYOUTS_FILE).write_bytes(b"\0" * 32 + marshal.dumps(forged))
    assert LayoutIndex(tmp_path / LAYOUTS_FILE).entries == {}
    (tmp_path / LAYOUTS_FILE).write_bytes(fs.signed(marshal.dumps({"k": ("not", "a", "pair")})))
    assert LayoutIndex(tmp_path / LAYOUTS_FILE).entries == {}


def test_one_location_keeps_only_its_latest_input(tmp_path: Path) -> None:
    index = LayoutIndex(tmp_path / LAYOUTS_FILE)
    index.add("k1", "d1", tmp_path / "a.svg")
    index.add("k2", "d2", tmp_path / "a.svg")
    index.add("k3", "d3", tmp_path / "b.svg")
    index.add("k1", "d1", tmp_path / "a.svg")  # written again: the latest at a.svg
    index.save()
    assert set(LayoutIndex(tmp_path / LAYOUTS_FILE).entries) == {"k1", "k3"}


def test_pages_built_on_two_cores_are_the_serial_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from probis_cli.laporan.compute import build_laporan
    from probis_cli.render import parallel
    from probis_cli.render.base import RenderContext
    from probis_cli.site.build import DIAGRAM_GROUPS, SiteInput, build_and_write_pages, build_pages
    from probis_cli.site.write import MANIFEST, layout_diagrams, write_page, write_site

    repo = copy_example("kota-contoh", tmp_path / "repo")
    loaded = api.load(repo, use_cache=False)
    result = api.check(loaded)
    ctx = RenderContext(lang="id")
    svgs = layout_diagrams(loaded.index, ctx, tmp_path / "svg", groups=DIAGRAM_GROUPS, engine_preference="wasm").svgs
    data = SiteInput(loaded, result, build_laporan(loaded, result, git=False), "id", svgs)
    serial = build_pages(data, workers=1)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel, "CHUNK_MAX", 2)
    assert build_pages(data, workers=2) == serial
    # Each page numbers its own inline diagrams: d1, d2, ...
    page = serial["proses/PB.02.01.01.html"].decode()
    assert 'id="d1-' in page and 'id="d4-' not in page
    # Written by the workers that built them: the same files, and written only when they differ.
    out = tmp_path / "situs"
    rest, done = build_and_write_pages(data, partial(write_page, out), workers=2)
    assert done and all(done.values()) and not set(done) & set(rest)
    outcome = write_site(out, rest, done=done)
    assert outcome.written == sorted(serial) and not outcome.unchanged
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert files.pop(MANIFEST) and files == serial
    rest, done = build_and_write_pages(data, partial(write_page, out), workers=2)
    assert done and not any(done.values())
    assert write_site(out, rest, done=done).unchanged == sorted(serial)


def test_the_site_builds_no_content_of_a_diagram_no_page_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from probis_cli.render import run as render_run
    from probis_cli.render.memo import Pending
    from probis_cli.site.generate import SiteBuild, SiteOptions

    listed: list[render_run.Artifact] = []
    original = render_run.built_in_parallel

    def recording(ctx, renderers, workers, keep=None):  # type: ignore[no-untyped-def]
        def every() -> list[render_run.Artifact]:
            listed.extend(renderers())
            return listed

        return original(ctx, every, workers, keep)

    monkeypatch.setattr(render_run, "built_in_parallel", recording)
    repo = copy_example("kota-contoh", tmp_path / "repo")
    with SiteBuild(repo, SiteOptions(out=tmp_path / "situs", engine="wasm", use_cache=False)) as build:
        build.layout()
    pending = {a.path: a.content for a in listed if isinstance(a.content, Pending)}
    assert "relasi/matriks" in pending and len(pending) == len(listed)
    assert (
        {path for path, content in pending.items() if not content.done}
        == {path for path in pending if not diagram_shown(path)}
        != set()
    )
