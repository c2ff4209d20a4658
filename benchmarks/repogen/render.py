"""Render the generated entities as YAML text, block style with flow lists where a person would use them."""

from __future__ import annotations

from .base import GeneratorBase
from .entities import Opd, Proc, SopDoc
from .programs import PROGRAM_PENUNJANG
from .words import PIHAK_LUAR
from .yamltext import flow_list, flow_map, map_item, q


def render_pemda(g: GeneratorBase) -> str:
    pm = g.pemda
    tingkat = g.scale.tingkat
    out = [
        f"# Repositori peta proses bisnis dan SOP AP {('Pemerintah ' + pm['nama'])}",
        "# Dikelola oleh Bagian Organisasi Sekretariat Daerah",
        "probis: 1",
        "jenis: pemda",
        f"kode: {pm['kode']}",
        f"nama: Pemerintah {pm['nama']}",
        f"tingkat: {tingkat}",
    ]
    if pm["provinsi"]:
        out.append(f"provinsi: {pm['provinsi']}")
    out.append("periode: 2025-2029")
    out.append("pihak_luar:")
    parties = list(PIHAK_LUAR) + [(pm["pihak_pemda"][0], pm["pihak_pemda"][1], None)]
    for kode, nama, ket in parties:
        pairs = [("kode", kode), ("nama", nama)]
        if ket:
            pairs.append(("keterangan", ket))
        map_item(out, "  ", pairs)
    out.append("pengaturan:")
    out.append("  kecualikan: [build/**, arsip/**]")
    if g.bersama_codes:
        out.append("  lint:")
        out.append("    # kegiatan yang dijalankan bersama oleh beberapa perangkat daerah")
        out.append("    kegiatan_bersama:")
        for c in g.bersama_codes:
            out.append(f"      - {c}")
    out.append("  render:")
    out.append("    keluaran: build/probis")
    out.append("    format: [svg]")
    return "\n".join(out) + "\n"


RPJMD_MISI = [
    ("M1", "Mewujudkan sumber daya manusia yang sehat, cerdas, dan berdaya saing",
     ("T1", "Meningkatkan kualitas sumber daya manusia", ("Indeks Pembangunan Manusia", "poin", 74.2, 0.45)),
     [("S1.1", "Meningkatnya derajat kesehatan masyarakat", ("Angka Harapan Hidup", "tahun", 72.1, 0.2)),
      ("S1.2", "Meningkatnya akses dan mutu pendidikan", ("Harapan Lama Sekolah", "tahun", 13.4, 0.1)),
      ("S1.3", "Menurunnya kemiskinan dan meningkatnya perlindungan sosial", ("Persentase penduduk miskin", "persen", 8.9, -0.4))]),
    ("M2", "Mewujudkan perekonomian daerah yang tumbuh inklusif dan berkelanjutan",
     ("T2", "Meningkatkan pertumbuhan ekonomi daerah", ("Laju pertumbuhan ekonomi", "persen", 5.1, 0.1)),
     [("S2.1", "Meningkatnya investasi dan daya saing usaha", ("Nilai realisasi investasi", "miliar rupiah", 1850.0, 150.0)),
      ("S2.2", "Meningkatnya ketahanan pangan dan produktivitas pertanian", ("Skor Pola Pangan Harapan", "poin", 86.5, 1.2)),
      ("S2.3", "Menurunnya tingkat pengangguran terbuka", ("Tingkat pengangguran terbuka", "persen", 6.2, -0.3)),
      ("S2.4", "Meningkatnya kontribusi pariwisata dan ekonomi kreatif", ("Jumlah kunjungan wisatawan", "orang", 1250000.0, 75000.0))]),
    ("M3", "Mewujudkan infrastruktur dan lingkungan hidup yang berkualitas dan berketahanan",
     ("T3", "Meningkatkan kualitas infrastruktur dan lingkungan hidup", ("Indeks Kualitas Lingkungan Hidup", "poin", 68.4, 0.6)),
     [("S3.1", "Meningkatnya kualitas infrastruktur dan konektivitas wilayah", ("Persentase jalan dalam kondisi mantap", "persen", 78.5, 2.5)),
      ("S3.2", "Meningkatnya kualitas lingkungan hidup", ("Persentase sampah terkelola", "persen", 72.0, 3.0)),
      ("S3.3", "Meningkatnya ketangguhan daerah terhadap bencana", ("Indeks Risiko Bencana", "poin", 142.3, -4.0))]),
    ("M4", "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani",
     ("T4", "Meningkatkan kualitas tata kelola pemerintahan", ("Indeks Reformasi Birokrasi", "poin", 68.2, 1.5)),
     [("S4.1", "Meningkatnya akuntabilitas kinerja dan keuangan daerah", ("Nilai SAKIP", "poin", 70.1, 1.2)),
      ("S4.2", "Meningkatnya kualitas pelayanan publik dan pemerintahan digital", ("Indeks SPBE", "poin", 3.1, 0.15)),
      ("S4.3", "Meningkatnya kemandirian fiskal daerah", ("Rasio PAD terhadap pendapatan daerah", "persen", 24.5, 1.0))]),
    ("M5", "Mewujudkan kehidupan masyarakat yang aman, tertib, setara, dan berbudaya",
     ("T5", "Meningkatkan ketenteraman, kesetaraan, dan kualitas kehidupan sosial budaya", ("Indeks Pembangunan Gender", "poin", 92.4, 0.3)),
     [("S5.1", "Meningkatnya ketenteraman dan ketertiban umum", ("Persentase penegakan Perda", "persen", 81.0, 3.0)),
      ("S5.2", "Meningkatnya kesetaraan gender dan perlindungan anak", ("Indeks Pemberdayaan Gender", "poin", 71.6, 0.8)),
      ("S5.3", "Meningkatnya kualitas kepemudaan, olahraga, dan kebudayaan", ("Indeks Pembangunan Pemuda", "poin", 53.2, 0.9))]),
]  # fmt: skip


