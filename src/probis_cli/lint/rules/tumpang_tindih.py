"""Tumpang tindih kewenangan: overlapping kegiatan, outputs, processes and ownership between OPD.

Which processes the output and name rules (T002, T003) compare, and why:

* only processes of different OPD: their owner sets (``Index.owners``) are disjoint;
* never a process with its ancestors/descendants: a child refines its parent, and repeating
  its output is not an overlap. Levels are not matched otherwise: one OPD's level 2 may be
  another's level 3, so "comparable levels" would hide real overlaps;
* never two processes that both carry out a kegiatan listed in
  ``pengaturan.lint.kegiatan_bersama``: OPD that are instances of one template (UPTD per
  wilayah, Kecamatan, cabang dinas) run the same processes for different areas. A process
  linked to no kegiatan counts with the shared kegiatan its OPD claim in the Renstra;
* processes that only carry out the standard kegiatan of the program penunjang
  (``X.XX.01.2.01``–``.2.10``) — judged on their own kegiatan, a parent's counting only
  when they name none — are each OPD's own administration, alike in every OPD by design:
  T003 leaves them out, T002 compares only their outputs that name an OPD.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, ClassVar, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from probis_cli.model.kode import PER_WILAYAH_PREFIXES, is_per_wilayah, is_standard_penunjang
from probis_cli.findings import Location, Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index, KegiatanEntry, SubKegiatanEntry
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.teks import Glosarium, NearDuplicateIndex, normalise, tokens

# ---------------------------------------------------------------------------------------
# Shared helpers


# Only the standard penunjang kegiatan recur in every OPD by design; an OPD's own kegiatan
# in its program penunjang (Setda's Penataan Organisasi) are real work, checked for overlap.
is_penunjang = is_standard_penunjang


def shared_codes(index: Index, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Codes declared as run together by several OPD: probis.yaml settings plus ``extra``."""
    codes: list[str] = []
    if index.pemda is not None:
        codes.extend(index.pemda.model.pengaturan.lint.kegiatan_bersama)
    codes.extend(extra)
    return tuple(sorted({c.strip() for c in codes if c.strip()}))


def per_wilayah_opd(index: Index, opd: str) -> bool:
    """Whether an OPD is one of several that run the same urusan for their own area (Kecamatan)."""
    doc = index.opd.get(opd)
    if doc is None:
        return False
    return doc.model.bentuk == "kecamatan" or any(u in PER_WILAYAH_PREFIXES for u in doc.model.urusan)


def per_wilayah_claims(index: Index, code: str, opds: Iterable[str]) -> bool:
    """A 7.01 code claimed only by Kecamatan: each runs it for its own area, no overlap."""
    return is_per_wilayah(code) and all(per_wilayah_opd(index, o) for o in opds)


def is_shared(code: str, shared: tuple[str, ...]) -> bool:
    """Whether ``code`` is a shared code or lies below one (a shared program or kegiatan covers its children)."""
    return any(code == s or code.startswith(s + ".") for s in shared)


def opd_label(index: Index, kode: str) -> str:
    """The OPD as people name it (singkatan, else nama), e.g. ``DPMPTSP``; the code if unknown."""
    doc = index.opd.get(kode)
    return doc.model.label if doc is not None else kode


def owners_label(index: Index, kode: str) -> str:
    """The owners of a process as text for messages."""
    return ", ".join(opd_label(index, o) for o in index.owners(kode)) or "-"


def own_kegiatan(index: Index, kode: str) -> tuple[list[str], str]:
    """The kegiatan a process carries out: its own, else those of its nearest parent that has some.

    Returns (codes, the process they are written in). A process's own kegiatan decide what
    it does; a parent's count only when it names none (the parent groups several kinds of
    work, e.g. a level-1 "Perencanaan dan Pelaporan" over a bidang's substantive kegiatan).
    """
    for k in [kode, *index.ancestors(kode)]:
        codes = index.proses[k].model.kegiatan
        if codes:
            return list(dict.fromkeys(codes)), k
    return [], kode


def only_penunjang(index: Index, kode: str) -> bool:
    """Whether a process carries out kegiatan (its own, else inherited), all of them of the program penunjang."""
    codes, _ = own_kegiatan(index, kode)
    return bool(codes) and all(is_penunjang(c) for c in codes)


# ---------------------------------------------------------------------------------------
# Example repositories

_PEMDA = """\
# file: probis.yaml
probis: 1
jenis: pemda
nama: Pemerintah Kota Contoh
tingkat: kota
periode: 2025-2029
pihak_luar: [{kode: masyarakat, nama: Masyarakat}]
# file: rpjmd.yaml
probis: 1
jenis: rpjmd
periode: 2025-2029
visi: Kota Contoh yang sehat dan tertib administrasi
"""

_DINKES = """\
# file: opd/dinkes.yaml
probis: 1
jenis: opd
kode: dinkes
nama: Dinas Kesehatan
singkatan: Dinkes
urusan: [1.02]
unit: [{kode: bid-p2p, nama: Bidang P2P}, {kode: seksi-imunisasi, nama: Seksi Imunisasi, induk: bid-p2p}]
kegiatan:
  - kode: 1.02.01.2.01
    nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
  - kode: 1.02.02.2.02
    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
"""


def _capil(extra_kegiatan: str = "") -> str:
    return (
        """\
# file: opd/disdukcapil.yaml
probis: 1
jenis: opd
kode: disdukcapil
nama: Dinas Kependudukan dan Pencatatan Sipil
singkatan: Disdukcapil
urusan: [2.12]
unit:
  - {kode: bid-dafduk, nama: Bidang Pelayanan Pendaftaran Penduduk}
  - {kode: bid-capil, nama: Bidang Pelayanan Pencatatan Sipil}
kegiatan:
  - kode: 2.12.01.2.01
    nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
  - kode: 2.12.02.2.01
    nama: Pelayanan Pendaftaran Penduduk
"""
        + extra_kegiatan
    )


def _rsud(kegiatan: str) -> str:
    # The RSUD holds urusan 1.02 like the Dinkes: its program penunjang codes are literally
    # the Dinkes's codes, which must not count as an overlap.
    return (
        """\
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
"""
        + (
            kegiatan
            or """\
  - kode: 1.02.02.2.02
    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
"""
        )
    )


def _kecamatan() -> str:
    return """\
# file: opd/kec-kota.yaml
probis: 1
jenis: opd
kode: kec-kota
nama: Kecamatan Kota
urusan: [7.01]
unit: [{kode: seksi-pelayanan, nama: Seksi Pelayanan}]
"""


