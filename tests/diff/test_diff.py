"""``probis diff`` on a repository built commit by commit (tests/diff/scenario.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from probis_cli.diff import DIFF_REPORTERS
from probis_cli.diff.markdown import LIMIT, MARKER
from probis_cli.diff.markdown import report as markdown_report
from probis_cli.diff.model import Change, DiffResult, FieldChange, State
from probis_cli.diff.run import run_diff
from probis_cli.diff.state import ParseShare, discover_in_tree, load_contents
from probis_cli.findings import Message
from probis_cli.i18n import Lang
from probis_cli.source.discover import discover
from tests.cli.conftest import Run
from tests.conftest import CheckGolden
from tests.diff.scenario import DATA, git

Scenario = tuple[Path, list[str]]


@pytest.fixture(scope="module")
def whole(scenario: Scenario) -> DiffResult:
    top, commits = scenario
    return run_diff(top / DATA, commits[0], commits[-1], use_cache=False, env={})


@pytest.mark.parametrize(
    ("fmt", "lang", "name"),
    [
        ("text", "id", "text.id.txt"),
        ("text", "en", "text.en.txt"),
        ("markdown", "id", "markdown.id.md"),
        ("json", "id", "json.id.json"),
    ],
)
def test_goldens(whole: DiffResult, golden: CheckGolden, fmt: str, lang: Lang, name: str) -> None:
    golden(f"scenario.{name}", without_commit_ids(DIFF_REPORTERS[fmt](whole, lang), whole))


def without_commit_ids(text: str, result: DiffResult) -> str:
    """Commit ids follow the examples' content: goldens name them by a fixed stand-in."""
    for state, digit in ((result.base, "1"), (result.head, "2")):
        if state.commit:
            text = text.replace(state.commit, digit * len(state.commit)).replace(state.commit[:7], digit * 7)
    return text


def _changes(result: DiffResult) -> dict[tuple[str, str], Change]:
    return {(c.kind, c.kode): c for c in result.changes}


def test_what_changed_is_reported_exactly(whole: DiffResult) -> None:
    changes = _changes(whole)
    owner = changes[("proses", "PB.02.01.01")]
    assert [m.id for m in owner.highlights] == ["diff.hl.pemilik"]
    assert dict(owner.highlights[0].args) == {"before": "dinkes/bid-p2p", "after": "dinkes/bid-yankes"}
    renamed = changes[("proses", "PB.04.01.01")]
    assert (renamed.nama_lama, renamed.nama, renamed.fields) == (
        "Penerbitan KTP Elektronik",
        "Penerbitan dan Penggantian KTP Elektronik",
        (),
    )
    moved = changes[("sop", "SOP-KEC-003")]
    assert (moved.action, moved.kode_lama, moved.path_lama) == (
        "dipindah",
        "SOP-KEC-002",
        "sop/kec-sukamaju/SOP-KEC-002.yaml",
    )
    assert ("sop", "SOP-KEC-002") not in changes  # not also "removed"
    waktu = changes[("sop", "SOP-DINKES-002")]
    assert [(m.id, dict(m.args).get("before"), dict(m.args).get("after")) for m in waktu.highlights] == [
        ("diff.hl.waktu", "4 jam", "6 jam"),
        ("diff.hl.total_waktu", "3 hari kerja 1 jam 30 menit", "3 hari kerja 3 jam 30 menit"),
    ]
    claim = changes[("kegiatan", "1.02.02.2.02")]
    assert (claim.action, claim.opd, [m.id for m in claim.highlights]) == (
        "ditambah",
        "dpmptsp",
        ["diff.hl.kegiatan_claimed"],
    )
    assert sorted(f.code for f in whole.introduced) == ["K005", "T001", "T004", "T006"]
    assert [f.code for f in whole.resolved] == ["K009"]
    assert whole.base.commit is not None and whole.head.commit is not None


