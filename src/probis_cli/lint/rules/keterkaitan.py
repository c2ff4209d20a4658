"""Keterkaitan: every link of the chain RPJMD → program → kegiatan → proses bisnis → SOP.

Each rule reports one kind of broken or missing link. Broken data (a cycle, a kegiatan
whose program is not in the RPJMD, an SOP pointing two ways) is an error; gaps that a Pemda
fills in over time (a Renstra kegiatan nobody maps yet, a process without SOP) are warnings
that ``pengaturan.lint.aturan`` can raise or silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.model.kode import in_program_penunjang, is_standard_penunjang
from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.model.common import periode_tahun
from probis_cli.model.rpjmd import Indikator

# ---------------------------------------------------------------------------------------
# Helpers


def program_of(code: str) -> str:
    """The program code (``X.XX.XX``) of a kegiatan or sub kegiatan code."""
    return ".".join(code.split(".")[:3])


def kegiatan_of(code: str) -> str:
    """The kegiatan code (``X.XX.XX.X.XX``) of a kegiatan or sub kegiatan code."""
    return ".".join(code.split(".")[:5])


is_penunjang = in_program_penunjang  # kept as the name the rule docs use


_WORDS = re.compile(r"[^\w]+")


def normalise_name(text: str) -> str:
    """A name for comparison: case, spacing and punctuation ignored."""
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


# ---------------------------------------------------------------------------------------
# Example repositories: a small complete chain that no K rule complains about; every
# example is this chain with one thing changed.


def _swap(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"example fragment not found: {old!r}")
    return text.replace(old, new, 1)


_PEMDA = """\
# file: probis.yaml
probis: 1
jenis: pemda
nama: Pemerintah Kota Contoh
tingkat: kota
periode: 2025-2029
pihak_luar:
  - {kode: masyarakat, nama: Masyarakat}
"""

_RPJMD = """\
# file: rpjmd.yaml
probis: 1
jenis: rpjmd
periode: 2025-2029
visi: Kota Contoh yang sehat dan sejahtera
misi:
  - {kode: M1, uraian: Meningkatkan kualitas hidup masyarakat}
tujuan:
  - {kode: T1, misi: M1, uraian: Meningkatkan derajat kesehatan masyarakat}
sasaran:
  - kode: S1.1
    tujuan: T1
    uraian: Meningkatnya akses layanan kesehatan dasar
    indikator:
      - {nama: Cakupan imunisasi dasar lengkap, satuan: persen, target: {2025: 90, 2029: 95}}
program:
  - kode: 1.02.02
    nama: Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat
    sasaran: [S1.1]
"""

_OPD = """\
# file: opd/dinkes.yaml
probis: 1
jenis: opd
kode: dinkes
nama: Dinas Kesehatan
singkatan: Dinkes
urusan: [1.02]
unit:
  - {kode: bid-p2p, nama: Bidang Pencegahan dan Pengendalian Penyakit}
kegiatan:
  - kode: 1.02.02.2.02
    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
"""

_PROSES = """\
# file: proses/PB.01.yaml
probis: 1
jenis: proses
kode: PB.01
nama: Pelayanan Imunisasi
kategori: inti
pemilik: dinkes/bid-p2p
kegiatan: [1.02.02.2.02]
masukan:
  - {nama: Data sasaran imunisasi, dari: masyarakat}
keluaran:
  - {nama: Anak terimunisasi lengkap, untuk: masyarakat}
sop: [SOP-001]
"""


def _sop(kode: str = "SOP-001", proses: str | None = "PB.01", nama: str = "Pelayanan Imunisasi Dasar") -> str:
    line = f"proses: {proses}\n" if proses else ""
    return f"""\
# file: sop/{kode}.yaml
probis: 1
jenis: sop
kode: {kode}
nama: {nama}
{line}unit: dinkes/bid-p2p
nomor: 800/{kode[-3:]}/SOP/DINKES/2026
tanggal_pembuatan: 10 Januari 2026
tanggal_efektif: 1 Februari 2026
disahkan_oleh: {{jabatan: Kepala Dinas Kesehatan, nama: dr. Siti Rahmawati, nip: "197801012005012001"}}
dasar_hukum: [Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi]
kualifikasi_pelaksana: [Tenaga kesehatan terlatih imunisasi]
peralatan: [Vaksin, Alat suntik sekali pakai]
pencatatan: [Register imunisasi]
pelaksana:
  - {{kode: petugas, nama: Petugas Imunisasi}}
langkah:
  - {{no: 1, kegiatan: Menerima dan mendaftar pasien, pelaksana: petugas, simbol: mulai, mutu_baku: {{waktu: 5 menit, output: Pasien terdaftar}}}}
  - {{no: 2, kegiatan: Memberikan imunisasi, pelaksana: petugas, simbol: selesai, mutu_baku: {{waktu: 10 menit, output: Anak terimunisasi}}}}
"""


_IZIN_KEGIATAN = """\
  - kode: 1.02.03.2.01
    nama: Pemberian Izin Praktik Tenaga Kesehatan di Wilayah Kabupaten/Kota
"""
_IZIN_PROGRAM = """\
  - kode: 1.02.03
    nama: Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan
    sasaran: [S1.1]
