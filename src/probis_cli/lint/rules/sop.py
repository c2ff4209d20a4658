"""Measurable, well-formed SOP AP (PermenPAN-RB 35/2012): mutu baku, flow, identitas.

The flow of the prosedur, as every rule here reads it: a step goes to ``lanjut`` when set,
otherwise to the next step in list order; a decision (``keputusan``) goes only to its
branches (``cabang``, or the ``ya``/``tidak`` shorthand); ``selesai`` has no successor.
A step whose ``pelaksana`` is not a declared column is reported by the index (S008), and
duplicate step numbers by S007; the rules here do not repeat those.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.durasi import hedge_after_number, is_frequency, parse_durasi, vague_word
from probis_cli.model.build import Document, suggest
from probis_cli.model.sop import Langkah, Sop, flow_successors

# ---------------------------------------------------------------------------------------
# Shared helpers

_BLANK = {"", "-", "–", "—", "n/a", "tidak ada"}


def _blank(value: str | None) -> bool:
    """Whether a text field is missing or a placeholder such as ``-``."""
    return value is None or value.strip().lower() in _BLANK


def _blank_list(values: list[str]) -> bool:
    """Whether a list field is empty or holds only placeholders."""
    return all(_blank(v) for v in values)


successors = flow_successors  # the shared reading of an SOP's flow (model.sop)


def step_numbers(langkah: list[Langkah]) -> dict[int, int]:
    """Step number -> index of its first occurrence."""
    out: dict[int, int] = {}
    for i, step in enumerate(langkah):
        out.setdefault(step.no, i)
    return out


# ---------------------------------------------------------------------------------------
# Example repositories

_BASE = """\
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
visi: Kota Contoh yang sehat
# file: opd/dinkes.yaml
probis: 1
jenis: opd
kode: dinkes
nama: Dinas Kesehatan
singkatan: Dinkes
urusan: [1.02]
unit: [{kode: bid-p2p, nama: Bidang Pencegahan dan Pengendalian Penyakit}]
jabatan:
  - {kode: kadis, nama: Kepala Dinas Kesehatan}
  - {kode: vaksinator, nama: Vaksinator, unit: bid-p2p}
# file: proses/PB.02.01.yaml
probis: 1
jenis: proses
kode: PB.02.01
nama: Pelayanan Imunisasi
kategori: inti
pemilik: dinkes/bid-p2p
sop: [SOP-DINKES-001]
"""

_SOP = """\
# file: sop/SOP-DINKES-001.yaml
probis: 1
jenis: sop
kode: SOP-DINKES-001
nomor: 800/001/SOP/DINKES/2026
nama: Pelayanan Imunisasi Dasar
proses: PB.02.01
unit: dinkes/bid-p2p
tanggal_pembuatan: 10 Januari 2026
tanggal_efektif: 1 Februari 2026
disahkan_oleh: {jabatan: Kepala Dinas Kesehatan, nama: dr. Siti Rahmawati, nip: "197801012005012001"}
dasar_hukum: [Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi]
kualifikasi_pelaksana: [Tenaga kesehatan terlatih imunisasi]
keterkaitan: [SOP Pengelolaan Rantai Dingin Vaksin]
peralatan: [Vaksin, Alat suntik sekali pakai, Buku KIA]
peringatan: [Bila tidak dilaksanakan, anak tidak mendapat imunisasi lengkap]
pencatatan: [Register imunisasi, Buku KIA]
pelaksana:
  - {kode: petugas, nama: Petugas Pendaftaran}
  - {kode: vaksinator, nama: Vaksinator, jabatan: dinkes/vaksinator}
langkah:
  - no: 1
    kegiatan: Menerima pendaftaran sasaran imunisasi
    pelaksana: petugas
    simbol: mulai
    mutu_baku: {kelengkapan: [Buku KIA], waktu: 5 menit, output: Sasaran terdaftar}
  - no: 2
    kegiatan: Memeriksa status imunisasi dan kondisi anak
    pelaksana: vaksinator
    simbol: keputusan
    ya: 3
    tidak: 4
    mutu_baku: {waktu: 10 menit, output: Status kelayakan imunisasi}
  - no: 3
    kegiatan: Memberikan imunisasi
    pelaksana: vaksinator
    mutu_baku: {kelengkapan: [Vaksin], waktu: 10 menit, output: Anak terimunisasi}
  - no: 4
    kegiatan: Mencatat hasil dan menjadwalkan kunjungan berikutnya
    pelaksana: petugas
    simbol: selesai
    mutu_baku: {waktu: 5 menit, output: Register imunisasi terisi}
