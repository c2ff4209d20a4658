"""``probis validate`` through the CLI: exit codes, formats, languages, output file."""

from __future__ import annotations

import json
import os
import shutil
import stat
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.badinput.conftest import BASE
from tests.cli.conftest import Run


@pytest.fixture
def good(tmp_path: Path) -> Path:
    for rel, text in BASE.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def bad(good: Path) -> Path:
    (good / "proses/PB.02.yaml").write_text(
        "probis: 1\njenis: proses\nkode: PB.02\nnama: Rapat\nkategori: inti\npemilik: dinkes/bid-p2x\nkegiatan: [1.02.02.2.01]\n",
        encoding="utf-8",
    )
    return good


def test_clean_repository_exits_0(cli: Callable[..., Run], good: Path) -> None:
    run = cli("validate", str(good), "--no-lint")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "Tidak ada temuan" in run.stdout


def test_findings_exit_1_with_location_and_source_line(cli: Callable[..., Run], bad: Path) -> None:
    run = cli("validate", str(bad), "--no-lint")
    assert run.exit_code == 1
    assert "proses/PB.02.yaml:6:10" in run.stdout
    assert "S008" in run.stdout and "Maksud Anda 'dinkes/bid-p2p'?" in run.stdout
    assert "pemilik: dinkes/bid-p2x" in run.stdout


def test_english_by_flag_and_by_environment(cli: Callable[..., Run], bad: Path) -> None:
    by_flag = cli("validate", str(bad), "--no-lint", "--lang", "en")
    by_env = cli("validate", str(bad), "--no-lint", env={"PROBIS_LANG": "en"})
    for run in (by_flag, by_env):
        assert "Did you mean 'dinkes/bid-p2p'?" in run.stdout
        assert "1 error, 0 warnings" in run.stdout


def test_fail_on_threshold(cli: Callable[..., Run], good: Path) -> None:
    (good / "proses/kosong.yaml").write_text("", encoding="utf-8")  # a peringatan
    assert cli("validate", str(good), "--no-lint").exit_code == 0
    assert cli("validate", str(good), "--no-lint", "--fail-on", "peringatan").exit_code == 1
    assert cli("validate", str(good), "--no-lint", "--fail-on", "warning").exit_code == 1


def test_select_and_ignore(cli: Callable[..., Run], bad: Path) -> None:
    assert cli("validate", str(bad), "--no-lint", "--ignore", "S008").exit_code == 0
    assert cli("validate", str(bad), "--no-lint", "--ignore", "rujukan-tidak-ditemukan").exit_code == 0
    assert cli("validate", str(bad), "--no-lint", "--select", "Y").exit_code == 0
    assert cli("validate", str(bad), "--no-lint", "--select", "S,Y").exit_code == 1


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_machine_formats_to_file(
    cli: Callable[..., Run], bad: Path, tmp_path_factory: pytest.TempPathFactory, fmt: str
) -> None:
    out = tmp_path_factory.mktemp("out") / f"hasil.{fmt}"
    run = cli("validate", str(bad), "--no-lint", "--format", fmt, "--output", str(out))
    assert run.exit_code == 1
    text = out.read_text(encoding="utf-8")
    if fmt in ("json", "sarif"):
        data = json.loads(text)
        assert "S008" in json.dumps(data)
    elif fmt == "junit":
        assert ET.fromstring(text).find(".//failure") is not None
    else:
        assert text.startswith("::error file=proses/PB.02.yaml,line=6,col=10,")


def test_single_file_scope_reads_the_whole_repository(cli: Callable[..., Run], bad: Path) -> None:
    # Checking one file still resolves its references against the others.
    assert cli("validate", str(bad / "proses/PB.01.yaml"), "--no-lint").exit_code == 0
    assert cli("validate", str(bad / "proses/PB.02.yaml"), "--no-lint").exit_code == 1


def test_usage_errors_exit_2(cli: Callable[..., Run], good: Path) -> None:
    assert cli("validate", str(good / "tidak-ada")).exit_code == 2
    assert cli("validate", str(good), "--format", "xml").exit_code == 2
    assert cli("validate", str(good), "--fail-on", "parah").exit_code == 2
    assert cli("validate", "--tidak-ada-opsi").exit_code == 2


