"""examples/ci/: the workflow files are valid for their platforms (the JSON schemas that
check-jsonschema ships, offline), and every probis command they run passes on the example."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from tests.cli.conftest import Run
from tests.diff.scenario import DATA, git

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / "examples" / "ci"
EXAMPLE = ROOT / "examples" / "kota-contoh"
GITHUB = CI / "github-probis.yml"
GITLAB = CI / "gitlab-probis.yml"


def _yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _schema(name: str) -> dict[str, Any]:
    vendor = files("check_jsonschema.builtin_schemas.vendor")
    return json.loads(vendor.joinpath(f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(("path", "schema"), [(GITHUB, "github-workflows"), (GITLAB, "gitlab-ci")])
def test_workflow_files_match_the_platform_schema(path: Path, schema: str) -> None:
    validator = jsonschema.Draft7Validator(_schema(schema))
    errors = sorted(validator.iter_errors(_yaml(path)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_check_jsonschema_cli_agrees() -> None:
    exe = str(Path(sys.executable).with_name("check-jsonschema"))
    if not Path(exe).exists():
        pytest.skip("check-jsonschema is not installed as a command")
    for path, schema in ((GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")):
        done = subprocess.run([exe, "--builtin-schema", schema, str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def _probis_lines(scripts: Iterator[str]) -> list[str]:
    out = []
    for script in scripts:
        for line in script.splitlines():
            line = line.strip().removeprefix("- ")
            if line.startswith("probis "):
                out.append(re.sub(r"\s*(\|\|.*|2?>.*)$", "", line))
    return out


def github_commands() -> list[str]:
    workflow = _yaml(GITHUB)
    return _probis_lines(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])


def gitlab_commands() -> list[str]:
    pipeline = _yaml(GITLAB)
    return _probis_lines(
        line for job in pipeline.values() if isinstance(job, dict) and "script" in job for line in job["script"]
    )


def test_the_templates_call_what_we_test() -> None:
    assert github_commands() == [
        'probis validate "$PROBIS_DIR" --format github',
        'probis fmt --check "$PROBIS_DIR"',
        'probis render --check "$PROBIS_DIR"',
        'probis diff --path "$PROBIS_DIR" --format markdown --output probis-diff.md',
    ]
    assert gitlab_commands() == [
        'probis validate "$PROBIS_DIR" --format gitlab --output gl-code-quality-report.json',
        'probis validate "$PROBIS_DIR"',
        'probis fmt --check "$PROBIS_DIR"',
        'probis render --check "$PROBIS_DIR"',
        'probis diff --path "$PROBIS_DIR" --format markdown --output probis-diff.md',
    ]


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A CI checkout of a pull request on the example: data in a subfolder, branch ``fitur``
    (one SOP time changed) made from ``origin/main``."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    origin = tmp_path / "origin"
    shutil.copytree(EXAMPLE, origin / DATA, ignore=shutil.ignore_patterns(".probis-cache"))
    (origin / ".gitignore").write_text(".probis-cache/\nbuild/\n", encoding="utf-8")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "awal")
    clone = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    git(clone, "checkout", "-q", "-b", "fitur")
    sop = clone / DATA / "sop/dinkes/SOP-DINKES-002.yaml"
    sop.write_text(
        sop.read_text(encoding="utf-8").replace("      waktu: 4 jam\n", "      waktu: 5 jam\n"), encoding="utf-8"
    )
    git(clone, "commit", "-q", "-a", "-m", "waktu", when=1)
    monkeypatch.chdir(clone)
    return clone


def _run_all(commands: list[str], cli: Callable[..., Run], data: Path, env: dict[str, str]) -> dict[str, Run]:
    out: dict[str, Run] = {}
    for command in commands:
        argv = [a.replace("$PROBIS_DIR", str(data)) for a in shlex.split(command)][1:]
        if argv[:2] == ["render", "--check"]:
            assert cli("render", str(data), "--format", "dot").exit_code == 0
            argv += ["--format", "dot"]
        out[command] = cli(*argv, env=env)
    return out


def test_github_commands_pass(pull_request: Path, cli: Callable[..., Run]) -> None:
    runs = _run_all(github_commands(), cli, pull_request / DATA, {"GITHUB_BASE_REF": "main"})
    for command, run in runs.items():
        assert run.exit_code == 0, (command, run.stdout[-2000:], run.stderr[-2000:])
    comment = (pull_request / "probis-diff.md").read_text(encoding="utf-8")
    assert comment.startswith("<!-- probis-diff -->\n")
    assert "4 jam → 5 jam" in comment


def test_gitlab_commands_pass(pull_request: Path, cli: Callable[..., Run]) -> None:
    base = git(pull_request, "rev-parse", "origin/main")
    runs = _run_all(gitlab_commands(), cli, pull_request / DATA, {"CI_MERGE_REQUEST_DIFF_BASE_SHA": base})
    for command, run in runs.items():
        assert run.exit_code == 0, (command, run.stdout[-2000:], run.stderr[-2000:])
    assert json.loads((pull_request / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    assert "4 jam → 5 jam" in (pull_request / "probis-diff.md").read_text(encoding="utf-8")


def test_gitlab_code_quality_paths_are_relative_to_the_git_top(pull_request: Path, cli: Callable[..., Run]) -> None:
    sop = pull_request / DATA / "sop/dinkes/SOP-DINKES-002.yaml"
    sop.write_text(
        sop.read_text(encoding="utf-8").replace("      waktu: 5 jam\n", "      waktu: segera\n"), encoding="utf-8"
    )
    assert cli("validate", str(pull_request / DATA), "--format", "gitlab", "--output", "cq.json").exit_code == 1
    report = json.loads((pull_request / "cq.json").read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"], i["severity"]) for i in report] == [
        ("M001 waktu-tidak-terukur", f"{DATA}/sop/dinkes/SOP-DINKES-002.yaml", "major")
    ]
    run = cli("validate", str(pull_request / DATA), "--format", "github")
    assert run.stdout.startswith(f"::error file={DATA}/sop/dinkes/SOP-DINKES-002.yaml,line=")


def test_example_validates_with_the_template_commands(cli: Callable[..., Run]) -> None:
    for command in github_commands()[:1] + gitlab_commands()[1:2]:
        argv = [a.replace("$PROBIS_DIR", str(EXAMPLE)) for a in shlex.split(command)][1:]
        run = cli(*argv)
        assert run.exit_code == 0, (command, run.stdout[-2000:])


def test_pre_commit_hooks() -> None:
    hooks = _yaml(ROOT / ".pre-commit-hooks.yaml")
    assert [h["id"] for h in hooks] == ["probis-validate", "probis-fmt"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python" and hook["entry"].split()[0] == "probis"
        re.compile(hook["files"])
    assert (ROOT / "pyproject.toml").is_file()  # language: python installs this project


def test_init_writes_the_same_github_workflow() -> None:
    """``probis init`` gives a new repository this very workflow (one source, kept identical)."""
    from probis_cli.scaffold.init import TEMPLATE_DIR

    assert (TEMPLATE_DIR / "github-probis.yml").read_bytes() == (ROOT / "examples/ci/github-probis.yml").read_bytes()
