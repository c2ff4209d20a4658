"""Names: jabatan prefixes, staff titles, people, places, roman numerals, months."""

from __future__ import annotations

HEAD_PREFIX = (("bid-", "kabid-"), ("bag-", "kabag-"), ("seksi-", "kasi-"), ("subbag-", "kasubbag-"),
               ("subbid-", "kasubbid-"), ("irban-", "irbanwil-"), ("kel-", "lurah-"))  # fmt: skip
STAF_TITLES = ("Penata Layanan Operasional", "Pengadministrasi Perkantoran", "Operator Layanan Operasional",
               "Pengolah Data dan Informasi", "Analis Kebijakan Ahli Pertama", "Penelaah Teknis Kebijakan")  # fmt: skip

NAMA_DEPAN = ("Agus", "Budi", "Dewi", "Siti", "Rina", "Hendra", "Yusuf", "Ahmad", "Sri", "Wahyu", "Nur", "Eko", "Dwi",
              "Tri", "Bambang", "Joko", "Rudi", "Andi", "Lestari", "Ratna", "Indah", "Fajar", "Rizky", "Yuliana",
              "Hartono", "Suryani", "Dedi", "Iwan", "Nining", "Heru", "Teguh", "Rahmat", "Ikhsan", "Fitri", "Wulan",
              "Arif", "Imam", "Maya", "Ani", "Yanti", "Syamsul", "Mulyadi", "Erna", "Hasanah", "Zulkifli")  # fmt: skip
NAMA_BELAKANG = ("Santoso", "Wibowo", "Hidayat", "Lestari", "Kurniawan", "Saputra", "Pratama", "Setiawan", "Nugroho",
                 "Susanti", "Wijaya", "Rahayu", "Purnomo", "Hakim", "Siregar", "Nasution", "Harahap", "Simanjuntak",
                 "Lubis", "Sinaga", "Tanjung", "Syahputra", "Hasibuan", "Ramadhan", "Handayani", "Permana", "Gunawan",
                 "Firmansyah", "Maharani", "Utami", "Prasetyo", "Rachman")  # fmt: skip
GELAR = (", S.H., M.H.", ", S.E., M.M.", ", S.Sos., M.Si.", ", S.T., M.T.", ", S.Kom., M.Kom.", ", S.STP., M.Si.",
         ", S.Pd., M.Pd.", ", S.IP., M.A.P.", ", S.E., M.Ak.", ", M.Si.")  # fmt: skip

PLACE_PRE = ("Suka", "Mekar", "Sindang", "Karang", "Tanjung", "Batu", "Sumber", "Muara", "Talang", "Pasir", "Bukit",
             "Teluk", "Sungai", "Padang", "Lubuk", "Rawa", "Cipta", "Jati", "Bojong", "Pondok", "Taman", "Kebon",
             "Gunung", "Tegal", "Wono", "Sido", "Marga", "Harja", "Sari", "Banjar")  # fmt: skip
PLACE_SPACED = frozenset({"Tanjung", "Batu", "Muara", "Talang", "Pasir", "Bukit", "Teluk", "Sungai", "Padang",
                          "Lubuk", "Pondok", "Taman", "Kebon", "Gunung", "Tegal"})  # fmt: skip
PLACE_SUF = ("jaya", "maju", "sari", "mulya", "rejo", "harjo", "makmur", "indah", "baru", "raya", "asri", "agung",
             "mekar", "jati", "kencana", "wangi", "tengah", "timur", "barat", "utara", "selatan", "permai", "mukti")  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
         "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX")  # fmt: skip
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
