"""Lay out the site's diagrams and write its files: only what changed, stale pages pruned.

Diagrams are laid out by ``probis render``'s own plan and executor into a layout folder (the
repository's cache, or a temporary folder), which keeps them incremental: an unchanged
diagram is not laid out again. Pages embed the SVG inline, so the site holds each diagram
once. A manifest (``.probis-situs.json``) lists the files the site wrote; a later build
removes those it no longer produces, only names shaped like ours, inside the output folder.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from probis_cli import __version__, fs
from probis_cli.digest import digest_bytes
from probis_cli.index import Index
from probis_cli.render import run as render_run
from probis_cli.render.base import Artifact, RenderContext
from probis_cli.render.layouts import LAYOUTS_FILE, LayoutIndex, layout_key
from probis_cli.site.store import LayoutStore

MANIFEST = ".probis-situs.json"
MANIFEST_LIMIT = 64 * 1024 * 1024
PAGE_LIMIT = 256 * 1024 * 1024
SUFFIXES = ("html", "css", "js", "docx", "pdf")
_SAFE = re.compile(r"^[A-Za-z0-9_~\-][A-Za-z0-9_~.\-]*(?:/[A-Za-z0-9_~\-][A-Za-z0-9_~.\-]*)*$")


@dataclass
class Outcome:
    """What writing the site did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@dataclass
class Layout:
    """The laid-out diagrams and what laying them out did."""

    svgs: dict[str, bytes]  # artifact path -> the SVG's bytes (valid UTF-8)
    pdfs: dict[str, bytes] = field(default_factory=dict)  # printable SOP AP: sop/<kode>, sop/opd/<opd>
    engine: str | None = None
    failed: list[tuple[str, str, str]] = field(default_factory=list)
    laid_out: int = 0
    # artifact path -> the digest of its SVG's bytes (recorded by the layout: not hashed again)
    keys: dict[str, str] = field(default_factory=dict)


def safe_name(name: object) -> bool:
    """Whether ``name`` may be a file this site wrote (the manifest sits in a folder others can
    commit to: an entry like ``../x`` or ``.env`` is never deleted)."""
    return (
        isinstance(name, str)
        and bool(_SAFE.match(name))
        and ".." not in name.split("/")
        and name.rsplit(".", 1)[-1] in SUFFIXES
    )


def layout_diagrams(
    index: Index,
    ctx: RenderContext,
    folder: Path | None,
    *,
    groups: tuple[str, ...],
    engine_preference: str = "auto",
    workers: int | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    pdf: bool = False,
    shown: Callable[[str], bool] | None = None,
) -> Layout:
    """SVG of every diagram of ``groups``, laid out with render's plan and engine; with ``pdf``
    also the printable SOP AP of every SOP and OPD (render's ``--format pdf`` documents).
    ``folder``: the repository's cache folder, where the layouts are kept between builds
    (:class:`~probis_cli.site.store.LayoutStore`: an unchanged diagram is not laid out again;
    one ``probis render`` laid out on this machine is copied from its output), or None.
    Contents are built on ``workers`` cores. With ``shown``, only the diagrams whose path it
    accepts are laid out."""
    from probis_cli.render.diagrams import DIAGRAMS

    def diagrams() -> list[Artifact]:
        found: list[Artifact] = []
        for name in DIAGRAMS:
            found.extend(DIAGRAMS[name](index, ctx))
        return found

    def wanted(artifact: Artifact) -> bool:
        return artifact.group in groups and (shown is None or shown(artifact.path))

    artifacts = []
    seen: set[str] = set()
    for artifact in render_run.built_in_parallel(ctx, diagrams, workers, wanted):
        if artifact.path not in seen:
            seen.add(artifact.path)
            artifacts.append(artifact)
    the_plan = render_run.plan(artifacts, ["svg"], ctx)
    if pdf:
        from probis_cli.render.pdf_sop import render_sop_ap

        documents = render_sop_ap(index, ctx)
        extra = render_run.plan(documents, ["pdf"], ctx)
        the_plan = render_run.Plan(
            the_plan.jobs + extra.jobs, artifacts + documents, the_plan.conflicts + extra.conflicts
        )
    store = LayoutStore(folder)
    layouts = None if folder is None else LayoutIndex(folder / LAYOUTS_FILE)
    layout = Layout({})
    try:
        found = _lay_out_jobs(store, the_plan.jobs, layout, engine_preference, workers, progress, layouts)
        store.save({job.digest for job in the_plan.jobs})
    finally:
        store.abandon()  # a pack begun and not saved (no engine, say) leaves nothing behind
    if layouts is not None:
        for job in the_plan.jobs:
            where = store.location(job.digest) if layout.engine else None
            if where is not None and job.digest in found:
                layouts.add(layout_key(job.digest, layout.engine or ""), found[job.digest][1], *where)
        layouts.save()
    for job in the_plan.jobs:
        if job.digest not in found:
            continue
        data, digest = found[job.digest]
        if job.fmt != "svg":
            layout.pdfs[job.artifact.path] = data
        else:
            layout.svgs[job.artifact.path] = data
            layout.keys[job.artifact.path] = digest
    return layout


