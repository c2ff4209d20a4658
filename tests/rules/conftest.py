"""Harness for rule cases: write a multi-file YAML snippet, load and check it, return findings.

Snippets use the format of the rules' documented examples: files separated by lines
``# file: relative/path.yaml``. ``lint(text)`` returns every finding of the run;
``lint(text, "K005")`` only those of one code. Each call writes into its own folder.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest

from probis_cli import api
from probis_cli.findings import Finding, Result
from probis_cli.lint.docs import split_example


def write_repo(text: str, root: Path) -> Path:
    """Write an example repository (``# file:`` format) under ``root``; return ``root``."""
    for rel, body in split_example(text):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return root


def swap(text: str, old: str, new: str) -> str:
    """``text`` with the first ``old`` replaced (fails loudly when ``old`` is missing)."""
    assert old in text, f"fragment not found: {old!r}"
    return text.replace(old, new, 1)


@dataclass
class Run:
    """A checked repository."""

    root: Path
    loaded: api.Loaded
    result: Result

    def codes(self) -> list[str]:
        """Distinct finding codes, sorted."""
        return sorted({f.code for f in self.result.findings})

    def of(self, code: str) -> list[Finding]:
        """Findings of ``code``."""
        return [f for f in self.result.findings if f.code == code]


class Lint(Protocol):
    def __call__(self, text: str, code: str | None = None, *, options: api.CheckOptions = ...) -> list[Finding]: ...


class Check(Protocol):
    def __call__(self, text: str, *, options: api.CheckOptions = ...) -> Run: ...


@pytest.fixture
def check_repo(tmp_path: Path) -> Check:
    """``check_repo(text, options=...)`` -> :class:`Run` (loaded repository and result)."""
    counter = itertools.count(1)

    def run(text: str, *, options: api.CheckOptions = api.CheckOptions()) -> Run:
        root = write_repo(text, tmp_path / f"repo{next(counter)}")
        loaded = api.load(root, use_cache=False)
        return Run(root, loaded, api.check(loaded, options))

    return run


@pytest.fixture
def lint(check_repo: Check) -> Lint:
    """``lint(text, code=None)`` -> findings (of ``code`` when given)."""

    def run(text: str, code: str | None = None, *, options: api.CheckOptions = api.CheckOptions()) -> list[Finding]:
        findings = check_repo(text, options=options).result.findings
        return [f for f in findings if code is None or f.code == code]

    return run


def describe(findings: Sequence[Finding]) -> list[str]:
    """Readable one-liners for assertion messages."""
    return [f"{f.location} {f.code} {f.text('en')}" for f in findings]