def _proses(kode: str, nama: str, pemilik: str, *, kegiatan: str = "", keluaran: str = "", path: str = "") -> str:
    body = f"""\
# file: {path or f'proses/{kode}.yaml'}
probis: 1
jenis: proses
kode: {kode}
nama: {nama}
kategori: inti
pemilik: {pemilik}
"""
    if kegiatan:
        body += f"kegiatan: [{kegiatan}]\n"
    if keluaran:
        body += f"keluaran: [{{nama: {keluaran}, untuk: masyarakat}}]\n"
    return body


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
    )
    sub_berbeda_boleh: bool = Field(
        default=True,
        description=(
            "Kegiatan yang sama boleh ada di beberapa OPD bila masing-masing mencantumkan sub "
            "kegiatan yang berbeda (sub kegiatan yang sama tetap dilaporkan)."
        ),
    )


class KegiatanGanda(Rule):
    """T001: the same kegiatan or sub kegiatan code is claimed in the Renstra of two OPD."""

    code: ClassVar[str] = "T001"
    name: ClassVar[str] = "kegiatan-ganda"
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


# ---------------------------------------------------------------------------------------
# Comparing processes of different OPD (T002, T003)

# Related locations listed per finding (the message gives the full count).
_MAX_RELATED = 20

# Abbreviations officials write in names ("KTP-el", "SIUP", "LKjIP") are written out, and a
# few synonyms folded, before comparing: the built-in glossary (lint/singkatan.txt,
# lint/sinonim.txt) plus the rule option `singkatan`, which adds or replaces single entries.

# Keluaran that every kind of process produces; equal names say nothing about overlap.
DEFAULT_KELUARAN_UMUM: list[str] = [
    "laporan",
    "surat",
    "surat keputusan",
    "keputusan",
    "nota dinas",
    "berita acara",
    "dokumen",
    "data",
    "disposisi",
    "rekomendasi",
    "arsip",
    "surat masuk",
    "surat keluar",
    "notulen",
]

# Stems of action nouns ("penyusunan" -> susun). Two names that share nothing but an action
# ("Penyusunan Standar Pelayanan" and "Penyusunan SOP", once filler words are gone) are not
# the same process: a match must share at least one other word.
KATA_KERJA: frozenset[str] = frozenset(
    """
    susun terbit periksa verifikasi validasi evaluasi tangan bina rekam catat awas pantau
    kendali koordinasi sosialisasi terima proses buat tetap sah kirim olah usul aju bimbing
    latih kaji bangun pelihara nilai kembang beri tanggulang daya tata kuat kumpul salur
    damping uji siap sampai ada rumus hitung mutakhir cegah monitor monitoring input entri
    cetak tindak lanjut
    """.split()
)


def expander(singkatan: dict[str, str]) -> Callable[[str], str]:
    """A function giving ``normalise(text)`` with abbreviations written out and synonyms folded.

    The built-in glossary with ``singkatan`` (the rule option) added: an entry there replaces
    the built-in one of the same key, an empty value removes it.
    """
    return Glosarium.bawaan().dengan(singkatan).expand


def _one_word_keys(value: dict[str, str]) -> dict[str, str]:
    """Validate the option `singkatan`: every key is one word once normalised ("KTP-el" is two)."""
    bad = [k for k in value if len(normalise(k).split()) != 1]
    if bad:
        raise ValueError(f"singkatan must be single words (hyphens split words): {', '.join(sorted(bad))}")
    return value


class Processes:
    """Owners, ancestry and declared-shared kegiatan of every process, computed once per rule run."""

    def __init__(self, index: Index) -> None:
        """Collect the owners of every process of ``index``."""
        self.index = index
        self.owners = {k: frozenset(index.owners(k)) for k in index.proses}
        self.shared = shared_codes(index)
        self._ancestors: dict[str, frozenset[str]] = {}
        self._bersama: dict[str, frozenset[str]] = {}
        self._penunjang: dict[str, bool] = {}

    def ancestors(self, kode: str) -> frozenset[str]:
        """The parent chain of a process (cached)."""
        found = self._ancestors.get(kode)
        if found is None:
            found = self._ancestors[kode] = frozenset(self.index.ancestors(kode))
        return found

    def bersama(self, kode: str) -> frozenset[str]:
        """The declared shared codes (kegiatan_bersama) behind a process (cached).

        Those it carries out, directly or through its parents; for a process linked to no
        kegiatan at all, those its owner OPD claim in their Renstra (an OPD that is one of
        several instances of a template runs the template's processes).
        """
        found = self._bersama.get(kode)
        if found is None:
            codes: list[str] = self.index.effective_kegiatan(kode) if self.shared else []
            if self.shared and not codes:
                for opd in sorted(self.owners[kode]):
                    doc = self.index.opd.get(opd)
                    if doc is not None:
                        codes.extend(k.kode for k in doc.model.kegiatan)
                        codes.extend(s.kode for k in doc.model.kegiatan for s in k.sub_kegiatan)
            found = self._bersama[kode] = frozenset(
                s for code in codes for s in self.shared if code == s or code.startswith(s + ".") or s.startswith(code + ".")
            )
        return found

    def penunjang(self, kode: str) -> bool:
        """Whether a process only carries out kegiatan of the program penunjang (cached)."""
        found = self._penunjang.get(kode)
        if found is None:
            found = self._penunjang[kode] = only_penunjang(self.index, kode)
        return found

    def comparable(self, *, abaikan_penunjang: bool, hanya_daun: bool = False) -> list[str]:
        """Process codes taking part in cross-OPD comparisons, sorted.

        Those with an owner; with ``abaikan_penunjang`` not those only running the program
        penunjang: every OPD runs its own administration ("Penyusunan Renja", "Pengajuan Uang
        Persediaan"), which by design mirrors the other OPD's and the work of the OPD running
        these functions for the whole Pemda (Bappeda, BPKAD, BKPSDM). Leaving them out
        before the join also keeps it small: they are the largest groups of equal names.
        """
        out: list[str] = []
        for kode in sorted(self.index.proses):
            if not self.owners[kode] or (hanya_daun and not self.index.is_leaf(kode)):
                continue
            if abaikan_penunjang and self.penunjang(kode):
                continue
            out.append(kode)
        return out

    def may_overlap(self, a: str, b: str) -> bool:
        """Whether a likeness of two processes can mean overlapping authority.

        Not when they share an owner OPD; when one refines the other (parent and child);
        when both carry out a kegiatan declared shared, since OPD instances of one template
        (UPTD per wilayah, Kecamatan, cabang dinas) run the same processes for different areas.
        """
        if self.owners[a] & self.owners[b]:
            return False
        if a in self.ancestors(b) or b in self.ancestors(a):
            return False
        # Two Kecamatan run the same kewilayahan processes, each for its own area.
        if all(per_wilayah_opd(self.index, o) for o in self.owners[a] | self.owners[b]):
            return False
        return not (self.bersama(a) & self.bersama(b))


