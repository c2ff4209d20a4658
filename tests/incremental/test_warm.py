"""The warm CLI path: the same report as a cold run, from what the last run left, never from a
damaged or forged cache."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli import api, fs
from probis_cli.findings import Finding
from probis_cli.lint.incremental import STATE_FILE, read_state
from probis_cli.warm import FILE_NAME
from tests.cli.conftest import Run, cli  # noqa: F401 - the fixture
from tests.incremental.repo import write_base


def cold(root: Path) -> list[Finding]:
    return api.check(api.load(root, use_cache=False)).findings


def warm(root: Path) -> list[Finding]:
    return api.check(api.load(root, incremental=True)).findings


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = (tmp_path / "repo").resolve()
    root.mkdir()
    write_base(root)
    return root


def test_nothing_changed_prints_the_last_report_without_checking(
    cli: Callable[..., Run], repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cli("validate", str(repo))
    assert (repo / ".probis-cache" / FILE_NAME).is_file()

    def no_load(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the repository was read again")

    monkeypatch.setattr(api, "load", no_load)
    second = cli("validate", str(repo))
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert first.exit_code == 1 and "M001" in first.stdout


@pytest.mark.parametrize("option", [("--format", "json"), ("--lang", "en"), ("--select", "M"), ("--no-lint",)])
def test_other_options_are_another_report(cli: Callable[..., Run], repo: Path, option: tuple[str, ...]) -> None:
    cli("validate", str(repo))
    again = cli("validate", str(repo), *option)
    assert again.stdout == cli("validate", str(repo), *option, "--no-cache").stdout


def test_a_changed_added_or_removed_file_is_checked_again(cli: Callable[..., Run], repo: Path) -> None:
    cli("validate", str(repo))
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    changed = cli("validate", str(repo))
    assert changed.stdout == cli("validate", str(repo), "--no-cache").stdout
    assert "M001" not in changed.stdout
    (repo / "sop" / "f2.yaml").write_text(sop.read_text().replace("SOP-002", "SOP-009"), encoding="utf-8")
    assert cli("validate", str(repo)).stdout == cli("validate", str(repo), "--no-cache").stdout
    sop.unlink()
    assert cli("validate", str(repo)).stdout == cli("validate", str(repo), "--no-cache").stdout


def test_a_changed_baseline_is_read_again(cli: Callable[..., Run], repo: Path) -> None:
    cli("validate", str(repo))
    assert cli("validate", str(repo), "--buat-baseline").exit_code == 0
    after = cli("validate", str(repo))
    assert after.exit_code == 0 and after.stdout == cli("validate", str(repo), "--no-cache").stdout


def _damage(path: Path) -> None:
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))


def test_a_damaged_report_cache_is_a_cold_run(cli: Callable[..., Run], repo: Path) -> None:
    first = cli("validate", str(repo))
    _damage(repo / ".probis-cache" / FILE_NAME)
    assert cli("validate", str(repo)).stdout == first.stdout


def test_a_forged_report_is_never_printed(cli: Callable[..., Run], repo: Path) -> None:
    first = cli("validate", str(repo))
    path = repo / ".probis-cache" / FILE_NAME
    blob = path.read_bytes()
    # The same entry with another report, the old signature kept (a committed, edited cache).
    forged = blob.replace(b"M001", b"X999")
    assert forged != blob
    path.write_bytes(forged)
    assert cli("validate", str(repo)).stdout == first.stdout
    # Unsigned: a plausible file without the machine's key.
    path.write_bytes(b"\0" * 32 + blob[32:].replace(b"M001", b"X999"))
    assert cli("validate", str(repo)).stdout == first.stdout


def test_the_saved_state_gives_the_findings_of_a_cold_run(repo: Path) -> None:
    assert warm(repo) == cold(repo)
    assert read_state(repo) is not None
    sop = repo / "sop" / "f0.yaml"
    sop.write_text(sop.read_text().replace("5 menit", "sebentar"), encoding="utf-8")
    loaded = api.load(repo, incremental=True)
    assert loaded.state is not None and loaded.state.index.reused == 4  # all but the edited SOP
    assert api.check(loaded).findings == cold(repo)
    assert "M001:sop/f0.yaml" in loaded.state.lint.ran and "K004" not in loaded.state.lint.ran


def test_a_damaged_state_is_a_cold_run(repo: Path) -> None:
    warm(repo)
    _damage(repo / ".probis-cache" / STATE_FILE)
    assert read_state(repo) is None
    assert warm(repo) == cold(repo)


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.marker,))


def test_a_forged_state_is_never_unpickled(repo: Path, tmp_path: Path) -> None:
    warm(repo)
    marker = tmp_path / "unpickled"
    path = repo / ".probis-cache" / STATE_FILE
    header = path.read_bytes()[32:].split(b"\n", 1)[0] + b"\n"
    payload = header + pickle.dumps(_Planted(marker))
    path.write_bytes(b"\0" * 32 + payload)  # a committed file with the right header, unsigned
    assert read_state(repo) is None and not marker.exists()
    path.write_bytes(fs.sign(payload)[:31] + bytes([fs.sign(payload)[31] ^ 1]) + payload)
    assert read_state(repo) is None and not marker.exists()
    assert warm(repo) == cold(repo)


def test_nothing_changed_imports_no_parser_models_or_rules(cli: Callable[..., Run], repo: Path) -> None:
    cli("validate", str(repo), "--no-color")
    script = f"""
import sys
from pathlib import Path
from probis_cli.cli import validate_warm
parts = validate_warm.request(targets=[Path({str(repo)!r})], fmt="text", fail_on="error", lang="id", color=False,
    select=(), ignore=(), lint=True, baseline=None, use_baseline=True)
assert validate_warm.answer([Path({str(repo)!r})], parts) is not None, "miss"
heavy = [m for m in sys.modules if m.startswith(("pydantic", "ruamel", "probis_cli.model", "probis_cli.lint",
    "probis_cli.render", "probis_cli.report", "probis_cli.api", "typer", "rich"))]
print(heavy)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=Path.cwd())
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
