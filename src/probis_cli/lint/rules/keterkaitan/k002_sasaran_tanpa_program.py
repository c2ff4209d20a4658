"""K002 ``sasaran-tanpa-program``: K002: an RPJMD sasaran that no program serves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _RPJMD, _repo, _swap

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K002.hit": ("Sasaran {sasaran} ({uraian}) tidak didukung program mana pun."),
    },
    "en": {
        "lint.K002.hit": ("Sasaran {sasaran} ({uraian}) is not served by any program."),
    },
}


# ---------------------------------------------------------------------------------------
# K002 sasaran-tanpa-program


class SasaranTanpaProgram(Rule):
    """K002: an RPJMD sasaran that no program serves."""

    messages = MESSAGES
    code: ClassVar[str] = "K002"
    name: ClassVar[str] = "sasaran-tanpa-program"
    reads = "rpjmd"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Sasaran RPJMD tidak didukung program mana pun.",
            why=(
                "Sasaran dicapai melalui program. Sasaran yang tidak disebut oleh program mana "
                "pun tidak punya jalur pelaksanaan: tidak ada kegiatan, proses, atau SOP yang "
                "mewujudkannya, dan capaian indikatornya tidak dapat dipertanggungjawabkan."
            ),
            fix="Tambahkan kode sasaran ke `sasaran` program yang mendukungnya, atau hapus sasaran yang sudah tidak berlaku.",
        ),
        "en": RuleDoc(
            summary="An RPJMD sasaran is not served by any program.",
            why=(
                "A sasaran is reached through programs. A sasaran no program names has no path "
                "to delivery: no kegiatan, process or SOP carries it out, and nobody answers for "
                "its indicators."
            ),
            fix="Add the sasaran code to the `sasaran` of the programs that serve it, or remove a sasaran that no longer applies.",
        ),
    }
    bad: ClassVar[str] = _repo(
        rpjmd=_swap(
            _RPJMD,
            "program:\n",
            """\
  - kode: S1.2
    tujuan: T1
    uraian: Menurunnya prevalensi stunting
program:
""",
        )
    )
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Sasaran no program lists."""
        if index.rpjmd is None:
            return
        doc = index.rpjmd
        served = {s for program in doc.model.program for s in program.sasaran}
        for i, sasaran in enumerate(doc.model.sasaran):
            if sasaran.kode not in served:
                yield Hit(
                    doc.loc("sasaran", i, "kode"),
                    Message.of("lint.K002.hit", sasaran=sasaran.kode, uraian=sasaran.uraian),
                )
