"""Build the contents of a render (DOT sources, Markdown drafts) and lay them out, on every core.

Renderers return their contents through the render memo; while it defers
(:meth:`~probis_cli.render.memo.RenderMemo.deferring`), a content not remembered comes back as a
:class:`~probis_cli.render.memo.Pending` holding its build function. :func:`build_pending` then
runs those functions in forked worker processes, which inherit the index and the functions
themselves (nothing is pickled on the way in; only the texts come back), and hands each text to
its Pending in the original order. A content is a pure function of the index and the settings,
so the texts are the same bytes a serial build gives (a test compares them).

A chunk whose build raises (a Pemda's template that breaks, say) is built again here, serially,
so the exception reaches the caller exactly as in a serial run.

:func:`lay_out` then lays the DOT sources out with one engine, in worker processes when there
are many; the engine is chosen once, in the parent (``auto`` is not measured per worker).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any, TypeVar

from probis_cli.render.memo import Pending

PARALLEL_MIN = 64  # fewer contents than this are built here: starting workers costs more
CHUNK_MAX = 48
PARALLEL_MIN_JOBS = 24  # fewer layouts than this are done here
KILLABLE_MIN_BYTES = 8_000_000  # of DOT, for workers without deadline checks (see lay_out)
T = TypeVar("T")

_CALLS: Sequence[Callable[[], Any]] = ()  # set in the parent just before the workers fork


def _call_chunk(bounds: tuple[int, int]) -> list[Any] | None:
    """Worker: the results of ``_CALLS[start:stop]``, or None when one of them raised."""
    start, stop = bounds
    try:
        return [_CALLS[i]() for i in range(start, stop)]
    except Exception:  # the parent calls this chunk again and gets the exception itself
        return None


def worker_count(workers: int | None) -> int:
    """``workers`` (``--jobs``), else the number of cores."""
    return workers if workers is not None else (os.cpu_count() or 1)


def call_forked(calls: Sequence[Callable[[], T]], workers: int | None, *, minimum: int | None = None) -> list[T]:
    """``[call() for call in calls]``, computed by forked workers when there are ``minimum`` or
    more (default :data:`PARALLEL_MIN`; they inherit everything the calls read, only the
    results are pickled back).

    A chunk that raised in its worker is called again here, so the exception reaches the
    caller exactly as from a serial loop; so is every call when the workers cannot run.
    """
    global _CALLS
    n_workers = worker_count(workers)
    if n_workers < 2 or len(calls) < (PARALLEL_MIN if minimum is None else minimum):
        return [call() for call in calls]
    size = max(1, min(CHUNK_MAX, len(calls) // (n_workers * 8)))
    bounds = [(k, min(k + size, len(calls))) for k in range(0, len(calls), size)]
    results: list[list[T] | None] = []
    _CALLS = calls
    try:
        with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("fork")) as pool:
            results = list(pool.map(_call_chunk, bounds))
    except BrokenProcessPool:  # a worker died (out of memory, say): do it here
        results = [None] * len(bounds)
    finally:
        _CALLS = ()
    out: list[T] = []
    for (start, stop), chunk in zip(bounds, results):
        out.extend(chunk if chunk is not None else [calls[i]() for i in range(start, stop)])
    return out


def build_pending(pending: Sequence[Pending], workers: int | None = None) -> None:
    """Build every not yet built content of ``pending``, in worker processes when there are many."""
    todo = [p for p in pending if not p.done]
    for item, text in zip(todo, call_forked([p.build for p in todo], workers)):
        item.set(text)


_ENGINE: Any = None
Result = tuple[bytes | None, str, str]  # (output, error code, detail)


_TEXTS: Sequence[tuple[str, str]] = ()  # (dot, fmt) to lay out: set in the parent before the workers fork


def _layout_chunk(args: tuple[str, float, bool, list[int]]) -> list[Result]:
    """Worker: lay out the ``(dot, fmt)`` pairs ``_TEXTS[k]`` of the chunk (inherited, not
    pickled) with one engine per process, with the parent engine's timeout (``killable``: with the
    WebAssembly module that has no deadline checks, a render past its deadline ending this
    process)."""
    from probis_cli.render.graphviz import find_engine

    global _ENGINE
    kind, timeout, killable, chunk = args
    if _ENGINE is None:
        if killable:
            from probis_cli.render.layout.wasm import enter_killable_worker

            enter_killable_worker()
        _ENGINE = find_engine(kind, timeout=timeout)  # type: ignore[arg-type]
    return [_attempt(_ENGINE, *_TEXTS[k]) for k in chunk]


def _attempt(engine: Any, text: str, fmt: str) -> Result:
    """The bytes of one job (a layout, or the printable SOP AP, which lays out its pages)."""
    from probis_cli.render.graphviz import RenderError

    try:
        if fmt == "sop-ap":
            from probis_cli.render.pdf_sop import compose

            return compose(text, engine), "", ""
        data: bytes = engine.render(text, fmt)
        return data, "", ""
    except RenderError as exc:
        return None, exc.code, exc.detail or exc.message


def lay_out(
    engine: Any,
    items: Sequence[tuple[Callable[[], str], str]],
    workers: int | None,
    done: Callable[[int, bytes | None, str, str], None],
) -> None:
    """Lay out ``(text, format)`` items; ``done(k, output or None, error code, detail)`` for each,
    in the order they are done (in worker processes when there are many)."""
    # Compile the WebAssembly module once here: forked workers inherit it (instead of each
    # compiling it again, ~1 s), and the caller can keep it for the next run.
    engine.prepare()
    n_workers = worker_count(workers)
    if n_workers < 2 or len(items) < PARALLEL_MIN_JOBS:
        for k, (text, fmt) in enumerate(items):
            done(k, *_attempt(engine, text(), fmt))
        return
    texts = [(text(), fmt) for text, fmt in items]
    # Longest first (a Pemda-wide map takes seconds, a flowchart page milliseconds), so that
    # no long layout is left for one core at the end; each chunk is handed back as it is done,
    # so the files are written while the workers go on.
    order = sorted(range(len(texts)), key=lambda k: -len(texts[k][0]))
    size = max(1, min(16, len(items) // (n_workers * 4) or 1))
    chunks = [order[k : k + size] for k in range(0, len(order), size)]
    # Compiling the module without deadline checks costs about a second: worth it only for
    # much to lay out (a quarter of ~1 s per MB of DOT).
    prepare_workers = getattr(engine, "prepare_workers", None)
    much = sum(len(text) for text, _ in texts) >= KILLABLE_MIN_BYTES
    killable = bool(much and prepare_workers is not None and prepare_workers())
    timeout = float(engine.timeout)  # both engines have one
    left = set(range(len(chunks)))
    global _TEXTS
    _TEXTS = texts
    try:
        with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("fork")) as pool:
            futures = {
                pool.submit(_layout_chunk, (engine.kind, timeout, killable, chunk)): n for n, chunk in enumerate(chunks)
            }
            for future in as_completed(futures):
                try:
                    results = future.result()
                except BrokenProcessPool:  # a worker died (past a deadline, out of memory): below
                    continue
                left.discard(futures[future])
                for k, result in zip(chunks[futures[future]], results):
                    done(k, *result)
    finally:
        _TEXTS = ()
    # What a dead worker left is laid out here, with the deadline-checking engine.
    for n in sorted(left):
        for k in chunks[n]:
            done(k, *_attempt(engine, *texts[k]))
