"""Cases for the SOP AP rules (lint/rules/sop.py): what must fire and what must not."""

from __future__ import annotations

import datetime as dt

import re
import string
from pathlib import Path
from typing import Any

import pytest

from probis_cli import api
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule
from probis_cli.lint.rules import sop as sop_rules
from probis_cli.lint.rules.sop import (
    CabangKeputusan,
    IdentitasTidakLengkap,
    KeterkaitanTidakDitemukan,
    LangkahTakTerjangkau,
    MulaiSelesai,
    NomorLangkahTidakUrut,
    OutputKosong,
    PelaksanaTidakDipakai,
    TanggalTidakUrut,
    WaktuTidakTerukur,
)

BASE: dict[str, str] = {
    "probis.yaml": "probis: 1\njenis: pemda\nnama: Pemerintah Kota Uji\ntingkat: kota\nperiode: 2025-2029\n",
    "rpjmd.yaml": "probis: 1\njenis: rpjmd\nperiode: 2025-2029\nvisi: Kota Uji\n",
    "opd/dinkes.yaml": (
        "probis: 1\njenis: opd\nkode: dinkes\nnama: Dinas Kesehatan\nurusan: [1.02]\n"
        "unit: [{kode: bid-p2p, nama: Bidang P2P}]\n"
    ),
}

IDENTITAS = """\
nomor: 800/001/SOP/DINKES/2026
unit: dinkes/bid-p2p
tanggal_pembuatan: 2026-01-10
tanggal_efektif: 2026-02-01
disahkan_oleh: {jabatan: Kepala Dinas Kesehatan, nama: dr. Siti, nip: "197801012005012001"}
dasar_hukum: [Permenkes 12/2017]
kualifikasi_pelaksana: [Tenaga kesehatan]
peralatan: [Komputer]
pencatatan: [Register]
"""

PELAKSANA = "pelaksana: [{kode: petugas, nama: Petugas}, {kode: kasi, nama: Kepala Seksi}]\n"


def step(no: int, simbol: str = "proses", pelaksana: str = "petugas", waktu: str | None = "10 menit", output: str | None = "Hasil", **extra: Any) -> str:
    """One step as a YAML flow mapping in a block list."""
    mutu: list[str] = []
    if waktu is not None:
        mutu.append(f"waktu: '{waktu}'")
    if output is not None:
        mutu.append(f"output: '{output}'")
    parts = [f"no: {no}", f"kegiatan: Langkah {no}", f"pelaksana: {pelaksana}", f"simbol: {simbol}"]
    parts += [f"{k}: {v}" for k, v in extra.items()]
    parts.append("mutu_baku: {" + ", ".join(mutu) + "}")
    return "  - {" + ", ".join(parts) + "}\n"


def linear(n: int = 3) -> str:
    """A valid straight flow: mulai, proses…, selesai; both pelaksana used."""
    out = step(1, "mulai")
    for i in range(2, n):
        out += step(i, pelaksana="kasi")
    return out + step(n, "selesai")


def sop_doc(langkah: str, *, kode: str = "SOP-001", identitas: str = IDENTITAS, pelaksana: str = PELAKSANA, extra: str = "") -> str:
    """An SOP document."""
    return (
        f"probis: 1\njenis: sop\nkode: {kode}\nnama: SOP Uji {kode}\n"
        + identitas
        + extra
        + pelaksana
        + ("langkah:\n" + langkah if langkah else "langkah: []\n")
    )


