"""``probis rules`` (list and explain, both languages, JSON) and ``validate``'s baseline options."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli.lint.registry import ALL_RULES
from probis_cli.lint.rules import keterkaitan as kt
from tests.cli.conftest import Run
from tests.rules.conftest import write_repo

Cli = Callable[..., Run]


def test_list_in_indonesian(cli: Cli) -> None:
    run = cli("rules")
    assert run.exit_code == 0, run.stderr
    assert "Aturan linter probis" in run.stdout and "Ringkasan" in run.stdout
    for rule in ALL_RULES:
        assert rule.code in run.stdout
    assert "kegiatan-tanpa-proses" in run.stdout and "peringatan" in run.stdout


def test_list_in_english(cli: Cli) -> None:
    run = cli("rules", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    assert "probis lint rules" in run.stdout and "Summary" in run.stdout and "warning" in run.stdout


def test_list_in_english_from_the_environment(cli: Cli) -> None:
    run = cli("rules", env={"PROBIS_LANG": "en"})
    assert "Summary" in run.stdout


@pytest.mark.parametrize("key", ["K005", "k005", "kegiatan-tanpa-proses"])
def test_explain(cli: Cli, key: str) -> None:
    run = cli("rules", key)
    assert run.exit_code == 0, run.stderr
    out = run.stdout
    for heading in ("Mengapa", "Perbaikan", "Opsi", "Contoh buruk", "Contoh baik"):
        assert heading in out
    assert "termasuk_penunjang" in out and "false" in out  # the option with its default
    assert "# file: opd/dinkes.yaml" in out and "1.02.02.2.01" in out  # the examples


def test_explain_in_english(cli: Cli) -> None:
    run = cli("rules", "K010", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    for heading in ("Why", "Fix", "Options", "Bad example", "Good example", "pemisah", '"."'):
        assert heading in run.stdout
    assert "Separator between the parent code" in run.stdout


def test_explain_rule_without_options(cli: Cli) -> None:
    run = cli("rules", "K011", "--lang", "en")
    assert "This rule has no options." in run.stdout


def test_unknown_rule_exits_2_with_hint(cli: Cli) -> None:
    run = cli("rules", "kegiatan-tanpa-proes")
    assert run.exit_code == 2
    assert "kegiatan-tanpa-proses" in run.stderr
    assert cli("rules", "Z999").exit_code == 2


def test_json(cli: Cli) -> None:
    data = json.loads(cli("rules", "--format", "json", "--lang", "en").stdout)
    assert data["lang"] == "en" and [r["code"] for r in data["rules"]] == sorted(r.code for r in ALL_RULES)
    k006 = next(r for r in data["rules"] if r["code"] == "K006")
    assert k006["severity"] == "peringatan" and k006["severity_text"] == "warning"
    assert k006["options"][0]["name"] == "kategori" and k006["options"][0]["default"] == [
        "inti",
        "pendukung",
        "manajemen",
    ]
    one = json.loads(cli("rules", "K006", "-f", "json").stdout)
    assert one["code"] == "K006" and one["bad"].startswith("# file: probis.yaml")
    assert cli("rules", "-f", "xml").exit_code == 2


# -- validate --buat-baseline ----------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repo(kt.KegiatanTanpaProses.bad, tmp_path / "repo")  # one K005 warning


def test_write_baseline_then_only_new_findings(cli: Cli, repo: Path) -> None:
    before = cli("validate", str(repo), "--fail-on", "peringatan")
    assert before.exit_code == 1 and "K005" in before.stdout

    made = cli("validate", str(repo), "--buat-baseline")
    assert made.exit_code == 0, made.stderr
    path = repo / ".probis-baseline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["total"] == 1 and data["findings"][0]["code"] == "K005"
    assert "Baseline ditulis" in made.stderr and "1 temuan di 1 berkas" in made.stderr
    assert made.stdout == ""

    after = cli("validate", str(repo), "--fail-on", "peringatan", "-f", "json")
    assert after.exit_code == 0
    summary = json.loads(after.stdout)["summary"]
    assert summary["findings"] == 0 and summary["baselined"] == 1

    everything = cli("validate", str(repo), "--fail-on", "peringatan", "--no-baseline")
    assert everything.exit_code == 1 and "K005" in everything.stdout


def test_write_baseline_is_deterministic_and_english(cli: Cli, repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    run = cli("validate", str(repo), "--write-baseline", "--baseline", str(target), "--lang", "en")
    assert run.exit_code == 0 and "Baseline written to" in run.stderr
    first = target.read_bytes()
    cli("validate", str(repo), "--write-baseline", "--baseline", str(target))
    assert target.read_bytes() == first
    assert not (repo / ".probis-baseline.json").exists()
    assert cli("validate", str(repo), "--baseline", str(target), "--fail-on", "peringatan").exit_code == 0


def test_narrowed_baseline_keeps_other_codes(cli: Cli, repo: Path) -> None:
    cli("validate", str(repo), "--buat-baseline")
    cli("validate", str(repo), "--buat-baseline", "--select", "T")  # sees no K005: must not forget it
    data = json.loads((repo / ".probis-baseline.json").read_text(encoding="utf-8"))
    assert [e["code"] for e in data["findings"]] == ["K005"]


def test_every_read_schema_and_engine_code_explains_itself(cli: Cli) -> None:
    from probis_cli.lint.registry import ENGINE_CODES
    from probis_cli.model.build import CORE_CODES

    for code, (name, _) in {**CORE_CODES, **ENGINE_CODES}.items():
        for lang, headings in (
            ("id", ("Mengapa", "Perbaikan", "Contoh buruk", "Contoh baik")),
            ("en", ("Why", "Fix", "Bad example", "Good example")),
        ):
            run = cli("rules", code, "--lang", lang)
            assert run.exit_code == 0, (code, run.stderr)
            assert run.stdout.startswith(f"{code} {name}") and "# file: " in run.stdout, code
            for heading in headings:
                assert heading in run.stdout, (code, lang, heading)
            assert "pengaturan.lint.aturan." + code not in run.stdout  # no options section


def test_s008_by_name_and_as_json(cli: Cli) -> None:
    run = cli("rules", "rujukan-tidak-ditemukan", "--lang", "en")
    assert run.exit_code == 0 and "pihak_luar" in run.stdout
    data = json.loads(cli("rules", "s008", "--format", "json").stdout)
    assert data["code"] == "S008" and data["severity"] == "error" and data["options"] == [] and data["why"]
    assert cli("rules", "S08").exit_code == 2
