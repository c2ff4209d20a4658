"""Library facade used by the CLI and the tests: load a repository, check it.

Nothing here prints or exits; results are returned.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from probis_cli import fs
from probis_cli.digest import digest_bytes
from probis_cli.findings import Finding, Location, Message, Result, Severity
from probis_cli.index import Index, build_index
from probis_cli.lint.registry import ENGINE_CODES, matches_any
from probis_cli.lint.suppression import _CANDIDATE as SUPPRESSION  # what lint reads a file's text for
from probis_cli.model.build import Broken, Document, build_documents, core_finding
from probis_cli.model.stored import StoredModels
from probis_cli.model.stored import key as stored_key
from probis_cli.source import early
from probis_cli.source.discover import MARKER, Discovery, Problem, discover_all, find_root
from probis_cli.source.loader import Prepared, SourceFile, iter_sources
from probis_cli.source.reader import MAX_BYTES, decode, locate

if TYPE_CHECKING:
    from probis_cli.api_render import FORMATS, MANIFEST, Notify, engine_text
    from probis_cli.api_render import ProgressFn as ProgressFn
    from probis_cli.api_render import RenderError as RenderError
    from probis_cli.api_render import RenderOptions as RenderOptions
    from probis_cli.api_render import RenderResult as RenderResult
    from probis_cli.api_render import render_kinds as render_kinds
    from probis_cli.lint.incremental import LintCache, State

    RENDER_FORMATS = FORMATS  # what `probis render --format` accepts
    RENDER_MANIFEST = MANIFEST  # the file in the output folder recording what a render wrote
    render_engine_text = engine_text

Progress = Callable[[str, int, int], None]
FEW_CHANGED = 64  # files to validate again, below which the parse cache is not read
# The rendering half of the facade, imported on first use (jinja2 and the render modules are
# not needed to validate: the warm path of `probis validate` must not pay for them).
_RENDER_NAMES = {
    "RENDER_FORMATS": "FORMATS",
    "RENDER_MANIFEST": "MANIFEST",
    "Notify": "Notify",
    "ProgressFn": "ProgressFn",
    "RenderError": "RenderError",
    "RenderOptions": "RenderOptions",
    "RenderResult": "RenderResult",
    "render_engine_text": "engine_text",
    "render_kinds": "render_kinds",
}


def __getattr__(name: str) -> Any:
    """The names of :mod:`probis_cli.api_render` this facade offers, imported when first asked for."""
    if name in _RENDER_NAMES:
        from probis_cli import api_render

        value = getattr(api_render, _RENDER_NAMES[name])
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class Loaded:
    """A repository as read: its root, files, index, and the read/schema/reference findings."""

    root: Path
    sources: list[SourceFile]
    index: Index
    findings: list[Finding]
    scope: list[str] = field(default_factory=list)  # relative paths asked for ('' = everything)
    state: State | None = None  # what the last check left for this one (see load(incremental=True))
    discovery: tuple[tuple[str, ...], list[Problem]] | None = None  # exclusions used, problems met
    texts_dropped: bool = False  # see load(keep_texts=False)

    def source_texts(self) -> dict[str, str]:
        """Relative path -> text, for reporters that show the offending line."""
        if self.texts_dropped:
            return _Texts(self.sources)
        return {s.path: s.text for s in self.sources}

    def in_scope(self, path: str) -> bool:
        """Whether findings on ``path`` belong to what the user asked to check."""
        if not self.scope or "" in self.scope:
            return True
        return any(path == s or path.startswith(s.rstrip("/") + "/") for s in self.scope)


class _Texts(dict[str, str]):
    """The texts of the files, those not kept read again when asked for (a report shows the
    lines of the few files with findings). Holds what was kept and what was asked for."""

    def __init__(self, sources: list[SourceFile]) -> None:
        super().__init__((s.path, s.text) for s in sources if s.text or not s.digest)
        self._dropped = {s.path: s for s in sources if not s.text and s.digest}

    def __missing__(self, path: str) -> str:
        source = self._dropped[path]
        text = ""
        try:
            raw = fs.read_limited(source.abspath, MAX_BYTES)
        except OSError:
            raw = b""
        if raw and digest_bytes(raw) == source.digest:  # else changed since: no line beats a wrong one
            text = (decode(raw)[0] or "").replace("\r\n", "\n").replace("\r", "\n")
        self[path] = text
        return text

    def get(self, path: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The text of ``path`` (read again if it was not kept); ``default`` for an unknown path."""
        return self[path] if path in self or path in self._dropped else default


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