@dataclass(frozen=True, slots=True)
class KeluaranMatch:
    """A keluaran of one process equal to a keluaran of an earlier process of another OPD."""

    proses: str
    index: int
    others: tuple[tuple[str, int], ...]  # (process, keluaran index), earliest first


def opd_name_pattern(index: Index) -> re.Pattern[str] | None:
    """A regex finding any OPD's name or short name (normalised, whole words) in normalised text."""
    names = set()
    for doc in index.opd.values():
        for name in (doc.model.nama, doc.model.singkatan or ""):
            text = normalise(name)
            if len(text) >= 3:
                names.add(text)
    if not names:
        return None
    # Longest first so that the alternation prefers "dinas kesehatan hewan" to "dinas kesehatan".
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _names_owner(procs: Processes, kode: str, text: str) -> bool:
    """Whether normalised ``text`` names (nama or singkatan, whole words) an owner OPD of ``kode``."""
    padded = f" {text} "
    for opd in sorted(procs.owners[kode]):
        doc = procs.index.opd.get(opd)
        if doc is None:
            continue
        for name in (doc.model.nama, doc.model.singkatan or ""):
            norm = normalise(name)
            if len(norm) >= 3 and f" {norm} " in padded:
                return True
    return False


def same_keluaran(procs: Processes, options: KeluaranGandaOptions) -> list[KeluaranMatch]:
    """Keluaran equal (normalised) to one of an earlier process of a different OPD.

    "Earlier" is code order, except that a process whose keluaran names its own OPD comes
    first: the other processes are the ones producing what is not theirs.

    With ``abaikan_penunjang``, keluaran of processes running only the program penunjang
    are compared only when they name an OPD ("Laporan Keuangan Semesteran Dinas Sosial"):
    such a keluaran belongs to that OPD, while "Laporan Keuangan Semesteran" is every OPD's.
    """
    expand = expander(options.singkatan)
    umum = {expand(t) for t in options.abaikan}
    names = opd_name_pattern(procs.index) if options.abaikan_penunjang else None
    groups: dict[str, list[tuple[str, int]]] = {}
    for kode in procs.comparable(abaikan_penunjang=False):
        generic_only = options.abaikan_penunjang and procs.penunjang(kode)
        for i, k in enumerate(procs.index.proses[kode].model.keluaran):
            key = expand(k.nama)
            if not key or key in umum:
                continue
            if generic_only and (names is None or names.search(normalise(k.nama)) is None):
                continue
            groups.setdefault(key, []).append((kode, i))
    out: list[KeluaranMatch] = []
    for key in sorted(groups):
        members = groups[key]
        if len(members) < 2:
            continue
        # A keluaran naming its producer's OPD is that OPD's: the others are reported.
        owner = next(
            (m for m in members if _names_owner(procs, m[0], normalise(procs.index.proses[m[0]].model.keluaran[m[1]].nama))),
            None,
        )
        if owner is not None:
            members = [owner, *(m for m in members if m is not owner)]
        for n, (kode, i) in enumerate(members):
            others = tuple((o, j) for o, j in members[:n] if o != kode and procs.may_overlap(o, kode))
            if others:
                out.append(KeluaranMatch(kode, i, others))
    out.sort(key=lambda m: (m.proses, m.index))
    return out


class KeluaranGandaOptions(BaseModel):
    """Options of T002 (and the keluaran part of T003)."""

    model_config = ConfigDict(extra="forbid")

    abaikan: list[str] = Field(
        default_factory=lambda: list(DEFAULT_KELUARAN_UMUM),
        description="Keluaran umum yang tidak dibandingkan (mis. 'Laporan', 'Surat Keputusan').",
    )
    abaikan_penunjang: bool = Field(
        default=True,
        description=(
            "Keluaran proses yang hanya menjalankan kegiatan standar program penunjang (X.XX.01.2.01–.2.10), administrasi "
            "setiap OPD sendiri, hanya dibandingkan bila menyebut nama/singkatan suatu OPD."
        ),
    )
    singkatan: Annotated[dict[str, str], AfterValidator(_one_word_keys)] = Field(
        default_factory=dict,
        description=(
            "Singkatan tambahan yang ditulis lengkap sebelum membandingkan, mis. {sppt: surat pemberitahuan pajak "
            "terutang}; ditambahkan ke glosarium bawaan (menimpa entri yang sama; nilai kosong mematikan entri bawaan)."
        ),
    )


