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

import json
import marshal
import os
import stat as stat_module
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from probis_cli import __version__, fs
from probis_cli.digest import digest_bytes, digest_parts
from probis_cli.index import Index
from probis_cli.render.base import Artifact, RenderContext
from probis_cli.render.layouts import LayoutIndex, layout_key

MANIFEST = ".probis-render.json"
IMAGE_FORMATS = ("svg", "png", "pdf")
ALL_FORMATS = ("svg", "png", "pdf", "dot")
OUTPUT_SUFFIXES = frozenset((*ALL_FORMATS, "md"))
MANIFEST_LIMIT = 64 * 1024 * 1024  # a city's manifest is a few MB
OUTPUT_LIMIT = 1024 * 1024 * 1024  # an output file larger than this is never one probis wrote


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
    # Outputs that would overwrite each other (a file named like another output's folder, or
    # names that differ only in letter case): neither is written, the CLI reports them.
    conflicts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Outcome:
    """What a render did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Entries of the (committed, so untrusted) manifest that name a path outside the output
    # folder or no valid output at all: never deleted, dropped from the manifest.
    refused: list[str] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (output, error code, detail)
    engine: str | None = None
    reused: int = 0  # of the written: layouts copied from where this machine laid them out before


def build_artifacts(index: Index, ctx: RenderContext, *, workers: int | None = None) -> list[Artifact]:
    """Every artifact of every renderer, plus the index page, in a stable order; contents the
    memo does not remember are built on ``workers`` cores (default: all)."""
    from probis_cli.render.diagrams import DIAGRAMS
    from probis_cli.render.documents import DOCUMENTS, render_index_page
    from probis_cli.render.pdf_sop import render_sop_ap

    def every() -> list[Artifact]:
        found: list[Artifact] = []
        for name in DIAGRAMS:
            found.extend(DIAGRAMS[name](index, ctx))
        for name in DOCUMENTS:
            found.extend(DOCUMENTS[name](index, ctx))
        found.extend(render_sop_ap(index, ctx))  # written only with --format pdf
        return found

    artifacts = built_in_parallel(ctx, every, workers)
    seen: set[str] = set()
    unique: list[Artifact] = []
    for artifact in artifacts:
        if artifact.path not in seen:
            seen.add(artifact.path)
            unique.append(artifact)
    unique.append(render_index_page(index, unique, ctx))
    return unique


def built_in_parallel(
    ctx: RenderContext,
    renderers: Callable[[], list[Artifact]],
    workers: int | None,
    keep: Callable[[Artifact], bool] | None = None,
) -> list[Artifact]:
    """``renderers()``, with the contents it builds built on ``workers`` cores (through the memo);
    with ``keep``, only the artifacts it accepts (the others' contents are not built at all)."""
    if ctx.memo is None:
        return [a for a in renderers() if keep is None or keep(a)]
    from probis_cli.render.parallel import build_pending

    with ctx.memo.deferring() as pending:
        artifacts = [a for a in renderers() if keep is None or keep(a)]
        if keep is not None:
            wanted = {id(a.content) for a in artifacts}
            pending = [p for p in pending if id(p) in wanted]
        build_pending(pending, workers)
    return artifacts


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
            jobs.append(Job(artifact.path, artifact, "md", digest_parts((__version__, "md", artifact.digest()))))
            continue
        if artifact.kind == "sop-ap":  # the printable SOP AP: only when PDF is asked for
            if "pdf" in formats:
                jobs.append(
                    Job(
                        f"{artifact.path}.pdf",
                        artifact,
                        "sop-ap",
                        digest_parts((__version__, "sop-ap", artifact.digest())),
                    )
                )
            continue
        fmts = list(dict.fromkeys(formats))
        # Drafts embed their flowcharts: render those in the drafts' image format too, but only
        # when images were asked for at all (DOT-only output must work without any engine).
        wants_images = any(f in IMAGE_FORMATS for f in fmts)
        if wants_images and artifact.path in embedded and ctx.image_format not in fmts:
            fmts.append(ctx.image_format)
        for fmt in fmts:
            jobs.append(
                Job(f"{artifact.path}.{fmt}", artifact, fmt, digest_parts((__version__, fmt, artifact.digest())))
            )
    conflicts = output_conflicts([job.output for job in jobs])
    if conflicts:
        clashing = {name for pair in conflicts for name in pair}
        jobs = [job for job in jobs if job.output not in clashing]
    return Plan(jobs, list(artifacts), conflicts)


def output_conflicts(outputs: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs of outputs that cannot both exist: one is (a letter-case variant of) the other's
    folder, or the two differ only in letter case (one file on Windows and macOS).

    SOP codes ``X`` and ``X.md`` both validate, but the draft ``sop/X.md`` and the flowchart
    folder ``sop/X.md/`` cannot both be written. Sorted, so the report is deterministic.
    """
    by_fold: dict[str, str] = {}
    pairs: set[tuple[str, str]] = set()
    for name in sorted(set(outputs)):
        other = by_fold.setdefault(name.casefold(), name)
        if other != name:
            pairs.add((other, name))
    folders: dict[str, str] = {}
    for name in sorted(set(outputs)):
        parts = name.split("/")
        for i in range(1, len(parts)):
            folders.setdefault("/".join(parts[:i]).casefold(), name)
    for fold, name in sorted(by_fold.items()):
        inside = folders.get(fold)
        if inside is not None:
            pairs.add((name, inside))
    return sorted(pairs)


def safe_output_name(name: object) -> bool:
    """Whether ``name`` can be an output probis writes: a relative path below the output
    folder (no ``..``, no absolute path or drive, no empty or dot-file parts) ending in one
    of the output formats. Render deletes listed outputs it no longer produces, so the
    committed manifest must not be able to name ``.env`` or a source document."""
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name or name.startswith("/"):
        return False
    parts = name.split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return False
    return ":" not in parts[0] and parts[-1].rsplit(".", 1)[-1] in OUTPUT_SUFFIXES


def _valid_entry(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(k), str) for k in ("masukan", "keluaran"))


def read_manifest(out: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The manifest's entries, and the names of the entries refused as invalid.

    The manifest is committed with the outputs, so it is untrusted: an entry naming a path
    outside the output folder (``../x``, ``/etc/x``) or not shaped like one of ours is never
    used (render deletes the outputs it lists that are no longer produced).
    """
    try:
        data = json.loads(fs.read_limited(out / MANIFEST, MANIFEST_LIMIT).decode("utf-8"))
    except (OSError, ValueError):
        return {}, []
    files = data.get("berkas") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}, []
    good: dict[str, dict[str, str]] = {}
    refused: list[str] = []
    for name, value in files.items():
        if safe_output_name(name) and _valid_entry(value):
            good[name] = {"masukan": value["masukan"], "keluaran": value["keluaran"]}
        else:
            refused.append(str(name))
    return good, sorted(refused)


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
            # Signed with this machine's key: a committed cache file is never trusted (it
            # could otherwise make ``--check`` accept an edited output).
            try:
                data = fs.verified(fs.read_limited(file, MANIFEST_LIMIT))
                loaded = marshal.loads(data) if data is not None else None
                if isinstance(loaded, dict) and all(
                    isinstance(k, str) and isinstance(v, tuple) and len(v) == 3 for k, v in loaded.items()
                ):
                    self.entries = loaded
            except (OSError, ValueError, EOFError, TypeError):
                self.entries = {}

    def digest(self, path: Path) -> str | None:
        """The blake2b digest of ``path``'s bytes, or None when it is not a regular file.

        A symlink (committed in the output folder) counts as missing: the output is then
        written again, replacing the link, never following it.
        """
        try:
            st = path.lstat()
        except OSError:
            return None
        if not stat_module.S_ISREG(st.st_mode):
            return None
        key = str(path)
        known = self.entries.get(key)
        if known is not None and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            return known[2]
        try:
            value = digest_bytes(fs.read_limited(path, OUTPUT_LIMIT))
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
            fs.write_atomic(self.file, fs.signed(marshal.dumps(self.entries)), root=self.file.parent)
        except (OSError, ValueError):  # ValueError: fs.OutsideError
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
    """Outputs that are missing, out of date, edited by hand, or (``prune``) no longer produced.

    The manifest itself is listed when render would rewrite it (it has invalid entries).
    Text outputs (Markdown, DOT) are compared with their content directly: the manifest,
    being committed, cannot vouch for them.
    """
    out = Path(os.path.abspath(out))  # the same stat-cache keys as :func:`execute`
    manifest, refused = read_manifest(out)
    stale: list[str] = [MANIFEST] if refused else []
    planned = {job.output for job in the_plan.jobs}
    for job in the_plan.jobs:
        entry = manifest.get(job.output)
        current = _file_digest(out / job.output, stats)
        expected = entry.get("keluaran") if entry is not None else None
        if not job.needs_engine and expected is not None:
            expected = job.artifact.digest()  # written as is: its digest is the content's
        if current is None or entry is None or entry.get("masukan") != job.digest or expected != current:
            stale.append(job.output)
    if prune:
        stale.extend(o for o in _orphans(manifest, the_plan) if o not in planned)
    return sorted(set(stale))


def lay_out_jobs(
    jobs: list[Job],
    engine_preference: str,
    workers: int | None,
    outcome: Outcome,
    record: Callable[[Job, bytes], None],
    layouts: LayoutIndex | None,
) -> None:
    """Lay out the jobs that need Graphviz: copied when laid out before (``layouts``), else on
    every core; ``record(job, bytes)`` for each, failures in ``outcome.failed`` (render's
    executor and the site's layouts)."""
    from probis_cli.render.graphviz import find_engine
    from probis_cli.render.parallel import lay_out

    engine = find_engine(engine_preference)  # type: ignore[arg-type]
    outcome.engine = engine.name
    todo = []
    for job in jobs:
        known = layouts.find(layout_key(job.digest, engine.name)) if layouts is not None else None
        if known is not None:
            outcome.reused += 1
            record(job, known)
        else:
            todo.append(job)

    failed: dict[int, tuple[str, str, str]] = {}

    def done(k: int, data: bytes | None, code: str, detail: str) -> None:
        if data is None:
            failed[k] = (todo[k].output, code, detail)
        else:
            record(todo[k], data)

    if todo:
        lay_out(engine, [(job.artifact.text, job.fmt) for job in todo], workers, done)
    outcome.failed.extend(failed[k] for k in sorted(failed))  # in plan order, however they finished


def _remove_orphans(out: Path, orphans: set[str], outcome: Outcome) -> None:
    # Outputs of artifacts that no longer exist are removed (only files probis wrote itself).
    # Confined to ``out``: a listed path that leads elsewhere (through a symlinked folder) is
    # refused, a symlink listed itself is removed as a link.
    for stale in sorted(orphans):
        try:
            if fs.remove_inside(out, stale):
                outcome.removed.append(stale)
        except fs.OutsideError:
            outcome.refused.append(stale)
        except OSError:
            pass


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
    layouts: LayoutIndex | None = None,
) -> Outcome:
    """Write every job's file under ``out``; skip unchanged ones unless ``force``.

    ``layouts`` (this machine's index of what it laid out, shared by render and the site): a
    job laid out before with the same engine, wherever its output was written, is copied
    from there instead of laid out again (not with ``force``).

    Raises ``probis_cli.render.graphviz.EngineUnavailable`` when images are needed and no
    Graphviz engine can be used (the caller says how to fix it), ``OSError`` when a file
    cannot be written, and ``probis_cli.fs.OutsideError`` when a (committed) symlink would
    lead a write out of ``out``: every file is written inside ``out``, symlinks resolved.
    """
    out = Path(os.path.abspath(out))  # fs confines to ``out``; a relative path would be read as inside it
    outcome = Outcome()
    manifest, outcome.refused = read_manifest(out)
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
        fs.write_atomic(out / job.output, data, root=out)
        written_digest = digest_bytes(data)
        new_manifest[job.output] = {"masukan": job.digest, "keluaran": written_digest}
        if layouts is not None and job.needs_engine and outcome.engine:
            layouts.add(layout_key(job.digest, outcome.engine), written_digest, out / job.output)
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
        lay_out_jobs(layout_jobs, engine_preference, workers, outcome, record, None if force else layouts)
    if layouts is not None:
        layouts.save()
    _remove_orphans(out, orphans, outcome)
    outcome.refused.sort()
    changed = outcome.written or outcome.removed or outcome.refused or new_manifest != manifest
    if changed or not (out / MANIFEST).is_file():
        _write_manifest(out, new_manifest)
    outcome.written.sort()
    outcome.unchanged.sort()
    return outcome


def _write_manifest(out: Path, entries: dict[str, dict[str, str]]) -> None:
    text = json.dumps(
        {"probis": __version__.split(".")[0], "berkas": dict(sorted(entries.items()))}, indent=1, sort_keys=True
    )
    fs.write_atomic(out / MANIFEST, (text + "\n").encode("utf-8"), root=out)
