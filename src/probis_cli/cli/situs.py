"""``probis situs``: the static catalogue site of the whole map.

A command of its own rather than ``render --format html``: render's formats are per diagram
(one file per artifact, listed in render's manifest and checked by ``render --check``), while
the site is one folder of linked pages with its own manifest, findings and search index, built
whether or not the repository has errors (showing them is part of its job).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from probis_cli import api, fs
from probis_cli.api_render import cache_dir, engine_text, os_reason, render_memo, save_wasm_module, wasm_module_cache
from probis_cli.cli.common import EXIT_ERROR, LangChoice, fail, stderr_console, t
from probis_cli.i18n import Lang
from probis_cli.laporan.compute import build_laporan
from probis_cli.render import run as render_run
from probis_cli.render.base import RenderContext

DEFAULT_OUT = "build/situs"


def _output_folder(lang: Lang, loaded: api.Loaded, out: Path | None) -> Path:
    """``--out`` as the user gave it (anywhere), else ``build/situs`` in the repository."""
    if out is None:
        out = loaded.root / DEFAULT_OUT
        if not fs.is_inside(out.parent if not out.exists() else out, loaded.root):
            fail(lang, "cli.render_symlink_out", path=str(out), out=str(loaded.root))
    if out.exists() and not out.is_dir():
        fail(lang, "cli.render_out_not_dir", out=str(out))
    return out


def hash_bytes(data: bytes) -> str:
    """A short digest of a download's bytes (part of the site's input digest)."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _docx(loaded: api.Loaded) -> dict[str, bytes]:
    """Every SOP as a Word document (the official form, with its flowchart pages)."""
    from probis_cli.office.sop_export import export_sop, flow_pngs

    index = loaded.index
    codes = sorted(index.sop)
    pages = flow_pngs(index, codes)
    return {code: export_sop(index, index.sop[code], pages=pages.get(code, [])) for code in codes}


