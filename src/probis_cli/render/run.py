"""Plan and execute a render: artifacts -> files, in parallel, skipping what did not change.

The library returns what it would write / wrote; only the CLI prints. Files are written
atomically. A manifest (``.probis-render.json`` in the output folder) records, for every
output file, the digest of its input (DOT source or Markdown text, format, probis version)
and of the bytes written, so that

* an unchanged input is not laid out again (fast re-render after one change), and
* ``--check`` can tell stale outputs without laying anything out (cheap in CI, and
  independent of which Graphviz engine produced the committed images).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from probis_cli import __version__
from probis_cli.index import Index
from probis_cli.render.base import Artifact, RenderContext

MANIFEST = ".probis-render.json"
IMAGE_FORMATS = ("svg", "png", "pdf")
ALL_FORMATS = ("svg", "png", "pdf", "dot")
PARALLEL_MIN_JOBS = 24


@dataclass(frozen=True, slots=True)
class Job:
    """One output file to produce."""

    output: str  # relative path in the output folder, with extension
    artifact: Artifact
    fmt: str  # svg | png | pdf | dot | md
    digest: str  # of the input; equal digest -> same output

    @property
    def needs_engine(self) -> bool:
        """Whether a Graphviz layout is needed."""
        return self.fmt in IMAGE_FORMATS or self.fmt == "sop-ap"


@dataclass
class Plan:
    """What a render would produce."""

    jobs: list[Job]
    artifacts: list[Artifact]


@dataclass
class Outcome:
    """What a render did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (output, error code, detail)
    engine: str | None = None


