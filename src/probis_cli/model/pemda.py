"""The ``pemda`` document (``probis.yaml``): the Pemda, its period, external parties, settings."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from probis_cli.model.common import Dokumen, Kode, Periode, Strict, Teks, _as_list, _one_or_many


class PihakLuar(Strict):
    """A party outside the Pemda's OPD that processes exchange inputs/outputs with."""

    kode: Kode = Field(description="Kode pihak luar, dipakai di `dari`, `untuk`, dan `pelaksana`.")
    nama: Teks = Field(description="Nama pihak luar.")
    keterangan: str | None = Field(default=None, description="Keterangan bebas.")


class AturanLint(Strict):
    """Per-rule settings: severity and the rule's own options."""

    tingkat: Literal["error", "peringatan", "info", "warning", "mati", "off"] | None = Field(
        default=None, description="Tingkat temuan; 'mati' menonaktifkan aturan."
    )
    opsi: dict[str, Any] = Field(default_factory=dict, description="Opsi khusus aturan (lihat `probis rules KODE`).")


class PengaturanLint(Strict):
    """Linter settings."""

    pilih: list[str] = Field(default_factory=list, description="Hanya jalankan aturan/kode ini (awalan boleh, mis. T).")
    abaikan: list[str] = Field(default_factory=list, description="Jangan jalankan aturan/kode ini.")
    aturan: dict[str, AturanLint] = Field(
        default_factory=dict, description="Pengaturan per aturan, kunci = kode aturan."
    )
    abaikan_per_berkas: dict[str, list[str]] = Field(
        default_factory=dict, description="Pola path (glob) -> kode aturan yang diabaikan di berkas itu."
    )
    baseline: str | None = Field(default=None, description="Berkas baseline temuan lama (relatif ke akar repositori).")
    kegiatan_bersama: list[str] = Field(
        default_factory=list,
        description="Kode kegiatan/sub kegiatan yang memang dijalankan bersama oleh beberapa OPD.",
    )


FormatRender = Literal["svg", "png", "pdf", "dot"]


class PengaturanRender(Strict):
    """Render settings."""

    keluaran: str = Field(default="build/probis", description="Folder keluaran render (relatif ke akar repositori).")
    format: list[FormatRender] = Field(
        default_factory=lambda: list[FormatRender](["svg"]),
        description="Format gambar yang dibuat: svg, png, pdf, dot.",
    )
    templat: str | None = Field(default=None, description="Folder templat pengganti milik Pemda.")
    logo: str | None = Field(
        default=None,
        description="Berkas logo Pemda untuk kop SOP (path di dalam repositori; PNG, JPEG atau SVG, paling besar 1 MB).",
    )
    kertas: Literal["A4", "F4"] = Field(default="A4", description="Ukuran kertas SOP AP siap cetak (PDF, mendatar).")


# A CODEOWNERS owner: @user, @org/team (GitHub, GitLab groups) or an e-mail address; no
# spaces, so that a value can never add a second rule to the generated file.
PEMILIK_REVIEW_RE = r"@[A-Za-z0-9][A-Za-z0-9_.\-]*(/[A-Za-z0-9][A-Za-z0-9_.\-]*)*|[^@\s#]+@[^@\s#]+"
PemilikReview = Annotated[str, Field(pattern=f"^(?:{PEMILIK_REVIEW_RE})$")]
DaftarPemilikReview = Annotated[
    list[PemilikReview],
    BeforeValidator(_as_list),
    _one_or_many({"type": "string", "pattern": f"^(?:{PEMILIK_REVIEW_RE})$"}),
]


class TimReview(Strict):
    """Who reviews what (``probis codeowners``)."""

    bagian_organisasi: DaftarPemilikReview = Field(
        default_factory=list,
        description="Tim Bagian Organisasi: meninjau probis.yaml, rpjmd.yaml, dan berkas tanpa tim OPD, mis. '@pemda/bagor'.",
    )
    opd: dict[str, DaftarPemilikReview] = Field(
        default_factory=dict, description="Kode OPD -> tim peninjau berkas OPD itu, mis. {dinkes: '@pemda/dinkes'}."
    )


class PengaturanReview(Strict):
    """Review settings (pull/merge requests)."""

    tim: TimReview = Field(
        default_factory=TimReview, description="Tim peninjau per bagian repositori (untuk CODEOWNERS)."
    )


class Pengaturan(Strict):
    """Settings of the repository."""

    kecualikan: list[str] = Field(default_factory=list, description="Pola path (glob) yang tidak dibaca.")
    bahasa: Literal["id", "en"] | None = Field(default=None, description="Bahasa bawaan pesan dan dokumen: id atau en.")
    lint: PengaturanLint = Field(default_factory=PengaturanLint, description="Pengaturan linter.")
    render: PengaturanRender = Field(default_factory=PengaturanRender, description="Pengaturan render.")
    review: PengaturanReview = Field(
        default_factory=PengaturanReview, description="Pengaturan reviu pull request: siapa meninjau apa."
    )


class Pemda(Dokumen):
    """The Pemda as a whole: ``probis.yaml`` at the repository root."""

    jenis: Literal["pemda"] = Field(description="Jenis dokumen: selalu `pemda` untuk probis.yaml.")
    kode: Kode | None = Field(default=None, description="Kode singkat Pemda (huruf kecil, tanpa spasi).")
    nama: Teks = Field(description="Nama resmi, mis. Pemerintah Kota Contoh.")
    tingkat: Literal["provinsi", "kabupaten", "kota"] = Field(
        description="Tingkat pemerintahan daerah: provinsi, kabupaten, atau kota."
    )
    provinsi: str | None = Field(default=None, description="Provinsi tempat kabupaten/kota berada.")
    periode: Periode = Field(description="Periode RPJMD, mis. 2025-2029.")
    pihak_luar: list[PihakLuar] = Field(
        default_factory=list, description="Pihak di luar OPD (masyarakat, instansi pusat, ...)."
    )
    pengaturan: Pengaturan = Field(
        default_factory=Pengaturan, description="Pengaturan repositori: berkas yang dikecualikan, linter, render."
    )