"""
_IZIN_PROSES = _swap(_PROSES, "kegiatan: [1.02.02.2.02]", "kegiatan: [1.02.02.2.02, 1.02.03.2.01]")


def _repo(*, rpjmd: str = _RPJMD, opd: str = _OPD, proses: str = _PROSES, sop: str | None = None) -> str:
    return _PEMDA + rpjmd + opd + proses + (_sop() if sop is None else sop)


def _child(kode: str = "PB.01.01", induk: str = "PB.01", sop: str | None = "SOP-001") -> str:
    line = f"sop: [{sop}]\n" if sop else ""
    return f"""\
# file: proses/{kode}.yaml
probis: 1
jenis: proses
kode: {kode}
nama: Pemberian Imunisasi di Puskesmas
kategori: inti
induk: {induk}
pemilik: dinkes/bid-p2p
keluaran:
  - {{nama: Catatan imunisasi, untuk: masyarakat}}
{line}"""


_PARENT = _swap(_PROSES, "sop: [SOP-001]\n", "")

_PROSES_KIPI = """\
# file: proses/PB.02.yaml
probis: 1
jenis: proses
kode: PB.02
nama: Pemantauan Kejadian Ikutan Pasca Imunisasi
kategori: inti
pemilik: dinkes/bid-p2p
kegiatan: [1.02.02.2.02]
keluaran:
  - {nama: Laporan kejadian ikutan pasca imunisasi, untuk: masyarakat}
"""


# ---------------------------------------------------------------------------------------
# K001 program-tanpa-sasaran


class ProgramTanpaSasaran(Rule):
    """K001: an RPJMD program serves no sasaran."""

    code: ClassVar[str] = "K001"
    name: ClassVar[str] = "program-tanpa-sasaran"
    severity: ClassVar[Severity] = Severity.PERINGATAN
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
        rpjmd=_RPJMD + _swap(_IZIN_PROGRAM, "sasaran: [S1.1]", "sasaran: []"), opd=_OPD + _IZIN_KEGIATAN, proses=_IZIN_PROSES
    )
    good: ClassVar[str] = _repo(rpjmd=_RPJMD + _IZIN_PROGRAM, opd=_OPD + _IZIN_KEGIATAN, proses=_IZIN_PROSES)

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Programs with an empty sasaran list."""
        if index.rpjmd is None:
            return
        doc = index.rpjmd
        for i, program in enumerate(doc.model.program):
            if not program.sasaran and not is_penunjang(program.kode):
                yield Hit(doc.loc("program", i, "kode"), Message.of("lint.K001.hit", program=program.kode, nama=program.nama))


# ---------------------------------------------------------------------------------------
# K002 sasaran-tanpa-program


