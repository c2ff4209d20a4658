"""The early answer of ``probis validate`` (before typer is built): the same request, the same
report, as the command's own warm path; anything it does not understand goes to typer."""

from __future__ import annotations

from pathlib import Path

import pytest

from probis_cli.cli import validate_warm
from probis_cli.cli.common import lang_from_argv
from probis_cli.cli.main import run
from probis_cli.report import REPORTERS
from tests.incremental.repo import write_base


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = (tmp_path / "repo").resolve()
    root.mkdir()
    write_base(root)
    return root


def test_the_format_names_are_the_reporters() -> None:
    assert validate_warm.FORMATS == tuple(REPORTERS)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--output", "x.txt"],
        ["-o", "x.txt"],
        ["--watch"],
        ["--no-cache"],
        ["--buat-baseline"],
        ["--write-baseline"],
        ["-fjson"],
        ["--format"],
        ["--format", "--no-lint"],
        ["--"],
        ["-"],
        ["--lang", "xx"],
        ["--bogus"],
    ],
)
def test_anything_but_plain_options_goes_to_typer(args: list[str]) -> None:
    assert validate_warm.parse_simple(args) is None


def test_plain_options_read_as_click_reads_them() -> None:
    got = validate_warm.parse_simple(
        ["a", "--format=json", "-f", "sarif", "--select", "M,S", "--select=T001", "b", "--no-color", "--no-lint",
         "--tanpa-baseline", "--baseline", "bl.json", "--fail-on", "warning", "--lang=en", "--ignore", "Y"]
    )  # fmt: skip
    assert got == {
        "paths": [Path("a"), Path("b")], "fmt": "sarif", "fail_on": "warning", "select": ["M,S", "T001"],
        "ignore": ["Y"], "baseline": "bl.json", "lang": "en", "lint": False, "color": False, "use_baseline": False,
    }  # fmt: skip


@pytest.mark.parametrize("bahasa", [None, "en", "id"])
@pytest.mark.parametrize("flag", [[], ["--lang", "en"], ["--lang=id"]])
@pytest.mark.parametrize("env", [None, "en", "id"])
def test_the_early_language_is_the_commands_language(
    repo: Path, monkeypatch: pytest.MonkeyPatch, bahasa: str | None, flag: list[str], env: str | None
) -> None:
    if bahasa is not None:
        marker = repo / "probis.yaml"
        text = marker.read_text(encoding="utf-8")
        marker.write_text(text + f"---\njenis: x\npengaturan:\n  bahasa: {bahasa}\n", encoding="utf-8")
    if env is None:
        monkeypatch.delenv("PROBIS_LANG", raising=False)
    else:
        monkeypatch.setenv("PROBIS_LANG", env)
    monkeypatch.chdir(repo)
    args = ["validate", str(repo), *flag]
    early = validate_warm.early_lang(args, validate_warm.parse_simple(args[1:])["lang"])  # type: ignore[index]
    assert early is None or early == lang_from_argv(args)
    if bahasa is None or flag or env:
        assert early is not None  # no YAML to read: answered early


@pytest.mark.parametrize(
    "options",
    [[], ["--format", "json"], ["--select", "M", "--no-color"], ["--no-lint", "--fail-on", "warning"], ["--color"]],
)
def test_the_early_answer_is_the_commands_answer(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    args = ["validate", str(repo), *options]
    assert validate_warm.early_answer(args) is None  # no report kept yet
    with pytest.raises(SystemExit) as cold:
        run(args)
    printed = capsys.readouterr().out
    found = validate_warm.early_answer(args)
    if "--color" in options:
        assert found is None  # colours on a pipe: click decides (it strips them)
        return
    assert found is not None and (found.text.rstrip("\n"), found.exit_code) == (printed.rstrip("\n"), cold.value.code)
    with pytest.raises(SystemExit) as again:
        run(args)
    assert (capsys.readouterr().out, again.value.code) == (printed, cold.value.code)


def _runs(repo: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(2):  # the second run keeps the validated documents
        with pytest.raises(SystemExit):
            run(args)
    capsys.readouterr()


def test_what_a_missed_lookup_read_serves_the_check(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from probis_cli import api, warm

    monkeypatch.delenv("PROBIS_LANG", raising=False)
    args = ["validate", str(repo), "--no-color"]
    _runs(repo, args, capsys)
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    parts = validate_warm.request(
        targets=[repo], fmt="text", fail_on="error", lang="id", color=False, select=(), ignore=(), lint=True,
        baseline=None, use_baseline=True,
    )  # fmt: skip
    read: list[warm.Read] = []
    assert warm.lookup(repo, parts or [], read) is None and read
    assert read[0].found.files and all(p in read[0].data and p in read[0].digests for p in read[0].found.files)
    loaded = api.load(repo, incremental=True, read=read[0])
    assert api.check(loaded).findings == api.check(api.load(repo, use_cache=False)).findings


@pytest.mark.parametrize("options", [[], ["--format", "sarif"], ["--select", "S,M", "--fail-on", "warning"]])
def test_an_edit_is_checked_before_typer_with_the_commands_report(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    """A plain ``validate`` after an edit: the early path runs the check itself (no typer); its
    report and exit code are those of the command, cold."""
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    args = ["validate", str(repo), "--no-color", *options]
    _runs(repo, args, capsys)
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    found = validate_warm.early_answer(args)
    assert found is not None
    with pytest.raises(SystemExit) as cold:
        run([*args, "--no-cache"])
    assert (found.text.rstrip("\n"), found.exit_code) == (capsys.readouterr().out.rstrip("\n"), cold.value.code)
    again = validate_warm.early_answer(args)  # and it was remembered: nothing changed since
    assert again is not None and again == found


@pytest.mark.parametrize("options", [["--select", "ZZZ9"], ["--fail-on", "sangat"], ["--format", "xml"]])
def test_what_the_command_refuses_goes_to_the_command(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    _runs(repo, ["validate", str(repo), "--no-color"], capsys)
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    args = ["validate", str(repo), "--no-color", *options]
    _runs(repo, args, capsys)  # a report kept for these options would not be asked again
    sop.write_text(sop.read_text() + "# lagi\n", encoding="utf-8")
    assert validate_warm.early_answer(args) is None
    with pytest.raises(SystemExit) as refused:
        run(args)
    assert refused.value.code == 2


def test_the_check_after_an_edit_imports_no_typer(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    args = ["validate", str(repo), "--no-color"]
    _runs(repo, args, capsys)
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    code = (
        "import sys\nfrom probis_cli.cli.main import run\ntry:\n    run(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('typer' in sys.modules, 'rich.console' in sys.modules)"
    )
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.splitlines()[-1] == "False True"  # the text report uses rich's cell widths
