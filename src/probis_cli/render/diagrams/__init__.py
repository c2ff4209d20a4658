"""Diagram renderers: index -> DOT artifacts, one registry entry per diagram kind.

Artifact paths (relative, without extension; the format adds it):

* ``hierarki/pemda``, ``hierarki/opd/<opd>`` — pohon kinerja
* ``peta/level-0/pemda``, ``peta/level-0/opd/<opd>`` — Peta Proses Bisnis level 0
* ``peta/level-n/<proses>`` — sub-processes of a process
* ``lintas-fungsi/<proses>`` — Peta Lintas Fungsi of a lowest-level process
* ``relasi/pemda``, ``relasi/matriks``, ``relasi/opd/<opd>``, ``relasi/proses/<proses>`` — Peta Relasi
* ``sop/<sop>/halaman-<n>`` — SOP AP flowchart, one artifact per page
"""

from __future__ import annotations

from probis_cli.render.base import Renderer
from probis_cli.render.diagrams.hierarki import render_hierarki
from probis_cli.render.diagrams.lintas_fungsi import render_lintas_fungsi
from probis_cli.render.diagrams.peta import render_level0, render_level_n
from probis_cli.render.diagrams.relasi import render_relasi
from probis_cli.render.diagrams.sop_flow import render_sop_flow

DIAGRAMS: dict[str, Renderer] = {
    "hierarki": render_hierarki,
    "peta-level-0": render_level0,
    "peta-level-n": render_level_n,
    "lintas-fungsi": render_lintas_fungsi,
    "relasi": render_relasi,
    "sop": render_sop_flow,
}