class SasaranTanpaProgram(Rule):
    """K002: an RPJMD sasaran that no program serves."""

    code: ClassVar[str] = "K002"
    name: ClassVar[str] = "sasaran-tanpa-program"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Sasaran RPJMD tidak didukung program mana pun.",
            why=(
                "Sasaran dicapai melalui program. Sasaran yang tidak disebut oleh program mana "
                "pun tidak punya jalur pelaksanaan: tidak ada kegiatan, proses, atau SOP yang "
                "mewujudkannya, dan capaian indikatornya tidak dapat dipertanggungjawabkan."
            ),
            fix="Tambahkan kode sasaran ke `sasaran` program yang mendukungnya, atau hapus sasaran yang sudah tidak berlaku.",
        ),
        "en": RuleDoc(
            summary="An RPJMD sasaran is not served by any program.",
            why=(
                "A sasaran is reached through programs. A sasaran no program names has no path "
                "to delivery: no kegiatan, process or SOP carries it out, and nobody answers for "
                "its indicators."
            ),
            fix="Add the sasaran code to the `sasaran` of the programs that serve it, or remove a sasaran that no longer applies.",
        ),
    }
    bad: ClassVar[str] = _repo(
        rpjmd=_swap(
            _RPJMD,
            "program:\n",
            """\
  - kode: S1.2
    tujuan: T1
    uraian: Menurunnya prevalensi stunting
program:
""",
        )
    )
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Sasaran no program lists."""
        if index.rpjmd is None:
            return
        doc = index.rpjmd
        served = {s for program in doc.model.program for s in program.sasaran}
        for i, sasaran in enumerate(doc.model.sasaran):
            if sasaran.kode not in served:
                yield Hit(doc.loc("sasaran", i, "kode"), Message.of("lint.K002.hit", sasaran=sasaran.kode, uraian=sasaran.uraian))


# ---------------------------------------------------------------------------------------
# K003 kegiatan-di-luar-rpjmd


class KegiatanDiLuarRpjmd(Rule):
    """K003: a Renstra kegiatan whose program is not in the RPJMD."""

    code: ClassVar[str] = "K003"
    name: ClassVar[str] = "kegiatan-di-luar-rpjmd"
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
                    Message.of("lint.K003.hit", kegiatan=kegiatan.kode, nama=kegiatan.nama, program=program, opd=doc.model.label),
                )


# ---------------------------------------------------------------------------------------
# K004 proses-tanpa-kegiatan


class ProsesTanpaKegiatanOptions(BaseModel):
    """Options of K004."""

    model_config = ConfigDict(extra="forbid")

    lewat_anak: bool = Field(
        default=True,
        description="Proses induk yang salah satu turunannya terkait kegiatan dianggap terkait.",
        json_schema_extra={"en": "A parent process counts as linked when one of its descendants is linked to a kegiatan."},
    )


class ProsesTanpaKegiatan(Rule):
    """K004: a process linked to no Renstra kegiatan, directly or through its parents."""

    code: ClassVar[str] = "K004"
    name: ClassVar[str] = "proses-tanpa-kegiatan"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = ProsesTanpaKegiatanOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis tidak terkait dengan kegiatan Renstra, langsung maupun lewat induknya.",
            why=(
                "Setiap aktivitas Pemda harus dapat ditelusuri ke RPJMD: proses → kegiatan → "
                "program → sasaran. Proses tanpa kegiatan tidak punya dasar anggaran dan kinerja "
                "dalam perencanaan. Subproses mewarisi kegiatan induknya; dengan opsi `lewat_anak` "
                "(bawaan) proses induk juga dianggap terkait bila turunannya terkait."
            ),
            fix="Isi `kegiatan` proses (atau induknya) dengan kode kegiatan/sub kegiatan Renstra yang dilaksanakannya.",
        ),
        "en": RuleDoc(
            summary="A business process is linked to no Renstra kegiatan, directly or through its parents.",
            why=(
                "Every activity of the Pemda must trace to the RPJMD: process → kegiatan → program "
                "→ sasaran. A process without kegiatan has no budget or performance basis in the "
                "plan. Sub-processes inherit their parent's kegiatan; with the `lewat_anak` option "
                "(default) a parent also counts as linked when a descendant is."
            ),
            fix="Fill the process's (or its parent's) `kegiatan` with the Renstra kegiatan/sub kegiatan codes it carries out.",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_PROSES + _swap(_PROSES_KIPI, "kegiatan: [1.02.02.2.02]\n", ""),
        sop=_sop() + _sop("SOP-002", "PB.02", "Pemantauan Kejadian Ikutan Pasca Imunisasi"),
    )
    good: ClassVar[str] = _repo(
        proses=_PROSES + _PROSES_KIPI, sop=_sop() + _sop("SOP-002", "PB.02", "Pemantauan Kejadian Ikutan Pasca Imunisasi")
    )

    def check(self, index: Index, options: ProsesTanpaKegiatanOptions) -> Iterator[Hit]:
        """Processes whose effective kegiatan list is empty."""
        linked_below: set[str] = set()
        if options.lewat_anak:
            for kode, doc in index.proses.items():
                if doc.model.kegiatan:
                    linked_below.update(index.ancestors(kode))
            # A child that failed to load may carry the kegiatan (one mistake, one finding).
            for parent in index.failed_links("proses", "induk"):
                linked_below.update([parent, *index.ancestors(parent)])
        failed = index.failed_codes("proses")
        for kode in sorted(index.proses):
            if kode in linked_below or index.effective_kegiatan(kode):
                continue
            top = ([kode, *index.ancestors(kode)])[-1]
            if index.proses[top].model.induk in failed:
                continue  # its kegiatan may come from a parent that failed to load
            doc = index.proses[kode]
            yield Hit(doc.loc("kode"), Message.of("lint.K004.hit", proses=kode, nama=doc.model.nama))


# ---------------------------------------------------------------------------------------
# K005 kegiatan-tanpa-proses


class KegiatanTanpaProsesOptions(BaseModel):
    """Options of K005."""

    model_config = ConfigDict(extra="forbid")

    termasuk_penunjang: bool = Field(
        default=False,
        description="Periksa juga kegiatan standar program penunjang (X.XX.01.2.01–.2.10), yang sering tidak dipetakan.",
        json_schema_extra={"en": "Also check the standard kegiatan of the program penunjang (X.XX.01.2.01–.2.10), which many Pemda do not map."},
    )


class KegiatanTanpaProses(Rule):
    """K005: a Renstra kegiatan that no process carries out (a coverage gap)."""

    code: ClassVar[str] = "K005"
    name: ClassVar[str] = "kegiatan-tanpa-proses"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = KegiatanTanpaProsesOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kegiatan Renstra belum dilaksanakan oleh proses bisnis mana pun.",
            why=(
                "Peta proses bisnis harus mencakup seluruh kegiatan yang direncanakan; kegiatan "
                "tanpa proses adalah celah peta (belum jelas siapa melakukan apa). Proses yang "
                "mengaitkan salah satu sub kegiatannya juga dihitung. Kegiatan program penunjang "
                "(X.XX.01.2.01–.2.10) hanya diperiksa dengan opsi `termasuk_penunjang`; kegiatan lain di program penunjang (mis. Penataan Organisasi Setda) selalu diperiksa."
            ),
            fix="Kaitkan kegiatan (atau sub kegiatannya) ke `kegiatan` proses yang melaksanakannya, atau petakan proses barunya.",
        ),
        "en": RuleDoc(
            summary="A Renstra kegiatan is carried out by no business process.",
            why=(
                "The process map must cover every planned kegiatan; a kegiatan without a process "
                "is a gap in the map (who does what is unclear). A process that links one of its "
                "sub kegiatan counts. The standard kegiatan of the program penunjang (X.XX.01.2.01–.2.10) are checked only "
                "with the `termasuk_penunjang` option; other kegiatan of that program (e.g. Setda's Penataan Organisasi) always are."
            ),
            fix="Link the kegiatan (or one of its sub kegiatan) in the `kegiatan` of the process carrying it out, or map a new process.",
        ),
    }
    bad: ClassVar[str] = _repo(
        opd=_OPD
        + """\
  - kode: 1.02.02.2.01
    nama: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
