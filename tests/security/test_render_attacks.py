"""A repository is untrusted input (a pull request from anyone): what its content must not
make ``probis render`` do. One test per attack; each was a working exploit before the fix.

S1 delete outside the output folder, S2 run code from an override template, S3 embed a file
from outside the repository through a template symlink, S4 write through symlinks or a
``keluaran`` outside the repository, S5 poison or damage the render memo.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from probis_cli.render.base import content_digest
from tests.cli.conftest import EXAMPLE, Run, cli  # noqa: F401  (the CLI runner fixture)

Cli = Callable[..., Run]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "kota"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


def _settings(repo: Path, extra: str) -> None:
    """Add lines under ``pengaturan.render`` of probis.yaml (4-space indented keys)."""
    probis = repo / "probis.yaml"
    text = probis.read_text(encoding="utf-8")
    assert "    format: [svg]\n" in text
    probis.write_text(text.replace("    format: [svg]\n", "    format: [svg]\n" + extra, 1), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- S1 --------------------------------------------------------------------------------------


def test_s1_manifest_entries_cannot_delete_outside_the_output_folder(cli: Cli, repo: Path, tmp_path: Path) -> None:
    out = repo / "build" / "probis"
    assert cli("render", str(repo), "--format", "dot").exit_code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("milik pengguna\n", encoding="utf-8")
    absolute = tmp_path / "absolute.txt"
    absolute.write_text("milik pengguna\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("milik pengguna\n", encoding="utf-8")
    (out / "tautan").symlink_to(elsewhere, target_is_directory=True)
    manifest = json.loads((out / ".probis-render.json").read_text(encoding="utf-8"))
    for bad in ("../../../victim.txt", str(absolute), "tautan/secret.txt", "sop/../../../../victim.txt"):
        manifest["berkas"][bad] = {"masukan": "x", "keluaran": "y"}
    (out / ".probis-render.json").write_text(json.dumps(manifest), encoding="utf-8")

    check = cli("render", str(repo), "--format", "dot", "--check")
    assert check.exit_code == 1 and ".probis-render.json" in check.stderr
    run = cli("render", str(repo), "--format", "dot")
    assert run.exit_code == 0, run.stderr
    assert victim.is_file() and absolute.is_file() and (elsewhere / "secret.txt").is_file()
    assert "../../../victim.txt" in run.stderr and "diabaikan" in run.stderr
    cleaned = json.loads((out / ".probis-render.json").read_text(encoding="utf-8"))["berkas"]
    assert not any(".." in key or key.startswith("/") or key.startswith("tautan") for key in cleaned)


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("sop/SOP-X.md", True),
        ("peta/level-0/pemda.svg", True),
        ("../x.svg", False),
        ("sop/../../x.md", False),
        ("/etc/passwd", False),
        ("C:/x.svg", False),
        ("sop\\..\\x.md", False),
        (".env", False),
        ("sop/.git/config", False),
        ("probis.yaml", False),
        ("sop//x.md", False),
        ("", False),
    ],
)
def test_s1_only_output_shaped_manifest_names_are_accepted(name: str, ok: bool) -> None:
    from probis_cli.render.run import safe_output_name

    assert safe_output_name(name) is ok


# -- S2 --------------------------------------------------------------------------------------

PAYLOAD = "{{ lipsum.__globals__['os'].popen('touch %s').read() }}\n"


@pytest.mark.parametrize("check", [False, True], ids=["render", "render-check"])
def test_s2_override_template_cannot_run_code(cli: Cli, repo: Path, tmp_path: Path, check: bool) -> None:
    marker = tmp_path / "DIJALANKAN"
    (repo / "templat").mkdir()
    (repo / "templat" / "_kaki.md.j2").write_text("Kaki\n" + PAYLOAD % marker, encoding="utf-8")
    _settings(repo, "    templat: templat/\n")
    run = cli("render", str(repo), "--format", "dot", *(["--check"] if check else []))
    assert not marker.exists()
    assert run.exit_code == 2, run.stderr
    assert run.exception is None and "Traceback" not in run.stderr
    assert "_kaki.md.j2:2" in run.stderr and "tidak aman" in run.stderr
    en = cli("render", str(repo), "--format", "dot", "--lang", "en")
    assert en.exit_code == 2 and "unsafe" in en.stderr and not marker.exists()


# -- S3 (templates) --------------------------------------------------------------------------


def test_s3_template_partial_symlinked_outside_the_repository_is_refused(cli: Cli, repo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.env"
    secret.write_text("DB_PASSWORD=RAHASIA-SEKALI\n", encoding="utf-8")
    (repo / "templat").mkdir()
    (repo / "templat" / "_kop.md.j2").symlink_to(secret)
    _settings(repo, "    templat: templat/\n")
    out = tmp_path / "out"
    run = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert run.exit_code == 2, run.stderr
    assert "_kop.md.j2" in run.stderr and "RAHASIA" not in run.stderr
    assert not any(b"RAHASIA" in data for data in _files(out).values()) if out.exists() else True


# -- S4 --------------------------------------------------------------------------------------


def test_s4_symlinked_folder_inside_the_output_folder_is_not_written_through(
    cli: Cli, repo: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = repo / "build" / "probis"
    out.mkdir(parents=True)
    (out / "sop").symlink_to(elsewhere, target_is_directory=True)
    run = cli("render", str(repo), "--format", "dot")
    assert run.exit_code == 2, run.stderr
    assert list(elsewhere.iterdir()) == []
    assert "symlink" in run.stderr and "Traceback" not in run.stderr


def test_s4_symlinked_output_file_is_replaced_not_followed(cli: Cli, repo: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("milik pengguna\n", encoding="utf-8")
    out = repo / "build" / "probis"
    out.mkdir(parents=True)
    (out / "index.md").symlink_to(victim)
    assert cli("render", str(repo), "--format", "dot").exit_code == 0
    assert victim.read_text(encoding="utf-8") == "milik pengguna\n"
    assert not (out / "index.md").is_symlink()


def test_s4_symlinked_cache_folder_is_not_used(cli: Cli, repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".probis-cache").symlink_to(elsewhere, target_is_directory=True)
    run = cli("render", str(repo), "--out", str(tmp_path / "out"), "--format", "dot")
    assert run.exit_code == 0, run.stderr
    # The render memo, output digests and compiled WebAssembly (the parse cache is source/'s).
    assert [p.name for p in elsewhere.iterdir() if not p.name.startswith(("parse-", ".gitignore"))] == []


@pytest.mark.parametrize("keluaran", ["../di-luar", "{tmp}/absolut", "tautan/probis"])
def test_s4_output_folder_setting_must_stay_in_the_repository(
    cli: Cli, repo: Path, tmp_path: Path, keluaran: str
) -> None:
    (tmp_path / "target").mkdir()
    (repo / "tautan").symlink_to(tmp_path / "target", target_is_directory=True)
    keluaran = keluaran.replace("{tmp}", str(tmp_path))
    text = (repo / "probis.yaml").read_text(encoding="utf-8").replace("keluaran: build/probis", f"keluaran: {keluaran}")
    (repo / "probis.yaml").write_text(text, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    # The symlinked folder is itself an error finding (Y011); --paksa shows the confinement holds anyway.
    run = cli("render", str(repo), "--format", "dot", "--paksa")
    assert run.exit_code == 2, run.stderr
    assert "keluaran" in run.stderr and "di luar repositori" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before and list((tmp_path / "target").iterdir()) == []
    en = cli("render", str(repo), "--format", "dot", "--lang", "en", "--force")
    assert en.exit_code == 2 and "outside the repository" in en.stderr


def test_s4_out_chosen_on_the_command_line_may_be_anywhere_but_not_followed_out_of(
    cli: Cli, repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pilihan-pengguna"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    assert (out / "index.md").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(out / "hierarki")
    (out / "hierarki").symlink_to(elsewhere, target_is_directory=True)
    run = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert run.exit_code == 2 and list(elsewhere.iterdir()) == []


# -- S5 (render memo) ------------------------------------------------------------------------


def _memo_db(repo: Path) -> Path:
    found = sorted((repo / ".probis-cache").glob("render-*.sqlite"))
    assert found, list((repo / ".probis-cache").iterdir())
    return found[-1]


def test_s5_tampered_memo_entries_are_rebuilt_not_written(cli: Cli, repo: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    assert cli("render", str(repo), "--out", str(fresh), "--format", "dot", "--no-cache").exit_code == 0
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    db = sqlite3.connect(_memo_db(repo))
    keys = [k for (k,) in db.execute("SELECT key FROM memo ORDER BY key")]
    assert len(keys) > 10
    # Consistent forgery (content and digest agree), a NULL content, a plain edit.
    db.execute("UPDATE memo SET content = ?, digest = ? WHERE key = ?", ("DIRETAS", content_digest("DIRETAS"), keys[0]))
    db.execute("UPDATE memo SET content = NULL WHERE key = ?", (keys[1],))
    db.execute("UPDATE memo SET content = 'DIRETAS' WHERE key != ? AND key != ?", (keys[0], keys[1]))
    db.commit()
    db.close()
    shutil.rmtree(out)
    run = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert run.exit_code == 0, run.stderr
    assert _files(out) == _files(fresh)


def test_s5_damaged_memo_database_is_discarded_not_a_crash(cli: Cli, repo: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    assert cli("render", str(repo), "--out", str(fresh), "--format", "dot", "--no-cache").exit_code == 0
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    path = _memo_db(repo)
    # Damage only the overflow pages (the long contents): the keys still read fine, the
    # damage shows when a remembered content is fetched to be written.
    db = sqlite3.connect(path)
    overflow = [n for (n,) in db.execute("SELECT pageno FROM dbstat WHERE pagetype = 'overflow'")]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    assert overflow
    data = bytearray(path.read_bytes())
    for page in overflow:
        offset = (page - 1) * page_size
        data[offset : offset + 4] = (10**6).to_bytes(4, "big")  # next overflow page: far beyond the end
    path.write_bytes(bytes(data))
    shutil.rmtree(out)
    run = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert run.exit_code == 0, run.stderr + repr(run.exception)
    assert run.exception is None
    assert _files(out) == _files(fresh)
    path.write_bytes(b"bukan database sama sekali" * 100)
    again = cli("render", str(repo), "--out", str(tmp_path / "again"), "--format", "dot")
    assert again.exit_code == 0 and again.exception is None


def test_s5_unsigned_compiled_webassembly_is_never_loaded(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A committed ``.probis-cache/graphviz-*.wasm-module`` is native code: only our own signed one is used."""
    pytest.importorskip("wasmtime")
    from probis_cli import api_render
    from probis_cli.render import graphviz as engine

    loaded: list[bytes] = []
    monkeypatch.setattr(engine, "import_compiled_module", loaded.append)
    cache = repo / ".probis-cache"
    cache.mkdir()
    path = api_render.wasm_module_cache(cache)
    assert path is not None
    path.write_bytes(b"\x00asm-forged-native-code")
    api_render.wasm_module_cache(cache)
    assert loaded == []
    from probis_cli import fs

    path.write_bytes(fs.signed(b"ours"))
    api_render.wasm_module_cache(cache)
    assert loaded == [b"ours"]


# -- DOT from repository text ------------------------------------------------------------------


def test_system_dot_runs_with_file_loading_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Graphviz loads files named by ``image=``/``shapefile=`` unless SERVER_NAME is set without
    GV_FILE_PATH: a label that slipped an attribute into DOT must not read the disk."""
    import subprocess

    from probis_cli.render.graphviz import SystemDotEngine

    seen: list[dict[str, str]] = []

    def fake_run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        env = kwargs.get("env")
        assert isinstance(env, dict)
        seen.append(env)
        return subprocess.CompletedProcess(args, 0, b"<svg/>", b"")

    monkeypatch.setenv("GV_FILE_PATH", "/")
    monkeypatch.setattr(subprocess, "run", fake_run)
    SystemDotEngine(executable="/usr/bin/dot", version="9")._run('digraph { a [image="/etc/passwd"] }', "svg")
    assert seen and seen[0]["SERVER_NAME"] == "probis" and "GV_FILE_PATH" not in seen[0]
