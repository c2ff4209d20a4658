"""Moved to :mod:`probis_cli.durasi` (render and office read durations too); kept as an alias."""

from __future__ import annotations

from probis_cli.durasi import (
    MENIT_PER_SATUAN,
    UNMEASURABLE_WORDS,
    Durasi,
    Satuan,
    format_durasi,
    hedge_after_number,
    is_frequency,
    parse_durasi,
    vague_word,
)

__all__ = [
    "MENIT_PER_SATUAN",
    "UNMEASURABLE_WORDS",
    "Durasi",
    "Satuan",
    "format_durasi",
    "hedge_after_number",
    "is_frequency",
    "parse_durasi",
    "vague_word",
]
