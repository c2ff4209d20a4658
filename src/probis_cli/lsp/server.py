"""``probis lsp``: the language server (pygls, stdio) over one repository.

One worker thread owns the :class:`~probis_cli.session.Session`: every change (an editor
buffer, a file on disk) and every check runs there, in order; the event loop only answers
requests from the last complete :class:`View` (a snapshot and its cross reference, which
always agree with each other) and publishes diagnostics. Changes that arrive while a check
runs are folded into the next one.

The server reads only the files of the repository (discovery never leaves its root; buffers
of files outside it are ignored) and runs nothing from it.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.uris import to_fs_path

from probis_cli import __version__, api
from probis_cli.findings import Finding
from probis_cli.i18n import ENV_VAR, Lang, resolve_lang, translate
from probis_cli.lsp import features, xref
from probis_cli.lsp.publish import Publisher, View
from probis_cli.session import Session, Snapshot

T = TypeVar("T")

WATCHED_SUFFIXES = (".yaml", ".yml")
REQUEST_WAIT = 3.0  # seconds a request waits for a check in progress
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".probis-cache", "node_modules", "__pycache__", ".venv", "venv"})


def choose_lang(forced: Lang | None, options: Any, locale: str | None) -> Lang:
    """``--lang`` > initializationOptions ``lang``/``bahasa`` > $PROBIS_LANG > the client's
    locale > Indonesian."""
    if forced is not None:
        return forced
    if isinstance(options, dict):
        for key in ("lang", "bahasa"):
            value = options.get(key)
            if isinstance(value, str) and value.strip():
                return resolve_lang(value)
    if os.environ.get(ENV_VAR):
        return resolve_lang(None)
    if locale:
        return resolve_lang(locale)
    return "id"


class ProbisServer(Publisher):
    """The probis language server."""

    def __init__(self, *, lang: Lang | None = None) -> None:
        super().__init__("probis", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.forced_lang = lang
        self.lang: Lang = lang or "id"
        self.root: Path | None = None
        self.session: Session | None = None
        self.view: View | None = None
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="probis-session")
        self.published: set[str] = set()
        self.open_uris: set[str] = set()
        self.xref_cache: dict[int, Any] = {}
        self.watch_stop = threading.Event()
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._current: asyncio.Event | None = None  # set when the view matches the last change
        self.last_timings: dict[str, float] = {}  # phases of the last check, publishing included
        self.first_timings: dict[str, float] = {}  # the same for the quick check of the last change

    # -- the worker ---------------------------------------------------------------------
    def submit(self, job: Callable[[], T]) -> asyncio.Future[T]:
        """Run ``job`` on the session's worker thread (jobs run one at a time, in order)."""
        return asyncio.get_running_loop().run_in_executor(self.worker, job)

    def request_check(self) -> None:
        """Check again as soon as the worker is free; changes meanwhile join the same check."""
        self._again = True
        self.current.clear()
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._check_loop())

    async def _check_loop(self) -> None:
        while self._again:
            self._again = False
            started = time.perf_counter()
            # A quick check first (slow rules whose inputs changed keep their last hits), then the
            # complete one, unless another change arrived meanwhile: it starts over, quick again.
            for quick in (True, False):
                try:
                    snapshot = await self.submit(lambda q=quick: self._check(quick=q))  # type: ignore[misc]
                except Exception as exc:  # noqa: BLE001 - a bug must not stop the server; say it in the log
                    self.window_log_message(
                        types.LogMessageParams(types.MessageType.Error, f"probis: {type(exc).__name__}: {exc}")
                    )
                    self.current.set()
                    return
                if snapshot is None:
                    self.current.set()
                    return
                if quick or self.view is None or snapshot is not self.view.snapshot:
                    texts = snapshot.loaded.source_texts()
                    self.publish(snapshot, texts)
                    self.view = View(snapshot, texts)
                self.last_timings = {**snapshot.timings, "publish": time.perf_counter() - started}
                if quick:
                    self.first_timings = dict(self.last_timings)
                if self._again or not snapshot.partial:
                    break
        self.current.set()

    async def xref_of(self, view: View) -> xref.CrossReference:
        """The cross reference of ``view``, built on first use (on the worker, in order with
        the checks): typing costs no reference indexing, only a request after it does."""
        if view.xref is None:
            documents = view.snapshot.index.documents
            view.xref = await self.submit(lambda: xref.build(documents, view.texts, self.xref_cache))
        return view.xref

    @property
    def current(self) -> asyncio.Event:
        """Set while the view reflects every change received (created on the loop's thread)."""
        if self._current is None:
            self._current = asyncio.Event()
            self._current.set()
        return self._current

    async def settled(self) -> None:
        """Wait (briefly) until the view reflects the last change: an answer about the text as
        typed a moment ago is worth the wait; after the timeout the last view answers."""
        try:
            await asyncio.wait_for(self.current.wait(), timeout=REQUEST_WAIT)
        except asyncio.TimeoutError:
            pass

    def _check(self, *, quick: bool = False) -> Snapshot | None:
        return self.session.check(quick=quick) if self.session is not None else None

    def load(self, root: Path) -> None:
        """Worker job: read the repository at ``root``."""
        started = time.perf_counter()
        try:
            self.session = Session.open(root)
        except api.NoRepository:
            self.session = None
            self.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Warning, translate("lsp.no_repository", self.lang, path=str(root))
                )
            )
            return
        self.root = self.session.root
        seconds = f"{time.perf_counter() - started:.1f}"
        self.window_log_message(
            types.LogMessageParams(
                types.MessageType.Info,
                translate("lsp.ready", self.lang, files=len(self.session.files), seconds=seconds),
            )
        )

    # -- requests -----------------------------------------------------------------------
    async def at(self, uri: str, position: types.Position) -> tuple[View, xref.CrossReference, xref.Occurrence] | None:
        """The code under the cursor, from the last complete view."""
        view = self.view
        rel = self.rel(uri)
        if view is None or rel is None:
            return None
        line, column = self.from_position(view.texts.get(rel, "").split("\n"), position)
        table = await self.xref_of(view)
        occ = table.at(rel, line, column)
        return (view, table, occ) if occ is not None else None

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        """What the code under the cursor names."""
        found = await self.at(params.text_document.uri, params.position)
        if found is None:
            return None
        view, _, occ = found
        text = features.describe(occ.symbol, view.snapshot.index, self.lang)
        location = self.occurrence_location(view, occ)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=location.range
        )

    async def definition(self, params: types.DefinitionParams) -> list[types.Location] | None:
        """Where the code under the cursor is defined."""
        found = await self.at(params.text_document.uri, params.position)
        if found is None:
            return None
        view, table, occ = found
        return [self.occurrence_location(view, o) for o in features.definitions(table, occ)] or None

    async def references(self, params: types.ReferenceParams) -> list[types.Location] | None:
        """Every place the code under the cursor is written."""
        found = await self.at(params.text_document.uri, params.position)
        if found is None:
            return None
        view, table, occ = found
        include = bool(params.context and params.context.include_declaration)
        return [self.occurrence_location(view, o) for o in features.references(table, occ, include_declaration=include)]

    def completion(self, params: types.CompletionParams) -> types.CompletionList | None:
        """Codes that fit the field at the cursor."""
        view = self.view
        rel = self.rel(params.text_document.uri)
        if view is None or rel is None:
            return None
        text = self.workspace.get_text_document(params.text_document.uri).source
        lines = text.split("\n")
        line, column = self.from_position(lines, params.position)
        found = features.candidates(view.snapshot.index, text, line, column)
        if not found:
            return None
        start, end = features.word_range(lines[line - 1] if line <= len(lines) else "", column)
        edit_range = types.Range(self.to_position(lines, line, start), self.to_position(lines, line, end))
        items = [
            types.CompletionItem(
                label=c.code,
                detail=c.detail,
                kind=types.CompletionItemKind.Reference,
                text_edit=types.TextEdit(range=edit_range, new_text=c.code),
                sort_text=f"{i:06d}",
            )
            for i, c in enumerate(found)
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        """Quick fixes: the "did you mean" suggestion in place of the wrong code or key."""
        view = self.view
        rel = self.rel(params.text_document.uri)
        if view is None or rel is None:
            return None
        live = self.workspace.get_text_document(params.text_document.uri).source
        live_lines = live.split("\n")
        text = view.texts.get(rel)
        first, last = params.range.start.line + 1, params.range.end.line + 1
        actions: list[types.CodeAction] = []
        for finding in view.snapshot.result.findings:
            loc = finding.location
            if loc.path != rel or loc.line is None or not first <= loc.line <= last:
                continue
            fix = features.quick_fix(finding, text)
            if fix is None:
                continue
            line_text = live_lines[fix.line - 1] if fix.line <= len(live_lines) else ""
            if line_text[fix.column - 1 : fix.column - 1 + len(fix.old)] != fix.old:
                continue  # the buffer changed since the check: no edit at a guessed place
            edit_range = types.Range(
                self.to_position(live_lines, fix.line, fix.column),
                self.to_position(live_lines, fix.line, fix.column + len(fix.old)),
            )
            lines = (text or "").split("\n")
            actions.append(
                types.CodeAction(
                    title=translate("lsp.fix_replace", self.lang, value=fix.old, hint=fix.new),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[self.diagnostic(finding, lines, text)],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(
                        changes={params.text_document.uri: [types.TextEdit(range=edit_range, new_text=fix.new)]}
                    ),
                )
            )
        return actions or None

    # -- files on disk --------------------------------------------------------------------
    def watch(self, root: Path, loop: asyncio.AbstractEventLoop) -> None:
        """Thread: report changed YAML files (and .gitignore) of the repository to the loop."""
        try:
            from watchfiles import watch
        except ImportError:
            return

        def wanted(_change: Any, path: str) -> bool:
            p = Path(path)
            if any(part in SKIPPED_DIRS for part in p.parts):
                return False
            return p.name == ".gitignore" or p.name.endswith(WATCHED_SUFFIXES)

        ready = False
        for changes in watch(
            root,
            watch_filter=wanted,
            stop_event=self.watch_stop,
            debounce=50,
            step=20,
            rust_timeout=500,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            if not ready:  # the first wake-up: the watcher is in place
                ready = True
                message = translate("lsp.watching", self.lang, root=str(root))
                loop.call_soon_threadsafe(
                    self.window_log_message, types.LogMessageParams(types.MessageType.Info, message)
                )
            if changes:
                paths = [Path(p) for _, p in changes]
                loop.call_soon_threadsafe(self.disk_changed, paths)

    def disk_changed(self, paths: list[Path]) -> None:
        """Files changed on disk: re-read them (buffers the editor holds open win)."""
        self.submit(lambda: self.session.files_changed(paths) if self.session is not None else False)
        self.request_check()


def build_server(lang: Lang | None = None) -> ProbisServer:
    """The server with its features registered."""
    server = ProbisServer(lang=lang)
    _register_lifecycle(server)
    _register_documents(server)
    _register_queries(server)
    return server


def _register_lifecycle(server: ProbisServer) -> None:
    """initialize (language, root), initialized (watch, first load), shutdown."""

    @server.feature(types.INITIALIZE)
    def initialize(ls: ProbisServer, params: types.InitializeParams) -> None:
        ls.lang = choose_lang(ls.forced_lang, params.initialization_options, params.locale)
        root = None
        if params.workspace_folders:
            root = to_fs_path(params.workspace_folders[0].uri)
        if root is None and params.root_uri:
            root = to_fs_path(params.root_uri)
        if root is None and params.root_path:
            root = params.root_path
        ls.root = Path(root or os.getcwd()).resolve()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ProbisServer, _params: types.InitializedParams) -> None:
        root = ls.root or Path.cwd()
        try:
            found: Path | None = api.find_repository(root)
        except api.NoRepository:
            found = None
        if found is not None:
            # Watch from the start: changes during the first load are handled right after it.
            loop = asyncio.get_running_loop()
            threading.Thread(target=ls.watch, args=(found, loop), name="probis-watch", daemon=True).start()
        await ls.submit(lambda: ls.load(root))
        if ls.session is not None:
            ls.request_check()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ProbisServer, _params: Any) -> None:
        ls.watch_stop.set()