class KeluaranGanda(Rule):
    """T002: processes of different OPD produce the same keluaran."""

    code: ClassVar[str] = "T002"
    name: ClassVar[str] = "keluaran-ganda"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = KeluaranGandaOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis dari OPD berbeda menghasilkan keluaran yang sama.",
            why=(
                "Keluaran yang sama dari dua OPD (mis. 'Akta Kelahiran' dari Disdukcapil dan dari "
                "Kecamatan) berarti dua pihak mengerjakan hal yang sama: tumpang tindih kewenangan. "
                "Nama dibandingkan setelah dinormalkan: huruf kecil, tanda baca, singkatan ditulis "
                "lengkap dengan glosarium bawaan (±480 singkatan Pemda: SIUP, LKjIP, KTP-el, SP2D, ...; "
                "singkatan ambigu seperti SPM hanya bila nama itu sendiri menunjukkan artinya) dan "
                "sinonim diseragamkan (penilaian/evaluasi, pemberian/penerbitan, pelayanan/layanan, ...); "
                "opsi `singkatan` menambah atau menimpa entri glosarium. Tidak dibandingkan: proses induk dengan turunannya, proses yang sama-sama "
                "menjalankan kegiatan di pengaturan.lint.kegiatan_bersama (mis. UPTD per wilayah), "
                "keluaran umum (opsi `abaikan`), dan keluaran proses yang hanya menjalankan program "
                "penunjang (administrasi setiap OPD: 'Dokumen Renja' ada di semua OPD) kecuali "
                "keluaran itu menyebut nama atau singkatan OPD."
            ),
            fix=(
                "Tetapkan satu OPD yang menghasilkan keluaran itu; proses OPD lain menerimanya "
                "sebagai masukan (`dari`) atau menghasilkan keluaran antara yang berbeda namanya. "
                "Bila keluarannya memang berbeda, beri nama yang membedakannya."
            ),
        ),
        "en": RuleDoc(
            summary="Business processes of different OPD produce the same keluaran.",
            why=(
                "The same output from two OPD (e.g. 'Akta Kelahiran' from the Disdukcapil and from a "
                "Kecamatan) means two parties do the same work: overlapping authority. Names are "
                "compared after normalising: case, punctuation, abbreviations written out with the "
                "built-in glossary (about 480 Pemda abbreviations: SIUP, LKjIP, KTP-el, SP2D, ...; an "
                "ambiguous one such as SPM only when the name itself shows its meaning) and synonyms "
                "folded (penilaian/evaluasi, pemberian/penerbitan, pelayanan/layanan, ...); the option "
                "`singkatan` adds or overrides glossary entries. Not compared: a process with its ancestors, processes that both carry out a kegiatan "
                "listed in pengaturan.lint.kegiatan_bersama (e.g. UPTD per area), generic outputs "
                "(option `abaikan`), and outputs of processes running only the program penunjang "
                "(each OPD's own administration: every OPD has a 'Dokumen Renja') unless the output "
                "names an OPD."
            ),
            fix=(
                "Make one OPD produce the output; the other OPD's process receives it as an input "
                "(`dari`) or produces a differently named intermediate output. When the outputs "
                "really differ, name them so."
            ),
        ),
    }
    bad: ClassVar[str] = (
        _PEMDA
        + _capil()
        + _kecamatan()
        + _proses("PB.01", "Pelayanan Akta Kelahiran", "disdukcapil/bid-capil", keluaran="Akta Kelahiran")
        + _proses("PB.02", "Pelayanan Administrasi Kependudukan di Kecamatan", "kec-kota/seksi-pelayanan", keluaran="Akta kelahiran")
    )
    good: ClassVar[str] = (
        _PEMDA
        + _capil()
        + _kecamatan()
        + _proses("PB.01", "Pelayanan Akta Kelahiran", "disdukcapil/bid-capil", keluaran="Akta Kelahiran")
        + _proses(
            "PB.02",
            "Pelayanan Administrasi Kependudukan di Kecamatan",
            "kec-kota/seksi-pelayanan",
            keluaran="Berkas permohonan akta kelahiran terverifikasi",
        )
    )

    def check(self, index: Index, options: KeluaranGandaOptions) -> Iterator[Hit]:
        """Report each keluaran equal to one of an earlier process of a different OPD."""
        for match in same_keluaran(Processes(index), options):
            doc = index.proses[match.proses]
            first = match.others[0][0]
            tambahan = len({p for p, _ in match.others}) - 1
            yield Hit(
                doc.loc("keluaran", match.index, "nama"),
                Message.of(
                    "lint.T002.hit_banyak" if tambahan else "lint.T002.hit",
                    proses=match.proses,
                    keluaran=doc.model.keluaran[match.index].nama,
                    pemilik=owners_label(index, match.proses),
                    lain=first,
                    pemilik_lain=owners_label(index, first),
                    tambahan=tambahan,
                ),
                related=tuple(index.proses[p].loc("keluaran", j, "nama") for p, j in match.others[:_MAX_RELATED]),
            )


# ---------------------------------------------------------------------------------------
# T003 proses-mirip


class ProsesMiripOptions(BaseModel):
    """Options of T003."""

    model_config = ConfigDict(extra="forbid")

    ambang: float = Field(
        default=0.6,
        gt=0.0,
        le=1.0,
        description=(
            "Ambang kemiripan (Jaccard atas kata dasar, tanpa kata tugas dan kata birokrasi umum): "
            "0,6 menangkap 'Analisis Jabatan' ~ 'Penyusunan Analisis Jabatan'; 1,0 hanya kata yang sama."
        ),
    )
    bandingkan_keluaran: bool = Field(default=True, description="Bandingkan juga nama keluaran (minimal dua kata bermakna).")
    ambang_keluaran: float = Field(
        default=0.8,
        gt=0.0,
        le=1.0,
        description=(
            "Ambang kemiripan keluaran. Lebih tinggi daripada nama proses: keluaran sering berpola "
            "sama ('Laporan hasil pembinaan ... Wilayah I/II') dan hanya berbeda satu-dua kata."
        ),
    )
    cakupan: bool = Field(
        default=False,
        description=(
            "Laporkan juga nama proses yang seluruh kata bermaknanya (minimal dua) tercakup dalam nama proses OPD "
            "lain, mis. 'Analisis Jabatan' dan 'Penyusunan Analisis Jabatan dan Analisis Beban Kerja'. Mati secara "
            "bawaan: pada peta kota sintetis ±10 dari 11 temuannya bukan tumpang tindih ('Air Minum' dan "
            "'Pembinaan Perusahaan Umum Daerah Air Minum'); nyalakan untuk telaah mendalam."
        ),
        json_schema_extra={
            "en": "Also report a process name whose meaningful words (at least two) all appear in another OPD's "
            "process name, e.g. 'Analisis Jabatan' and 'Penyusunan Analisis Jabatan dan Analisis Beban Kerja'. Off "
            "by default: on a synthetic city map about 10 of its 11 findings were not overlaps ('Air Minum' vs "
            "'Pembinaan Perusahaan Umum Daerah Air Minum'); turn it on for a thorough review."
        },
    )
    hanya_daun: bool = Field(default=False, description="Bandingkan hanya proses level terendah (tanpa subproses).")
    abaikan_penunjang: bool = Field(
        default=True,
        description=(
            "Lewati proses yang hanya menjalankan kegiatan standar program penunjang (X.XX.01.2.01–.2.10): administrasi "
            "setiap OPD sendiri, yang memang serupa di semua OPD dan dengan Bappeda/BPKAD/BKPSDM."
        ),
    )
    abaikan_kata: list[str] = Field(
        default_factory=list, description="Kata tambahan yang diabaikan saat membandingkan (bentuk asli atau kata dasar)."
    )
    singkatan: Annotated[dict[str, str], AfterValidator(_one_word_keys)] = Field(
        default_factory=dict,
        description=(
            "Singkatan tambahan yang ditulis lengkap sebelum membandingkan, mis. {sppt: surat pemberitahuan pajak "
            "terutang}; ditambahkan ke glosarium bawaan (menimpa entri yang sama; nilai kosong mematikan entri bawaan)."
        ),
    )
    abaikan_keluaran: list[str] = Field(
        default_factory=lambda: list(DEFAULT_KELUARAN_UMUM),
        description="Keluaran umum yang tidak dibandingkan (sama dengan opsi `abaikan` T002).",
    )


