"""``probis diff``: what a change to the repository means, and the findings it makes or fixes."""

from __future__ import annotations

from collections.abc import Callable

from probis_cli.diff import json_, markdown, text
from probis_cli.diff.model import DiffResult
from probis_cli.i18n import Lang

DiffReporter = Callable[[DiffResult, Lang], str]

DIFF_REPORTERS: dict[str, DiffReporter] = {
    "text": text.report,
    "markdown": markdown.report,
    "json": json_.report,
}
