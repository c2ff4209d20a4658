"""The template machinery of the document renderers: Markdown/HTML escaping filters, the
confined loader for a Pemda's own templates and the sandboxed jinja2 environment.

A Pemda's templates come with the repository, so from anyone who sends a pull request: they
run in jinja2's immutable sandbox (no attribute access to internals such as ``__globals__``,
no mutation, bounded ``range`` and repetition), and are read only as ``*.j2`` files directly
in their folder that resolve inside it (a symlink to a file elsewhere is refused by name).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.exceptions
import jinja2.sandbox

from probis_cli import fs

__all__ = [
    "TEMPLATE_LIMIT",
    "TEMPLATE_MAX_FILES",
    "TEMPLATE_SUFFIX",
    "ConfinedLoader",
    "TemplateRefused",
    "attr",
    "cell",
    "describe_template_error",
    "link_target",
    "make_environment",
    "normalise_text",
    "template_files",
]


# -- escaping ------------------------------------------------------------------------------

# Characters with a meaning in Markdown (inline markup, pipe-table cells, GitHub math) or in
# HTML become numeric character references: every renderer shows them as the character
# itself and none reads them as markup, in a pipe-table cell, an HTML cell or running text.
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "~": "&#126;",
    "$": "&#36;",
}
_ESCAPE_RE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
# Block markers that would matter if a template put the text at the start of a line.
_LEADING_RE = re.compile(r"^(?:[#+=>-]|\d+[.)])")
# Control characters (other than tab and newline) have no place in a document; a form feed
# or NUL would also confuse the block structure of some renderers.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES_RE = re.compile(r"\r\n?|[\n\u2028\u2029]")


def normalise_text(text: object) -> str:
    """The text as a cell shows it: newlines unified, control characters dropped, trimmed."""
    value = "" if text is None else str(text)
    value = _NEWLINES_RE.sub("\n", value)
    value = _CONTROL_RE.sub("", value)
    return "\n".join(line.strip() for line in value.strip().split("\n"))


def cell(text: object) -> str:
    """Escape user text for one Markdown or HTML table cell (or running text): one line, no markup.

    Newlines become ``<br>``; the text can never close its cell, end the table (a blank line
    ends an HTML block) or turn into emphasis, code, a link or a heading.
    """
    lines = normalise_text(text).split("\n")
    out: list[str] = []
    for line in lines:
        escaped = _ESCAPE_RE.sub(lambda m: _ENTITIES[m.group(0)], line)
        lead = _LEADING_RE.match(escaped)
        if lead is not None:
            marker = lead.group(0)
            escaped = f"&#{ord(marker[-1])};".join((marker[:-1], escaped[len(marker) :]))
        out.append(escaped)
    return "<br>".join(out)


def attr(text: object) -> str:
    """Escape text for an HTML attribute value in double quotes."""
    return cell(text).replace("<br>", " ").replace('"', "&quot;")


def link_target(path: str) -> str:
    """A relative link target: spaces and Markdown-breaking characters percent-encoded."""
    return "".join(
        c if c.isalnum() or c in "/._-~:" else "%" + "%".join(f"{b:02X}" for b in c.encode("utf-8")) for c in path
    )


# -- environment ---------------------------------------------------------------------------

TEMPLATE_SUFFIX = ".j2"
TEMPLATE_LIMIT = 1024 * 1024  # bytes of one template; the packaged ones are a few kB
TEMPLATE_MAX_FILES = 200


class TemplateRefused(jinja2.TemplateError):
    """A file of a Pemda's template folder that probis will not read.

    ``reason``: ``outside`` (a symlink leading out of the folder), ``not-file`` (a FIFO,
    device or folder), ``too-large``, ``unreadable``, ``encoding`` (not UTF-8), ``too-many``.
    """

    def __init__(self, name: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{name}: {reason}" + (f" ({detail})" if detail else ""))
        self.name = name
        self.reason = reason
        self.detail = detail


def _is_template_name(name: str) -> bool:
    return name.endswith(TEMPLATE_SUFFIX) and not name.startswith(".") and "/" not in name and "\\" not in name


def _read_template(folder: Path, name: str) -> str:
    path = folder / name
    if not fs.is_inside(path, folder):
        raise TemplateRefused(name, "outside")
    try:
        data = fs.read_limited(path, TEMPLATE_LIMIT)
    except fs.TooLarge as exc:
        raise TemplateRefused(name, "too-large") from exc
    except fs.NotRegularFile as exc:
        raise TemplateRefused(name, "not-file") from exc
    except OSError as exc:
        raise TemplateRefused(name, "unreadable", exc.strerror or str(exc)) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateRefused(name, "encoding") from exc


def template_files(folder: Path) -> list[tuple[str, str]]:
    """``(name, text)`` of every template (``*.j2``) directly in ``folder``, sorted by name.

    Only these can replace a packaged template (sub-folders are not searched), so they are
    all that the drafts depend on. Raises :class:`TemplateRefused` for one that leads out of
    the folder or cannot be read.
    """
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if _is_template_name(entry.name))
    except OSError as exc:
        raise TemplateRefused(folder.name or str(folder), "unreadable", exc.strerror or str(exc)) from exc
    if len(names) > TEMPLATE_MAX_FILES:
        raise TemplateRefused(folder.name or str(folder), "too-many", str(TEMPLATE_MAX_FILES))
    return [(name, _read_template(folder, name)) for name in names]


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from one folder only: ``*.j2`` files directly in it, resolving inside it."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = self.folder / template
        if not _is_template_name(template) or not (path.exists() or path.is_symlink()):
            raise jinja2.TemplateNotFound(template)
        return _read_template(self.folder, template), str(path), lambda: True


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, with ``*`` and ``**`` bounded (``'x' * 10**10``)."""

    intercepted_binops = frozenset(["*", "**"])
    MAX_ITEMS = 1_000_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 256:
            raise jinja2.exceptions.SecurityError("the power operator is limited to exponents up to 256")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > self.MAX_ITEMS:
                    raise jinja2.exceptions.SecurityError(f"repetition is limited to {self.MAX_ITEMS} items")
        return super().call_binop(context, operator, left, right)


