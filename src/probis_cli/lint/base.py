"""What a lint rule is: code, name, default severity, typed options, bilingual docs, check().

A rule is a pure function of the repository index: it yields :class:`Hit` objects (where
and what). The engine stamps code, name and the effective severity from configuration,
applies suppressions and the baseline. Rules never print, never read files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from probis_cli.findings import Location, Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index

CODE_RE = re.compile(r"^[TKM]\d{3}$")  # T tumpang tindih, K keterkaitan, M mutu/SOP
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class NoOptions(BaseModel):
    """Options of a rule that has none."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a rule fires."""

    location: Location
    message: Message
    related: tuple[Location, ...] = ()
    # Extra identity for the baseline when message args alone are not unique.
    key: str = ""


KINDS: frozenset[str] = frozenset({"pemda", "rpjmd", "opd", "proses", "sop"})


@dataclass(frozen=True, slots=True)
class Reads:
    """What a rule reads of the index, so that the engine can reuse its hits while that is unchanged.

    ``kinds``: the kinds of document whose content the rule reads, directly or through the
    index's derived views — actors come from ``pemda`` and ``opd``; kegiatan and sub kegiatan
    from ``opd``; program, sasaran, tujuan and misi from ``rpjmd``; children, levels and
    ancestors from ``proses``; ``sop_by_proses`` from ``proses`` and ``sop``; ``failed_links(K)``
    from the documents of kind K that failed to load. ``None`` (the default) is everything: a
    rule that declares nothing is run again after every change.

    ``per_document``: a kind whose documents the rule judges one at a time — the hits on a
    document depend on that document alone (and the options), and lie in its file — so the
    engine runs it only on the documents whose file changed.
    """

    kinds: frozenset[str] | None = None
    per_document: str | None = None

    @classmethod
    def of(cls, *kinds: str) -> Reads:
        """A rule over the whole of these kinds of document."""
        return cls(frozenset(kinds))

    @classmethod
    def each(cls, kind: str) -> Reads:
        """A rule that judges each document of ``kind`` on its own."""
        return cls(frozenset({kind}), per_document=kind)


EVERYTHING = Reads()


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """Documentation of a rule in one language."""

    summary: str  # one line
    why: str  # why it matters (a paragraph)
    fix: str  # what to do instead


class Rule:
    """Base class of lint rules; subclasses set the class attributes and implement check()."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    Options: ClassVar[type[BaseModel]] = NoOptions
    # The rule's own messages, ``{lang: {message id: template}}`` (ids ``lint.<CODE>.*``);
    # the registry hands them to the i18n catalogue.
    messages: ClassVar[dict[str, dict[str, str]]] = {}
    docs: ClassVar[dict[Lang, RuleDoc]]
    # Small repositories (several files) showing the problem and the fix. Format: files
    # separated by lines "# file: relative/path.yaml"; a test loads each and asserts that
    # the rule fires on `bad` and not on `good`.
    bad: ClassVar[str]
    good: ClassVar[str]
    # What the rule reads (see :class:`Reads`): a Reads, or its short form — kinds separated
    # by spaces ("opd proses"), or "each sop" for a per-document rule. Default: everything.
    reads: ClassVar[Reads | str] = EVERYTHING

    def check(self, index: Index, options: Any) -> Iterable[Hit]:
        """Yield the hits of this rule on ``index`` with validated ``options``."""
        raise NotImplementedError


def declared_reads(rule: type[Rule]) -> Reads:
    """The rule's :class:`Reads` (its short form read); ValueError when malformed."""
    spec = rule.reads
    if isinstance(spec, Reads):
        return spec
    words = spec.split()
    if len(words) == 2 and words[0] == "each":
        return Reads.each(words[1])
    if not words or "each" in words:
        raise ValueError(f"{rule.code}: malformed reads {spec!r}")
    return Reads.of(*words)


def validate_rule_class(rule: type[Rule]) -> None:
    """Raise ValueError when a rule's code, name or docs are malformed (checked at registration)."""
    if not CODE_RE.match(rule.code):
        raise ValueError(f"bad rule code {rule.code!r}")
    if not NAME_RE.match(rule.name):
        raise ValueError(f"bad rule name {rule.name!r}")
    for lang in ("id", "en"):
        if lang not in rule.docs:
            raise ValueError(f"{rule.code}: docs missing for {lang}")
    if not rule.bad.strip() or not rule.good.strip():
        raise ValueError(f"{rule.code}: bad/good examples required")
    reads = declared_reads(rule)
    if reads.kinds is not None and not reads.kinds <= KINDS:
        raise ValueError(f"{rule.code}: reads unknown kinds {sorted(reads.kinds - KINDS)}")
    if reads.per_document is not None and (reads.kinds is None or reads.kinds != {reads.per_document}):
        raise ValueError(f"{rule.code}: a per-document rule reads its own kind only")
