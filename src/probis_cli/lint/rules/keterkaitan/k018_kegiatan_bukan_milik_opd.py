"""K018 ``kegiatan-bukan-milik-opd``: a process carries out kegiatan of its own OPD's Renstra (plan ownership)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules._common import _PEMDA, is_shared, opd_label, own_kegiatan, shared_codes

_OPD = """\
# file: opd/dinkes.yaml
probis: 1
jenis: opd
kode: dinkes
nama: Dinas Kesehatan
singkatan: Dinkes
urusan: [1.02]
unit: [{kode: bid-sdk, nama: Bidang Sumber Daya Kesehatan}]
kegiatan:
  - kode: 1.02.03.2.02
    nama: Perencanaan Kebutuhan dan Pendayagunaan Sumber Daya Manusia Kesehatan untuk UKP dan UKM di Wilayah Kabupaten/Kota
# file: opd/dpmptsp.yaml
probis: 1
jenis: opd
kode: dpmptsp
nama: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu
singkatan: DPMPTSP
urusan: [2.18]
unit: [{kode: bid-perizinan, nama: Bidang Pelayanan Perizinan}]
kegiatan:
  - kode: 2.18.04.2.01
    nama: Penyediaan Pelayanan Terpadu Perizinan dan Nonperizinan
"""


def _proses(kegiatan: str) -> str:
    return f"""\