"""
    )
    good: ClassVar[str] = _repo(
        opd=_OPD
        + """\
  - kode: 1.02.01.2.01
    nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
"""
    )

    def check(self, index: Index, options: KegiatanTanpaProsesOptions) -> Iterator[Hit]:
        """Kegiatan entries of an OPD that none of that OPD's processes carries out."""
        # Coverage is per OPD: two Kecamatan hold the same 7.01 codes, and one Kecamatan's
        # process does not carry out the other's Renstra.
        covered: set[tuple[str, str]] = set()
        for kode, pdoc in index.proses.items():
            owners = index.owners(kode)
            for code in pdoc.model.kegiatan:
                for owner in owners:
                    covered.add((owner, kegiatan_of(code)))
        # Kegiatan named by a process that failed to load (whoever owns it) are not uncovered.
        maybe = {kegiatan_of(code) for code in index.failed_links("proses", "kegiatan")}
        for opd in sorted(index.opd):
            doc = index.opd[opd]
            for i, kegiatan in enumerate(doc.model.kegiatan):
                if (opd, kegiatan.kode) in covered or kegiatan.kode in maybe or (is_standard_penunjang(kegiatan.kode) and not options.termasuk_penunjang):
                    continue
                yield Hit(doc.loc("kegiatan", i, "kode"), Message.of("lint.K005.hit", kegiatan=kegiatan.kode, nama=kegiatan.nama, opd=doc.model.label))


def _in_parent_cycle(index: Index, kode: str) -> bool:
    """Whether following ``induk`` from ``kode`` comes back to ``kode``."""
    seen: set[str] = set()
    current = index.proses[kode].model.induk
    while current is not None and current in index.proses and current not in seen:
        if current == kode:
            return True
        seen.add(current)
        current = index.proses[current].model.induk
    return False


# ---------------------------------------------------------------------------------------
# K006 proses-tanpa-sop

Kategori = Literal["inti", "pendukung", "manajemen"]
_KATEGORI: tuple[Kategori, ...] = ("inti", "pendukung", "manajemen")


class ProsesTanpaSopOptions(BaseModel):
    """Options of K006."""

    model_config = ConfigDict(extra="forbid")

    kategori: list[Kategori] = Field(
        default_factory=lambda: list(_KATEGORI),
        description="Kategori proses yang wajib memiliki SOP.",
        json_schema_extra={"en": "Process categories that must have an SOP."},
    )


class ProsesTanpaSop(Rule):
    """K006: a lowest-level process without an SOP."""

    code: ClassVar[str] = "K006"
    name: ClassVar[str] = "proses-tanpa-sop"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = ProsesTanpaSopOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses bisnis level terendah belum memiliki SOP.",
            why=(
                "Level terendah peta proses bisnis adalah dasar penyusunan SOP, dan penilaian "
                "reformasi birokrasi menanyakan apakah SOP mengacu pada peta proses bisnis. "
                "Proses terendah tanpa SOP berarti prosedurnya belum dibakukan."
            ),
            fix="Susun SOP AP untuk proses ini dan kaitkan (`sop` di proses atau `proses` di SOP).",
        ),
        "en": RuleDoc(
            summary="A lowest-level business process has no SOP.",
            why=(
                "The lowest level of the process map is the basis of the SOPs, and the reform "
                "self-assessment asks whether SOPs refer to the process map. A lowest-level "
                "process without an SOP has no standardised procedure yet."
            ),
            fix="Write an SOP AP for the process and link it (`sop` in the process or `proses` in the SOP).",
        ),
    }
    bad: ClassVar[str] = _repo(proses=_swap(_PROSES, "sop: [SOP-001]\n", ""), sop="")
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: ProsesTanpaSopOptions) -> Iterator[Hit]:
        """Leaf processes of the chosen categories with no SOP either way."""
        wanted = set(options.kategori)
        # A child or an SOP that failed to load still counts (one mistake, one finding).
        failed_children = index.failed_links("proses", "induk")
        failed_sop_of = index.failed_links("sop", "proses")
        failed_sop = index.failed_codes("sop")
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            if doc.model.kategori not in wanted or not index.is_leaf(kode) or index.sop_by_proses.get(kode):
                continue
            if kode in failed_children or kode in failed_sop_of or any(s in failed_sop for s in doc.model.sop):
                continue
            yield Hit(doc.loc("kode"), Message.of("lint.K006.hit", proses=kode, nama=doc.model.nama))


# ---------------------------------------------------------------------------------------
# K007 sop-tanpa-proses


class SopTanpaProses(Rule):
    """K007: an SOP linked to no process."""

    code: ClassVar[str] = "K007"
    name: ClassVar[str] = "sop-tanpa-proses"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="SOP tidak dikaitkan dengan proses bisnis mana pun.",
            why=(
                "SOP menjabarkan proses bisnis level terendah; evaluasi reformasi birokrasi "
                "meminta setiap SOP mengacu pada peta proses bisnis. SOP yang lepas dari peta "
                "mungkin usang, ganda, atau prosesnya belum dipetakan."
            ),
            fix="Isi `proses` di SOP dengan kode proses yang dijabarkannya (atau cantumkan SOP di `sop` proses itu).",
        ),
        "en": RuleDoc(
            summary="An SOP is linked to no business process.",
            why=(
                "An SOP details a lowest-level business process; the reform evaluation asks that "
                "every SOP refers to the process map. An SOP detached from the map may be "
                "outdated, duplicated, or its process is not mapped yet."
            ),
            fix="Set `proses` in the SOP to the process it details (or list the SOP under that process's `sop`).",
        ),
    }
    bad: ClassVar[str] = _repo(sop=_sop() + _sop("SOP-002", None, "Pencatatan Kejadian Ikutan Pasca Imunisasi"))
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """SOPs with no process and not listed by any process."""
        linked = {s for codes in index.sop_by_proses.values() for s in codes}
        linked.update(index.failed_links("proses", "sop"))  # listed by a process that failed to load
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            if kode in linked or doc.model.proses is not None:
                continue  # an unresolved `proses` is already a reference error
            yield Hit(doc.loc("kode"), Message.of("lint.K007.hit", sop=kode, nama=doc.model.nama))


