"""The benchmark generator (benchmarks/generate.py) writes valid, deterministic repositories."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from probis_cli.findings import Severity
from probis_cli.index import build_index
from probis_cli.model.build import build_documents
from probis_cli.source.discover import discover
from probis_cli.source.loader import load_sources

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("probis_bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _findings(root: Path) -> tuple[int, list[str]]:
    paths = discover(root)
    documents = []
    errors = []
    for source in load_sources(root, paths, use_cache=False):
        docs, findings = build_documents(source)
        documents.extend(docs)
        errors += [f"{f.location} {f.code} {f.message.text('en')}" for f in findings if f.severity >= Severity.ERROR]
    _, findings = build_index(root, documents)
    errors += [f"{f.location} {f.code} {f.message.text('en')}" for f in findings if f.severity >= Severity.ERROR]
    return len(documents), errors


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_mini_is_valid_and_deterministic(gen: ModuleType, tmp_path: Path) -> None:
    first = gen.generate(tmp_path / "a", "mini", seed=3)
    gen.generate(tmp_path / "b", "mini", seed=3)
    assert (first["opd"], first["proses"], first["sop"]) == (3, 20, 20)
    n_docs, errors = _findings(tmp_path / "a")
    assert errors == []
    assert n_docs == first["files"] == 2 + 3 + 20 + 20
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")
    other = gen.generate(tmp_path / "c", "mini", seed=4)
    assert other["bytes"] > 0 and _snapshot(tmp_path / "c") != _snapshot(tmp_path / "a")


def test_defects_stay_schema_valid(gen: ModuleType, tmp_path: Path) -> None:
    # Seeded defects are lint-level only: even at a high rate nothing breaks the schema or references.
    info = gen.generate(tmp_path, "mini", seed=1, defect_rate=0.5)
    assert 15 <= sum(info["defects"].values()) <= 20  # a kind may run out of targets in 3 OPD
    _, errors = _findings(tmp_path)
    assert errors == []
