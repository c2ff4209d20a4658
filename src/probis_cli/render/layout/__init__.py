"""The Graphviz runtime behind ``render/engine.py``: the WebAssembly engine, DOT scanning for
it, and the SVG/PNG/PDF conversions. ``engine.py`` is the one module callers import."""
