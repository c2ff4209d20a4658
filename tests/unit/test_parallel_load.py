"""Parsing in worker processes, started early or late, gives what parsing in-process gives.

The workers (``source.loader.Job``) parse one cache shard per task and write that shard's
cache file themselves; ``source.early`` starts them before typer and the models are imported.
Each path is checked against a plain in-process load of the same generated repository (with
lint-worthy defects, so there are findings to compare).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from probis_cli import api, fs
from probis_cli.cli import validate_early
from probis_cli.cli.main import build_app, run
from probis_cli.lint.suppression import _CANDIDATE
from probis_cli.source import cache, early, loader

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


@pytest.fixture(autouse=True)
def machine_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A per-test machine key, and workers even for a small repository."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(fs, "_KEY", None)
    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 1)
    yield
    early.discard()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("probis_bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    root: Path = tmp_path_factory.mktemp("gen") / "repo"
    module.generate(root, "mini", seed=5, defect_rate=0.3)
    return root


@pytest.fixture
def repo(generated: Path, tmp_path: Path) -> Path:
    """A fresh copy (no cache folder) of the generated repository."""
    root = tmp_path / "repo"
    for path in sorted(generated.rglob("*")):
        if path.is_file() and ".probis-cache" not in path.parts:
            target = root / path.relative_to(generated)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return root


def _findings(loaded: api.Loaded) -> list[str]:
    result = api.check(loaded, api.CheckOptions(use_baseline=False))
    return [f"{f.location} {f.code} {f.message.text('en')}" for f in result.findings]


def _expected(root: Path) -> list[str]:
    return _findings(api.load(root, use_cache=False, workers=1))


def _cache_files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / ".probis-cache").glob("parse-*.marshal"))


def test_workers_find_what_one_process_finds_and_write_the_cache(repo: Path) -> None:
    expected = _expected(repo)
    assert any(" M0" in f or " T0" in f for f in expected)  # the defects give findings
    assert _findings(api.load(repo, workers=2)) == expected
    assert _cache_files(repo)  # written by the workers, one file per shard of contents
    cache = loader.ParseCache(repo)
    assert len(cache.entries) == len({p.read_bytes() for p in api.discover_paths(repo)})
    assert _findings(api.load(repo, workers=2)) == expected  # from the cache now


def test_a_failing_worker_costs_time_only(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _expected(repo)

    def broken(shard: int, indexes: list[int], write: bool) -> bytes:
        raise RuntimeError("worker lost")

    monkeypatch.setattr(loader, "_parse_shard", broken)
    assert _findings(api.load(repo, workers=2)) == expected
    assert _findings(api.load(repo, workers=2)) == expected  # what the parent wrote instead


def test_an_early_start_is_taken_when_it_reads_the_same(repo: Path) -> None:
    expected = _expected(repo)
    validate_early.start(["validate", str(repo)])
    started = validate_early.take()
    assert started is not None and started.prepared.job is not None
    assert _findings(api.load(repo, read=started)) == expected
    assert started.prepared.raws.count(None) == len(started.prepared.raws)  # handed out, not kept
    assert not list(repo.glob(".probis-cache/parse-*"))  # a first run parses without positions, caches nothing
    assert loader.read_bytes(b"a: [b]\n", positions=False).documents[0].pos is None


def test_a_start_for_other_files_is_left(repo: Path) -> None:
    validate_early.start(["validate", str(repo)])
    started = validate_early.take()
    assert started is not None and started.prepared.job is not None
    paths = api.discover_paths(repo)[1:]
    got = dict(loader.iter_sources(repo, paths, prepared=started.prepared))
    assert started.prepared.job is None  # its workers were let go; these files were read again
    assert [got[i].abspath for i in range(len(paths))] == paths
    alone = dict(loader.iter_sources(repo, paths, use_cache=False, workers=1))
    assert [got[i].documents for i in range(len(paths))] == [alone[i].documents for i in range(len(paths))]


def test_no_early_start_once_a_check_was_kept(repo: Path) -> None:
    api.check(api.load(repo, incremental=True))  # leaves the lint state for the next run
    validate_early.start(["validate", str(repo)])
    assert validate_early.take() is None
    validate_early.start(["validate", str(repo), "--output", "x.txt"])  # options it leaves to typer
    assert validate_early.take() is None


def test_the_command_with_an_early_start_reports_the_same(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = CliRunner().invoke(build_app("id"), ["validate", str(repo), "--format", "json", "--no-cache"])
    taken: list[object] = []
    original = validate_early.take

    def take() -> object:
        taken.append(original())
        return taken[-1]

    monkeypatch.setattr(validate_early, "take", take)
    with pytest.raises(SystemExit) as exit_:
        run(["validate", str(repo), "--format", "json"])
    assert taken and taken[0] is not None  # the early start was used
    assert exit_.value.code == expected.exit_code == 1
    assert json.loads(capsys.readouterr().out) == json.loads(expected.stdout)


def test_positions_not_handed_back_are_read_again_from_the_file(repo: Path) -> None:
    loaded = api.load(repo, workers=2)
    doc = next(d for d in loaded.index.documents if d.path.startswith("sop/"))
    assert isinstance(doc.pos, bytes) and doc.pos.startswith(b"\x00")  # where to find them, not them
    path = repo / doc.path
    eager = next(d for d in api.load(repo, use_cache=False, workers=1).index.documents if d.path == doc.path)
    assert cache.positions(doc.pos) == eager.tree() and eager.tree() is not None
    path.write_text(path.read_text(encoding="utf-8") + "\n# diubah\n", encoding="utf-8")
    assert cache.positions(doc.pos) is None  # changed since: locations fall back to the document


def test_texts_not_kept_are_read_again_for_a_report(repo: Path) -> None:
    quiet = next(p for p in sorted((repo / "sop").rglob("*.yaml")))
    noisy = next(p for p in sorted((repo / "proses").rglob("*.yaml")))
    noisy.write_text(noisy.read_text(encoding="utf-8") + "# probis: abaikan-berkas M001\n", encoding="utf-8")
    loaded = api.load(repo, workers=2, keep_texts=False)
    by_path = {s.path: s for s in loaded.sources}
    rel = quiet.relative_to(repo).as_posix()
    assert by_path[rel].text == ""  # not kept: no suppression comment for lint to read
    assert by_path[noisy.relative_to(repo).as_posix()].text  # kept: lint reads its comments
    texts = loaded.source_texts()
    assert texts.get(rel) == quiet.read_text(encoding="utf-8") and texts.get("nope.yaml") is None
    again = api.load(repo, workers=2, keep_texts=False).source_texts()
    quiet.write_text("probis: 1\n", encoding="utf-8")
    assert again.get(rel) == ""  # changed since: no line is better than a wrong one


@given(
    st.text(alphabet=st.sampled_from(list("#probisPROBIS \t\nıİſK:xé")), max_size=40),
    st.text(max_size=20),
)
def test_every_file_lint_reads_the_text_of_keeps_it(text: str, other: str) -> None:
    """A text lint would read suppression comments in is never dropped (a superset, on bytes)."""
    for candidate in (text, other + text, text + other):
        if _CANDIDATE.search(candidate):
            assert loader.may_suppress(candidate.encode("utf-8", "surrogatepass"))