def register(app: typer.Typer, lang: Lang) -> None:
    """Add the command to ``app``."""

    @app.command("situs", help=t(lang, "situs.help"))
    def situs(
        command_ctx: typer.Context,
        path: Path = typer.Argument(Path("."), help=t(lang, "situs.arg_path"), metavar="PATH"),
        out: Optional[Path] = typer.Option(
            None, "--out", "-o", metavar="DIR", help=t(lang, "situs.opt_out"), show_default=False
        ),
        pdf: bool = typer.Option(False, "--pdf", help=t(lang, "situs.opt_pdf")),
        docx: bool = typer.Option(False, "--docx", help=t(lang, "situs.opt_docx")),
        rebuild: bool = typer.Option(False, "--semua", "--rebuild", help=t(lang, "situs.opt_rebuild")),
        engine: str = typer.Option(
            "auto", "--engine", envvar="PROBIS_GRAPHVIZ", metavar="MESIN", help=t(lang, "cli.render_opt_engine")
        ),
        jobs: Optional[int] = typer.Option(
            None, "--jobs", "-j", min=1, metavar="N", help=t(lang, "cli.render_opt_jobs"), show_default=False
        ),
        no_cache: bool = typer.Option(False, "--no-cache", help=t(lang, "cli.opt_no_cache")),
        lang_opt: LangChoice = typer.Option(
            LangChoice(lang), "--lang", help=t(lang, "cli.opt_lang"), envvar="PROBIS_LANG"
        ),
    ) -> None:
        from probis_cli.render.engine import EngineUnavailable
        from probis_cli.site.build import DIAGRAM_GROUPS, SiteInput, build_pages, input_digest
        from probis_cli.site.write import MANIFEST, is_current, layout_diagrams, write_site
        from probis_cli.site.write import Outcome as WriteOutcome

        console = stderr_console()
        try:
            loaded = api.load(path, use_cache=not no_cache)
        except FileNotFoundError as exc:
            fail(lang, "cli.path_missing", path=str(exc))
        result = api.check(loaded)
        out_dir = _output_folder(lang, loaded, out)
        cache = cache_dir(loaded.root, not no_cache)
        digests = {s.path: s.digest for s in loaded.sources}
        memo = None if cache is None else render_memo(cache, loaded.index, digests, lang, "svg")
        if memo is not None:
            command_ctx.call_on_close(memo.close)
        ctx = RenderContext(lang=lang, image_format="svg", memo=memo)
        with ExitStack() as stack:
            if cache is not None:
                layout_dir = fs.ensure_dir_inside(cache, cache / "situs-svg")
            else:
                layout_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="probis-situs-")))
            wasm_cache = None if cache is None else wasm_module_cache(cache)
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            ) as bar:
                task = bar.add_task(t(lang, "situs.progress"), total=None)

                def progress(done: int, total: int, _current: str) -> None:
                    bar.update(task, completed=done, total=total)

                try:
                    stats = render_run.StatCache(None if cache is None else cache / "situs-stat.marshal")
                    layout = layout_diagrams(
                        loaded.index,
                        ctx,
                        layout_dir,
                        groups=DIAGRAM_GROUPS,
                        engine_preference=engine,
                        workers=jobs,
                        progress=progress,
                        stats=stats,
                        pdf=pdf,
                    )
                except EngineUnavailable as exc:
                    fail(lang, "cli.render_no_engine", detail=engine_text(lang, exc.code, exc.detail or exc.message))
            if wasm_cache is not None:
                save_wasm_module(wasm_cache, layout.engine)
            if memo is not None:
                memo.save()
            downloads: dict[str, list[tuple[str, str]]] = {}
            extra: dict[str, bytes] = {}
            from probis_cli.site.build import Names

            names = Names(loaded.index)
            for artifact_path, blob in sorted(layout.pdfs.items()):
                # sop/<kode>: one SOP; sop/opd/<opd>: every SOP of an OPD (its page links it).
                kind, code = (
                    ("opd", artifact_path.split("/", 2)[2])
                    if artifact_path.startswith("sop/opd/")
                    else ("sop", artifact_path.split("/", 1)[1])
                )
                page = names.page(kind, code)
                if page is None:
                    continue
                name = page[: -len(".html")] + (".pdf" if kind == "sop" else "-sop.pdf")
                extra[name] = blob
                downloads.setdefault(f"{kind}:{code}", []).append((t(lang, f"site.download.pdf_{kind}"), name))
            if docx:
                from probis_cli.office import OfficeError

                try:
                    documents = _docx(loaded)
                except OfficeError as exc:
                    fail(lang, exc.message_id, **exc.args_)
                for code, document in documents.items():
                    page = names.page("sop", code)
                    if page is None:
                        continue
                    name = page[: -len(".html")] + ".docx"
                    extra[name] = document
                    downloads.setdefault(f"sop:{code}", []).append((t(lang, "site.download.docx"), name))
            report = build_laporan(loaded, result, git=False)
            data = SiteInput(loaded, result, report, lang, layout.svgs, downloads)
            digest = input_digest(
                data, *(f"{name}:{len(blob)}:{hash_bytes(blob)}" for name, blob in sorted(extra.items()))
            )
            current = None if rebuild else is_current(out_dir, digest)
            try:
                if current is not None:  # nothing the pages are made of changed
                    outcome = WriteOutcome(unchanged=current)
                else:
                    pages = build_pages(data)
                    pages.update(extra)
                    outcome = write_site(out_dir, pages, force=rebuild, digest=digest)
            except fs.OutsideError as exc:
                fail(lang, "cli.render_symlink_out", path=str(exc.path), out=str(out_dir))
            except OSError as exc:
                fail(lang, "cli.render_write_failed", path=str(exc.filename or out_dir), reason=os_reason(lang, exc))
        if layout.engine:
            console.print(t(lang, "cli.render_engine", engine=layout.engine), markup=False)
        for entry in outcome.refused[:20]:
            console.print(t(lang, "situs.refused", manifest=MANIFEST, entry=entry), markup=False)
        console.print(
            t(
                lang,
                "situs.summary",
                written=len(outcome.written),
                unchanged=len(outcome.unchanged),
                removed=len(outcome.removed),
                diagrams=len(layout.svgs),
                laid_out=layout.laid_out,
                out=str(out_dir),
            ),
            markup=False,
        )
        console.print(t(lang, "situs.open", path=os.path.join(str(out_dir), "index.html")), markup=False)
        for output, code, detail in layout.failed:
            console.print(t(lang, "situs.failed", output=output, reason=engine_text(lang, code, detail)), markup=False)
        if layout.failed:
            raise typer.Exit(EXIT_ERROR)
