"""Cases for the overlap rules (lint/rules/tumpang_tindih.py): what must fire and what must not."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest

from probis_cli import api
from probis_cli.index import Index
from probis_cli.lint.base import Hit, Rule
from probis_cli.lint.rules import tumpang_tindih as tt
from probis_cli.lint.rules.tumpang_tindih import KegiatanGanda, PemilikGanda, UnitSopBerbeda, UrusanTidakDiampu

PEMDA = "probis: 1\njenis: pemda\nnama: Pemerintah Kota Uji\ntingkat: kota\nperiode: 2025-2029\n"
RPJMD = "probis: 1\njenis: rpjmd\nperiode: 2025-2029\nvisi: Kota Uji\n"


def opd(kode: str, urusan: str, kegiatan: list[tuple[str, list[str]]] = (), *, units: str = "") -> str:  # type: ignore[assignment]
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


def write_example(text: str, root: Path) -> None:
    """Materialise a ``# file:``-separated example repository."""
    current: str | None = None
    chunks: dict[str, list[str]] = {}
    for line in text.splitlines(keepends=True):
        match = re.match(r"# file: (\S+)\s*$", line)
        if match:
            current = match.group(1)
            chunks[current] = []
        elif current is not None:
            chunks[current].append(line)
    for rel, lines in chunks.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("rule", tt.RULES, ids=lambda r: r.code)
def test_examples(rule: type[Rule], tmp_path: Path) -> None:
    for which in ("bad", "good"):
        root = tmp_path / which
        write_example(getattr(rule, which), root)
        loaded = api.load(root, use_cache=False)
        assert [str(f.location) + " " + f.code for f in loaded.findings] == [], which
        hits = list(rule().check(loaded.index, rule.Options()))
        assert bool(hits) == (which == "bad"), (which, hits)


def test_messages_complete() -> None:
    assert set(tt.MESSAGES["id"]) == set(tt.MESSAGES["en"])
    codes = {r.code for r in tt.RULES}
    for lang in ("id", "en"):
        for key, template in tt.MESSAGES[lang].items():
            assert re.match(r"^lint\.T\d{3}\.", key), key
            assert key.split(".")[1] in codes
            list(string.Formatter().parse(template))  # well-formed


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
        "opd": "kec-a (KEC-A)",
        "lain": "disdukcapil (DISDUKCAPIL), kec-b (KEC-B)",
    }
    # Related: the other claims, the first claim first.
    assert [r.path for r in hits[0].related] == ["opd/disdukcapil.yaml", "opd/kec-b.yaml"]
    assert (hits[0].location.line, hits[0].location.column) == (8, 11)  # the "kode" value


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
        ("1.06.01.2.01", "1.06", "dinkes (DINKES)"),  # program penunjang under someone else's urusan
        ("2.12.02.2.01", "2.12", "dinkes (DINKES)"),
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
        "pemilik": "dinkes (DINKES)",
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
