"""PageWriter: write_page with each folder checked once per build."""

from __future__ import annotations

from pathlib import Path

import pytest

from probis_cli import fs
from probis_cli.site.write import PageWriter


def test_page_writer_checks_each_folder_and_writes_only_changes(tmp_path: Path) -> None:
    out = tmp_path / "situs"
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "sop").mkdir(parents=True)
    (out / "opd").symlink_to(outside, target_is_directory=True)
    write = PageWriter(out)
    assert write("sop/a.html", b"a") and write("sop/b.html", b"b")
    assert not write("sop/a.html", b"a")  # unchanged: not written
    assert write("sop/a.html", b"A") and (out / "sop" / "a.html").read_bytes() == b"A"
    with pytest.raises(fs.OutsideError):
        write("opd/x.html", b"x")
    assert not any(outside.iterdir())
    assert PageWriter(out, force=True)("sop/b.html", b"b")  # forced: written again
