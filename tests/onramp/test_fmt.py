"""``probis fmt``: canonical layout, comments kept, values never changed, idempotent."""

from __future__ import annotations

import importlib.util
import random
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from probis_cli.scaffold import roundtrip
from probis_cli.scaffold.fmt import format_text
from probis_cli.scaffold.roundtrip import probis_view
from tests.cli.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / "kota-contoh", ROOT / "examples" / "kota-bermasalah"]
EXAMPLE_FILES = sorted(p for folder in EXAMPLES for p in folder.rglob("*.yaml"))
FIXTURE_FILES = sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
TOP_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:")


def _raw(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_check_passes_on_every_example(cli: Callable[..., Run], folder: Path) -> None:
    run = cli("fmt", str(folder), "--check")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "berkas sudah rapi" in run.stderr


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fixtures_are_already_canonical(path: Path) -> None:
    result = format_text(path.name, _raw(path))
    assert result.status in ("unchanged", "skipped"), result


def _blocks(text: str) -> tuple[list[str], list[list[str]]]:
    """Top-level key blocks of ``text`` (comment lines above a key belong to it), written
    independently of the implementation."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if TOP_KEY.match(line)]
    head_end = 0
    while lines[head_end].startswith("#"):
        head_end += 1
    blocks: list[list[str]] = []
    for n, start in enumerate(starts):
        begin = head_end if n == 0 else start
        if n > 0:
            while begin > starts[n - 1] + 1 and (lines[begin - 1].startswith("#") or not lines[begin - 1].strip()):
                begin -= 1
        if blocks:
            blocks[-1] = blocks[-1][: len(blocks[-1]) - (start - begin)] if start > begin else blocks[-1]
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        blocks.append(lines[begin:end])
    return lines[:head_end], blocks


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, len(EXAMPLE_FILES) - 1), seed=st.integers(0, 2**32 - 1))
def test_shuffled_top_level_keys_come_back_exactly(index: int, seed: int) -> None:
    original = _raw(EXAMPLE_FILES[index])
    head, blocks = _blocks(original)
    if original.endswith("\n") is False or any(not b[-1].endswith("\n") for b in blocks):
        return
    shuffled = blocks[:]
    random.Random(seed).shuffle(shuffled)
    # Comment lines right after the file's head comments are the head's: a block that starts
    # with its own comment cannot come first without changing what its comment belongs to.
    plain = next((i for i, block in enumerate(shuffled) if not block[0].startswith("#")), 0)
    shuffled.insert(0, shuffled.pop(plain))
    text = "".join(head + [line for block in shuffled for line in block])
    result = format_text("x.yaml", text)
    assert result.status in ("formatted", "unchanged"), result
    assert (result.text or text) == original


@settings(max_examples=25, deadline=None)
@given(index=st.integers(0, len(EXAMPLE_FILES) - 1), seed=st.integers(0, 2**32 - 1))
def test_shuffled_step_keys_come_back_exactly(index: int, seed: int) -> None:
    """Keys inside list items (langkah, aktivitas, kegiatan ...) in any order: fmt restores
    the canonical order; only items without comment lines inside are shuffled."""
    original = _raw(EXAMPLE_FILES[index])
    lines = original.splitlines(keepends=True)
    rng = random.Random(seed)
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = re.match(r"^( *)- ([a-z_]+: .+)\n$", lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = match.group(1) + "  "
        item = [match.group(2) + "\n"]
        j = i + 1
        # only simple items: one-line "key: value" entries, no nested blocks or comments
        while (
            j < len(lines)
            and lines[j].startswith(indent)
            and re.match(r"^ *[a-z_]+: [^#\n]+\n$", lines[j])
            and not lines[j].startswith(indent + " ")
        ):
            item.append(lines[j][len(indent) :])
            j += 1
        if j < len(lines) and lines[j].startswith(indent + " "):
            out.extend(lines[i:j])
            i = j
            continue
        rng.shuffle(item)
        out.append(f"{match.group(1)}- {item[0]}")
        out.extend(indent + rest for rest in item[1:])
        i = j
    text = "".join(out)
    result = format_text("x.yaml", text)
    assert (result.text or text) == original


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("probis_bench_generate_fmt", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("mini")
    module.generate(out, "mini", seed=3, defect_rate=0.2)
    return out


def test_generated_repository_idempotent_and_models_unchanged(generated: Path) -> None:
    files = sorted(generated.rglob("*.yaml"))
    assert len(files) > 30
    changed = 0
    for path in files:
        rel = path.relative_to(generated).as_posix()
        before = _raw(path)
        first = format_text(rel, before)
        assert first.status in ("unchanged", "formatted"), first
        after = first.text if first.text is not None else before
        changed += first.text is not None
        assert probis_view(rel, before) == probis_view(rel, after)
        assert format_text(rel, after).status == "unchanged", rel
    assert changed > 0  # the generator writes indentless lists; fmt indents them


def test_comments_blank_lines_bom_and_crlf_are_kept() -> None:
    text = (
        "\ufeff# yaml-language-server: $schema=../schemas/sop.schema.json\r\n"
        "jenis: sop\r\nprobis: 1\r\n"
        "nama: Contoh   # nama SOP\r\n"
        "kode: SOP-X-001\r\n\r\n"
        "# pelaksana kolom\r\n"
        "pelaksana:\r\n- {kode: a, nama: A}\r\n"
        "langkah:\r\n- kegiatan: Mulai\r\n  no: 1\r\n  pelaksana: a\r\n  simbol: selesai\r\n"
    )
    result = format_text("x.yaml", text)
    assert result.status == "formatted" and result.text is not None
    out = result.text
    assert out.startswith("\ufeff# yaml-language-server")
    assert "\r\n" in out and "\n" not in out.replace("\r\n", "")
    assert out.replace("\r\n", "\n").replace("\ufeff", "") == (
        "# yaml-language-server: $schema=../schemas/sop.schema.json\n"
        "probis: 1\njenis: sop\nkode: SOP-X-001\nnama: Contoh   # nama SOP\n\n"
        "# pelaksana kolom\n"
        "pelaksana:\n  - {kode: a, nama: A}\n"
        "langkah:\n  - no: 1\n    kegiatan: Mulai\n    pelaksana: a\n    simbol: selesai\n"
    )


def test_values_yaml_would_misread_stay_as_typed() -> None:
    text = (
        "probis: 1\njenis: opd\nnama: Dinas\nkode: diskominfo\n"
        'urusan: [2.16, 2.20, "2.21"]\n'
        "jabatan:\n- nama: Kepala\n  kode: no\n"
        "kegiatan:\n- nama: X\n  kode: 2.20.02.2.01\n"
    )
    result = format_text("opd.yaml", text)
    assert result.text is not None
    assert 'urusan: [2.16, 2.20, "2.21"]' in result.text
    assert "kode: no" in result.text and "kode: 2.20.02.2.01" in result.text
    sop = "probis: 1\njenis: sop\nkode: S-1\nnama: X\ntanggal_revisi: null\ntanggal_efektif: 2026-01-02\ndisahkan_oleh: {nip: 0012, jabatan: K}\nlangkah:\n  - {no: 1, kegiatan: a, pelaksana: p, ya: 2, tidak: ~}\n"
    result = format_text("sop.yaml", sop)
    assert result.text is not None
    assert "tanggal_revisi: null\n" in result.text and "tanggal_efektif: 2026-01-02\n" in result.text
    assert "{jabatan: K, nip: 0012}" in result.text
    assert "tidak: ~" in result.text


def test_other_yaml_and_broken_files_are_left_alone() -> None:
    assert format_text("x.yaml", "nama: bukan probis\nb: [1,2]\n").status == "skipped"
    assert format_text("x.yaml", "probis: 1\njenis: sop\njenis: opd\n").status == "skipped"
    assert format_text("x.yaml", "a: [\n").status == "skipped"


def test_refuses_to_write_when_a_value_would_change(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "kota"
    shutil.copytree(EXAMPLES[0], repo)
    target = repo / "opd" / "dinkes.yaml"
    before = target.read_bytes()
    target.write_bytes(before.replace(b"urusan: [1.02]", b"urusan: [1.02]\n\n\n"))
    real = roundtrip.dump_rt

    def corrupt(documents: list[object], *, explicit_start: bool) -> str:
        return real(documents, explicit_start=explicit_start).replace("Dinas Kesehatan", "Dinas Kesehatan!")

    monkeypatch.setattr("probis_cli.scaffold.fmt.dump_rt", corrupt)
    run = cli("fmt", str(repo / "opd"))
    assert run.exit_code == 2
    assert "opd/dinkes.yaml" in run.stderr and "mengubah nilai" in run.stderr
    assert target.read_bytes() == before.replace(b"urusan: [1.02]", b"urusan: [1.02]\n\n\n")


def test_check_diff_and_write(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = tmp_path / "kota"
    shutil.copytree(EXAMPLES[0], repo)
    target = repo / "sop" / "dinkes" / "SOP-DINKES-001.yaml"
    original = target.read_text(encoding="utf-8")
    untidy = original.replace("nama: Pelayanan Imunisasi Dasar\n", "").replace(
        "proses: PB.02.01.01\n", "proses: PB.02.01.01\nnama: Pelayanan Imunisasi Dasar\n"
    )
    head, rest = untidy.split("dasar_hukum:\n", 1)
    items, tail = rest.split("kualifikasi_pelaksana:", 1)
    untidy = head + "dasar_hukum:\n" + items.replace("  - ", "- ") + "kualifikasi_pelaksana:" + tail
    target.write_text(untidy, encoding="utf-8")
    check = cli("fmt", str(repo / "sop" / "dinkes"), "--check", "--lang", "en")
    assert check.exit_code == 1
    assert "not tidy: sop/dinkes/SOP-DINKES-001.yaml" in check.stdout
    assert target.read_text(encoding="utf-8") == untidy
    diff = cli("fmt", str(target), "--diff")
    assert diff.exit_code == 0 and "+nama: Pelayanan Imunisasi Dasar" in diff.stdout
    assert target.read_text(encoding="utf-8") == untidy
    write = cli("fmt", str(repo / "sop"))
    assert write.exit_code == 0 and "1 dari" in write.stderr
    assert target.read_text(encoding="utf-8") == original
    assert cli("fmt", str(repo / "sop" / "dinkes"), "--check").exit_code == 0


def test_unreadable_and_broken_files_are_reported_not_touched(cli: Callable[..., Run], tmp_path: Path) -> None:
    repo = tmp_path / "kota"
    shutil.copytree(EXAMPLES[0], repo)
    latin = repo / "opd" / "latin1.yaml"
    latin.write_bytes("probis: 1\njenis: opd\nkode: x\nnama: Dinas Pariwisata dan Kebudayaan \xe9\n".encode("latin-1"))
    broken = repo / "opd" / "rusak.yaml"
    broken.write_text("probis: 1\njenis: opd\nkode: [x\n", encoding="utf-8")
    run = cli("fmt", str(repo / "opd"))
    assert run.exit_code == 0, run.stderr
    assert "opd/latin1.yaml: tidak dapat dibaca" in run.stderr
    assert "opd/rusak.yaml: tidak dirapikan" in run.stderr
    assert broken.read_text(encoding="utf-8") == "probis: 1\njenis: opd\nkode: [x\n"
