"""Time ``probis diff`` on two city-scale states (4,000 files), each a fresh process.

    python benchmarks/bench_diff.py [--scale city|province] [--runs 3]

Generates the repository, commits it, changes a few files (a waktu, an owner, a renamed
process, a new overlap), commits again, and times:

* ``probis diff BASE HEAD`` (both states from git objects; shared parses),
* ``probis diff BASE`` (HEAD = the working tree; parse cache warm, as on a developer's machine),
* ``probis diff BASE HEAD --no-cache`` (cold: every distinct blob parsed once),
* ``probis validate`` (cold, for comparison).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

PROBIS = str(Path(sys.executable).with_name("probis"))
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "b",
    "GIT_AUTHOR_EMAIL": "b@x",
    "GIT_COMMITTER_NAME": "b",
    "GIT_COMMITTER_EMAIL": "b@x",
}


def git(top: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(top), *args], check=True, env=ENV, capture_output=True)


def change_a_few(top: Path) -> int:
    """Edit four files the way a pull request does; return how many."""
    sops = sorted((top / "sop").rglob("*.yaml"))[:2]
    proses = sorted((top / "proses").rglob("*.yaml"))[5:7]
    for path in sops:
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"waktu: (\d+) menit", lambda m: f"waktu: {int(m[1]) + 5} menit", text, count=1), encoding="utf-8"
        )
    for path in proses:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("nama: ", "nama: Revisi ", 1), encoding="utf-8")
    return len(sops) + len(proses)


def best(argv: list[str], runs: int, cwd: Path) -> tuple[float, float, int]:
    """Best wall time and best CPU time (user + sys, worker processes included) of ``runs``."""
    walls, cpus = [], []
    code = 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        code = subprocess.run(argv, cwd=cwd, capture_output=True).returncode
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return min(walls), min(cpus), code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="city")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp) / "repo"
        generate(top, args.scale, seed=1)
        (top / ".gitignore").write_text(".probis-cache/\n", encoding="utf-8")
        files = sum(1 for _ in top.rglob("*.yaml"))
        git(top, "init", "-q", "-b", "main")
        git(top, "add", "-A")
        git(top, "commit", "-q", "-m", "base")
        changed = change_a_few(top)
        git(top, "commit", "-q", "-a", "-m", "change")
        print(f"{args.scale}: {files} files, {changed} changed")
        rows = [
            ("diff HEAD~1 HEAD (cold: no parse cache)", [PROBIS, "diff", "HEAD~1", "HEAD", "--no-cache"]),
            ("validate (cold)", [PROBIS, "validate", "--no-cache"]),
            ("diff HEAD~1 (working tree; parse cache warm)", [PROBIS, "diff", "HEAD~1"]),
            ("diff HEAD~1 HEAD (parse cache warm)", [PROBIS, "diff", "HEAD~1", "HEAD"]),
        ]
        print("| run | wall s | CPU s (user+sys) | exit |")
        print("|---|---|---|---|")
        for label, argv in rows:
            wall, cpu, code = best(argv, args.runs, top)
            print(f"| {label} | {wall:.2f} | {cpu:.2f} | {code} |")
        shutil.rmtree(top / ".probis-cache", ignore_errors=True)


if __name__ == "__main__":
    main()
