"""Library facade used by the CLI and the tests: load a repository, check it.

Nothing here prints or exits; results are returned.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probis_cli.findings import Finding, Result, Severity
from probis_cli.index import Index, build_index
from probis_cli.model.build import Broken, Document, build_documents
from probis_cli.source.discover import discover, find_root
from probis_cli.source.loader import SourceFile, iter_sources
from probis_cli.source.reader import read_bytes

Progress = Callable[[str, int, int], None]


@dataclass
class Loaded:
    """A repository as read: its root, files, index, and the read/schema/reference findings."""

    root: Path
    sources: list[SourceFile]
    index: Index
    findings: list[Finding]
    scope: list[str] = field(default_factory=list)  # relative paths asked for ('' = everything)

    def source_texts(self) -> dict[str, str]:
        """Relative path -> text, for reporters that show the offending line."""
        return {s.path: s.text for s in self.sources}

    def in_scope(self, path: str) -> bool:
        """Whether findings on ``path`` belong to what the user asked to check."""
        if not self.scope or "" in self.scope:
            return True
        return any(path == s or path.startswith(s.rstrip("/") + "/") for s in self.scope)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures.

    Loading creates millions of small objects and no reference cycles; the collector would
    rescan the growing heap again and again (measured: it doubles the load time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was built stays alive for the rest of the run and has no cycles: move it out
        # of the collector's sight, or the first collection after re-enabling scans it all.
        gc.freeze()
        if was_enabled:
            gc.enable()


def _root_settings(root: Path) -> dict[str, Any]:
    """``pengaturan`` of probis.yaml read before discovery (excludes, output folder)."""
    try:
        result = read_bytes((root / "probis.yaml").read_bytes())
    except OSError:
        return {}
    for doc in result.documents:
        if isinstance(doc.data, dict) and isinstance(doc.data.get("pengaturan"), dict):
            return dict(doc.data["pengaturan"])
    return {}


def discover_paths(root: Path) -> list[Path]:
    """The YAML files of the repository at ``root``, honouring its settings and .gitignore."""
    settings = _root_settings(root)
    exclude = [str(x) for x in settings.get("kecualikan") or [] if isinstance(x, str)]
    render = settings.get("render")
    if isinstance(render, dict) and isinstance(render.get("keluaran"), str):
        exclude.append(render["keluaran"])
    return discover(root, exclude=exclude)


def load(paths: Sequence[Path] | Path, *, use_cache: bool = True, workers: int | None = None) -> Loaded:
    """Find the repository containing ``paths``, read all of it, and index it.

    The whole repository is always read (references cross files); ``paths`` only narrows
    which files' findings are reported.
    """
    targets = [paths] if isinstance(paths, Path) else list(paths) or [Path(".")]
    root = find_root(targets[0])
    scope: list[str] = []
    for target in targets:
        resolved = target.resolve()
        if not resolved.exists():
            raise FileNotFoundError(str(target))
        scope.append("" if resolved == root else resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else "")
    with gc_paused():
        paths = discover_paths(root)
        # Validate each file as soon as it is parsed (workers keep parsing meanwhile); keep the
        # results in path order so that everything after is deterministic.
        slots: list[tuple[SourceFile, list[Document[Any]], list[Finding]] | None] = [None] * len(paths)
        broken: list[Broken] = []
        for i, source in iter_sources(root, paths, use_cache=use_cache, workers=workers):
            docs, found = build_documents(source, broken)
            # The raw data trees are not needed once the models exist (positions live on in
            # the documents): dropping them halves the memory of a province.
            slots[i] = (dataclasses.replace(source, documents=()), docs, found)
        sources: list[SourceFile] = []
        documents: list[Document[Any]] = []
        findings: list[Finding] = []
        for slot in slots:
            if slot is not None:
                sources.append(slot[0])
                documents.extend(slot[1])
                findings.extend(slot[2])
        index, ref_findings = build_index(root, documents, broken)
    findings.extend(ref_findings)
    return Loaded(root, sources, index, findings, scope)


@dataclass(frozen=True)
class CheckOptions:
    """What to run and how strictly (CLI flags override probis.yaml)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lint: bool = True
    baseline: Path | None = None
    use_baseline: bool = True


def code_selected(code: str, name: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether a finding code passes ``--select`` / ``--ignore`` (codes, prefixes or names)."""

    def hit(patterns: Sequence[str]) -> bool:
        return any(code.startswith(p.upper()) or p.lower() == name for p in patterns if p)

    if select and not hit(select):
        return False
    return not hit(ignore)


def check(loaded: Loaded, options: CheckOptions = CheckOptions()) -> Result:
    """Run the linter (if enabled) over a loaded repository and apply selection."""
    # The engine always runs: with lint off it runs no rule, but configuration, inline
    # suppressions and the baseline still apply to the read/schema/reference findings.
    from probis_cli.lint.engine import run_lint

    with gc_paused():
        outcome = run_lint(loaded, options)
    findings = outcome.findings
    suppressed, baselined = outcome.suppressed, outcome.baselined
    kept = [
        f
        for f in findings
        if loaded.in_scope(f.location.path) and code_selected(f.code, f.name, options.select, options.ignore)
    ]
    return Result(
        findings=sorted(kept, key=Finding.sort_key),
        files_checked=len(loaded.sources),
        documents_checked=len(loaded.index.documents),
        suppressed=suppressed,
        baselined=baselined,
    )


INTERNAL_ERROR_CODES = frozenset({"P000"})


def has_internal_error(result: Result) -> bool:
    """Whether a rule crashed (reported as P000): the run is not trustworthy, exit 2."""
    return any(f.code in INTERNAL_ERROR_CODES for f in result.findings)


def worst(result: Result) -> Severity | None:
    """The highest severity present, if any."""
    return max((f.severity for f in result.findings), default=None)
