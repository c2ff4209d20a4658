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

Helpers shared by several rules of the family; each rule lives in its own module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from probis_cli.index import Index
from probis_cli.lint.glosarium import Glosarium
from probis_cli.lint.rules._common import opd_label, own_kegiatan, shared_codes
from probis_cli.lint.rules.tumpang_tindih._opd_names import OpdNames
from probis_cli.lint.teks import normalise
from probis_cli.model.kode import PER_WILAYAH_PREFIXES, is_standard_penunjang

# ---------------------------------------------------------------------------------------
# Shared helpers


# Only the standard penunjang kegiatan recur in every OPD by design; an OPD's own kegiatan
# in its program penunjang (Setda's Penataan Organisasi) are real work, checked for overlap.
is_penunjang = is_standard_penunjang


def per_wilayah_opd(index: Index, opd: str) -> bool:
    """Whether an OPD is one of several that run the same urusan for their own area (Kecamatan)."""
    doc = index.opd.get(opd)
    if doc is None:
        return False
    return doc.model.bentuk == "kecamatan" or any(u in PER_WILAYAH_PREFIXES for u in doc.model.urusan)


def owners_label(index: Index, kode: str) -> str:
    """The owners of a process as text for messages."""
    return ", ".join(opd_label(index, o) for o in index.owners(kode)) or "-"


def only_penunjang(index: Index, kode: str) -> bool:
    """Whether a process carries out kegiatan (its own, else inherited), all of them of the program penunjang."""
    codes, _ = own_kegiatan(index, kode)
    return bool(codes) and all(is_penunjang(c) for c in codes)


# ---------------------------------------------------------------------------------------
# Example repositories

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
# file: {path or f"proses/{kode}.yaml"}
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


_PER_WILAYAH = frozenset({"\0per-wilayah"})  # never a kegiatan code


class Processes:
    """Owners, ancestry and declared-shared kegiatan of every process, computed once per rule run."""

    def __init__(self, index: Index) -> None:
        """Collect the owners of every process of ``index``."""
        self.index = index
        self.owners = {k: frozenset(index.owners(k)) for k in index.proses}
        self.shared = shared_codes(index)
        self._ancestors: dict[str, frozenset[str]] = {}
        self._bersama: dict[str, frozenset[str]] = {}
        self._related_codes: dict[str, frozenset[str]] = {}
        self._claimed_by: dict[frozenset[str], frozenset[str]] = {}
        self._shared_set: frozenset[str] = frozenset()
        self._shared_below: dict[str, list[str]] = {}
        self.index_shared()
        self._penunjang: dict[str, bool] = {}
        self._per_wilayah: dict[str, bool] = {}

    def index_shared(self) -> None:
        """Shared codes by each of their dotted prefixes ("7.01" -> ["7.01.02", ...]).

        A code relates to a shared one when either is the other or lies below it; that is
        looked up by prefix instead of comparing with every shared code (a province declares
        hundreds). Call again after changing ``shared``.
        """
        self._shared_set = frozenset(self.shared)
        self._shared_below = {}
        for s in self.shared:
            parts = s.split(".")
            for n in range(1, len(parts)):
                self._shared_below.setdefault(".".join(parts[:n]), []).append(s)
        self._bersama.clear()
        self._related_codes.clear()
        self._claimed_by.clear()

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
            if codes:
                found = frozenset().union(*(self._related(c) for c in codes))
            elif self.shared:
                found = self._claimed(self.owners[kode])
            else:
                found = frozenset()
            self._bersama[kode] = found
        return found

    def _related(self, code: str) -> frozenset[str]:
        """The shared codes a kegiatan code relates to: itself or a prefix of it, or lying below it (cached)."""
        found = self._related_codes.get(code)
        if found is None:
            # ``code == s or code.startswith(s + ".")``: s is code or one of its prefixes.
            parts = code.split(".")
            related = {p for p in (".".join(parts[:n]) for n in range(1, len(parts) + 1)) if p in self._shared_set}
            # ``s.startswith(code + ".")``: s lies below code.
            related.update(self._shared_below.get(code, ()))
            found = self._related_codes[code] = frozenset(related)
        return found

    def _claimed(self, owners: frozenset[str]) -> frozenset[str]:
        """The shared codes related to the kegiatan (and sub-kegiatan) that OPD claim in their Renstra (cached).

        Computed once per set of owners, not once per process: an OPD with many kegiatan and
        many processes linked to none would otherwise cost their product.
        """
        found = self._claimed_by.get(owners)
        if found is None:
            related: set[str] = set()
            for opd in sorted(owners):
                doc = self.index.opd.get(opd)
                if doc is not None:
                    for k in doc.model.kegiatan:
                        related.update(self._related(k.kode))
                        related.update(*(self._related(s.kode) for s in k.sub_kegiatan))
            found = self._claimed_by[owners] = frozenset(related)
        return found

    def per_wilayah(self, kode: str) -> bool:
        """Whether every owner of a process runs its urusan for its own area only (cached)."""
        found = self._per_wilayah.get(kode)
        if found is None:
            found = self._per_wilayah[kode] = all(per_wilayah_opd(self.index, o) for o in self.owners[kode])
        return found

    def block(self, kode: str) -> frozenset[str]:
        """Labels such that two processes whose labels intersect never overlap.

        The shared kegiatan a process carries out, plus a mark when only per-wilayah OPD run
        it (:meth:`may_overlap`). Comparisons skip pairs with intersecting labels a bucket at
        a time instead of one by one: a province has dozens of UPTD and cabang dinas running
        the same processes, and their pairs would otherwise grow as n².
        """
        labels = self.bersama(kode)
        return labels | _PER_WILAYAH if self.per_wilayah(kode) else labels

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
        if self.per_wilayah(a) and self.per_wilayah(b):
            return False
        return not (self.bersama(a) & self.bersama(b))


