"""Last change dates from git, when the repository is a git work tree and git is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

_TIMEOUT_S = 20


def last_change(root: Path, paths: list[str]) -> str:
    """``YYYY-MM-DD`` of the last commit touching any of ``paths``; ``""`` when unknown.

    Runs ``git log -1 --format=%cs -- PATHS`` with a list argv (no shell); paths come after
    ``--`` so that none is read as an option. Any failure gives ``""``.
    """
    git = shutil.which("git")
    if git is None or not paths:
        return ""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            [git, "-C", str(root), "log", "-1", "--format=%cs", "--", *paths],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            env=env,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    value = done.stdout.strip()
    return value if done.returncode == 0 and len(value) == 10 else ""


def is_work_tree(root: Path) -> bool:
    """Whether ``root`` is inside a git work tree (and git is installed)."""
    git = shutil.which("git")
    if git is None:
        return False
    try:
        done = subprocess.run(
            [git, "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and done.stdout.strip() == "true"