def _indikator(out: list[str], ind: str, nama: str, satuan: str, awal: float, step: float) -> None:
    def num(x: float) -> str:
        if abs(x) >= 1000:
            return f"{x:.0f}"
        return f"{x:.2f}".rstrip("0").rstrip(".") if "." in f"{x:.2f}" else str(x)

    out.append(f"{ind}- nama: {q(nama)}")
    out.append(f"{ind}  satuan: {q(satuan)}")
    out.append(f"{ind}  kondisi_awal: {num(awal)}")
    targets = ", ".join(f"{2025 + i}: {num(awal + step * (i + 1))}" for i in range(5))
    out.append(f"{ind}  target: {{{targets}}}")


def render_rpjmd(g: GeneratorBase) -> str:
    pm = g.pemda
    out = [
        f"# RPJMD {pm['nama']} 2025-2029",
        "probis: 1",
        "jenis: rpjmd",
        "periode: 2025-2029",
        f"visi: {q(pm['nama'].split(' ', 1)[1] + ' yang Maju, Sejahtera, Berdaya Saing, dan Berkelanjutan')}",
        "misi:",
    ]
    for m, uraian, _, _ in RPJMD_MISI:
        out.append(f"  - kode: {m}")
        out.append(f"    uraian: {q(uraian)}")
    out.append("tujuan:")
    for m, _, (t, uraian, ind), _ in RPJMD_MISI:
        out.append(f"  - kode: {t}")
        out.append(f"    misi: {m}")
        out.append(f"    uraian: {q(uraian)}")
        out.append("    indikator:")
        _indikator(out, "      ", *ind)
    out.append("sasaran:")
    for _, _, (t, _, _), sas in RPJMD_MISI:
        for s, uraian, ind in sas:
            out.append(f"  - kode: {s}")
            out.append(f"    tujuan: {t}")
            out.append(f"    uraian: {q(uraian)}")
            out.append("    indikator:")
            _indikator(out, "      ", *ind)
    out.append("program:")
    for code in sorted(g.programs_used):
        opds = g.programs_used[code]
        if code.endswith(".01"):
            nama = g.fmt(PROGRAM_PENUNJANG)
            sasaran = "S4.1"
        else:
            nama = g.program_name(code)
            sasaran = g.program_sasaran.get(code, "S4.1")
        out.append(f"  - kode: {code}")
        out.append(f"    nama: {q(nama)}")
        out.append(f"    sasaran: [{sasaran}]")
        if len(opds) <= 6:
            out.append(f"    opd: {flow_list(opds)}")
        else:
            out.append("    opd:")
            for x in opds:
                out.append(f"      - {x}")
    return "\n".join(out) + "\n"


def render_opd(g: GeneratorBase, o: Opd) -> str:
    out = [
        f"# Perangkat Daerah: {o.nama}",
        "probis: 1",
        "jenis: opd",
        f"kode: {o.kode}",
        f"nama: {q(o.nama)}",
        f"singkatan: {q(o.singkatan)}",
        f"bentuk: {o.t.bentuk}",
        f"urusan: [{', '.join(o.t.urusan)}]",
        "unit:",
    ]
    for kode, nama, induk in o.units:
        pairs = [("kode", kode), ("nama", nama)]
        if induk:
            pairs.append(("induk", induk))
        map_item(out, "  ", pairs)
    out.append("jabatan:")
    for kode, nama, unit in o.jabatan:
        pairs = [("kode", kode), ("nama", nama)]
        if unit:
            pairs.append(("unit", unit))
        map_item(out, "  ", pairs)
    out.append("kegiatan:")
    for k in o.kegiatan:
        out.append(f"  - kode: {k.kode}")
        out.append(f"    nama: {q(k.nama)}")
        if k.subs:
            out.append("    sub_kegiatan:")
            for sk, sn in k.subs:
                map_item(out, "      ", [("kode", sk), ("nama", sn)])
    return "\n".join(out) + "\n"