@dataclass(frozen=True, slots=True)
class KeluaranMatch:
    """A keluaran of one process equal to a keluaran of an earlier process of another OPD."""

    proses: str
    index: int
    others: tuple[tuple[str, int], ...]  # (process, keluaran index), earliest first


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
    names = OpdNames(procs.index) if options.abaikan_penunjang else None
    groups: dict[str, list[tuple[str, int]]] = {}
    for kode in procs.comparable(abaikan_penunjang=False):
        generic_only = options.abaikan_penunjang and procs.penunjang(kode)
        for i, k in enumerate(procs.index.proses[kode].model.keluaran):
            key = expand(k.nama)
            if not key or key in umum:
                continue
            if generic_only and (names is None or not names.found_in(normalise(k.nama))):
                continue
            groups.setdefault(key, []).append((kode, i))
    out: list[KeluaranMatch] = []
    for key in sorted(groups):
        members = groups[key]
        if len(members) < 2:
            continue
        # A keluaran naming its producer's OPD is that OPD's: the others are reported.
        owner = next(
            (
                m
                for m in members
                if _names_owner(procs, m[0], normalise(procs.index.proses[m[0]].model.keluaran[m[1]].nama))
            ),
            None,
        )
        if owner is not None:
            members = [owner, *(m for m in members if m is not owner)]
        # Earlier members by labels (Processes.block): members whose labels meet one's own
        # never overlap it and are skipped whole, so dozens of UPTD sharing a keluaran cost n, not n².
        earlier: dict[frozenset[str], list[int]] = {}
        for n, (kode, i) in enumerate(members):
            mine = procs.block(kode)
            picked = sorted(m for labels, at in earlier.items() if not labels & mine for m in at)
            others = tuple(
                members[m] for m in picked if members[m][0] != kode and procs.may_overlap(members[m][0], kode)
            )
            if others:
                out.append(KeluaranMatch(kode, i, others))
            earlier.setdefault(mine, []).append(n)
    out.sort(key=lambda m: (m.proses, m.index))
    return out


_SINGKATAN_EN = (
    "Extra abbreviations written out before comparing, e.g. {sppt: surat pemberitahuan pajak terutang}; added to the "
    "built-in glossary (an entry replaces the built-in one of the same key; an empty value switches it off)."
)


class KeluaranGandaOptions(BaseModel):
    """Options of T002 (and the keluaran part of T003)."""

    model_config = ConfigDict(extra="forbid")

    abaikan: list[str] = Field(
        default_factory=lambda: list(DEFAULT_KELUARAN_UMUM),
        description="Keluaran umum yang tidak dibandingkan (mis. 'Laporan', 'Surat Keputusan').",
        json_schema_extra={"en": ("Generic outputs that are not compared (e.g. 'Laporan', 'Surat Keputusan').")},
    )
    abaikan_penunjang: bool = Field(
        default=True,
        description=(
            "Keluaran proses yang hanya menjalankan kegiatan standar program penunjang (X.XX.01.2.01–.2.10), administrasi "
            "setiap OPD sendiri, hanya dibandingkan bila menyebut nama/singkatan suatu OPD."
        ),
        json_schema_extra={
            "en": (
                "Outputs of processes that only run the standard program penunjang kegiatan "
                "(X.XX.01.2.01–.2.10), each OPD's own administration, are compared only when they name an OPD."
            )
        },
    )
    singkatan: Annotated[dict[str, str], AfterValidator(_one_word_keys)] = Field(
        default_factory=dict,
        description=(
            "Singkatan tambahan yang ditulis lengkap sebelum membandingkan, mis. {sppt: surat pemberitahuan pajak "
            "terutang}; ditambahkan ke glosarium bawaan (menimpa entri yang sama; nilai kosong mematikan entri bawaan)."
        ),
        json_schema_extra={"en": (_SINGKATAN_EN)},
    )