def load(tmp_path: Path, files: dict[str, str]) -> Index:
    """Write ``files`` over the base repository and index it; the base must load cleanly."""
    for rel, text in {**BASE, **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    loaded = api.load(tmp_path, use_cache=False)
    return loaded.index


def core_findings(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """Read/schema/reference findings of a repository (codes and messages)."""
    for rel, text in {**BASE, **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    loaded = api.load(tmp_path, use_cache=False)
    return [f"{f.location} {f.code} {f.text('en')}" for f in loaded.findings]


def run(rule: type[Rule], tmp_path: Path, files: dict[str, str], **options: Any) -> list[Hit]:
    """Run ``rule`` with ``options`` on the repository."""
    index = load(tmp_path, files)
    return list(rule().check(index, rule.Options(**options)))


def ids(hits: list[Hit]) -> list[str]:
    """Message ids of hits (without the lint.CODE. prefix)."""
    return [h.message.id.split(".", 2)[2] for h in hits]


def arg(hit: Hit, name: str) -> Any:
    """One message argument of a hit."""
    return dict(hit.message.args)[name]


def sop(langkah: str, **kw: Any) -> dict[str, str]:
    """A repository holding one SOP."""
    return {"sop/SOP-001.yaml": sop_doc(langkah, **kw)}


# -- the examples every rule documents ---------------------------------------------------------


# The documented bad/good examples of every rule are checked in test_docs_examples.py.




def test_valid_sop_is_clean(tmp_path: Path) -> None:
    files = sop(linear(4))
    assert core_findings(tmp_path, files) == []
    for rule in sop_rules.RULES:
        assert list(rule().check(load(tmp_path, files), rule.Options())) == [], rule.code


# -- M001 waktu-tidak-terukur ---------------------------------------------------------------


@pytest.mark.parametrize(
    "waktu",
    ["1 x 24 jam", "2 jam 30 menit", "5-10 menit", "5 s.d. 10 menit", "3 hari kerja", "15 mnt", "paling lama 1 hari", "1,5 jam"],
)
def test_m001_measurable(tmp_path: Path, waktu: str) -> None:
    files = sop(step(1, "mulai") + step(2, waktu=waktu, pelaksana="kasi") + step(3, "selesai"))
    assert run(WaktuTidakTerukur, tmp_path, files) == []


@pytest.mark.parametrize(
    ("waktu", "message", "kata"),
    [
        ("segera", "samar", "segera"),
        ("Secepatnya", "samar", "Secepatnya"),
        ("sesuai kebutuhan", "samar", "sesuai kebutuhan"),
        ("-", "kosong", None),
        ("?", "samar", "?"),
        ("10", "tanpa_satuan", None),
        ("lama", "tak_terbaca", None),
        ("0 menit", "nol", None),
    ],
)
def test_m001_unmeasurable(tmp_path: Path, waktu: str, message: str, kata: str | None) -> None:
    files = sop(step(1, "mulai") + step(2, waktu=waktu, pelaksana="kasi") + step(3, "selesai"))
    hits = run(WaktuTidakTerukur, tmp_path, files)
    assert ids(hits) == [message]
    assert arg(hits[0], "no") == 2
    if message != "kosong":
        assert arg(hits[0], "waktu") == waktu
    if kata is not None:
        assert arg(hits[0], "kata") == kata
    # Pointed at the waktu value itself.
    loc = hits[0].location
    assert loc.line is not None and loc.column is not None
    line = (tmp_path / "sop/SOP-001.yaml").read_text().splitlines()[loc.line - 1]
    assert line[loc.column - 1 :].startswith(f"'{waktu}'")


def test_m001_missing_and_terminator_option(tmp_path: Path) -> None:
    files = sop(step(1, "mulai", waktu=None) + step(2, waktu=None, pelaksana="kasi") + step(3, "selesai", waktu="segera"))
    hits = run(WaktuTidakTerukur, tmp_path, files)
    assert [(arg(h, "no"), i) for h, i in zip(hits, ids(hits), strict=True)] == [(1, "kosong"), (2, "kosong"), (3, "samar")]
    # Terminators may go without waktu, but what is written is still checked.
    hits = run(WaktuTidakTerukur, tmp_path, files, kecuali_terminator=True)
    assert [(arg(h, "no"), i) for h, i in zip(hits, ids(hits), strict=True)] == [(2, "kosong"), (3, "samar")]


# -- M002 output-kosong ---------------------------------------------------------------------


def test_m002(tmp_path: Path) -> None:
    files = sop(step(1, "mulai", output=None) + step(2, output="-", pelaksana="kasi") + step(3, "selesai", output="Selesai"))
    hits = run(OutputKosong, tmp_path, files)
    assert [arg(h, "no") for h in hits] == [1, 2]
    assert [arg(h, "no") for h in run(OutputKosong, tmp_path, files, kecuali_terminator=True)] == [2]


# -- M003 cabang-keputusan ------------------------------------------------------------------


def test_m003_decision_with_labels_and_shorthand_ok(tmp_path: Path) -> None:
    labels = "[{label: Lengkap, ke: 3}, {label: Tidak lengkap, ke: 1}]"
    files = sop(step(1, "mulai") + step(2, "keputusan", pelaksana="kasi", cabang=labels) + step(3, "selesai"))
    assert run(CabangKeputusan, tmp_path, files) == []
    files = sop(step(1, "mulai") + step(2, "keputusan", pelaksana="kasi", ya=3, tidak=1) + step(3, "selesai"))
    assert run(CabangKeputusan, tmp_path, files) == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"ya": 3}, ["jumlah"]),
        ({}, ["jumlah"]),
        ({"cabang": "[{label: A, ke: 1}, {label: B, ke: 3}, {label: C, ke: 4}]"}, ["jumlah"]),
        ({"ya": 3, "tidak": 3}, ["sama"]),
        ({"ya": 3, "cabang": "[{label: Lengkap, ke: 3}, {label: Kurang, ke: 1}]"}, ["ganda"]),
        ({"ya": 3, "tidak": 1, "lanjut": 3}, ["lanjut"]),
    ],
)
def test_m003_bad_decisions(tmp_path: Path, extra: dict[str, Any], expected: list[str]) -> None:
    files = sop(step(1, "mulai") + step(2, "keputusan", pelaksana="kasi", **extra) + step(3, "proses") + step(4, "selesai"))
    hits = run(CabangKeputusan, tmp_path, files)
    assert ids(hits) == expected
    assert all(arg(h, "no") == 2 for h in hits)


