"""A repository kept in memory and checked again after each change.

Shared by ``probis lsp`` and ``probis validate --watch``. A :class:`Session` holds, per file,
the text (from disk, or the unsaved buffer of an editor), its parse, its validated documents
and its read/schema findings. A change re-reads and re-parses only the files that changed;
the index tables are rebuilt (cheap) while the reference checks of unchanged documents are
reused (:class:`~probis_cli.index.IndexCache`), and each lint rule runs again only where what
it declares to read changed (:class:`~probis_cli.lint.incremental.LintCache`), through the
same functions ``probis validate`` uses, so the findings are the same as a cold run's.

Nothing here prints or exits. Only paths inside the repository root are read.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probis_cli import api, fs
from probis_cli.digest import digest_bytes
from probis_cli.findings import Finding, Result
from probis_cli.index import Index, IndexCache, build_index
from probis_cli.lint.incremental import LintCache
from probis_cli.model.build import Broken, Document, build_documents
from probis_cli.source.loader import SourceFile, iter_sources
from probis_cli.source.reader import MAX_BYTES, ReadIssue, read_bytes

# Changes to these files can change which files belong to the repository.
DISCOVERY_FILES = frozenset({"probis.yaml", ".gitignore"})
# A rule over several documents whose last run took longer than this (seconds) waits for the
# complete check after a quick one: at city scale that is nearly every such rule (T002 and T003
# take 0.05-0.2 s each, the others 5-40 ms: together several times the 150 ms an editor can wait).
SLOW_RULE = 0.005


@dataclass(slots=True)
class FileState:
    """One file as last read: its source (text kept, data trees dropped), documents, findings."""

    source: SourceFile
    documents: list[Document[Any]]
    findings: list[Finding]
    broken: list[Broken]


@dataclass
class Snapshot:
    """The result of one check: what the editor features and the reporters read."""

    loaded: api.Loaded
    result: Result
    generation: int
    timings: dict[str, float] = field(default_factory=dict)  # phase -> seconds
    partial: bool = False  # a quick check: some slow rules' hits are from the check before

    @property
    def index(self) -> Index:
        """The index of the whole repository."""
        return self.loaded.index


def _file_local(finding: Finding) -> bool:
    """Whether a finding comes from reading and validating its own file alone."""
    return finding.message.id.startswith(("read.", "schema."))


def _state(source: SourceFile) -> FileState:
    broken: list[Broken] = []
    documents, findings = build_documents(source, broken)
    # The data trees are not needed once the models exist (as in api.load).
    return FileState(dataclasses.replace(source, documents=()), documents, findings, broken)


def source_from_text(root: Path, path: Path, text: str) -> SourceFile:
    """A :class:`SourceFile` for the unsaved text of ``path`` (an editor buffer)."""
    rel = path.relative_to(root).as_posix()
    raw = text.encode("utf-8", errors="surrogatepass")
    digest = digest_bytes(raw)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    if len(raw) > MAX_BYTES:
        issue = ReadIssue("Y009", "read.too_large", None, None, (("mb", MAX_BYTES // (1024 * 1024)),))
        return SourceFile(rel, path, normalised, (), (issue,), digest)
    parsed = read_bytes(raw)
    return SourceFile(rel, path, normalised, parsed.documents, parsed.issues, digest)


class Session:
    """A repository in memory. Call :meth:`check` after changes to get a fresh :class:`Snapshot`."""

    def __init__(
        self,
        root: Path,
        *,
        options: api.CheckOptions | None = None,
        use_cache: bool = True,
        scope: list[str] | None = None,
        incremental: bool = True,
    ) -> None:
        self.root = root.resolve()
        self.options = options or api.CheckOptions()
        self.scope = list(scope or [])  # relative paths whose findings are reported ('' = all)
        self.use_cache = use_cache
        self.paths: list[Path] = []  # discovered files, in discovery order
        self.discovery_findings: list[Finding] = []
        self.files: dict[Path, FileState] = {}
        self.overlays: dict[Path, str] = {}  # unsaved editor buffers
        self.generation = 0
        self._dirty = True
        self._snapshot: Snapshot | None = None
        # Results kept between checks (``incremental=False``: every check starts from nothing,
        # as before incremental checking; for comparisons).
        self.incremental = incremental
        self.index_cache = IndexCache()
        self.lint_cache = LintCache()

    # -- reading ------------------------------------------------------------------------
    @classmethod
    def open(cls, start: Path, **kwargs: Any) -> Session:
        """The session of the repository holding ``start`` (:class:`api.NoRepository` if none),
        read completely (through the parse cache, in parallel, as ``probis validate`` does)."""
        session = cls(api.find_repository(start), **kwargs)
        session.rescan(full=True)
        return session

    def inside(self, path: Path) -> bool:
        """Whether ``path`` lies in the repository (after resolving links)."""
        return fs.is_inside(path, self.root)

    def rescan(self, *, full: bool = False) -> None:
        """Discover the files again; read new ones (all of them when ``full``), forget removed ones."""
        with api.gc_paused():
            paths, self.discovery_findings = api.discover_repository(self.root)
            known = set(paths)
            for gone in [p for p in self.files if p not in known]:
                del self.files[gone]
            todo = [p for p in paths if full or p not in self.files]
            on_disk = [p for p in todo if p not in self.overlays]
            for i, source in iter_sources(self.root, on_disk, use_cache=self.use_cache):
                self.files[on_disk[i]] = _state(source)
            for p in todo:
                if p in self.overlays:
                    self.files[p] = _state(source_from_text(self.root, p, self.overlays[p]))
        self.paths = paths
        self._dirty = True

    def _reread(self, path: Path) -> bool:
        """Read ``path`` again (its buffer if open); whether anything changed."""
        if path not in self.files:
            return False
        if path in self.overlays:
            source = source_from_text(self.root, path, self.overlays[path])
        else:
            source = next(iter(iter_sources(self.root, [path], use_cache=False)))[1]
        old = self.files[path].source
        if source.digest == old.digest and source.digest:
            return False
        with api.gc_paused():
            self.files[path] = _state(source)
        return True

    def files_changed(self, paths: Iterable[Path]) -> bool:
        """Files changed on disk (created, modified, deleted): re-read them; rediscover when the
        set of files may have changed. Returns whether anything changed."""
        changed = False
        rediscover = False
        for raw in paths:
            path = Path(raw)
            path = path if path.is_absolute() else self.root / path
            if not self.inside(path.parent) and not self.inside(path):
                continue
            path = path.parent.resolve() / path.name
            if path.name in DISCOVERY_FILES or path not in self.files or not path.exists():
                rediscover = True
            if path in self.files and path not in self.overlays:
                changed |= self._reread(path)
        if rediscover:
            self.rescan()
            changed = True
        if changed:
            self._dirty = True
        return changed

    def set_buffer(self, path: Path, text: str) -> bool:
        """An editor buffer of ``path`` now holds ``text`` (unsaved). Whether it changed anything."""
        path = path.parent.resolve() / path.name
        if not self.inside(path):
            return False
        if self.overlays.get(path) == text:
            return False
        self.overlays[path] = text
        if path not in self.files:
            return False  # not part of the repository (excluded, not YAML)
        changed = self._reread(path)
        self._dirty |= changed
        return changed

    def close_buffer(self, path: Path) -> bool:
        """The editor closed ``path``: the file on disk counts again."""
        path = path.parent.resolve() / path.name
        if self.overlays.pop(path, None) is None:
            return False
        changed = self._reread(path)
        self._dirty |= changed
        return changed

    def rel(self, path: Path) -> str | None:
        """The repository-relative path of a file of the repository, or None."""
        path = path.parent.resolve() / path.name
        if path not in self.files:
            return None
        return self.files[path].source.path

    def text(self, rel: str) -> str | None:
        """The current text of a repository file (its buffer if open)."""
        state = self.files.get(self.root / rel)
        return state.source.text if state is not None else None

    # -- checking -----------------------------------------------------------------------
    def check(self, *, quick: bool = False) -> Snapshot:
        """Index and lint the repository as it is now (cached until something changes).

        ``quick``: a first answer in a fraction of the time — a rule slower than
        :data:`SLOW_RULE` whose inputs changed is not run, and its hits of the last check stand in
        (``Snapshot.partial``); a later ``check()`` runs just those rules and completes it.
        """
        previous = self._snapshot
        if previous is not None and not self._dirty and (quick or not previous.partial):
            return previous
        if previous is not None and not self._dirty:
            loaded, timings = previous.loaded, {"index": 0.0}  # complete a quick check: same index
        else:
            loaded, timings = self._indexed()
        lint_started = time.perf_counter()
        self.lint_cache.defer_slower_than = SLOW_RULE if quick else None
        try:
            result = api.check(loaded, self.options, cache=self.lint_cache if self.incremental else None)
        finally:
            self.lint_cache.defer_slower_than = None
        timings["lint"] = time.perf_counter() - lint_started
        self.generation += 1
        self._snapshot = Snapshot(loaded, result, self.generation, timings, partial=bool(self.lint_cache.deferred))
        self._dirty = False
        return self._snapshot

    def _indexed(self) -> tuple[api.Loaded, dict[str, float]]:
        """The repository as it is now, indexed (reference checks of unchanged documents reused)."""
        started = time.perf_counter()
        with api.gc_paused():
            states = [self.files[p] for p in self.paths if p in self.files]
            documents = [d for s in states for d in s.documents]
            broken = [b for s in states for b in s.broken]
            digests = {s.source.path: s.source.digest for s in states}
            self.index_cache.digests = self.lint_cache.digests = digests
            cache = self.index_cache if self.incremental else None
            index, ref_findings = build_index(self.root, documents, broken, cache=cache)
            findings = [*self.discovery_findings, *(f for s in states for f in s.findings), *ref_findings]
            loaded = api.Loaded(self.root, [s.source for s in states], index, findings, self.scope)
        return loaded, {"index": time.perf_counter() - started}

    def quick_findings(self, path: Path) -> tuple[str, list[Finding]] | None:
        """The findings of one edited file that need no other file (reading and schema), after
        the repository's settings, suppressions and baseline; with the last check's other
        findings of that file (references, rules: their lines may be a moment out of date).

        Milliseconds instead of a whole check: what the editor shows at once while
        :meth:`check` runs. None when there is no previous check or the file is not known.
        """
        previous = self._snapshot
        path = path.parent.resolve() / path.name
        state = self.files.get(path)
        if previous is None or state is None:
            return None
        rel = state.source.path
        loaded = api.Loaded(self.root, [state.source], previous.loaded.index, list(state.findings), self.scope)
        local = [
            f
            for f in api.check(loaded, dataclasses.replace(self.options, lint=False)).findings
            if f.location.path == rel and _file_local(f)
        ]
        others = [f for f in previous.result.findings if f.location.path == rel and not _file_local(f)]
        return rel, sorted(local + others, key=Finding.sort_key)

    @property
    def snapshot(self) -> Snapshot | None:
        """The last check, if any (possibly older than the latest change)."""
        return self._snapshot
