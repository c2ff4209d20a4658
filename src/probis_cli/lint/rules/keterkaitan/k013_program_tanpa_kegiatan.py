"""K013 ``program-tanpa-kegiatan``: K013: an RPJMD program that no OPD's Renstra carries out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _RPJMD, _repo, program_of

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K013.hit": ("Program {program} ({nama}) tidak memiliki kegiatan di Renstra OPD mana pun."),
    },
    "en": {
        "lint.K013.hit": ("Program {program} ({nama}) has no kegiatan in any OPD's Renstra."),
    },
}


# ---------------------------------------------------------------------------------------
# K013 program-tanpa-kegiatan


class ProgramTanpaKegiatan(Rule):
    """K013: an RPJMD program that no OPD's Renstra carries out."""

    messages = MESSAGES
    code: ClassVar[str] = "K013"
    name: ClassVar[str] = "program-tanpa-kegiatan"
    reads = "rpjmd opd"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Program RPJMD tidak memiliki kegiatan di Renstra OPD mana pun.",
            why=(
                "Program RPJMD dilaksanakan melalui kegiatan di Renstra perangkat daerah. Program "
                "tanpa kegiatan berarti belum ada OPD yang menjabarkannya, atau dokumen OPD-nya "
                "belum lengkap."
            ),
            fix="Tambahkan kegiatan program ini ke `kegiatan` OPD pelaksananya, atau hapus program dari RPJMD bila tidak berlaku.",
        ),
        "en": RuleDoc(
            summary="An RPJMD program has no kegiatan in any OPD's Renstra.",
            why=(
                "RPJMD programs are carried out through kegiatan in the OPD's Renstra. A program "
                "without kegiatan has no OPD detailing it yet, or the OPD documents are incomplete."
            ),
            fix="Add the program's kegiatan to the `kegiatan` of the OPD carrying it out, or remove the program from the RPJMD if it no longer applies.",
        ),
    }
    bad: ClassVar[str] = _repo(
        rpjmd=_RPJMD
        + """\
  - kode: 1.02.03
    nama: Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan
    sasaran: [S1.1]
"""
    )
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Programs that no Renstra kegiatan code starts with."""
        if index.rpjmd is None:
            return
        doc = index.rpjmd
        carried = {program_of(code) for code in index.kegiatan}
        for key in ("kegiatan.kode", "kegiatan.sub_kegiatan.kode"):  # of an OPD that failed to load
            carried.update(program_of(code) for code in index.failed_links("opd", key))
        for i, program in enumerate(doc.model.program):
            if program.kode not in carried:
                yield Hit(
                    doc.loc("program", i, "kode"), Message.of("lint.K013.hit", program=program.kode, nama=program.nama)
                )