class NoRepository(Exception):
    """No ``probis.yaml`` at or above the path asked for: not a probis repository."""

    def __init__(self, start: Path) -> None:
        super().__init__(str(start))
        self.start = start
        self.marker = MARKER


def _root_settings(root: Path) -> tuple[dict[str, Any], Any]:
    """``pengaturan`` of probis.yaml read before discovery, with its position tree."""
    return early.root_settings(root)


def discovery_exclude(root: Path) -> tuple[list[str], list[Finding]]:
    """The patterns discovery leaves out (``kecualikan``, the render output folder), and a
    finding for each pattern that is not valid."""
    settings, pos = _root_settings(root)
    exclude, bad = early.exclude_patterns(settings)
    findings: list[Finding] = []
    for i, item, error in bad:
        where = locate(pos, ("pengaturan", "kecualikan", i)) if pos is not None else None
        location = Location(MARKER, *(where or (None, None)))
        name, severity = ENGINE_CODES["P003"]
        findings.append(
            Finding("P003", name, severity, location, Message.of("read.bad_exclude", pattern=item, detail=error))
        )
    return exclude, findings


def _discover(root: Path) -> tuple[Discovery, list[Finding]]:
    """Discovery honouring the settings, and findings for what could not be taken in."""
    found, findings, _ = _discover_excluding(root)
    return found, findings


def _discover_excluding(root: Path, read: Prefetched | None = None) -> tuple[Discovery, list[Finding], list[str]]:
    """:func:`_discover`, and the patterns it left out (``read``: its discovery, when it is of the
    same root with the same patterns)."""
    exclude, findings = discovery_exclude(root)
    if read is not None and read.root == root and read.exclude == tuple(exclude):
        found = read.found
    else:
        found = discover_all(root, exclude=exclude)
    for problem in found.problems:
        findings.append(
            core_finding("Y011", Location(problem.path, None, None), problem.message_id, **dict(problem.args))
        )
    return found, findings, exclude


def discover_paths(root: Path) -> list[Path]:
    """The YAML files of the repository at ``root``, honouring its settings and .gitignore."""
    return _discover(root)[0].files


def find_repository(start: Path) -> Path:
    """The root of the repository holding ``start``; :class:`NoRepository` when there is none."""
    root = find_root(start)
    if root is None:
        raise NoRepository(start.resolve())
    return root


class Prefetched(Protocol):
    """Files a caller already discovered and read (the warm lookup that missed: ``warm.Read``)."""

    root: Path
    exclude: tuple[str, ...]
    found: Discovery
    data: dict[Path, bytes]
    digests: dict[Path, str]


def load(
    paths: Sequence[Path] | Path,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    incremental: bool = False,
    read: Prefetched | None = None,
    keep_texts: bool = True,
) -> Loaded:
    """Find the repository containing ``paths``, read all of it, and index it.

    ``incremental``: reuse what the last check of this repository saved in its cache folder
    (reference checks of unchanged documents; :func:`check` then reruns only the rules whose
    inputs changed, and saves the state again). The findings are the same either way.

    The repository is the nearest folder at or above the first path holding ``probis.yaml``
    (like git); raises :class:`NoRepository` when there is none and FileNotFoundError for a
    path that does not exist. The whole repository is always read (references cross files);
    ``paths`` only narrows which files' findings are reported. ``keep_texts=False``: the
    sources keep their text only where lint reads it (suppression comments); the others are
    read again by :meth:`Loaded.source_texts` when a report shows one of their lines.
    """
    targets = [paths] if isinstance(paths, Path) else list(paths) or [Path(".")]
    for target in targets:
        if not target.exists():
            raise FileNotFoundError(str(target))
    root = find_repository(targets[0])
    scope: list[str] = []
    for target in targets:
        resolved = target.resolve()
        scope.append(
            "" if resolved == root else resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else ""
        )
    with gc_paused():
        found, findings, exclude = _discover_excluding(root, read)
        paths = found.files
        stored = StoredModels(root, keep=_checked_before(root)) if incremental and use_cache else None
        data = read.data if read is not None and read.found is found else {}
        digests = read.digests if read is not None and read.found is found else {}
        prepared = read.prepared if isinstance(read, early.Early) and read.found is found else None
        if isinstance(read, early.Early) and prepared is None:
            read.prepared.discard()  # started for other files: its workers are let go
        slots = _built(
            root, paths, stored, data, digests, prepared, use_cache=use_cache, workers=workers, keep_texts=keep_texts
        )
        sources: list[SourceFile] = []
        documents: list[Document[Any]] = []
        broken: list[Broken] = []
        for slot in slots:
            if slot is not None:
                sources.append(slot[0])
                documents.extend(slot[1])
                findings.extend(slot[2])
                broken.extend(slot[3])
        del slots
        _give_back_freed_memory()
        if stored is not None:
            stored.save({stored_key(s.path, s.digest) for s in sources if s.digest})
        state = _read_state(root, sources) if incremental else None
        index, ref_findings = build_index(root, documents, broken, cache=state.index if state else None)
    findings.extend(ref_findings)
    return Loaded(root, sources, index, findings, scope, state, (tuple(exclude), found.problems), not keep_texts)


