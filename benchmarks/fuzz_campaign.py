"""A long mutation-fuzz campaign over the example repositories (not part of the test suite).

The same seeded mutator as ``tests/fuzz`` (lines deleted/duplicated/swapped, indentation and
tabs, scalars replaced by other types, codes, huge or unicode values, keys renamed, YAML
syntax injected, truncation, bad bytes), many more documents. Each round mutates a few
documents of a private copy of ``examples/kota-contoh`` or ``examples/kota-bermasalah``
and checks the repository in-process (``api.load`` + ``api.check``); an exception or a
P000 finding is a crash. Crashing inputs are saved for reproduction::

    python benchmarks/fuzz_campaign.py                      # 100,000 documents, 2 processes
    python benchmarks/fuzz_campaign.py --documents 5000 --workers 1 --seed 7
    python benchmarks/fuzz_campaign.py --documents 20000 --render   # renderers too (DOT/Markdown)
    python benchmarks/fuzz_campaign.py --replay fuzz-crashes/P000-K017/seed-123

A saved crash is a folder ``<out>/<kind>/seed-<n>/`` holding the mutated files (at their
paths in the repository) and ``info.txt`` (example, seed, detail). ``--replay`` copies the
example, puts the saved files in place and prints what ``probis validate`` reports.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz.mutator import Crash, FuzzRepo  # noqa: E402

EXAMPLES = ("kota-contoh", "kota-bermasalah")


def _safe(kind: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in kind)[:80]


def _save(out: Path, example: str, seed: int, crash: Crash) -> Path:
    folder = out / _safe(crash.kind) / f"seed-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    for rel, data in crash.files.items():
        target = folder / "files" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (folder / "info.txt").write_text(
        f"example: examples/{example}\nseed: {seed}\nkind: {crash.kind}\n\n{crash.detail}\n", encoding="utf-8"
    )
    return folder


def _work(
    args: tuple[int, int, int, int, str, int, int, bool],
) -> tuple[int, int, list[tuple[int, str, str, str]], float]:
    """Run rounds ``start, start+step, ...`` until ``documents`` are mutated; return counts and crashes."""
    start, step, documents, per_round, out, memory_mb, timeout, render = args
    import gc
    import resource
    import signal

    # A blow-up must show as a crash (MemoryError, TimeoutError), not take the machine down.
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    def _alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"round took more than {timeout} s")

    signal.signal(signal.SIGALRM, _alarm)

    workdir = Path(tempfile.mkdtemp(prefix="probis-fuzz-"))
    try:
        repos = [FuzzRepo(ROOT / "examples" / name, workdir) for name in EXAMPLES]
        done = rounds = 0
        crashes: list[tuple[int, str, str, str]] = []
        seen: collections.Counter[str] = collections.Counter()
        seed = start
        started = time.perf_counter()
        while done < documents:
            repo_i = (seed // step) % len(repos)  # every process alternates between the examples
            signal.alarm(timeout)
            try:
                n, found = repos[repo_i].round(random.Random(seed), per_round, render=render)
            finally:
                signal.alarm(0)
            done += n
            rounds += 1
            for crash in found:
                seen[crash.kind] += 1
                folder = ""
                if seen[crash.kind] <= 5:  # a few reproducers per kind are enough
                    folder = str(_save(Path(out), EXAMPLES[repo_i], seed, crash))
                crashes.append((seed, crash.kind, crash.detail.strip().splitlines()[-1][:200], folder))
            gc.unfreeze()  # api.load freezes what it built; let the collector see it again
            if rounds % 100 == 0:
                gc.collect()
            if rounds % 500 == 0:
                print(f"  worker {start}: {done:,} documents, {len(crashes)} crashes", flush=True)
            seed += step
        return done, rounds, crashes, time.perf_counter() - started
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def replay(folder: Path) -> int:
    info = (folder / "info.txt").read_text(encoding="utf-8")
    example = info.splitlines()[0].split(": ", 1)[1]
    workdir = Path(tempfile.mkdtemp(prefix="probis-replay-"))
    root = workdir / Path(example).name
    shutil.copytree(ROOT / example, root)
    for path in sorted((folder / "files").rglob("*")):
        if path.is_file():
            shutil.copyfile(path, root / path.relative_to(folder / "files"))
    print(f"replaying {folder} in {root}")
    from probis_cli import api

    loaded = api.load(root, use_cache=False, workers=1)  # an exception here shows its traceback
    result = api.check(loaded)
    for f in result.findings:
        print(f"{f.location}  {f.code}  {f.text('en')}")
    print(f"{len(result.findings)} findings")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000, help="mutated documents in all (default 100000)")
    parser.add_argument("--per-round", type=int, default=10, help="documents mutated per repository check")
    parser.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"), help="folder for crashing inputs")
    parser.add_argument("--memory-mb", type=int, default=3000, help="address-space limit per process (0: none)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per round before it counts as a hang")
    parser.add_argument("--render", action="store_true", help="also build every diagram and document (no layout)")
    parser.add_argument("--replay", type=Path, help="re-run one saved crash folder and show the report")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)
    workers = max(1, args.workers)
    share = -(-args.documents // workers)
    jobs = [
        (
            args.seed + i,
            workers,
            share,
            args.per_round,
            str(args.out.resolve()),
            args.memory_mb,
            args.timeout,
            args.render,
        )
        for i in range(workers)
    ]
    started = time.perf_counter()
    if workers == 1:
        results = [_work(jobs[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            results = pool.map(_work, jobs)
    elapsed = time.perf_counter() - started
    documents = sum(r[0] for r in results)
    rounds = sum(r[1] for r in results)
    crashes = sorted((c for r in results for c in r[2]), key=lambda c: c[0])
    kinds = collections.Counter(c[1] for c in crashes)
    print("| what | value |\n|---|---|")
    print(f"| documents mutated | {documents:,} |")
    print(f"| repositories checked | {rounds:,} |")
    print(f"| crashes | {len(crashes):,} |")
    for kind, n in sorted(kinds.items()):
        print(f"| crash {kind} | {n:,} |")
    print(f"| time | {elapsed:,.0f} s ({documents / elapsed:,.0f} documents/s, {workers} processes) |")
    examples: dict[str, tuple[int, str, str, str]] = {}
    for c in crashes:
        examples.setdefault(c[1], c)
    for kind, (seed, _, last, folder) in sorted(examples.items()):
        print(
            f"\n{kind}: first at seed {seed}: {last}\n  reproduce: python benchmarks/fuzz_campaign.py --replay {folder}"
        )
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
