"""K001 ``program-tanpa-sasaran``: K001: an RPJMD program serves no sasaran."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import (
    _IZIN_KEGIATAN,
    _IZIN_PROGRAM,
    _IZIN_PROSES,
    _OPD,
    _RPJMD,
    _repo,
    _swap,
    is_penunjang,
)

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K001.hit": ("Program {program} ({nama}) tidak dikaitkan dengan sasaran RPJMD mana pun."),
    },
    "en": {
        "lint.K001.hit": ("Program {program} ({nama}) is not linked to any RPJMD sasaran."),
    },
}


# ---------------------------------------------------------------------------------------
# K001 program-tanpa-sasaran


class ProgramTanpaSasaran(Rule):
    """K001: an RPJMD program serves no sasaran."""

    messages = MESSAGES
    code: ClassVar[str] = "K001"
    name: ClassVar[str] = "program-tanpa-sasaran"
    reads = "rpjmd"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Program RPJMD tidak dikaitkan dengan sasaran mana pun.",
            why=(
                "Program pembangunan daerah ada untuk mencapai sasaran RPJMD (pohon kinerja). "
                "Program tanpa sasaran tidak dapat ditelusuri ke tujuan dan misi, sehingga "
                "kegiatan dan proses di bawahnya pun tidak terkait ke RPJMD. Program penunjang "
                "(X.XX.01) tidak diperiksa."
            ),
            fix="Isi `sasaran` program dengan kode sasaran RPJMD yang didukungnya.",
        ),
        "en": RuleDoc(
            summary="An RPJMD program is not linked to any sasaran.",
            why=(
                "A regional development program exists to reach RPJMD sasaran (the performance "
                "tree). A program without sasaran cannot be traced to a tujuan and misi, so the "
                "kegiatan and processes below it are not traceable to the RPJMD either. The "
                "program penunjang (X.XX.01) is not checked."
            ),
            fix="Fill the program's `sasaran` with the codes of the RPJMD sasaran it serves.",
        ),
    }
    bad: ClassVar[str] = _repo(
        rpjmd=_RPJMD + _swap(_IZIN_PROGRAM, "sasaran: [S1.1]", "sasaran: []"),
        opd=_OPD + _IZIN_KEGIATAN,
        proses=_IZIN_PROSES,
    )
    good: ClassVar[str] = _repo(rpjmd=_RPJMD + _IZIN_PROGRAM, opd=_OPD + _IZIN_KEGIATAN, proses=_IZIN_PROSES)

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Programs with an empty sasaran list."""
        if index.rpjmd is None:
            return
        doc = index.rpjmd
        for i, program in enumerate(doc.model.program):
            if not program.sasaran and not is_penunjang(program.kode):
                yield Hit(
                    doc.loc("program", i, "kode"), Message.of("lint.K001.hit", program=program.kode, nama=program.nama)
                )