def test_m003_branches_on_plain_step(tmp_path: Path) -> None:
    files = sop(step(1, "mulai") + step(2, pelaksana="kasi", ya=3, tidak=1) + step(3, "selesai"))
    hits = run(CabangKeputusan, tmp_path, files)
    assert ids(hits) == ["bukan_keputusan"]
    assert arg(hits[0], "kunci") == "ya, tidak"
    assert arg(hits[0], "simbol") == "proses"


# -- M004 langkah-tak-terjangkau ------------------------------------------------------------


def test_m004_loops_back_with_exit_ok(tmp_path: Path) -> None:
    # Incomplete papers go back to step 1; complete ones jump over step 3 to the end via lanjut.
    files = sop(
        step(1, "mulai")
        + step(2, "keputusan", pelaksana="kasi", ya=4, tidak=3)
        + step(3, lanjut=1)
        + step(4, "selesai")
    )
    assert run(LangkahTakTerjangkau, tmp_path, files) == []


def test_m004_unreachable(tmp_path: Path) -> None:
    files = sop(step(1, "mulai", lanjut=3) + step(2, pelaksana="kasi") + step(3, "selesai"))
    hits = run(LangkahTakTerjangkau, tmp_path, files)
    assert ids(hits) == ["tak_terjangkau"]
    assert arg(hits[0], "no") == 2


def test_m004_selesai_has_no_successor(tmp_path: Path) -> None:
    # Step 3 after the end is never reached (the end does not flow on to the next row).
    files = sop(step(1, "mulai") + step(2, "selesai", pelaksana="kasi") + step(3))
    hits = run(LangkahTakTerjangkau, tmp_path, files)
    assert [(i, arg(h, "no")) for i, h in zip(ids(hits), hits, strict=True)] == [("tak_terjangkau", 3)]


def test_m004_dead_end(tmp_path: Path) -> None:
    # Step 3 is a decision's "tidak" target placed last: it falls off the table.
    files = sop(
        step(1, "mulai")
        + step(2, "keputusan", pelaksana="kasi", ya=3, tidak=4)
        + step(3, "selesai")
        + step(4, keterangan="'Berkas dikembalikan'")
    )
    hits = run(LangkahTakTerjangkau, tmp_path, files)
    assert [(i, arg(h, "no")) for i, h in zip(ids(hits), hits, strict=True)] == [("buntu", 4)]