def test_bad_input_never_shows_a_traceback(cli: Callable[..., Run], good: Path) -> None:
    (good / "a.yaml").write_bytes(b"\xff\xfe\x00")
    (good / "b.yaml").write_text("a: [\n", encoding="utf-8")
    (good / "c.yaml").write_text("- 1\n", encoding="utf-8")
    run = cli("validate", str(good), "--no-lint")
    assert run.exception is None
    assert run.exit_code == 1
    assert "Traceback" not in run.stdout + run.stderr
    for code in ("Y001", "Y002", "Y007"):
        assert code in run.stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("id", ["Penggunaan:", "Memeriksa setiap dokumen", "Opsi", "bawaan"]),
        ("en", ["Usage:", "Check every document", "Options", "default"]),
    ],
)
def test_help_in_both_languages(cli: Callable[..., Run], lang: str, words: list[str]) -> None:
    run = cli("validate", "--help", "--lang", lang)
    assert run.exit_code == 0
    for word in words:
        assert word in run.stdout


def test_parse_cache_is_created_and_reused(cli: Callable[..., Run], bad: Path) -> None:
    first = cli("validate", str(bad), "--no-lint")
    assert (bad / ".probis-cache").is_dir()
    assert (bad / ".probis-cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    second = cli("validate", str(bad), "--no-lint")
    assert first.stdout == second.stdout
    shutil.rmtree(bad / ".probis-cache")
    assert cli("validate", str(bad), "--no-lint", "--no-cache").stdout == first.stdout
    assert not (bad / ".probis-cache").exists()


def test_a_crashing_rule_exits_2_but_still_reports(
    cli: Callable[..., Run], good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from probis_cli.lint.registry import ALL_RULES

    def boom(self: object, index: object, options: object) -> list[object]:
        raise RuntimeError("rule bug")

    monkeypatch.setattr(ALL_RULES[0], "check", boom)
    run = cli("validate", str(good))
    assert run.exit_code == 2
    assert "P000" in run.stdout


def test_inline_suppression_applies_without_lint(cli: Callable[..., Run], bad: Path) -> None:
    path = bad / "proses/PB.02.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "pemilik: dinkes/bid-p2x", "pemilik: dinkes/bid-p2x  # probis: abaikan[S008] unit baru, SOTK 2026"
        ),
        encoding="utf-8",
    )
    assert cli("validate", str(bad), "--no-lint").exit_code == 0


def test_a_subfolder_finds_the_repository_above(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.cli.conftest import EXAMPLE

    whole = cli("validate", str(EXAMPLE))
    monkeypatch.chdir(EXAMPLE / "proses")
    run = cli("validate")  # '.' is a subfolder: the root is found upwards, like git
    assert run.exit_code == 0 and "Tidak ada temuan" in run.stdout
    assert run.stdout == whole.stdout


def test_no_repository_exits_2_with_a_clear_message(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("validate")
    assert run.exit_code == 2 and run.exception is None
    assert f"tidak ada probis.yaml di {tmp_path.resolve()}" in run.stderr
    assert "berkas diperiksa" not in run.stdout


def test_output_naming_a_folder_exits_2(
    cli: Callable[..., Run], good: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("laporan")
    run = cli("validate", str(good), "-o", str(folder))
    assert run.exit_code == 2 and run.exception is None
    assert "--output menunjuk sebuah folder" in run.stderr
    en = cli("validate", str(good), "-o", str(folder), "--lang", "en")
    assert "--output names a folder" in en.stderr
    assert "internal" not in (run.stderr + en.stderr).lower()


def test_unwritable_output_exits_2(
    cli: Callable[..., Run], good: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    a_file = tmp_path_factory.mktemp("keluar") / "berkas"
    a_file.write_text("x", encoding="utf-8")
    run = cli("validate", str(good), "-o", str(a_file / "laporan.json"), "--format", "json", "--lang", "en")
    assert run.exit_code == 2 and run.exception is None
    assert "The report cannot be written to" in run.stderr and "internal" not in run.stderr.lower()


def test_output_to_a_device_writes_into_it(cli: Callable[..., Run], good: Path) -> None:
    run = cli("validate", str(good), "--no-lint", "-o", os.devnull)  # benchmarks do this
    assert run.exit_code == 0 and run.exception is None
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_report_file_respects_the_umask(
    cli: Callable[..., Run], good: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("r") / "laporan.txt"
    old = os.umask(0o022)
    try:
        assert cli("validate", str(good), "--no-lint", "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
