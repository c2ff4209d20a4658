"""One build of the catalogue site, start to finish: what ``probis situs`` runs.

:class:`SiteBuild` loads and checks the repository and chooses the output folder; then
:meth:`SiteBuild.layout` lays out the diagrams (the caller shows progress around it) and
:meth:`SiteBuild.write` adds the downloads (PDF, Word), builds the pages and writes what
changed. Nothing here prints: a build that cannot go on raises :class:`SiteError`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from probis_cli import api, fs
from probis_cli.api_render import cache_dir, engine_text, os_reason, render_memo, save_wasm_module, wasm_module_cache
from probis_cli.i18n import Lang, translate
from probis_cli.laporan.compute import build_laporan
from probis_cli.render.base import RenderContext
from probis_cli.site.write import Layout, Outcome

DEFAULT_OUT = "build/situs"
Progress = Callable[[int, int, str], None]  # progress(done, total, current output)


class SiteError(Exception):
    """A build that cannot go on: ``message_id`` and ``args_`` say why (exit code 2)."""

    def __init__(self, message_id: str, **args: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@dataclass(frozen=True)
class SiteOptions:
    """``probis situs`` flags."""

    out: Path | None = None
    pdf: bool = False
    docx: bool = False
    rebuild: bool = False
    engine: str = "auto"
    jobs: int | None = None
    use_cache: bool = True
    lang: Lang = "id"


def hash_bytes(data: bytes) -> str:
    """A short digest of a download's bytes (part of the site's input digest)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def output_folder(loaded: api.Loaded, out: Path | None) -> Path:
    """``--out`` as the user gave it (anywhere), else ``build/situs`` in the repository."""
    if out is None:
        out = loaded.root / DEFAULT_OUT
        if not fs.is_inside(out.parent if not out.exists() else out, loaded.root):
            raise SiteError("cli.render_symlink_out", path=str(out), out=str(loaded.root))
    if out.exists() and not out.is_dir():
        raise SiteError("cli.render_out_not_dir", out=str(out))
    return out


def sop_documents(loaded: api.Loaded) -> dict[str, bytes]:
    """Every SOP as a Word document (the official form, with its flowchart pages)."""
    from probis_cli.office.sop_export import export_sop, flow_pngs

    index = loaded.index
    codes = sorted(index.sop)
    pages = flow_pngs(index, codes)
    return {code: export_sop(index, index.sop[code], pages=pages.get(code, [])) for code in codes}


class SiteBuild:
    """The repository loaded and checked, the output folder and caches chosen; use as a
    context manager (the render memo is released on exit)."""

    def __init__(self, path: Path, options: SiteOptions) -> None:
        self.options = options
        try:
            self.loaded = api.load(path, use_cache=options.use_cache)
        except FileNotFoundError as exc:
            raise SiteError("cli.path_missing", path=str(exc)) from None
        self.result = api.check(self.loaded)
        self.out_dir = output_folder(self.loaded, options.out)
        self.cache = cache_dir(self.loaded.root, options.use_cache)
        digests = {s.path: s.digest for s in self.loaded.sources}
        index = self.loaded.index
        # Without a cache the memo remembers nothing, but the diagrams are still built on every core.
        self.memo = render_memo(self.cache, index, digests, options.lang, "svg")
        self.stack = ExitStack()
        self.stack.callback(self.memo.close)

    def __enter__(self) -> SiteBuild:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stack.close()

    def layout(self, progress: Progress | None = None) -> Layout:
        """Lay out every diagram of the site (SVG; with ``pdf`` also the printable SOP AP)."""
        from probis_cli.render.graphviz import EngineUnavailable
        from probis_cli.site.build import DIAGRAM_GROUPS, diagram_shown
        from probis_cli.site.write import layout_diagrams

        options, cache = self.options, self.cache
        wasm_cache = None if cache is None else wasm_module_cache(cache)
        ctx = RenderContext(lang=options.lang, image_format="svg", memo=self.memo)
        try:
            layout = layout_diagrams(
                self.loaded.index, ctx, cache, groups=DIAGRAM_GROUPS, engine_preference=options.engine,
                workers=options.jobs, progress=progress, pdf=options.pdf, shown=diagram_shown,
            )  # fmt: skip
        except EngineUnavailable as exc:
            detail = engine_text(options.lang, exc.code, exc.detail or exc.message)
            raise SiteError("cli.render_no_engine", detail=detail) from None
        if wasm_cache is not None:
            save_wasm_module(wasm_cache, layout.engine)
        self.memo.save()
        return layout

    def downloads(self, layout: Layout) -> tuple[dict[str, list[tuple[str, str]]], dict[str, bytes]]:
        """The PDF and Word files the pages link to: links by page (``sop:<kode>``,
        ``opd:<kode>``) as (label, file name), and the files' bytes by name."""
        from probis_cli.site.build import Names

        lang = self.options.lang
        links: dict[str, list[tuple[str, str]]] = {}
        files: dict[str, bytes] = {}
        names = Names(self.loaded.index)
        for artifact_path, blob in sorted(layout.pdfs.items()):
            # sop/<kode>: one SOP; sop/opd/<opd>: every SOP of an OPD (its page links it).
            if artifact_path.startswith("sop/opd/"):
                kind, code = "opd", artifact_path.split("/", 2)[2]
            else:
                kind, code = "sop", artifact_path.split("/", 1)[1]
            page = names.page(kind, code)
            if page is not None:
                name = page[: -len(".html")] + (".pdf" if kind == "sop" else "-sop.pdf")
                files[name] = blob
                links.setdefault(f"{kind}:{code}", []).append((translate(f"site.download.pdf_{kind}", lang), name))
        for code, document in self._word_documents().items():
            page = names.page("sop", code)
            if page is not None:
                name = page[: -len(".html")] + ".docx"
                files[name] = document
                links.setdefault(f"sop:{code}", []).append((translate("site.download.docx", lang), name))
        return links, files

    def _word_documents(self) -> dict[str, bytes]:
        if not self.options.docx:
            return {}
        from probis_cli.office import OfficeError

        try:
            return sop_documents(self.loaded)
        except OfficeError as exc:
            raise SiteError(exc.message_id, **exc.args_) from None

    def write(self, layout: Layout) -> Outcome:
        """Build the pages and write what changed (nothing when the input digest is the same)."""
        from probis_cli.site.build import SiteInput, build_and_write_pages, input_digest
        from probis_cli.site.write import PageWriter, is_current, write_site

        links, files = self.downloads(layout)
        report = build_laporan(self.loaded, self.result, git=False)
        data = SiteInput(self.loaded, self.result, report, self.options.lang, layout.svgs, links, layout.keys)
        digest = input_digest(data, *(f"{name}:{len(blob)}:{hash_bytes(blob)}" for name, blob in sorted(files.items())))
        current = None if self.options.rebuild else is_current(self.out_dir, digest)
        try:
            if current is not None:  # nothing the pages are made of changed
                return Outcome(unchanged=current)
            out = Path(os.path.abspath(self.out_dir))
            write = PageWriter(out, force=self.options.rebuild)
            pages, done = build_and_write_pages(data, write, self.options.jobs)
            pages.update(files)
            return write_site(out, pages, force=self.options.rebuild, digest=digest, done=done)
        except fs.OutsideError as exc:
            raise SiteError("cli.render_symlink_out", path=str(exc.path), out=str(self.out_dir)) from None
        except OSError as exc:
            reason = os_reason(self.options.lang, exc)
            raise SiteError("cli.render_write_failed", path=str(exc.filename or self.out_dir), reason=reason) from None