@dataclass(frozen=True, slots=True)
class _Similar:
    other: str
    score: float
    kind: str  # "nama" or "keluaran"
    mine: int  # keluaran index on this side (-1 for names)
    theirs: int


def _contained_names(
    codes: list[str], name_tokens: dict[str, tuple[str, ...]], group: dict[str, str]
) -> Iterator[tuple[str, str, float]]:
    """Pairs ``(a, b, jaccard)`` where all (at least two) words of one name are in the other's
    and the owners differ; ``a < b``. Candidates come from intersecting the posting lists of a
    name's words, rarest first, so this stays fast at province scale."""
    postings: dict[str, list[str]] = {}
    for k in codes:
        for t in set(name_tokens[k]):
            postings.setdefault(t, []).append(k)
    seen: set[tuple[str, str]] = set()
    for small in codes:
        words = set(name_tokens[small])
        if len(words) < 2:
            continue
        lists = sorted((postings[t] for t in words), key=len)
        candidates = set(lists[0])
        for lst in lists[1:]:
            candidates.intersection_update(lst)
            if len(candidates) <= 1:
                break
        for big in sorted(candidates):
            if big == small or group[big] == group[small]:
                continue
            other = set(name_tokens[big])
            if not words < other:  # equal word sets are the Jaccard pass's business
                continue
            a, b = (small, big) if small < big else (big, small)
            if (a, b) not in seen:
                seen.add((a, b))
                yield a, b, len(words) / len(other)


