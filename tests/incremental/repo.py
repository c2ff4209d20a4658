"""A small repository whose documents are drawn from a few choices, and edits to it.

The choices are picked so that random edits make the cross-file findings come and go:
duplicate codes, broken references, parents and cycles, overlapping outputs and names,
kegiatan claimed twice, SOPs linked both ways, files that fail to parse or to validate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

PEMDA = """\
probis: 1
jenis: pemda
nama: Pemerintah Kota Contoh
tingkat: kota
periode: 2025-2029
pihak_luar:
  - {kode: masyarakat, nama: Masyarakat}
"""

RPJMD = """\
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

KEGIATAN = ["1.02.02.2.01", "1.02.02.2.02", "1.03.01.2.01"]
OPD_CODES = ["dinkes", "dinsos", "dinkes"]
PROSES_CODES = ["PB.01", "PB.01.01", "PB.01.02", "PB.02", "PB.02.01"]
PARENTS = [None, "PB.01", "PB.02", "PB.01.01", "PB.09"]
OWNERS = ["dinkes/bid-p2p", "dinsos", "dinkes", "entah"]
NAMES = ["Pelayanan Imunisasi", "Pelayanan Imunisasi Dasar", "Penyaluran Bantuan Sosial", "Pengelolaan Data"]
OUTPUTS = ["Anak terimunisasi lengkap", "Data penerima bantuan", "Laporan bulanan"]
SOP_CODES = ["SOP-001", "SOP-002", "SOP-003", "SOP-004"]
CATEGORIES = ["inti", "pendukung", "salah"]
WAKTU = ["5 menit", "sebentar", "10 menit"]


@dataclass(frozen=True)
class Opd:
    kode: str
    kegiatan: tuple[str, ...]
    unit: str

    def text(self) -> str:
        kegiatan = "".join(f"  - {{kode: {k}, nama: Kegiatan {k}}}\n" for k in self.kegiatan)
        return (
            f"probis: 1\njenis: opd\nkode: {self.kode}\nnama: Dinas {self.kode}\nurusan: [1.02]\n"
            f"unit:\n  - {{kode: {self.unit}, nama: Bidang {self.unit}}}\n"
            + (f"kegiatan:\n{kegiatan}" if kegiatan else "")
        )


@dataclass(frozen=True)
class Proses:
    kode: str
    induk: str | None
    pemilik: str
    kegiatan: tuple[str, ...]
    nama: str
    keluaran: str
    sop: tuple[str, ...]
    kategori: str
    masukan: str | None

    def text(self) -> str:
        lines = [
            "probis: 1",
            "jenis: proses",
            f"kode: {self.kode}",
            f"nama: {self.nama}",
            f"kategori: {self.kategori}",
            f"pemilik: {self.pemilik}",
        ]
        if self.induk is not None:
            lines.append(f"induk: {self.induk}")
        if self.kegiatan:
            lines.append(f"kegiatan: [{', '.join(self.kegiatan)}]")
        if self.masukan is not None:
            lines.append(f"masukan:\n  - {{nama: {self.masukan}, dari: masyarakat}}")
        lines.append(f"keluaran:\n  - {{nama: {self.keluaran}, untuk: masyarakat}}")
        if self.sop:
            lines.append(f"sop: [{', '.join(self.sop)}]")
        lines.append(
            "aktivitas:\n  - {kode: A1, nama: Menerima, pelaksana: dinkes}\n"
            "  - {kode: A2, nama: Memeriksa, pelaksana: dinkes}"
        )
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Sop:
    kode: str
    proses: str | None
    unit: str
    waktu: str
    selesai: bool

    def text(self) -> str:
        proses = f"proses: {self.proses}\n" if self.proses else ""
        last = "selesai" if self.selesai else "proses"
        return (
            f"probis: 1\njenis: sop\nkode: {self.kode}\nnama: Prosedur {self.kode}\n{proses}unit: {self.unit}\n"
            f"nomor: 800/{self.kode[-3:]}/SOP/2026\ntanggal_pembuatan: 10 Januari 2026\n"
            "tanggal_efektif: 1 Februari 2026\n"
            'disahkan_oleh: {jabatan: Kepala Dinas, nama: dr. Siti, nip: "197801012005012001"}\n'
            "dasar_hukum: [Peraturan Menteri Kesehatan Nomor 12 Tahun 2017]\n"
            "kualifikasi_pelaksana: [Tenaga kesehatan]\nperalatan: [Vaksin]\npencatatan: [Register]\n"
            "pelaksana:\n  - {kode: petugas, nama: Petugas}\n  - {kode: kasi, nama: Kepala Seksi}\n"
            "langkah:\n"
            f"  - {{no: 1, kegiatan: Menerima, pelaksana: petugas, simbol: mulai, "
            f"mutu_baku: {{waktu: {self.waktu}, output: Berkas diterima}}}}\n"
            f"  - {{no: 2, kegiatan: Menyelesaikan, pelaksana: petugas, simbol: {last}, "
            "mutu_baku: {waktu: 10 menit, output: Selesai}}\n"
        )


