"""The Graphviz runtime's shared vocabulary: output formats and the errors it raises
(each with a stable ``code`` for the message catalogue)."""

from __future__ import annotations

from typing import Final, Literal

OutputFormat = Literal["svg", "png", "pdf", "dot"]
OUTPUT_FORMATS: Final[tuple[OutputFormat, ...]] = ("svg", "png", "pdf", "dot")


# --------------------------------------------------------------------------- errors

ErrorCode = Literal[
    # EngineUnavailable
    "bad-preference",
    "system-dot-missing",
    "system-dot-broken",
    "wasm-missing",
    "wasm-broken",
    "no-engine",
    "converter-missing",
    # RenderError
    "syntax",
    "failed",
    "timeout",
    "crash",
    "html-labels",
    "bad-input",
    "convert",
]


class EngineError(Exception):
    """Base of this module's errors: ``code`` for the catalogue, ``detail`` from the tool."""

    def __init__(self, code: ErrorCode, message: str, *, engine: str | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.engine = engine
        self.detail = detail

    def __reduce__(self) -> tuple[object, ...]:  # keep pickling working across processes
        return (_rebuild_error, (type(self), self.code, self.message, self.engine, self.detail))


def _rebuild_error(
    cls: type[EngineError], code: ErrorCode, message: str, engine: str | None, detail: str
) -> EngineError:
    return cls(code, message, engine=engine, detail=detail)


class EngineUnavailable(EngineError):
    """No engine (or no converter for the format) can be used on this machine."""


class RenderError(EngineError):
    """The engine rejected the DOT source or failed while laying it out."""


class RenderTimeout(RenderError):
    """The layout took longer than the engine's timeout and was stopped."""


class UnsupportedFeature(RenderError):
    """The DOT uses something this engine cannot draw (e.g. HTML-like labels in wasm)."""


def _check_format(fmt: str) -> None:
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {OUTPUT_FORMATS}")