class ProsesMirip(Rule):
    """T003: processes of different OPD whose names or keluaran are near-duplicates."""

    code: ClassVar[str] = "T003"
    name: ClassVar[str] = "proses-mirip"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = ProsesMiripOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis dari OPD berbeda bernama (atau berkeluaran) hampir sama.",
            why=(
                "Tumpang tindih jarang tertulis persis sama: 'Penerbitan KTP Elektronik' di "
                "Disdukcapil dan 'Pelayanan Penerbitan KTP-el' di Kecamatan adalah proses yang "
                "sama. Nama dibandingkan sebagai himpunan kata dasar (stemmer bahasa Indonesia), "
                "tanpa kata tugas dan kata birokrasi umum (pelayanan, pengelolaan, daerah, ...), "
                "dengan singkatan ditulis lengkap (glosarium bawaan ±480 singkatan Pemda: 'Penerbitan "
                "SIUP' = 'Penerbitan Surat Izin Usaha Perdagangan', 'LKjIP' = 'Laporan Kinerja Instansi "
                "Pemerintah'; singkatan ambigu seperti SPM hanya bila nama itu menunjukkan artinya; opsi "
                "`singkatan` menambah entri, menimpa satu entri, atau mematikannya dengan nilai kosong) "
                "dan sinonim diseragamkan (penilaian/evaluasi, pemberian/penerbitan, pelayanan/layanan); "
                "kemiripan Jaccard ≥ `ambang` dilaporkan, asalkan kata yang sama bukan hanya kata kerja "
                "(penyusunan, penerbitan, ...) dan kedua nama tidak menyebut kata kerja yang berlainan "
                "('Perekaman KTP-el' lalu 'Penerbitan KTP-el' adalah dua tahap, bukan pekerjaan ganda). "
                "Keluaran "
                "dibandingkan dengan cara yang sama. Level proses tidak disamakan, karena level "
                "peta tiap OPD tidak setara. Tidak dibandingkan: proses milik OPD yang sama, proses "
                "induk dengan turunannya, proses yang sama-sama menjalankan kegiatan bersama "
                "(pengaturan.lint.kegiatan_bersama), proses yang hanya menjalankan program penunjang, "
                "dan pasangan yang sudah dilaporkan T002. Satu temuan per proses (pada proses "
                "berkode lebih akhir), terkait dengan semua pasangannya."
            ),
            fix=(
                "Bila memang proses yang sama, tetapkan satu pemilik dan jadikan proses lain "
                "masukan/keluarannya atau hapus. Bila berbeda, beri nama yang menunjukkan "
                "perbedaannya, atau abaikan temuan ini di baris itu (`# probis: abaikan[T003]`)."
            ),
        ),
        "en": RuleDoc(
            summary="Business processes of different OPD with nearly the same name (or keluaran).",
            why=(
                "Overlaps are rarely written identically: 'Penerbitan KTP Elektronik' at the "
                "Disdukcapil and 'Pelayanan Penerbitan KTP-el' at a Kecamatan are the same process. "
                "Names are compared as sets of root words (Indonesian stemmer), without function "
                "words and common bureaucratic words (pelayanan, pengelolaan, daerah, ...), with "
                "abbreviations written out (a built-in glossary of about 480 Pemda abbreviations: "
                "'Penerbitan SIUP' = 'Penerbitan Surat Izin Usaha Perdagangan', 'LKjIP' = 'Laporan "
                "Kinerja Instansi Pemerintah'; an ambiguous one such as SPM only when the name shows "
                "its meaning; the option `singkatan` adds entries, overrides one, or switches one off "
                "with an empty value) and synonyms folded (penilaian/evaluasi, pemberian/penerbitan, "
                "pelayanan/layanan); a Jaccard similarity ≥ `ambang` is reported, provided the shared "
                "words are not only action words (penyusunan, penerbitan, ...) and the two names do "
                "not name different actions ('Perekaman KTP-el' then 'Penerbitan KTP-el' are two "
                "steps, not the same work twice). Outputs "
                "are compared the same way. Levels are not matched, because the levels of different "
                "OPD's maps are not equivalent. Not compared: processes of the same OPD, a process "
                "with its ancestors, processes that both carry out a shared kegiatan "
                "(pengaturan.lint.kegiatan_bersama), processes running only the program penunjang, "
                "and pairs already reported by T002. One finding per process (at the later code), "
                "related to all its counterparts."
            ),
            fix=(
                "When it is the same process, choose one owner and make the other an input/output "
                "of it or remove it. When they differ, name them so that the difference shows, or "
                "suppress the finding on that line (`# probis: abaikan[T003]`)."
            ),
        ),
    }
    bad: ClassVar[str] = (
        _PEMDA
        + _capil()
        + _kecamatan()
        + _proses("PB.01", "Penerbitan KTP Elektronik", "disdukcapil/bid-dafduk")
        + _proses("PB.02", "Pelayanan Penerbitan KTP-el", "kec-kota/seksi-pelayanan")
    )
    good: ClassVar[str] = (
        _PEMDA
        + _capil()
        + _kecamatan()
        + _proses("PB.01", "Penerbitan KTP Elektronik", "disdukcapil/bid-dafduk")
        + _proses("PB.02", "Perekaman Data KTP Elektronik", "kec-kota/seksi-pelayanan")
    )

    def check(self, index: Index, options: ProsesMiripOptions) -> Iterator[Hit]:
        """Join names (and keluaran) of comparable processes; report each process once."""
        procs = Processes(index)
        expand = expander(options.singkatan)
        codes = procs.comparable(abaikan_penunjang=options.abaikan_penunjang, hanya_daun=options.hanya_daun)
        extra_stop = frozenset(w.casefold() for w in options.abaikan_kata)
        group = {k: ",".join(sorted(procs.owners[k])) for k in codes}
        found: dict[str, list[_Similar]] = {}
        # Pairs T002 reports are its business.
        exact: set[tuple[str, str]] = set()
        t002 = KeluaranGandaOptions(
            abaikan=options.abaikan_keluaran, abaikan_penunjang=options.abaikan_penunjang, singkatan=options.singkatan
        )
        for match in same_keluaran(procs, t002):
            for other, _ in match.others:
                exact.add((min(other, match.proses), max(other, match.proses)))

        def accept(a: str, b: str, ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
            shared = set(ta) & set(tb)
            if not shared - KATA_KERJA:
                return False
            # Different actions on one object are different steps of a chain ("Perekaman
            # KTP-el" then "Penerbitan KTP-el"), not the same work done twice.
            va, vb = set(ta) & KATA_KERJA, set(tb) & KATA_KERJA
            if va and vb and not va & vb:
                return False
            return (a, b) not in exact and procs.may_overlap(a, b)

        name_text = {k: expand(index.proses[k].model.nama) for k in codes}
        names = NearDuplicateIndex(((k, group[k], name_text[k]) for k in codes), extra_stop=extra_stop)
        name_tokens = {k: tokens(name_text[k], extra_stop) for k in codes}
        for a, b, score in names.pairs(options.ambang):
            if accept(a, b, name_tokens[a], name_tokens[b]):
                found.setdefault(b, []).append(_Similar(a, score, "nama", -1, -1))
        if options.cakupan:
            for a, b, score in _contained_names(codes, name_tokens, group):
                if any(x.other == a for x in found.get(b, [])) or not accept(a, b, name_tokens[a], name_tokens[b]):
                    continue
                found.setdefault(b, []).append(_Similar(a, score, "cakupan", -1, -1))
        if options.bandingkan_keluaran:
            umum = {expand(t) for t in options.abaikan_keluaran}
            entries: list[tuple[str, str, str]] = []
            out_tokens: dict[str, tuple[str, ...]] = {}
            for k in codes:
                for i, kel in enumerate(index.proses[k].model.keluaran):
                    text = expand(kel.nama)
                    toks = tokens(text, extra_stop)
                    if text in umum or len(toks) < 2:
                        continue
                    key = f"{k}#{i:05d}"
                    entries.append((key, group[k], text))
                    out_tokens[key] = toks
            named = {(s.other, b) for b, lst in found.items() for s in lst}
            for ka, kb, score in NearDuplicateIndex(entries, extra_stop=extra_stop).pairs(options.ambang_keluaran):
                a, ia = ka.rsplit("#", 1)
                b, ib = kb.rsplit("#", 1)
                if a > b:
                    a, b, ia, ib = b, a, ib, ia
                if a == b or (a, b) in named or not accept(a, b, out_tokens[ka], out_tokens[kb]):
                    continue
                lst = found.setdefault(b, [])
                if not any(s.other == a for s in lst):
                    lst.append(_Similar(a, score, "keluaran", int(ib), int(ia)))
        for kode in sorted(found):
            yield self._hit(index, kode, found[kode])

    @staticmethod
    def _hit(index: Index, kode: str, similar: list[_Similar]) -> Hit:
        similar = sorted(similar, key=lambda s: (-s.score, s.other))
        best = similar[0]
        suffix = "_banyak" if len(similar) > 1 else ""
        doc, other = index.proses[kode], index.proses[best.other]
        common = {
            "proses": kode,
            "lain": best.other,
            "pemilik_lain": owners_label(index, best.other),
            "persen": round(best.score * 100),
            "tambahan": len(similar) - 1,
        }
        related = tuple(
            index.proses[s.other].loc("nama") if s.kind != "keluaran" else index.proses[s.other].loc("keluaran", s.theirs, "nama")
            for s in similar[:_MAX_RELATED]
        )
        if best.kind in ("nama", "cakupan"):
            return Hit(
                doc.loc("nama"),
                Message.of(f"lint.T003.{best.kind}" + suffix, nama=doc.model.nama, nama_lain=other.model.nama, **common),
                related=related,
            )
        return Hit(
            doc.loc("keluaran", best.mine, "nama"),
            Message.of(
                "lint.T003.keluaran" + suffix,
                keluaran=doc.model.keluaran[best.mine].nama,
                keluaran_lain=other.model.keluaran[best.theirs].nama,
                **common,
            ),
            related=related,
        )


# ---------------------------------------------------------------------------------------
# T004 urusan-tidak-diampu


class UrusanTidakDiampu(Rule):
    """T004: an OPD runs kegiatan, or a process links kegiatan, of a bidang urusan it does not hold."""

    code: ClassVar[str] = "T004"
    name: ClassVar[str] = "urusan-tidak-diampu"
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


# ---------------------------------------------------------------------------------------
# T005 pemilik-ganda


class PemilikGanda(Rule):
    """T005: a process has more than one owner."""

    code: ClassVar[str] = "T005"
    name: ClassVar[str] = "pemilik-ganda"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Satu proses bisnis memiliki lebih dari satu pemilik.",
            why=(
                "Pemilik proses bertanggung jawab atas kinerja dan perbaikan proses. Dua pemilik "
                "(dua OPD, atau dua unit) berarti batas kewenangan dan tanggung jawab tidak jelas; "
                "keterlibatan pihak lain digambarkan sebagai pelaksana aktivitas, bukan pemilik."
            ),
            fix=(
                "Pilih satu pemilik (OPD atau OPD/unit). Unit atau OPD lain yang terlibat dicatat "
                "sebagai pelaksana aktivitas atau penerima/pemberi masukan dan keluaran; bila "
                "perlu, pecah proses menjadi subproses dengan pemilik masing-masing."
            ),
        ),
        "en": RuleDoc(
            summary="A business process has more than one owner.",
            why=(
                "The process owner is accountable for the process's performance and improvement. "
                "Two owners (two OPD, or two units) mean unclear boundaries of authority and "
                "responsibility; other parties take part as activity performers, not owners."
            ),
            fix=(
                "Choose one owner (OPD or OPD/unit). Record the other units or OPD as performers of "
                "activities or as sources/recipients of inputs and outputs; if needed, split the "
                "process into sub-processes each with its own owner."
            ),
        ),
    }
    bad: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Akta Kelahiran di Rumah Sakit", "[disdukcapil/bid-dafduk, dinkes]")
    )
    good: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Akta Kelahiran di Rumah Sakit", "disdukcapil/bid-dafduk")
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Report processes with two or more distinct owner references."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            refs: list[str] = []
            for ref in doc.model.pemilik:
                if ref not in refs:
                    refs.append(ref)
            if len(refs) < 2:
                continue
            second = doc.model.pemilik.index(refs[1])
            yield Hit(
                doc.loc("pemilik", second),
                Message.of("lint.T005.hit", proses=kode, nama=doc.model.nama, pemilik=", ".join(refs), jumlah=len(refs)),
            )