def test_m004_loop_without_exit(tmp_path: Path) -> None:
    files = sop(step(1, "mulai") + step(2, pelaksana="kasi") + step(3, lanjut=2) + step(4, "selesai"))
    hits = run(LangkahTakTerjangkau, tmp_path, files)
    assert ids(hits) == ["tak_terjangkau", "berputar"]
    assert arg(hits[0], "no") == 4
    assert arg(hits[1], "nomor") == "1, 2, 3"


def test_m004_no_end_is_left_to_m005(tmp_path: Path) -> None:
    files = sop(step(1, "mulai") + step(2, pelaksana="kasi"))
    assert run(LangkahTakTerjangkau, tmp_path, files) == []
    assert ids(run(MulaiSelesai, tmp_path, files)) == ["tanpa_selesai"]


# -- M005 mulai-selesai ---------------------------------------------------------------------


def test_m005_empty(tmp_path: Path) -> None:
    assert ids(run(MulaiSelesai, tmp_path, sop(""))) == ["kosong"]


def test_m005_counts_and_order(tmp_path: Path) -> None:
    files = sop(step(1) + step(2, "keputusan", pelaksana="kasi", ya=3, tidak=4) + step(3, "selesai") + step(4, "selesai"))
    hits = run(MulaiSelesai, tmp_path, files)
    assert ids(hits) == ["tanpa_mulai", "selesai_ganda"]
    assert arg(hits[1], "no") == 4 and arg(hits[1], "pertama") == 3

    files = sop(step(1) + step(2, "mulai", pelaksana="kasi", lanjut=1) + step(3, "selesai"))
    assert ids(run(MulaiSelesai, tmp_path, files)) == ["mulai_urutan"]
    assert run(MulaiSelesai, tmp_path, files, urutan=False) == []

    files = sop(step(1, "mulai") + step(2, "mulai", pelaksana="kasi") + step(3, "selesai"))
    assert ids(run(MulaiSelesai, tmp_path, files)) == ["mulai_ganda"]


# -- M006 identitas-tidak-lengkap / M007 tanggal-tidak-urut ----------------------------------


def test_m006_missing_fields(tmp_path: Path) -> None:
    identitas = "nomor: '-'\ntanggal_pembuatan: 2026-01-10\ndasar_hukum: []\nperalatan: [Komputer]\n"
    hits = run(IdentitasTidakLengkap, tmp_path, sop(linear(), identitas=identitas))
    assert [arg(h, "isian_id").rsplit(".", 1)[-1] for h in hits] == [
        "nomor", "tanggal_efektif", "disahkan_oleh", "dasar_hukum", "kualifikasi_pelaksana", "pencatatan",
    ]  # fmt: skip
    # Configurable, and the signatory's name/NIP only once there is a signatory block.
    identitas = IDENTITAS.replace('nama: dr. Siti, nip: "197801012005012001"', "nama: dr. Siti")
    hits = run(IdentitasTidakLengkap, tmp_path, sop(linear(), identitas=identitas))
    assert [arg(h, "isian_id") for h in hits] == ["lint.M006.isian.disahkan_oleh.nip"]
    assert run(IdentitasTidakLengkap, tmp_path, sop(linear(), identitas=identitas), wajib=["nomor"]) == []
    hits = run(IdentitasTidakLengkap, tmp_path, sop(linear()), wajib=["peringatan", "keterkaitan"])
    assert [arg(h, "isian_id").rsplit(".", 1)[-1] for h in hits] == ["keterkaitan", "peringatan"]


