"""The resolved repository: every document by code, every reference checked.

Rules and renderers read only :class:`Index` (never ruamel or raw dicts);
:func:`build_index` makes it and reports duplicate codes and unresolved references.
"""

from __future__ import annotations

from probis_cli.index.build import IndexCache, build_index
from probis_cli.index.core import Actor, ActorKind, Index, KegiatanEntry, SubKegiatanEntry

__all__ = ["Actor", "ActorKind", "Index", "IndexCache", "KegiatanEntry", "SubKegiatanEntry", "build_index"]
