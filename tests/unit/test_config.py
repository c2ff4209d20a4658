"""Linter configuration in probis.yaml: severities, options, pilih/abaikan, per-file ignores, P003."""

from __future__ import annotations

from pathlib import Path

import pytest

from probis_cli import api
from probis_cli.findings import Result, Severity
from probis_cli.lint.config import read_config
from probis_cli.lint.rules import keterkaitan as kt
from tests.rules.conftest import swap, write_repo

BAD = kt.KegiatanTanpaProses.bad  # exactly one K005 (peringatan) in opd/dinkes.yaml
ANCHOR = "  - {kode: masyarakat, nama: Masyarakat}\n"


def configured(text: str, lint_yaml: str) -> str:
    """``text`` with ``pengaturan.lint`` set to ``lint_yaml`` (indented 4 spaces)."""
    return swap(text, ANCHOR, ANCHOR + "pengaturan:\n  lint:\n" + lint_yaml)


def run(tmp_path: Path, text: str) -> Result:
    root = write_repo(text, tmp_path)
    return api.check(api.load(root, use_cache=False))


def summary(result: Result) -> list[tuple[str, str]]:
    return sorted((f.code, f.severity.label) for f in result.findings)


def test_defaults_without_settings(tmp_path: Path) -> None:
    assert summary(run(tmp_path, BAD)) == [("K005", "peringatan")]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("    aturan:\n      K005: {tingkat: error}\n", [("K005", "error")]),
        ("    aturan:\n      K005: {tingkat: info}\n", [("K005", "info")]),
        ("    aturan:\n      K005: {tingkat: warning}\n", [("K005", "peringatan")]),
        ("    aturan:\n      kegiatan-tanpa-proses: {tingkat: error}\n", [("K005", "error")]),
        ("    aturan:\n      K005: {tingkat: mati}\n", []),
        ("    aturan:\n      K005: {tingkat: off}\n", []),
        ("    abaikan: [K005]\n", []),
        ("    abaikan: [K]\n", []),
        ("    abaikan: [kegiatan-tanpa-proses]\n", []),
        ("    pilih: [T]\n", []),
        ("    pilih: [K00]\n", [("K005", "peringatan")]),
        ("    pilih: [K005]\n", [("K005", "peringatan")]),
    ],
)
def test_severity_and_selection(tmp_path: Path, setting: str, expected: list[tuple[str, str]]) -> None:
    assert summary(run(tmp_path, configured(BAD, setting))) == expected


def test_pilih_does_not_hide_core_findings(tmp_path: Path) -> None:
    text = swap(configured(BAD, "    pilih: [T]\n"), "sop: [SOP-001]\n", "sop: [SOP-001, SOP-404]\n")
    assert [f.code for f in run(tmp_path, text).findings] == ["S008"]


def test_abaikan_and_tingkat_for_core_codes(tmp_path: Path) -> None:
    text = swap(BAD, "sop: [SOP-001]\n", "sop: [SOP-001, SOP-404]\n")
    assert ("S008", "error") in summary(run(tmp_path / "a", text))
    assert ("S008", "peringatan") in summary(
        run(tmp_path / "b", configured(text, "    aturan:\n      S008: {tingkat: peringatan}\n"))
    )
    assert "S008" not in [c for c, _ in summary(run(tmp_path / "c", configured(text, "    abaikan: [S008]\n")))]
    assert "S008" not in [
        c for c, _ in summary(run(tmp_path / "d", configured(text, "    aturan:\n      S008: {tingkat: mati}\n")))
    ]


def test_per_file_ignores(tmp_path: Path) -> None:
    root = write_repo(configured(BAD, "    abaikan_per_berkas:\n      'opd/**': [K005]\n"), tmp_path / "a")
    result = api.check(api.load(root, use_cache=False))
    assert result.findings == [] and result.suppressed == 1
    other = run(tmp_path / "b", configured(BAD, "    abaikan_per_berkas:\n      'proses/*.yaml': [K005]\n"))
    assert summary(other) == [("K005", "peringatan")]


