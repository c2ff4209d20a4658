"""The editor features without the wire: field detection, candidates, quick fixes, language."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from probis_cli.cli.main import build_app
from probis_cli.lsp import features
from probis_cli.session import Session

pytest.importorskip("pygls")

from probis_cli.lsp.server import choose_lang  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PROSES = """probis: 1
jenis: proses
kode: PB.09
pemilik: dinkes
aktivitas:
  - kode: A1
    pelaksana: din
  - {kode: A2, nama: X, pelaksana: dinkes/}
keluaran:
  - nama: Laporan
    untuk: [kemenkes, ]
sop: [SOP-DINKES-001, ]
"""


@pytest.mark.parametrize(
    ("needle", "chain"),
    [
        ("pemilik: din", ["pemilik"]),
        ("pelaksana: din", ["aktivitas", "pelaksana"]),
        ("pelaksana: dinkes/", ["aktivitas", "pelaksana"]),
        ("untuk: [kemenkes, ", ["keluaran", "untuk"]),
        ("sop: [SOP-DINKES-001, ", ["sop"]),
        ("  - nama: Lap", ["keluaran", "nama"]),
    ],
)
def test_field_at_reads_half_typed_yaml(needle: str, chain: list[str]) -> None:
    at = PROSES.index(needle) + len(needle)
    line = PROSES.count("\n", 0, at) + 1
    column = at - (PROSES.rfind("\n", 0, at) + 1) + 1
    assert features.field_at(PROSES, line, column) == ("proses", chain)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    root = tmp_path_factory.mktemp("features") / "kota-contoh"
    shutil.copytree(EXAMPLES / "kota-contoh", root)
    return Session.open(root, use_cache=False)


def test_candidates_fit_the_field(session: Session) -> None:
    index = session.check().index
    line = PROSES.split("\n").index("sop: [SOP-DINKES-001, ]") + 1
    sops = [c.code for c in features.candidates(index, PROSES, line, len("sop: [SOP-DINKES-001, ") + 1)]
    assert sops == sorted(index.sop)
    line = PROSES.split("\n").index("    untuk: [kemenkes, ]") + 1
    actors = {c.code for c in features.candidates(index, PROSES, line, len("    untuk: [kemenkes, ") + 1)}
    assert {"kemenkes", "masyarakat", "dinkes", "dinkes/bid-p2p"} <= actors
    line = PROSES.split("\n").index("  - nama: Laporan") + 1
    assert features.candidates(index, PROSES, line, 12) == []


def test_unknown_key_has_a_quick_fix(session: Session) -> None:
    path = session.root / "proses/dinkes/PB.11.yaml"
    text = path.read_text().replace("\nnama:", "\nnamma:", 1)
    assert session.set_buffer(path, text)
    try:
        findings = [f for f in session.check().result.findings if f.location.path == "proses/dinkes/PB.11.yaml"]
        s002 = next(f for f in findings if f.code == "S002")
        fix = features.quick_fix(s002, text)
        assert fix is not None and (fix.old, fix.new) == ("namma", "nama")
        assert text.split("\n")[fix.line - 1][fix.column - 1 :].startswith("namma:")
    finally:
        session.close_buffer(path)


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROBIS_LANG", raising=False)
    assert choose_lang(None, None, None) == "id"
    assert choose_lang(None, None, "en-US") == "en"
    assert choose_lang(None, {"lang": "en"}, "id") == "en"
    assert choose_lang(None, {"bahasa": "id"}, "en-GB") == "id"
    assert choose_lang("id", {"lang": "en"}, "en") == "id"
    monkeypatch.setenv("PROBIS_LANG", "en")
    assert choose_lang(None, None, "id-ID") == "en"


def test_missing_dependency_is_a_clear_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a))
    result = CliRunner().invoke(build_app("en"), ["lsp", "--lang", "en"], prog_name="probis")
    assert result.exit_code == 2
    assert "needs the Python package 'pygls'" in result.stderr and "pip install 'probis-cli[lsp]'" in result.stderr
