"""Generated entities: OPD, kegiatan, processes and SOP before they are rendered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalogue import OpdT


@dataclass
class Leaf:
    """What a lowest-level process is about: drives its name, outputs and SOP steps."""

    nama: str
    keluaran: str
    flow: str
    obj: str
    typ: str
    app: str
    sektor: str  # urusan key for dasar hukum


@dataclass
class Proc:
    kode: str
    nama: str
    kategori: str
    induk: str | None
    pemilik: list[str]
    level: int
    opd: "Opd"
    unit: str
    kegiatan: list[str] = field(default_factory=list)
    masukan: list[dict[str, Any]] = field(default_factory=list)
    keluaran: list[dict[str, Any]] = field(default_factory=list)
    pelanggan: list[str] = field(default_factory=list)
    aktivitas: list[dict[str, Any]] = field(default_factory=list)
    sop: list[str] = field(default_factory=list)
    deskripsi: str | None = None
    children: list["Proc"] = field(default_factory=list)
    focus: Leaf | None = None
    group: str = ""  # penunjang role or "" for a bidang group
    l1: "Proc | None" = None
    g_untuk: list[str] = field(default_factory=list)  # receivers named by the bidang
    extra_untuk: str | None = None  # receiving OPD role of a penunjang output
    supplied: bool = False  # other OPD take its keluaran as masukan


@dataclass
class SopDoc:
    kode: str
    nomor: str
    nama: str
    proses: str | None
    unit: str
    opd: "Opd"
    proc: Proc
    tanggal_pembuatan: str
    tanggal_revisi: str | None
    tanggal_efektif: str
    dasar_hukum: list[str]
    kualifikasi: list[str]
    keterkaitan: list[str]
    peralatan: list[str]
    peringatan: list[str]
    pencatatan: list[str]
    pelaksana: list[tuple[str, str, str | None]]
    langkah: list[dict[str, Any]]
    style: dict[str, Any]


@dataclass
class Keg:
    kode: str
    nama: str
    subs: list[tuple[str, str]]
    penunjang: bool
    bersama: bool


@dataclass
class Opd:
    t: OpdT
    kode: str
    nama: str
    singkatan: str
    prefix: str
    kepala: tuple[str, str]
    w: str | None
    units: list[tuple[str, str, str | None]] = field(default_factory=list)
    jabatan: list[tuple[str, str, str | None]] = field(default_factory=list)
    head: dict[str, tuple[str, str]] = field(default_factory=dict)  # unit -> (jabatan kode, nama)
    staf: dict[str, tuple[str, str]] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    kegiatan: list[Keg] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    sek_unit: str | None = None
    pejabat: tuple[str, str] = ("", "")
    groups: list[dict[str, Any]] = field(default_factory=list)
    n_proses: int = 0
    n_sop: int = 0
    capacity: int = 0
    procs: list[Proc] = field(default_factory=list)
    sops: list[SopDoc] = field(default_factory=list)

    @property
    def qualify(self) -> bool:
        return "qualify" in self.t.flags