"""

GOOD = _BASE + _SOP


def _bad(old: str, new: str) -> str:
    """The good example with one change (fails loudly when ``old`` is not in it)."""
    if old not in GOOD:
        raise ValueError(old)
    return GOOD.replace(old, new, 1)


# ---------------------------------------------------------------------------------------
# M001 waktu-tidak-terukur


class WaktuOptions(BaseModel):
    """Options of M001."""

    model_config = ConfigDict(extra="forbid")

    kecuali_terminator: bool = Field(
        default=False,
        description=(
            "Langkah bersimbol mulai/selesai (kapsul) boleh tanpa waktu; waktu yang ditulis tetap "
            "diperiksa. Bawaan: setiap baris SOP AP wajib bermutu baku."
        ),
    )


class WaktuTidakTerukur(Rule):
    """M001: a step's mutu baku waktu is missing or not a number with a unit."""

    code: ClassVar[str] = "M001"
    name: ClassVar[str] = "waktu-tidak-terukur"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = WaktuOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Waktu mutu baku langkah SOP kosong atau tidak terukur.",
            why=(
                "Prosedur harus terukur: waktu mutu baku adalah angka dengan satuan (menit, jam, "
                "hari, hari kerja, minggu, bulan). 'Segera', 'secepatnya' atau 'sesuai kebutuhan' "
                "tidak dapat dipantau maupun dijanjikan kepada pengguna layanan, dan waktu total "
                "SOP tidak dapat dihitung. Bentuk seperti '1 x 24 jam', '2 jam 30 menit', "
                "'5-10 menit', '3 (tiga) hari kerja' atau 'maks. 2 jam' diterima. Angka yang dilonggarkan "
                "sesudahnya ('1 s.d. 3 hari atau menyesuaikan', '2 hari kerja atau sesuai kebutuhan', "
                "'maksimal 1 jam, kondisional', '3 hari atau lebih') juga tidak terukur; yang hanya "
                "mempercepat ('atau lebih cepat', 'segera'), menyebut dasar angkanya ('sesuai ketentuan', "
                "'sesuai jadwal') atau membulatkan ('± 15 menit') tidak melonggarkan."
            ),
            fix=(
                "Tulis waktu sebagai angka dengan satuan, mis. `waktu: 15 menit` atau "
                "`waktu: 1 x 24 jam`; bila waktunya beragam, tulis batas atasnya (mis. 'paling lama 3 hari')."
            ),
        ),
        "en": RuleDoc(
            summary="A SOP step's mutu baku waktu is missing or not measurable.",
            why=(
                "Procedures must be measurable: the mutu baku waktu is a number with a unit (menit, "
                "jam, hari, hari kerja, minggu, bulan). 'Segera', 'secepatnya' or 'sesuai kebutuhan' "
                "can be neither monitored nor promised to service users, and the SOP's total time "
                "cannot be computed. Forms such as '1 x 24 jam', '2 jam 30 menit', '5-10 menit', "
                "'3 (tiga) hari kerja' or 'maks. 2 jam' are accepted. A number loosened after it ('1 s.d. 3 "
                "hari atau menyesuaikan', '2 hari kerja atau sesuai kebutuhan', 'maksimal 1 jam, "
                "kondisional', '3 hari atau lebih') is not measurable either; words that only make it faster "
                "('atau lebih cepat', 'segera'), name the number's basis ('sesuai ketentuan', 'sesuai "
                "jadwal') or round it ('± 15 menit') do not loosen it."
            ),
            fix=(
                "Write the time as a number with a unit, e.g. `waktu: 15 menit` or `waktu: 1 x 24 jam`; "
                "when it varies, give the upper bound (e.g. 'paling lama 3 hari')."
            ),
        ),
    }
    bad: ClassVar[str] = _bad(
        "mutu_baku: {kelengkapan: [Vaksin], waktu: 10 menit, output: Anak terimunisasi}",
        "mutu_baku: {kelengkapan: [Vaksin], waktu: segera, output: Anak terimunisasi}",
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: WaktuOptions) -> Iterator[Hit]:
        """Parse the waktu of every step."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            for i, step in enumerate(doc.model.langkah):
                waktu = step.mutu_baku.waktu
                if waktu is None or _blank(waktu):  # missing, empty, or a placeholder such as "-"
                    if options.kecuali_terminator and step.simbol in ("mulai", "selesai"):
                        continue
                    problem: tuple[str, str | None] | None = ("kosong", None)
                else:
                    problem = waktu_problem(waktu)
                if problem is None:
                    continue
                # Positions are looked up only for hits: they are loaded lazily per document.
                where = doc.loc("langkah", i, "mutu_baku", "waktu")
                message, kata = problem
                if message == "kosong":
                    yield Hit(where, Message.of("lint.M001.kosong", sop=kode, no=step.no, kegiatan=step.kegiatan))
                elif message in ("samar", "bersyarat"):
                    yield Hit(where, Message.of(f"lint.M001.{message}", sop=kode, no=step.no, waktu=waktu, kata=kata))
                else:
                    yield Hit(where, Message.of(f"lint.M001.{message}", sop=kode, no=step.no, waktu=waktu))


@functools.lru_cache(maxsize=4096)
def waktu_problem(waktu: str) -> tuple[str, str | None] | None:
    """What is wrong with a written waktu (message key, vague word), or None when measurable.

    Cached: a repository repeats the same few durations thousands of times.
    """
    durasi = parse_durasi(waktu)
    if durasi is not None:
        if durasi.menit <= 0:
            return ("nol", None)
        hedge = hedge_after_number(waktu)
        return ("bersyarat", hedge) if hedge is not None else None
    vague = vague_word(waktu)
    if vague is not None:
        return ("samar", vague)
    if is_frequency(waktu):
        return ("frekuensi", None)
    if any(c.isdigit() for c in waktu):
        return ("tanpa_satuan", None)
    return ("tak_terbaca", None)


# ---------------------------------------------------------------------------------------
# M002 output-kosong


class TerminatorOptions(BaseModel):
    """Options shared by the mutu baku rules."""

    model_config = ConfigDict(extra="forbid")

    kecuali_terminator: bool = Field(
        default=False,
        description="Lewati langkah bersimbol mulai/selesai (kapsul). Bawaan: setiap baris SOP AP wajib bermutu baku.",
    )


class OutputKosong(Rule):
    """M002: a step's mutu baku has no output."""

    code: ClassVar[str] = "M002"
    name: ClassVar[str] = "output-kosong"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = TerminatorOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Mutu baku langkah SOP tidak menyebut output.",
            why=(
                "Setiap baris prosedur SOP AP memiliki mutu baku kelengkapan, waktu dan output. "
                "Output adalah bukti bahwa langkah selesai dan menjadi masukan langkah berikutnya; "
                "tanpa output langkah tidak dapat diperiksa."
            ),
            fix="Isi `mutu_baku.output` dengan hasil nyata langkah itu, mis. 'Berkas terverifikasi'.",
        ),
        "en": RuleDoc(
            summary="A SOP step's mutu baku names no output.",
            why=(
                "Every prosedur row of an SOP AP has a mutu baku: kelengkapan, waktu and output. The "
                "output is the evidence that the step is done and feeds the next step; without it the "
                "step cannot be checked."
            ),
            fix="Fill `mutu_baku.output` with the step's concrete result, e.g. 'Berkas terverifikasi'.",
        ),
    }
    bad: ClassVar[str] = _bad(
        "mutu_baku: {kelengkapan: [Vaksin], waktu: 10 menit, output: Anak terimunisasi}",
        "mutu_baku: {kelengkapan: [Vaksin], waktu: 10 menit}",
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: TerminatorOptions) -> Iterator[Hit]:
        """Report steps without an output."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            for i, step in enumerate(doc.model.langkah):
                if options.kecuali_terminator and step.simbol in ("mulai", "selesai"):
                    continue
                if _blank(step.mutu_baku.output):
                    yield Hit(
                        doc.loc("langkah", i, "mutu_baku", "output"),
                        Message.of("lint.M002.hit", sop=kode, no=step.no, kegiatan=step.kegiatan),
                    )


# ---------------------------------------------------------------------------------------
# M003 cabang-keputusan


class CabangKeputusan(Rule):
    """M003: a decision without exactly two branches, or branches on a step that is not a decision."""

    code: ClassVar[str] = "M003"
    name: ClassVar[str] = "cabang-keputusan"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Keputusan harus bercabang tepat dua; langkah lain tidak bercabang.",
            why=(
                "Simbol keputusan (belah ketupat) SOP AP memiliki dua jalur keluar berlabel, mis. "
                "ya/tidak atau lengkap/tidak lengkap; proses biasa memiliki satu. Keputusan dengan "
                "satu, tiga atau nol cabang, dua cabang ke langkah yang sama, atau `ya`/`tidak`/"
                "`cabang` pada langkah yang bukan keputusan (yang diabaikan saat alur digambar) "
                "membuat alur ambigu."
            ),
            fix=(
                "Beri keputusan tepat dua cabang ke langkah berbeda (`ya`/`tidak`, atau `cabang` "
                "dengan label sendiri, bukan keduanya). Pada langkah biasa pakai `lanjut`, atau "
                "ubah simbolnya menjadi `keputusan`. Pilihan lebih dari dua dipecah menjadi "
                "beberapa keputusan berurutan."
            ),
        ),
        "en": RuleDoc(
            summary="A decision must have exactly two branches; other steps have none.",
            why=(
                "The decision symbol (diamond) of an SOP AP has two labelled exits, e.g. ya/tidak or "
                "lengkap/tidak lengkap; a plain process has one. A decision with one, three or no "
                "branches, two branches to the same step, or `ya`/`tidak`/`cabang` on a step that is "
                "not a decision (ignored when the flow is drawn) makes the flow ambiguous."
            ),
            fix=(
                "Give each decision exactly two branches to different steps (`ya`/`tidak`, or "
                "`cabang` with its own labels, not both). On a plain step use `lanjut`, or make it a "
                "`keputusan`. More than two choices become successive decisions."
            ),
        ),
    }
    bad: ClassVar[str] = _bad("    ya: 3\n    tidak: 4\n", "    ya: 3\n")
    good: ClassVar[str] = _bad(
        "    ya: 3\n    tidak: 4\n",
        "    cabang: [{label: Layak, ke: 3}, {label: Tidak layak, ke: 4}]\n",
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Check the exits of every step."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            for i, step in enumerate(doc.model.langkah):
                shorthand = [k for k in ("ya", "tidak") if getattr(step, k) is not None]
                if step.simbol != "keputusan":
                    keys = [*shorthand, *(["cabang"] if step.cabang is not None else [])]
                    if keys:
                        yield Hit(
                            doc.loc("langkah", i, keys[0], key=True),
                            Message.of(
                                "lint.M003.bukan_keputusan",
                                sop=kode,
                                no=step.no,
                                simbol=step.simbol,
                                kunci=", ".join(keys),
                            ),
                        )
                    continue
                if step.cabang is not None and shorthand:
                    yield Hit(
                        doc.loc("langkah", i, shorthand[0], key=True),
                        Message.of("lint.M003.ganda", sop=kode, no=step.no, kunci=", ".join(shorthand)),
                    )
                branches = step.branches()
                # Positions are looked up only for hits: they are loaded lazily per document.
                exits = "cabang" if step.cabang is not None else "simbol"
                if len(branches) != 2:
                    yield Hit(
                        doc.loc("langkah", i, exits),
                        Message.of("lint.M003.jumlah", sop=kode, no=step.no, kegiatan=step.kegiatan, jumlah=len(branches)),
                    )
                elif branches[0].ke == branches[1].ke:
                    yield Hit(
                        doc.loc("langkah", i, exits), Message.of("lint.M003.sama", sop=kode, no=step.no, ke=branches[0].ke)
                    )
                if step.lanjut is not None:
                    yield Hit(
                        doc.loc("langkah", i, "lanjut", key=True),
                        Message.of("lint.M003.lanjut", sop=kode, no=step.no),
                    )


# ---------------------------------------------------------------------------------------
# M004 langkah-tak-terjangkau


def _reach(start: list[int], edges: list[list[int]]) -> set[int]:
    seen = set(start)
    stack = list(start)
    while stack:
        i = stack.pop()
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                stack.append(j)
    return seen


class LangkahTakTerjangkau(Rule):
    """M004: steps unreachable from the start, dead ends, and loops that never reach the end."""

    code: ClassVar[str] = "M004"
    name: ClassVar[str] = "langkah-tak-terjangkau"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Langkah yang tidak terjangkau dari mulai, buntu, atau tidak pernah sampai ke selesai.",
            why=(
                "Alur SOP berjalan dari satu langkah mulai ke satu langkah selesai: `lanjut` bila "
                "diisi, selain itu langkah sesudahnya; keputusan hanya mengikuti cabangnya. Langkah "
                "yang tidak pernah dicapai tidak akan dilaksanakan; langkah buntu (bukan selesai "
                "tetapi tanpa langkah berikutnya) atau putaran tanpa jalan keluar membuat layanan "
                "tidak pernah tuntas."
            ),
            fix=(
                "Arahkan `lanjut` atau cabang keputusan ke langkah yang benar, hapus langkah yang "
                "tidak dipakai, dan pastikan setiap jalur berakhir di langkah bersimbol `selesai`."
            ),
        ),
        "en": RuleDoc(
            summary="Steps unreachable from the start, dead ends, or never reaching the end.",
            why=(
                "An SOP flows from one start step to one end step: `lanjut` when set, otherwise the "
                "next step; a decision follows its branches only. A step never reached is never "
                "carried out; a dead end (not the end but with no next step) or a loop without a way "
                "out means the service never completes."
            ),
            fix=(
                "Point `lanjut` or the decision's branches at the right step, remove steps that are "
                "not used, and make every path end at the step with simbol `selesai`."
            ),
        ),
    }
    bad: ClassVar[str] = _bad("    ya: 3\n    tidak: 4\n", "    ya: 4\n    tidak: 4\n")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Walk the flow of every SOP forwards from the start and backwards from the end."""
        for kode in sorted(index.sop):
            yield from self._check_sop(kode, index.sop[kode])

    def _check_sop(self, kode: str, doc: Document[Sop]) -> Iterator[Hit]:
        langkah = doc.model.langkah
        if not langkah:
            return
        by_no = step_numbers(langkah)
        edges = [successors(langkah, by_no, i) for i in range(len(langkah))]
        starts = [i for i, s in enumerate(langkah) if s.simbol == "mulai"] or [0]
        reached = _reach(starts, edges)
        for i, step in enumerate(langkah):
            if i not in reached:
                yield Hit(
                    doc.loc("langkah", i),
                    Message.of("lint.M004.tak_terjangkau", sop=kode, no=step.no, kegiatan=step.kegiatan),
                )
        ends = [i for i, s in enumerate(langkah) if s.simbol == "selesai"]
        if not ends:
            return  # M005 reports the missing end; "cannot reach it" would only repeat that
        backward: list[list[int]] = [[] for _ in langkah]
        for i, outs in enumerate(edges):
            for j in outs:
                backward[j].append(i)
        finishing = _reach(ends, backward)
        stuck = sorted(reached - finishing)
        dead = [i for i in stuck if not edges[i]]
        for i in dead:
            yield Hit(
                doc.loc("langkah", i),
                Message.of("lint.M004.buntu", sop=kode, no=langkah[i].no, kegiatan=langkah[i].kegiatan),
            )
        # Steps that only fail because they lead into a dead end are explained by it; what
        # is left is trapped in a loop. One finding per SOP names all of them.
        explained = _reach(dead, backward)
        looping = [i for i in stuck if i not in explained]
        if looping:
            yield Hit(
                doc.loc("langkah", looping[0]),
                Message.of("lint.M004.berputar", sop=kode, nomor=", ".join(str(langkah[i].no) for i in looping)),
            )


