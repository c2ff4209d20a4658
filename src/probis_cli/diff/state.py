"""A repository state read from git objects: the same discovery rules, the same loader.

Discovery of a past state follows discovery on disk (``source.discover``): YAML suffixes,
hidden and always-skipped folders, ``pengaturan.kecualikan`` and the render output folder of
*that* state's probis.yaml, and the .gitignore files of that state below the repository
root. Parsing is shared: one parse per distinct content (the parse cache's digest), so a file
unchanged between BASE and HEAD (equal blob ids) is read once, and content already in
``.probis-cache`` is not parsed again at all.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path, PurePosixPath
from typing import Any

from probis_cli.api import Loaded, gc_paused
from probis_cli.findings import Finding
from probis_cli.index import build_index
from probis_cli.model.build import Broken, Document, build_documents
from probis_cli.source.discover import ALWAYS_SKIPPED_DIRS, YAML_SUFFIXES, IgnoreRules, glob_error, matches_any
from probis_cli.source.loader import (
    PARALLEL_MIN_FILES,
    BadEntry,
    ParseCache,
    SourceFile,
    _digest,
    _pack,
    _parse_chunk_blob,
    _unpack,
)
from probis_cli.source.reader import MAX_BYTES, ReadIssue, decode, read_bytes


def root_settings(raw: bytes | None) -> dict[str, Any]:
    """``pengaturan`` of a probis.yaml given as bytes (as api reads it from disk)."""
    if raw is None:
        return {}
    for doc in read_bytes(raw).documents:
        if isinstance(doc.data, dict) and isinstance(doc.data.get("pengaturan"), dict):
            return dict(doc.data["pengaturan"])
    return {}


def exclusions(settings: dict[str, Any]) -> list[str]:
    """The globs discovery skips: ``kecualikan`` plus the render output folder (a pattern
    that is not a valid glob is left out, as on disk, where it is reported as P003)."""
    raw = settings.get("kecualikan")
    exclude = [x for x in (raw if isinstance(raw, list) else []) if isinstance(x, str) and glob_error(x) is None]
    render = settings.get("render")
    if isinstance(render, dict) and isinstance(render.get("keluaran"), str) and glob_error(render["keluaran"]) is None:
        exclude.append(render["keluaran"])
    return exclude


def discover_in_tree(paths: Iterable[str], contents: dict[str, bytes], exclude: list[str]) -> list[str]:
    """The YAML documents among ``paths`` (posix, relative to the repository root), sorted.

    ``contents`` gives the bytes of the .gitignore files. The rules are those of
    :func:`probis_cli.source.discover.discover`: a folder that is hidden, always skipped,
    excluded or ignored hides everything below it (its own .gitignore included); deeper
    .gitignore files come after shallower ones, so their rules win.
    """
    # All rules are known before any path is judged; that equals the walk on disk, because a
    # folder's rules only match below that folder, which the walk reaches after reading them.
    all_paths = sorted(set(paths))
    skipped: dict[str, bool] = {"": False}
    rules = IgnoreRules()

    def folder_skipped(folder: str) -> bool:
        if folder in skipped:
            return skipped[folder]
        parent, _, name = folder.rpartition("/")
        result = (
            folder_skipped(parent)
            or name.startswith(".")
            or name in ALWAYS_SKIPPED_DIRS
            or matches_any(folder, exclude)
            or rules.ignored(folder, True)
        )
        skipped[folder] = result
        return result

    # .gitignore files by depth (a folder's rules before its subfolders'), as os.walk adds them.
    ignores = sorted((p for p in all_paths if PurePosixPath(p).name == ".gitignore"), key=lambda p: (p.count("/"), p))
    for path in ignores:
        folder = path.rpartition("/")[0]
        if folder and folder_skipped(folder):
            continue
        text = contents.get(path, b"").decode("utf-8", "replace")
        for line in text.splitlines():
            rules.add(line, folder)
    found: list[str] = []
    for path in all_paths:
        folder, _, name = path.rpartition("/")
        if not name.endswith(YAML_SUFFIXES) or name.startswith("."):
            continue
        if folder_skipped(folder):
            continue
        if matches_any(path, exclude) or rules.ignored(path, False):
            continue
        found.append(path)
    return found


class ParseShare:
    """Parse results by content digest, shared by every state of one diff run.

    Seeded read-only from the repository's ``.probis-cache`` (never written: a diff must not
    evict the working tree's entries).
    """

    def __init__(self, root: Path, *, use_cache: bool) -> None:
        self.entries: dict[str, bytes] = dict(ParseCache(root, enabled=use_cache).entries)
        self.parsed = 0  # how many contents this run had to parse
        # Models built from one (path, content) are the same in every state: built once.
        self.built: dict[tuple[str, str], tuple[SourceFile, list[Document[Any]], list[Finding], list[Broken]]] = {}

    def ensure(self, raws: dict[str, bytes], *, workers: int | None = None) -> None:
        """Parse every content of ``raws`` (digest -> bytes) not known yet."""
        todo = [d for d in sorted(raws) if d not in self.entries]
        self.parsed += len(todo)
        n_workers = workers if workers is not None else (os.cpu_count() or 1)
        if n_workers > 1 and len(todo) >= PARALLEL_MIN_FILES:
            n_chunks = n_workers * 8
            chunks = [todo[k::n_chunks] for k in range(n_chunks)]
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("fork")) as pool:
                for chunk, blob in zip(chunks, pool.map(_parse_chunk_blob, [[raws[d] for d in c] for c in chunks])):
                    for digest, packed in zip(chunk, marshal.loads(blob)):
                        self.entries[digest] = packed
        else:
            for digest in todo:
                self.entries[digest] = marshal.dumps(_pack(read_bytes(raws[digest])))

    def source(self, root: Path, rel: str, raw: bytes) -> SourceFile:
        """The SourceFile of ``rel`` with content ``raw`` (parsed already by :meth:`ensure`)."""
        digest = _digest(raw)
        try:
            documents, issues = _unpack(marshal.loads(self.entries[digest]))
        except (BadEntry, ValueError, EOFError, TypeError):  # a doubtful cache entry: parse again
            result = read_bytes(raw)
            documents, issues = result.documents, result.issues
        text, _ = decode(raw)
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
        return SourceFile(rel, root / rel, text, documents, issues, digest)


def _too_large(root: Path, rel: str) -> SourceFile:
    issue = ReadIssue("Y009", "read.too_large", None, None, (("mb", MAX_BYTES // (1024 * 1024)),))
    return SourceFile(rel, root / rel, "", (), (issue,), "")


def load_contents(
    root: Path, files: Mapping[str, bytes | None], share: ParseShare, *, workers: int | None = None
) -> Loaded:
    """Load a repository given as (relative path -> bytes), like :func:`probis_cli.api.load`;
    None stands for a file too large to read (reported as Y009, as on disk)."""
    paths = sorted(files)
    share.ensure({_digest(raw): raw for raw in (files[p] for p in paths) if raw is not None}, workers=workers)
    with gc_paused():
        sources: list[SourceFile] = []
        documents: list[Document[Any]] = []
        findings: list[Finding] = []
        broken: list[Broken] = []
        for rel in paths:
            raw = files[rel]
            key = (rel, _digest(raw) if raw is not None else "")
            built = share.built.get(key)
            if built is None:
                source = share.source(root, rel, raw) if raw is not None else _too_large(root, rel)
                mine: list[Broken] = []
                docs, found = build_documents(source, mine)
                built = (dataclasses.replace(source, documents=()), docs, found, mine)
                share.built[key] = built
            sources.append(built[0])
            documents.extend(built[1])
            findings.extend(built[2])
            broken.extend(built[3])
        index, ref_findings = build_index(root, documents, broken)
    findings.extend(ref_findings)
    return Loaded(root, sources, index, findings, [])
