"""K010 ``kode-anak-tanpa-awalan-induk``: K010: a child process code does not start with its parent's code."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PARENT, _child, _repo, _sop

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K010.hit": ("Kode proses {proses} tidak diawali kode induknya; harapkan '{awalan}…' (induk {induk})."),
    },
    "en": {
        "lint.K010.hit": (
            "Process code {proses} does not start with its parent's code; expected '{awalan}…' (parent {induk})."
        ),
    },
}


def _in_parent_cycle(index: Index, kode: str) -> bool:
    """Whether following ``induk`` from ``kode`` comes back to ``kode``."""
    seen: set[str] = set()
    current = index.proses[kode].model.induk
    while current is not None and current in index.proses and current not in seen:
        if current == kode:
            return True
        seen.add(current)
        current = index.proses[current].model.induk
    return False


# ---------------------------------------------------------------------------------------
# K010 kode-anak-tanpa-awalan-induk


class KodeAnakOptions(BaseModel):
    """Options of K010."""

    model_config = ConfigDict(extra="forbid")

    pemisah: str = Field(
        default=".",
        description="Pemisah antara kode induk dan bagian kode anak (mis. '.' untuk PB.02 → PB.02.01).",
        json_schema_extra={
            "en": "Separator between the parent code and the child's part (e.g. '.' for PB.02 → PB.02.01)."
        },
    )


class KodeAnakTanpaAwalanInduk(Rule):
    """K010: a child process code does not start with its parent's code."""

    messages = MESSAGES
    code: ClassVar[str] = "K010"
    name: ClassVar[str] = "kode-anak-tanpa-awalan-induk"
    reads = "proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = KodeAnakOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kode proses anak tidak diawali kode proses induknya.",
            why=(
                "Praktik umum penomoran peta proses bisnis: kode anak = kode induk + pemisah + "
                "nomor (PB.02 → PB.02.01 → PB.02.01.03), sehingga level dan induk terbaca dari "
                "kodenya. Kode yang menyimpang membingungkan pembaca peta dan dokumen SOP."
            ),
            fix=(
                "Ganti kode proses anak agar diawali kode induk dan pemisah. Bila Pemda memakai "
                "pola lain, atur opsi `pemisah` atau matikan aturan ini (`tingkat: mati`)."
            ),
        ),
        "en": RuleDoc(
            summary="A child process code does not start with its parent's code.",
            why=(
                "Common numbering practice for process maps: child code = parent code + separator "
                "+ number (PB.02 → PB.02.01 → PB.02.01.03), so level and parent can be read from "
                "the code. Codes that deviate confuse readers of the map and the SOP documents."
            ),
            fix=(
                "Rename the child process so that its code starts with the parent's code and the "
                "separator. If the Pemda uses another scheme, set the `pemisah` option or switch "
                "the rule off (`tingkat: mati`)."
            ),
        ),
    }
    bad: ClassVar[str] = _repo(proses=_PARENT + _child(kode="IMUN-01"), sop=_sop(proses="IMUN-01"))
    good: ClassVar[str] = _repo(proses=_PARENT + _child(), sop=_sop(proses="PB.01.01"))

    def check(self, index: Index, options: KodeAnakOptions) -> Iterator[Hit]:
        """Children whose code is not parent + separator + something."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            induk = doc.model.induk
            if induk is None or induk not in index.proses or induk == kode or _in_parent_cycle(index, kode):
                continue  # in a cycle the induk is what is wrong (K011 says so), not the code
            prefix = induk + options.pemisah
            if kode.startswith(prefix) and len(kode) > len(prefix):
                continue
            yield Hit(doc.loc("kode"), Message.of("lint.K010.hit", proses=kode, induk=induk, awalan=prefix))