# ---------------------------------------------------------------------------------------
# T006 unit-sop-berbeda


def _unit_within(index: Index, ref: str, owner: str) -> bool:
    """Whether actor ``ref`` lies within owner reference ``owner`` (same, or below it)."""
    if ref == owner:
        return True
    ref_opd, _, ref_unit = ref.partition("/")
    own_opd, _, own_unit = owner.partition("/")
    if ref_opd != own_opd:
        return False
    if not own_unit or not ref_unit:
        # One side is the OPD as a whole: the SOP and the process sit in the same OPD.
        return True
    doc = index.opd.get(ref_opd)
    if doc is None:
        return False
    parents = {u.kode: u.induk for u in doc.model.unit}
    jabatan_unit = {j.kode: j.unit for j in doc.model.jabatan}
    current: str | None = ref_unit if ref_unit in parents else jabatan_unit.get(ref_unit)
    seen: set[str] = set()
    while current is not None and current not in seen:
        if current == own_unit:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


class UnitSopBerbeda(Rule):
    """T006: an SOP's unit is not (within) the owner of the process it belongs to."""

    code: ClassVar[str] = "T006"
    name: ClassVar[str] = "unit-sop-berbeda"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Unit pemilik SOP berbeda dengan pemilik proses bisnisnya.",
            why=(
                "SOP adalah penjabaran proses bisnis level terendah dan disusun oleh yang "
                "melaksanakannya. SOP milik unit lain (apalagi OPD lain) daripada pemilik proses "
                "menandakan prosedur ditulis di tempat yang salah atau kewenangan yang tumpang "
                "tindih. Unit di bawah unit pemilik, atau OPD yang sama bila salah satunya OPD "
                "secara keseluruhan, dianggap sesuai."
            ),
            fix=(
                "Samakan `unit` SOP dengan pemilik proses (atau unit di bawahnya), atau kaitkan SOP "
                "ke proses milik unit tersebut."
            ),
        ),
        "en": RuleDoc(
            summary="The unit owning an SOP differs from the owner of its business process.",
            why=(
                "An SOP details a lowest-level process and is written by those who perform it. An "
                "SOP owned by another unit (let alone another OPD) than the process owner shows a "
                "procedure written in the wrong place or overlapping authority. A unit below the "
                "owning unit, or the same OPD when either side is the OPD as a whole, is fine."
            ),
            fix=(
                "Make the SOP's `unit` the process owner (or a unit below it), or link the SOP to "
                "the process owned by that unit."
            ),
        ),
    }
    _SOP = """\
# file: sop/SOP-001.yaml
probis: 1
jenis: sop
kode: SOP-001
nama: Pelayanan Imunisasi Dasar
proses: PB.01
unit: {unit}
pelaksana: [{{kode: petugas, nama: Petugas}}]
langkah:
  - {{no: 1, kegiatan: Menerima pasien, pelaksana: petugas, simbol: mulai}}
  - {{no: 2, kegiatan: Memberikan imunisasi, pelaksana: petugas, simbol: selesai}}
"""
    bad: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Imunisasi", "dinkes/bid-p2p")
        + _SOP.format(unit="disdukcapil/bid-dafduk")
    )
    good: ClassVar[str] = (
        _PEMDA
        + _DINKES
        + _capil()
        + _proses("PB.01", "Pelayanan Imunisasi", "dinkes/bid-p2p")
        + _SOP.format(unit="dinkes/seksi-imunisasi")
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Compare each SOP's unit with the owners of its process."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            unit, proses = doc.model.unit, doc.model.proses
            if unit is None or proses is None or proses not in index.proses or unit not in index.actors:
                continue
            pdoc = index.proses[proses]
            owners = [o for o in pdoc.model.pemilik if o in index.actors]
            if not owners or any(_unit_within(index, unit, o) for o in owners):
                continue
            yield Hit(
                doc.loc("unit"),
                Message.of("lint.T006.hit", sop=kode, unit=unit, proses=proses, pemilik=", ".join(owners)),
                related=(pdoc.loc("pemilik"),),
            )


RULES: list[type[Rule]] = [KegiatanGanda, KeluaranGanda, ProsesMirip, UrusanTidakDiampu, PemilikGanda, UnitSopBerbeda]

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.T001.kegiatan": "Kegiatan {kode} ({nama}) diklaim oleh {opd} dan juga oleh {lain}.",
        "lint.T001.sub_kegiatan": "Sub kegiatan {kode} ({nama}) diklaim oleh {opd} dan juga oleh {lain}.",
        "lint.T002.hit": (
            "Keluaran '{keluaran}' proses {proses} ({pemilik}) juga dihasilkan proses {lain} ({pemilik_lain})."
        ),
        "lint.T002.hit_banyak": (
            "Keluaran '{keluaran}' proses {proses} ({pemilik}) juga dihasilkan proses {lain} ({pemilik_lain})"
            " dan {tambahan} proses lain dari OPD berbeda."
        ),
        "lint.T003.nama": (
            "Proses {proses} '{nama}' mirip ({persen}%) dengan proses {lain} '{nama_lain}' milik {pemilik_lain}."
        ),
        "lint.T003.nama_banyak": (
            "Proses {proses} '{nama}' mirip ({persen}%) dengan proses {lain} '{nama_lain}' milik {pemilik_lain}"
            " dan {tambahan} proses lain."
        ),
        "lint.T003.cakupan": (
            "Nama proses {proses} '{nama}' dan proses {lain} '{nama_lain}' milik {pemilik_lain}: kata-kata "
            "bermakna yang satu tercakup seluruhnya dalam yang lain; periksa apakah keduanya mengerjakan hal yang sama."
        ),
        "lint.T003.cakupan_banyak": (
            "Nama proses {proses} '{nama}' dan proses {lain} '{nama_lain}' milik {pemilik_lain} (dan {tambahan} "
            "proses lain): kata-kata bermakna yang satu tercakup seluruhnya dalam yang lain."
        ),
        "lint.T003.keluaran": (
            "Keluaran '{keluaran}' proses {proses} mirip ({persen}%) dengan keluaran '{keluaran_lain}' proses {lain}"
            " milik {pemilik_lain}."
        ),
        "lint.T003.keluaran_banyak": (
            "Keluaran '{keluaran}' proses {proses} mirip ({persen}%) dengan keluaran '{keluaran_lain}' proses {lain}"
            " milik {pemilik_lain}, dan {tambahan} proses lain."
        ),
        "lint.T004.kegiatan": (
            "Kegiatan {kode} ({nama}) termasuk bidang urusan {bidang}, yang tidak diampu {opd} (urusan: {urusan})."
        ),
        "lint.T004.proses": (
            "Proses {proses} mengaitkan kegiatan {kode} dari bidang urusan {bidang}, yang tidak diampu "
            "pemiliknya {pemilik} (urusan: {urusan})."
        ),
        "lint.T005.hit": "Proses {proses} ({nama}) memiliki {jumlah} pemilik: {pemilik}. Tetapkan satu pemilik.",
        "lint.T006.hit": "Unit SOP {sop} ({unit}) bukan pemilik proses {proses} ({pemilik}) atau unit di bawahnya.",
    },
    "en": {
        "lint.T001.kegiatan": "Kegiatan {kode} ({nama}) is claimed by {opd} and also by {lain}.",
        "lint.T001.sub_kegiatan": "Sub kegiatan {kode} ({nama}) is claimed by {opd} and also by {lain}.",
        "lint.T002.hit": (
            "Keluaran '{keluaran}' of process {proses} ({pemilik}) is also produced by process {lain} ({pemilik_lain})."
        ),
        "lint.T002.hit_banyak": (
            "Keluaran '{keluaran}' of process {proses} ({pemilik}) is also produced by process {lain} ({pemilik_lain})"
            " and {tambahan} other processes of different OPD."
        ),
        "lint.T003.nama": (
            "Process {proses} '{nama}' is similar ({persen}%) to process {lain} '{nama_lain}' of {pemilik_lain}."
        ),
        "lint.T003.nama_banyak": (
            "Process {proses} '{nama}' is similar ({persen}%) to process {lain} '{nama_lain}' of {pemilik_lain}"
            " and to {tambahan} other processes."
        ),
        "lint.T003.cakupan": (
            "Process names {proses} '{nama}' and {lain} '{nama_lain}' of {pemilik_lain}: every meaningful word of "
            "one appears in the other; check whether both do the same work."
        ),
        "lint.T003.cakupan_banyak": (
            "Process names {proses} '{nama}' and {lain} '{nama_lain}' of {pemilik_lain} (and {tambahan} other "
            "processes): every meaningful word of one appears in the other."
        ),
        "lint.T003.keluaran": (
            "Keluaran '{keluaran}' of process {proses} is similar ({persen}%) to keluaran '{keluaran_lain}' of process"
            " {lain} of {pemilik_lain}."
        ),
        "lint.T003.keluaran_banyak": (
            "Keluaran '{keluaran}' of process {proses} is similar ({persen}%) to keluaran '{keluaran_lain}' of process"
            " {lain} of {pemilik_lain}, and to {tambahan} other processes."
        ),
        "lint.T004.kegiatan": (
            "Kegiatan {kode} ({nama}) belongs to bidang urusan {bidang}, which {opd} does not hold (urusan: {urusan})."
        ),
        "lint.T004.proses": (
            "Process {proses} links kegiatan {kode} of bidang urusan {bidang}, which its owner {pemilik} "
            "does not hold (urusan: {urusan})."
        ),
        "lint.T005.hit": "Process {proses} ({nama}) has {jumlah} owners: {pemilik}. Choose one owner.",
        "lint.T006.hit": "The unit of SOP {sop} ({unit}) is not the owner of process {proses} ({pemilik}) nor a unit below it.",
    },
}


