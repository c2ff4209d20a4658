"""T001 ``kegiatan-ganda``: T001: the same kegiatan or sub kegiatan code is claimed in the Renstra of two OPD."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Location, Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index, KegiatanEntry, SubKegiatanEntry
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules._common import _PEMDA, is_shared, opd_label, shared_codes
from probis_cli.lint.rules.tumpang_tindih._common import _DINKES, is_penunjang, per_wilayah_opd
from probis_cli.model.kode import is_per_wilayah

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.T001.kegiatan": ("Kegiatan {kode} ({nama}) diklaim oleh {opd} dan juga oleh {lain}."),
        "lint.T001.sub_kegiatan": ("Sub kegiatan {kode} ({nama}) diklaim oleh {opd} dan juga oleh {lain}."),
    },
    "en": {
        "lint.T001.kegiatan": ("Kegiatan {kode} ({nama}) is claimed by {opd} and also by {lain}."),
        "lint.T001.sub_kegiatan": ("Sub kegiatan {kode} ({nama}) is claimed by {opd} and also by {lain}."),
    },
}


def per_wilayah_claims(index: Index, code: str, opds: Iterable[str]) -> bool:
    """A 7.01 code claimed only by Kecamatan: each runs it for its own area, no overlap."""
    return is_per_wilayah(code) and all(per_wilayah_opd(index, o) for o in opds)


def _rsud(kegiatan: str) -> str:
    # The RSUD holds urusan 1.02 like the Dinkes: its program penunjang codes are literally
    # the Dinkes's codes, which must not count as an overlap.
    return """\
# file: opd/rsud.yaml
probis: 1
jenis: opd
kode: rsud
nama: Rumah Sakit Umum Daerah
singkatan: RSUD
urusan: [1.02]
kegiatan:
  - kode: 1.02.01.2.01
    nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
""" + (
        kegiatan
        or """\
  - kode: 1.02.02.2.02
    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
"""
    )


# ---------------------------------------------------------------------------------------
# T001 kegiatan-ganda

E = TypeVar("E", KegiatanEntry, SubKegiatanEntry)


def _primary(index: Index, code: str, entries: list[E]) -> E:
    """The claim not reported: the first by OPD code of those holding the code's bidang urusan."""
    bidang = code[:4]
    for entry in entries:
        doc = index.opd.get(entry.opd)
        if doc is not None and bidang in doc.model.urusan:
            return entry
    return entries[0]


class KegiatanGandaOptions(BaseModel):
    """Options of T001."""

    model_config = ConfigDict(extra="forbid")

    bersama: list[str] = Field(
        default_factory=list,
        description=(
            "Kode program/kegiatan/sub kegiatan yang memang dijalankan bersama beberapa OPD "
            "(menambah pengaturan.lint.kegiatan_bersama; kode induk mencakup turunannya)."
        ),
        json_schema_extra={
            "en": (
                "Program/kegiatan/sub kegiatan codes that several OPD really run together (added to "
                "pengaturan.lint.kegiatan_bersama; a parent code covers its children)."
            )
        },
    )
    sub_berbeda_boleh: bool = Field(
        default=True,
        description=(
            "Kegiatan yang sama boleh ada di beberapa OPD bila masing-masing mencantumkan sub "
            "kegiatan yang berbeda (sub kegiatan yang sama tetap dilaporkan)."
        ),
        json_schema_extra={
            "en": (
                "The same kegiatan may appear in several OPD when each lists different sub kegiatan "
                "(the same sub kegiatan is still reported)."
            )
        },
    )