def _register_documents(server: ProbisServer) -> None:
    """Open, changed, saved and closed buffers: the session follows the editor."""

    async def buffer_changed(ls: ProbisServer, uri: str) -> None:
        path = to_fs_path(uri)
        if path is None:
            return
        text = ls.workspace.get_text_document(uri).source

        def edit() -> tuple[int, str, list[Finding]] | None:
            if ls.session is None or not ls.session.set_buffer(Path(path), text):
                return None
            found = ls.session.quick_findings(Path(path))
            return None if found is None else (ls.session.generation, *found)

        pending = ls.submit(edit)
        ls.request_check()  # queued behind the edit on the worker
        result = await pending
        if result is None or ls.root is None:
            return
        generation, rel, quick = result
        if ls.view is None or ls.view.snapshot.generation <= generation:  # the full check is not out yet
            # This file's own reading/schema findings at once; the whole check follows.
            ls.publish_file(rel, quick, text.replace("\r\n", "\n"))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: ProbisServer, params: types.DidOpenTextDocumentParams) -> None:
        if ls.rel(params.text_document.uri) is not None:
            ls.open_uris.add(params.text_document.uri)
        await buffer_changed(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: ProbisServer, params: types.DidChangeTextDocumentParams) -> None:
        await buffer_changed(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: ProbisServer, params: types.DidSaveTextDocumentParams) -> None:
        await buffer_changed(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ProbisServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.open_uris.discard(params.text_document.uri)
        path = to_fs_path(params.text_document.uri)
        if path is None:
            return
        ls.submit(lambda: ls.session.close_buffer(Path(path)) if ls.session is not None else False)
        ls.request_check()


def _register_queries(server: ProbisServer) -> None:
    """Hover, definition, references, completion and quick fixes, once the checks settled."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: ProbisServer, params: types.HoverParams) -> types.Hover | None:
        await ls.settled()
        return await ls.hover(params)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def definition(ls: ProbisServer, params: types.DefinitionParams) -> list[types.Location] | None:
        await ls.settled()
        return await ls.definition(params)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def references(ls: ProbisServer, params: types.ReferenceParams) -> list[types.Location] | None:
        await ls.settled()
        return await ls.references(params)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "/", ".", "-", "[", ","])
    )
    async def completion(ls: ProbisServer, params: types.CompletionParams) -> types.CompletionList | None:
        await ls.settled()
        return ls.completion(params)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    async def code_action(ls: ProbisServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        await ls.settled()
        return ls.code_actions(params)


def serve(lang: Lang | None = None) -> None:
    """Run the server over stdin/stdout until the client exits."""
    server = build_server(lang)
    try:
        server.start_io()
    finally:
        server.watch_stop.set()
        server.worker.shutdown(wait=False, cancel_futures=True)
