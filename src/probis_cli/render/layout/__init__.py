"""The Graphviz runtime behind ``render/graphviz.py``: the WebAssembly engine, DOT scanning for
it, the SVG/PNG/PDF conversions, and the choice of ``--engine auto``. ``graphviz.py`` is the one
module callers import."""
