"""Flags with an Indonesian name accept the English alias the README lists (and vice versa)."""

from __future__ import annotations

from typing import Any

import pytest

from probis_cli.cli.main import build_command

ALIASES = [
    (("render",), "--paksa", "--force"),
    (("render",), "--semua", "--rebuild"),
    (("render",), "--jenis", "--kind"),
    (("render",), "--kode", "--code"),
    (("validate",), "--buat-baseline", "--write-baseline"),
    (("validate",), "--tanpa-baseline", "--no-baseline"),
    (("impor", "sop"), "--paksa", "--force"),
    (("ekspor", "sop"), "--tanpa-gambar", "--no-images"),
    (("init",), "--tanya", "--ask"),
    (("init",), "--tanpa-tanya", "--no-ask"),
    (("laporan",), "--tanpa-git", "--no-git"),
]


def _command(path: tuple[str, ...]) -> Any:
    command = build_command("id")
    for name in path:
        command = command.commands[name]
    return command


@pytest.mark.parametrize(("path", "indonesian", "english"), ALIASES)
def test_both_spellings_name_the_same_option(path: tuple[str, ...], indonesian: str, english: str) -> None:
    options = [p for p in _command(path).params if indonesian in p.opts + p.secondary_opts]
    assert len(options) == 1, f"{' '.join(path)} has no {indonesian}"
    option = options[0]
    same_side = option.opts if indonesian in option.opts else option.secondary_opts
    assert english in same_side
