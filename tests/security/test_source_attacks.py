"""Attacks on the reading side: what a repository's content (a pull request) must not achieve.

One test per attack (issue 7): S3 reads outside through symlinks, S4 cache writes redirected
by a committed ``.probis-cache`` symlink, S5 forged and damaged parse-cache entries, D4 files
that never end or never open, and the false greens (no repository, unreadable folders,
unknown ``--select`` codes).
"""

from __future__ import annotations

import marshal
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from probis_cli import fs
from probis_cli.digest import digest_bytes
from probis_cli.source import loader
from tests.badinput.conftest import BASE
from tests.cli.conftest import Run, cli  # noqa: F401 - the fixture, used by name

SECRET = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-K7MDENG-bPxRfiCY"
BROKEN_PROCESS = "probis: 1\njenis: proses\nkode: PB.02\nnama: Rapat\nkategori: inti\npemilik: dinkes/bid-p2x\n"
GOOD_PROCESS = "probis: 1\njenis: proses\nkode: PB.02\nnama: Rapat\nkategori: inti\npemilik: dinkes/bid-p2p\n"


@pytest.fixture(autouse=True)
def machine_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A per-test machine key, kept outside the repository like the real one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(fs, "_KEY", None)
    yield


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for rel, text in BASE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the repository holding a secret (an env file of the CI runner)."""
    folder = tmp_path / "runner"
    folder.mkdir()
    (folder / ".env").write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "rahasia.yaml").write_text(f"probis: 1\njenis: proses\n{SECRET}: x\n", encoding="utf-8")
    return folder


def codes(run: Run) -> list[str]:
    return re.findall(r"\b([A-Z]\d{3})\b", run.stdout)


# --- S3: reads outside the repository ---------------------------------------------------------


def test_s3_yaml_symlink_outside_is_not_read(cli: Callable[..., Run], repo: Path, outside: Path) -> None:
    (repo / "proses" / "env.yaml").symlink_to(outside / ".env")
    run = cli("validate", str(repo), "--no-lint")
    assert SECRET not in run.stdout + run.stderr
    assert "wJalrXUtnFEMI" not in run.stdout + run.stderr
    assert "proses/env.yaml" in run.stdout and "Y011" in run.stdout
    assert "luar repositori" in run.stdout
    assert run.exit_code == 1


def test_s3_symlinked_folder_outside_is_not_walked(cli: Callable[..., Run], repo: Path, outside: Path) -> None:
    (repo / "opd" / "runner").symlink_to(outside, target_is_directory=True)
    run = cli("validate", str(repo), "--no-lint", "--lang", "en")
    assert SECRET not in run.stdout + run.stderr
    assert "opd/runner" in run.stdout and "outside the repository" in run.stdout
    assert run.exit_code == 1


def test_s3_symlink_inside_the_repository_is_read(cli: Callable[..., Run], repo: Path) -> None:
    (repo / "arsip").mkdir()
    (repo / "arsip" / "PB.02.yaml").write_text(BROKEN_PROCESS, encoding="utf-8")
    (repo / "proses" / "PB.02.yaml").symlink_to(repo / "arsip" / "PB.02.yaml")
    (repo / "probis.yaml").write_text(BASE["probis.yaml"] + "pengaturan: {kecualikan: [arsip]}\n", encoding="utf-8")
    run = cli("validate", str(repo), "--no-lint")
    assert "proses/PB.02.yaml:6:10" in run.stdout and "S008" in run.stdout


def test_s3_probis_yaml_symlink_outside_is_not_repository_content(
    cli: Callable[..., Run], repo: Path, outside: Path
) -> None:
    (outside / "pemda.yaml").write_text(BASE["probis.yaml"] + f"# {SECRET}\nbukan_kunci: 1\n", encoding="utf-8")
    (repo / "probis.yaml").unlink()
    (repo / "probis.yaml").symlink_to(outside / "pemda.yaml")
    run = cli("validate", str(repo), "--no-lint")
    assert SECRET not in run.stdout + run.stderr and "bukan_kunci" not in run.stdout
    assert "probis.yaml" in run.stdout and "Y011" in run.stdout


# --- S4: the parse cache cannot be redirected --------------------------------------------------


def test_s4_cache_symlink_is_not_followed(cli: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir()
    (repo / ".probis-cache").symlink_to(target, target_is_directory=True)
    run = cli("validate", str(repo), "--no-lint")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert list(target.iterdir()) == []
    assert (repo / ".probis-cache").is_symlink()


# --- S5: cache poisoning -----------------------------------------------------------------------


def _cache_file(root: Path, text: str = BROKEN_PROCESS) -> Path:
    """The parse cache file holding (or to hold) the entry of the content ``text``."""
    return loader.shard_file(root / ".probis-cache", loader.shard_of(digest_bytes(text.encode())))


def _forged_entries(text_parsed: str, text_claimed: str) -> dict[str, bytes]:
    """An entry claiming that ``text_claimed`` parses as ``text_parsed`` does."""
    packed = loader._pack(loader.read_bytes(text_parsed.encode()))
    return {digest_bytes(text_claimed.encode()): marshal.dumps(packed)}


@pytest.mark.parametrize("signature", ["unsigned", "other-machine"])
def test_s5_forged_cache_entry_is_not_believed(cli: Callable[..., Run], repo: Path, signature: str) -> None:
    (repo / "proses" / "PB.02.yaml").write_text(BROKEN_PROCESS, encoding="utf-8")
    payload = loader._CACHE_HEADER + marshal.dumps(_forged_entries(GOOD_PROCESS, BROKEN_PROCESS))
    if signature == "unsigned":
        blob = payload
    else:  # signed with the attacker's own key: valid HMAC, wrong key
        import hashlib
        import hmac

        blob = hmac.new(b"k" * 32, payload, hashlib.sha256).digest() + payload
    _cache_file(repo).parent.mkdir()
    _cache_file(repo).write_bytes(blob)
    run = cli("validate", str(repo), "--no-lint")
    assert run.exit_code == 1 and "S008" in run.stdout, run.stdout
    assert "Tidak ada temuan" not in run.stdout


def _damage_truncated(blob: bytes) -> bytes:
    return blob[: len(blob) // 2]


def _damage_bit_flip(blob: bytes) -> bytes:
    middle = len(blob) // 2
    return blob[:middle] + bytes([blob[middle] ^ 0x10]) + blob[middle + 1 :]


def _damage_appended(blob: bytes) -> bytes:
    return blob + b"\x00" * 7


def _resigned(entries: object) -> Callable[[bytes], bytes]:
    """Correctly signed (as a buggy or older probis could have written) but of the wrong shape."""

    def damage(_blob: bytes) -> bytes:
        return fs.signed(loader._CACHE_HEADER + marshal.dumps(entries))

    return damage


def _wrong_entry_types(blob: bytes) -> bytes:
    entries = marshal.loads(fs.verified(blob)[len(loader._CACHE_HEADER) :])  # type: ignore[index]
    broken: dict[str, object] = {}
    shapes: list[object] = [
        b"not marshal \xff",
        marshal.dumps(("x",)),
        marshal.dumps(((("data", "pos-not-bytes", 1, 1),), ())),
        marshal.dumps(((), (("Y001", "read.syntax", "line", None, (), True),))),
        marshal.dumps(((), (("Y001", "read.syntax", 1, 1, (("detail",),), True),))),
        marshal.dumps(None),
        marshal.dumps([1, 2, 3]),
    ]
    for i, key in enumerate(sorted(entries)):
        broken[key] = shapes[i % len(shapes)]
    return fs.signed(loader._CACHE_HEADER + marshal.dumps(broken))


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": _damage_truncated,
    "bit-flipped": _damage_bit_flip,
    "appended": _damage_appended,
    "empty": lambda _blob: b"",
    "wrong-entry-types": _wrong_entry_types,
    "not-a-dict": _resigned([("a", b"b")]),
    "wrong-key-types": _resigned({1: "x", "k": 5}),
    "old-format": lambda blob: fs.verified(blob)[len(loader._CACHE_HEADER) :],  # type: ignore[index]
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_s5_damaged_cache_falls_back_to_parsing(cli: Callable[..., Run], repo: Path, kind: str) -> None:
    (repo / "proses" / "PB.02.yaml").write_text(BROKEN_PROCESS, encoding="utf-8")
    expected = cli("validate", str(repo), "--no-cache")
    first = cli("validate", str(repo))  # fills the cache
    assert first.stdout == expected.stdout
    cache = _cache_file(repo)
    cache.write_bytes(DAMAGE[kind](cache.read_bytes()))
    run = cli("validate", str(repo))
    assert run.exception is None
    assert (run.exit_code, run.stdout) == (expected.exit_code, expected.stdout)
    assert "P000" not in run.stdout and "Dibatalkan" not in run.stdout + run.stderr
    again = cli("validate", str(repo))  # the cache was rewritten and is good again
    assert (again.exit_code, again.stdout) == (expected.exit_code, expected.stdout)


def test_s5_cache_is_signed_and_used(cli: Callable[..., Run], repo: Path) -> None:
    cli("validate", str(repo))
    files = sorted((repo / ".probis-cache").glob("parse-*.marshal"))
    assert files and {f.name for f in files} <= {f"parse-v{loader.CACHE_VERSION}-{s:02d}.marshal" for s in range(16)}
    for file in files:
        data = fs.verified(file.read_bytes())
        assert data is not None and data.startswith(loader._CACHE_HEADER)
    assert len(loader.ParseCache(repo).entries) == len(BASE)


def test_d9_failed_cache_save_leaves_no_temporary_file(
    cli: Callable[..., Run], repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fs.os, "replace", full_disk)
    run = cli("validate", str(repo), "--no-lint")
    assert run.exit_code == 0, run.stdout + run.stderr  # a cache that cannot be written costs speed only
    assert [p.name for p in (repo / ".probis-cache").iterdir() if p.name.endswith(".tmp")] == []


def test_d9_cache_file_respects_the_umask(cli: Callable[..., Run], repo: Path) -> None:
    old = os.umask(0o022)
    try:
        cli("validate", str(repo), "--no-lint")
    finally:
        os.umask(old)
    files = sorted((repo / ".probis-cache").glob("parse-*.marshal"))
    assert files and all(stat.S_IMODE(f.stat().st_mode) == 0o644 for f in files)


# --- D4: files that never end, files that never open ------------------------------------------


def test_d4_symlink_to_dev_zero_is_not_read(cli: Callable[..., Run], repo: Path) -> None:
    (repo / "proses" / "nol.yaml").symlink_to("/dev/zero")
    run = cli("validate", str(repo), "--no-lint")
    assert run.exit_code == 1 and "proses/nol.yaml" in run.stdout and "Y011" in run.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_d4_fifo_named_yaml_is_a_finding_not_a_hang(cli: Callable[..., Run], repo: Path) -> None:
    os.mkfifo(repo / "proses" / "pipa.yaml")
    run = cli("validate", str(repo), "--no-lint", "--lang", "en")
    assert run.exit_code == 1
    assert "proses/pipa.yaml" in run.stdout and "Not a regular file" in run.stdout


def test_d4_large_sparse_file_is_refused_before_reading(cli: Callable[..., Run], repo: Path) -> None:
    with open(repo / "proses" / "besar.yaml", "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: no disk used, 64 MB apparent size
    run = cli("validate", str(repo), "--no-lint")
    assert run.exit_code == 1 and "Y009" in run.stdout


def test_d4_baseline_setting_naming_a_device_is_not_read(cli: Callable[..., Run], repo: Path) -> None:
    (repo / "probis.yaml").write_text(
        BASE["probis.yaml"] + "pengaturan: {lint: {baseline: /dev/zero}}\n", encoding="utf-8"
    )
    run = cli("validate", str(repo))
    assert run.exit_code == 1 and "P004" in run.stdout


# --- False greens ------------------------------------------------------------------------------


def test_false_green_empty_folder_is_not_a_repository(cli: Callable[..., Run], tmp_path: Path) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    run = cli("validate", str(empty))
    assert run.exit_code == 2
    assert "Bukan repositori probis" in run.stderr and "probis.yaml" in run.stderr and "probis init" in run.stderr
    assert "berkas diperiksa" not in run.stdout
    en = cli("validate", str(empty), "--lang", "en")
    assert en.exit_code == 2 and "Not a probis repository" in en.stderr


def test_false_green_unrelated_tree_is_not_scanned(cli: Callable[..., Run], tmp_path: Path) -> None:
    tree = tmp_path / "proyek-lain"
    for i in range(30):
        (tree / f"k8s/{i}").mkdir(parents=True)
        (tree / f"k8s/{i}/deploy.yaml").write_text("apiVersion: v1\nkind: Pod\n", encoding="utf-8")
    run = cli("validate", str(tree / "k8s" / "3"))
    assert run.exit_code == 2 and "Bukan repositori probis" in run.stderr


def test_render_outside_a_repository_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Render loads through the same api.load: no repository is a usage error there too."""
    from probis_cli import api
    from probis_cli.cli.main import run

    with pytest.raises(api.NoRepository):
        api.load(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        run(["render", str(tmp_path), "--check", "--lang", "en"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Not a probis repository" in err and "internal error" not in err


def test_false_green_unreadable_folder_is_a_finding(
    cli: Callable[..., Run], repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = repo / "sop" / "dinkes"
    locked.mkdir(parents=True)
    (locked / "SOP-1.yaml").write_text("probis: 1\njenis: sop\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr("probis_cli.source.discover.os.scandir", scandir)
    run = cli("validate", str(repo), "--no-lint")
    assert run.exit_code == 1
    assert "sop/dinkes" in run.stdout and "Y011" in run.stdout and "Folder tidak dapat dibaca" in run.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_false_green_unreadable_folder_for_real(cli: Callable[..., Run], repo: Path) -> None:
    locked = repo / "sop"
    locked.mkdir()
    locked.chmod(0)
    try:
        run = cli("validate", str(repo), "--no-lint")
    finally:
        locked.chmod(stat.S_IRWXU)
    assert run.exit_code == 1 and "sop" in run.stdout and "Y011" in run.stdout


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [("--select", "K05", "K005"), ("--ignore", "ZZZ", None), ("--select", "kegiatan-gand", "kegiatan-ganda")],
)
def test_false_green_unknown_codes_are_refused(
    cli: Callable[..., Run], repo: Path, option: str, value: str, hint: str | None
) -> None:
    run = cli("validate", str(repo), option, value)
    assert run.exit_code == 2
    assert f"'{value}'" in run.stderr and "probis rules" in run.stderr
    if hint:
        assert f"Maksud Anda '{hint}'?" in run.stderr
    en = cli("validate", str(repo), option, value, "--lang", "en")
    assert en.exit_code == 2 and "Unknown code" in en.stderr


@pytest.mark.parametrize("value", ["K0", "T", "Y011", "kegiatan-ganda", "k005", "S,M"])
def test_known_codes_and_prefixes_stay_valid(cli: Callable[..., Run], repo: Path, value: str) -> None:
    assert cli("validate", str(repo), "--select", value).exit_code == 0
    assert cli("validate", str(repo), "--ignore", value).exit_code == 0


# --- the paths answered before typer (cli.main.run): early parse start, warm check -----------


@pytest.mark.parametrize("trap", ["link", "fifo"])
def test_early_paths_neither_hang_nor_read_outside(
    trap: str, repo: Path, outside: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real entry point: a first run (parse workers started before typer), the same run again
    (the stored report) and a run after an edit (the check before typer) each report the link out
    of the repository (or a FIFO) as Y011 and never read what is behind it. A repository holding a
    FIFO is never answered from the stored report: every run reads it again, and says so."""
    if trap == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    from probis_cli.cli import validate_warm
    from probis_cli.cli.main import run
    from probis_cli.source import early

    monkeypatch.delenv("PROBIS_LANG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(early, "_started", None)
    seen: list[str] = []
    real_start, real_answer = early.start, validate_warm.early_answer

    def spy_start(root: Path) -> None:
        seen.append("parse started early")
        real_start(root)

    def spy_answer(args: list[str]) -> object:
        found = real_answer(args)
        seen.append("answered early" if found is not None else "not answered early")
        return found

    monkeypatch.setattr(early, "start", spy_start)
    monkeypatch.setattr(validate_warm, "early_answer", spy_answer)
    if trap == "fifo":
        os.mkfifo(repo / "proses" / "pipa.yaml")
    (repo / "proses" / "env.yaml").symlink_to(outside / ".env")
    outputs = []
    for step in ("first", "again", "edited"):
        if step == "edited":
            (repo / "proses" / "PB.02.yaml").write_text(BROKEN_PROCESS, encoding="utf-8")
        with pytest.raises(SystemExit) as exit_info:
            run(["validate", str(repo)])
        captured = capsys.readouterr()
        outputs.append(captured.out)
        assert exit_info.value.code == 1, (step, captured.err)
        assert SECRET not in captured.out + captured.err and "wJalrXUtnFEMI" not in captured.out + captured.err
        assert "proses/env.yaml" in captured.out, step
        assert ("proses/pipa.yaml" in captured.out) == (trap == "fifo"), step
        assert captured.out.count("Y011") == (2 if trap == "fifo" else 1), (step, captured.out)
        assert "Traceback" not in captured.err
    assert outputs[0] == outputs[1]
    assert "proses/PB.02.yaml" in outputs[2]
    again = "not answered early" if trap == "fifo" else "answered early"
    assert seen[:3] == ["not answered early", "parse started early", again], seen
