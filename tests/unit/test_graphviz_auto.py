"""``--engine auto``: the faster engine of this machine, measured once, remembered signed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pytest

from probis_cli import fs
from probis_cli.render.graphviz import RenderError, WasmEngine
from probis_cli.render.layout import auto


class Fake:
    def __init__(self, kind: str, fails: bool = False) -> None:
        self.kind = kind
        self.fails = fails
        self.renders = 0

    def prepare(self) -> None:
        pass

    def render(self, dot_source: str, fmt: Literal["svg"]) -> bytes:
        if self.fails:
            raise RenderError("failed", "rusak", engine=self.kind)
        self.renders += 1
        return b"<svg/>"


@pytest.fixture(autouse=True)
def fresh() -> None:
    auto.forget()


def _costs(**seconds: float) -> tuple[list[str], Any]:
    """A ``measure`` that says these CPU seconds per diagram, and the list of engines it measured."""
    calls: list[str] = []

    def measure(engine: Fake) -> float:
        calls.append(engine.kind)
        return seconds[engine.kind]

    return calls, measure


def test_the_faster_engine_is_chosen_and_remembered(tmp_path: Path) -> None:
    calls, measure = _costs(system=0.002, wasm=0.010)
    assert auto.choose(Fake("system"), Fake("wasm"), "k1", folder=tmp_path, measure=measure) == "system"
    assert sorted(calls) == ["system", "wasm"]
    auto.forget()  # a new process: read back, not measured again
    assert auto.choose(Fake("system"), Fake("wasm"), "k1", folder=tmp_path, measure=measure) == "system"
    assert len(calls) == 2
    record = json.loads(fs.verified((tmp_path / auto.CHOICE_FILE).read_bytes()) or b"")
    assert record["choice"] == "system" and record["key"] == "k1"
    assert record["ms_per_diagram"] == {"system": 2.0, "wasm": 10.0}


def test_the_system_dot_must_be_clearly_faster(tmp_path: Path) -> None:
    # Within the margin the WebAssembly engine wins: it draws the same bytes on every machine.
    _calls, measure = _costs(system=0.009, wasm=0.010)
    assert auto.choose(Fake("system"), Fake("wasm"), "k", folder=tmp_path, measure=measure) == "wasm"


def test_a_new_version_measures_again(tmp_path: Path) -> None:
    calls, measure = _costs(system=0.002, wasm=0.010)
    auto.choose(Fake("system"), Fake("wasm"), "dot 2.43", folder=tmp_path, measure=measure)
    auto.forget()
    auto.choose(Fake("system"), Fake("wasm"), "dot 12.2", folder=tmp_path, measure=measure)
    assert len(calls) == 4


def test_a_record_not_signed_by_this_machine_is_ignored(tmp_path: Path) -> None:
    forged = {"key": "k", "choice": "system", "ms_per_diagram": {}}
    (tmp_path / auto.CHOICE_FILE).write_bytes(b"\0" * 32 + json.dumps(forged).encode())
    calls, measure = _costs(system=0.010, wasm=0.002)
    assert auto.choose(Fake("system"), Fake("wasm"), "k", folder=tmp_path, measure=measure) == "wasm"
    assert calls  # measured, the forged record was not believed


def test_an_engine_that_cannot_lay_out_loses_and_nothing_is_remembered(tmp_path: Path) -> None:
    assert auto.choose(Fake("system", fails=True), Fake("wasm"), "k", folder=tmp_path) == "wasm"
    assert not (tmp_path / auto.CHOICE_FILE).exists()


def test_the_cost_is_cpu_per_sample_diagram_best_of_rounds() -> None:
    ticks = iter([0.0, 0.9, 1.0, 1.3, 2.0, 2.6])
    engine = Fake("wasm")
    assert auto.cost(engine, clock=lambda: next(ticks)) == pytest.approx(0.3 / len(auto.sample_dots()))
    assert engine.renders == 1 + auto.ROUNDS * len(auto.sample_dots())


def test_the_samples_lay_out_with_the_webassembly_engine() -> None:
    svgs = [WasmEngine().render(dot, "svg") for dot in auto.sample_dots()]
    assert all(svg.startswith(b"<?xml") and b"</svg>" in svg for svg in svgs)
