"""Render contents built on several cores: the same bytes as a serial build; errors as in one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jinja2
import pytest

from probis_cli import api
from probis_cli.api_render import render_memo
from probis_cli.render import parallel
from probis_cli.render import run as render_run
from probis_cli.render.base import RenderContext
from probis_cli.render.memo import MEMO_FILE, Pending, RenderMemo

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "kota"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers even for the example's few contents, in chunks of one."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel, "CHUNK_MAX", 1)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _render(repo: Path, out: Path, jobs: int, formats: tuple[str, ...] = ("dot",), cache: bool = False) -> None:
    options = api.RenderOptions(out=out, formats=formats, jobs=jobs, use_cache=cache, force=True, engine="wasm")
    result = api.render(repo, options)
    assert result.outcome is not None and not result.outcome.failed


@pytest.mark.usefixtures("always_parallel")
def test_parallel_render_is_byte_identical_to_serial(repo: Path, tmp_path: Path) -> None:
    serial, two = tmp_path / "serial", tmp_path / "two"
    _render(repo, serial, jobs=1)
    _render(repo, two, jobs=2)
    files = _files(serial)
    assert len([n for n in files if n.endswith(".dot")]) > 60 and any(n.endswith(".md") for n in files)
    assert _files(two) == files


@pytest.mark.usefixtures("always_parallel")
def test_parallel_render_with_the_memo_and_images_is_byte_identical(repo: Path, tmp_path: Path) -> None:
    serial, two, again = tmp_path / "serial", tmp_path / "two", tmp_path / "again"
    _render(repo, serial, jobs=1, formats=("svg",))
    _render(repo, two, jobs=2, formats=("svg",), cache=True)  # contents built in workers, remembered
    assert (repo / ".probis-cache" / MEMO_FILE).is_file()
    _render(repo, again, jobs=2, formats=("svg",), cache=True)  # contents read back from the memo
    assert _files(two) == _files(serial) == _files(again)


def _memo(repo: Path, cache: Path | None) -> tuple[api.Loaded, RenderMemo]:
    loaded = api.load(repo, use_cache=False)
    digests = {s.path: s.digest for s in loaded.sources}
    return loaded, render_memo(cache, loaded.index, digests, "id", "svg")


@pytest.mark.usefixtures("always_parallel")
def test_contents_built_in_workers_equal_the_serial_ones(repo: Path) -> None:
    loaded, memo = _memo(repo, None)
    serial = render_run.build_artifacts(loaded.index, RenderContext(lang="id"))
    built = render_run.build_artifacts(loaded.index, RenderContext(lang="id", memo=memo), workers=2)
    assert [(a.path, a.text(), a.digest()) for a in built] == [(a.path, a.text(), a.digest()) for a in serial]
    assert memo.misses == len(memo.new) > 100 and not memo.pending


def test_a_pending_content_is_built_when_first_asked_for(repo: Path) -> None:
    calls: list[str] = []
    built: list[str] = []
    pending = Pending(lambda: calls.append("x") or "isi", built.append)
    assert not pending.done
    assert pending.digest  # asking for the digest builds it
    assert pending.text() == "isi" and calls == ["x"] and built == ["isi"]


@pytest.mark.usefixtures("always_parallel")
def test_a_template_that_breaks_in_a_worker_fails_as_in_a_serial_render(repo: Path, tmp_path: Path) -> None:
    templates = repo / "templat"
    templates.mkdir()
    (templates / "sop.md.j2").write_text("{{ nama.tidak_ada() }}\n", encoding="utf-8")
    probis = repo / "probis.yaml"
    text = probis.read_text(encoding="utf-8")
    assert "    format: [svg]\n" in text
    probis.write_text(
        text.replace("    format: [svg]\n", "    format: [svg]\n    templat: templat\n", 1), encoding="utf-8"
    )
    errors = []
    for jobs in (1, 2):
        with pytest.raises(api.RenderError) as info:
            _render(repo, tmp_path / f"out{jobs}", jobs=jobs)
        errors.append((info.value.message_id, info.value.args_))
    assert errors[0] == errors[1]
    assert errors[0][0].startswith("cli.render_template")


def test_a_worker_exception_is_raised_by_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)

    def broken() -> str:
        raise jinja2.TemplateError("rusak")

    items = [Pending(lambda k=k: f"isi {k}", lambda _t: None) for k in range(5)]
    items.insert(2, Pending(broken, lambda _t: None))
    with pytest.raises(jinja2.TemplateError, match="rusak"):
        parallel.build_pending(items, workers=2)


def test_calls_in_workers_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_MAX", 3)
    calls = [lambda k=k: (k, os.getpid()) for k in range(40)]
    results = parallel.call_forked(calls, 2, minimum=1)
    assert [k for k, _pid in results] == list(range(40))
    assert os.getpid() not in {pid for _k, pid in results}


def test_the_site_does_not_make_render_forget_its_drafts(repo: Path) -> None:
    """Render's memo is shared: a build that makes only the diagrams keeps the drafts remembered."""
    cache = repo / ".probis-cache"
    cache.mkdir()
    loaded, memo = _memo(repo, cache)
    render_run.build_artifacts(loaded.index, RenderContext(lang="id", memo=memo))
    memo.save()
    memo.close()
    from probis_cli.render.diagrams import DIAGRAMS

    loaded, memo = _memo(repo, cache)
    ctx = RenderContext(lang="id", memo=memo)
    for name in DIAGRAMS:  # what the site builds
        DIAGRAMS[name](loaded.index, ctx)
    memo.save()
    memo.close()
    loaded, memo = _memo(repo, cache)
    render_run.build_artifacts(loaded.index, RenderContext(lang="id", memo=memo))
    memo.close()
    assert memo.misses == 0 and memo.hits > 100


