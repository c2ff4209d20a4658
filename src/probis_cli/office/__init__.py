"""Word and Excel in and out: legacy SOP AP (.docx) into YAML, SOP AP out as .docx, Renstra
kegiatan from .xlsx.

The Office libraries (python-docx, openpyxl, lxml) are the ``office`` extra
(``pip install 'probis-cli[office]'``); :func:`require` says clearly when one is missing.
Nothing here prints or exits: errors are :class:`OfficeError` with a message id.
"""

from __future__ import annotations

import importlib.util


class OfficeError(Exception):
    """A file that cannot be read or written; ``message_id`` and ``args`` word it."""

    def __init__(self, message_id: str, **args: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


def require(*modules: str) -> None:
    """Raise :class:`OfficeError` when an Office library is not installed."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise OfficeError("office.missing", modules=", ".join(missing))
