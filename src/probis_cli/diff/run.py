"""``probis diff`` as a library call: find both states, load and lint them, compare."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from probis_cli import api
from probis_cli.diff.compare import compare_findings, compare_states, opd_names
from probis_cli.diff.git import GitError, TreeFile, default_base, git_toplevel, list_tree, read_blobs, verify_revision
from probis_cli.diff.model import DiffResult, State
from probis_cli.diff.state import ParseShare, discover_in_tree, exclusions, load_contents, root_settings
from probis_cli.findings import Severity
from probis_cli.source.discover import YAML_SUFFIXES
from probis_cli.source.reader import MAX_BYTES

# The findings of both states are compared whole: the baseline hides accepted findings from
# validate, but a diff asks what this change adds, so it compares without one.
DIFF_CHECK = api.CheckOptions(use_baseline=False)


def _wanted(tree: list[TreeFile]) -> list[TreeFile]:
    """The files discovery may need: YAML documents and .gitignore files."""
    return [f for f in tree if f.path.endswith(YAML_SUFFIXES) or PurePosixPath(f.path).name == ".gitignore"]


def _state_files(tree: list[TreeFile], blobs: Mapping[str, bytes | None]) -> dict[str, bytes | None]:
    """Relative path -> bytes of the documents discovery keeps in one commit's tree."""
    by_path = {f.path: blobs[f.blob] for f in tree}
    texts = {p: raw for p, raw in by_path.items() if raw is not None}
    exclude = exclusions(root_settings(texts.get("probis.yaml")))
    kept = discover_in_tree(by_path, texts, exclude)
    return {p: by_path[p] for p in kept}


def run_diff(
    path: Path,
    base: str | None = None,
    head: str | None = None,
    *,
    use_cache: bool = True,
    env: Mapping[str, str] | None = None,
    workers: int | None = None,
) -> DiffResult:
    """Compare BASE (default: merge-base with the default branch) with HEAD (default: the
    working tree) of the probis repository at ``path``. Raises GitError, FileNotFoundError or
    api.NoRepository."""
    if not path.exists():
        raise FileNotFoundError(str(path))
    root = api.find_repository(path)
    top = git_toplevel(root)
    if top is None:
        raise GitError("diff.not_git", path=str(path))
    prefix = root.relative_to(top).as_posix() if root != top and root.is_relative_to(top) else ""
    if base is None:
        base_label, base_commit = default_base(top, dict(os.environ if env is None else env))
    else:
        base_label, base_commit = base, verify_revision(top, base)
    head_commit = verify_revision(top, head) if head is not None else None
    base_tree = _wanted(list_tree(top, base_commit, prefix))
    head_tree = _wanted(list_tree(top, head_commit, prefix)) if head_commit is not None else []
    # One cat-file for both states; a blob unchanged between them is read once.
    blobs = read_blobs(top, [f.blob for f in base_tree + head_tree], limit=MAX_BYTES)
    if head_commit is None:
        head_loaded = api.load(root, use_cache=use_cache, workers=workers)  # fills .probis-cache first
    share = ParseShare(root, use_cache=use_cache)
    base_loaded = load_contents(root, _state_files(base_tree, blobs), share, workers=workers)
    if head_commit is not None:
        head_loaded = load_contents(root, _state_files(head_tree, blobs), share, workers=workers)
    base_result = api.check(base_loaded, DIFF_CHECK)
    head_result = api.check(head_loaded, DIFF_CHECK)
    introduced, resolved = compare_findings(base_result, head_result)
    before = {src.path: src.digest for src in base_loaded.sources}
    after = {src.path: src.digest for src in head_loaded.sources}
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    unreadable = frozenset(
        f.location.path for f in head_result.findings if f.code[:1] in ("Y", "S") and f.severity >= Severity.ERROR
    )
    return DiffResult(
        base=State(base_label, base_commit, len(base_loaded.sources)),
        head=State(head or "", head_commit, len(head_loaded.sources)),
        changes=compare_states(base_loaded.index, head_loaded.index, changed, unreadable),
        introduced=introduced,
        resolved=resolved,
        opd_names=opd_names(base_loaded.index, head_loaded.index),
    )
