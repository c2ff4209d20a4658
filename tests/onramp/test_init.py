"""``probis init``: a new repository validates and renders clean; never overwrites."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from ruamel.yaml import YAML

from probis_cli import api
from probis_cli.scaffold.init import guess_nama, guess_tingkat, init_files, options_for
from tests.cli.conftest import Run


def _init(cli: Callable[..., Run], target: Path, *args: str) -> Run:
    run = cli("init", str(target), "--tanpa-tanya", *args)
    assert run.exception is None, run.exception
    return run


def test_new_repository_validates_and_renders_clean(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "kota-baru"
    run = _init(cli, target)
    assert run.exit_code == 0, run.stderr
    assert "Pemerintah Kota Baru" in run.stderr
    loaded = api.load(target, use_cache=False)
    result = api.check(loaded)
    assert result.findings == [], [f.code for f in result.findings]
    assert result.files_checked == 5
    validate = cli("validate", str(target))
    assert validate.exit_code == 0 and "Tidak ada temuan" in validate.stdout + validate.stderr
    render = cli("render", str(target), "--out", str(tmp_path / "out"), "--format", "dot")
    assert render.exit_code == 0, render.stderr
    assert (tmp_path / "out" / "sop" / "SOP-SETDA-001.md").is_file()


def test_files_and_settings(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "kab-sukamaju"
    assert _init(cli, target, "--periode", "2026–2030").exit_code == 0
    probis = YAML(typ="safe").load((target / "probis.yaml").read_text(encoding="utf-8"))
    assert probis["nama"] == "Pemerintah Kabupaten Sukamaju"
    assert probis["tingkat"] == "kabupaten"
    assert probis["periode"] == "2026-2030"
    for rel in (".gitignore", ".pre-commit-config.yaml", ".github/workflows/probis.yml", "README.md"):
        assert (target / rel).is_file(), rel
    assert ".probis-cache/" in (target / ".gitignore").read_text(encoding="utf-8")
    workflow = YAML(typ="safe").load((target / ".github/workflows/probis.yml").read_text(encoding="utf-8"))
    commands = [step.get("run", "") for step in workflow["jobs"]["probis"]["steps"]]
    assert 'probis validate "$PROBIS_DIR" --format github' in commands
    assert 'probis fmt --check "$PROBIS_DIR"' in commands
    hooks = YAML(typ="safe").load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks["repos"][0]["hooks"]} == {"probis-fmt", "probis-validate"}
    # The example documents say they are examples.
    for rel in ("rpjmd.yaml", "opd/setda.yaml", "proses/setda/PB.01.yaml", "sop/setda/SOP-SETDA-001.yaml"):
        assert "CONTOH" in (target / rel).read_text(encoding="utf-8"), rel


def test_every_modeline_resolves_inside_the_new_repository(tmp_path: Path) -> None:
    files = init_files(options_for("kota-baru", nama=None, tingkat=None, periode=None))
    target = tmp_path / "repo"
    for rel, text in files.items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_text(text, encoding="utf-8")
    documents = [rel for rel in files if rel.endswith(".yaml") and not rel.startswith(".")]
    assert len(documents) == 5
    for rel in documents:
        path = target / rel
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), rel
        schema_path = (path.parent / first.split("=", 1)[1].strip()).resolve()
        assert schema_path.is_relative_to(target.resolve()), rel
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        assert schema_path.name == f"{data['jenis']}.schema.json"
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        editor_view = json.loads(json.dumps(data, default=str))
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(editor_view))
        assert not errors, (rel, [e.message for e in errors[:3]])


def test_refuses_to_overwrite(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "kota-baru"
    target.mkdir()
    (target / "rpjmd.yaml").write_text("punya saya\n", encoding="utf-8")
    run = _init(cli, target)
    assert run.exit_code == 2
    assert "rpjmd.yaml" in run.stderr and "tidak menimpa" in run.stderr
    assert (target / "rpjmd.yaml").read_text(encoding="utf-8") == "punya saya\n"
    assert not (target / "probis.yaml").exists()  # nothing written at all


def test_keeps_an_existing_readme_and_gitignore(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "kota-baru"
    target.mkdir()
    (target / "README.md").write_text("# Milik kami\n", encoding="utf-8")
    run = _init(cli, target, "--lang", "en")
    assert run.exit_code == 0, run.stderr
    assert (target / "README.md").read_text(encoding="utf-8") == "# Milik kami\n"
    assert "README.md exists" in run.stderr
    assert (target / "probis.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--tingkat", "desa"), "desa"),
        (("--periode", "2029-2025"), "2029-2025"),
        (("--periode", "lima tahun"), "TTTT-TTTT"),
    ],
)
def test_bad_values_are_usage_errors(
    cli: Callable[..., Run], tmp_path: Path, args: tuple[str, ...], needle: str
) -> None:
    run = _init(cli, tmp_path / "x", *args)
    assert run.exit_code == 2
    assert needle in run.stderr
    assert not (tmp_path / "x").exists()


def test_asks_when_told_to(cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["Pemerintah Provinsi Contoh Raya", "provinsi", "2025-2029"])
    monkeypatch.setattr("typer.prompt", lambda *a, **k: next(answers))
    run = cli("init", str(tmp_path / "p"), "--tanya")
    assert run.exit_code == 0, run.stderr
    probis = YAML(typ="safe").load((tmp_path / "p" / "probis.yaml").read_text(encoding="utf-8"))
    assert (probis["nama"], probis["tingkat"]) == ("Pemerintah Provinsi Contoh Raya", "provinsi")
    assert api.check(api.load(tmp_path / "p", use_cache=False)).findings == []


def test_names_needing_quotes_stay_exact(tmp_path: Path) -> None:
    files = init_files(options_for("x", nama="Pemerintah Kota Contoh: #1", tingkat="kota", periode=None))
    assert YAML(typ="safe").load(files["probis.yaml"])["nama"] == "Pemerintah Kota Contoh: #1"


def test_guesses_from_the_folder_name() -> None:
    assert guess_tingkat("kabupaten-sukamaju") == "kabupaten"
    assert guess_tingkat("provinsi-jawa") == "provinsi"
    assert guess_tingkat("pemkot-x") == "kota"
    assert guess_nama("kota-baru", "kota") == "Pemerintah Kota Baru"
    assert guess_nama("kab_sukamaju_jaya", "kabupaten") == "Pemerintah Kabupaten Sukamaju Jaya"


@pytest.mark.parametrize(
    "args",
    [
        ("fmt", "{d}"),
        ("ganti-kode", "a", "b", "-C", "{d}"),
        ("baru", "opd", "x", "--nama", "X", "-C", "{d}"),
        ("laporan", "{d}"),
    ],
)
def test_commands_outside_a_repository_point_to_init(
    cli: Callable[..., Run], tmp_path: Path, args: tuple[str, ...]
) -> None:
    run = cli(*(a.format(d=tmp_path) for a in args))
    assert run.exit_code == 2 and run.exception is None
    assert "probis init" in run.stderr
