"""The benchmark repository generator behind ``benchmarks/generate.py`` (its docstring describes the output).

Data: ``scales`` (sizes, Pemda, defect kinds), ``words`` (object types and their processes, pihak luar,
dasar hukum), ``programs`` (programs, program penunjang, sekretariat profiles), ``names``, ``sop_words``
and ``steps_pub`` / ``steps_svc`` / ``steps_int`` (SOP step templates per flow); ``catalogue`` parses
``benchmarks/catalogue.txt``. Building: ``entities`` (what is built), ``base`` (state and shared helpers),
then the stages ``opds`` -> ``processes`` -> ``sops`` -> ``defects``, combined by ``generator.Generator``.
Output: ``yamltext`` and ``render`` (YAML text), ``writer`` (``generate`` and ``write``).
"""
