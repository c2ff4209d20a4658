"""How long an edit takes to reach the editor's diagnostics (``probis lsp``), and where it goes.

    python benchmarks/lsp_latency.py                 # generates a city repository in a temp dir
    python benchmarks/lsp_latency.py --repo /tmp/city --edits 7

Two measurements on the same repository:

* in process: ``Session.set_buffer`` + ``Session.check`` for one edited process file, before
  incremental checking (every rule, the whole index: ``Session(incremental=False)``) and after:
  the first answer (the quick check the server publishes first: slow rules whose inputs
  changed keep their last hits) and the complete one, with the ratio; plus a profile;
* over the wire: a real ``probis lsp`` subprocess; the time from writing ``didChange`` on
  stdin to reading the ``publishDiagnostics`` that reflects it (with the mistake, and again
  with it fixed) — what a user waits for, JSON-RPC included (the first, quick publication).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from tests.lsp.rpc import LspClient  # noqa: E402

from generate import generate  # noqa: E402
from probis_cli.session import Session  # noqa: E402


def _target(root: Path) -> Path:
    return sorted(root.glob("proses/**/*.yaml"))[len(list(root.glob("proses/**/*.yaml"))) // 2]


def _edits(text: str) -> dict[str, str]:
    """Two edits of a process: one its own file shows (a schema error, S004), one that only the
    whole repository shows (a parent that does not exist, S008)."""
    return {
        "schema (S004)": text.replace("kategori: ", "kategori: x", 1),
        "reference (S008)": text.replace("\nnama: ", "\ninduk: PB.TIDAK.ADA\nnama: ", 1)
        if "\ninduk:" not in text
        else text.replace("\ninduk: ", "\ninduk: X", 1),
    }


def _timed_edits(session: Session, path: Path, edited: str, text: str, edits: int, quick: bool) -> list[list[float]]:
    """Per edit (the mistake, then the fix, alternating): seconds to the first answer and to the
    complete one, and the index and lint phases of the first."""
    rows = []
    for i in range(edits):
        t0, c0 = time.perf_counter(), time.process_time()
        session.set_buffer(path, edited if i % 2 == 0 else text)
        first = session.check(quick=quick)
        t1, c1 = time.perf_counter(), time.process_time()
        session.check()
        t2 = time.perf_counter()
        rows.append([t1 - t0, t2 - t0, first.timings["index"], first.timings["lint"], c1 - c0])
    return rows


def in_process(root: Path, edits: int) -> None:
    import os

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    path = _target(root)
    text = path.read_text()
    results: dict[str, dict[str, list[list[float]]]] = {}
    for label, incremental in (("before (every rule, whole index)", False), ("incremental", True)):
        started = time.perf_counter()
        session = Session.open(root, incremental=incremental)
        session.check()
        print(f"{label}: open + first check {time.perf_counter() - started:.2f} s, {len(session.files)} files")
        results[label] = {
            kind: _timed_edits(session, path, edited, text, edits, quick=incremental)
            for kind, edited in _edits(text).items()
        }
    header = f"{'first answer':>16s} {'complete':>16s} {'index':>8s} {'lint':>8s} {'CPU 1st':>8s}"
    print(f"\n{'in process, ms (median / min)':34s} {header}")
    for label, kinds in results.items():
        for kind, rows in kinds.items():
            cells = []
            for k in range(5):
                values = [r[k] * 1000 for r in rows]
                cells.append(
                    f"{statistics.median(values):7.0f} /{min(values):5.0f}"
                    if k < 2
                    else f"{statistics.median(values):8.0f}"
                )
            line = f"{cells[0]:>16s} {cells[1]:>16s} {cells[2]:>8s} {cells[3]:>8s} {cells[4]:>8s}"
            print(f"{label[:20] + ', ' + kind:34s} {line}")
    before, after = results["before (every rule, whole index)"], results["incremental"]
    for kind in before:
        b = statistics.median(r[0] for r in before[kind])
        a = statistics.median(r[0] for r in after[kind])
        c = statistics.median(r[1] for r in after[kind])
        print(
            f"  {kind}: first answer {b / a:.1f}x faster ({b * 1000:.0f} -> {a * 1000:.0f} ms), complete {b / c:.1f}x"
        )
    profile = cProfile.Profile()
    profile.enable()
    session.set_buffer(path, text.replace("kategori: ", "kategori: y", 1))
    session.check(quick=True)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(15)
    print(out.getvalue())


def over_the_wire(root: Path, edits: int) -> None:
    client = LspClient(root)
    try:
        started = time.perf_counter()
        client.initialize(root)
        path = _target(root)
        uri = path.resolve().as_uri()
        text = path.read_text()
        client.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
        )
        client.settle(uri, lambda d: not any(x["code"] == "S004" for x in d))
        print(f"server start to first diagnostics of the open file: {time.perf_counter() - started:.2f} s")
        # Two edits: one whose finding the file alone shows (a schema error: published at once,
        # before the whole check), one that only the whole check finds (a reference to an
        # unknown process, S008 from the index).
        kinds = {
            "own finding (schema, S004)": (text.replace("kategori: ", "kategori: x", 1), "S004"),
            "cross-file finding (reference, S008)": (
                text.replace("\nnama: ", "\ninduk: PB.TIDAK.ADA\nnama: ", 1)
                if "\ninduk:" not in text
                else text.replace("\ninduk: ", "\ninduk: X", 1),
                "S008",
            ),
        }
        version = 1
        for label, (edited, code) in kinds.items():
            times = []
            for i in range(edits):
                new, want = (edited, True) if i % 2 == 0 else (text, False)
                time.sleep(1.5)  # let the previous check finish: time an edit, not a queue
                client.drain()
                version += 1
                t0 = time.perf_counter()
                client.notify(
                    "textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]},
                )
                client.settle(uri, lambda d, c=code, w=want: any(x["code"] == c for x in d) == w)
                times.append((time.perf_counter() - t0) * 1000)
            print(
                f"edit -> diagnostics over stdio, {label}: median {statistics.median(times):.0f} ms, "
                f"min {min(times):.0f} ms, max {max(times):.0f} ms"
            )
    except AssertionError:
        print(client.stderr()[-3000:], file=sys.stderr)
        raise
    finally:
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, help="an existing repository (default: generate a city)")
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    if args.repo is None:
        tmp = Path(tempfile.mkdtemp(prefix="probis-lsp-"))
        generate(tmp / "city", "city")
        root = tmp / "city"
    else:
        root = args.repo.resolve()
    in_process(root, args.edits)
    over_the_wire(root, args.edits)


if __name__ == "__main__":
    main()
