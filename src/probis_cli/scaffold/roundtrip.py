"""Round-trip editing of YAML files: comments, blank lines, quoting and layout kept.

Used by ``fmt`` and ``ganti-kode``. ruamel.yaml's round-trip mode is the only reader that keeps
comments; it is slow (≈0.25 MB/s), which is acceptable off the hot path.

Values are kept exactly as typed: the round-trip loader here resolves *no* plain scalar
(``2.20``, ``0012``, ``2026-01-14``, ``true``, ``null``, ``no`` stay the text that was typed,
and are written back plain), so nothing YAML would misread is ever turned into a number,
a date or a boolean and back. Quoted scalars keep their quotes. Whatever an edit does, the
result is read again with probis's own reader and model builder and compared with what is
expected (:func:`same_content`); a mismatch means the edit is refused, never written.

Byte order mark and line endings are kept per file: a file saved on Windows with a BOM and
CRLF is written back with both; everything else with LF.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from probis_cli.model.build import build_documents
from probis_cli.source.loader import SourceFile
from probis_cli.source.reader import read_text

BOM = "\ufeff"


class TextResolver(VersionedResolver):
    """Every plain scalar is text: the round trip never reinterprets what was typed."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def yaml_rt() -> YAML:
    """The round-trip reader/writer with probis's canonical indentation."""
    yaml = YAML(typ="rt")
    yaml.Resolver = TextResolver
    yaml.version = None
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_duplicate_keys = False
    return yaml


@dataclasses.dataclass(frozen=True)
class Envelope:
    """How a file's text is wrapped: BOM and line ending, restored on writing."""

    bom: bool
    crlf: bool

    @staticmethod
    def of(raw: str) -> tuple[Envelope, str]:
        """Split ``raw`` into its envelope and LF text without BOM."""
        bom = raw.startswith(BOM)
        text = raw[1:] if bom else raw
        crlf = "\r\n" in text
        return Envelope(bom, crlf), text.replace("\r\n", "\n")

    def wrap(self, text: str) -> str:
        """``text`` (LF, no BOM) in this envelope."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (BOM if self.bom else "") + text


class RoundTripError(ValueError):
    """A file that cannot be read round-trip (broken YAML, duplicate keys, ...)."""


def load_rt(text: str) -> list[Any]:
    """All documents of ``text`` (LF, no BOM) as ruamel round-trip nodes."""
    try:
        return list(yaml_rt().load_all(text))
    except (YAMLError, ValueError, TypeError) as exc:
        raise RoundTripError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def dump_rt(documents: list[Any], *, explicit_start: bool) -> str:
    """Text of ``documents`` (LF)."""
    yaml = yaml_rt()
    if explicit_start or len(documents) > 1:
        yaml.explicit_start = True
    buffer = io.StringIO()
    yaml.dump_all(documents, buffer)
    return buffer.getvalue()


def has_explicit_start(text: str) -> bool:
    """Whether the first document is introduced by ``---``."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("%"):
            continue
        return stripped == "---" or stripped.startswith("--- ")
    return False


def _source(path: str, text: str) -> SourceFile:
    result = read_text(text)
    return SourceFile(path, Path(path), result.text, result.documents, result.issues, "")


def probis_view(path: str, text: str) -> tuple[list[Any], list[Any], list[str]]:
    """What probis reads from ``text``: raw data trees, built models, finding codes."""
    source = _source(path, text)
    documents, findings = build_documents(source)
    return (
        [d.data for d in source.documents],
        [d.model.model_dump() for d in documents],
        sorted(f.code for f in findings),
    )


def same_content(path: str, before: str, after: str, expect: Callable[[Any], Any] | None = None) -> bool:
    """Whether probis reads the same thing from ``after`` as from ``before``.

    Mappings compare regardless of key order (probis never depends on it); everything else,
    every scalar's exact text included, must match. ``expect`` maps the data read from
    ``before`` to what ``after`` should hold (``ganti-kode``: with the code renamed).
    """
    data_before, models_before, codes_before = probis_view(path, before)
    data_after, models_after, codes_after = probis_view(path, after)
    if expect is not None:
        return [expect(d) for d in data_before] == data_after and codes_before == codes_after
    return data_before == data_after and models_before == models_after and codes_before == codes_after