def test_findings_survive_line_shifts(scenario: Scenario) -> None:
    # Commit 5 inserts two lines at the top of dpmptsp's kegiatan: findings further down in
    # that file move, but are not reported as new (the fingerprint has no line).
    top, commits = scenario
    result = run_diff(top / DATA, commits[4], commits[5], use_cache=False, env={})
    assert sorted(f.code for f in result.introduced) == ["K005", "T001", "T004"]
    assert result.resolved == []


def test_exit_codes_follow_fail_on(scenario: Scenario, cli: Callable[..., Run]) -> None:
    top, commits = scenario
    data = str(top / DATA)
    # Owner change + rename: one new warning (T006), no new error.
    assert cli("diff", commits[0], commits[2], "-C", data).exit_code == 0
    assert cli("diff", commits[0], commits[2], "-C", data, "--fail-on", "peringatan").exit_code == 1
    # The overlap: new errors.
    run = cli("diff", commits[4], commits[5], "-C", data, "--lang", "en")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[2].startswith("New findings: 3 (2 error, 1 warning): K005, T001, T004")


def test_working_tree_is_the_default_head(scenario: Scenario, cli: Callable[..., Run], tmp_path: Path) -> None:
    top, commits = scenario
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(top), str(clone)], check=True)
    sop = clone / DATA / "sop/dinkes/SOP-DINKES-002.yaml"
    sop.write_text(
        sop.read_text(encoding="utf-8").replace("      waktu: 6 jam\n", "      waktu: 1 hari kerja\n"), encoding="utf-8"
    )
    run = cli("diff", "HEAD", "-C", str(clone / DATA), "--format", "json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["head"] == {"label": "", "commit": None}
    texts = [h["text"] for c in data["changes"] for h in c["highlights"]]
    assert "Total waktu SOP: 3 hari kerja 3 jam 30 menit → 3 hari kerja 5 jam 30 menit" in texts
    # Default BASE: the merge-base with the default branch (origin/HEAD of the clone).
    git(clone, "checkout", "-q", "-b", "fitur")
    git(clone, "commit", "-q", "-a", "-m", "waktu")
    run = cli("diff", "-C", str(clone / DATA), "--format", "json")
    assert json.loads(run.stdout)["base"]["commit"] == commits[-1]


def test_not_a_git_repository_is_a_clear_error(tmp_path: Path, cli: Callable[..., Run]) -> None:
    shutil.copytree(
        Path(__file__).resolve().parents[2] / "examples/kota-contoh",
        tmp_path / "data",
        ignore=shutil.ignore_patterns(".probis-cache"),
    )
    run = cli("diff", "HEAD", "-C", str(tmp_path / "data"), env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert run.exit_code == 2
    assert "tidak berada di repositori git" in run.stderr
    assert run.exception is None


@pytest.mark.parametrize(
    "revision", ["--output=/tmp/x", "-h", "nope-no-such-branch", "HEAD\nmain", "HEAD:pemda/probis.yaml"]
)
def test_bad_revisions_are_refused(scenario: Scenario, cli: Callable[..., Run], revision: str, tmp_path: Path) -> None:
    top, _ = scenario
    run = cli("diff", "--path", str(top / DATA), "--", revision)
    assert run.exit_code == 2, run.stdout
    assert "bukan revisi" in run.stderr
    assert not Path("/tmp/x").exists() or revision != "--output=/tmp/x"


def test_markdown_never_exceeds_the_limit() -> None:
    many = [
        Change(
            "proses",
            "diubah",
            f"PB.{i:04d}",
            "Proses " + "panjang " * 20,
            f"opd{i % 40}",
            f"proses/{i}.yaml",
            fields=(FieldChange("deskripsi", "a" * 150, "b" * 150),),
            highlights=(Message.of("diff.hl.pemilik", before="a", after="b"),),
        )
        for i in range(3000)
    ]
    result = DiffResult(State("main", "0" * 40, 4000), State("", None, 4000), changes=many)
    text = markdown_report(result, "id")
    assert len(text) <= LIMIT
    assert text.startswith(MARKER + "\n")
    assert "Komentar dipotong" in text and "perubahan dan 0 temuan tidak ditampilkan" in text
    small = markdown_report(result, "en", limit=5000)
    assert len(small) <= 5000 and "Comment shortened" in small


def test_markdown_escapes_repository_text() -> None:
    evil = Change(
        "proses",
        "ditambah",
        "PB.99",
        "<img src=x onerror=alert(1)> @everyone [x](http://e) `code` | -->",
        "dinkes",
        "p.yaml",
    )
    text = markdown_report(DiffResult(State("main", "0" * 40, 1), State("", None, 1), changes=[evil]), "id")
    assert "<img" not in text and "@everyone" not in text and "[x](" not in text and "-->" not in text.split("\n", 1)[1]


def test_discovery_from_git_equals_discovery_on_disk(tmp_path: Path) -> None:
    root = tmp_path / "r"
    files = {
        "probis.yaml": "pengaturan: {kecualikan: [arsip/**, '*.draft.yaml'], render: {keluaran: keluar}}\n",
        ".gitignore": "abaikan/\n*.tmp.yaml\n!penting.tmp.yaml\n",
        "a.yaml": "",
        "b.yml": "",
        "c.txt": "",
        ".tersembunyi.yaml": "",
        "arsip/x.yaml": "",
        "x.draft.yaml": "",
        "keluar/y.yaml": "",
        "abaikan/z.yaml": "",
        "d/e.tmp.yaml": "",
        "d/penting.tmp.yaml": "",
        "d/.gitignore": "f.yaml\n",
        "d/f.yaml": "",
        "d/g.yaml": "",
        ".git2/h.yaml": "",
        "node_modules/i.yaml": "",
        "abaikan/.gitignore": "!z.yaml\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    on_disk = [p.relative_to(root).as_posix() for p in discover(root, exclude=["arsip/**", "*.draft.yaml", "keluar"])]
    contents = {rel: text.encode() for rel, text in files.items()}
    assert discover_in_tree(files, contents, ["arsip/**", "*.draft.yaml", "keluar"]) == on_disk
    assert on_disk == ["a.yaml", "b.yml", "d/g.yaml", "d/penting.tmp.yaml", "probis.yaml"]


def test_each_content_is_parsed_once(tmp_path: Path) -> None:
    share = ParseShare(tmp_path, use_cache=False)
    a = {"probis.yaml": b"probis: 1\njenis: pemda\n", "x.yaml": b"probis: 1\njenis: opd\n"}
    b = {"probis.yaml": b"probis: 1\njenis: pemda\n", "y.yaml": b"probis: 1\njenis: opd\n", "z.yaml": b"x: 1\n"}
    load_contents(tmp_path, a, share)
    load_contents(tmp_path, b, share)
    assert share.parsed == 3  # probis.yaml / x.yaml = y.yaml / z.yaml


_OWN_TAGS = re.compile(r"<!-- probis-diff -->|</?details>|</?summary>")


@settings(max_examples=60, deadline=None)
@given(nama=st.text(max_size=40), kode=st.text(min_size=1, max_size=12), value=st.text(max_size=40))
def test_markdown_never_lets_repository_text_through(nama: str, kode: str, value: str) -> None:
    change = Change("sop", "diubah", kode, nama, "dinkes", "s.yaml", fields=(FieldChange("nomor", value, nama),))
    text = markdown_report(DiffResult(State("main", "0" * 40, 1), State("", None, 1), changes=[change]), "id")
    rest = _OWN_TAGS.sub("", text)
    assert "<" not in rest and "@" not in rest
    assert all(line == "" or line[0] in "<#|-*>" or line.startswith("  -") for line in text.split("\n"))
