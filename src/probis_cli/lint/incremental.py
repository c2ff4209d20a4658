"""Rule results kept between runs, keyed by a digest of what each rule reads.

A rule declares what it reads (:class:`~probis_cli.lint.base.Reads`). A rule over some kinds
of document is run again only when a document of those kinds (or one of those kinds that
failed to load) changed, or its options did; a per-document rule only on the documents whose
file changed. Everything is keyed by content digests of files (given by the caller), never
by object identity, so a cache can be kept in memory (``probis lsp``, ``--watch``) or written
to disk and read back (the warm CLI path).
"""

from __future__ import annotations

import dataclasses
import pickle
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probis_cli import fs
from probis_cli.code_digest import code_digest
from probis_cli.digest import digest_bytes, digest_parts
from probis_cli.index import Index, IndexCache
from probis_cli.lint.base import KINDS, Hit, Reads, Rule, declared_reads
from probis_cli.model.build import Document

FileKey = tuple[str, str]  # path, content digest of the file
Runner = Callable[[type[Rule], Index, Any], tuple[list[Hit], list[Any]]]


@dataclass
class LintCache:
    """Hits of each rule from earlier runs.

    ``digests`` (relative path -> content digest of the file) is set by the caller before each
    run; a document whose file has no digest there makes the rules reading it run again.
    """

    digests: Mapping[str, str] = field(default_factory=dict)
    # rule code -> (digest of options and inputs, hits)
    rules: dict[str, tuple[str, list[Hit]]] = field(default_factory=dict)
    # rule code -> options digest, and per file the hits on its documents
    documents: dict[str, tuple[str, dict[FileKey, list[Hit]]]] = field(default_factory=dict)
    ran: list[str] = field(default_factory=list)  # rules (or documents: CODE:path) run in the last run
    quiet: set[FileKey] = field(default_factory=set)  # files without a suppression directive
    seconds: dict[str, float] = field(default_factory=dict)  # rule code -> how long its last whole run took
    # Set by the caller for a first, quick answer: a rule slower than this whose inputs changed is
    # not run; its last hits stand in (listed in ``deferred``) until the next run without it.
    defer_slower_than: float | None = None
    deferred: list[str] = field(default_factory=list)


class Inputs:
    """Digests of the parts of one index, computed once per run and shared by the rules."""

    def __init__(self, index: Index, digests: Mapping[str, str]) -> None:
        self.index = index
        self.digests = digests
        self._kinds: dict[str, str | None] = {}
        self._files: dict[str, dict[FileKey, list[tuple[str, Document[Any]]]] | None] = {}

    def doc_part(self, doc: Document[Any]) -> str | None:
        digest = self.digests.get(doc.path)
        return None if not digest else f"{doc.path}\x01{doc.line}\x01{doc.column}\x01{digest}"

    def kind(self, kind: str) -> str | None:
        """The digest of every document of ``kind`` in the index (and those of it that failed);
        None when one has no known digest."""
        if kind not in self._kinds:
            self._kinds[kind] = self._kind(kind)
        return self._kinds[kind]

    def _kind(self, kind: str) -> str | None:
        index = self.index
        table: Mapping[str, Document[Any] | None]
        if kind in ("pemda", "rpjmd"):
            table = {"": getattr(index, kind)}
        else:
            table = getattr(index, kind)
        parts = [kind]
        for kode, doc in table.items():
            if doc is None:
                continue
            part = self.doc_part(doc)
            if part is None:
                return None
            parts.append(f"{kode}\x01{part}")
        for b in index.failed:
            if b.jenis in (kind, None):
                digest = self.digests.get(b.path)
                if not digest:
                    return None
                parts.append(f"failed\x01{b.jenis}\x01{b.kode}\x01{b.path}\x01{digest}")
        return _digest(parts)

    def files(self, kind: str) -> dict[FileKey, list[tuple[str, Document[Any]]]] | None:
        """The documents of ``kind`` in the index by file (path, digest); None when a digest is unknown."""
        if kind not in self._files:
            found: dict[FileKey, list[tuple[str, Document[Any]]]] = {}
            table: dict[str, Document[Any]] = getattr(self.index, kind)
            for kode, doc in table.items():
                digest = self.digests.get(doc.path)
                if not digest:
                    self._files[kind] = None
                    return None
                found.setdefault((doc.path, digest), []).append((kode, doc))
            self._files[kind] = found
        return self._files[kind]

    def settings(self, rule: type[Rule], options: Any) -> str:
        """A digest of a rule's options: they come from the Pemda document's settings alone
        (``lint.config``), so its digest stands for them (no serialising options every run)."""
        pemda = self.kind("pemda")
        return _digest([rule.code, pemda]) if pemda is not None else options_digest(options)

    def everything(self) -> str | None:
        """The digest of every document, in order (duplicates included), and every kind."""
        parts = []
        for kind in sorted(KINDS):
            part = self.kind(kind)
            if part is None:
                return None
            parts.append(part)
        for doc in self.index.documents:
            part = self.doc_part(doc)
            if part is None:
                return None
            parts.append(part)
        return digest_parts(parts)

    def of(self, reads: Reads) -> str | None:
        """The digest of what a rule with ``reads`` reads."""
        if reads.kinds is None:
            return self.everything()
        parts = []
        for kind in sorted(reads.kinds):
            part = self.kind(kind)
            if part is None:
                return None
            parts.append(part)
        return digest_parts(parts)


def _digest(parts: list[str]) -> str:
    # One update of the hash: thousands of small ones cost more than the hashing itself.
    return digest_bytes("\n".join(parts).encode("utf-8", errors="surrogatepass"))