# file: proses/PB.05.yaml
probis: 1
jenis: proses
kode: PB.05
nama: Penerbitan Surat Izin Praktik Tenaga Kesehatan
kategori: inti
pemilik: dpmptsp/bid-perizinan
kegiatan: [{kegiatan}]
"""


MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K018.hit": (
            "Proses {proses} milik {pemilik} melaksanakan kegiatan {kode} ({nama}) yang ada di Renstra {lain}, "
            "bukan di Renstra pemiliknya."
        ),
        "lint.K018.warisan": (
            "Proses {proses} milik {pemilik} mewarisi dari induknya {induk} kegiatan {kode} ({nama}) yang ada di "
            "Renstra {lain}, bukan di Renstra pemiliknya."
        ),
    },
    "en": {
        "lint.K018.hit": (
            "Process {proses} of {pemilik} carries out kegiatan {kode} ({nama}), which is in the Renstra of {lain}, "
            "not its owner's."
        ),
        "lint.K018.warisan": (
            "Process {proses} of {pemilik} inherits from its parent {induk} kegiatan {kode} ({nama}), which is in "
            "the Renstra of {lain}, not its owner's."
        ),
    },
}


class KegiatanBukanMilikOpdOptions(BaseModel):
    """Options of K018."""

    model_config = ConfigDict(extra="forbid")

    bersama: list[str] = Field(
        default_factory=list,
        description=(
            "Kode program/kegiatan/sub kegiatan yang memang dijalankan bersama beberapa OPD (ditambahkan ke "
            "pengaturan.lint.kegiatan_bersama; kode induk mencakup turunannya)."
        ),
        json_schema_extra={
            "en": "Program/kegiatan/sub kegiatan codes several OPD really run together (added to "
            "pengaturan.lint.kegiatan_bersama; a parent code covers its children)."
        },
    )
    warisan: bool = Field(
        default=True,
        description=(
            "Periksa juga proses tanpa kegiatan sendiri yang mewarisi kegiatan induknya, bila pemiliknya berbeda "
            "dengan pemilik induk itu."
        ),
        json_schema_extra={
            "en": "Also check a process without kegiatan of its own that inherits its parent's, when its owner "
            "differs from that parent's."
        },
    )


class KegiatanBukanMilikOpd(Rule):
    """K018: a process carries out a kegiatan that is in another OPD's Renstra, not its owner's."""

    code: ClassVar[str] = "K018"
    name: ClassVar[str] = "kegiatan-bukan-milik-opd"
    reads = "pemda opd proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = KegiatanBukanMilikOpdOptions
    messages = MESSAGES
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis melaksanakan kegiatan yang ada di Renstra OPD lain, bukan di Renstra OPD pemiliknya.",
            why=(
                "Kegiatan Renstra adalah dasar anggaran dan kinerja OPD yang mencantumkannya. Proses yang "
                "dimiliki satu OPD tetapi melaksanakan kegiatan OPD lain menunjukkan kewenangan yang tidak "
                "jelas: siapa yang menganggarkan, siapa yang melaksanakan, siapa yang melaporkan kinerjanya. "
                "Yang diperiksa adalah kegiatan efektif proses: kegiatannya sendiri, atau bila tidak ada, "
                "kegiatan induk terdekat yang mencantumkannya (proses turunan yang mewarisi kegiatan induk "
                "milik OPD yang sama tidak dilaporkan ulang). Kode di pengaturan.lint.kegiatan_bersama (dan "
                "opsi `bersama`) dikecualikan; kode yang tidak ada di Renstra mana pun adalah urusan "
                "pemeriksaan rujukan (S008)."
            ),
            fix=(
                "Kaitkan proses dengan kegiatan di Renstra OPD pemiliknya; bila kegiatan itu memang dijalankan "
                "OPD ini, cantumkan di Renstranya (dan periksa T001); bila memang dijalankan bersama, "
                "daftarkan kodenya di `pengaturan.lint.kegiatan_bersama`."
            ),
        ),
        "en": RuleDoc(
            summary="A business process carries out a kegiatan that is in another OPD's Renstra, not its owner's.",
            why=(
                "A Renstra kegiatan is the budget and performance basis of the OPD listing it. A process owned "
                "by one OPD that carries out another OPD's kegiatan shows unclear authority: who budgets it, who "
                "does it, who reports its performance. The process's effective kegiatan are checked: its own, "
                "or when it has none, those of the nearest parent listing some (a sub-process inheriting the "
                "kegiatan of a parent owned by the same OPD is not reported again). Codes in "
                "pengaturan.lint.kegiatan_bersama (and the `bersama` option) are exempt; a code in no Renstra "
                "at all is the reference check's business (S008)."
            ),
            fix=(
                "Link the process to a kegiatan of its owner's Renstra; when this OPD really runs that kegiatan, "
                "list it in its Renstra (and check T001); when several OPD really run it together, add its code "
                "to `pengaturan.lint.kegiatan_bersama`."
            ),
        ),
    }
    bad: ClassVar[str] = _PEMDA + _OPD + _proses("1.02.03.2.02")
    good: ClassVar[str] = _PEMDA + _OPD + _proses("2.18.04.2.01")

    def check(self, index: Index, options: KegiatanBukanMilikOpdOptions) -> Iterator[Hit]:
        """Each effective kegiatan of a process that none of its owners claims but another OPD does."""
        shared = shared_codes(index, options.bersama)
        for kode in sorted(index.proses):
            owners = index.owners(kode)
            if not owners:
                continue
            codes, source = own_kegiatan(index, kode)
            if not codes:
                continue
            inherited = source != kode
            if inherited and (not options.warisan or set(index.owners(source)) == set(owners)):
                continue  # the parent's own finding covers it
            doc = index.proses[kode]
            seen: set[str] = set()
            for i, code in enumerate(index.proses[source].model.kegiatan):
                if code in seen:
                    continue
                seen.add(code)
                others = self._foreign(index, code, owners, shared)
                if not others:
                    continue
                args = {
                    "proses": kode,
                    "kode": code,
                    "nama": self._nama(index, code),
                    "pemilik": ", ".join(opd_label(index, o) for o in owners),
                    "lain": ", ".join(opd_label(index, o) for o in others),
                }
                if inherited:
                    yield Hit(doc.loc("induk"), Message.of("lint.K018.warisan", induk=source, **args))
                else:
                    related = tuple(
                        e.loc("kode") for e in index.kegiatan.get(code, []) or index.sub_kegiatan.get(code, [])
                    )
                    yield Hit(doc.loc("kegiatan", i), Message.of("lint.K018.hit", **args), related=related[:5])

    @staticmethod
    def _foreign(index: Index, code: str, owners: list[str], shared: tuple[str, ...]) -> list[str]:
        """The OPD claiming ``code`` when no owner does (empty: fine, shared, or claimed by nobody)."""
        if is_shared(code, shared):
            return []
        claimers = sorted(
            {e.opd for e in index.kegiatan.get(code, [])} | {e.opd for e in index.sub_kegiatan.get(code, [])}
        )
        if not claimers or set(claimers) & set(owners):
            return []
        # A sub kegiatan of a kegiatan an owner lists without detailing its sub kegiatan.
        parent = code.rsplit(".", 1)[0]
        if code in index.sub_kegiatan and any(
            e.opd in owners and not e.kegiatan.sub_kegiatan for e in index.kegiatan.get(parent, [])
        ):
            return []
        return claimers

    @staticmethod
    def _nama(index: Index, code: str) -> str:
        if code in index.kegiatan:
            return index.kegiatan[code][0].kegiatan.nama
        subs = index.sub_kegiatan.get(code)
        return subs[0].sub_kegiatan.nama if subs else ""