def _p003(result: Result) -> list[tuple[int | None, str]]:
    return [(f.location.line, f.text("en")) for f in result.findings if f.code == "P003"]


@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ("    aturan:\n      K999: {tingkat: error}\n", "Unknown code or rule name 'K999'"),
        ("    aturan:\n      kegiatan-tanpa-proes: {tingkat: error}\n", "Did you mean 'kegiatan-tanpa-proses'"),
        ("    pilih: [X9]\n", "pengaturan.lint.pilih"),
        ("    abaikan: [Q]\n", "pengaturan.lint.abaikan"),
        ("    abaikan_per_berkas:\n      'opd/**': [K0055]\n", "pengaturan.lint.abaikan_per_berkas"),
        ("    aturan:\n      K005: {opsi: {termasuk_penunjan: true}}\n", "Did you mean 'termasuk_penunjang'"),
        ("    aturan:\n      K005: {opsi: {xyz: 1}}\n", "Available options: termasuk_penunjang"),
        ("    aturan:\n      K005: {opsi: {termasuk_penunjang: [1]}}\n", "must be true or false"),
        ("    aturan:\n      S008: {opsi: {a: 1}}\n", "not a lint rule"),
        ("    aturan:\n      P002: {tingkat: mati}\n", "cannot be changed"),
    ],
)
def test_invalid_settings_are_p003(tmp_path: Path, setting: str, fragment: str) -> None:
    result = run(tmp_path, configured(BAD, setting))
    found = _p003(result)
    assert len(found) == 1, found
    line, text = found[0]
    assert fragment in text
    assert line is not None and line > 8  # located in probis.yaml's pengaturan block
    assert all(f.location.path == "probis.yaml" for f in result.findings if f.code == "P003")
    assert all(f.severity == Severity.ERROR for f in result.findings if f.code == "P003")


def test_invalid_options_fall_back_to_defaults(tmp_path: Path) -> None:
    result = run(tmp_path, configured(BAD, "    aturan:\n      K005: {tingkat: error, opsi: {bogus: 1}}\n"))
    assert summary(result) == [("K005", "error"), ("P003", "error")]


def test_p003_cannot_be_ignored(tmp_path: Path) -> None:
    result = run(tmp_path, configured(BAD, "    abaikan: [P003, ZZZZ]\n"))
    assert [f.code for f in result.findings if f.code == "P003"] == ["P003"]


def test_read_config_values(tmp_path: Path) -> None:
    text = configured(
        BAD,
        "    aturan:\n      K010: {opsi: {pemisah: '-'}}\n      K006: {tingkat: error}\n"
        "    abaikan_per_berkas:\n      'sop/**': [M, K007]\n    baseline: ci/baseline.json\n",
    )
    root = write_repo(text, tmp_path)
    config = read_config(api.load(root, use_cache=False).index)
    assert config.findings == []
    k010 = config.setting("K010")
    assert k010 is not None and k010.options.pemisah == "-"  # type: ignore[attr-defined]
    k006 = config.setting("K006")
    assert k006 is not None and k006.severity == Severity.ERROR and k006.enabled
    glob, codes = config.per_file[0]
    assert glob == "sop/**" and "K007" in codes and "M001" in codes
    assert config.baseline == "ci/baseline.json"


def test_no_probis_yaml_means_defaults(tmp_path: Path) -> None:
    text = BAD.replace("# file: probis.yaml", "# file: lain/probis-lama.txt", 1)
    root = write_repo(text, tmp_path)
    # A folder is a repository only with a probis.yaml; here it holds no pemda document.
    (root / "probis.yaml").write_text("# penanda repositori, tanpa dokumen pemda\n", encoding="utf-8")
    config = read_config(api.load(root, use_cache=False).index)
    assert config.findings == [] and all(s.enabled for s in config.rules)
