"""M008 ``keterkaitan-tidak-ditemukan``: M008: keterkaitan names what looks like an SOP code, but no SOP has that code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import GOOD, _bad
from probis_cli.suggest import suggest

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M008.hit": ("SOP {sop}: keterkaitan merujuk SOP '{kode}', yang tidak ditemukan."),
        "lint.M008.hint": ("SOP {sop}: keterkaitan merujuk SOP '{kode}', yang tidak ditemukan. Maksud Anda '{hint}'?"),
    },
    "en": {
        "lint.M008.hit": ("SOP {sop}: keterkaitan refers to SOP '{kode}', which is not found."),
        "lint.M008.hint": ("SOP {sop}: keterkaitan refers to SOP '{kode}', which is not found. Did you mean '{hint}'?"),
    },
}


# ---------------------------------------------------------------------------------------
# M008 keterkaitan-tidak-ditemukan

_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9]")


class KeterkaitanOptions(BaseModel):
    """Options of M008."""

    model_config = ConfigDict(extra="forbid")

    pola: str = Field(
        default=r"^SOP[-_.]",
        description=(
            "Ekspresi reguler (tanpa membedakan huruf besar) untuk kata yang dianggap kode SOP; selain "
            "itu kata yang berawalan sama dengan kode SOP yang ada (mis. SOP-DINKES-) juga dianggap kode."
        ),
        json_schema_extra={
            "en": (
                "Regular expression (case-insensitive) for words taken as SOP codes; words starting like an "
                "existing SOP code (e.g. SOP-DINKES-) are taken as codes too."
            )
        },
    )


class KeterkaitanTidakDitemukan(Rule):
    """M008: keterkaitan names what looks like an SOP code, but no SOP has that code."""

    messages = MESSAGES
    code: ClassVar[str] = "M008"
    name: ClassVar[str] = "keterkaitan-tidak-ditemukan"
    reads = "sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = KeterkaitanOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Keterkaitan merujuk kode SOP yang tidak ada di repositori.",
            why=(
                "Keterkaitan menunjukkan SOP lain yang terhubung; penilaian SOP menanyakan apakah "
                "SOP bersinergi dengan SOP lain. Keterkaitan boleh berupa uraian bebas, tetapi kata "
                "yang berbentuk kode SOP (cocok dengan opsi `pola`, atau berawalan sama dengan kode "
                "SOP yang ada) harus menunjuk SOP yang benar-benar ada; biasanya salah ketik atau "
                "SOP yang sudah dihapus/diganti kodenya. Nomor SOP yang ada juga diterima."
            ),
            fix="Perbaiki kode (lihat saran), tambahkan SOP yang dirujuk, atau tulis keterkaitan sebagai uraian.",
        ),
        "en": RuleDoc(
            summary="Keterkaitan refers to an SOP code that does not exist in the repository.",
            why=(
                "Keterkaitan lists the related SOPs; the SOP evaluation asks whether an SOP works in "
                "synergy with the others. Free text is allowed, but a word shaped like an SOP code "
                "(matching the `pola` option, or sharing its prefix with an existing SOP code) must "
                "point at an SOP that exists; usually it is a typo or an SOP deleted or renumbered. "
                "Existing SOP numbers (nomor) are accepted too."
            ),
            fix="Correct the code (see the suggestion), add the SOP referred to, or write the entry as text.",
        ),
    }
    bad: ClassVar[str] = _bad(
        "keterkaitan: [SOP Pengelolaan Rantai Dingin Vaksin]",
        "keterkaitan: [SOP-DINKES-002 Pengelolaan Rantai Dingin Vaksin]",
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: KeterkaitanOptions) -> Iterator[Hit]:
        """Look for code-shaped words in keterkaitan that resolve to no SOP."""
        try:
            pola = re.compile(options.pola, re.IGNORECASE)
        except re.error:
            pola = re.compile(r"^SOP[-_.]", re.IGNORECASE)
        known = set(index.sop) | index.failed_codes("sop")  # an SOP that failed to load exists
        known_lower = {k.lower() for k in known}
        nomor = {d.model.nomor.strip().lower() for d in index.sop.values() if d.model.nomor}
        # "SOP-DINKES-001" -> "sop-dinkes-": a word with the same prefix is meant as a code.
        prefixes = {
            prefix.lower() for prefix in (re.sub(r"\d+$", "", k) for k in known if k[-1:].isdigit()) if len(prefix) >= 3
        }
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            for i, entry in enumerate(doc.model.keterkaitan):
                if entry.strip().lower() in nomor:
                    continue
                for token in _TOKEN_RE.findall(entry):
                    low = token.lower()
                    if low in known_lower or low in nomor or not any(c.isdigit() for c in token):
                        continue
                    if not (pola.search(token) or any(low.startswith(p) for p in prefixes)):
                        continue
                    hint = suggest(token, sorted(known - {kode}))
                    if hint:
                        message = Message.of("lint.M008.hint", sop=kode, kode=token, hint=hint)
                    else:
                        message = Message.of("lint.M008.hit", sop=kode, kode=token)
                    yield Hit(doc.loc("keterkaitan", i), message)