# ---------------------------------------------------------------------------------------
# K008 masukan-tanpa-sumber


class MasukanTanpaSumber(Rule):
    """K008: a masukan that no process produces and that is not declared external."""

    code: ClassVar[str] = "K008"
    name: ClassVar[str] = "masukan-tanpa-sumber"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Masukan proses tidak dihasilkan proses mana pun dan tidak dinyatakan berasal dari luar.",
            why=(
                "Peta relasi menghubungkan keluaran satu proses dengan masukan proses lain. "
                "Masukan yang tidak menjadi keluaran proses mana pun (nama dibandingkan tanpa "
                "membedakan huruf besar, spasi, dan tanda baca) menandakan proses pemasok yang "
                "belum dipetakan atau nama yang tidak seragam. Masukan dengan `eksternal: true` "
                "atau `dari` pihak luar tidak diperiksa."
            ),
            fix=(
                "Samakan nama masukan dengan keluaran proses pemasoknya, petakan proses pemasok, "
                "atau tandai `eksternal: true` / isi `dari` dengan pihak luar bila memang dari luar Pemda."
            ),
        ),
        "en": RuleDoc(
            summary="A process input is produced by no process and not declared external.",
            why=(
                "The relationship map connects one process's outputs with another's inputs. An "
                "input that is no process's output (names compared ignoring case, spacing and "
                "punctuation) points to a supplying process not mapped yet or to inconsistent "
                "names. Inputs with `eksternal: true` or `dari` an external party are skipped."
            ),
            fix=(
                "Use the same name as the supplying process's output, map the supplying process, "
                "or mark it `eksternal: true` / set `dari` to an external party when it really "
                "comes from outside the Pemda."
            ),
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_swap(_PROSES, "  - {nama: Data sasaran imunisasi, dari: masyarakat}", "  - {nama: Data sasaran imunisasi}")
    )
    good: ClassVar[str] = _repo(
        proses=_swap(_PROSES, "  - {nama: Data sasaran imunisasi, dari: masyarakat}", "  - {nama: Data sasaran imunisasi, eksternal: true}")
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Inputs whose normalised name is no process's output name."""
        produced = {normalise_name(k.nama) for doc in index.proses.values() for k in doc.model.keluaran}
        produced.update(normalise_name(n) for n in index.failed_links("proses", "keluaran.nama"))
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            for i, masukan in enumerate(doc.model.masukan):
                if masukan.eksternal or normalise_name(masukan.nama) in produced:
                    continue
                if masukan.dari is not None:
                    actor = index.actor(masukan.dari)
                    if actor is None or actor.kind == "luar":
                        continue  # unknown `dari` is a reference error already
                yield Hit(doc.loc("masukan", i, "nama"), Message.of("lint.K008.hit", proses=kode, masukan=masukan.nama))


# ---------------------------------------------------------------------------------------
# K009 keluaran-tanpa-penerima


class KeluaranTanpaPenerima(Rule):
    """K009: a keluaran with nobody receiving it."""

    code: ClassVar[str] = "K009"
    name: ClassVar[str] = "keluaran-tanpa-penerima"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Keluaran proses tidak memiliki penerima (`untuk` kosong).",
            why=(
                "Proses bisnis menghasilkan keluaran yang bernilai bagi pemangku kepentingan. "
                "Keluaran tanpa penerima tidak dapat digambarkan di peta relasi dan mungkin "
                "tidak diperlukan siapa pun."
            ),
            fix="Isi `untuk` dengan OPD, OPD/unit, atau pihak luar yang menerima keluaran ini.",
        ),
        "en": RuleDoc(
            summary="A process output has no recipient (`untuk` is empty).",
            why=(
                "A business process produces outputs of value to stakeholders. An output without a "
                "recipient cannot be drawn in the relationship map and may be needed by nobody."
            ),
            fix="Set `untuk` to the OPD, OPD/unit or external party that receives the output.",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_swap(_PROSES, "  - {nama: Anak terimunisasi lengkap, untuk: masyarakat}", "  - {nama: Anak terimunisasi lengkap}")
    )
    good: ClassVar[str] = _repo()

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Outputs with an empty recipient list."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            for i, keluaran in enumerate(doc.model.keluaran):
                if not keluaran.untuk:
                    yield Hit(doc.loc("keluaran", i, "nama"), Message.of("lint.K009.hit", proses=kode, keluaran=keluaran.nama))


# ---------------------------------------------------------------------------------------
# K010 kode-anak-tanpa-awalan-induk