def _lay_out_jobs(
    store: LayoutStore,
    jobs: list[render_run.Job],
    layout: Layout,
    engine_preference: str,
    workers: int | None,
    progress: Callable[[int, int, str], None] | None,
    layouts: LayoutIndex | None,
) -> dict[str, tuple[bytes, str]]:
    """Job digest -> (bytes, digest) of every job: from the store, else copied from where this
    machine laid it out before, else laid out (on every core). Failures go to ``layout.failed``
    (in plan order); ``layout.engine`` is set when an engine was needed."""
    found: dict[str, tuple[bytes, str]] = {}
    todo: list[render_run.Job] = []
    for job in jobs:
        known = store.get(job.digest)
        if known is not None:
            found[job.digest] = known
        else:
            todo.append(job)
    done = len(jobs) - len(todo)
    if progress:
        progress(done, len(jobs), "")
    if not todo:
        return found

    def keep(job: render_run.Job, data: bytes) -> None:
        nonlocal done
        if job.fmt == "svg":
            try:
                data.decode("utf-8")  # the pages take it as text: a layout that is not UTF-8 is left out
            except UnicodeDecodeError:
                return
        digest = digest_bytes(data)
        found[job.digest] = (data, digest)
        store.put(job.digest, data, digest)
        done += 1
        if progress:
            progress(done, len(jobs), job.output)

    outcome = render_run.Outcome()
    render_run.lay_out_jobs(todo, engine_preference, workers, outcome, keep, layouts)
    layout.engine = outcome.engine
    layout.laid_out = len(todo) - outcome.reused - len(outcome.failed)
    layout.failed.extend(outcome.failed)
    return found


def _read_manifest(out: Path) -> tuple[list[str], list[str], str]:
    """The files an earlier build wrote, the entries refused, and its input digest."""
    try:
        data = json.loads(fs.read_limited(out / MANIFEST, MANIFEST_LIMIT).decode("utf-8"))
    except (OSError, ValueError):
        return [], [], ""
    files = data.get("berkas") if isinstance(data, dict) else None
    if not isinstance(files, list):
        return [], [], ""
    good = [f for f in files if safe_name(f)]
    refused = sorted(str(f) for f in files if not safe_name(f))
    digest = data.get("masukan")
    return good, refused, digest if isinstance(digest, str) else ""


def is_current(out: Path, digest: str) -> list[str] | None:
    """The files of the site in ``out`` when it was built from exactly these inputs (the
    manifest records their digest) and every one is still there as a regular file; else None.
    The manifest can be committed or edited, so this only saves time: ``--semua`` rebuilds."""
    out = Path(os.path.abspath(out))
    files, refused, recorded = _read_manifest(out)
    if refused or not files or recorded != digest:
        return None
    for name in files:
        path = out / name
        if path.is_symlink() or not path.is_file():
            return None
    return files


def write_page(out: Path, name: str, data: bytes, *, force: bool = False) -> bool:
    """Write the file ``name`` of the site under ``out`` (an absolute path), atomically, unless
    it holds ``data`` already (not with ``force``): whether it was written. Raises as
    :func:`write_site`."""
    target = out / name
    if not force and _holds(target, data):
        return False
    fs.write_atomic(target, data, root=out)
    return True


def _holds(target: Path, data: bytes) -> bool:
    """Whether ``target`` is a regular file (not a symlink) holding ``data``."""
    if target.is_file() and not target.is_symlink():
        try:
            return fs.read_limited(target, PAGE_LIMIT) == data
        except OSError:
            pass
    return False


class PageWriter:
    """:func:`write_page` for one build, with the folder of each page checked (inside ``out``,
    no symlink out of it) once per process instead of at each of its thousands of pages; a
    worker forked from the build checks for itself. Made anew for each build."""

    def __init__(self, out: Path, *, force: bool = False) -> None:
        self.out = out
        self.force = force
        self.checked: set[str] = set()

    def __call__(self, name: str, data: bytes) -> bool:
        folder = name.rpartition("/")[0]
        if folder not in self.checked:
            written = write_page(self.out, name, data, force=self.force)  # checks the folder
            self.checked.add(folder)
            return written
        target = self.out / name
        if not self.force and _holds(target, data):
            return False
        fs.write_atomic(target, data)  # its folder checked by this build already
        return True


def write_site(
    out: Path,
    pages: Mapping[str, bytes],
    *,
    force: bool = False,
    digest: str = "",
    done: Mapping[str, bool] | None = None,
) -> Outcome:
    """Write ``pages`` under ``out`` (atomically, only those whose bytes differ) and remove
    the files an earlier build wrote that are no longer produced. ``done``: the files already
    written by :func:`write_page` (name -> whether it wrote), part of the site as well.

    Raises ``fs.OutsideError`` when a symlink would lead a write out of ``out``, ``OSError``
    when a file cannot be written.
    """
    out = Path(os.path.abspath(out))
    outcome = Outcome()
    previous, outcome.refused, _ = _read_manifest(out)
    for name in sorted(pages):
        (outcome.written if write_page(out, name, pages[name], force=force) else outcome.unchanged).append(name)
    done = done or {}
    for name in sorted(done):
        (outcome.written if done[name] else outcome.unchanged).append(name)
    produced = set(pages) | set(done)
    for name in sorted(set(previous) - produced):
        try:
            if fs.remove_inside(out, name):
                outcome.removed.append(name)
        except fs.OutsideError:
            outcome.refused.append(name)
        except OSError:
            pass
    manifest = (
        json.dumps({"probis": __version__.split(".")[0], "masukan": digest, "berkas": sorted(produced)}, indent=1)
        + "\n"
    )
    old: bytes | None = None
    try:
        old = fs.read_limited(out / MANIFEST, MANIFEST_LIMIT)
    except OSError:
        old = None
    if old != manifest.encode("utf-8"):
        fs.write_atomic(out / MANIFEST, manifest.encode("utf-8"), root=out)
    outcome.refused.sort()
    outcome.written.sort()
    outcome.unchanged.sort()
    return outcome
