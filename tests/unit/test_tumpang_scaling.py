"""The linear-time helpers of T002/T003 answer exactly as the straightforward checks did."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from probis_cli import api
from probis_cli.lint.rules.tumpang_tindih import t003_proses_mirip
from probis_cli.lint.rules.tumpang_tindih._common import KeluaranGandaOptions, Processes
from probis_cli.lint.rules.tumpang_tindih._opd_names import OpdNames
from probis_cli.lint.rules.tumpang_tindih.t002_keluaran_ganda import KeluaranGanda
from probis_cli.lint.rules.tumpang_tindih.t003_proses_mirip import ProsesMirip, ProsesMiripOptions
from probis_cli.lint.teks import normalise

from . import _tumpang_oracle as oracle

ROOT = Path(__file__).resolve().parents[2]
_WORDS = ["dinas", "kesehatan", "hewan", "badan", "dpmptsp", "kota", "uptd", "wilayah", "i", "ii", "2", "laporan"]


class _Names(OpdNames):
    def __init__(self, names: list[str]) -> None:  # the matcher without an index
        self.names = {n for n in (normalise(x) for x in names) if len(n) >= 3}
        self.starts = {}
        for name in self.names:
            words = name.split(" ")
            self.starts.setdefault(words[0], set()).add(len(words))


def _regex(names: set[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_phrase = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)


@given(st.lists(_phrase, max_size=6), st.lists(st.sampled_from([*_WORDS, "-", "/", ".", "Dinas"]), max_size=10))
def test_opd_names_found_as_the_regex_found_them(names: list[str], words: list[str]) -> None:
    matcher = _Names(names)
    text = normalise(" ".join(words))
    pattern = _regex(matcher.names)
    assert matcher.found_in(text) == (pattern is not None and pattern.search(text) is not None)


def test_shared_kegiatan_of_each_process_as_by_comparing_every_code() -> None:
    loaded = api.load(ROOT / "examples" / "kota-bermasalah")
    procs = Processes(loaded.index)
    procs.shared = (*procs.shared, "1.02", "1.02.02.2.01", "9.99.99")
    procs.index_shared()
    for kode in sorted(loaded.index.proses):
        codes = loaded.index.effective_kegiatan(kode)
        if not codes:
            continue
        expected = frozenset(
            s for c in codes for s in procs.shared if c == s or c.startswith(s + ".") or s.startswith(c + ".")
        )
        assert procs.bersama(kode) == expected, kode


# --- T002/T003 answer exactly as before the join was made linear --------------------------

# Names of processes and keluaran: a few kinds of work, each written several ways, so that
# random repositories hold many near-duplicates (the UPTD-per-wilayah pattern) and some exact ones.
_NAMA = [
    "Pembinaan Puskesmas Wilayah",
    "Pembinaan Puskesmas Wilayah Kerja",
    "Pembinaan Teknis Puskesmas Wilayah",
    "Pembinaan Puskesmas di Wilayah Binaan",
    "Penerbitan KTP Elektronik",
    "Pelayanan Penerbitan KTP-el",
    "Perekaman Data KTP Elektronik",
    "Penerbitan Izin Apotek",
    "Penerbitan Izin Apotek dan Toko Obat",
    "Analisis Jabatan",
    "Penyusunan Analisis Jabatan dan Analisis Beban Kerja",
    "Penyusunan Renja",
    "Pemeliharaan Rutin Jalan Wilayah I",
    "Pemeliharaan Rutin Jalan Wilayah II",
    "Pemeliharaan Jalan dan Jembatan",
]
_KELUARAN = [
    "Akta Kelahiran",
    "Akta kelahiran",
    "Laporan Pembinaan Puskesmas Wilayah",
    "Laporan Hasil Pembinaan Puskesmas Wilayah Kerja",
    "Izin Apotek",
    "Surat Izin Apotek",
    "Dokumen Renja",
    "Laporan",
    "Laporan Keuangan Dinas Kesehatan",
    "KTP Elektronik",
]
# (kode, urusan, bentuk line, kegiatan it claims); the UPTD are instances of one template.
_OPD = [
    ("dinkes", "1.02", "", ["1.02.02.2.02", "1.02.01.2.01"]),
    ("uptd-a", "1.02", "", ["1.02.02.2.02"]),
    ("uptd-b", "1.02", "", ["1.02.02.2.02", "1.02.02.2.01"]),
    ("uptd-c", "1.02", "", []),
    ("kec-a", "7.01", "bentuk: kecamatan\n", []),
    ("kec-b", "7.01", "", []),
    ("disdukcapil", "2.12", "", ["2.12.02.2.01"]),
]
_KEGIATAN = ["1.02.02.2.02", "1.02.02.2.01", "1.02.01.2.01", "2.12.02.2.01", "1.02.01.2.02"]
_BERSAMA = ["1.02.02.2.02", "1.02.02", "1.02", "7.01", "2.12.02.2.01"]

_proses = st.tuples(
    st.sampled_from(_NAMA),
    st.lists(st.sampled_from([o[0] for o in _OPD]), min_size=1, max_size=2, unique=True),
    st.lists(st.sampled_from(_KEGIATAN), max_size=2, unique=True),
    st.lists(st.sampled_from(_KELUARAN), max_size=2),
    st.integers(min_value=-1, max_value=20),  # parent: an earlier process by position, or none
)


def _repository(procs: list[tuple[str, list[str], list[str], list[str], int]], bersama: list[str]) -> dict[str, str]:
    files = {
        "probis.yaml": "probis: 1\njenis: pemda\nnama: Pemerintah Kota Uji\ntingkat: kota\nperiode: 2025-2029\n"
        "pihak_luar: [{kode: masyarakat, nama: Masyarakat}]\n"
        f"pengaturan:\n  lint:\n    kegiatan_bersama: [{', '.join(bersama)}]\n",
        "rpjmd.yaml": "probis: 1\njenis: rpjmd\nperiode: 2025-2029\nvisi: Kota Uji\n",
    }
    for kode, urusan, bentuk, kegiatan in _OPD:
        body = f"probis: 1\njenis: opd\nkode: {kode}\nnama: OPD {kode}\nsingkatan: {kode.upper()}\n{bentuk}"
        body += f"urusan: [{urusan}]\n"
        if kegiatan:
            body += "kegiatan:\n" + "".join(f"  - {{kode: {k}, nama: Kegiatan {k}}}\n" for k in kegiatan)
        files[f"opd/{kode}.yaml"] = body
    codes: list[str] = []
    for n, (nama, pemilik, kegiatan, keluaran, parent) in enumerate(procs):
        induk = codes[parent] if 0 <= parent < len(codes) else None
        kode = f"{induk}.{n:02d}" if induk else f"P{n:02d}"
        codes.append(kode)
        body = (
            f"probis: 1\njenis: proses\nkode: {kode}\nnama: {nama}\nkategori: inti\npemilik: [{', '.join(pemilik)}]\n"
        )
        if induk:
            body += f"induk: {induk}\n"
        if kegiatan:
            body += f"kegiatan: [{', '.join(kegiatan)}]\n"
        if keluaran:
            body += "keluaran:\n" + "".join(f"  - {{nama: '{k}', untuk: masyarakat}}\n" for k in keluaran)
        files[f"proses/{kode}.yaml"] = body
    return files


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_proses, min_size=2, max_size=18),
    st.lists(st.sampled_from(_BERSAMA), max_size=3, unique=True),
    st.sampled_from([0.3, 0.5, 0.6, 0.75, 1.0]),
    st.sampled_from([0.5, 0.8, 1.0]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_t002_t003_find_exactly_what_the_old_implementation_found(
    procs: list[tuple[str, list[str], list[str], list[str], int]],
    bersama: list[str],
    ambang: float,
    ambang_keluaran: float,
    cakupan: bool,
    hanya_daun: bool,
    abaikan_penunjang: bool,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for path, text in _repository(procs, bersama).items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        index = api.load(root, use_cache=False).index
    t002 = KeluaranGandaOptions(abaikan_penunjang=abaikan_penunjang)
    t003 = ProsesMiripOptions(
        ambang=ambang,
        ambang_keluaran=ambang_keluaran,
        cakupan=cakupan,
        hanya_daun=hanya_daun,
        abaikan_penunjang=abaikan_penunjang,
    )
    new = (list(KeluaranGanda().check(index, t002)), list(ProsesMirip().check(index, t003)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(t003_proses_mirip, "NearDuplicateIndex", oracle.NearDuplicateIndex)
        patch.setattr(Processes, "bersama", oracle.bersama)
        old = (list(KeluaranGanda().check(index, t002)), list(ProsesMirip().check(index, t003)))
    assert new == old


def test_the_oracle_repositories_hold_findings_of_both_rules() -> None:
    """The generator above is not vacuous: a repository of it gives T002 and T003 findings."""
    procs = [
        ("Pembinaan Puskesmas Wilayah", ["dinkes"], ["1.02.02.2.01"], ["Akta Kelahiran"], -1),
        ("Pembinaan Puskesmas Wilayah Kerja", ["uptd-a"], ["1.02.02.2.02"], [], -1),
        ("Pembinaan Teknis Puskesmas Wilayah", ["uptd-b"], ["1.02.02.2.02"], ["Akta kelahiran"], -1),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for path, text in _repository(procs, ["1.02.02.2.02"]).items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        index = api.load(root, use_cache=False).index
    assert [h.message.id for h in KeluaranGanda().check(index, KeluaranGandaOptions())] == ["lint.T002.hit"]
    found = [(h.message.id, dict(h.message.args)["proses"]) for h in ProsesMirip().check(index, ProsesMiripOptions())]
    # The two UPTD run the shared kegiatan: each is like the Dinkes process, never like each
    # other; P02's pair with P00 is T002's (the same keluaran), so T003 reports P01 only.
    assert found == [("lint.T003.nama", "P01")]
