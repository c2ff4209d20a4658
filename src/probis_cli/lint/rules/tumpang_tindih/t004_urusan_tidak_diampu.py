"""T004 ``urusan-tidak-diampu``: T004: an OPD runs kegiatan, or a process links kegiatan, of a bidang urusan it does not hold."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules._common import _PEMDA, is_shared, opd_label, shared_codes
from probis_cli.lint.rules.tumpang_tindih._common import _DINKES, _capil, owners_label

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.T004.kegiatan": (
            "Kegiatan {kode} ({nama}) termasuk bidang urusan {bidang}, yang tidak diampu {opd} (urusan: {urusan})."
        ),
        "lint.T004.proses": (
            "Proses {proses} mengaitkan kegiatan {kode} dari bidang urusan {bidang}, yang tidak diampu "
            "pemiliknya {pemilik} (urusan: {urusan})."
        ),
    },
    "en": {
        "lint.T004.kegiatan": (
            "Kegiatan {kode} ({nama}) belongs to bidang urusan {bidang}, which {opd} does not hold (urusan: {urusan})."
        ),
        "lint.T004.proses": (
            "Process {proses} links kegiatan {kode} of bidang urusan {bidang}, which its owner {pemilik} "
            "does not hold (urusan: {urusan})."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# T004 urusan-tidak-diampu


class UrusanTidakDiampu(Rule):
    """T004: an OPD runs kegiatan, or a process links kegiatan, of a bidang urusan it does not hold."""

    messages = MESSAGES
    code: ClassVar[str] = "T004"
    name: ClassVar[str] = "urusan-tidak-diampu"
    reads = "pemda opd proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="OPD menjalankan kegiatan di bidang urusan yang tidak diampunya.",
            why=(
                "Kode kegiatan diawali kode bidang urusan (X.XX). Kegiatan di luar `urusan` OPD "
                "berarti OPD bertindak di luar kewenangannya, sumber utama tumpang tindih. "
                "Program penunjang memakai kode urusan OPD sendiri dan sah selama urusan itu "
                "diampu. Proses yang mengaitkan kegiatan urusan lain juga dilaporkan (kecuali "
                "kegiatan itu sudah tercantum di Renstra pemiliknya; yang itu dilaporkan di OPD). "
                "OPD tanpa daftar urusan dan kode di pengaturan.lint.kegiatan_bersama dilewati."
            ),
            fix=(
                "Tambahkan bidang urusan ke `urusan` OPD bila memang diampu (mis. OPD gabungan), "
                "atau pindahkan kegiatan/proses ke OPD yang mengampu urusan itu."
            ),
        ),
        "en": RuleDoc(
            summary="An OPD runs kegiatan in a bidang urusan it does not hold.",
            why=(
                "A kegiatan code starts with its bidang urusan (X.XX). A kegiatan outside the OPD's "
                "`urusan` means the OPD acts beyond its authority, the main source of overlaps. The "
                "program penunjang uses the OPD's own urusan code and is fine while that urusan is "
                "held. A process linking a kegiatan of another urusan is reported too (unless its "
                "owner's Renstra already lists the kegiatan; that is reported at the OPD). OPD "
                "without an urusan list and codes in pengaturan.lint.kegiatan_bersama are skipped."
            ),
            fix=(
                "Add the bidang urusan to the OPD's `urusan` when it really holds it (e.g. a merged "
                "OPD), or move the kegiatan/process to the OPD that holds the urusan."
            ),
        ),
    }
    bad: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + """\
  - kode: 2.12.02.2.01
    nama: Pelayanan Pendaftaran Penduduk
"""
    )
    good: ClassVar[str] = _PEMDA + _DINKES + _capil()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Check Renstra kegiatan against the OPD's urusan, then process kegiatan links."""
        shared = shared_codes(index)
        held = {kode: set(doc.model.urusan) for kode, doc in index.opd.items()}
        for kode in sorted(index.opd):
            doc = index.opd[kode]
            if not held[kode]:
                continue
            for i, k in enumerate(doc.model.kegiatan):
                bidang = k.kode[:4]
                if bidang in held[kode] or is_shared(k.kode, shared):
                    continue
                yield Hit(
                    doc.loc("kegiatan", i, "kode"),
                    Message.of(
                        "lint.T004.kegiatan",
                        kode=k.kode,
                        nama=k.nama,
                        bidang=bidang,
                        opd=opd_label(index, kode),
                        urusan=", ".join(doc.model.urusan),
                    ),
                )
        for pkode in sorted(index.proses):
            pdoc = index.proses[pkode]
            owners = [o for o in index.owners(pkode) if o in index.opd]
            if not owners or any(not held[o] for o in owners):
                continue
            owner_urusan = set().union(*(held[o] for o in owners))
            for i, code in enumerate(pdoc.model.kegiatan):
                bidang = code[:4]
                if bidang in owner_urusan or is_shared(code, shared):
                    continue
                claimants = {e.opd for e in index.kegiatan.get(code, [])} | {
                    e.opd for e in index.sub_kegiatan.get(code, [])
                }
                own_claim = bool(claimants & set(owners))
                if own_claim:
                    continue  # reported at the OPD's Renstra
                yield Hit(
                    pdoc.loc("kegiatan", i),
                    Message.of(
                        "lint.T004.proses",
                        proses=pkode,
                        kode=code,
                        bidang=bidang,
                        pemilik=owners_label(index, pkode),
                        urusan=", ".join(sorted(owner_urusan)),
                    ),
                )
