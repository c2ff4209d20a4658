"""The lint engine: configuration -> rules -> severity -> suppressions -> baseline.

``run_lint(loaded, options)`` takes a loaded repository (its read/schema/reference findings
included) and returns every finding after the rules ran and the configuration, inline
suppressions and baseline were applied; ``api.check`` then narrows to the scope and the
``--select``/``--ignore`` options. Rules are pure functions of the index; a rule that raises
becomes a P000 finding instead of stopping the run.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from probis_cli.findings import Finding, Location, Message
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule
from probis_cli.lint.baseline import BaselineError, apply_baseline, baseline_path, read_baseline
from probis_cli.lint.config import PROTECTED_CODES, LintConfig, read_config
from probis_cli.lint.incremental import Inputs, LintCache, run_cached
from probis_cli.lint.registry import ALL_RULES, ENGINE_CODES, known_codes
from probis_cli.lint.suppression import FileSuppressions, Suppressor, parse_suppressions
from probis_cli.model.build import CORE_CODES, Document
from probis_cli.source.discover import matches_any


class _Source(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def text(self) -> str: ...


class LintInput(Protocol):
    """What the engine reads of a loaded repository (``api.Loaded`` is one)."""

    @property
    def root(self) -> Path: ...
    @property
    def sources(self) -> Sequence[_Source]: ...
    @property
    def index(self) -> Index: ...
    @property
    def findings(self) -> Sequence[Finding]: ...


class LintOptions(Protocol):
    """How the engine runs (``api.CheckOptions`` is one)."""

    @property
    def lint(self) -> bool: ...
    @property
    def baseline(self) -> Path | None: ...
    @property
    def use_baseline(self) -> bool: ...


@dataclass
class LintOutcome:
    """What the engine produced: all findings (sorted) and what it set aside."""

    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    baselined: int = 0
    config: LintConfig = field(default_factory=LintConfig)
    timings: dict[str, float] = field(default_factory=dict)  # rule code -> seconds


def engine_finding(code: str, location: Location, message_id: str, /, **args: Any) -> Finding:
    """A finding with one of the engine's P codes."""
    name, severity = ENGINE_CODES[code]
    return Finding(code, name, severity, location, Message.of(message_id, **args))


def _config_location(index: Index) -> Location:
    return Location(index.pemda.path) if index.pemda is not None else Location("probis.yaml")


def run_rules(
    index: Index, config: LintConfig, timings: dict[str, float] | None = None, *, cache: LintCache | None = None
) -> tuple[list[Finding], set[str]]:
    """Run the enabled rules; return their findings (stamped) and the codes that ran to the end.

    With ``cache``, a rule whose inputs are unchanged since the run that filled it is not run:
    its hits are taken from the cache (see :mod:`probis_cli.lint.incremental`).
    """
    findings: list[Finding] = []
    ran: set[str] = set()
    inputs = Inputs(index, cache.digests) if cache is not None else None
    if cache is not None:
        cache.ran, cache.deferred = [], []
    for setting in config.enabled():
        rule = setting.rule
        started = time.perf_counter()
        try:
            if cache is not None and inputs is not None:
                hits, failures = run_cached(rule, index, setting.options, cache, inputs, _run_isolated)
            else:
                hits, failures = _run_isolated(rule, index, setting.options)
        finally:
            if timings is not None:
                timings[rule.code] = time.perf_counter() - started
        for exc, doc in failures:
            location = doc.loc() if doc is not None else _config_location(index)
            findings.append(
                engine_finding(
                    "P000",
                    location,
                    "lint.engine.rule_failed" if doc is None else "lint.engine.rule_failed_doc",
                    code=rule.code,
                    rule=rule.name,
                    error=f"{type(exc).__name__}: {exc}",
                )
            )
        if not failures:
            ran.add(rule.code)
        for hit in hits:
            findings.append(
                Finding(rule.code, rule.name, setting.severity, hit.location, hit.message, hit.related, hit.key)
            )
    return findings, ran


_MAX_RETRIES = 3


def _run_isolated(
    rule: type[Rule], index: Index, options: Any
) -> tuple[list[Hit], list[tuple[Exception, Document[Any] | None]]]:
    """Run ``rule``; when it crashes on a document, run it again without that document.

    One broken rule must not hide the other rules' findings, and a rule that trips over one
    odd document must not lose its findings on all the others. The document is the one the
    rule was looking at (a ``Document`` in the crashing frames); the rule is run again on an
    index without it, a few times at most. Each crash is returned for a P000 finding.
    """
    failures: list[tuple[Exception, Document[Any] | None]] = []
    excluded: list[Document[Any]] = []
    view = index
    hits: list[Hit] = []
    for _ in range(_MAX_RETRIES + 1):
        hits = []
        try:
            for hit in rule().check(view, options):
                hits.append(hit)
            return hits, failures
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others' findings
            doc = _crashing_document(exc)
            failures.append((exc, doc))
            if doc is None or any(doc is d for d in excluded):
                break
            excluded.append(doc)
            try:
                view = index.without(excluded)
            except Exception:  # noqa: BLE001 - isolation is best effort
                break
    return hits, failures  # what the rule yielded before its last crash


