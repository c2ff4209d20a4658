"""``probis render`` through the CLI: every kind, determinism, skipping, --check, engines."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import EXAMPLE, Run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A private copy of examples/kota-contoh (renders write caches into the repository)."""
    target = tmp_path / "kota"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".probis-cache", "build"))
    return target


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_renders_every_kind_with_the_wasm_engine(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cli("render", str(repo), "--out", str(out), "--format", "svg", "--engine", "wasm")
    assert run.exit_code == 0, run.stdout + run.stderr
    files = _files(out)
    for prefix in (
        "hierarki/pemda.svg",
        "hierarki/opd/",
        "peta/level-0/pemda.svg",
        "peta/level-n/",
        "lintas-fungsi/",
        "relasi/pemda.svg",
        "relasi/proses/",
        "index.md",
    ):
        assert any(name.startswith(prefix) for name in files), prefix
    drafts = [n for n in files if n.startswith("sop/") and n.endswith(".md")]
    flows = [n for n in files if n.startswith("sop/") and n.endswith(".svg")]
    assert len(drafts) == 17 and len(flows) >= 17
    assert "WebAssembly" in run.stderr
    assert "berkas ditulis" in run.stderr
    svg = files["peta/level-0/pemda.svg"].decode()
    assert svg.startswith("<?xml") and "Helvetica" in svg
    # The drafts embed flowcharts that exist.
    draft = files[drafts[0]].decode()
    image = draft.split("](", 1)[1].split(")", 1)[0]
    assert (out / "sop" / image).is_file()


def test_output_is_byte_identical_and_dot_needs_no_engine(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    # No engine is usable ("system" with no dot on PATH is forced off), yet DOT and Markdown render.
    env = {"PATH": str(tmp_path / "empty-bin")}
    assert cli("render", str(repo), "--out", str(a), "--format", "dot", "--engine", "system", env=env).exit_code == 0
    assert cli("render", str(repo), "--out", str(b), "--format", "dot", "--no-cache", env=env).exit_code == 0
    assert _files(a) == _files(b)
    assert any(name.endswith(".dot") for name in _files(a))


def test_missing_engine_is_a_clear_error(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    run = cli(
        "render",
        str(repo),
        "--out",
        str(tmp_path / "o"),
        "--format",
        "svg",
        "--engine",
        "system",
        env={"PATH": str(tmp_path)},
    )
    assert run.exit_code == 2
    assert "dot" in run.stderr and "Traceback" not in run.stderr


def test_second_run_skips_and_one_change_rebuilds_only_what_reads_it(
    cli: Callable[..., Run], repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    again = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert "0 berkas ditulis" in again.stderr
    process = repo / "proses" / "dinkes" / "PB.02.01.01.yaml"
    process.write_text(
        process.read_text(encoding="utf-8").replace(
            "nama: Pelayanan Imunisasi Dasar", "nama: Pelayanan Imunisasi Dasar Lengkap", 1
        ),
        encoding="utf-8",
    )
    changed = cli("render", str(repo), "--out", str(out), "--format", "dot")
    assert changed.exit_code == 0
    written = int(changed.stderr.split(" berkas ditulis")[0].split()[-1])
    assert 0 < written < 40, changed.stderr
    # What the memo reused equals a render from scratch.
    fresh = tmp_path / "fresh"
    assert cli("render", str(repo), "--out", str(fresh), "--format", "dot", "--no-cache").exit_code == 0
    assert _files(out) == _files(fresh)


def test_check_detects_stale_and_hand_edited_outputs(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    assert cli("render", str(repo), "--out", str(out), "--format", "dot", "--check").exit_code == 0
    sop = repo / "sop" / "dinkes" / "SOP-DINKES-001.yaml"
    sop.write_text(sop.read_text(encoding="utf-8").replace("waktu: 5 menit", "waktu: 7 menit", 1), encoding="utf-8")
    stale = cli("render", str(repo), "--out", str(out), "--format", "dot", "--check")
    assert stale.exit_code == 1
    assert "sop/SOP-DINKES-001.md" in stale.stderr
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    (out / "index.md").write_text("diubah manual\n", encoding="utf-8")
    edited = cli("render", str(repo), "--out", str(out), "--format", "dot", "--check")
    assert edited.exit_code == 1 and "index.md" in edited.stderr


def test_selection_by_opd_keeps_other_outputs(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    before = _files(out)
    run = cli("render", str(repo), "--out", str(out), "--format", "dot", "--opd", "dinkes", "--semua")
    assert run.exit_code == 0
    after = _files(out)
    assert set(after) == set(before)
    assert cli("render", str(repo), "--out", str(out), "--jenis", "tidak-ada").exit_code == 2


def test_english_documents(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cli("render", str(repo), "--out", str(out), "--format", "dot", "--lang", "en")
    assert run.exit_code == 0
    assert "files written" in run.stderr
    draft = (out / "sop" / "SOP-DINKES-001.md").read_text(encoding="utf-8")
    assert "Procedure" in draft or "Identity" in draft


# -- refusals and failures: a clear message and exit code, never a traceback -------------------

BERMASALAH = EXAMPLE.parent / "kota-bermasalah"


def _clear(run: Run, code: int) -> None:
    assert run.exit_code == code, run.stdout + run.stderr + repr(run.exception)
    assert run.exception is None and "Traceback" not in run.stderr


def test_repository_with_errors_is_not_rendered_unless_forced(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = cli("render", str(BERMASALAH), "--out", str(out), "--format", "dot", "--no-cache")
    _clear(refused, 1)
    assert "temuan error" in refused.stderr and "--paksa" in refused.stderr
    assert not out.exists()
    en = cli("render", str(BERMASALAH), "--out", str(out), "--format", "dot", "--no-cache", "--lang", "en")
    _clear(en, 1)
    assert "error findings" in en.stderr and "--force" in en.stderr
    for flag in ("--paksa", "--force"):
        forced = cli("render", str(BERMASALAH), "--out", str(out), "--format", "dot", "--no-cache", flag)
        _clear(forced, 0)
        assert (out / "index.md").is_file()
    check = cli("render", str(BERMASALAH), "--out", str(out), "--format", "dot", "--no-cache", "--check")
    _clear(check, 1)


def test_rebuild_rewrites_everything(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("render", str(repo), "--out", str(out), "--format", "dot").exit_code == 0
    for flag in ("--semua", "--rebuild"):
        again = cli("render", str(repo), "--out", str(out), "--format", "dot", flag)
        _clear(again, 0)
        assert " 0 tidak berubah" in again.stderr
    help_id = cli("render", "--help")
    assert "--paksa" in help_id.stdout and "--semua" in help_id.stdout
    assert "--force" in cli("render", "--help", "--lang", "en").stdout


def test_sop_codes_whose_outputs_collide_are_reported_not_a_crash(
    cli: Callable[..., Run], repo: Path, tmp_path: Path
) -> None:
    source = (repo / "sop" / "dinkes" / "SOP-DINKES-001.yaml").read_text(encoding="utf-8")
    (repo / "sop" / "dinkes" / "SOP-X.yaml").write_text(
        source.replace("kode: SOP-DINKES-001\n", "kode: SOP-DINKES-001.md\n", 1), encoding="utf-8"
    )
    out = tmp_path / "out"
    run = cli("render", str(repo), "--out", str(out), "--format", "dot")
    _clear(run, 1)
    assert "'sop/SOP-DINKES-001.md' dan 'sop/SOP-DINKES-001.md/halaman-1.dot' bertabrakan" in run.stderr
    assert (out / "sop" / "SOP-DINKES-002.md").is_file()
    again = tmp_path / "again"
    cli("render", str(repo), "--out", str(again), "--format", "dot")
    assert _files(out) == _files(again)
    _clear(cli("render", str(repo), "--out", str(out), "--format", "dot", "--check"), 1)


def test_output_conflicts_include_letter_case() -> None:
    from probis_cli.render.run import output_conflicts

    assert output_conflicts(["sop/A.md", "sop/a.md", "sop/B.md"]) == [("sop/A.md", "sop/a.md")]
    assert output_conflicts(["sop/X.md", "sop/X.md/halaman-1.svg", "sop/X/halaman-1.svg"]) == [
        ("sop/X.md", "sop/X.md/halaman-1.svg")
    ]
    assert output_conflicts(["a/b.svg", "a/c.svg"]) == []


def _templat(repo: Path, value: str) -> None:
    probis = repo / "probis.yaml"
    probis.write_text(
        probis.read_text(encoding="utf-8").replace(
            "    format: [svg]\n", f"    format: [svg]\n    templat: {value}\n", 1
        ),
        encoding="utf-8",
    )


@pytest.mark.parametrize("value", ["/", "../.."])
def test_template_folder_outside_the_repository_is_refused_without_reading_it(
    cli: Callable[..., Run], repo: Path, tmp_path: Path, value: str
) -> None:
    _templat(repo, value)
    run = cli("render", str(repo), "--out", str(tmp_path / "out"), "--format", "dot")
    _clear(run, 2)
    assert "pengaturan.render.templat" in run.stderr and "di luar repositori" in run.stderr


def test_template_folder_is_read_bounded_and_unreadable_templates_are_named(
    cli: Callable[..., Run], repo: Path, tmp_path: Path
) -> None:
    import os

    folder = repo / "templat"
    (folder / "arsip").mkdir(parents=True)
    (folder / "arsip" / "besar.bin").write_bytes(b"\0" * 10)  # not a template: never read
    (folder / "catatan.txt").write_text("bukan templat\n", encoding="utf-8")
    (folder / "_kaki.md.j2").write_text("Kaki khusus Pemda\n", encoding="utf-8")
    _templat(repo, "templat")
    out = tmp_path / "out"
    ok = cli("render", str(repo), "--out", str(out), "--format", "dot")
    _clear(ok, 0)
    assert "Kaki khusus Pemda" in (out / "sop" / "SOP-DINKES-001.md").read_text(encoding="utf-8")
    os.mkfifo(folder / "_kop.md.j2")  # would block a plain read forever
    fifo = cli("render", str(repo), "--out", str(out), "--format", "dot")
    _clear(fifo, 2)
    assert "templat/_kop.md.j2" in fifo.stderr and "bukan berkas biasa" in fifo.stderr
    (folder / "_kop.md.j2").unlink()
    (folder / "_kop.md.j2").write_bytes(b"\xff\xfe bukan utf-8")
    bad = cli("render", str(repo), "--out", str(out), "--format", "dot", "--lang", "en")
    _clear(bad, 2)
    assert "templat/_kop.md.j2" in bad.stderr and "UTF-8" in bad.stderr


def test_template_errors_are_located(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    folder = repo / "templat"
    folder.mkdir()
    (folder / "_kaki.md.j2").write_text("baris satu\n{{ 'x' * 100000000 }}\n", encoding="utf-8")
    _templat(repo, "templat")
    big = cli("render", str(repo), "--out", str(tmp_path / "o"), "--format", "dot")
    _clear(big, 2)
    assert "templat/_kaki.md.j2:2" in big.stderr and "tidak aman" in big.stderr
    (folder / "_kaki.md.j2").write_text("baris satu\n{% if %}\n", encoding="utf-8")
    syntax = cli("render", str(repo), "--out", str(tmp_path / "o"), "--format", "dot")
    _clear(syntax, 2)
    assert "templat/_kaki.md.j2:2" in syntax.stderr and "tidak valid" in syntax.stderr
    (folder / "_kaki.md.j2").write_text("{{ tidak_ada.apa }}\n", encoding="utf-8")
    undefined = cli("render", str(repo), "--out", str(tmp_path / "o"), "--format", "dot")
    _clear(undefined, 2)
    assert "templat/_kaki.md.j2:1" in undefined.stderr and "tidak_ada" in undefined.stderr
    probis = repo / "probis.yaml"
    probis.write_text(
        probis.read_text(encoding="utf-8").replace("templat: templat\n", "templat: tidak-ada\n"), encoding="utf-8"
    )
    missing = cli("render", str(repo), "--out", str(tmp_path / "o"), "--format", "dot")
    _clear(missing, 2)
    assert "'tidak-ada'" in missing.stderr and "tidak ada atau bukan folder" in missing.stderr


def test_out_naming_a_file_is_a_clear_error(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "berkas.txt"
    target.write_text("x\n", encoding="utf-8")
    run = cli("render", str(repo), "--out", str(target), "--format", "dot")
    _clear(run, 2)
    assert "bukan folder" in run.stderr
    nested = cli("render", str(repo), "--out", str(target / "sub"), "--format", "dot", "--lang", "en")
    _clear(nested, 2)
    assert "not a folder" in nested.stderr


@pytest.mark.parametrize(
    ("code", "id_text", "en_text"),
    [
        (28, "ruang disk penuh", "no space left"),
        (13, "izin ditolak", "permission denied"),
        (30, "hanya-baca", "read-only"),
    ],
)
def test_write_failures_are_clear_errors(
    cli: Callable[..., Run],
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    id_text: str,
    en_text: str,
) -> None:
    import os

    from probis_cli import fs

    real = fs.write_atomic
    out = tmp_path / "out"

    def failing(path: Path, data: str | bytes, *, root: Path | None = None) -> None:
        if root is not None and out.resolve() in (Path(root).resolve(), *Path(root).resolve().parents):
            raise OSError(code, os.strerror(code), str(path))
        real(path, data, root=root)

    monkeypatch.setattr(fs, "write_atomic", failing)
    run = cli("render", str(repo), "--out", str(out), "--format", "dot")
    _clear(run, 2)
    assert id_text in run.stderr and str(out) in run.stderr
    en = cli("render", str(repo), "--out", str(out), "--format", "dot", "--lang", "en")
    _clear(en, 2)
    assert en_text in en.stderr


def test_written_files_get_the_umask_mode(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "out"
    previous = os.umask(0o022)
    try:
        _clear(cli("render", str(repo), "--out", str(out), "--format", "dot"), 0)
    finally:
        os.umask(previous)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()}
    assert modes == {0o644}, modes


def test_filter_errors_name_what_exists(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    opd = cli("render", str(repo), "--out", out, "--format", "dot", "--opd", "dinkess")
    _clear(opd, 2)
    assert (
        "OPD 'dinkess' tidak dikenal" in opd.stderr and "bappeda" in opd.stderr and "maksud Anda: dinkes" in opd.stderr
    )
    assert "hierarki" not in opd.stderr
    code = cli("render", str(repo), "--out", out, "--format", "dot", "--kode", "SOP-DINKES-01", "--lang", "en")
    _clear(code, 2)
    assert "'SOP-DINKES-01'" in code.stderr and "Did you mean: SOP-DINKES-001" in code.stderr
    kind = cli("render", str(repo), "--out", out, "--jenis", "tidak-ada")
    _clear(kind, 2)
    assert "lintas-fungsi" in kind.stderr
    both = cli("render", str(repo), "--out", out, "--format", "dot", "--opd", "bappeda", "--kode", "SOP-DINKES-001")
    _clear(both, 2)
    assert "sekaligus" in both.stderr


def test_relative_out_is_relative_to_the_working_folder(
    cli: Callable[..., Run], repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("render", str(repo), "--out", "build/keluaran", "--format", "dot")
    _clear(run, 0)
    assert (tmp_path / "build" / "keluaran" / "index.md").is_file()
    assert not (tmp_path / "build" / "keluaran" / "build").exists()
    _clear(cli("render", str(repo), "--out", "build/keluaran", "--format", "dot", "--check"), 0)