_SINGKATAN_EN = (
    "Extra abbreviations written out before comparing, e.g. {sppt: surat pemberitahuan pajak terutang}; added to the "
    "built-in glossary (an entry replaces the built-in one of the same key; an empty value switches it off)."
)

# English descriptions of the options (`probis rules CODE --lang en`), beside the Indonesian
# ones given in each Field.
_OPTIONS_EN: dict[type[BaseModel], dict[str, str]] = {
    KegiatanGandaOptions: {
        "bersama": "Program/kegiatan/sub kegiatan codes that several OPD really run together (added to "
        "pengaturan.lint.kegiatan_bersama; a parent code covers its children).",
        "sub_berbeda_boleh": "The same kegiatan may appear in several OPD when each lists different sub kegiatan "
        "(the same sub kegiatan is still reported).",
    },
    KeluaranGandaOptions: {
        "abaikan": "Generic outputs that are not compared (e.g. 'Laporan', 'Surat Keputusan').",
        "abaikan_penunjang": "Outputs of processes that only run the standard program penunjang kegiatan "
        "(X.XX.01.2.01–.2.10), each OPD's own administration, are compared only when they name an OPD.",
        "singkatan": _SINGKATAN_EN,
    },
    ProsesMiripOptions: {
        "ambang": "Similarity threshold (Jaccard over root words, without function words and common bureaucratic "
        "words): 0.6 catches 'Analisis Jabatan' ~ 'Penyusunan Analisis Jabatan'; 1.0 only identical words.",
        "bandingkan_keluaran": "Compare output names too (at least two meaningful words).",
        "ambang_keluaran": "Threshold for outputs; higher than for names, because outputs often follow one pattern "
        "('Laporan hasil pembinaan ... Wilayah I/II') and differ by a word or two.",
        "hanya_daun": "Compare only lowest-level processes (without sub-processes).",
        "abaikan_penunjang": "Skip processes that only run the standard program penunjang kegiatan "
        "(X.XX.01.2.01–.2.10): each OPD's own administration, alike in every OPD and like Bappeda/BPKAD/BKPSDM's work.",
        "abaikan_kata": "Extra words ignored when comparing (as written or as root words).",
        "singkatan": _SINGKATAN_EN,
        "abaikan_keluaran": "Generic outputs that are not compared (the same as T002's `abaikan`).",
    },
}
for _model, _texts in _OPTIONS_EN.items():
    for _name, _text in _texts.items():
        _model.model_fields[_name].json_schema_extra = {"en": _text}
