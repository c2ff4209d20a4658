"""``probis ganti-kode``: a code and every reference renamed, files moved, nothing else touched."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli import api
from tests.cli.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "examples" / "kota-contoh"
BERMASALAH = ROOT / "examples" / "kota-bermasalah"


def _copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


def _texts(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted(repo.rglob("*.yaml"))}


def _findings(repo: Path) -> list[tuple[str, str, int | None, str]]:
    result = api.check(api.load(repo))
    return [(f.code, f.location.path, f.location.line, f.message.text("en")) for f in result.findings]


def test_opd_rename_keeps_the_same_findings_moved(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = _copy(BERMASALAH, tmp_path)
    before = _findings(repo)
    assert len(before) > 20
    run = cli("ganti-kode", "dinkes", "dinas-kesehatan", "--repo", str(repo))
    assert run.exit_code == 0, run.stderr
    assert f"{len(before)} sebelum, {len(before)} sesudah" in run.stderr
    after = _findings(repo)

    def moved(path: str) -> str:
        return re.sub(r"(^|/)dinkes(/|\.yaml$)", r"\1dinas-kesehatan\2", path)

    expected = Counter(
        (code, moved(path), line, re.sub(r"\bdinkes\b", "dinas-kesehatan", msg)) for code, path, line, msg in before
    )
    assert Counter(after) == expected
    assert not (repo / "opd" / "dinkes.yaml").exists() and (repo / "opd" / "dinas-kesehatan.yaml").is_file()
    assert not (repo / "proses" / "dinkes").exists() and (repo / "proses" / "dinas-kesehatan").is_dir()


@pytest.mark.parametrize(
    ("old", "new", "gone", "moved_to"),
    [
        ("dinkes", "dinas-kesehatan", r"(?<![\w-])dinkes(?=[/\s,\]]|$)", "opd/dinas-kesehatan.yaml"),
        ("PB.02", "PB.12", r"PB\.02\b", "proses/dinkes/PB.12.01.01.yaml"),
        ("SOP-DINKES-001", "SOP-DINKES-101", r"SOP-DINKES-001\b", "sop/dinkes/SOP-DINKES-101.yaml"),
        ("1.02.02.2.02", "1.02.02.2.05", r"1\.02\.02\.2\.02\b", None),
        ("dinkes/bid-p2p", "bid-pencegahan", r"dinkes/bid-p2p\b|kode: bid-p2p\b", None),
        ("setda/kabag-organisasi", "setda/kepala-bagian-organisasi", r"setda/kabag-organisasi\b", None),
        ("SOP-DINKES-001:kapus", "kepala-puskesmas", None, None),
        ("kemenkes", "kementerian-kesehatan", r"(?<![\w-])kemenkes(?![\w-])", None),
    ],
)
def test_every_kind_renames_cleanly(
    cli: Callable[..., Run], tmp_path: Path, old: str, new: str, gone: str | None, moved_to: str | None
) -> None:
    repo = _copy(CONTOH, tmp_path)
    before = _texts(repo)
    run = cli("ganti-kode", old, new, "-C", str(repo))
    assert run.exit_code == 0, run.stderr
    assert _findings(repo) == []
    after = _texts(repo)
    assert after != before
    if gone is not None:
        for path, data in after.items():
            for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
                if re.search(gone, line.split("#", 1)[0]):
                    # only free text may still name it, and each such line is pointed out
                    assert f"{path}:{number}: teks bebas" in run.stderr, (path, line)
    if moved_to is not None:
        assert moved_to in after
    # Nothing but the codes changed: every changed line still has the same words around them.
    for path, data in after.items():
        original = before.get(path)
        if original is None:
            continue
        old_lines, new_lines = original.decode().splitlines(), data.decode().splitlines()
        assert len(old_lines) == len(new_lines), path
        for a, b in zip(old_lines, new_lines):
            if a != b:
                assert new.rpartition("/")[2].rpartition(":")[2] in b, (path, a, b)


def test_process_children_follow(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = _copy(CONTOH, tmp_path)
    run = cli("ganti-kode", "PB.02", "PB.12", "-C", str(repo), "--lang", "en")
    assert run.exit_code == 0
    assert "PB.02.01 → PB.12.01" in run.stderr
    names = {p.name for p in (repo / "proses" / "dinkes").iterdir()}
    assert {"PB.12.yaml", "PB.12.01.yaml", "PB.12.01.01.yaml", "PB.11.yaml"} <= names
    sop = (repo / "sop" / "dinkes" / "SOP-DINKES-001.yaml").read_text(encoding="utf-8")
    assert "proses: PB.12.01.01\n" in sop


def test_dry_run_shows_a_diff_and_writes_nothing(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = _copy(CONTOH, tmp_path)
    before = _texts(repo)
    run = cli("ganti-kode", "SOP-DINKES-001", "SOP-DINKES-101", "-C", str(repo), "--dry-run")
    assert run.exit_code == 0
    assert "rename from sop/dinkes/SOP-DINKES-001.yaml" in run.stdout
    assert "-sop: [SOP-DINKES-001]" in run.stdout and "+sop: [SOP-DINKES-101]" in run.stdout
    assert "belum ditulis" in run.stderr
    assert _texts(repo) == before


def test_bom_crlf_and_comments_kept(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = _copy(CONTOH, tmp_path)
    path = repo / "sop" / "dinkes" / "SOP-DINKES-002.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    run = cli("ganti-kode", "dinkes", "dinas-kesehatan", "-C", str(repo))
    assert run.exit_code == 0, run.stderr
    data = (repo / "sop" / "dinas-kesehatan" / "SOP-DINKES-002.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == text.count("\n")
    assert data.decode("utf-8-sig").replace("\r\n", "\n") == text.replace("dinkes/", "dinas-kesehatan/")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("tidak-ada", "x"), "tidak ditemukan"),
        (("dinkes", "disdik"), "sudah ada"),
        (("dinkes", "dinas kesehatan"), "tidak berbentuk"),
        (("1.02.02.2.02", "1.2.3"), "tidak berbentuk"),
        (("dinkes", "dinkes"), "sama dengan"),
        (("dinkes", "x", "--jenis", "sop"), "bukan kode sop"),
        (("dinkes/bid-p2p", "disdik/bid-p2p"), "OPD yang sama"),
    ],
)
def test_refusals(cli: Callable[..., Run], tmp_path: Path, args: tuple[str, ...], needle: str) -> None:
    repo = _copy(CONTOH, tmp_path)
    before = _texts(repo)
    run = cli("ganti-kode", *args, "-C", str(repo))
    assert run.exit_code == 2
    assert needle in run.stderr
    assert _texts(repo) == before


def test_ambiguous_code_asks_for_jenis(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = _copy(CONTOH, tmp_path)
    probis = repo / "probis.yaml"
    probis.write_text(
        probis.read_text(encoding="utf-8").replace(
            "  - kode: masyarakat\n", "  - kode: disdik\n    nama: Tamu\n  - kode: masyarakat\n"
        ),
        encoding="utf-8",
    )
    run = cli("ganti-kode", "disdik", "dinas-pendidikan", "-C", str(repo))
    assert run.exit_code == 2 and "--jenis" in run.stderr
    run = cli("ganti-kode", "disdik", "dinas-pendidikan", "-C", str(repo), "--jenis", "opd")
    assert run.exit_code == 0, run.stderr
    assert "kode: disdik\n" in probis.read_text(encoding="utf-8")  # the pihak luar entry is another code


def test_alias_is_refused_not_mangled(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = _copy(CONTOH, tmp_path)
    path = repo / "proses" / "disdik" / "PB.03.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("pemilik: disdik\n", "pemilik: &pemilik disdik\n")
    text = text.replace(
        "    untuk: [calon-murid, satuan-pendidikan]\n", "    untuk: [calon-murid, satuan-pendidikan, *pemilik]\n"
    )
    path.write_text(text, encoding="utf-8")
    assert _findings(repo) == []
    before = _texts(repo)
    run = cli("ganti-kode", "disdik", "dinas-pendidikan", "-C", str(repo))
    assert run.exit_code == 2
    assert "proses/disdik/PB.03.yaml" in run.stderr and "alias" in run.stderr
    assert _texts(repo) == before
