"""K003 ``kegiatan-di-luar-rpjmd``: K003: a Renstra kegiatan whose program is not in the RPJMD."""

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
    is_penunjang,
    program_of,
)

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K003.hit": (
            "Kegiatan {kegiatan} ({nama}) di {opd} berada di bawah program {program}, yang tidak ada di RPJMD."
        ),
    },
    "en": {
        "lint.K003.hit": (
            "Kegiatan {kegiatan} ({nama}) of {opd} belongs to program {program}, which is not in the RPJMD."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# K003 kegiatan-di-luar-rpjmd


class KegiatanDiLuarRpjmd(Rule):
    """K003: a Renstra kegiatan whose program is not in the RPJMD."""

    messages = MESSAGES
    code: ClassVar[str] = "K003"
    name: ClassVar[str] = "kegiatan-di-luar-rpjmd"
    reads = "rpjmd opd"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kegiatan Renstra berada di bawah program yang tidak ada di RPJMD.",
            why=(
                "Program sebuah kegiatan adalah tiga segmen pertama kodenya (1.02.02.2.01 → "
                "1.02.02). Renstra perangkat daerah menjabarkan program RPJMD; kegiatan di bawah "
                "program yang tidak tercantum di RPJMD tidak dapat ditelusuri ke sasaran daerah. "
                "Program penunjang (X.XX.01) ada di setiap OPD dan tidak perlu dicantumkan di RPJMD."
            ),
            fix=(
                "Periksa kode kegiatan (salah ketik?), atau tambahkan programnya ke `program` di "
                "rpjmd.yaml beserta sasaran yang didukungnya."
            ),
        ),
        "en": RuleDoc(
            summary="A Renstra kegiatan belongs to a program that is not in the RPJMD.",
            why=(
                "A kegiatan's program is the first three segments of its code (1.02.02.2.01 → "
                "1.02.02). An OPD's Renstra details the RPJMD programs; a kegiatan under a program "
                "the RPJMD does not list cannot be traced to a regional sasaran. The program "
                "penunjang (X.XX.01) exists in every OPD and need not be in the RPJMD."
            ),
            fix=(
                "Check the kegiatan code (a typo?), or add its program to `program` in rpjmd.yaml "
                "with the sasaran it serves."
            ),
        ),
    }
    bad: ClassVar[str] = _repo(opd=_OPD + _IZIN_KEGIATAN, proses=_IZIN_PROSES)
    good: ClassVar[str] = _repo(rpjmd=_RPJMD + _IZIN_PROGRAM, opd=_OPD + _IZIN_KEGIATAN, proses=_IZIN_PROSES)

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Renstra kegiatan (outside the program penunjang) whose program the RPJMD lacks."""
        if index.rpjmd is None:
            return
        for opd in sorted(index.opd):
            doc = index.opd[opd]
            for i, kegiatan in enumerate(doc.model.kegiatan):
                program = program_of(kegiatan.kode)
                if is_penunjang(kegiatan.kode) or program in index.program:
                    continue
                yield Hit(
                    doc.loc("kegiatan", i, "kode"),
                    Message.of(
                        "lint.K003.hit",
                        kegiatan=kegiatan.kode,
                        nama=kegiatan.nama,
                        program=program,
                        opd=doc.model.label,
                    ),
                )