opds = st.builds(
    Opd,
    kode=st.sampled_from(OPD_CODES),
    kegiatan=st.lists(st.sampled_from(KEGIATAN), max_size=2, unique=True).map(tuple),
    unit=st.sampled_from(["bid-p2p", "bid-lain"]),
)
processes = st.builds(
    Proses,
    kode=st.sampled_from(PROSES_CODES),
    induk=st.sampled_from(PARENTS),
    pemilik=st.sampled_from(OWNERS),
    kegiatan=st.lists(st.sampled_from([*KEGIATAN, "9.99.99.2.99"]), max_size=2, unique=True).map(tuple),
    nama=st.sampled_from(NAMES),
    keluaran=st.sampled_from(OUTPUTS),
    sop=st.lists(st.sampled_from(SOP_CODES), max_size=2, unique=True).map(tuple),
    kategori=st.sampled_from(CATEGORIES),
    masukan=st.sampled_from([None, *OUTPUTS, "Permohonan warga"]),
)
sops = st.builds(
    Sop,
    kode=st.sampled_from(SOP_CODES),
    proses=st.sampled_from([None, *PROSES_CODES[:3], "PB.09"]),
    unit=st.sampled_from(["dinkes/bid-p2p", "dinsos", "dinkes/bid-lain"]),
    waktu=st.sampled_from(WAKTU),
    selesai=st.booleans(),
)

BROKEN_YAML = "probis: 1\njenis: proses\nkode: [PB.01\n"
SUPPRESSED = "# probis: abaikan-berkas[K004, T003]\n"


@dataclass(frozen=True)
class Edit:
    """Write ``text`` to ``path`` (None: delete the file)."""

    path: str
    text: str | None


def _slot(folder: str, n: int) -> st.SearchStrategy[str]:
    return st.integers(0, n - 1).map(lambda i: f"{folder}/f{i}.yaml")


def _texts(
    documents: st.SearchStrategy[Opd] | st.SearchStrategy[Proses] | st.SearchStrategy[Sop],
) -> st.SearchStrategy[str]:
    return st.one_of(
        documents.map(lambda d: d.text()),
        documents.map(lambda d: SUPPRESSED + d.text()),
        st.just(BROKEN_YAML),
    )


edits = st.one_of(
    st.builds(Edit, _slot("opd", 3), _texts(opds)),
    st.builds(Edit, _slot("proses", 5), _texts(processes)),
    st.builds(Edit, _slot("sop", 4), _texts(sops)),
    st.builds(Edit, st.one_of(_slot("opd", 3), _slot("proses", 5), _slot("sop", 4)), st.none()),
    st.builds(Edit, st.just("rpjmd.yaml"), st.sampled_from([RPJMD, RPJMD.replace("S1.1]", "S9.9]"), None])),
)


def write_base(root: Path) -> None:
    """The starting repository: a Pemda, its RPJMD, two OPD, three processes and two SOPs."""
    files = {
        "probis.yaml": PEMDA,
        "rpjmd.yaml": RPJMD,
        "opd/f0.yaml": Opd("dinkes", ("1.02.02.2.02",), "bid-p2p").text(),
        "opd/f1.yaml": Opd("dinsos", ("1.02.02.2.01",), "bid-lain").text(),
        "proses/f0.yaml": Proses(
            "PB.01", None, "dinkes/bid-p2p", ("1.02.02.2.02", "9.99.99.2.99"), NAMES[0], OUTPUTS[0], (), "inti", None
        ).text(),
        "proses/f1.yaml": Proses(
            "PB.01.01", "PB.01", "dinkes", (), NAMES[1], OUTPUTS[0], ("SOP-001",), "inti", OUTPUTS[1]
        ).text(),
        "proses/f2.yaml": Proses(
            "PB.02", None, "dinsos", ("1.02.02.2.01",), NAMES[2], OUTPUTS[1], (), "pendukung", None
        ).text(),
        "sop/f0.yaml": Sop("SOP-001", "PB.01.01", "dinkes/bid-p2p", "5 menit", True).text(),
        "sop/f1.yaml": Sop("SOP-002", None, "dinsos", "sebentar", False).text(),
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def apply(root: Path, edit: Edit) -> Path:
    """Make ``edit`` on disk; the path it touched."""
    path = root / edit.path
    if edit.text is None:
        path.unlink(missing_ok=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(edit.text, encoding="utf-8")
    return path