def test_a_layout_past_its_deadline_in_a_worker_is_a_timeout_and_the_rest_is_laid_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Workers lay out with the module compiled without deadline checks; one that overruns is
    # ended by SIGALRM and what it left is laid out in the parent, which reports the timeout.
    import random

    from probis_cli.render.layout.wasm import WasmEngine

    rng = random.Random(1)
    slow = "digraph G {" + ";".join(f"n{rng.randrange(3000)}->n{rng.randrange(3000)}" for _ in range(20000)) + "}"
    small = [f"digraph {{ a{k} -> b{k} }}" for k in range(parallel.PARALLEL_MIN_JOBS)]
    items = [(lambda text=text: text, "svg") for text in [*small, slow]]
    results: dict[int, tuple[bytes | None, str]] = {}

    def done(k: int, data: bytes | None, code: str, detail: str) -> None:
        results[k] = (data, code)

    monkeypatch.setattr(parallel, "KILLABLE_MIN_BYTES", 0)
    parallel.lay_out(WasmEngine(timeout=1.0), items, 2, done)
    assert sorted(results) == list(range(len(items)))
    assert results[len(small)] == (None, "timeout")
    assert all(results[k][0] is not None and results[k][0].startswith(b"<?xml") for k in range(len(small)))  # type: ignore[union-attr]


def test_workers_without_deadline_checks_lay_out_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from probis_cli.render.diagrams.dot import new_graph
    from probis_cli.render.layout import wasm

    texts = []
    for k in range(parallel.PARALLEL_MIN_JOBS):
        g = new_graph(f"g{k}", title=f"Judul {k}", subtitle="Sub")
        g.node("a", f"Langkah {k}", fontname="Helvetica-Bold")
        g.node("b", "Selesai")
        g.edge("a", "b", label="ya")
        texts.append(str(g.source))
    results: dict[int, bytes | None] = {}
    monkeypatch.setattr(parallel, "KILLABLE_MIN_BYTES", 0)
    parallel.lay_out(
        wasm.WasmEngine(), [(lambda t=t: t, "svg") for t in texts], 2, lambda k, d, c, e: results.update({k: d})
    )
    assert wasm._unguarded_module is not None
    assert [results[k] for k in range(len(texts))] == [wasm.WasmEngine().render(t, "svg") for t in texts]