def render_proses(p: Proc) -> str:
    o = p.opd
    out = [
        f"# Peta proses bisnis {o.nama} - level {p.level}",
        "probis: 1",
        "jenis: proses",
        f"kode: {p.kode}",
        f"nama: {q(p.nama)}",
        f"kategori: {p.kategori}",
    ]
    if p.induk:
        out.append(f"induk: {p.induk}")
    out.append(f"pemilik: {p.pemilik[0]}" if len(p.pemilik) == 1 else f"pemilik: {flow_list(p.pemilik)}")
    if p.deskripsi:
        out.append(f"deskripsi: {q(p.deskripsi)}")
    if p.kegiatan:
        out.append(f"kegiatan: [{', '.join(p.kegiatan)}]")
    if p.masukan:
        out.append("masukan:")
        for m in p.masukan:
            out.append(f"  - nama: {q(m['nama'])}")
            if m.get("dari"):
                out.append(f"    dari: {m['dari']}")
            if m.get("eksternal"):
                out.append("    eksternal: true")
    if p.keluaran:
        out.append("keluaran:")
        for k in p.keluaran:
            out.append(f"  - nama: {q(k['nama'])}")
            out.append(f"    untuk: {flow_list(k['untuk'])}")
    if p.pelanggan:
        out.append(f"pelanggan: {flow_list(p.pelanggan)}")
    if p.aktivitas:
        out.append("aktivitas:")
        for a in p.aktivitas:
            pairs: list[tuple[str, str | list[str]]] = [
                ("kode", a["kode"]),
                ("nama", a["nama"]),
                ("pelaksana", a["pelaksana"]),
            ]
            if "lanjut" in a:
                pairs.append(("lanjut", a["lanjut"]))
            if "keluaran" in a:
                pairs.append(("keluaran", a["keluaran"]))
            map_item(out, "  ", pairs)
    if p.sop:
        out.append(f"sop: [{', '.join(p.sop)}]")
    return "\n".join(out) + "\n"


def render_sop(s: SopDoc) -> str:
    o = s.opd
    st = s.style
    ind = st["ind"]
    out = [
        f"# SOP AP {o.nama}",
        "probis: 1",
        "jenis: sop",
        f"kode: {s.kode}",
        f"nomor: {s.nomor}",
        f"nama: {q(s.nama)}",
    ]
    if s.proses:
        out.append(f"proses: {s.proses}")
    out.append(f"unit: {s.unit}")
    out.append(f"tanggal_pembuatan: {s.tanggal_pembuatan}")
    if s.tanggal_revisi:
        out.append(f"tanggal_revisi: {s.tanggal_revisi}")
    out.append(f"tanggal_efektif: {s.tanggal_efektif}")
    out.append("disahkan_oleh:")
    out.append(f"  jabatan: {q(o.kepala[1])}")
    out.append(f"  nama: {q(o.pejabat[0])}")
    out.append(f"  nip: {o.pejabat[1]}")

    def block_list(key: str, items: list[str]) -> None:
        out.append(f"{key}:")
        for it in items:
            out.append(f"{ind}- {q(it)}")

    block_list("dasar_hukum", s.dasar_hukum)
    block_list("kualifikasi_pelaksanaan" if st["alias"] else "kualifikasi_pelaksana", s.kualifikasi)
    if s.keterkaitan:
        out.append(f"keterkaitan: {flow_list(s.keterkaitan)}")
    out.append(f"{'peralatan_perlengkapan' if st['alias'] else 'peralatan'}: {flow_list(s.peralatan)}")
    block_list("peringatan", s.peringatan)
    out.append(f"pencatatan: {flow_list(s.pencatatan)}")
    out.append("pelaksana:")
    for kode, nama, jab in s.pelaksana:
        pairs = [("kode", kode), ("nama", nama)]
        if jab:
            pairs.append(("jabatan", jab))
        map_item(out, ind, pairs)
    out.append("langkah:")
    c = ind + "  "
    for step in s.langkah:
        out.append(f"{ind}- no: {step['no']}")
        out.append(f"{c}kegiatan: {q(step['kegiatan'])}")
        out.append(f"{c}pelaksana: {step['pelaksana']}")
        if step["simbol"] != "proses" or not st["omit_proses"]:
            out.append(f"{c}simbol: {step['simbol']}")
        if "ya" in step:
            out.append(f"{c}ya: {step['ya']}")
        if "tidak" in step:
            out.append(f"{c}tidak: {step['tidak']}")
        if "cabang" in step:
            out.append(f"{c}cabang:")
            for label, ke in step["cabang"]:
                out.append(f"{c}  - {{label: {q(label, True)}, ke: {ke}}}")
        if "lanjut" in step:
            out.append(f"{c}lanjut: {step['lanjut']}")
        mb = flow_map([("kelengkapan", flow_list(step["kelengkapan"])), ("waktu", q(step["waktu"], True)),
                       ("output", q(step["output"], True))])  # fmt: skip
        if st["flow_mutu"] and '"' not in mb:
            out.append(f"{c}mutu_baku: {mb}")
        else:
            out.append(f"{c}mutu_baku:")
            out.append(f"{c}  kelengkapan: {flow_list(step['kelengkapan'])}")
            out.append(f"{c}  waktu: {q(step['waktu'])}")
            out.append(f"{c}  output: {q(step['output'])}")
        if "keterangan" in step:
            out.append(f"{c}keterangan: {q(step['keterangan'])}")
    return "\n".join(out) + "\n"
