"""Message catalogues (Indonesian default, English on request) and the language switch.

Each area keeps its own catalogue module (explicit list below) so that messages live
next to the code that raises them without one huge file; ids must be unique across them.
"""

from __future__ import annotations

import datetime as dt
import os
import string
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
ENV_VAR = "PROBIS_LANG"


def resolve_lang(value: str | None = None) -> Lang:
    """The language from an explicit value, else $PROBIS_LANG, else Indonesian."""
    raw = (value or os.environ.get(ENV_VAR) or "id").strip().lower()
    if raw.startswith("en"):
        return "en"
    return "id"


MessageProvider = Callable[[], list[dict[str, dict[str, str]]]]
_PROVIDERS: list[MessageProvider] = []


def register_messages(provider: MessageProvider) -> None:
    """Add catalogues that a higher layer owns (the lint rules' messages), read lazily.

    ``provider`` is called when the catalogue is first built, so i18n never imports the
    modules that keep those messages (``probis_cli.lint`` registers its rules on import).
    """
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
        catalogue.cache_clear()


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """All messages, ``{lang: {id: template}}``, merged from the area catalogues and the registered ones."""
    from probis_cli.i18n import (
        cli_messages,
        core,
        diff_messages,
        lint_messages,
        lsp_messages,
        office_messages,
        onramp_messages,
        render_messages,
        site_messages,
    )

    merged: dict[str, dict[str, str]] = {"id": {}, "en": {}}
    sources: list[tuple[str, dict[str, dict[str, str]]]] = [
        (module.__name__, module.MESSAGES)
        for module in (
            core,
            cli_messages,
            lint_messages,
            render_messages,
            office_messages,
            diff_messages,
            onramp_messages,
            lsp_messages,
            site_messages,
        )
    ]
    for provider in _PROVIDERS:
        sources.extend((provider.__module__, cat) for cat in provider())
    for origin, messages in sources:
        for lang in LANGS:
            for key, template in messages.get(lang, {}).items():
                if key in merged[lang]:
                    raise RuntimeError(f"duplicate message id {key!r} in {origin}")
                merged[lang][key] = template
    return merged


class _Lenient(string.Formatter):
    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        if isinstance(key, str) and key not in kwargs:
            return "{" + key + "}"
        return super().get_value(key, args, kwargs)


_FMT = _Lenient()


MONTHS: dict[Lang, tuple[str, ...]] = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def format_date(value: dt.date, lang: Lang) -> str:
    """``2 Maret 2025`` / ``2 March 2025``: how dates are written in Pemda documents."""
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


def translate(message_id: str, lang: Lang, /, **args: Any) -> str:
    """Format message ``message_id`` in ``lang``; falls back to Indonesian, then to the id."""
    cat = catalogue()
    for key, value in list(args.items()):
        if isinstance(value, dt.date):
            args[key] = format_date(value, lang)
    # An argument named ``x_id`` holds a message id whose translation fills ``{x}``.
    for key in [k for k in args if k.endswith("_id") and isinstance(args[k], str)]:
        args[key[:-3]] = translate(args[key], lang)
    template = cat[lang].get(message_id) or cat["id"].get(message_id)
    if template is None:
        return message_id + (" " + repr(args) if args else "")
    return _FMT.format(template, **args)