# ---------------------------------------------------------------------------------------
# M005 mulai-selesai


class MulaiSelesaiOptions(BaseModel):
    """Options of M005."""

    model_config = ConfigDict(extra="forbid")

    urutan: bool = Field(
        default=True,
        description="Periksa juga bahwa langkah pertama tabel adalah mulai dan langkah terakhir adalah selesai.",
    )


class MulaiSelesai(Rule):
    """M005: not exactly one start and one end step; start not first, end not last."""

    code: ClassVar[str] = "M005"
    name: ClassVar[str] = "mulai-selesai"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = MulaiSelesaiOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="SOP harus memiliki tepat satu langkah mulai dan satu langkah selesai.",
            why=(
                "Diagram alir SOP AP memiliki satu kapsul awal dan satu kapsul akhir. Tanpa keduanya "
                "tidak jelas kapan layanan dimulai dan kapan dianggap tuntas, dan alur tidak dapat "
                "diperiksa. Pada tabel prosedur kapsul awal adalah baris pertama dan kapsul akhir "
                "baris terakhir (opsi `urutan`)."
            ),
            fix=(
                "Beri `simbol: mulai` pada langkah pertama dan `simbol: selesai` pada langkah "
                "terakhir; langkah lain `proses` atau `keputusan`. Beberapa akhir digabung menjadi "
                "satu langkah selesai yang dituju oleh semua jalur."
            ),
        ),
        "en": RuleDoc(
            summary="An SOP must have exactly one start step and one end step.",
            why=(
                "The SOP AP flowchart has one start capsule and one end capsule. Without them it is "
                "unclear when the service starts and when it is complete, and the flow cannot be "
                "checked. In the prosedur table the start capsule is the first row and the end "
                "capsule the last (option `urutan`)."
            ),
            fix=(
                "Give the first step `simbol: mulai` and the last `simbol: selesai`; the others are "
                "`proses` or `keputusan`. Several ends are merged into one end step that every path "
                "leads to."
            ),
        ),
    }
    bad: ClassVar[str] = _bad("    pelaksana: petugas\n    simbol: selesai\n", "    pelaksana: petugas\n")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: MulaiSelesaiOptions) -> Iterator[Hit]:
        """Count terminators and check their place in the table."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            langkah = doc.model.langkah
            if not langkah:
                yield Hit(doc.loc("langkah"), Message.of("lint.M005.kosong", sop=kode))
                continue
            for simbol, first_or_last in (("mulai", 0), ("selesai", len(langkah) - 1)):
                found = [i for i, s in enumerate(langkah) if s.simbol == simbol]
                if not found:
                    yield Hit(
                        doc.loc("langkah", first_or_last),
                        Message.of(f"lint.M005.tanpa_{simbol}", sop=kode, no=langkah[first_or_last].no),
                    )
                    continue
                for i in found[1:]:
                    yield Hit(
                        doc.loc("langkah", i, "simbol"),
                        Message.of(f"lint.M005.{simbol}_ganda", sop=kode, no=langkah[i].no, pertama=langkah[found[0]].no),
                    )
                if options.urutan and len(found) == 1 and found[0] != first_or_last:
                    yield Hit(
                        doc.loc("langkah", found[0], "simbol"),
                        Message.of(f"lint.M005.{simbol}_urutan", sop=kode, no=langkah[found[0]].no),
                    )


# ---------------------------------------------------------------------------------------
# M006 identitas-tidak-lengkap

IdentitasField = Literal[
    "nomor",
    "unit",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    "disahkan_oleh.nama",
    "disahkan_oleh.nip",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
]

_DEFAULT_WAJIB: list[IdentitasField] = [
    "nomor",
    "tanggal_pembuatan",
    "tanggal_efektif",
    "disahkan_oleh",
    "disahkan_oleh.nama",
    "disahkan_oleh.nip",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "peralatan",
    "pencatatan",
]

_NIP_RE = re.compile(r"\d{18}")


class IdentitasOptions(BaseModel):
    """Options of M006."""

    model_config = ConfigDict(extra="forbid")

    wajib: list[IdentitasField] = Field(
        default_factory=lambda: list(_DEFAULT_WAJIB),
        description="Isian identitas SOP yang wajib diisi ('-' dianggap kosong).",
    )
    periksa_nip: bool = Field(default=True, description="NIP pengesah harus 18 digit (spasi diabaikan).")


class IdentitasTidakLengkap(Rule):
    """M006: identity fields of the SOP AP are missing."""

    code: ClassVar[str] = "M006"
    name: ClassVar[str] = "identitas-tidak-lengkap"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = IdentitasOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Isian identitas SOP AP belum lengkap.",
            why=(
                "Halaman identitas SOP AP (PermenPAN-RB 35/2012) memuat nomor, tanggal pembuatan, "
                "revisi dan efektif, pengesah (jabatan, nama, NIP), dasar hukum, kualifikasi "
                "pelaksana, keterkaitan, peralatan, peringatan serta pencatatan dan pendataan. SOP "
                "tanpa nomor, pengesahan atau dasar hukum belum dapat diberlakukan dan tidak "
                "dihitung dalam penilaian reformasi birokrasi. Isian '-' dianggap kosong."
            ),
            fix=(
                "Lengkapi isian yang disebut. Isian yang diwajibkan diatur dengan opsi `wajib`, mis. "
                "tambahkan `peringatan` dan `keterkaitan`, atau hapus `disahkan_oleh.nip` bila "
                "pengesahnya bukan ASN."
            ),
        ),
        "en": RuleDoc(
            summary="Identity fields of the SOP AP are incomplete.",
            why=(
                "The identity page of an SOP AP (PermenPAN-RB 35/2012) holds the number, the dates of "
                "making, revision and entry into force, the signatory (position, name, NIP), legal "
                "basis, performer qualifications, related SOPs, equipment, warnings, and records. An "
                "SOP without number, signature or legal basis cannot be put into force and does not "
                "count in the reform assessment. A value of '-' counts as empty."
            ),
            fix=(
                "Fill in the fields named. Which fields are required is set with the `wajib` option, "
                "e.g. add `peringatan` and `keterkaitan`, or drop `disahkan_oleh.nip` when the "
                "signatory is not a civil servant."
            ),
        ),
    }
    bad: ClassVar[str] = _bad(
        "dasar_hukum: [Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi]\n", ""
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: IdentitasOptions) -> Iterator[Hit]:
        """Report each required field that is missing, in the order of the identity page."""
        wajib = set(options.wajib)
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            s = doc.model
            for field in get_args(IdentitasField):
                if field not in wajib or not self._missing(s, field):
                    continue
                if field.startswith("disahkan_oleh.") and s.disahkan_oleh is None:
                    continue  # the whole signature block is reported once
                path: tuple[str, ...] = tuple(field.split("."))
                yield Hit(
                    doc.loc(*path),
                    Message.of("lint.M006.hit", sop=kode, isian_id=f"lint.M006.isian.{field}"),
                )
            nip = s.disahkan_oleh.nip if s.disahkan_oleh else None
            if options.periksa_nip and not _blank(nip) and nip is not None:
                digits = re.sub(r"\s", "", nip)
                if not _NIP_RE.fullmatch(digits):
                    yield Hit(doc.loc("disahkan_oleh", "nip"), Message.of("lint.M006.nip", sop=kode, nip=nip))

    @staticmethod
    def _missing(s: Sop, field: str) -> bool:
        if field == "disahkan_oleh.nama":
            return s.disahkan_oleh is not None and _blank(s.disahkan_oleh.nama)
        if field == "disahkan_oleh.nip":
            return s.disahkan_oleh is not None and _blank(s.disahkan_oleh.nip)
        value = getattr(s, field)
        if value is None:
            return True
        if isinstance(value, list):
            return _blank_list(value)
        if isinstance(value, str):
            return _blank(value)
        return False


# ---------------------------------------------------------------------------------------
# M007 tanggal-tidak-urut


class TanggalTidakUrut(Rule):
    """M007: the effective or revision date lies before the date the SOP was made."""

    code: ClassVar[str] = "M007"
    name: ClassVar[str] = "tanggal-tidak-urut"
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Tanggal efektif atau tanggal revisi SOP mendahului tanggal pembuatan.",
            why=(
                "SOP berlaku sesudah dibuat dan disahkan, dan direvisi sesudah dibuat. Tanggal yang "
                "terbalik hampir selalu salah ketik dan membuat masa berlaku SOP tidak dapat "
                "dipertanggungjawabkan."
            ),
            fix="Perbaiki tanggal: tanggal_pembuatan ≤ tanggal_efektif, dan tanggal_pembuatan ≤ tanggal_revisi.",
        ),
        "en": RuleDoc(
            summary="The SOP's effective or revision date is before the date it was made.",
            why=(
                "An SOP takes effect after it is made and signed, and is revised after it is made. "
                "Reversed dates are almost always typos and make the SOP's period of validity "
                "unaccountable."
            ),
            fix="Correct the dates: tanggal_pembuatan ≤ tanggal_efektif, and tanggal_pembuatan ≤ tanggal_revisi.",
        ),
    }
    bad: ClassVar[str] = _bad("tanggal_efektif: 1 Februari 2026", "tanggal_efektif: 1 Februari 2025")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Compare the identity dates of every SOP."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            s = doc.model
            if s.tanggal_pembuatan is None:
                continue
            for field, value in (("tanggal_efektif", s.tanggal_efektif), ("tanggal_revisi", s.tanggal_revisi)):
                if value is not None and value < s.tanggal_pembuatan:
                    yield Hit(
                        doc.loc(field),
                        Message.of(
                            f"lint.M007.{field.removeprefix('tanggal_')}",
                            sop=kode,
                            tanggal=value,
                            pembuatan=s.tanggal_pembuatan,
                        ),
                    )


# ---------------------------------------------------------------------------------------
# M008 keterkaitan-tidak-ditemukan

_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9]")


class KeterkaitanOptions(BaseModel):
    """Options of M008."""

    model_config = ConfigDict(extra="forbid")

    pola: str = Field(
        default=r"^SOP[-_.]",
        description=(
            "Ekspresi reguler (tanpa membedakan huruf besar) untuk kata yang dianggap kode SOP; selain "
            "itu kata yang berawalan sama dengan kode SOP yang ada (mis. SOP-DINKES-) juga dianggap kode."
        ),
    )


class KeterkaitanTidakDitemukan(Rule):
    """M008: keterkaitan names what looks like an SOP code, but no SOP has that code."""

    code: ClassVar[str] = "M008"
    name: ClassVar[str] = "keterkaitan-tidak-ditemukan"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = KeterkaitanOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Keterkaitan merujuk kode SOP yang tidak ada di repositori.",
            why=(
                "Keterkaitan menunjukkan SOP lain yang terhubung; penilaian SOP menanyakan apakah "
                "SOP bersinergi dengan SOP lain. Keterkaitan boleh berupa uraian bebas, tetapi kata "
                "yang berbentuk kode SOP (cocok dengan opsi `pola`, atau berawalan sama dengan kode "
                "SOP yang ada) harus menunjuk SOP yang benar-benar ada; biasanya salah ketik atau "
                "SOP yang sudah dihapus/diganti kodenya. Nomor SOP yang ada juga diterima."
            ),
            fix="Perbaiki kode (lihat saran), tambahkan SOP yang dirujuk, atau tulis keterkaitan sebagai uraian.",
        ),
        "en": RuleDoc(
            summary="Keterkaitan refers to an SOP code that does not exist in the repository.",
            why=(
                "Keterkaitan lists the related SOPs; the SOP evaluation asks whether an SOP works in "
                "synergy with the others. Free text is allowed, but a word shaped like an SOP code "
                "(matching the `pola` option, or sharing its prefix with an existing SOP code) must "
                "point at an SOP that exists; usually it is a typo or an SOP deleted or renumbered. "
                "Existing SOP numbers (nomor) are accepted too."
            ),
            fix="Correct the code (see the suggestion), add the SOP referred to, or write the entry as text.",
        ),
    }
    bad: ClassVar[str] = _bad(
        "keterkaitan: [SOP Pengelolaan Rantai Dingin Vaksin]", "keterkaitan: [SOP-DINKES-002 Pengelolaan Rantai Dingin Vaksin]"
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: KeterkaitanOptions) -> Iterator[Hit]:
        """Look for code-shaped words in keterkaitan that resolve to no SOP."""
        try:
            pola = re.compile(options.pola, re.IGNORECASE)
        except re.error:
            pola = re.compile(r"^SOP[-_.]", re.IGNORECASE)
        known = set(index.sop) | index.failed_codes("sop")  # an SOP that failed to load exists
        known_lower = {k.lower() for k in known}
        nomor = {d.model.nomor.strip().lower() for d in index.sop.values() if d.model.nomor}
        # "SOP-DINKES-001" -> "sop-dinkes-": a word with the same prefix is meant as a code.
        prefixes = {
            prefix.lower()
            for prefix in (re.sub(r"\d+$", "", k) for k in known if k[-1:].isdigit())
            if len(prefix) >= 3
        }
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            for i, entry in enumerate(doc.model.keterkaitan):
                if entry.strip().lower() in nomor:
                    continue
                for token in _TOKEN_RE.findall(entry):
                    low = token.lower()
                    if low in known_lower or low in nomor or not any(c.isdigit() for c in token):
                        continue
                    if not (pola.search(token) or any(low.startswith(p) for p in prefixes)):
                        continue
                    hint = suggest(token, sorted(known - {kode}))
                    if hint:
                        message = Message.of("lint.M008.hint", sop=kode, kode=token, hint=hint)
                    else:
                        message = Message.of("lint.M008.hit", sop=kode, kode=token)
                    yield Hit(doc.loc("keterkaitan", i), message)


# ---------------------------------------------------------------------------------------
# M009 pelaksana-tidak-dipakai


class PelaksanaTidakDipakai(Rule):
    """M009: a pelaksana column of the SOP that no step uses."""

    code: ClassVar[str] = "M009"
    name: ClassVar[str] = "pelaksana-tidak-dipakai"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Kolom pelaksana SOP tidak dipakai oleh langkah mana pun.",
            why=(
                "Setiap pelaksana menjadi satu kolom tabel prosedur. Kolom tanpa simbol membuat tabel "
                "melebar tanpa guna dan biasanya menandakan langkah yang terlupa atau pelaksana yang "
                "salah ditulis pada langkah."
            ),
            fix="Hapus pelaksana itu, atau isi `pelaksana` pada langkah yang memang ia kerjakan.",
        ),
        "en": RuleDoc(
            summary="An SOP pelaksana column that no step uses.",
            why=(
                "Every pelaksana becomes a column of the prosedur table. A column without symbols "
                "widens the table for nothing and usually means a forgotten step or a wrong pelaksana "
                "on a step."
            ),
            fix="Remove the pelaksana, or set it as `pelaksana` on the steps it really performs.",
        ),
    }
    bad: ClassVar[str] = _bad(
        "  - {kode: vaksinator, nama: Vaksinator, jabatan: dinkes/vaksinator}\n",
        "  - {kode: vaksinator, nama: Vaksinator, jabatan: dinkes/vaksinator}\n  - {kode: kadis, nama: Kepala Dinas}\n",
    )
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Report declared pelaksana without steps."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            used = {step.pelaksana for step in doc.model.langkah}
            if not doc.model.langkah:
                continue  # an empty prosedur is M005's finding
            for i, pl in enumerate(doc.model.pelaksana):
                if pl.kode not in used:
                    yield Hit(doc.loc("pelaksana", i), Message.of("lint.M009.hit", sop=kode, pelaksana=pl.kode, nama=pl.nama))


# ---------------------------------------------------------------------------------------
# M010 nomor-langkah-tidak-urut


class NomorLangkahTidakUrut(Rule):
    """M010: step numbers are not 1, 2, 3, … in table order."""

    code: ClassVar[str] = "M010"
    name: ClassVar[str] = "nomor-langkah-tidak-urut"
    severity: ClassVar[Severity] = Severity.PERINGATAN
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Nomor langkah SOP tidak berurutan 1, 2, 3, … sesuai urutan tabel.",
            why=(
                "Kolom No tabel prosedur dicetak apa adanya, dan `lanjut`, `ya`, `tidak` serta "
                "cabang merujuk nomor ini. Nomor yang melompat atau tidak urut membingungkan "
                "pembaca dan mudah membuat rujukan alur salah sasaran. Hanya penyimpangan pertama "
                "yang dilaporkan; nomor ganda dilaporkan sebagai S007."
            ),
            fix="Nomori langkah berurutan mulai 1 dan sesuaikan `lanjut`/`ya`/`tidak`/`cabang` yang merujuknya.",
        ),
        "en": RuleDoc(
            summary="SOP step numbers do not run 1, 2, 3, … in table order.",
            why=(
                "The No column of the prosedur table is printed as is, and `lanjut`, `ya`, `tidak` and "
                "branches refer to these numbers. Skipped or out-of-order numbers confuse readers and "
                "make flow references easy to get wrong. Only the first deviation is reported; "
                "duplicate numbers are S007."
            ),
            fix="Number the steps from 1 in order and update the `lanjut`/`ya`/`tidak`/`cabang` that refer to them.",
        ),
    }
    bad: ClassVar[str] = _bad("  - no: 3\n", "  - no: 5\n").replace("ya: 3\n", "ya: 5\n")
    good: ClassVar[str] = GOOD

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Report the first step whose number is not its position."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            numbers = [step.no for step in doc.model.langkah]
            if len(set(numbers)) != len(numbers):
                continue
            for i, no in enumerate(numbers):
                if no != i + 1:
                    yield Hit(doc.loc("langkah", i, "no"), Message.of("lint.M010.hit", sop=kode, no=no, urutan=i + 1))
                    break


RULES: list[type[Rule]] = [
    WaktuTidakTerukur,
    OutputKosong,
    CabangKeputusan,
    LangkahTakTerjangkau,
    MulaiSelesai,
    IdentitasTidakLengkap,
    TanggalTidakUrut,
    KeterkaitanTidakDitemukan,
    PelaksanaTidakDipakai,
    NomorLangkahTidakUrut,
]

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M001.kosong": "SOP {sop} langkah {no} ({kegiatan}): waktu mutu baku belum diisi.",
        "lint.M001.samar": (
            "SOP {sop} langkah {no}: waktu '{waktu}' tidak terukur ('{kata}'); tulis angka dengan satuan, "
            "mis. 15 menit atau 1 hari kerja."
        ),
        "lint.M001.tanpa_satuan": (
            "SOP {sop} langkah {no}: waktu '{waktu}' tanpa satuan yang dikenal; tulis mis. 15 menit, 2 jam, 3 hari kerja."
        ),
        "lint.M001.tak_terbaca": (
            "SOP {sop} langkah {no}: waktu '{waktu}' bukan angka dengan satuan; tulis mis. 15 menit atau 1 x 24 jam."
        ),
        "lint.M001.nol": "SOP {sop} langkah {no}: waktu '{waktu}' bernilai nol; tulis waktu yang sebenarnya diperlukan.",
        "lint.M001.bersyarat": (
            "SOP {sop} langkah {no}: waktu '{waktu}' menyebut angka tetapi melonggarkannya ('{kata}'); itu bukan janji "
            "yang terukur. Tulis batas atas yang pasti, mis. 'paling lama 3 hari kerja'."
        ),
        "lint.M001.frekuensi": (
            "SOP {sop} langkah {no}: '{waktu}' menyatakan seberapa sering, bukan berapa lama; tulis lama "
            "langkah itu, mis. 15 menit (frekuensi dapat dicatat di keterangan)."
        ),
        "lint.M002.hit": "SOP {sop} langkah {no} ({kegiatan}): output mutu baku belum diisi.",
        "lint.M003.jumlah": (
            "SOP {sop} langkah {no} ({kegiatan}) adalah keputusan dengan {jumlah} cabang; keputusan harus "
            "bercabang tepat dua (mis. ya/tidak)."
        ),
        "lint.M003.sama": "SOP {sop} langkah {no}: kedua cabang keputusan menuju langkah {ke} yang sama.",
        "lint.M003.ganda": (
            "SOP {sop} langkah {no} memakai 'cabang' dan '{kunci}' sekaligus; '{kunci}' diabaikan. Pakai salah satu."
        ),
        "lint.M003.lanjut": "SOP {sop} langkah {no} adalah keputusan; 'lanjut' diabaikan, alur mengikuti cabangnya.",
        "lint.M003.bukan_keputusan": (
            "SOP {sop} langkah {no} bersimbol {simbol}, bukan keputusan, tetapi memiliki {kunci} (diabaikan). "
            "Ubah simbol menjadi keputusan atau pakai 'lanjut'."
        ),
        "lint.M004.tak_terjangkau": "SOP {sop} langkah {no} ({kegiatan}) tidak dapat dicapai dari langkah mulai.",
        "lint.M004.buntu": (
            "SOP {sop} langkah {no} ({kegiatan}) buntu: bukan langkah selesai, tetapi tidak ada langkah berikutnya."
        ),
        "lint.M004.berputar": "SOP {sop}: langkah {nomor} berputar tanpa jalan keluar ke langkah selesai.",
        "lint.M005.kosong": "SOP {sop} belum memiliki langkah prosedur.",
        "lint.M005.tanpa_mulai": "SOP {sop} tidak memiliki langkah bersimbol mulai (mis. langkah {no}).",
        "lint.M005.tanpa_selesai": "SOP {sop} tidak memiliki langkah bersimbol selesai (mis. langkah {no}).",
        "lint.M005.mulai_ganda": "SOP {sop} langkah {no} adalah langkah mulai kedua (yang pertama langkah {pertama}).",
        "lint.M005.selesai_ganda": (
            "SOP {sop} langkah {no} adalah langkah selesai kedua (yang pertama langkah {pertama}); "
            "arahkan semua jalur ke satu langkah selesai."
        ),
        "lint.M005.mulai_urutan": "SOP {sop}: langkah mulai ({no}) sebaiknya menjadi baris pertama tabel prosedur.",
        "lint.M005.selesai_urutan": "SOP {sop}: langkah selesai ({no}) sebaiknya menjadi baris terakhir tabel prosedur.",
        "lint.M006.hit": "Identitas SOP {sop}: {isian} belum diisi.",
        "lint.M006.nip": "Identitas SOP {sop}: NIP pengesah '{nip}' bukan 18 digit.",
        "lint.M006.isian.nomor": "Nomor SOP",
        "lint.M006.isian.unit": "unit kerja",
        "lint.M006.isian.tanggal_pembuatan": "Tanggal Pembuatan",
        "lint.M006.isian.tanggal_revisi": "Tanggal Revisi",
        "lint.M006.isian.tanggal_efektif": "Tanggal Efektif",
        "lint.M006.isian.disahkan_oleh": "Disahkan oleh",
        "lint.M006.isian.disahkan_oleh.nama": "nama pengesah",
        "lint.M006.isian.disahkan_oleh.nip": "NIP pengesah",
        "lint.M006.isian.dasar_hukum": "Dasar Hukum",
        "lint.M006.isian.kualifikasi_pelaksana": "Kualifikasi Pelaksana",
        "lint.M006.isian.keterkaitan": "Keterkaitan",
        "lint.M006.isian.peralatan": "Peralatan/Perlengkapan",
        "lint.M006.isian.peringatan": "Peringatan",
        "lint.M006.isian.pencatatan": "Pencatatan dan Pendataan",
        "lint.M007.efektif": "SOP {sop}: tanggal efektif {tanggal} mendahului tanggal pembuatan {pembuatan}.",
        "lint.M007.revisi": "SOP {sop}: tanggal revisi {tanggal} mendahului tanggal pembuatan {pembuatan}.",
        "lint.M008.hit": "SOP {sop}: keterkaitan merujuk SOP '{kode}', yang tidak ditemukan.",
        "lint.M008.hint": "SOP {sop}: keterkaitan merujuk SOP '{kode}', yang tidak ditemukan. Maksud Anda '{hint}'?",
        "lint.M009.hit": "SOP {sop}: pelaksana '{pelaksana}' ({nama}) tidak dipakai oleh langkah mana pun.",
        "lint.M010.hit": "SOP {sop}: langkah ke-{urutan} bernomor {no}; nomori langkah berurutan 1, 2, 3, …",
    },
    "en": {
        "lint.M001.kosong": "SOP {sop} step {no} ({kegiatan}): the mutu baku waktu is empty.",
        "lint.M001.samar": (
            "SOP {sop} step {no}: waktu '{waktu}' is not measurable ('{kata}'); write a number with a unit, "
            "e.g. 15 menit or 1 hari kerja."
        ),
        "lint.M001.tanpa_satuan": (
            "SOP {sop} step {no}: waktu '{waktu}' has no known unit; write e.g. 15 menit, 2 jam, 3 hari kerja."
        ),
        "lint.M001.tak_terbaca": (
            "SOP {sop} step {no}: waktu '{waktu}' is not a number with a unit; write e.g. 15 menit or 1 x 24 jam."
        ),
        "lint.M001.nol": "SOP {sop} step {no}: waktu '{waktu}' is zero; write the time the step really takes.",
        "lint.M001.bersyarat": (
            "SOP {sop} step {no}: waktu '{waktu}' gives a number but loosens it ('{kata}'); that is no measurable "
            "promise. Write a firm upper bound, e.g. 'paling lama 3 hari kerja'."
        ),
        "lint.M001.frekuensi": (
            "SOP {sop} step {no}: '{waktu}' says how often, not how long; write how long the step takes, "
            "e.g. 15 menit (the frequency can go in keterangan)."
        ),
        "lint.M002.hit": "SOP {sop} step {no} ({kegiatan}): the mutu baku output is empty.",
        "lint.M003.jumlah": (
            "SOP {sop} step {no} ({kegiatan}) is a decision with {jumlah} branch(es); a decision must have "
            "exactly two (e.g. ya/tidak)."
        ),
        "lint.M003.sama": "SOP {sop} step {no}: both branches of the decision lead to the same step {ke}.",
        "lint.M003.ganda": "SOP {sop} step {no} uses both 'cabang' and '{kunci}'; '{kunci}' is ignored. Use one of them.",
        "lint.M003.lanjut": "SOP {sop} step {no} is a decision; 'lanjut' is ignored, the flow follows its branches.",
        "lint.M003.bukan_keputusan": (
            "SOP {sop} step {no} has simbol {simbol}, not a decision, but has {kunci} (ignored). "
            "Make it a decision or use 'lanjut'."
        ),
        "lint.M004.tak_terjangkau": "SOP {sop} step {no} ({kegiatan}) cannot be reached from the start step.",
        "lint.M004.buntu": "SOP {sop} step {no} ({kegiatan}) is a dead end: not the end step, but no step follows it.",
        "lint.M004.berputar": "SOP {sop}: steps {nomor} loop without a way out to the end step.",
        "lint.M005.kosong": "SOP {sop} has no prosedur steps yet.",
        "lint.M005.tanpa_mulai": "SOP {sop} has no step with simbol mulai (e.g. step {no}).",
        "lint.M005.tanpa_selesai": "SOP {sop} has no step with simbol selesai (e.g. step {no}).",
        "lint.M005.mulai_ganda": "SOP {sop} step {no} is a second start step (the first is step {pertama}).",
        "lint.M005.selesai_ganda": (
            "SOP {sop} step {no} is a second end step (the first is step {pertama}); lead every path to one end step."
        ),
        "lint.M005.mulai_urutan": "SOP {sop}: the start step ({no}) should be the first row of the prosedur table.",
        "lint.M005.selesai_urutan": "SOP {sop}: the end step ({no}) should be the last row of the prosedur table.",
        "lint.M006.hit": "Identity of SOP {sop}: {isian} is not filled in.",
        "lint.M006.nip": "Identity of SOP {sop}: the signatory's NIP '{nip}' is not 18 digits.",
        "lint.M006.isian.nomor": "Nomor SOP (number)",
        "lint.M006.isian.unit": "the work unit",
        "lint.M006.isian.tanggal_pembuatan": "Tanggal Pembuatan (date made)",
        "lint.M006.isian.tanggal_revisi": "Tanggal Revisi (revision date)",
        "lint.M006.isian.tanggal_efektif": "Tanggal Efektif (effective date)",
        "lint.M006.isian.disahkan_oleh": "Disahkan oleh (signatory)",
        "lint.M006.isian.disahkan_oleh.nama": "the signatory's name",
        "lint.M006.isian.disahkan_oleh.nip": "the signatory's NIP",
        "lint.M006.isian.dasar_hukum": "Dasar Hukum (legal basis)",
        "lint.M006.isian.kualifikasi_pelaksana": "Kualifikasi Pelaksana (performer qualifications)",
        "lint.M006.isian.keterkaitan": "Keterkaitan (related SOPs)",
        "lint.M006.isian.peralatan": "Peralatan/Perlengkapan (equipment)",
        "lint.M006.isian.peringatan": "Peringatan (warnings)",
        "lint.M006.isian.pencatatan": "Pencatatan dan Pendataan (records)",
        "lint.M007.efektif": "SOP {sop}: the effective date {tanggal} is before the date made {pembuatan}.",
        "lint.M007.revisi": "SOP {sop}: the revision date {tanggal} is before the date made {pembuatan}.",
        "lint.M008.hit": "SOP {sop}: keterkaitan refers to SOP '{kode}', which is not found.",
        "lint.M008.hint": "SOP {sop}: keterkaitan refers to SOP '{kode}', which is not found. Did you mean '{hint}'?",
        "lint.M009.hit": "SOP {sop}: pelaksana '{pelaksana}' ({nama}) is not used by any step.",
        "lint.M010.hit": "SOP {sop}: step {urutan} is numbered {no}; number the steps 1, 2, 3, … in order.",
    },
}


# English descriptions of the options (`probis rules CODE --lang en`), beside the Indonesian
# ones given in each Field.
_OPTIONS_EN: dict[type[BaseModel], dict[str, str]] = {
    WaktuOptions: {
        "kecuali_terminator": "Steps drawn as terminators (mulai/selesai) may have no waktu; a waktu that is "
        "written is still checked. Default: every row of an SOP AP has its mutu baku.",
    },
    TerminatorOptions: {
        "kecuali_terminator": "Skip steps drawn as terminators (mulai/selesai). Default: every row of an SOP AP "
        "has its mutu baku.",
    },
    MulaiSelesaiOptions: {
        "urutan": "Also check that the first row of the table is the start and the last row the end.",
    },
    IdentitasOptions: {
        "wajib": "Identity fields of the SOP that must be filled in ('-' counts as empty).",
        "periksa_nip": "The signer's NIP must have 18 digits (spaces ignored).",
    },
    KeterkaitanOptions: {
        "pola": "Regular expression (case-insensitive) for words taken as SOP codes; words starting like an "
        "existing SOP code (e.g. SOP-DINKES-) are taken as codes too.",
    },
}
for _model, _texts in _OPTIONS_EN.items():
    for _name, _text in _texts.items():
        _model.model_fields[_name].json_schema_extra = {"en": _text}
