"""K012 ``target-di-luar-periode``: K012: an RPJMD indicator target for a year outside the RPJMD period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _RPJMD, _repo, _swap
from probis_cli.model.common import periode_tahun
from probis_cli.model.rpjmd import Indikator

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K012.hit": ("Target tahun {tahun} indikator '{indikator}' ({kode}) di luar periode RPJMD {periode}."),
    },
    "en": {
        "lint.K012.hit": (
            "Target year {tahun} of indicator '{indikator}' ({kode}) is outside the RPJMD period {periode}."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# K012 target-di-luar-periode


class TargetDiLuarPeriode(Rule):
    """K012: an RPJMD indicator target for a year outside the RPJMD period."""

    messages = MESSAGES
    code: ClassVar[str] = "K012"
    name: ClassVar[str] = "target-di-luar-periode"
    reads = "rpjmd"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Target indikator tujuan/sasaran RPJMD untuk tahun di luar periode RPJMD.",
            why=(
                "Target tahunan indikator RPJMD berlaku untuk tahun-tahun periodenya. Tahun di luar "
                "periode biasanya salah ketik (2205 untuk 2025) atau sisa RPJMD lama, dan membuat "
                "capaian kinerja dinilai terhadap angka yang salah. Nilai tahun dasar ditulis di "
                "`kondisi_awal`."
            ),
            fix="Perbaiki tahun target, atau pindahkan nilai tahun dasar ke `kondisi_awal`.",
        ),
        "en": RuleDoc(
            summary="An RPJMD tujuan/sasaran indicator has a target for a year outside the RPJMD period.",
            why=(
                "Yearly targets of RPJMD indicators apply to the years of its period. A year outside "
                "the period is usually a typo (2205 for 2025) or a leftover of the previous RPJMD, "
                "and makes performance be judged against the wrong figure. The baseline year's "
                "value goes into `kondisi_awal`."
            ),
            fix="Correct the target year, or move the baseline year's value to `kondisi_awal`.",
        ),
    }
    bad: ClassVar[str] = _repo(
        rpjmd=_swap(_RPJMD, "target: {2025: 90, 2029: 95}", "target: {2024: 88, 2025: 90, 2029: 95}")
    )
    good: ClassVar[str] = _repo(
        rpjmd=_swap(_RPJMD, "target: {2025: 90, 2029: 95}", "kondisi_awal: 88, target: {2025: 90, 2029: 95}")
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Target years of tujuan and sasaran indicators against the period."""
        if index.rpjmd is None:
            return
        doc = index.rpjmd
        awal, akhir = periode_tahun(doc.model.periode)
        groups: list[tuple[str, int, str, list[Indikator]]] = [
            *(("tujuan", i, t.kode, t.indikator) for i, t in enumerate(doc.model.tujuan)),
            *(("sasaran", i, s.kode, s.indikator) for i, s in enumerate(doc.model.sasaran)),
        ]
        for key, i, kode, indikators in groups:
            for j, indikator in enumerate(indikators):
                for year in sorted(indikator.target):
                    if awal <= year <= akhir:
                        continue
                    # Missing parts fall back to the nearest existing ancestor (the target mapping).
                    where = doc.loc(key, i, "indikator", j, "target", str(year), key=True)
                    yield Hit(
                        where,
                        Message.of(
                            "lint.K012.hit", tahun=year, indikator=indikator.nama, kode=kode, periode=doc.model.periode
                        ),
                    )
