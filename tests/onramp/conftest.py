"""Fixtures of the on-ramp commands (init, baru, fmt, ganti-kode, laporan)."""

from __future__ import annotations

from tests.cli.conftest import cli  # noqa: F401  (the in-process CLI runner fixture)
