"""T003 ``proses-mirip``: T003: processes of different OPD whose names or keluaran are near-duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules._common import _PEMDA
from probis_cli.lint.rules.tumpang_tindih._common import (
    _MAX_RELATED,
    _SINGKATAN_EN,
    DEFAULT_KELUARAN_UMUM,
    KeluaranGandaOptions,
    Processes,
    _capil,
    _kecamatan,
    _one_word_keys,
    _proses,
    expander,
    owners_label,
    same_keluaran,
)
from probis_cli.lint.teks import NearDuplicateIndex, tokens

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
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
    },
    "en": {
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
    },
}


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
        json_schema_extra={
            "en": (
                "Similarity threshold (Jaccard over root words, without function words and common bureaucratic "
                "words): 0.6 catches 'Analisis Jabatan' ~ 'Penyusunan Analisis Jabatan'; 1.0 only identical words."
            )
        },
    )
    bandingkan_keluaran: bool = Field(
        default=True,
        description="Bandingkan juga nama keluaran (minimal dua kata bermakna).",
        json_schema_extra={"en": ("Compare output names too (at least two meaningful words).")},
    )
    ambang_keluaran: float = Field(
        default=0.8,
        gt=0.0,
        le=1.0,
        description=(
            "Ambang kemiripan keluaran. Lebih tinggi daripada nama proses: keluaran sering berpola "
            "sama ('Laporan hasil pembinaan ... Wilayah I/II') dan hanya berbeda satu-dua kata."
        ),
        json_schema_extra={
            "en": (
                "Threshold for outputs; higher than for names, because outputs often follow one pattern "
                "('Laporan hasil pembinaan ... Wilayah I/II') and differ by a word or two."
            )
        },
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
    hanya_daun: bool = Field(
        default=False,
        description="Bandingkan hanya proses level terendah (tanpa subproses).",
        json_schema_extra={"en": ("Compare only lowest-level processes (without sub-processes).")},
    )
    abaikan_penunjang: bool = Field(
        default=True,
        description=(
            "Lewati proses yang hanya menjalankan kegiatan standar program penunjang (X.XX.01.2.01–.2.10): administrasi "
            "setiap OPD sendiri, yang memang serupa di semua OPD dan dengan Bappeda/BPKAD/BKPSDM."
        ),
        json_schema_extra={
            "en": (
                "Skip processes that only run the standard program penunjang kegiatan "
                "(X.XX.01.2.01–.2.10): each OPD's own administration, alike in every OPD and like Bappeda/BPKAD/BKPSDM's work."
            )
        },
    )
    abaikan_kata: list[str] = Field(
        default_factory=list,
        description="Kata tambahan yang diabaikan saat membandingkan (bentuk asli atau kata dasar).",
        json_schema_extra={"en": ("Extra words ignored when comparing (as written or as root words).")},
    )
    singkatan: Annotated[dict[str, str], AfterValidator(_one_word_keys)] = Field(
        default_factory=dict,
        description=(
            "Singkatan tambahan yang ditulis lengkap sebelum membandingkan, mis. {sppt: surat pemberitahuan pajak "
            "terutang}; ditambahkan ke glosarium bawaan (menimpa entri yang sama; nilai kosong mematikan entri bawaan)."
        ),
        json_schema_extra={"en": (_SINGKATAN_EN)},
    )
    abaikan_keluaran: list[str] = Field(
        default_factory=lambda: list(DEFAULT_KELUARAN_UMUM),
        description="Keluaran umum yang tidak dibandingkan (sama dengan opsi `abaikan` T002).",
        json_schema_extra={"en": ("Generic outputs that are not compared (the same as T002's `abaikan`).")},
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

    messages = MESSAGES
    code: ClassVar[str] = "T003"
    name: ClassVar[str] = "proses-mirip"
    reads = "pemda opd proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
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
        # Pairs whose labels meet (Processes.block) never overlap: the index skips them wholesale.
        blocks = {k: procs.block(k) for k in codes}
        names = NearDuplicateIndex(((k, group[k], name_text[k]) for k in codes), extra_stop=extra_stop, blocks=blocks)
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
            out_blocks: dict[str, frozenset[str]] = {}
            for k in codes:
                for i, kel in enumerate(index.proses[k].model.keluaran):
                    text = expand(kel.nama)
                    toks = tokens(text, extra_stop)
                    if text in umum or len(toks) < 2:
                        continue
                    key = f"{k}#{i:05d}"
                    entries.append((key, group[k], text))
                    out_tokens[key] = toks
                    out_blocks[key] = blocks[k]
            named = {(s.other, b) for b, lst in found.items() for s in lst}
            keluaran = NearDuplicateIndex(entries, extra_stop=extra_stop, blocks=out_blocks)
            for ka, kb, score in keluaran.pairs(options.ambang_keluaran):
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
            index.proses[s.other].loc("nama")
            if s.kind != "keluaran"
            else index.proses[s.other].loc("keluaran", s.theirs, "nama")
            for s in similar[:_MAX_RELATED]
        )
        if best.kind in ("nama", "cakupan"):
            return Hit(
                doc.loc("nama"),
                Message.of(
                    f"lint.T003.{best.kind}" + suffix, nama=doc.model.nama, nama_lain=other.model.nama, **common
                ),
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
