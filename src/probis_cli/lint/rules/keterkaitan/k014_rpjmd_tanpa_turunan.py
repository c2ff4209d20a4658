"""K014 ``rpjmd-tanpa-turunan``: K014: a misi without tujuan, or a tujuan without sasaran."""

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
        "lint.K014.misi": ("Misi {misi} ({uraian}) tidak memiliki tujuan."),
        "lint.K014.tujuan": ("Tujuan {tujuan} ({uraian}) tidak memiliki sasaran."),
    },
    "en": {
        "lint.K014.misi": ("Misi {misi} ({uraian}) has no tujuan."),
        "lint.K014.tujuan": ("Tujuan {tujuan} ({uraian}) has no sasaran."),
    },
}


# ---------------------------------------------------------------------------------------
# K014 rpjmd-tanpa-turunan


class RpjmdTanpaTurunan(Rule):
    """K014: a misi without tujuan, or a tujuan without sasaran."""

    messages = MESSAGES
    code: ClassVar[str] = "K014"
    name: ClassVar[str] = "rpjmd-tanpa-turunan"
    reads = "rpjmd"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Misi RPJMD tanpa tujuan, atau tujuan tanpa sasaran.",
            why=(
                "RPJMD berjenjang visi → misi → tujuan → sasaran → program. Misi tanpa tujuan atau "
                "tujuan tanpa sasaran memutus pohon kinerja: tidak ada program, kegiatan, atau "
                "proses yang dapat dikaitkan kepadanya."
            ),
            fix="Lengkapi tujuan (dengan `misi`) dan sasaran (dengan `tujuan`) sesuai dokumen RPJMD.",
        ),
        "en": RuleDoc(
            summary="An RPJMD misi without tujuan, or a tujuan without sasaran.",
            why=(
                "The RPJMD cascades visi → misi → tujuan → sasaran → program. A misi without tujuan "
                "or a tujuan without sasaran breaks the performance tree: no program, kegiatan or "
                "process can be linked to it."
            ),
            fix="Complete the tujuan (with `misi`) and sasaran (with `tujuan`) as in the RPJMD document.",
        ),
    }
    bad: ClassVar[str] = _repo(
        rpjmd=_swap(
            _RPJMD, "tujuan:\n", "  - {kode: M2, uraian: Mewujudkan tata kelola pemerintahan yang bersih}\ntujuan:\n"
        )
    )
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Misi no tujuan names; tujuan no sasaran names."""
        if index.rpjmd is None:
            return
        doc = index.rpjmd
        misi_used = {t.misi for t in doc.model.tujuan}
        tujuan_used = {s.tujuan for s in doc.model.sasaran}
        for i, misi in enumerate(doc.model.misi):
            if misi.kode not in misi_used:
                yield Hit(doc.loc("misi", i, "kode"), Message.of("lint.K014.misi", misi=misi.kode, uraian=misi.uraian))
        for i, tujuan in enumerate(doc.model.tujuan):
            if tujuan.kode not in tujuan_used:
                yield Hit(
                    doc.loc("tujuan", i, "kode"),
                    Message.of("lint.K014.tujuan", tujuan=tujuan.kode, uraian=tujuan.uraian),
                )