def options_digest(options: Any) -> str:
    """A digest of a rule's validated options."""
    dump = options.model_dump_json() if hasattr(options, "model_dump_json") else repr(options)
    return digest_parts([type(options).__qualname__, dump])


def run_cached(
    rule: type[Rule], index: Index, options: Any, cache: LintCache, inputs: Inputs, run: Runner
) -> tuple[list[Hit], list[Any]]:
    """Hits of ``rule`` on ``index``, from ``cache`` where its inputs are unchanged.

    ``run`` runs a rule on an index (with crash isolation); a run that crashed is never cached
    (the failures are reported again each time, exactly as a cold run would).
    """
    reads = declared_reads(rule)
    settings = inputs.settings(rule, options)
    if reads.per_document is not None:
        found = _per_document(rule, index, options, cache, inputs, run, reads.per_document, settings)
        if found is not None:
            return found
    key = inputs.of(reads)
    entry = cache.rules.get(rule.code)
    if key is not None:
        key = digest_parts([settings, key])
        if entry is not None and entry[0] == key:
            return list(entry[1]), []
    slow = cache.defer_slower_than
    if slow is not None and entry is not None and cache.seconds.get(rule.code, 0.0) > slow:
        cache.deferred.append(rule.code)
        return list(entry[1]), []
    cache.ran.append(rule.code)
    started = time.perf_counter()
    hits, failures = run(rule, index, options)
    cache.seconds[rule.code] = time.perf_counter() - started
    if key is not None and not failures:
        cache.rules[rule.code] = (key, hits)
    else:
        cache.rules.pop(rule.code, None)
    return hits, failures


def _per_document(
    rule: type[Rule],
    index: Index,
    options: Any,
    cache: LintCache,
    inputs: Inputs,
    run: Runner,
    kind: str,
    settings: str,
) -> tuple[list[Hit], list[Any]] | None:
    """Run a per-document rule on the documents whose file changed; None to run it whole."""
    current = inputs.files(kind)
    if current is None:
        return None
    old_settings, old = cache.documents.get(rule.code, ("", {}))
    if old_settings != settings:
        old = {}
    if old.keys() != current.keys():
        files = dict(old)
        for gone in old.keys() - current.keys():
            del files[gone]
        fresh = current.keys() - old.keys()
        todo = {kode: doc for key in fresh for kode, doc in current[key]}
        cache.ran.extend(sorted(f"{rule.code}:{key[0]}" for key in fresh))
        view = dataclasses.replace(index)
        setattr(view, kind, todo)  # the same index, but only the documents to judge of this kind
        hits, failures = run(rule, view, options)
        if failures:
            cache.documents.pop(rule.code, None)
            return None  # run whole: crashes are isolated and reported as a cold run does
        by_path = {key[0]: key for key in fresh}
        for key in fresh:
            files[key] = []
        for hit in hits:
            where = by_path.get(hit.location.path)
            if where is None:  # a hit outside the document: the declaration is wrong
                cache.documents.pop(rule.code, None)
                return None
            files[where].append(hit)
        old = files
    cache.documents[rule.code] = (settings, old)
    return [hit for hits in old.values() for hit in hits], []


@dataclass
class State:
    """What one check leaves for the next over the same repository: reference checks and rule hits."""

    index: IndexCache = field(default_factory=IndexCache)
    lint: LintCache = field(default_factory=LintCache)

    def use_digests(self, digests: Mapping[str, str]) -> None:
        """The content digests of the files about to be checked."""
        self.index.digests = self.lint.digests = digests


STATE_FORMAT = 1
STATE_FILE = f"incremental-v{STATE_FORMAT}.pickle"


def _state_header() -> bytes:
    # The rules' results are valid for the code that made them (an upgrade starts cold).
    return f"probis-incremental {STATE_FORMAT} {code_digest()}\n".encode()


STATE_MAX_BYTES = 512 * 1024 * 1024


def read_state(root: Path) -> State | None:
    """The state the last check of ``root`` saved; None when there is none or it is in any doubt.

    The file is signed with the machine's key (:func:`probis_cli.fs.signed`): only what probis
    itself wrote on this machine is unpickled; a damaged, foreign or forged file is ignored and
    the check starts cold.
    """
    folder = fs.cache_folder(root)
    if folder is None:
        return None
    try:
        data = fs.verified(fs.read_limited(folder / STATE_FILE, STATE_MAX_BYTES))
    except OSError:
        return None
    header = _state_header()
    if data is None or not data.startswith(header):
        return None
    try:
        state = pickle.loads(memoryview(data)[len(header) :])
    except Exception:  # noqa: BLE001 - a signed file from an older probis: start cold
        return None
    if not isinstance(state, State) or not isinstance(state.index, IndexCache) or not isinstance(state.lint, LintCache):
        return None
    return state


def write_state(root: Path, state: State) -> None:
    """Save ``state`` for the next check of ``root`` (atomically; a failure only costs speed)."""
    folder = fs.cache_folder(root)
    if folder is None:
        return
    state.use_digests({})  # the next run sets its own
    try:
        payload = _state_header() + pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        fs.ensure_dir_inside(root, folder)
        gitignore = folder / ".gitignore"
        if not gitignore.exists() and not gitignore.is_symlink():
            fs.write_atomic(gitignore, "# dibuat otomatis oleh probis\n*\n", root=root)
        fs.write_atomic(folder / STATE_FILE, fs.signed(payload), root=root)
    except (OSError, fs.OutsideError, pickle.PicklingError, TypeError):
        pass
