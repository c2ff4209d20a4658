"""Write a generated repository to disk (replacing a previous generated one)."""

from __future__ import annotations

import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .generator import Generator
from .render import render_opd, render_pemda, render_proses, render_rpjmd, render_sop

_GENERATED_TOP = ("probis.yaml", "rpjmd.yaml", "opd", "proses", "sop", ".gitignore", "README.md")


def _prepare(out: Path) -> None:
    if out.exists():
        entries = [p.name for p in out.iterdir()]
        if entries and "probis.yaml" not in entries:
            raise FileExistsError(f"{out} is not empty and does not look like a generated repository")
        for name in _GENERATED_TOP:
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out.mkdir(parents=True, exist_ok=True)


def generate(out: Path, scale: str, seed: int = 1, defect_rate: float = 0.01) -> dict[str, Any]:
    """Write a synthetic repository of ``scale`` into ``out``; return counts, bytes and seeded defects per kind."""
    t0 = time.perf_counter()
    g = Generator(scale, seed, defect_rate)
    g.run()
    info = write(g, Path(out))
    info["seconds"] = round(time.perf_counter() - t0, 3)
    return info


def write(g: Generator, out: Path) -> dict[str, Any]:
    """Render and write a generated repository (replacing a previous generated one in ``out``)."""
    _prepare(out)
    files: list[tuple[str, str]] = [("probis.yaml", render_pemda(g)), ("rpjmd.yaml", render_rpjmd(g))]
    files.append((".gitignore", "build/\n.probis-cache/\n"))
    files.append(("README.md", f"# Peta Proses Bisnis dan SOP AP Pemerintah {g.pemda['nama']}\n\n"
                               "Repositori sintetis untuk uji kinerja probis (benchmarks/generate.py).\n"))  # fmt: skip
    for o in g.opds:
        files.append((f"opd/{o.kode}.yaml", render_opd(g, o)))
    for o in g.opds:
        for p in o.procs:
            files.append((f"proses/{o.kode}/{p.kode}.yaml", render_proses(p)))
        for s in o.sops:
            files.append((f"sop/{o.kode}/{s.kode}.yaml", render_sop(s)))
    for parent in sorted({rel.rpartition("/")[0] for rel, _ in files} - {""}):
        (out / parent).mkdir(parents=True, exist_ok=True)
    blobs = [(out / rel, text.encode("utf-8")) for rel, text in files]
    # File creation dominates on slow filesystems; writes release the GIL, so a few threads help.
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda item: item[0].write_bytes(item[1]), blobs, chunksize=64))
    total = sum(len(data) for path, data in blobs if path.suffix == ".yaml")
    yaml_files = sum(1 for path, _ in blobs if path.suffix == ".yaml")
    procs = [p for o in g.opds for p in o.procs]
    defect_counts: dict[str, int] = {}
    for kind, _ in g.defects:
        defect_counts[kind] = defect_counts.get(kind, 0) + 1
    return {
        "scale": g.scale_name,
        "seed": g.seed,
        "defect_rate": g.defect_rate,
        "out": str(out),
        "opd": len(g.opds),
        "proses": len(procs),
        "proses_per_level": {lv: sum(1 for p in procs if p.level == lv) for lv in (1, 2, 3)},
        "sop": sum(len(o.sops) for o in g.opds),
        "langkah": sum(len(s.langkah) for o in g.opds for s in o.sops),
        "kegiatan": sum(len(o.kegiatan) for o in g.opds),
        "program": len(g.programs_used),
        "files": yaml_files,
        "bytes": total,
        "defects": defect_counts,
    }