Built = tuple[SourceFile, list[Document[Any]], list[Finding], list[Broken]]


def _give_back_freed_memory() -> None:
    """Return to the system what loading freed: the files' bytes and the parse results are gone
    once the models exist, but glibc keeps freed blocks amid the heap for reuse, and little
    reuses them (malloc_trim hands their pages back: a city's peak is ≈10 MB lower)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to give back this way
        pass


def _built(
    root: Path,
    paths: list[Path],
    stored: StoredModels | None,
    data: dict[Path, bytes],
    digests: dict[Path, str],
    prepared: Prepared | None,
    *,
    use_cache: bool,
    workers: int | None,
    keep_texts: bool = True,
) -> list[Built | None]:
    """Each file read and validated, in path order (so that everything after is deterministic);
    with ``stored``, the files whose bytes did not change since the last run are not validated
    again: what was built of them then is taken back (and what is built now is kept).
    ``prepared``: these files read, and maybe being parsed already (:mod:`probis_cli.source.early`)."""
    slots: list[Built | None] = [None] * len(paths)
    todo = list(range(len(paths)))
    if stored is not None and (stored.base or stored.delta):  # nothing kept (a first run): nothing to look up
        todo = []
        prefix = str(root).rstrip(os.sep) + os.sep
        for i, path in enumerate(paths):
            slot = _stored_slot(stored, path, prefix, data.get(path), digests.get(path))
            if slot is None:
                todo.append(i)
            slots[i] = slot
    # A few changed files among many kept: parsing them costs less than reading the parse cache.
    parse_cache = use_cache and (stored is None or len(todo) > FEW_CHANGED or len(todo) == len(paths))
    # Documents kept for later runs keep their position trees; the others find them again when asked.
    lazy = stored is None or not stored.keep
    reading = iter_sources(
        root,
        [paths[i] for i in todo],
        use_cache=parse_cache,
        workers=workers,
        prepared=prepared,
        lazy_positions=lazy,
        texts=keep_texts,
    )
    for j, source in reading:
        broken: list[Broken] = []
        docs, found_here = build_documents(source, broken)
        if stored is not None and source.digest:
            stored.put(source.path, source.digest, (docs, found_here, broken, source.issues))
        # The raw data trees are not needed once the models exist (positions live on in the
        # documents): dropping them halves the memory of a province. Validated as soon as
        # parsed: workers keep parsing meanwhile.
        text = source.text if keep_texts or SUPPRESSION.search(source.text) else ""  # see load()
        kept = SourceFile(source.path, source.abspath, text, (), source.issues, source.digest)
        slots[todo[j]] = (kept, docs, found_here, broken)
    return slots


def _stored_slot(
    stored: StoredModels, path: Path, prefix: str, raw: bytes | None, digest: str | None = None
) -> Built | None:
    """The file ``path`` as the last run built it, when its bytes (``raw``: as already read, with
    their ``digest``) are the same (None: build it)."""
    if raw is None or len(raw) > MAX_BYTES:
        digest = None
        try:
            raw = fs.read_limited(path, MAX_BYTES)
        except OSError:
            return None  # reported by the reader
    text_path = str(path)
    rel = text_path[len(prefix) :].replace(os.sep, "/") if text_path.startswith(prefix) else path.as_posix()
    digest = digest or digest_bytes(raw)
    entry = stored.get(rel, digest)
    if entry is None:
        return None
    documents, found_here, broken, issues = entry
    text, _ = decode(raw)
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(rel, path, text, (), issues, digest), documents, list(found_here), broken


def _checked_before(root: Path) -> bool:
    """Whether an incremental check of ``root`` ran here before: only then are the validated
    documents worth keeping (a first run, as in CI, would pay for writing them and never read them)."""
    from probis_cli.lint.incremental import STATE_FILE

    folder = fs.cache_folder(root)
    return folder is not None and (folder / STATE_FILE).is_file()


def _read_state(root: Path, sources: list[SourceFile]) -> State:
    from probis_cli.lint.incremental import State, read_state

    state = read_state(root) or State()
    state.use_digests({s.path: s.digest for s in sources})
    return state


@dataclass(frozen=True)
class CheckOptions:
    """What to run and how strictly (CLI flags override probis.yaml)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lint: bool = True
    baseline: Path | None = None
    use_baseline: bool = True


