"""The old name of :mod:`probis_cli.render.graphviz` (the Graphviz runtimes; ``lint/engine.py``
is the lint engine). Kept only while ``cli/ekspor.py``, ``cli/situs.py`` and ``tests/geometry``
still import it; new code imports ``probis_cli.render.graphviz``."""

from probis_cli.render.graphviz import Engine, EngineError, EngineUnavailable, find_engine

__all__ = ["Engine", "EngineError", "EngineUnavailable", "find_engine"]