class KegiatanGanda(Rule):
    """T001: the same kegiatan or sub kegiatan code is claimed in the Renstra of two OPD."""

    messages = MESSAGES
    code: ClassVar[str] = "T001"
    name: ClassVar[str] = "kegiatan-ganda"
    reads = "pemda opd"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = KegiatanGandaOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kode kegiatan/sub kegiatan yang sama diklaim oleh lebih dari satu OPD.",
            why=(
                "Dalam nomenklatur Permendagri 90/2019 setiap sub kegiatan dijalankan oleh satu "
                "perangkat daerah. Kode yang sama di Renstra dua OPD berarti kewenangan tumpang "
                "tindih: anggaran, kinerja dan tanggung jawabnya tidak jelas. Setiap klaim dilaporkan "
                "kecuali klaim OPD yang mengampu bidang urusan kode itu (atau, bila tidak ada, klaim "
                "OPD berkode pertama). Kegiatan standar program penunjang (X.XX.01.2.01–.2.10) memang ada di setiap "
                "OPD dan tidak pernah dilaporkan, demikian pula kode 7.01 yang sama di beberapa Kecamatan; kegiatan yang sama dengan sub kegiatan berbeda "
                "dianggap pembagian per sub kegiatan (opsi `sub_berbeda_boleh`)."
            ),
            fix=(
                "Tetapkan satu OPD pelaksana dan hapus kode dari Renstra OPD lain, atau bagi "
                "kegiatan per sub kegiatan. Bila memang dijalankan bersama, cantumkan kodenya di "
                "pengaturan.lint.kegiatan_bersama (probis.yaml) atau opsi `bersama`."
            ),
        ),
        "en": RuleDoc(
            summary="The same kegiatan/sub kegiatan code is claimed by more than one OPD.",
            why=(
                "In the Permendagri 90/2019 nomenclature each sub kegiatan is carried out by one "
                "perangkat daerah. The same code in two OPD's Renstra means overlapping authority: "
                "budget, performance and responsibility become unclear. Every claim is reported except "
                "that of the OPD holding the code's bidang urusan (or, when none does, the first OPD by "
                "code). The standard kegiatan of the program penunjang (X.XX.01.2.01–.2.10) recur in every OPD by design and "
                "are never reported, nor are the same 7.01 codes in several Kecamatan; the same kegiatan with different sub kegiatan counts as a split by "
                "sub kegiatan (option `sub_berbeda_boleh`)."
            ),
            fix=(
                "Assign one OPD and remove the code from the other Renstra, or split the kegiatan "
                "by sub kegiatan. When it really is run jointly, list the code under "
                "pengaturan.lint.kegiatan_bersama (probis.yaml) or in the `bersama` option."
            ),
        ),
    }
    bad: ClassVar[str] = _PEMDA + _DINKES + _rsud("")
    good: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _rsud(
            """\
  - kode: 1.02.02.2.01
    nama: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
"""
        )
    )

    def check(self, index: Index, options: KegiatanGandaOptions) -> Iterator[Hit]:
        """Report every claim of a kegiatan / sub kegiatan code but the primary one."""
        shared = shared_codes(index, options.bersama)
        for code in sorted(index.kegiatan):
            entries = index.kegiatan[code]
            if len({e.opd for e in entries}) < 2 or is_penunjang(code) or is_shared(code, shared):
                continue
            if per_wilayah_claims(index, code, (e.opd for e in entries)):
                continue
            first = _primary(index, code, entries)
            for entry in entries:
                if entry is first:
                    continue
                if options.sub_berbeda_boleh and entry.kegiatan.sub_kegiatan and first.kegiatan.sub_kegiatan:
                    continue  # the split is by sub kegiatan; overlapping subs are reported below
                others = [first, *(e for e in entries if e is not entry and e is not first)]
                yield self._hit(
                    index, "lint.T001.kegiatan", code, entry.kegiatan.nama, entry.opd, entry.loc("kode"),
                    [(e.opd, e.loc("kode")) for e in others],
                )  # fmt: skip
        for code in sorted(index.sub_kegiatan):
            subs = index.sub_kegiatan[code]
            if len({e.opd for e in subs}) < 2 or is_penunjang(code) or is_shared(code, shared):
                continue
            if per_wilayah_claims(index, code, (e.opd for e in subs)):
                continue
            primary = _primary(index, code, subs)
            for sub in subs:
                if sub is primary:
                    continue
                others_sub = [primary, *(e for e in subs if e is not sub and e is not primary)]
                yield self._hit(
                    index, "lint.T001.sub_kegiatan", code, sub.sub_kegiatan.nama, sub.opd, sub.loc("kode"),
                    [(e.opd, e.loc("kode")) for e in others_sub],
                )  # fmt: skip

    @staticmethod
    def _hit(
        index: Index, message: str, code: str, nama: str, opd: str, where: Location, others: list[tuple[str, Location]]
    ) -> Hit:
        other_opd = [o for o, _ in others if o != opd]
        return Hit(
            where,
            Message.of(
                message,
                kode=code,
                nama=nama,
                opd=opd_label(index, opd),
                lain=", ".join(opd_label(index, o) for o in other_opd),
            ),
            related=tuple(loc for _, loc in others),
        )
