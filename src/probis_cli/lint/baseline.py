"""The baseline: findings accepted for now, so that only new ones are reported.

File format (deterministic JSON, UTF-8, sorted; reviewed in pull requests like any file)::

    {
      "probis_baseline": 1,
      "total": 3,
      "findings": [
        {"path": "opd/dinkes.yaml", "code": "K005", "fingerprint": "<sha256 hex>",
         "count": 2, "message": "<Indonesian text, for reviewers only>"}
      ]
    }

``fingerprint`` is the SHA-256 of :meth:`Finding.fingerprint` (code, path, message id and
arguments — no line), the same digest the JSON/SARIF reports show, so a finding keeps its
identity when lines move. Matching is count-aware: with 2 accepted and 3 present, 1 is
reported. ``message`` is informative and ignored when reading.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from probis_cli import fs
from probis_cli.findings import Finding

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".probis-baseline.json"
# Errors in the configuration, the suppressions, the baseline or probis itself must be fixed,
# not accepted.
NEVER_BASELINED = frozenset({"P000", "P002", "P003", "P004"})

_SURROGATES = re.compile("[\ud800-\udfff]")


def fingerprint_hash(finding: Finding) -> str:
    """SHA-256 hex of the finding's line-independent identity (as in the JSON/SARIF reports)."""
    return hashlib.sha256(_SURROGATES.sub("\ufffd", finding.fingerprint()).encode("utf-8")).hexdigest()


class BaselineError(Exception):
    """The baseline file cannot be used; ``message_id`` and ``args`` describe why."""

    def __init__(self, message_id: str, **args: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@dataclass
class Baseline:
    """Accepted findings: fingerprint -> how many, plus the raw entries (for merging)."""

    counts: dict[str, int] = field(default_factory=dict)
    entries: list[dict[str, object]] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many findings are accepted."""
        return sum(self.counts.values())


def baseline_path(root: Path, *, option: Path | None = None, configured: str | None = None) -> Path:
    """Where the baseline lives: the CLI option, else ``pengaturan.lint.baseline``, else the default."""
    if option is not None:
        return option if option.is_absolute() else Path.cwd() / option
    return root / (configured or DEFAULT_BASELINE)


def _entries(findings: Iterable[Finding], lang_text: bool) -> list[dict[str, object]]:
    grouped: dict[tuple[str, str, str], dict[str, object]] = {}
    for f in findings:
        if f.code in NEVER_BASELINED:
            continue
        key = (f.location.path, f.code, fingerprint_hash(f))
        entry = grouped.get(key)
        if entry is None:
            entry = {"path": key[0], "code": key[1], "fingerprint": key[2], "count": 0}
            if lang_text:
                entry["message"] = _SURROGATES.sub("\ufffd", f.text("id"))
            grouped[key] = entry
        entry["count"] = int(entry["count"]) + 1  # type: ignore[call-overload]
    return [grouped[k] for k in sorted(grouped)]


def dump_baseline(findings: Iterable[Finding], *, keep: Sequence[dict[str, object]] = ()) -> str:
    """The baseline file text for ``findings`` (plus ``keep``: old entries to carry over)."""
    entries = _entries(findings, lang_text=True)
    seen = {(str(e["path"]), str(e["code"]), str(e["fingerprint"])) for e in entries}
    for old in keep:
        key = (str(old.get("path")), str(old.get("code")), str(old.get("fingerprint")))
        if key not in seen:
            entries.append(dict(old))
            seen.add(key)
    entries.sort(key=lambda e: (str(e["path"]), str(e["code"]), str(e["fingerprint"])))
    total = sum(int(e["count"]) for e in entries)  # type: ignore[call-overload]
    data = {"probis_baseline": BASELINE_VERSION, "total": total, "findings": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_baseline(text: str) -> Baseline:
    """Read a baseline file's text; raise BaselineError when it is not one."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BaselineError("lint.baseline.not_json", detail=str(exc)) from None
    if not isinstance(data, dict) or "probis_baseline" not in data or not isinstance(data.get("findings"), list):
        raise BaselineError("lint.baseline.bad_shape")
    if data["probis_baseline"] != BASELINE_VERSION:
        raise BaselineError(
            "lint.baseline.version", value=str(data["probis_baseline"]), supported=str(BASELINE_VERSION)
        )
    baseline = Baseline()
    for entry in data["findings"]:
        if not (isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)):
            raise BaselineError("lint.baseline.bad_shape")
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise BaselineError("lint.baseline.bad_shape")
        fp = entry["fingerprint"]
        baseline.counts[fp] = baseline.counts.get(fp, 0) + count
        baseline.entries.append(entry)
    return baseline


BASELINE_MAX_BYTES = 256 * 1024 * 1024


def read_baseline(path: Path) -> Baseline | None:
    """The baseline at ``path``; None when the file does not exist; BaselineError when unusable."""
    try:
        # Bounded and never a FIFO or device: the path can come from probis.yaml.
        raw = fs.read_limited(path, BASELINE_MAX_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise BaselineError("lint.baseline.unreadable", detail=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BaselineError("lint.baseline.not_json", detail="UTF-8") from None
    return parse_baseline(text)


def apply_baseline(findings: Sequence[Finding], baseline: Baseline) -> tuple[list[Finding], int]:
    """Drop accepted findings (count-aware, in the order given); return the rest and how many were dropped."""
    remaining = dict(baseline.counts)
    kept: list[Finding] = []
    dropped = 0
    for f in findings:
        if f.code not in NEVER_BASELINED and remaining:
            fp = fingerprint_hash(f)
            left = remaining.get(fp, 0)
            if left > 0:
                remaining[fp] = left - 1
                dropped += 1
                continue
        kept.append(f)
    return kept, dropped


@dataclass(frozen=True)
class BaselineWrite:
    """A baseline ready to be written: where, what, and a summary."""

    path: Path
    text: str
    count: int  # findings recorded from this run
    files: int  # distinct files among them
    kept: int  # old entries carried over (outside what this run checked)


def prepare_baseline(
    root: Path,
    findings: Sequence[Finding],
    *,
    option: Path | None,
    configured: str | None,
    covered: Callable[[str, str], bool] = lambda path, code: True,
) -> BaselineWrite:
    """The baseline for ``findings``.

    ``covered(path, code)`` tells whether this run could have reported such a finding (its
    scope, --select/--ignore, --no-lint); old entries it could not have reported are kept, so
    that a narrowed run does not forget the rest of the repository's accepted findings.
    """
    path = baseline_path(root, option=option, configured=configured)
    keep: list[dict[str, object]] = []
    try:
        old = read_baseline(path)
    except BaselineError:
        old = None  # an unusable file is replaced
    if old is not None:
        keep = [e for e in old.entries if not covered(str(e.get("path", "")), str(e.get("code", "")))]
    recorded = [f for f in findings if f.code not in NEVER_BASELINED]
    text = dump_baseline(recorded, keep=keep)
    return BaselineWrite(
        path=path,
        text=text,
        count=len(recorded),
        files=len({f.location.path for f in recorded}),
        kept=sum(int(e.get("count", 1)) for e in keep),  # type: ignore[call-overload]
    )