def check(loaded: Loaded, options: CheckOptions = CheckOptions(), *, cache: LintCache | None = None) -> Result:
    """Run the linter (if enabled) over a loaded repository and apply selection; ``cache``
    keeps rule results for the next check of the same repository (same findings, less work)."""
    # The engine always runs: with lint off it runs no rule, but configuration, inline
    # suppressions and the baseline still apply to the read/schema/reference findings.
    from probis_cli.lint.engine import run_lint

    state = loaded.state if cache is None else None
    with gc_paused():
        outcome = run_lint(loaded, options, cache=cache if state is None else state.lint)
    if state is not None:
        from probis_cli.lint.incremental import write_state

        write_state(loaded.root, state)
    findings = outcome.findings
    suppressed, baselined = outcome.suppressed, outcome.baselined
    kept = [
        f
        for f in findings
        if loaded.in_scope(f.location.path)
        and (not options.select or matches_any(f.code, f.name, options.select))
        and not matches_any(f.code, f.name, options.ignore)
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


def discover_repository(root: Path) -> tuple[list[Path], list[Finding]]:
    """The YAML files of the repository at ``root`` and the findings for what could not be
    taken in (bad ``kecualikan`` patterns, unreadable folders): what :func:`load` starts from,
    for callers that keep a repository in memory and re-read only what changed."""
    found, findings = _discover(root)
    return found.files, findings


def render(
    path: Path,
    options: RenderOptions | None = None,
    notify: Notify = lambda message_id, **args: None,
    progress: ProgressFn | None = None,
) -> RenderResult:
    """Render the repository holding ``path``: the one entry point of ``probis render``.

    Refuses (``refused_errors``) when the repository has error findings, unless
    ``options.force``; raises :class:`RenderError` for what stops the render and
    :class:`NoRepository` when there is no repository. ``notify(message_id, **args)`` receives
    the lines to show as they happen; ``progress(done, total)`` the progress of the writing.
    """
    from probis_cli.api_render import RenderError, RenderOptions, RenderResult, render_repository

    options = options if options is not None else RenderOptions()
    try:
        loaded = load(path, use_cache=options.use_cache)
    except FileNotFoundError as exc:
        raise RenderError("cli.path_missing", path=str(exc)) from None
    # The same findings 'probis validate' reports (lint rules, suppressions, baseline).
    errors = [f for f in check(loaded).findings if f.severity >= Severity.ERROR]
    if errors and not options.force:
        # Diagrams of faulty data look authoritative: never a silent green.
        return RenderResult(refused_errors=len(errors))
    if errors:
        notify("cli.render_has_errors", count=len(errors))
    digests = {s.path: s.digest for s in loaded.sources}
    return render_repository(loaded.root, loaded.index, digests, options, notify, progress)


def repository_language(start: Path) -> str | None:
    """``pengaturan.bahasa`` of the repository holding ``start`` (``id``/``en``), if set."""
    try:
        root = find_root(start) if start.exists() else None
    except OSError:
        return None
    if root is None:
        return None
    value = _root_settings(root)[0].get("bahasa")
    return value if value in ("id", "en") else None
