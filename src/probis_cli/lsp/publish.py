"""Positions and diagnostics of the language server: LSP units, URIs, findings as diagnostics.

The base of :class:`~probis_cli.lsp.server.ProbisServer`: everything that turns what the
session found into what the editor shows, and nothing that changes the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from probis_cli.findings import Finding, Location, Severity
from probis_cli.i18n import Lang, translate
from probis_cli.lsp import features, xref
from probis_cli.session import Session, Snapshot

SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass
class View:
    """A snapshot, the texts it was made from, and (once a request needed it) its cross
    reference: what requests are answered from. They always agree with each other."""

    snapshot: Snapshot
    texts: dict[str, str]
    xref: xref.CrossReference | None = None


class Publisher(LanguageServer):
    """A language server over one repository that publishes findings as diagnostics."""

    root: Path | None
    lang: Lang
    session: Session | None
    view: View | None
    published: set[str]  # URIs with diagnostics published
    open_uris: set[str]

    # -- positions ----------------------------------------------------------------------
    def _units(self, text: str) -> int:
        return int(self.workspace.position_codec.client_num_units(text))

    def to_position(self, lines: Sequence[str], line: int, column: int) -> types.Position:
        """1-based line and character column -> an LSP position in the client's units."""
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return types.Position(line=max(line - 1, 0), character=self._units(text[: max(column - 1, 0)]))

    def from_position(self, lines: Sequence[str], position: types.Position) -> tuple[int, int]:
        """An LSP position -> 1-based line and character column."""
        text = lines[position.line] if 0 <= position.line < len(lines) else ""
        units = 0
        for i, char in enumerate(text):
            if units >= position.character:
                return position.line + 1, i + 1
            units += self._units(char)
        return position.line + 1, len(text) + 1

    def uri(self, rel: str) -> str:
        """The URI of a repository-relative path."""
        assert self.root is not None
        return str(from_fs_path(str(self.root / rel)))

    def rel(self, uri: str) -> str | None:
        """The repository-relative path of ``uri``, None when it is not a repository file."""
        path = to_fs_path(uri)
        if path is None or self.root is None:
            return None
        resolved = Path(path).parent.resolve() / Path(path).name
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return None

    def occurrence_location(self, view: View, occ: xref.Occurrence) -> types.Location:
        """An occurrence as an LSP location."""
        lines = view.texts.get(occ.path, "").split("\n")
        return types.Location(
            uri=self.uri(occ.path),
            range=types.Range(
                self.to_position(lines, occ.line, occ.column),
                self.to_position(lines, occ.line, occ.column + occ.length),
            ),
        )

    # -- diagnostics --------------------------------------------------------------------
    def diagnostic(self, finding: Finding, lines: Sequence[str], text: str | None) -> types.Diagnostic:
        """A finding as an LSP diagnostic: same code and message as ``probis validate``."""
        line, start, end = features.finding_span(finding, text)
        related = [
            types.DiagnosticRelatedInformation(
                location=self._location(loc), message=translate("lsp.see_also", self.lang)
            )
            for loc in finding.related
        ]
        return types.Diagnostic(
            range=types.Range(self.to_position(lines, line, start), self.to_position(lines, line, end)),
            severity=SEVERITY[finding.severity],
            code=finding.code,
            source="probis",
            message=f"{finding.text(self.lang)} [{finding.name}]",
            related_information=related or None,
        )

    def _location(self, loc: Location) -> types.Location:
        text = self.view.texts.get(loc.path) if self.view is not None else None
        session_text = self.session.text(loc.path) if self.session is not None else None
        lines = (session_text or text or "").split("\n")
        position = self.to_position(lines, loc.line or 1, loc.column or 1)
        return types.Location(uri=self.uri(loc.path), range=types.Range(position, position))

    def publish_file(self, rel: str, findings: list[Finding], text: str) -> None:
        """Publish the diagnostics of one file."""
        lines = text.split("\n")
        uri = self.uri(rel)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[self.diagnostic(f, lines, text) for f in findings])
        )
        if findings:
            self.published.add(uri)

    def publish(self, snapshot: Snapshot, texts: dict[str, str]) -> None:
        """Publish the diagnostics of every file (and clear those of files now clean)."""
        by_path: dict[str, list[Finding]] = {}
        for finding in snapshot.result.findings:
            by_path.setdefault(finding.location.path, []).append(finding)
        now: set[str] = set()
        for rel, found in sorted(by_path.items()):
            text = texts.get(rel)
            lines = (text or "").split("\n")
            uri = self.uri(rel)
            now.add(uri)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[self.diagnostic(f, lines, text) for f in found])
            )
        for uri in sorted((self.published | self.open_uris) - now):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.published = now
