"""A git repository built commit by commit from examples/kota-contoh: the review scenario.

The probis data sits in a subfolder (``pemda/``) of the git work tree, as it does for many
Pemda, so paths relative to the git top differ from paths relative to the repository root.

Commits (fixed author, dates and config: the commit ids are the same on every machine):

0. the example, with one defect: a keluaran of PB.02.01.01 has no recipient (K009);
1. PB.02.01.01 changes owner (dinkes/bid-p2p -> dinkes/bid-yankes);
2. PB.04.01.01 is renamed;
3. SOP-KEC-002 moves to SOP-KEC-003 (kode and file; content unchanged; references follow);
4. a mutu baku time of SOP-DINKES-002 changes (4 jam -> 6 jam): a new total;
5. DPMPTSP claims a kegiatan of Dinkes (a new overlap, T001);
6. the recipient of the keluaran is restored (K009 resolved).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"
DATA = "pemda"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Bagian Organisasi",
    "GIT_AUTHOR_EMAIL": "bagor@kota-contoh.go.id",
    "GIT_COMMITTER_NAME": "Bagian Organisasi",
    "GIT_COMMITTER_EMAIL": "bagor@kota-contoh.go.id",
    # An empty file of ours rather than os.devnull: the test must not depend on the machine.
    "GIT_CONFIG_GLOBAL": str(Path(__file__).with_name("empty.gitconfig")),
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(top: Path, *args: str, when: int = 0) -> str:
    """Run git in ``top`` with a fixed identity and date."""
    env = {**os.environ, **GIT_ENV}
    stamp = f"2026-03-0{when + 1}T08:00:00+07:00"
    env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = stamp
    done = subprocess.run(["git", "-C", str(top), *args], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(top: Path) -> list[str]:
    """Create the repository at ``top``; return the commit ids, oldest first."""
    data = top / DATA
    shutil.copytree(EXAMPLE, data, ignore=shutil.ignore_patterns(".probis-cache", "README.md"))
    (top / ".gitignore").write_text(".probis-cache/\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    commits: list[str] = []

    def commit(message: str) -> None:
        n = len(commits)
        git(top, "add", "-A", when=n)
        git(top, "commit", "-q", "--no-verify", "-m", message, when=n)
        commits.append(git(top, "rev-parse", "HEAD"))

    proses = data / "proses"
    # 0: K009 in the base.
    _edit(proses / "dinkes/PB.02.01.01.yaml", "    untuk: [kemenkes, pemprov]\n", "")
    commit("Peta proses Kota Contoh")
    # 1: owner change.
    _edit(proses / "dinkes/PB.02.01.01.yaml", "pemilik: dinkes/bid-p2p\n", "pemilik: dinkes/bid-yankes\n")
    commit("PB.02.01.01 dipegang Bidang Pelayanan Kesehatan")
    # 2: renamed process.
    _edit(
        proses / "disdukcapil/PB.04.01.01.yaml",
        "nama: Penerbitan KTP Elektronik\n",
        "nama: Penerbitan dan Penggantian KTP Elektronik\n",
    )
    commit("Nama PB.04.01.01 mengikuti Permendagri")
    # 3: moved SOP (kode and file), references follow.
    sop = data / "sop/kec-sukamaju"
    (sop / "SOP-KEC-002.yaml").rename(sop / "SOP-KEC-003.yaml")
    _edit(sop / "SOP-KEC-003.yaml", "kode: SOP-KEC-002\n", "kode: SOP-KEC-003\n")
    _edit(data / "sop/bappeda/SOP-BAPPEDA-001.yaml", "  - SOP-KEC-002\n", "  - SOP-KEC-003\n")
    _edit(proses / "kec-sukamaju/PB.09.02.01.yaml", "sop: [SOP-KEC-002]", "sop: [SOP-KEC-003]")
    commit("SOP-KEC-002 menjadi SOP-KEC-003")
    # 4: a mutu baku time, hence a new total.
    _edit(data / "sop/dinkes/SOP-DINKES-002.yaml", "      waktu: 4 jam\n", "      waktu: 6 jam\n")
    commit("Waktu tanda tangan rekomendasi menjadi 6 jam")
    # 5: a new overlap: DPMPTSP claims a kegiatan Dinkes already holds.
    _edit(
        data / "opd/dpmptsp.yaml",
        "kegiatan:\n",
        "kegiatan:\n  - kode: 1.02.02.2.02\n"
        "    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota\n",
    )
    commit("DPMPTSP ikut menyediakan layanan kesehatan rujukan")
    # 6: K009 resolved.
    _edit(
        proses / "dinkes/PB.02.01.01.yaml",
        "  - nama: Laporan Cakupan Imunisasi Rutin\n",
        "  - nama: Laporan Cakupan Imunisasi Rutin\n    untuk: [kemenkes, pemprov]\n",
    )
    commit("Laporan cakupan imunisasi dikirim ke Kemenkes dan Pemprov")
    return commits
