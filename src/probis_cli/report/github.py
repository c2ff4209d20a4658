"""GitHub Actions workflow commands: one annotation line per finding.

Paths are relative to the git top folder (``ReportContext.path_prefix``), where the runner
resolves them, so annotations land on the file also when the data sits in a subfolder.
Escaping follows the runner's own rules (actions/toolkit ``command.ts``): ``%``, CR and LF
in the message; additionally ``:`` and ``,`` in property values.
"""

from __future__ import annotations

from probis_cli.findings import Finding, Result, Severity
from probis_cli.report._base import ReportContext, clean

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return clean(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _line(finding: Finding, ctx: ReportContext) -> str:
    loc = finding.location
    props: list[tuple[str, object]] = [("file", ctx.platform_path(loc.path))]
    if loc.line is not None:
        props.append(("line", loc.line))
        if loc.column is not None:
            props.append(("col", loc.column))
        if loc.end_line is not None:
            props.append(("endLine", loc.end_line))
            if loc.end_column is not None and loc.column is not None:
                props.append(("endColumn", loc.end_column))
    props.append(("title", f"{finding.code} {finding.name}"))
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{_COMMAND[finding.severity]} {rendered}::{escape_data(finding.text(ctx.lang))}"


def report(result: Result, ctx: ReportContext) -> str:
    """Render ``result`` as workflow commands (empty when there is nothing to report)."""
    return "".join(_line(f, ctx) + "\n" for f in result.sorted())
