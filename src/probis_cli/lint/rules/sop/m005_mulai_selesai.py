"""M005 ``mulai-selesai``: M005: not exactly one start and one end step; start not first, end not last."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import GOOD, _bad

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M005.kosong": ("SOP {sop} belum memiliki langkah prosedur."),
        "lint.M005.tanpa_mulai": ("SOP {sop} tidak memiliki langkah bersimbol mulai (mis. langkah {no})."),
        "lint.M005.tanpa_selesai": ("SOP {sop} tidak memiliki langkah bersimbol selesai (mis. langkah {no})."),
        "lint.M005.mulai_ganda": (
            "SOP {sop} langkah {no} adalah langkah mulai kedua (yang pertama langkah {pertama})."
        ),
        "lint.M005.selesai_ganda": (
            "SOP {sop} langkah {no} adalah langkah selesai kedua (yang pertama langkah {pertama}); "
            "arahkan semua jalur ke satu langkah selesai."
        ),
        "lint.M005.mulai_urutan": ("SOP {sop}: langkah mulai ({no}) sebaiknya menjadi baris pertama tabel prosedur."),
        "lint.M005.selesai_urutan": (
            "SOP {sop}: langkah selesai ({no}) sebaiknya menjadi baris terakhir tabel prosedur."
        ),
    },
    "en": {
        "lint.M005.kosong": ("SOP {sop} has no prosedur steps yet."),
        "lint.M005.tanpa_mulai": ("SOP {sop} has no step with simbol mulai (e.g. step {no})."),
        "lint.M005.tanpa_selesai": ("SOP {sop} has no step with simbol selesai (e.g. step {no})."),
        "lint.M005.mulai_ganda": ("SOP {sop} step {no} is a second start step (the first is step {pertama})."),
        "lint.M005.selesai_ganda": (
            "SOP {sop} step {no} is a second end step (the first is step {pertama}); lead every path to one end step."
        ),
        "lint.M005.mulai_urutan": ("SOP {sop}: the start step ({no}) should be the first row of the prosedur table."),
        "lint.M005.selesai_urutan": ("SOP {sop}: the end step ({no}) should be the last row of the prosedur table."),
    },
}


# ---------------------------------------------------------------------------------------
# M005 mulai-selesai


class MulaiSelesaiOptions(BaseModel):
    """Options of M005."""

    model_config = ConfigDict(extra="forbid")

    urutan: bool = Field(
        default=True,
        description="Periksa juga bahwa langkah pertama tabel adalah mulai dan langkah terakhir adalah selesai.",
        json_schema_extra={"en": ("Also check that the first row of the table is the start and the last row the end.")},
    )


class MulaiSelesai(Rule):
    """M005: not exactly one start and one end step; start not first, end not last."""

    messages = MESSAGES
    code: ClassVar[str] = "M005"
    name: ClassVar[str] = "mulai-selesai"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = MulaiSelesaiOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="SOP harus memiliki tepat satu langkah mulai dan satu langkah selesai.",
            why=(
                "Diagram alir SOP AP memiliki satu kapsul awal dan satu kapsul akhir. Tanpa keduanya "
                "tidak jelas kapan layanan dimulai dan kapan dianggap tuntas, dan alur tidak dapat "
                "diperiksa. Pada tabel prosedur kapsul awal adalah baris pertama dan kapsul akhir "
                "baris terakhir (opsi `urutan`)."
            ),
            fix=(
                "Beri `simbol: mulai` pada langkah pertama dan `simbol: selesai` pada langkah "
                "terakhir; langkah lain `proses` atau `keputusan`. Beberapa akhir digabung menjadi "
                "satu langkah selesai yang dituju oleh semua jalur."
            ),
        ),
        "en": RuleDoc(
            summary="An SOP must have exactly one start step and one end step.",
            why=(
                "The SOP AP flowchart has one start capsule and one end capsule. Without them it is "
                "unclear when the service starts and when it is complete, and the flow cannot be "
                "checked. In the prosedur table the start capsule is the first row and the end "
                "capsule the last (option `urutan`)."
            ),
            fix=(
                "Give the first step `simbol: mulai` and the last `simbol: selesai`; the others are "
                "`proses` or `keputusan`. Several ends are merged into one end step that every path "
                "leads to."
            ),
        ),
    }
    bad: ClassVar[str] = _bad("    pelaksana: petugas\n    simbol: selesai\n", "    pelaksana: petugas\n")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: MulaiSelesaiOptions) -> Iterator[Hit]:
        """Count terminators and check their place in the table."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            langkah = doc.model.langkah
            if not langkah:
                yield Hit(doc.loc("langkah"), Message.of("lint.M005.kosong", sop=kode))
                continue
            for simbol, first_or_last in (("mulai", 0), ("selesai", len(langkah) - 1)):
                found = [i for i, s in enumerate(langkah) if s.simbol == simbol]
                if not found:
                    yield Hit(
                        doc.loc("langkah", first_or_last),
                        Message.of(f"lint.M005.tanpa_{simbol}", sop=kode, no=langkah[first_or_last].no),
                    )
                    continue
                for i in found[1:]:
                    yield Hit(
                        doc.loc("langkah", i, "simbol"),
                        Message.of(
                            f"lint.M005.{simbol}_ganda", sop=kode, no=langkah[i].no, pertama=langkah[found[0]].no
                        ),
                    )
                if options.urutan and len(found) == 1 and found[0] != first_or_last:
                    yield Hit(
                        doc.loc("langkah", found[0], "simbol"),
                        Message.of(f"lint.M005.{simbol}_urutan", sop=kode, no=langkah[found[0]].no),
                    )