class KodeAnakOptions(BaseModel):
    """Options of K010."""

    model_config = ConfigDict(extra="forbid")

    pemisah: str = Field(
        default=".",
        description="Pemisah antara kode induk dan bagian kode anak (mis. '.' untuk PB.02 → PB.02.01).",
        json_schema_extra={"en": "Separator between the parent code and the child's part (e.g. '.' for PB.02 → PB.02.01)."},
    )


class KodeAnakTanpaAwalanInduk(Rule):
    """K010: a child process code does not start with its parent's code."""

    code: ClassVar[str] = "K010"
    name: ClassVar[str] = "kode-anak-tanpa-awalan-induk"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = KodeAnakOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kode proses anak tidak diawali kode proses induknya.",
            why=(
                "Praktik umum penomoran peta proses bisnis: kode anak = kode induk + pemisah + "
                "nomor (PB.02 → PB.02.01 → PB.02.01.03), sehingga level dan induk terbaca dari "
                "kodenya. Kode yang menyimpang membingungkan pembaca peta dan dokumen SOP."
            ),
            fix=(
                "Ganti kode proses anak agar diawali kode induk dan pemisah. Bila Pemda memakai "
                "pola lain, atur opsi `pemisah` atau matikan aturan ini (`tingkat: mati`)."
            ),
        ),
        "en": RuleDoc(
            summary="A child process code does not start with its parent's code.",
            why=(
                "Common numbering practice for process maps: child code = parent code + separator "
                "+ number (PB.02 → PB.02.01 → PB.02.01.03), so level and parent can be read from "
                "the code. Codes that deviate confuse readers of the map and the SOP documents."
            ),
            fix=(
                "Rename the child process so that its code starts with the parent's code and the "
                "separator. If the Pemda uses another scheme, set the `pemisah` option or switch "
                "the rule off (`tingkat: mati`)."
            ),
        ),
    }
    bad: ClassVar[str] = _repo(proses=_PARENT + _child(kode="IMUN-01"), sop=_sop(proses="IMUN-01"))
    good: ClassVar[str] = _repo(proses=_PARENT + _child(), sop=_sop(proses="PB.01.01"))

    def check(self, index: Index, options: KodeAnakOptions) -> Iterator[Hit]:
        """Children whose code is not parent + separator + something."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            induk = doc.model.induk
            if induk is None or induk not in index.proses or induk == kode or _in_parent_cycle(index, kode):
                continue  # in a cycle the induk is what is wrong (K011 says so), not the code
            prefix = induk + options.pemisah
            if kode.startswith(prefix) and len(kode) > len(prefix):
                continue
            yield Hit(doc.loc("kode"), Message.of("lint.K010.hit", proses=kode, induk=induk, awalan=prefix))


# ---------------------------------------------------------------------------------------
# K011 siklus-induk


class SiklusInduk(Rule):
    """K011: processes whose parent chain loops back on itself."""

    code: ClassVar[str] = "K011"
    name: ClassVar[str] = "siklus-induk"
    severity: ClassVar[Severity] = Severity.ERROR
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Rantai induk proses membentuk siklus (proses menjadi leluhurnya sendiri).",
            why=(
                "Level proses ditentukan dari rantai induknya. Siklus (A induk B, B induk A) "
                "membuat level, peta, dan keterkaitan kegiatan tidak terdefinisi. Setiap siklus "
                "dilaporkan sekali, di proses dengan kode terkecil."
            ),
            fix="Perbaiki `induk` salah satu proses dalam siklus sehingga rantainya berakhir di proses level 1 (tanpa induk).",
        ),
        "en": RuleDoc(
            summary="A process parent chain forms a cycle (a process becomes its own ancestor).",
            why=(
                "A process's level follows from its parent chain. A cycle (A parent of B, B parent "
                "of A) leaves levels, maps and kegiatan links undefined. Each cycle is reported "
                "once, at the process with the smallest code."
            ),
            fix="Correct the `induk` of one process of the cycle so that the chain ends at a level-1 process (no parent).",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_swap(_PARENT, "pemilik:", "induk: PB.01.01\npemilik:") + _child(sop=None),
        sop="",
    )
    good: ClassVar[str] = _repo(proses=_PARENT + _child(), sop=_sop(proses="PB.01.01"))

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Walk each parent chain once; a chain returning to its own path is a cycle."""
        state: dict[str, int] = {}  # 1 on the current path, 2 finished
        for start in sorted(index.proses):
            if start in state:
                continue
            path: list[str] = []
            node: str | None = start
            while node is not None and node in index.proses and node not in state:
                state[node] = 1
                path.append(node)
                node = index.proses[node].model.induk
            if node is not None and state.get(node) == 1:
                cycle = path[path.index(node) :]
                first = min(cycle)
                ordered = [first]
                nxt = index.proses[first].model.induk
                while nxt is not None and nxt != first:
                    ordered.append(nxt)
                    nxt = index.proses[nxt].model.induk
                doc = index.proses[first]
                yield Hit(
                    doc.loc("induk"),
                    Message.of("lint.K011.hit", proses=first, siklus=" → ".join([*ordered, first])),
                    related=tuple(index.proses[k].loc("induk") for k in ordered[1:]),
                )
            for k in path:
                state[k] = 2


# ---------------------------------------------------------------------------------------
# K012 target-di-luar-periode