def describe_template_error(exc: jinja2.TemplateError) -> tuple[str, str | None, int | None, str]:
    """``(kind, file, line, detail)`` of a template error, for a located message.

    ``kind``: ``refused`` (see :class:`TemplateRefused`, ``detail`` is its reason),
    ``unsafe`` (the sandbox stopped it), ``syntax``, ``missing`` or ``error``; ``file`` is the
    template's path (or name) when known.
    """
    if isinstance(exc, TemplateRefused):
        return "refused", exc.name, None, exc.reason
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return "syntax", exc.filename or exc.name, exc.lineno, exc.message or str(exc)
    file: str | None = None
    line: int | None = None
    tb = exc.__traceback__
    while tb is not None:  # jinja2 rewrites frames of template code to the template's lines
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(TEMPLATE_SUFFIX):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return "unsafe", file, line, str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        return "missing", file, line, str(exc.name) if exc.name else str(exc)
    return "error", file, line, str(exc)


def make_environment(template_dir: str | None) -> jinja2.Environment:
    """The jinja2 environment: a Pemda's ``template_dir`` first, then the packaged templates.

    Sandboxed (see the module docstring): a template is repository content, not code.
    """
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        loaders.append(ConfinedLoader(template_dir))
    loaders.append(jinja2.PackageLoader("probis_cli", "templates", encoding="utf-8"))
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown: user text goes through the ``cell`` filter instead
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,  # a partial included mid-line adds no line break
    )
    env.filters["cell"] = cell
    env.filters["attr"] = attr
    env.filters["link"] = link_target
    return env
