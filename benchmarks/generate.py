"""Generate a synthetic but realistic probis repository for benchmarks.

    python benchmarks/generate.py --scale city|province|mini --out DIR [--seed N] [--defect-rate R] [--list-defects]

    from generate import generate   # (benchmarks/ on sys.path)
    info = generate(Path("repo"), "city", seed=1, defect_rate=0.01)   # counts, bytes, defects per kind

Scales: ``mini`` (3 OPD, 20 proses, 20 SOP, for tests), ``city`` (a Pemerintah Kota: 40 OPD,
2,000 proses, 2,000 SOP) and ``province`` (a Pemerintah Provinsi: 200 OPD, 10,000 proses,
10,000 SOP). The layout is that of a real repository::

    probis.yaml  rpjmd.yaml  opd/<kode>.yaml  proses/<opd>/<KODE>.yaml  sop/<opd>/<KODE>.yaml

The YAML is written by hand (string building, no dumper), block style with flow lists and
flow mappings where a person would use them, codes unquoted as officials type them
(``urusan: [2.16, 2.20]``, ``kode: 1.02.02.2.01``, an unquoted 18-digit NIP).

Content comes from ``benchmarks/catalogue.txt``: real OPD, their bidang and seksi, programs
and kegiatan in the Permendagri 90/2019 nomenclature shape (``X.XX.XX.X.XX.XXXX``, the level
digit 2 for a kota and 1 for a provinsi), and the services each bidang delivers. Every OPD
also carries the program penunjang kegiatan ``X.XX.01.<t>.01 … .09`` (with .04 for OPD
collecting retribusi and .10 for BLUD). Kecamatan (kota) and UPTD / cabang dinas / RSUD
(provinsi) are instances of one template and share their kegiatan codes; those codes are
listed under ``pengaturan.lint.kegiatan_bersama`` in probis.yaml.

Processes are levels 1-3 per OPD (L1 one per bidang plus manajemen / pendukung groups for
the penunjang program, L2 one per kegiatan, L3 one per service), every L1 and L2 linked to
its kegiatan, half of the L3 to a sub kegiatan. Every lowest-level process has at least one
SOP (≈12 langkah: mulai … keputusan ya/tidak … selesai, measurable mutu baku waktu), a
cross-functional map (``aktivitas``) and a relationship map (masukan from pihak luar or from
another OPD's process output, keluaran to pihak luar / OPD / jabatan). The SOP unit is the
process pemilik, keluaran names are unique across OPD, each process has one pemilik.

The generated repository is valid: zero schema and reference findings. ``defect_rate``
(default 0.01) sprinkles lint-worthy defects over ``defect_rate × (proses + SOP)`` documents,
one defect per document, each kind equally often:

* ``sop-tanpa-proses``       an SOP without ``proses`` and not listed by its process (so the
                             process may also become a lowest-level process without SOP);
* ``unit-sop-berbeda``       an SOP whose ``unit`` is another unit of the OPD than the
                             process pemilik;
* ``keluaran-tumpang-tindih`` a (non-penunjang) process that also declares another OPD's
                             keluaran name;
* ``pemilik-ganda``          a process owned by its unit and by another OPD;
* ``tanpa-kegiatan``         a level-1 process group (and everything below it) with no
                             kegiatan link;
* ``waktu-tidak-terukur``    an SOP step whose mutu baku waktu is "segera" / "secepatnya" /
                             "sesuai kebutuhan";
* ``keputusan-satu-cabang``  an SOP decision with a single exit;
* ``kegiatan-tumpang-tindih`` an OPD that also declares another OPD's (non-penunjang,
                             non-bersama) kegiatan (often of an urusan it does not hold).

Defects use their own random stream, so the same seed gives the same base repository
whatever the rate. Output is byte-identical for the same (scale, seed, defect_rate).

This file is the command line; the generator itself is the package ``benchmarks/repogen/``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# The package beside this script; importers (bench.py, the tests) may load this file by path.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from repogen.generator import Generator  # noqa: E402
from repogen.scales import DEFECT_KINDS, SCALES  # noqa: E402
from repogen.writer import generate, write  # noqa: E402

__all__ = ["DEFECT_KINDS", "SCALES", "Generator", "generate", "main", "write"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", choices=list(SCALES), required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--defect-rate", type=float, default=0.01)
    ap.add_argument("--list-defects", action="store_true", help="also print each seeded defect and its file")
    args = ap.parse_args(argv)
    if not 0.0 <= args.defect_rate <= 1.0:
        ap.error("--defect-rate must be between 0 and 1")
    t0 = time.perf_counter()
    g = Generator(args.scale, args.seed, args.defect_rate)
    g.run()
    info = write(g, args.out)
    info["seconds"] = round(time.perf_counter() - t0, 3)
    lv = info["proses_per_level"]
    print(f"scale {info['scale']} seed {info['seed']} -> {info['out']}")
    print(f"  opd {info['opd']}, proses {info['proses']} (level 1/2/3: {lv[1]}/{lv[2]}/{lv[3]}), sop {info['sop']} "
          f"({info['langkah']} langkah), kegiatan {info['kegiatan']}, program {info['program']}")  # fmt: skip
    print(f"  {info['files']} YAML files, {info['bytes']:,} bytes ({info['bytes'] / 1e6:.1f} MB)")
    defects = ", ".join(f"{k} {v}" for k, v in sorted(info["defects"].items())) or "none"
    print(f"  defects (rate {info['defect_rate']}): {defects}")
    print(f"  generated in {info['seconds']:.2f} s")
    if args.list_defects:
        for kind, path in g.defects:
            print(f"    {kind:<24} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