class TargetDiLuarPeriode(Rule):
    """K012: an RPJMD indicator target for a year outside the RPJMD period."""

    code: ClassVar[str] = "K012"
    name: ClassVar[str] = "target-di-luar-periode"
    severity: ClassVar[Severity] = Severity.PERINGATAN
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
    bad: ClassVar[str] = _repo(rpjmd=_swap(_RPJMD, "target: {2025: 90, 2029: 95}", "target: {2024: 88, 2025: 90, 2029: 95}"))
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
                        Message.of("lint.K012.hit", tahun=year, indikator=indikator.nama, kode=kode, periode=doc.model.periode),
                    )


# ---------------------------------------------------------------------------------------
# K013 program-tanpa-kegiatan


class ProgramTanpaKegiatan(Rule):
    """K013: an RPJMD program that no OPD's Renstra carries out."""

    code: ClassVar[str] = "K013"
    name: ClassVar[str] = "program-tanpa-kegiatan"
    severity: ClassVar[Severity] = Severity.PERINGATAN
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
                yield Hit(doc.loc("program", i, "kode"), Message.of("lint.K013.hit", program=program.kode, nama=program.nama))


# ---------------------------------------------------------------------------------------
# K014 rpjmd-tanpa-turunan


class RpjmdTanpaTurunan(Rule):
    """K014: a misi without tujuan, or a tujuan without sasaran."""

    code: ClassVar[str] = "K014"
    name: ClassVar[str] = "rpjmd-tanpa-turunan"
    severity: ClassVar[Severity] = Severity.PERINGATAN
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
        rpjmd=_swap(_RPJMD, "tujuan:\n", "  - {kode: M2, uraian: Mewujudkan tata kelola pemerintahan yang bersih}\ntujuan:\n")
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
                yield Hit(doc.loc("tujuan", i, "kode"), Message.of("lint.K014.tujuan", tujuan=tujuan.kode, uraian=tujuan.uraian))


# ---------------------------------------------------------------------------------------
# K015 sop-proses-tidak-cocok


class SopProsesTidakCocok(Rule):
    """K015: a process lists an SOP whose own `proses` names another process."""

    code: ClassVar[str] = "K015"
    name: ClassVar[str] = "sop-proses-tidak-cocok"
    severity: ClassVar[Severity] = Severity.ERROR
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Proses mencantumkan SOP yang menyebut proses lain di `proses`-nya.",
            why=(
                "Keterkaitan SOP–proses dapat ditulis dari dua sisi (`sop` di proses, `proses` di "
                "SOP). Bila keduanya berbeda, tidak jelas SOP itu menjabarkan proses yang mana; "
                "peta dan dokumen SOP akan saling bertentangan."
            ),
            fix="Samakan kedua sisi: hapus SOP dari `sop` proses ini, atau perbaiki `proses` di SOP.",
        ),
        "en": RuleDoc(
            summary="A process lists an SOP whose own `proses` names another process.",
            why=(
                "The SOP–process link can be written from both sides (`sop` in the process, "
                "`proses` in the SOP). When they disagree it is unclear which process the SOP "
                "details; the map and the SOP documents contradict each other."
            ),
            fix="Make both sides agree: remove the SOP from this process's `sop`, or correct `proses` in the SOP.",
        ),
    }
    bad: ClassVar[str] = _repo(proses=_PROSES + _PROSES_KIPI, sop=_sop(proses="PB.02", nama="Pemantauan Kejadian Ikutan Pasca Imunisasi"))
    good: ClassVar[str] = _repo(proses=_PROSES + _PROSES_KIPI, sop=_sop() + _sop("SOP-002", "PB.02", "Pemantauan Kejadian Ikutan Pasca Imunisasi"))

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Compare each process's `sop` entries with the SOPs' own `proses`."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            for i, sop_kode in enumerate(doc.model.sop):
                sop_doc = index.sop.get(sop_kode)
                if sop_doc is None or sop_doc.model.proses is None or sop_doc.model.proses == kode:
                    continue
                if sop_doc.model.proses not in index.proses:
                    continue  # an unknown process is already reported (S008); one finding is enough
                yield Hit(
                    doc.loc("sop", i),
                    Message.of("lint.K015.hit", proses=kode, sop=sop_kode, lain=sop_doc.model.proses),
                    related=(sop_doc.loc("proses"),),
                )


# ---------------------------------------------------------------------------------------
# K016 sop-di-proses-induk


class SopDiProsesInduk(Rule):
    """K016: an SOP attached to a process that has sub-processes."""

    code: ClassVar[str] = "K016"
    name: ClassVar[str] = "sop-di-proses-induk"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="SOP dikaitkan dengan proses yang masih memiliki subproses (bukan level terendah).",
            why=(
                "SOP disusun dari level terendah peta proses bisnis (peta lintas fungsi). SOP pada "
                "proses induk biasanya terlalu umum atau seharusnya milik salah satu subprosesnya."
            ),
            fix="Kaitkan SOP ke subproses level terendah yang dijabarkannya.",
        ),
        "en": RuleDoc(
            summary="An SOP is attached to a process that still has sub-processes (not the lowest level).",
            why=(
                "SOPs are written from the lowest level of the process map (the cross-functional "
                "map). An SOP on a parent process is usually too general or belongs to one of its "
                "sub-processes."
            ),
            fix="Link the SOP to the lowest-level sub-process it details.",
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_PROSES + _child(sop="SOP-002"),
        sop=_sop() + _sop("SOP-002", "PB.01.01", "Pemberian Imunisasi di Puskesmas"),
    )
    good: ClassVar[str] = _repo(proses=_PARENT + _child(), sop=_sop(proses="PB.01.01"))

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """SOPs linked (either way) to a process with children."""
        for kode in sorted(index.sop_by_proses):
            if index.is_leaf(kode) or kode not in index.proses:
                continue
            pdoc = index.proses[kode]
            for sop_kode in index.sop_by_proses[kode]:
                sop_doc = index.sop[sop_kode]
                if sop_doc.model.proses == kode:
                    where = sop_doc.loc("proses")
                else:
                    where = pdoc.loc("sop", pdoc.model.sop.index(sop_kode))
                yield Hit(
                    where,
                    Message.of("lint.K016.hit", sop=sop_kode, proses=kode, anak=", ".join(index.children[kode])),
                )


