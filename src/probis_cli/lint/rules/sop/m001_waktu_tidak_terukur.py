"""M001 ``waktu-tidak-terukur``: M001: a step's mutu baku waktu is missing or not a number with a unit."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from probis_cli.durasi import hedge_after_number, is_frequency, parse_durasi, vague_word
from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import GOOD, _bad, _blank

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M001.kosong": ("SOP {sop} langkah {no} ({kegiatan}): waktu mutu baku belum diisi."),
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
        "lint.M001.nol": (
            "SOP {sop} langkah {no}: waktu '{waktu}' bernilai nol; tulis waktu yang sebenarnya diperlukan."
        ),
        "lint.M001.bersyarat": (
            "SOP {sop} langkah {no}: waktu '{waktu}' menyebut angka tetapi melonggarkannya ('{kata}'); itu bukan janji "
            "yang terukur. Tulis batas atas yang pasti, mis. 'paling lama 3 hari kerja'."
        ),
        "lint.M001.frekuensi": (
            "SOP {sop} langkah {no}: '{waktu}' menyatakan seberapa sering, bukan berapa lama; tulis lama "
            "langkah itu, mis. 15 menit (frekuensi dapat dicatat di keterangan)."
        ),
    },
    "en": {
        "lint.M001.kosong": ("SOP {sop} step {no} ({kegiatan}): the mutu baku waktu is empty."),
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
        "lint.M001.nol": ("SOP {sop} step {no}: waktu '{waktu}' is zero; write the time the step really takes."),
        "lint.M001.bersyarat": (
            "SOP {sop} step {no}: waktu '{waktu}' gives a number but loosens it ('{kata}'); that is no measurable "
            "promise. Write a firm upper bound, e.g. 'paling lama 3 hari kerja'."
        ),
        "lint.M001.frekuensi": (
            "SOP {sop} step {no}: '{waktu}' says how often, not how long; write how long the step takes, "
            "e.g. 15 menit (the frequency can go in keterangan)."
        ),
    },
}


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
        json_schema_extra={
            "en": (
                "Steps drawn as terminators (mulai/selesai) may have no waktu; a waktu that is "
                "written is still checked. Default: every row of an SOP AP has its mutu baku."
            )
        },
    )


class WaktuTidakTerukur(Rule):
    """M001: a step's mutu baku waktu is missing or not a number with a unit."""

    messages = MESSAGES
    code: ClassVar[str] = "M001"
    name: ClassVar[str] = "waktu-tidak-terukur"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
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
