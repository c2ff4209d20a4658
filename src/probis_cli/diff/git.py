"""Read a repository's past states straight from git objects (no checkout, no clone).

Every git call is a list argv (never a shell). A revision typed by the user is verified
with ``rev-parse --verify REV^{commit}`` after ``--end-of-options``, and one starting with
``-`` is refused before git sees it, so repository content or user input never becomes a
git option.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """git cannot give what was asked; ``message_id`` and ``args`` say why (for the CLI)."""

    def __init__(self, message_id: str, **args: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    # No pager, no prompts, no locale-dependent output; never read a repository-local
    # configuration of hooks (git runs none for these read-only commands anyway).
    env.update({"GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"})
    try:
        return subprocess.run(
            ["git", "-C", str(cwd), *args],
            input=stdin,
            capture_output=True,
            check=False,
            env=env,
        )
    except FileNotFoundError:
        raise GitError("diff.git_missing") from None


def git_toplevel(path: Path) -> Path | None:
    """The top folder of the git work tree containing ``path``; None outside git."""
    here = path if path.is_dir() else path.parent
    done = _git(here, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        return None
    text = done.stdout.decode("utf-8", "surrogateescape").strip()
    return Path(text).resolve() if text else None


def verify_revision(top: Path, revision: str) -> str:
    """The full commit id ``revision`` names; GitError when it names no commit."""
    if not revision or revision.startswith("-") or "\n" in revision or "\0" in revision:
        raise GitError("diff.bad_revision", revision=revision)
    done = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}")
    sha = done.stdout.decode("ascii", "replace").strip()
    if done.returncode != 0 or not sha:
        raise GitError("diff.bad_revision", revision=revision)
    return sha


def _first_commit(top: Path, candidates: list[str]) -> str | None:
    for candidate in candidates:
        try:
            return verify_revision(top, candidate)
        except GitError:
            continue
    return None


def default_base(top: Path, env: dict[str, str] | None = None) -> tuple[str, str]:
    """``(label, commit)`` of the default BASE: the merge-base of HEAD with the default branch.

    The target branch of the pull/merge request when CI says so (GitHub ``GITHUB_BASE_REF``,
    GitLab ``CI_MERGE_REQUEST_DIFF_BASE_SHA`` / ``CI_MERGE_REQUEST_TARGET_BRANCH_NAME``), else
    the remote's default branch (``origin/HEAD``), else ``origin/main``, ``origin/master``,
    ``main``, ``master``.
    """
    env = dict(os.environ) if env is None else env
    mr_base = env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA", "")
    if mr_base:
        return mr_base, verify_revision(top, mr_base)
    candidates: list[str] = []
    for name in (env.get("GITHUB_BASE_REF", ""), env.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "")):
        if name and not name.startswith("-"):
            candidates += [f"origin/{name}", name]
    done = _git(top, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD")
    if done.returncode == 0:
        ref = done.stdout.decode("utf-8", "replace").strip()
        if ref.startswith("refs/remotes/"):
            candidates.append(ref[len("refs/remotes/") :])
    candidates += ["origin/main", "origin/master", "main", "master"]
    for candidate in candidates:
        try:
            branch = verify_revision(top, candidate)
        except GitError:
            continue
        head = verify_revision(top, "HEAD")
        done = _git(top, "merge-base", "--end-of-options", head, branch)
        sha = done.stdout.decode("ascii", "replace").strip()
        if done.returncode == 0 and sha:
            return f"merge-base({candidate})", sha
    raise GitError("diff.no_default_base")


@dataclass(frozen=True, slots=True)
class TreeFile:
    """A regular file of a commit's tree under the repository folder."""

    path: str  # relative to the probis repository root, posix
    blob: str  # git object id


def list_tree(top: Path, commit: str, prefix: str) -> list[TreeFile]:
    """Regular files of ``commit`` under ``prefix`` (git-root relative folder, '' = all).

    Symbolic links and submodules are skipped: their targets are not part of the commit.
    """
    args = ["ls-tree", "-r", "-z", "--full-tree", commit]
    if prefix:
        args += ["--", prefix.rstrip("/") + "/"]
    done = _git(top, *args)
    if done.returncode != 0:
        raise GitError("diff.git_failed", detail=done.stderr.decode("utf-8", "replace").strip())
    cut = len(prefix.rstrip("/")) + 1 if prefix else 0
    out: list[TreeFile] = []
    for entry in done.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, blob = meta.split(b" ")
        if kind != b"blob" or mode not in (b"100644", b"100755"):
            continue
        path = raw_path.decode("utf-8", "surrogateescape")[cut:]
        out.append(TreeFile(path, blob.decode("ascii")))
    return out


def blob_sizes(top: Path, blobs: list[str]) -> dict[str, int]:
    """Sizes of ``blobs`` (one ``git cat-file --batch-check``), to leave out huge ones unread."""
    unique = sorted(set(blobs))
    if not unique:
        return {}
    done = _git(top, "cat-file", "--batch-check", stdin=("\n".join(unique) + "\n").encode("ascii"))
    if done.returncode != 0:
        raise GitError("diff.git_failed", detail=done.stderr.decode("utf-8", "replace").strip())
    out: dict[str, int] = {}
    for line in done.stdout.decode("ascii", "replace").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[2].isdigit():
            out[parts[0]] = int(parts[2])
    return out


def read_blobs(top: Path, blobs: list[str], *, limit: int | None = None) -> dict[str, bytes | None]:
    """The contents of ``blobs`` (object ids), read by one streamed ``git cat-file --batch``;
    None for a blob over ``limit`` bytes (not read: a pull request may hold anything)."""
    unique = sorted(set(blobs))
    if not unique:
        return {}
    out: dict[str, bytes | None] = {}
    if limit is not None:
        sizes = blob_sizes(top, unique)
        for oid in unique:
            if sizes.get(oid, 0) > limit:
                out[oid] = None
        unique = [oid for oid in unique if oid not in out]
        if not unique:
            return out
    done = _git(top, "cat-file", "--batch", stdin=("\n".join(unique) + "\n").encode("ascii"))
    if done.returncode != 0:
        raise GitError("diff.git_failed", detail=done.stderr.decode("utf-8", "replace").strip())
    data = done.stdout
    pos = 0
    for oid in unique:
        end = data.index(b"\n", pos)
        line = data[pos:end]
        header = line.split(b" ")
        pos = end + 1
        if len(header) != 3:  # "<oid> missing"
            raise GitError("diff.git_failed", detail=line.decode("utf-8", "replace"))
        size = int(header[2])
        out[oid] = data[pos : pos + size]
        pos += size + 1  # the content is followed by a newline
    return out