# ---------------------------------------------------------------------------------------
# K017 alur-aktivitas-buntu


class AlurAktivitasBuntu(Rule):
    """K017: an activity of the cross-functional map is unreachable or leads to no end."""

    code: ClassVar[str] = "K017"
    name: ClassVar[str] = "alur-aktivitas-buntu"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Aktivitas di peta lintas fungsi tidak terjangkau dari aktivitas pertama, atau tidak menuju akhir.",
            why=(
                "Alur aktivitas dimulai dari aktivitas pertama dan berakhir di aktivitas tanpa "
                "lanjutan (`lanjut: []`, atau aktivitas terakhir tanpa `lanjut`); tanpa `lanjut` "
                "sebuah aktivitas berlanjut ke aktivitas sesudahnya. Aktivitas yang tak terjangkau "
                "atau terjebak dalam putaran tanpa jalan keluar berarti petanya tidak utuh."
            ),
            fix="Perbaiki `lanjut` aktivitas sebelumnya agar setiap aktivitas terjangkau dan setiap jalur berakhir.",
        ),
        "en": RuleDoc(
            summary="An activity of the cross-functional map cannot be reached from the first activity, or leads to no end.",
            why=(
                "The activity flow starts at the first activity and ends at an activity without a "
                "successor (`lanjut: []`, or the last activity without `lanjut`); without `lanjut` "
                "an activity continues with the next one. An activity that cannot be reached or is "
                "caught in a loop with no way out means the map is broken."
            ),
            fix="Correct the `lanjut` of the preceding activities so that every activity is reachable and every path ends.",
        ),
    }
    _FLOW = """\
aktivitas:
  - {kode: A1, nama: Menyusun jadwal imunisasi, pelaksana: dinkes/bid-p2p, lanjut: [A3]}
  - {kode: A2, nama: Menyiapkan vaksin dan rantai dingin, pelaksana: dinkes/bid-p2p}
  - {kode: A3, nama: Melaksanakan imunisasi, pelaksana: dinkes/bid-p2p}
"""
    bad: ClassVar[str] = _repo(proses=_PROSES + _FLOW)
    good: ClassVar[str] = _repo(proses=_PROSES + _swap(_FLOW, ", lanjut: [A3]}", ", lanjut: [A2]}"))

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Reachability from the first activity, and to an end, per process."""
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            steps = doc.model.aktivitas
            if len(steps) < 2:
                continue
            position: dict[str, int] = {}
            for i, step in enumerate(steps):
                position.setdefault(step.kode, i)
            # A repeated code is a reference error already (S007): the repeat is left out of
            # the flow, and "the next activity" skips it.
            kept = [i for i, step in enumerate(steps) if position[step.kode] == i]
            succ: dict[int, list[int]] = {}
            for n, i in enumerate(kept):
                step = steps[i]
                if step.lanjut is None:
                    succ[i] = [kept[n + 1]] if n + 1 < len(kept) else []
                else:
                    succ[i] = [position[n] for n in step.lanjut if n in position]
            nodes = sorted(succ)
            reached = {nodes[0]}
            todo = [nodes[0]]
            while todo:
                for n in succ[todo.pop()]:
                    if n not in reached:
                        reached.add(n)
                        todo.append(n)
            pred: dict[int, list[int]] = {n: [] for n in nodes}
            for n in nodes:
                for m in succ[n]:
                    pred.setdefault(m, []).append(n)
            ending = {n for n in nodes if not succ[n]}
            todo = list(ending)
            while todo:
                for m in pred.get(todo.pop(), []):
                    if m not in ending:
                        ending.add(m)
                        todo.append(m)
            for n in nodes:
                step = steps[n]
                if n not in reached:
                    yield Hit(doc.loc("aktivitas", n, "kode"), Message.of("lint.K017.unreachable", proses=kode, aktivitas=step.kode))
                elif n not in ending:
                    yield Hit(doc.loc("aktivitas", n, "kode"), Message.of("lint.K017.no_end", proses=kode, aktivitas=step.kode))


RULES: list[type[Rule]] = [
    ProgramTanpaSasaran,
    SasaranTanpaProgram,
    KegiatanDiLuarRpjmd,
    ProsesTanpaKegiatan,
    KegiatanTanpaProses,
    ProsesTanpaSop,
    SopTanpaProses,
    MasukanTanpaSumber,
    KeluaranTanpaPenerima,
    KodeAnakTanpaAwalanInduk,
    SiklusInduk,
    TargetDiLuarPeriode,
    ProgramTanpaKegiatan,
    RpjmdTanpaTurunan,
    SopProsesTidakCocok,
    SopDiProsesInduk,
    AlurAktivitasBuntu,
]
