"""Cases for the overlap rules (lint/rules/tumpang_tindih.py): what must fire and what must not."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from probis_cli import api
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule
from probis_cli.lint.rules import tumpang_tindih as tt
from probis_cli.lint.rules.tumpang_tindih._common import KeluaranGandaOptions
from probis_cli.lint.rules.tumpang_tindih.t003_proses_mirip import ProsesMiripOptions
from probis_cli.lint.rules.tumpang_tindih import KegiatanGanda, PemilikGanda, UnitSopBerbeda, UrusanTidakDiampu

PEMDA = "probis: 1\njenis: pemda\nnama: Pemerintah Kota Uji\ntingkat: kota\nperiode: 2025-2029\n"
RPJMD = "probis: 1\njenis: rpjmd\nperiode: 2025-2029\nvisi: Kota Uji\n"


def opd(kode: str, urusan: str, kegiatan: Sequence[tuple[str, Sequence[str]]] = (), *, units: str = "") -> str:
    """An OPD document; ``kegiatan`` is [(kode, [sub kegiatan kode, ...])]."""
    text = f"probis: 1\njenis: opd\nkode: {kode}\nnama: OPD {kode}\nsingkatan: {kode.upper()}\nurusan: [{urusan}]\n"
    if units:
        text += f"unit: {units}\n"
    if kegiatan:
        text += "kegiatan:\n"
        for code, subs in kegiatan:
            text += f"  - kode: {code}\n    nama: Kegiatan {code}\n"
            if subs:
                text += "    sub_kegiatan:\n" + "".join(f"      - {{kode: {s}, nama: Sub {s}}}\n" for s in subs)
    return text


def proses(kode: str, pemilik: str, *, nama: str | None = None, kegiatan: str = "", keluaran: str = "", induk: str = "") -> str:
    """A process document."""
    text = f"probis: 1\njenis: proses\nkode: {kode}\nnama: {nama or 'Proses ' + kode}\nkategori: inti\npemilik: {pemilik}\n"
    if induk:
        text += f"induk: {induk}\n"
    if kegiatan:
        text += f"kegiatan: [{kegiatan}]\n"
    if keluaran:
        text += f"keluaran: [{{nama: '{keluaran}'}}]\n"
    return text


def load(tmp_path: Path, files: dict[str, str], *, pemda: str = PEMDA) -> Index:
    """Write the repository and index it; it must load without read/schema/reference findings."""
    for rel, text in {"probis.yaml": pemda, "rpjmd.yaml": RPJMD, **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    loaded = api.load(tmp_path, use_cache=False)
    assert [f"{f.location} {f.code} {f.text('en')}" for f in loaded.findings] == []
    return loaded.index


def run(rule: type[Rule], tmp_path: Path, files: dict[str, str], *, pemda: str = PEMDA, **options: Any) -> list[Hit]:
    """Run ``rule`` with ``options`` on the repository."""
    return list(rule().check(load(tmp_path, files, pemda=pemda), rule.Options(**options)))


def args(hit: Hit) -> dict[str, Any]:
    """Message arguments of a hit."""
    return dict(hit.message.args)


# The documented bad/good examples of every rule are checked in test_docs_examples.py.




# -- T001 kegiatan-ganda --------------------------------------------------------------------


def test_t001_duplicate_kegiatan(tmp_path: Path) -> None:
    files = {
        "opd/disdukcapil.yaml": opd("disdukcapil", "2.12", [("2.12.02.2.01", [])]),
        "opd/kec-a.yaml": opd("kec-a", "7.01, 2.12", [("2.12.02.2.01", [])]),
        "opd/kec-b.yaml": opd("kec-b", "7.01, 2.12", [("2.12.02.2.01", [])]),
    }
    hits = run(KegiatanGanda, tmp_path, files)
    assert [h.location.path for h in hits] == ["opd/kec-a.yaml", "opd/kec-b.yaml"]
    assert args(hits[0]) == {
        "kode": "2.12.02.2.01",
        "nama": "Kegiatan 2.12.02.2.01",
        "opd": "KEC-A",
        "lain": "DISDUKCAPIL, KEC-B",
    }
    # Related: the other claims, the first claim first.
    assert [r.path for r in hits[0].related] == ["opd/disdukcapil.yaml", "opd/kec-b.yaml"]
    assert (hits[0].location.line, hits[0].location.column) == (8, 11)  # the "kode" value


def test_t001_reports_the_claims_outside_the_urusan(tmp_path: Path) -> None:
    # "bagian-a" sorts first, but the Disdukcapil holds 2.12: the Bagian's claim is the odd one.
    files = {
        "opd/bagian-a.yaml": opd("bagian-a", "4.01", [("2.12.02.2.01", [])]),
        "opd/disdukcapil.yaml": opd("disdukcapil", "2.12", [("2.12.02.2.01", [])]),
    }
    hits = run(KegiatanGanda, tmp_path, files)
    assert [(h.location.path, args(h)["lain"]) for h in hits] == [("opd/bagian-a.yaml", "DISDUKCAPIL")]


def test_t001_program_penunjang_never_flagged(tmp_path: Path) -> None:
    # Two OPD holding the same bidang urusan share literally the same penunjang codes.
    penunjang = [("1.02.01.2.01", ["1.02.01.2.01.0001"]), ("1.02.01.2.02", ["1.02.01.2.02.0001"]), ("1.02.01.2.06", [])]
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", penunjang),
        "opd/rsud.yaml": opd("rsud", "1.02", penunjang),
        "opd/rsud2.yaml": opd("rsud2", "1.02", penunjang),
    }
    assert run(KegiatanGanda, tmp_path, files) == []


def test_t001_shared_kegiatan(tmp_path: Path) -> None:
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", [("1.02.02.2.01", []), ("1.02.03.2.01", [])]),
        "opd/rsud.yaml": opd("rsud", "1.02", [("1.02.02.2.01", []), ("1.02.03.2.01", [])]),
    }
    assert len(run(KegiatanGanda, tmp_path, files)) == 2
    # probis.yaml settings; a program code covers its kegiatan.
    pemda = PEMDA + "pengaturan:\n  lint:\n    kegiatan_bersama: [1.02.02]\n"
    hits = run(KegiatanGanda, tmp_path, files, pemda=pemda)
    assert [args(h)["kode"] for h in hits] == ["1.02.03.2.01"]
    # The rule's own option adds to the settings.
    assert run(KegiatanGanda, tmp_path, files, pemda=pemda, bersama=["1.02.03.2.01"]) == []


def test_t001_split_by_sub_kegiatan(tmp_path: Path) -> None:
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", [("1.02.02.2.01", ["1.02.02.2.01.0001", "1.02.02.2.01.0002"])]),
        "opd/rsud.yaml": opd("rsud", "1.02", [("1.02.02.2.01", ["1.02.02.2.01.0003"])]),
    }
    assert run(KegiatanGanda, tmp_path, files) == []
    hits = run(KegiatanGanda, tmp_path, files, sub_berbeda_boleh=False)
    assert [h.message.id for h in hits] == ["lint.T001.kegiatan"]

    files["opd/rsud.yaml"] = opd("rsud", "1.02", [("1.02.02.2.01", ["1.02.02.2.01.0002", "1.02.02.2.01.0003"])])
    hits = run(KegiatanGanda, tmp_path, files)
    assert [(h.message.id, args(h)["kode"], h.location.path) for h in hits] == [
        ("lint.T001.sub_kegiatan", "1.02.02.2.01.0002", "opd/rsud.yaml")
    ]


def test_t001_kegiatan_without_subs_on_one_side(tmp_path: Path) -> None:
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", [("1.02.02.2.01", ["1.02.02.2.01.0001"])]),
        "opd/rsud.yaml": opd("rsud", "1.02", [("1.02.02.2.01", [])]),
    }
    assert [h.message.id for h in run(KegiatanGanda, tmp_path, files)] == ["lint.T001.kegiatan"]


# -- T004 urusan-tidak-diampu ---------------------------------------------------------------


def test_t004_renstra(tmp_path: Path) -> None:
    files = {
        "opd/dinkes.yaml": opd(
            "dinkes", "1.02", [("1.02.01.2.01", []), ("1.02.02.2.01", []), ("1.06.01.2.01", []), ("2.12.02.2.01", [])]
        ),
        "opd/diskominfo.yaml": opd("diskominfo", "2.16, 2.20, 2.21", [("2.16.01.2.01", []), ("2.20.02.2.01", [])]),
        "opd/tanpa.yaml": opd("tanpa", "", [("1.03.02.2.01", [])]),  # no urusan declared: not checked
    }
    hits = run(UrusanTidakDiampu, tmp_path, files)
    assert [(args(h)["kode"], args(h)["bidang"], args(h)["opd"]) for h in hits] == [
        ("1.06.01.2.01", "1.06", "DINKES"),  # program penunjang under someone else's urusan
        ("2.12.02.2.01", "2.12", "DINKES"),
    ]
    pemda = PEMDA + "pengaturan:\n  lint:\n    kegiatan_bersama: [2.12.02.2.01]\n"
    assert len(run(UrusanTidakDiampu, tmp_path, files, pemda=pemda)) == 1


def test_t004_process_links(tmp_path: Path) -> None:
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", [("1.02.02.2.01", [])], units="[{kode: bid-p2p, nama: Bidang P2P}]"),
        "opd/disdukcapil.yaml": opd("disdukcapil", "2.12", [("2.12.02.2.01", ["2.12.02.2.01.0001"])]),
        "proses/PB.01.yaml": proses("PB.01", "dinkes/bid-p2p", kegiatan="1.02.02.2.01, 2.12.02.2.01.0001"),
        "proses/PB.02.yaml": proses("PB.02", "disdukcapil", kegiatan="2.12.02.2.01"),
    }
    hits = run(UrusanTidakDiampu, tmp_path, files)
    assert [h.message.id for h in hits] == ["lint.T004.proses"]
    assert args(hits[0]) == {
        "proses": "PB.01",
        "kode": "2.12.02.2.01.0001",
        "bidang": "2.12",
        "pemilik": "DINKES",
        "urusan": "1.02",
    }
    assert hits[0].location.path == "proses/PB.01.yaml"


def test_t004_process_link_claimed_by_owner_reported_once(tmp_path: Path) -> None:
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", [("2.12.02.2.01", [])]),
        "proses/PB.01.yaml": proses("PB.01", "dinkes", kegiatan="2.12.02.2.01"),
    }
    hits = run(UrusanTidakDiampu, tmp_path, files)
    assert [(h.message.id, h.location.path) for h in hits] == [("lint.T004.kegiatan", "opd/dinkes.yaml")]


# -- T005 pemilik-ganda ---------------------------------------------------------------------


def test_t005(tmp_path: Path) -> None:
    units = "[{kode: bid-a, nama: Bidang A}, {kode: bid-b, nama: Bidang B}]"
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", units=units),
        "opd/rsud.yaml": opd("rsud", "1.02"),
        "proses/PB.01.yaml": proses("PB.01", "[dinkes, rsud]"),
        "proses/PB.02.yaml": proses("PB.02", "[dinkes/bid-a, dinkes/bid-b]"),
        "proses/PB.03.yaml": proses("PB.03", "dinkes/bid-a"),
        "proses/PB.04.yaml": proses("PB.04", "[dinkes/bid-a, dinkes/bid-a]"),
    }
    hits = run(PemilikGanda, tmp_path, files)
    assert [(args(h)["proses"], args(h)["pemilik"], args(h)["jumlah"]) for h in hits] == [
        ("PB.01", "dinkes, rsud", 2),
        ("PB.02", "dinkes/bid-a, dinkes/bid-b", 2),
    ]
    assert hits[0].location.column == 19  # at the second owner: "pemilik: [dinkes, rsud]"


# -- T006 unit-sop-berbeda ------------------------------------------------------------------

UNITS = (
    "[{kode: bid-p2p, nama: Bidang P2P}, {kode: seksi-imun, nama: Seksi Imunisasi, induk: bid-p2p},"
    " {kode: bid-yankes, nama: Bidang Pelayanan Kesehatan}]"
)


def sop(kode: str, proses_kode: str, unit: str) -> str:
    """A minimal SOP document."""
    return (
        f"probis: 1\njenis: sop\nkode: {kode}\nnama: SOP {kode}\nproses: {proses_kode}\nunit: {unit}\n"
        "pelaksana: [{kode: p, nama: Petugas}]\n"
        "langkah: [{no: 1, kegiatan: Mulai, pelaksana: p, simbol: mulai}, {no: 2, kegiatan: Selesai, pelaksana: p, simbol: selesai}]\n"
    )


@pytest.mark.parametrize(
    ("pemilik", "unit", "fires"),
    [
        ("dinkes/bid-p2p", "dinkes/bid-p2p", False),
        ("dinkes/bid-p2p", "dinkes/seksi-imun", False),  # a unit below the owning unit
        ("dinkes", "dinkes/bid-yankes", False),  # process owned by the OPD as a whole
        ("dinkes/bid-p2p", "dinkes", False),  # SOP of the OPD as a whole, same OPD
        ("dinkes/seksi-imun", "dinkes/bid-p2p", True),  # the parent unit is not below the owner
        ("dinkes/bid-p2p", "dinkes/bid-yankes", True),  # a sibling unit
        ("dinkes/bid-p2p", "disdukcapil", True),  # another OPD
        ("[disdukcapil, dinkes/bid-p2p]", "dinkes/seksi-imun", False),  # within one of the owners
    ],
)
def test_t006(tmp_path: Path, pemilik: str, unit: str, fires: bool) -> None:
    files = {
        "opd/dinkes.yaml": opd("dinkes", "1.02", units=UNITS),
        "opd/disdukcapil.yaml": opd("disdukcapil", "2.12"),
        "proses/PB.01.yaml": proses("PB.01", pemilik),
        "sop/SOP-001.yaml": sop("SOP-001", "PB.01", unit),
    }
    hits = run(UnitSopBerbeda, tmp_path, files)
    assert bool(hits) == fires
    if fires:
        assert hits[0].location.path == "sop/SOP-001.yaml"
        assert [r.path for r in hits[0].related] == ["proses/PB.01.yaml"]
        assert args(hits[0])["unit"] == unit


# -- T002 keluaran-ganda / T003 proses-mirip -----------------------------------------------

OPD3 = {
    "opd/disdukcapil.yaml": opd("disdukcapil", "2.12", [("2.12.01.2.01", [])], units="[{kode: bid-dafduk, nama: Dafduk}]"),
    "opd/kec-a.yaml": opd("kec-a", "7.01", [("7.01.01.2.01", [])]),
    "opd/kec-b.yaml": opd("kec-b", "7.01"),
    "opd/bkpsdm.yaml": opd("bkpsdm", "5.03"),
    "opd/setda.yaml": opd("setda", "4.01", units="[{kode: bag-organisasi, nama: Bagian Organisasi}]"),
    "opd/dinkes.yaml": opd("dinkes", "1.02", [("1.02.01.2.01", [])]),
    "opd/dpmptsp.yaml": opd("dpmptsp", "2.18"),
}


def test_t002_same_keluaran(tmp_path: Path) -> None:
    files = {
        **OPD3,
        "proses/PB.01.yaml": proses("PB.01", "disdukcapil/bid-dafduk", keluaran="KTP Elektronik"),
        "proses/PB.02.yaml": proses("PB.02", "kec-a", keluaran="ktp-el"),
        "proses/PB.03.yaml": proses("PB.03", "kec-b", keluaran="KTP  el."),
        "proses/PB.04.yaml": proses("PB.04", "disdukcapil", keluaran="KTP-el"),  # same OPD as PB.01
    }
    hits = run(tt.KeluaranGanda, tmp_path, files)
    assert [(args(h)["proses"], args(h)["lain"], h.message.id) for h in hits] == [
        ("PB.02", "PB.01", "lint.T002.hit"),
        # Two Kecamatan issuing the same thing, each for its own area, do not overlap each
        # other; both overlap Disdukcapil.
        ("PB.03", "PB.01", "lint.T002.hit"),
        ("PB.04", "PB.02", "lint.T002.hit_banyak"),
    ]
    assert args(hits[2])["tambahan"] == 1
    assert [r.path for r in hits[2].related] == ["proses/PB.02.yaml", "proses/PB.03.yaml"]
    assert hits[0].location.line == 7  # the keluaran's nama


def test_t002_not_flagged(tmp_path: Path) -> None:
    files = {
        **OPD3,
        # Generic outputs.
        "proses/PB.01.yaml": proses("PB.01", "kec-a", keluaran="Laporan"),
        "proses/PB.02.yaml": proses("PB.02", "kec-b", keluaran="Surat Keputusan"),
        "proses/PB.03.yaml": proses("PB.03", "dinkes", keluaran="laporan"),
        "proses/PB.04.yaml": proses("PB.04", "dpmptsp", keluaran="Surat keputusan"),
        # A child refines its parent (here: across OPD) and may repeat its output.
        "proses/PB.05.yaml": proses("PB.05", "setda/bag-organisasi", keluaran="Peta Proses Bisnis"),
        "proses/PB.05.01.yaml": proses("PB.05.01", "bkpsdm", induk="PB.05", keluaran="Peta proses bisnis"),
        # Program penunjang: every OPD writes its Renja.
        "proses/PB.06.yaml": proses("PB.06", "kec-a", kegiatan="7.01.01.2.01", keluaran="Dokumen Renja"),
        "proses/PB.07.yaml": proses("PB.07", "dinkes", kegiatan="1.02.01.2.01", keluaran="Dokumen Renja"),
    }
    assert run(tt.KeluaranGanda, tmp_path, files) == []
    hits = run(tt.KeluaranGanda, tmp_path, files, abaikan=[], abaikan_penunjang=False)
    assert [args(h)["proses"] for h in hits] == ["PB.03", "PB.04", "PB.07"]


def test_t002_penunjang_against_central_opd(tmp_path: Path) -> None:
    # An OPD's own administration mirrors the OPD running it for the whole Pemda (BKPSDM).
    files = {
        **OPD3,
        "proses/PB.01.yaml": proses("PB.01", "kec-a", kegiatan="7.01.01.2.01", keluaran="Rekap Daftar Hadir Pegawai"),
        "proses/PB.02.yaml": proses("PB.02", "bkpsdm", keluaran="Rekap daftar hadir pegawai"),
    }
    assert run(tt.KeluaranGanda, tmp_path, files) == []
    hits = run(tt.KeluaranGanda, tmp_path, files, abaikan_penunjang=False)
    assert [(args(h)["proses"], args(h)["lain"]) for h in hits] == [("PB.02", "PB.01")]


def test_t002_penunjang_keluaran_naming_an_opd(tmp_path: Path) -> None:
    # "Laporan Keuangan OPD DINKES" names the Dinkes (singkatan): it is the Dinkes's, even from
    # a penunjang process; the Kecamatan producing it is reported although its code comes first.
    files = {
        **OPD3,
        "proses/A.01.yaml": proses("A.01", "kec-a", kegiatan="7.01.01.2.01", keluaran="Laporan Keuangan OPD DINKES"),
        "proses/B.01.yaml": proses("B.01", "dinkes", kegiatan="1.02.01.2.01", keluaran="Laporan keuangan OPD Dinkes"),
        "proses/C.01.yaml": proses("C.01", "kec-a", kegiatan="7.01.01.2.01", keluaran="Laporan Keuangan Semesteran"),
        "proses/D.01.yaml": proses("D.01", "dinkes", kegiatan="1.02.01.2.01", keluaran="Laporan Keuangan Semesteran"),
    }
    hits = run(tt.KeluaranGanda, tmp_path, files)
    assert [(args(h)["proses"], args(h)["lain"]) for h in hits] == [("A.01", "B.01")]


def test_shared_kegiatan_instances_not_compared(tmp_path: Path) -> None:
    # Two UPTD, instances of one template, run the shared kegiatan for their own areas; one
    # of them has not linked its process yet (its OPD's Renstra decides).
    pemda = PEMDA + "pengaturan:\n  lint:\n    kegiatan_bersama: [2.07.03.2.02]\n"
    files = {
        "opd/blk-1.yaml": opd("blk-1", "2.07", [("2.07.03.2.02", [])]),
        "opd/blk-2.yaml": opd("blk-2", "2.07", [("2.07.03.2.02", [])]),
        "proses/BLK1.01.yaml": proses("BLK1.01", "blk-1", nama="Pelatihan Kejuruan Tata Boga", kegiatan="2.07.03.2.02",
                                      keluaran="Peserta pelatihan tata boga bersertifikat"),
        "proses/BLK2.01.yaml": proses("BLK2.01", "blk-2", nama="Pelatihan Kejuruan Tata Boga",
                                      keluaran="Peserta pelatihan tata boga bersertifikat"),
    }  # fmt: skip
    assert run(tt.ProsesMirip, tmp_path, files, pemda=pemda) == []
    assert run(tt.KeluaranGanda, tmp_path, files, pemda=pemda) == []
    assert len(run(tt.ProsesMirip, tmp_path, files)) == 0  # T002 has the pair without the setting
    assert len(run(tt.KeluaranGanda, tmp_path, files)) == 1


def similar(tmp_path: Path, a: tuple[str, str], b: tuple[str, str], **options: Any) -> list[Hit]:
    """T003 on two processes (owner, name)."""
    files = {**OPD3, "proses/PB.01.yaml": proses("PB.01", a[0], nama=a[1]), "proses/PB.02.yaml": proses("PB.02", b[0], nama=b[1])}
    return run(tt.ProsesMirip, tmp_path, files, **options)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("disdukcapil", "Penerbitan KTP Elektronik"), ("kec-a", "Pelayanan Penerbitan KTP-el")),
        (("bkpsdm", "Analisis Jabatan"), ("setda/bag-organisasi", "Penyusunan Analisis Jabatan")),
        (("disdukcapil", "Penerbitan Akta Kelahiran"), ("kec-a", "Pelayanan Akta Kelahiran")),
        (("disdukcapil", "Pendataan Penduduk Miskin"), ("kec-a", "Verifikasi dan Validasi Data Penduduk Miskin")),
    ],
)
def test_t003_fires(tmp_path: Path, a: tuple[str, str], b: tuple[str, str]) -> None:
    hits = similar(tmp_path, a, b)
    assert len(hits) == 1
    assert (hits[0].location.path, hits[0].message.id) == ("proses/PB.02.yaml", "lint.T003.nama")
    assert args(hits[0])["lain"] == "PB.01" and args(hits[0])["nama_lain"] == a[1]
    assert [r.path for r in hits[0].related] == ["proses/PB.01.yaml"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("dinkes", "Pelayanan Imunisasi"), ("dpmptsp", "Pelayanan Perizinan")),
        (("dinkes", "Penyusunan Standar Pelayanan"), ("dpmptsp", "Penyusunan SOP")),  # only an action in common
        (("disdukcapil", "Perekaman KTP-el"), ("kec-a", "Penerbitan KTP-el")),
        (("dinkes", "Penyusunan Laporan Keuangan"), ("bkpsdm", "Penyusunan Laporan Kinerja")),
        (("disdukcapil", "Penerbitan KTP Elektronik"), ("disdukcapil/bid-dafduk", "Penerbitan KTP-el")),  # same OPD
    ],
)
def test_t003_does_not_fire(tmp_path: Path, a: tuple[str, str], b: tuple[str, str]) -> None:
    assert similar(tmp_path, a, b) == []


def test_t003_threshold_and_words(tmp_path: Path) -> None:
    pair = (("bkpsdm", "Analisis Jabatan"), ("setda/bag-organisasi", "Penyusunan Analisis Jabatan"))
    assert similar(tmp_path, *pair, ambang=0.7, cakupan=False) == []
    assert len(similar(tmp_path, *pair, ambang=0.6)) == 1
    # With `cakupan`, a name lying wholly inside the other is reported above the threshold too.
    (hit,) = similar(tmp_path, *pair, ambang=0.7, cakupan=True)
    assert hit.message.id == "lint.T003.cakupan"
    longer = (("bkpsdm", "Analisis Jabatan"), ("setda/bag-organisasi", "Penyusunan Analisis Jabatan dan Analisis Beban Kerja"))
    assert similar(tmp_path, *longer) == []  # 0.4: below the default threshold
    assert [h.message.id for h in similar(tmp_path, *longer, cakupan=True)] == ["lint.T003.cakupan"]
    # One meaningful word is too little to call it the same work.
    assert similar(tmp_path, ("dinkes", "Pelayanan Perizinan"), ("dpmptsp", "Penerbitan Perizinan Berusaha"), cakupan=True) == []
    assert similar(tmp_path, *pair, abaikan_kata=["jabatan"]) == []  # only "analisis" left: 1/2
    kk = (("disdukcapil", "Penerbitan Kartu Keluarga"), ("kec-a", "Penerbitan KK"))
    # KK is in the built-in glossary; the option adds entries or switches one off.
    assert len(similar(tmp_path, *kk)) == 1
    assert similar(tmp_path, *kk, singkatan={"kk": ""}) == []
    kia = (("disdukcapil", "Penerbitan Kartu Identitas Anak"), ("kec-a", "Penerbitan KIA"))
    assert len(similar(tmp_path, *kia)) == 1  # KIA beside "penerbitan": the card, not kesehatan ibu dan anak
    sppt = (("disdukcapil", "Penerbitan Surat Pemberitahuan Pajak Terutang Daerah"), ("kec-a", "Penerbitan SPPTD"))
    assert similar(tmp_path, *sppt) == []
    assert len(similar(tmp_path, *sppt, singkatan={"spptd": "surat pemberitahuan pajak terutang daerah"})) == 1


def test_t003_one_finding_per_process(tmp_path: Path) -> None:
    files = {
        **OPD3,
        "proses/PB.01.yaml": proses("PB.01", "disdukcapil", nama="Penerbitan Akta Kelahiran"),
        "proses/PB.02.yaml": proses("PB.02", "kec-a", nama="Pelayanan Akta Kelahiran"),
        "proses/PB.03.yaml": proses("PB.03", "kec-b", nama="Penerbitan Akta Kelahiran"),
        "proses/PB.04.yaml": proses("PB.04", "dinkes", nama="Pelayanan Imunisasi"),
    }
    hits = run(tt.ProsesMirip, tmp_path, files)
    assert [(args(h)["proses"], args(h)["lain"], args(h)["persen"], h.message.id) for h in hits] == [
        ("PB.02", "PB.01", 67, "lint.T003.nama"),
        ("PB.03", "PB.01", 100, "lint.T003.nama"),  # not PB.02: two Kecamatan, each for its area
    ]
    assert [r.path for r in hits[1].related] == ["proses/PB.01.yaml"]


def test_t003_skips_family_t002_pairs_and_penunjang(tmp_path: Path) -> None:
    files = {
        **OPD3,
        # Parent and child across OPD.
        "proses/PB.01.yaml": proses("PB.01", "setda/bag-organisasi", nama="Penyusunan Peta Proses Bisnis"),
        "proses/PB.01.01.yaml": proses("PB.01.01", "bkpsdm", nama="Penyusunan Peta Proses Bisnis OPD", induk="PB.01"),
        # Already reported by T002 (same keluaran).
        "proses/PB.02.yaml": proses("PB.02", "disdukcapil", nama="Penerbitan Akta Kelahiran", keluaran="Akta Kelahiran"),
        "proses/PB.03.yaml": proses("PB.03", "kec-a", nama="Pelayanan Akta Kelahiran", keluaran="Akta kelahiran"),
        # Program penunjang.
        "proses/PB.04.yaml": proses("PB.04", "kec-a", nama="Penyusunan Renja", kegiatan="7.01.01.2.01"),
        "proses/PB.05.yaml": proses("PB.05", "dinkes", nama="Penyusunan Renja", kegiatan="1.02.01.2.01"),
    }
    assert run(tt.ProsesMirip, tmp_path, files) == []
    hits = run(tt.ProsesMirip, tmp_path, files, abaikan_penunjang=False)
    assert [args(h)["proses"] for h in hits] == ["PB.05"]
    # Only the lowest level: the parent PB.01 is out, the rest unchanged.
    assert run(tt.ProsesMirip, tmp_path, files, hanya_daun=True) == []


def test_t003_keluaran(tmp_path: Path) -> None:
    files = {
        **OPD3,
        "proses/PB.01.yaml": proses("PB.01", "bkpsdm", nama="Pengembangan Kelembagaan", keluaran="Dokumen Peta Jabatan dan Analisis Beban Kerja"),
        "proses/PB.02.yaml": proses("PB.02", "setda", nama="Penataan Organisasi", keluaran="Peta jabatan dan analisis beban kerja"),
        "proses/PB.03.yaml": proses("PB.03", "dinkes", nama="Pelayanan Imunisasi", keluaran="Laporan Imunisasi"),
        "proses/PB.04.yaml": proses("PB.04", "kec-a", nama="Pelayanan Pengaduan", keluaran="Laporan Pengaduan"),
    }
    hits = run(tt.ProsesMirip, tmp_path, files)
    assert [(args(h)["proses"], args(h)["lain"], h.message.id) for h in hits] == [("PB.02", "PB.01", "lint.T003.keluaran")]
    assert args(hits[0])["keluaran_lain"] == "Dokumen Peta Jabatan dan Analisis Beban Kerja"
    assert args(hits[0])["persen"] == 83
    assert hits[0].location.line == 7
    assert run(tt.ProsesMirip, tmp_path, files, bandingkan_keluaran=False) == []
    assert run(tt.ProsesMirip, tmp_path, files, ambang_keluaran=0.9) == []


def test_options_from_probis_yaml(tmp_path: Path) -> None:
    # Through the engine: rule options under pengaturan.lint.aturan.<KODE>.opsi.
    pemda = PEMDA + (
        "pengaturan:\n  lint:\n    aturan:\n"
        "      T003: {opsi: {ambang: 0.7, cakupan: false, singkatan: {kk: kartu keluarga}}}\n"
        "      T001: {tingkat: peringatan, opsi: {bersama: [1.02.03]}}\n"
    )
    files = {
        **OPD3,
        "opd/rsud.yaml": opd("rsud", "1.02", [("1.02.03.2.01", []), ("1.02.04.2.01", [])]),
        "opd/dinkes.yaml": opd("dinkes", "1.02", [("1.02.03.2.01", []), ("1.02.04.2.01", [])]),
        "proses/PB.01.yaml": proses("PB.01", "bkpsdm", nama="Analisis Jabatan"),
        "proses/PB.02.yaml": proses("PB.02", "setda/bag-organisasi", nama="Penyusunan Analisis Jabatan"),
        "proses/PB.03.yaml": proses("PB.03", "disdukcapil", nama="Penerbitan Kartu Keluarga"),
        "proses/PB.04.yaml": proses("PB.04", "kec-a", nama="Penerbitan KK"),
    }
    load(tmp_path, files, pemda=pemda)
    result = api.check(api.load(tmp_path, use_cache=False), api.CheckOptions(select=("T001", "T003")))
    found = [(f.code, f.severity.label, f.location.path) for f in result.findings]
    assert found == [
        ("T001", "peringatan", "opd/rsud.yaml"),
        ("T003", "peringatan", "proses/PB.04.yaml"),
    ]
    assert "Penerbitan Kartu Keluarga" in result.findings[1].text("id")


def test_singkatan_option_keys_are_single_words() -> None:
    from pydantic import ValidationError

    assert ProsesMiripOptions(singkatan={"SPPTD": "surat pemberitahuan pajak terutang daerah"}).singkatan
    with pytest.raises(ValidationError):
        ProsesMiripOptions(singkatan={"KTP-el": "kartu tanda penduduk elektronik"})
    with pytest.raises(ValidationError):
        KeluaranGandaOptions(singkatan={"kartu keluarga": "kk"})