def test_m006_alias_and_nip(tmp_path: Path) -> None:
    identitas = IDENTITAS.replace("kualifikasi_pelaksana:", "kualifikasi_pelaksanaan:").replace(
        '"197801012005012001"', '"19780101 200501 2 001"'
    )
    assert run(IdentitasTidakLengkap, tmp_path, sop(linear(), identitas=identitas)) == []
    identitas = IDENTITAS.replace('"197801012005012001"', '"1978010120050120"')
    hits = run(IdentitasTidakLengkap, tmp_path, sop(linear(), identitas=identitas))
    assert ids(hits) == ["nip"]
    assert run(IdentitasTidakLengkap, tmp_path, sop(linear(), identitas=identitas), periksa_nip=False) == []


def test_m007(tmp_path: Path) -> None:
    identitas = IDENTITAS.replace("tanggal_efektif: 2026-02-01", "tanggal_efektif: 1 Januari 2026\ntanggal_revisi: 2025-12-31")
    hits = run(TanggalTidakUrut, tmp_path, sop(linear(), identitas=identitas))
    assert ids(hits) == ["efektif", "revisi"]
    assert arg(hits[0], "tanggal") == dt.date(2026, 1, 1) and arg(hits[0], "pembuatan") == dt.date(2026, 1, 10)
    # Dates are written as in the documents, in the reader's language.
    assert "1 Januari 2026" in hits[0].message.text("id") and "1 January 2026" in hits[0].message.text("en")
    same_day = IDENTITAS.replace("tanggal_efektif: 2026-02-01", "tanggal_efektif: 2026-01-10")
    assert run(TanggalTidakUrut, tmp_path, sop(linear(), identitas=same_day)) == []


# -- M008 keterkaitan-tidak-ditemukan -------------------------------------------------------


def test_m008(tmp_path: Path) -> None:
    other = sop_doc(linear(), kode="SOP-DINKES-002").replace("800/001/SOP/DINKES/2026", "800/002/SOP/DINKES/2026")
    keterkaitan = (
        "keterkaitan:\n  - SOP-DINKES-002\n  - SOP Pengelolaan Vaksin\n  - 800/002/SOP/DINKES/2026\n"
        "  - SOP-DINKES-0002 Penerimaan Vaksin\n  - sop-kesehatan-9\n  - Pelayanan PB.02.01\n"
    )
    files = {
        "sop/SOP-DINKES-001.yaml": sop_doc(linear(), kode="SOP-DINKES-001", extra=keterkaitan),
        "sop/SOP-DINKES-002.yaml": other,
    }
    hits = run(KeterkaitanTidakDitemukan, tmp_path, files)
    assert [(i, arg(h, "kode")) for i, h in zip(ids(hits), hits, strict=True)] == [
        ("hint", "SOP-DINKES-0002"),
        ("hit", "sop-kesehatan-9"),
    ]
    assert arg(hits[0], "hint") == "SOP-DINKES-002"
    # A Pemda with another code shape tells the rule through `pola`.
    hits = run(KeterkaitanTidakDitemukan, tmp_path, files, pola=r"^PB\.")
    assert [arg(h, "kode") for h in hits] == ["SOP-DINKES-0002", "PB.02.01"]


# -- M009 pelaksana-tidak-dipakai / M010 nomor-langkah-tidak-urut ---------------------------


def test_m009(tmp_path: Path) -> None:
    pelaksana = "pelaksana: [{kode: petugas, nama: Petugas}, {kode: kasi, nama: Kepala Seksi}, {kode: kabid, nama: Kabid}]\n"
    hits = run(PelaksanaTidakDipakai, tmp_path, sop(linear(), pelaksana=pelaksana))
    assert [arg(h, "pelaksana") for h in hits] == ["kabid"]
    assert run(PelaksanaTidakDipakai, tmp_path, sop("", pelaksana=pelaksana)) == []


def test_m010(tmp_path: Path) -> None:
    files = sop(step(1, "mulai") + step(3, pelaksana="kasi") + step(4, "selesai"))
    hits = run(NomorLangkahTidakUrut, tmp_path, files)
    assert [(arg(h, "urutan"), arg(h, "no")) for h in hits] == [(2, 3)]
    # Duplicates are S007's business.
    files = sop(step(1, "mulai") + step(1, pelaksana="kasi") + step(3, "selesai"))
    assert run(NomorLangkahTidakUrut, tmp_path, files) == []
