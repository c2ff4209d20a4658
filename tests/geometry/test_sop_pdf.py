"""The printable SOP AP (``render --format pdf``): pages exactly A4/F4 landscape, fonts
embedded, identitas page + prosedur pages, byte-identical, a confined and checked logo."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.index import Index
from probis_cli.render.base import RenderContext
from probis_cli.render.graphviz import Engine, find_engine
from probis_cli.render.pdf_sop import LOGO_LIMIT, PAPER, compose, logo_kind, read_logo, render_sop_ap
from tests.cli.conftest import Run
from tests.geometry.stress import KODE, write_stress_repo

CTX = RenderContext(lang="id")
# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _load(root: Path) -> Index:
    return api.load(root, use_cache=False).index


@pytest.fixture(scope="module")
def engine() -> Engine:
    return find_engine("auto")


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def _media_boxes(pdf: bytes) -> set[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return {(round(float(w), 2), round(float(h), 2)) for w, h in boxes}


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_stress_sop_ap_is_exactly_landscape_paper(kertas: str, tmp_path: Path, engine: Engine) -> None:
    index = _load(write_stress_repo(tmp_path, kertas=kertas, logo="logo.png"))
    (tmp_path / "logo.png").write_bytes(PNG)
    artifact = {a.path: a for a in render_sop_ap(index, CTX)}[f"sop/{KODE}"]
    spec = json.loads(artifact.text())
    assert spec["kertas"] == kertas
    assert len(spec["sop"][0]["pages"]) >= 4  # 40 long steps do not fit on fewer pages
    pdf = compose(artifact.text(), engine)
    width, height = PAPER[kertas]
    assert _media_boxes(pdf) == {(round(width, 2), round(height, 2))}
    assert width > height  # landscape
    assert _pages(pdf) == 1 + len(spec["sop"][0]["pages"])  # identitas + prosedur pages
    assert b"/FontFile2" in pdf and b"LiberationSans" in pdf  # embedded TrueType subsets
    assert compose(artifact.text(), engine) == pdf  # byte-identical


def test_logo_is_read_only_when_safe(tmp_path: Path) -> None:
    repo = write_stress_repo(tmp_path / "repo", logo="logo.png")
    (repo / "logo.png").write_bytes(PNG)
    assert read_logo(_load(repo)) == ("png", base64.b64encode(PNG).decode())
    # a symlink out of the repository
    outside = tmp_path / "secret.png"
    outside.write_bytes(PNG)
    (repo / "logo.png").unlink()
    (repo / "logo.png").symlink_to(outside)
    assert read_logo(_load(repo)) is None
    # too large, and not an image
    (repo / "logo.png").unlink()
    (repo / "logo.png").write_bytes(PNG + b"\0" * LOGO_LIMIT)
    assert read_logo(_load(repo)) is None
    (repo / "logo.png").write_bytes(b"#!/bin/sh\necho hi\n")
    assert read_logo(_load(repo)) is None
    assert logo_kind(b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>') == "svg"
    assert logo_kind(b"\xff\xd8\xff\xe0....") == "jpeg"


def test_render_format_pdf_writes_one_sop_ap_per_sop_and_a_bundle_per_opd(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    repo = write_stress_repo(tmp_path / "repo")
    out = tmp_path / "out"
    run = cli("render", str(repo), "--out", str(out), "--format", "pdf", "--jenis", "sop", "--no-cache")
    assert run.exit_code == 0, run.stderr
    assert (out / f"sop/{KODE}.pdf").is_file()
    assert (out / "sop/SOP-DINKES-001.pdf").is_file()
    bundle = (out / "sop/opd/dinkes.pdf").read_bytes()
    single = [(out / f"sop/{k}.pdf").read_bytes() for k in ("SOP-DINKES-001", KODE)]
    assert _pages(bundle) == sum(_pages(p) for p in single)
    # SVG only: no PDF, no bundle
    run = cli("render", str(repo), "--out", str(tmp_path / "svg"), "--format", "svg", "--jenis", "sop", "--no-cache")
    assert run.exit_code == 0, run.stderr
    assert not list((tmp_path / "svg").rglob("*.pdf"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_every_page_says_halaman_x_dari_y(tmp_path: Path, engine: Engine) -> None:
    index = _load(write_stress_repo(tmp_path / "repo"))
    artifact = {a.path: a for a in render_sop_ap(index, CTX)}["sop/opd/dinkes"]
    (tmp_path / "b.pdf").write_bytes(compose(artifact.text(), engine))
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    numbers = re.findall(r"Halaman (\d+) dari (\d+)", text)
    # two SOPs in the bundle, each numbered from 1 to its own page count
    totals = sorted({int(y) for _, y in numbers})
    assert len(totals) == 2
    assert [int(x) for x, _ in numbers] == [*range(1, totals[0] + 1), *range(1, totals[1] + 1)] or [
        int(x) for x, _ in numbers
    ] == [*range(1, totals[1] + 1), *range(1, totals[0] + 1)]
    assert "PENERBITAN IZIN OPERASIONAL" in text  # the identitas page's nama
