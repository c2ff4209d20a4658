"""The benchmark repository generator behind ``benchmarks/generate.py`` (see its docstring)."""
