"""A CODEOWNERS file from ``pengaturan.review.tim``: each OPD's files reviewed by its team.

Documents are found by content, not folder, so ownership comes from the documents: an OPD
document belongs to that OPD, a process to its pemilik (every owning OPD), an SOP to the OPD
of its unit (else of its process). A folder whose documents all belong to the same teams
gets one rule; otherwise each file does. Bagian Organisasi owns everything by default (first
rule) and probis.yaml / rpjmd.yaml explicitly (last rules: later rules win). Paths are
relative to the git top folder, where GitHub and GitLab read CODEOWNERS.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from probis_cli.api import Loaded
from probis_cli.report import platform_prefix

HEADER = (
    "# Dibuat oleh `probis codeowners` dari pengaturan.review.tim di probis.yaml; jangan diubah\n"
    "# langsung, ubah probis.yaml lalu jalankan lagi.\n"
)


def _escape(path: str) -> str:
    return path.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#")


def file_teams(loaded: Loaded) -> dict[str, tuple[str, ...]]:
    """Relative path of each document file -> the teams that review it (sorted, deduplicated)."""
    index = loaded.index
    pemda = index.pemda
    if pemda is None:
        return {}
    tim = pemda.model.pengaturan.review.tim
    bagor = tuple(tim.bagian_organisasi)
    opd_of_file: dict[str, set[str]] = {}
    for kode, doc in index.opd.items():
        opd_of_file.setdefault(doc.path, set()).add(kode)
    for kode, pdoc in index.proses.items():
        opd_of_file.setdefault(pdoc.path, set()).update(index.owners(kode))
    for sdoc in index.sop.values():
        sop = sdoc.model
        opd = (index.opd_of(sop.unit) or sop.unit.split("/")[0]) if sop.unit else None
        owners = [opd] if opd else (index.owners(sop.proses) if sop.proses else [])
        opd_of_file.setdefault(sdoc.path, set()).update(owners)
    out: dict[str, tuple[str, ...]] = {}
    for source in loaded.sources:
        teams: set[str] = set()
        for opd in opd_of_file.get(source.path, ()):
            teams.update(tim.opd.get(opd, ()))
        out[source.path] = tuple(sorted(teams)) or bagor
    return out


def _rules(paths: dict[str, tuple[str, ...]]) -> list[tuple[str, tuple[str, ...]]]:
    """Folder rules where a folder is uniform, file rules elsewhere (root files excluded)."""
    folders: dict[str, set[tuple[str, ...]]] = {}
    for path, teams in paths.items():
        for parent in PurePosixPath(path).parents:
            if str(parent) != ".":
                folders.setdefault(str(parent), set()).add(teams)
    rules: list[tuple[str, tuple[str, ...]]] = []
    done: set[str] = set()
    for path in sorted(paths):
        parents = [str(p) for p in reversed(PurePosixPath(path).parents) if str(p) != "."]
        uniform = next((p for p in parents if len(folders[p]) == 1), None)
        if uniform is None:
            if "/" in path:
                rules.append((path, paths[path]))
        elif uniform not in done:
            done.add(uniform)
            rules.append((uniform + "/", paths[path]))
    return rules


def codeowners(loaded: Loaded) -> str | None:
    """The CODEOWNERS text; None when probis.yaml names no team at all."""
    pemda = loaded.index.pemda
    if pemda is None:
        return None
    tim = pemda.model.pengaturan.review.tim
    if not tim.bagian_organisasi and not any(tim.opd.values()):
        return None
    prefix = platform_prefix(loaded.root)
    bagor = " ".join(tim.bagian_organisasi)
    lines = [HEADER.rstrip("\n")]
    if bagor:
        lines.append(f"/{_escape(prefix)}** {bagor}" if prefix else f"* {bagor}")
    for path, teams in _rules(file_teams(loaded)):
        # The rules cover disjoint paths, so one equal to the default rule says nothing.
        if teams and teams != tuple(tim.bagian_organisasi):
            lines.append(f"/{_escape(prefix + path)} {' '.join(teams)}")
    if bagor:
        for name in ("probis.yaml", *sorted({d.path for d in [loaded.index.rpjmd] if d is not None})):
            lines.append(f"/{_escape(prefix + name)} {bagor}")
    return "\n".join(lines) + "\n"
