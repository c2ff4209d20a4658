"""Mutation fuzzing of every example document: no crash, no P000, whatever the input.

A fixed list of seeds keeps CI bounded (about half a minute); ``PROBIS_FUZZ_ROUNDS=N`` runs
N rounds per example instead (``benchmarks/fuzz_campaign.py`` is the long campaign). Each
round mutates a few documents of a private copy of the example and checks it in-process.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.fuzz.mutator import KINDS, Corpus, FuzzRepo, example_files, mutate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ROUNDS = int(os.environ.get("PROBIS_FUZZ_ROUNDS", "0")) or 200
PER_ROUND = 8


def test_mutator_is_deterministic_and_varied() -> None:
    text = (EXAMPLES / "kota-contoh" / "probis.yaml").read_text(encoding="utf-8")
    corpus = Corpus.of([text])
    first = [mutate(text, random.Random(seed), corpus) for seed in range(200)]
    assert first == [mutate(text, random.Random(seed), corpus) for seed in range(200)]
    assert len(set(first)) > 150  # mutations differ from seed to seed
    assert len(KINDS) >= 10


def test_every_example_document_is_mutated() -> None:
    for name in ("kota-contoh", "kota-bermasalah"):
        assert len(example_files(EXAMPLES / name)) > 20


@pytest.mark.parametrize("example", ["kota-contoh", "kota-bermasalah"])
def test_mutated_examples_never_crash(example: str, tmp_path: Path) -> None:
    repo = FuzzRepo(EXAMPLES / example, tmp_path)
    crashes = []
    documents = 0
    for seed in range(ROUNDS):
        rng = random.Random(f"{example}-{seed}")
        n, found = repo.round(rng, PER_ROUND)
        documents += n
        crashes.extend(found)
    assert documents >= ROUNDS * PER_ROUND
    detail = "\n\n".join(f"{c.kind}\n{c.detail}\nfiles: {sorted(c.files)}" for c in crashes[:3])
    assert not crashes, f"{len(crashes)} crashes; first ones:\n{detail}"
