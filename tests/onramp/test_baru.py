"""``probis baru``: next free code in the repository's conventions, right folder, links filled,
and the result validates (no errors)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from probis_cli import api
from probis_cli.findings import Severity
from probis_cli.scaffold.baru import next_code
from tests.cli.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "examples" / "kota-contoh"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "kota"
    shutil.copytree(CONTOH, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


def _load(path: Path) -> dict[str, object]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _errors(repo: Path) -> list[str]:
    result = api.check(api.load(repo))
    return [f"{f.location} {f.code}" for f in result.findings if f.severity >= Severity.ERROR]


def test_next_code() -> None:
    assert next_code(["PB.01", "PB.02", "PB.10"], "PB.", width=2) == "PB.11"
    assert next_code([], "PB.", width=2) == "PB.01"
    assert next_code(["SOP-X-001", "SOP-X-004", "SOP-Y-009"], "SOP-X-", width=3) == "SOP-X-005"
    assert next_code(["A.7"], "A.", width=1) == "A.8"
    assert next_code(["PB.02.01.0003"], "PB.02.01.", width=2) == "PB.02.01.0004"


def test_child_process_under_its_parent(cli: Callable[..., Run], repo: Path) -> None:
    run = cli(
        "baru",
        "proses",
        "--pemilik",
        "dinkes/bid-p2p",
        "--induk",
        "PB.02.01",
        "--nama",
        "Pelayanan Imunisasi Lanjutan",
        "-C",
        str(repo),
    )
    assert run.exit_code == 0, run.stdout + run.stderr
    path = repo / "proses" / "dinkes" / "PB.02.01.02.yaml"
    data = _load(path)
    assert (data["kode"], data["induk"], data["pemilik"], data["kategori"]) == (
        "PB.02.01.02",
        "PB.02.01",
        "dinkes/bid-p2p",
        "inti",
    )
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schemas/proses.schema.json\n"
    )
    assert _errors(repo) == []
    assert "K006" in run.stdout  # the report of the new file: it has no SOP yet


def test_level_one_process_follows_the_repository_pattern(cli: Callable[..., Run], repo: Path) -> None:
    run = cli("baru", "proses", "--pemilik", "dinkes", "--nama", "Pengelolaan Data Kesehatan", "-C", str(repo))
    assert run.exit_code == 0
    assert (repo / "proses" / "dinkes" / "PB.12.yaml").is_file()
    # An OPD whose processes are numbered PB.DINKES.NN keeps that scheme.
    for path in sorted((repo / "proses" / "dinkes").glob("PB.*.yaml")):
        path.unlink()
    for path in sorted((repo / "sop" / "dinkes").glob("*.yaml")):
        path.unlink()
    (repo / "proses" / "dinkes" / "PB.DINKES.07.yaml").write_text(
        "probis: 1\njenis: proses\nkode: PB.DINKES.07\nnama: X\nkategori: inti\npemilik: dinkes\n", encoding="utf-8"
    )
    run = cli("baru", "proses", "--pemilik", "dinkes/bid-yankes", "--nama", "Y", "-C", str(repo), "--dry-run")
    assert run.exit_code == 0
    assert "+++ b/proses/dinkes/PB.DINKES.08.yaml" in run.stdout
    assert not (repo / "proses" / "dinkes" / "PB.DINKES.08.yaml").exists()


def test_sop_from_the_cross_functional_map_and_linked(cli: Callable[..., Run], repo: Path) -> None:
    process = repo / "proses" / "dinkes" / "PB.02.01.01.yaml"
    run = cli("baru", "sop", "--proses", "PB.02.01.01", "--nama", "Imunisasi Kejar", "-C", str(repo))
    assert run.exit_code == 0, run.stdout + run.stderr
    sop = _load(repo / "sop" / "dinkes" / "SOP-DINKES-005.yaml")
    assert sop["proses"] == "PB.02.01.01" and sop["unit"] == "dinkes/bid-p2p" and sop["nama"] == "Imunisasi Kejar"
    aktivitas = _load(process)["aktivitas"]
    assert isinstance(aktivitas, list)
    steps = sop["langkah"]
    assert isinstance(steps, list) and [s["kegiatan"] for s in steps] == [a["nama"] for a in aktivitas]
    assert steps[0]["simbol"] == "mulai" and steps[-1]["simbol"] == "selesai"
    assert _load(process)["sop"] == ["SOP-DINKES-001", "SOP-DINKES-005"]
    assert _errors(repo) == []


def test_new_opd_then_process_then_sop(cli: Callable[..., Run], repo: Path) -> None:
    assert (
        cli(
            "baru",
            "opd",
            "dinsos",
            "--nama",
            "Dinas Sosial",
            "--singkatan",
            "Dinsos",
            "--urusan",
            "1.06",
            "-C",
            str(repo),
        ).exit_code
        == 0
    )
    opd = _load(repo / "opd" / "dinsos.yaml")
    assert (opd["bentuk"], opd["urusan"]) == ("dinas", [1.06])  # YAML 1.2 reads 1.06 as a number; probis keeps the text
    assert cli("baru", "proses", "--pemilik", "dinsos", "--nama", "Rehabilitasi Sosial", "-C", str(repo)).exit_code == 0
    assert (repo / "proses" / "dinsos" / "PB.12.yaml").is_file()
    run = cli("baru", "sop", "--proses", "PB.12", "-C", str(repo))
    assert run.exit_code == 0
    assert (repo / "sop" / "dinsos" / "SOP-DINSOS-001.yaml").is_file()
    assert _errors(repo) == []


def test_kegiatan_and_sub_kegiatan(cli: Callable[..., Run], repo: Path) -> None:
    run = cli(
        "baru",
        "kegiatan",
        "--opd",
        "dinkes",
        "--induk",
        "1.02.02.2.01",
        "--nama",
        "Pengadaan Alat Kesehatan",
        "-C",
        str(repo),
    )
    assert run.exit_code == 0, run.stderr
    text = (repo / "opd" / "dinkes.yaml").read_text(encoding="utf-8")
    assert "{kode: 1.02.02.2.01.0027, nama: Pengadaan Alat Kesehatan}" in text
    run = cli("baru", "kegiatan", "--opd", "dinkes", "--induk", "1.02.02", "--nama", "Kegiatan Baru", "-C", str(repo))
    assert run.exit_code == 0
    assert "  - kode: 1.02.02.2.04\n    nama: Kegiatan Baru\n" in (repo / "opd" / "dinkes.yaml").read_text(
        encoding="utf-8"
    )
    run = cli("baru", "kegiatan", "1.02.02.2.04.0001", "--opd", "dinkes", "--nama", "Sub", "-C", str(repo))
    assert run.exit_code == 0
    assert _errors(repo) == []


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("proses", "--pemilik", "dinas-x", "--nama", "X"), "bukan OPD"),
        (("proses", "--pemilik", "dinkes", "--induk", "PB.99", "--nama", "X"), "PB.99 tidak ada"),
        (("proses", "--pemilik", "dinkes", "--kode", "PB.02", "--nama", "X"), "sudah ada"),
        (("sop", "--proses", "PB.99"), "tidak ada"),
        (("opd", "dinkes", "--nama", "Dinas Kesehatan"), "sudah ada"),
        (("opd", "dinsos", "--nama", "Dinas Sosial", "--urusan", "106"), "X.XX"),
        (("kegiatan", "1.06.02.2.01.0001", "--opd", "dinkes", "--nama", "X"), "buat dulu"),
        (("kegiatan", "--opd", "dinkes", "--nama", "X"), "--induk"),
    ],
)
def test_refusals(cli: Callable[..., Run], repo: Path, args: tuple[str, ...], needle: str) -> None:
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    run = cli("baru", *args, "-C", str(repo))
    assert run.exit_code == 2, run.stdout + run.stderr
    assert needle in run.stderr
    assert {p: p.read_bytes() for p in repo.rglob("*.yaml")} == before


def test_in_a_fresh_init_repository(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "kab-baru"
    assert cli("init", str(target), "--tanpa-tanya").exit_code == 0
    assert (
        cli(
            "baru",
            "proses",
            "--pemilik",
            "setda/bagian-organisasi",
            "--nama",
            "Penyusunan SOP",
            "--kegiatan",
            "4.01.02.2.03.0001",
            "-C",
            str(target),
        ).exit_code
        == 0
    )
    path = target / "proses" / "setda" / "PB.02.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schemas/proses.schema.json\n"
    )
    assert _errors(target) == []