def _digest(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def build_artifacts(index: Index, ctx: RenderContext) -> list[Artifact]:
    """Every artifact of every renderer, plus the index page, in a stable order."""
    from probis_cli.render.diagrams import DIAGRAMS
    from probis_cli.render.documents import DOCUMENTS, render_index_page

    artifacts: list[Artifact] = []
    for name in DIAGRAMS:
        artifacts.extend(DIAGRAMS[name](index, ctx))
    for name in DOCUMENTS:
        artifacts.extend(DOCUMENTS[name](index, ctx))
    from probis_cli.render.pdf_sop import render_sop_ap

    artifacts.extend(render_sop_ap(index, ctx))  # written only with --format pdf
    seen: set[str] = set()
    unique: list[Artifact] = []
    for artifact in artifacts:
        if artifact.path not in seen:
            seen.add(artifact.path)
            unique.append(artifact)
    unique.append(render_index_page(index, unique, ctx))
    return unique


def select_artifacts(
    artifacts: Sequence[Artifact],
    *,
    groups: Sequence[str] = (),
    opd: Sequence[str] = (),
    codes: Sequence[str] = (),
) -> list[Artifact]:
    """Artifacts matching every given filter (kind/group, owning OPD, shown codes), plus what they embed."""
    chosen = [
        a
        for a in artifacts
        if (not groups or a.group in groups)
        and (not opd or a.opd in opd)
        and (not codes or any(c in a.codes for c in codes))
    ]
    by_path = {a.path: a for a in artifacts}
    wanted = {a.path for a in chosen}
    for a in list(chosen):
        for embed in a.embeds:
            if embed in by_path and embed not in wanted:
                wanted.add(embed)
                chosen.append(by_path[embed])
    order = {a.path: i for i, a in enumerate(artifacts)}
    return sorted(chosen, key=lambda a: order[a.path])


def plan(artifacts: Sequence[Artifact], formats: Sequence[str], ctx: RenderContext) -> Plan:
    """Jobs for ``artifacts`` in ``formats`` (diagrams) and Markdown (documents)."""
    embedded = {e for a in artifacts for e in a.embeds}
    jobs: list[Job] = []
    for artifact in artifacts:
        if artifact.kind == "markdown":
            jobs.append(Job(artifact.path, artifact, "md", _digest(__version__, "md", artifact.digest())))
            continue
        if artifact.kind == "sop-ap":  # the printable SOP AP: only when PDF is asked for
            if "pdf" in formats:
                jobs.append(Job(f"{artifact.path}.pdf", artifact, "sop-ap", _digest(__version__, "sop-ap", artifact.digest())))
            continue
        fmts = list(dict.fromkeys(formats))
        # Drafts embed their flowcharts: render those in the drafts' image format too, but only
        # when images were asked for at all (DOT-only output must work without any engine).
        wants_images = any(f in IMAGE_FORMATS for f in fmts)
        if wants_images and artifact.path in embedded and ctx.image_format not in fmts:
            fmts.append(ctx.image_format)
        for fmt in fmts:
            jobs.append(Job(f"{artifact.path}.{fmt}", artifact, fmt, _digest(__version__, fmt, artifact.digest())))
    return Plan(jobs, list(artifacts))


def _read_manifest(out: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("berkas") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else {}


class StatCache:
    """Digests of output files keyed by (size, mtime): an unchanged file is not read again.

    Kept in the repository's cache folder, never in the (committed) output folder, since
    modification times differ from machine to machine.
    """

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, tuple[int, int, str]] = {}
        self.dirty = False
        if file is not None:
            try:
                loaded = marshal.loads(file.read_bytes())
                if isinstance(loaded, dict):
                    self.entries = loaded
            except (OSError, ValueError, EOFError, TypeError):
                self.entries = {}

    def digest(self, path: Path) -> str | None:
        """The blake2b digest of ``path``'s bytes, or None when it does not exist."""
        try:
            st = path.stat()
        except OSError:
            return None
        key = str(path)
        known = self.entries.get(key)
        if known is not None and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            return known[2]
        try:
            value = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return None
        self.entries[key] = (st.st_size, st.st_mtime_ns, value)
        self.dirty = True
        return value

    def save(self) -> None:
        """Write if anything changed; failures only cost speed."""
        if self.file is None or not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(self.file, marshal.dumps(self.entries))
        except OSError:
            pass


_NO_STATS = StatCache(None)


def _file_digest(path: Path, stats: StatCache = _NO_STATS) -> str | None:
    return stats.digest(path)


def _stem(output: str) -> str:
    return output if output.endswith(".md") else output.rsplit(".", 1)[0]


def _orphans(manifest: dict[str, dict[str, str]], the_plan: Plan) -> list[str]:
    """Recorded outputs whose artifact no longer exists (other formats of live ones are kept)."""
    live = {a.path for a in the_plan.artifacts}
    return sorted(k for k in manifest if _stem(k) not in live)


def stale_outputs(out: Path, the_plan: Plan, *, prune: bool = True, stats: StatCache = _NO_STATS) -> list[str]:
    """Outputs that are missing, out of date, edited by hand, or (``prune``) no longer produced."""
    manifest = _read_manifest(out)
    stale: list[str] = []
    planned = {job.output for job in the_plan.jobs}
    for job in the_plan.jobs:
        entry = manifest.get(job.output)
        current = _file_digest(out / job.output, stats)
        if current is None or entry is None or entry.get("masukan") != job.digest or entry.get("keluaran") != current:
            stale.append(job.output)
    if prune:
        stale.extend(o for o in _orphans(manifest, the_plan) if o not in planned)
    return sorted(set(stale))


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_ENGINE: Any = None


def _layout_chunk(args: tuple[str, list[tuple[str, str]]]) -> list[tuple[bytes | None, str, str]]:
    """Worker: lay out ``(dot, fmt)`` pairs with one engine per process."""
    from probis_cli.render.engine import RenderError, find_engine

    global _ENGINE
    prefer, items = args
    if _ENGINE is None:
        _ENGINE = find_engine(prefer)  # type: ignore[arg-type]
    out: list[tuple[bytes | None, str, str]] = []
    for dot, fmt in items:
        try:
            out.append((_produce(_ENGINE, dot, fmt), "", ""))
        except RenderError as exc:
            out.append((None, exc.code, exc.detail or exc.message))
    return out


def _produce(engine: Any, text: str, fmt: str) -> bytes:
    """The bytes of one job: a layout, or the printable SOP AP (which lays out its pages)."""
    if fmt == "sop-ap":
        from probis_cli.render.pdf_sop import compose

        return compose(text, engine)
    data: bytes = engine.render(text, fmt)
    return data


def execute(
    out: Path,
    the_plan: Plan,
    *,
    engine_preference: str = "auto",
    force: bool = False,
    prune: bool = True,
    stats: StatCache = _NO_STATS,
    workers: int | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Outcome:
    """Write every job's file under ``out``; skip unchanged ones unless ``force``.

    Raises ``probis_cli.render.engine.EngineUnavailable`` when images are needed and no
    Graphviz engine can be used (the caller says how to fix it).
    """
    outcome = Outcome()
    manifest = _read_manifest(out)
    todo: list[Job] = []
    for job in the_plan.jobs:
        entry = manifest.get(job.output)
        current = _file_digest(out / job.output, stats) if entry else None
        if not force and entry and entry.get("masukan") == job.digest and entry.get("keluaran") == current:
            outcome.unchanged.append(job.output)
        else:
            todo.append(job)
    total = len(the_plan.jobs)
    done = len(outcome.unchanged)
    if progress:
        progress(done, total, "")
    orphans = set(_orphans(manifest, the_plan)) if prune else set()
    new_manifest = {k: v for k, v in manifest.items() if k not in orphans}

    def record(job: Job, data: bytes) -> None:
        nonlocal done
        _write_atomic(out / job.output, data)
        written_digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        new_manifest[job.output] = {"masukan": job.digest, "keluaran": written_digest}
        try:
            st = (out / job.output).stat()
            stats.entries[str(out / job.output)] = (st.st_size, st.st_mtime_ns, written_digest)
            stats.dirty = True
        except OSError:
            pass
        outcome.written.append(job.output)
        done += 1
        if progress:
            progress(done, total, job.output)

    layout_jobs = [j for j in todo if j.needs_engine]
    for job in todo:
        if job.needs_engine:
            continue
        record(job, job.artifact.text().encode("utf-8"))

    if layout_jobs:
        from probis_cli.render.engine import find_engine

        engine = find_engine(engine_preference)  # type: ignore[arg-type]
        outcome.engine = engine.name
        # Compile the WebAssembly module once here: forked workers inherit it (instead of each
        # compiling it again, ~1 s), and the caller can keep it for the next run.
        engine.prepare()
        n_workers = workers if workers is not None else (os.cpu_count() or 1)
        if n_workers > 1 and len(layout_jobs) >= PARALLEL_MIN_JOBS:
            size = max(1, min(16, len(layout_jobs) // (n_workers * 4) or 1))
            chunks = [layout_jobs[k : k + size] for k in range(0, len(layout_jobs), size)]
            args = [(engine_preference, [(j.artifact.text(), j.fmt) for j in chunk]) for chunk in chunks]
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("fork")) as pool:
                for chunk, results in zip(chunks, pool.map(_layout_chunk, args)):
                    for job, (data, code, detail) in zip(chunk, results):
                        if data is None:
                            outcome.failed.append((job.output, code, detail))
                        else:
                            record(job, data)
        else:
            from probis_cli.render.engine import RenderError

            for job in layout_jobs:
                try:
                    data = _produce(engine, job.artifact.text(), job.fmt)
                except RenderError as exc:
                    outcome.failed.append((job.output, exc.code, exc.detail or exc.message))
                    continue
                record(job, data)

    # Outputs of artifacts that no longer exist are removed (only files probis wrote itself).
    for stale in sorted(orphans):
        try:
            (out / stale).unlink()
            outcome.removed.append(stale)
        except OSError:
            pass
    if outcome.written or outcome.removed or new_manifest != manifest or not (out / MANIFEST).is_file():
        text = json.dumps({"probis": __version__.split(".")[0], "berkas": dict(sorted(new_manifest.items()))}, indent=1, sort_keys=True)
        _write_atomic(out / MANIFEST, (text + "\n").encode("utf-8"))
    outcome.written.sort()
    outcome.unchanged.sort()
    return outcome
