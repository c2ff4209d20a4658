"""How long an edit takes to reach the editor's diagnostics (``probis lsp``), and where it goes.

    python benchmarks/lsp_latency.py                 # generates a city repository in a temp dir
    python benchmarks/lsp_latency.py --repo /tmp/city --edits 7

Two measurements on the same repository:

* in process: ``Session.set_buffer`` + ``Session.check`` for one edited process file, split
  into re-parse, index and lint (the engine: rules, suppressions, baseline), plus a profile;
* over the wire: a real ``probis lsp`` subprocess; the time from writing ``didChange`` on
  stdin to reading the ``publishDiagnostics`` that reflects it (with the mistake, and again
  with it fixed) — what a user waits for, JSON-RPC included.
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


def in_process(root: Path, edits: int) -> None:
    started = time.perf_counter()
    session = Session.open(root)
    session.check()
    import os

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"open + first check: {time.perf_counter() - started:.2f} s, {len(session.files)} files")
    path = _target(root)
    text = path.read_text()
    rows = []
    for i in range(edits):
        edited = text.replace("kategori: ", "kategori: x", 1) if i % 2 == 0 else text
        t0 = time.perf_counter()
        session.set_buffer(path, edited)
        t1 = time.perf_counter()
        snapshot = session.check()
        t2 = time.perf_counter()
        rows.append((t1 - t0, snapshot.timings["index"], snapshot.timings["lint"], t2 - t0))
    for name, k in (("re-parse one file", 0), ("index", 1), ("lint (rules+engine)", 2), ("total", 3)):
        values = [r[k] * 1000 for r in rows]
        print(f"  {name:22s} median {statistics.median(values):7.1f} ms   min {min(values):7.1f} ms")
    profile = cProfile.Profile()
    profile.enable()
    session.set_buffer(path, text.replace("kategori: ", "kategori: y", 1))
    session.check()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
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
