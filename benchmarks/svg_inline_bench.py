"""Benchmark ``site.svg.inline_svg_bytes`` (the site's diagram cleaner) against its reference,
the text path ``inline_svg(...).encode()``, over a folder of Graphviz SVG files; print a table.

    python benchmarks/svg_inline_bench.py /tmp/city             # after `probis situs /tmp/city`
    python benchmarks/svg_inline_bench.py DIR --repeat 5
    git show REV:src/probis_cli/site/svg.py > /tmp/svg_before.py
    python benchmarks/svg_inline_bench.py DIR --against /tmp/svg_before.py   # an earlier version too

The folder is read recursively, all into memory first: every ``*.svg`` file, and every layout
of the site's layout pack (``site.store``: what ``probis situs`` laid out, kept in the
repository's cache folder) found under it. Each path is
timed on one core as CPU time (``time.process_time``), best of ``--repeat`` runs, and the
outputs of the two paths are compared byte for byte for every file (a difference is an error).
The resolver is shaped like the site's: a relative link for the kinds p, sop, n, keg, prog and s,
None for the others; the node kinds asked about are the site's ``LINKED_KINDS``.
The floor, measured in the same run, is one ``bytes.lower()`` pass over every file: a single
read and write of all the bytes, which no cleaner can beat. ``--against FILE`` (a copy of an
earlier ``site/svg.py``) times that version's ``inline_svg_bytes`` too and checks its output is
the same; the runs of the paths alternate, so a machine that gets busier slows them alike.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

from probis_cli.site.builder import LINKED_KINDS
from probis_cli.site.store import INDEX_FILE, LayoutStore
from probis_cli.site.svg import inline_svg, inline_svg_bytes

_PAGES = {"p": "proses/{}.html", "sop": "sop/{}.html", "n": "opd/{}.html"}


def resolve(kind: str, code: str) -> tuple[str, str] | None:
    """A link from a page one folder deep, as the site's resolver gives."""
    if kind in _PAGES:
        return ("../" + _PAGES[kind].format(code), f"{code} Nama <{kind}> & “{code}”")
    if kind == "keg":
        return (f"../opd/dinas.html#kegiatan-{code.replace('.', '-')}", f"{code} Kegiatan")
    if kind in ("prog", "s"):
        return (f"../pohon.html#{'program' if kind == 'prog' else 'sasaran'}-{code}", code)
    return None


def _diagrams(folder: Path) -> list[tuple[str, bytes]]:
    """(name, bytes) of every SVG file under ``folder`` and of every layout in a pack there."""
    found = [(str(path), path.read_bytes()) for path in sorted(folder.rglob("*.svg"))]
    for index in sorted(folder.rglob(INDEX_FILE)):
        store = LayoutStore(index.parent)
        for key in sorted(store.entries):
            got = store.get(key)
            if got is not None:
                found.append((f"{index.parent}:{key}", got[0]))
    return found


def _load(
    path: Path,
) -> Callable[[bytes, str, Callable[[str, str], tuple[str, str] | None], str, frozenset[str]], bytes]:
    """``inline_svg_bytes`` of the module at ``path`` (an earlier ``site/svg.py``)."""
    spec = importlib.util.spec_from_file_location("svg_against", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    function: Callable[[bytes, str, Callable[[str, str], tuple[str, str] | None], str, frozenset[str]], bytes]
    function = module.inline_svg_bytes
    return function


def _alternating(runs: dict[str, Callable[[], list[bytes]]], repeat: int) -> dict[str, tuple[float, list[bytes]]]:
    """Best CPU seconds of ``repeat`` rounds of each run (garbage collection off while timed),
    and its output; each round runs every one in turn."""
    best: dict[str, tuple[float, list[bytes]]] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            gc.disable()
            start = time.process_time()
            out = run()
            seconds = time.process_time() - start
            gc.enable()
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, out)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder holding Graphviz .svg files or a layout pack")
    parser.add_argument("--repeat", type=int, default=3, help="runs per path; the best is kept (default 3)")
    parser.add_argument("--against", type=Path, help="an earlier site/svg.py whose inline_svg_bytes to time too")
    args = parser.parse_args(argv)
    found = _diagrams(args.folder)
    if not found:
        parser.error(f"no .svg file or layout pack under {args.folder}")
    paths = [name for name, _data in found]
    svgs = [data for _name, data in found]
    size = sum(map(len, svgs)) / 1e6
    kinds = LINKED_KINDS

    def floor() -> list[bytes]:
        return [svg.lower() for svg in svgs]

    def text_path() -> list[bytes]:
        return [
            inline_svg(svg.decode("utf-8"), f"d{i}", resolve, "Peta <x>", kinds).encode("utf-8")
            for i, svg in enumerate(svgs)
        ]

    def bytes_path() -> list[bytes]:
        return [inline_svg_bytes(svg, f"d{i}", resolve, "Peta <x>", kinds) for i, svg in enumerate(svgs)]

    runs: dict[str, Callable[[], list[bytes]]] = {
        "floor (one bytes.lower() pass)": floor,
        "inline_svg(text).encode()": text_path,
        "inline_svg_bytes": bytes_path,
    }
    if args.against is not None:
        earlier = _load(args.against)

        def earlier_path() -> list[bytes]:
            return [earlier(svg, f"d{i}", resolve, "Peta <x>", kinds) for i, svg in enumerate(svgs)]

        runs[f"inline_svg_bytes of {args.against.name}"] = earlier_path
    timed = _alternating(runs, args.repeat)
    floor_s = timed["floor (one bytes.lower() pass)"][0]
    text_s, reference = timed["inline_svg(text).encode()"]
    different = [
        f"{what}: {name}"
        for what, (_s, output) in timed.items()
        if not what.startswith("floor")
        for name, a, b in zip(paths, reference, output, strict=True)
        if a != b
    ]
    print(f"{len(svgs)} SVG diagrams, {size:.1f} MB, one core, CPU seconds, best of {args.repeat}")
    print(f"{'path':<34}{'seconds':>9}{'MB/s':>9}{'x floor':>9}{'speed-up':>10}")
    for name, (seconds, _output) in timed.items():
        print(f"{name:<34}{seconds:>9.3f}{size / seconds:>9.0f}{seconds / floor_s:>9.1f}{text_s / seconds:>9.2f}x")
    if args.against is not None:
        earlier_s = timed[f"inline_svg_bytes of {args.against.name}"][0]
        print(f"inline_svg_bytes against {args.against.name}: {earlier_s / timed['inline_svg_bytes'][0]:.2f}x as fast")
    if different:
        print(f"DIFFERENT OUTPUT for {len(different)} file(s), e.g. {different[0]}", file=sys.stderr)
        return 1
    print(f"outputs byte-identical for all {len(svgs)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