def _crashing_document(exc: BaseException) -> Document[Any] | None:
    """The document a rule was working on when it raised (innermost frame naming one)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        local = frame.f_locals
        doc = local.get("doc")
        if isinstance(doc, Document):
            return doc
        for value in local.values():
            if isinstance(value, Document):
                return value
    return None


def _relevel(findings: Sequence[Finding], config: LintConfig) -> list[Finding]:
    """Apply per-code severity and tingkat: mati to non-rule findings; drop ignored codes."""
    out: list[Finding] = []
    for f in findings:
        if f.code in PROTECTED_CODES:
            out.append(f)
            continue
        if f.code in config.ignored or f.code in config.off:
            continue
        severity = config.severity.get(f.code)
        if severity is not None and severity != f.severity:
            f = Finding(f.code, f.name, severity, f.location, f.message, f.related, f.fingerprint_extra)
        out.append(f)
    return out


def _per_file_ignored(f: Finding, config: LintConfig, memo: dict[str, list[frozenset[str]]]) -> bool:
    if not config.per_file:
        return False
    sets = memo.get(f.location.path)
    if sets is None:
        sets = [codes for glob, codes in config.per_file if matches_any(f.location.path, [glob])]
        memo[f.location.path] = sets
    return any(f.code in codes for codes in sets)


def _suppressions(loaded: LintInput, codes: dict[str, str], cache: LintCache | None = None) -> Suppressor:
    files: dict[str, FileSuppressions] = {}
    # Most files hold no directive: with a cache, those (by content) are not scanned again.
    quiet = cache.quiet if cache is not None else set()
    still: set[tuple[str, str]] = set()
    for source in loaded.sources:
        digest = cache.digests.get(source.path, "") if cache is not None else ""
        if digest and (source.path, digest) in quiet:
            still.add((source.path, digest))
            continue
        parsed = parse_suppressions(source.path, source.text, codes)
        if parsed is not None:
            files[source.path] = parsed
        elif digest:
            still.add((source.path, digest))
    if cache is not None:
        cache.quiet = still
    return Suppressor(files)


def run_lint(
    loaded: LintInput,
    options: LintOptions,
    *,
    rules: Sequence[type[Rule]] = ALL_RULES,
    cache: LintCache | None = None,
) -> LintOutcome:
    """Lint ``loaded``: every finding after configuration, suppressions and the baseline.

    ``cache`` keeps rule results between runs over the same repository (the rules run again
    only where what they read changed); the findings are the same with or without it.
    """
    index = loaded.index
    outcome = LintOutcome()
    config = read_config(index, rules)
    outcome.config = config
    # With ``lint=False`` no rule runs, but configuration, suppressions and the baseline still
    # apply to the read/schema/reference findings.
    rule_findings, ran = run_rules(index, config, outcome.timings, cache=cache) if options.lint else ([], set())

    codes = known_codes()
    codes.update({r.code: r.name for r in rules})
    suppressor = _suppressions(loaded, codes, cache)
    # Codes whose absence we can judge: unused directives for them are reported (P001).
    judged = (ran | {c for c in CORE_CODES} | {"P003", "P004"}) - config.ignored - config.off

    findings = _relevel([*loaded.findings, *config.findings, *suppressor.malformed()], config) + rule_findings
    findings = [f for f in findings if f.code not in config.ignored or f.code in PROTECTED_CODES]
    memo: dict[str, list[frozenset[str]]] = {}
    kept: list[Finding] = []
    for f in findings:
        if f.code not in PROTECTED_CODES and _per_file_ignored(f, config, memo):
            outcome.suppressed += 1
        elif suppressor.suppresses(f):
            outcome.suppressed += 1
        else:
            kept.append(f)
    # Unused suppressions are findings too, and may themselves be suppressed or configured.
    for f in _relevel(suppressor.unused(judged), config):
        if _per_file_ignored(f, config, memo) or suppressor.suppresses(f):
            outcome.suppressed += 1
        else:
            kept.append(f)

    kept.sort(key=Finding.sort_key)
    if options.use_baseline:
        path = baseline_path(loaded.root, option=options.baseline, configured=config.baseline)
        try:
            baseline = read_baseline(path)
            if baseline is None and options.baseline is not None:
                raise BaselineError("lint.baseline.missing", path=str(options.baseline))
        except BaselineError as exc:
            kept.append(engine_finding("P004", Location(_display(loaded.root, path)), exc.message_id, **exc.args_))
            baseline = None
        if baseline is not None:
            kept, outcome.baselined = apply_baseline(kept, baseline)
    outcome.findings = sorted(kept, key=Finding.sort_key)
    return outcome


def _display(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
