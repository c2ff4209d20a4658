"""Discovery: YAML files by content, config excludes, .gitignore, hidden folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from probis_cli.api import discover_paths
from probis_cli.source.discover import IgnoreRules, Problem, discover_all, find_root, glob_error, matches_any


def _touch(root: Path, *rels: str) -> None:
    for rel in rels:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a: 1\n", encoding="utf-8")


def test_discovery_honours_gitignore_config_and_hidden(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "probis.yaml", "opd/a.yaml", "opd/b.yml", "proses/x/y.yaml", "arsip/lama.yaml",
        "build/probis/out.yaml", "keluaran/z.yaml", ".github/workflows/ci.yml", "node_modules/p/q.yaml",
        "catatan.txt", "proses/x/draf.yaml",
    )  # fmt: skip
    (tmp_path / "probis.yaml").write_text(
        "probis: 1\njenis: pemda\npengaturan:\n  kecualikan: [arsip/**]\n  render: {keluaran: keluaran}\n",
        encoding="utf-8",
    )
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "proses" / ".gitignore").write_text("draf.yaml\n", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover_paths(tmp_path)]
    assert found == ["opd/a.yaml", "opd/b.yml", "probis.yaml", "proses/x/y.yaml"]


def test_gitignore_semantics() -> None:
    rules = IgnoreRules()
    for line in ["*.tmp.yaml", "/akar.yaml", "build/", "!build/simpan.yaml", "docs/**/draf*.yaml"]:
        rules.add(line)
    assert rules.ignored("a/b.tmp.yaml", False)
    assert rules.ignored("akar.yaml", False)
    assert not rules.ignored("sub/akar.yaml", False)
    assert rules.ignored("build", True)
    assert rules.ignored("build/x.yaml", False)
    assert rules.ignored("docs/a/b/draf1.yaml", False)
    assert not rules.ignored("docs/a/b/final.yaml", False)


def test_matches_any_globs() -> None:
    assert matches_any("arsip/2020/x.yaml", ["arsip/**"])
    assert matches_any("arsip/x.yaml", ["arsip"])
    assert matches_any("proses/dinkes/x.yaml", ["proses/*/x.yaml"])
    assert not matches_any("proses/x.yaml", ["arsip/**"])


def test_find_root_walks_up_to_probis_yaml(tmp_path: Path) -> None:
    _touch(tmp_path, "probis.yaml", "proses/dinkes/a.yaml")
    assert find_root(tmp_path / "proses" / "dinkes" / "a.yaml") == tmp_path.resolve()
    assert find_root(tmp_path / "proses") == tmp_path.resolve()


def test_find_root_is_none_outside_a_repository(tmp_path: Path) -> None:
    _touch(tmp_path, "k8s/deploy.yaml")
    assert find_root(tmp_path / "k8s") is None
    assert find_root(tmp_path / "k8s" / "deploy.yaml") is None


def test_bad_gitignore_line_is_ignored_like_git(tmp_path: Path) -> None:
    """D2: ``[z-a]`` made re.compile raise; git ignores a line it cannot parse."""
    _touch(tmp_path, "probis.yaml", "opd/a.yaml", "opd/b.yaml")
    (tmp_path / ".gitignore").write_text("[z-a].yaml\nb.yaml\n", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover_paths(tmp_path)]
    assert found == ["opd/a.yaml", "probis.yaml"]
    rules = IgnoreRules()
    rules.add("[z-a]")
    assert rules.rules == []


def test_bad_exclude_pattern_is_a_located_finding(tmp_path: Path) -> None:
    """D2: a bad ``kecualikan`` pattern is reported where it is written, the good ones still apply."""
    from probis_cli import api

    _touch(tmp_path, "opd/a.yaml", "arsip/x.yaml")
    (tmp_path / "probis.yaml").write_text(
        "probis: 1\njenis: pemda\npengaturan:\n  kecualikan:\n    - arsip/**\n    - '[z-a]*.yaml'\n", encoding="utf-8"
    )
    assert glob_error("[z-a]*.yaml") is not None and glob_error("arsip/**") is None
    assert not matches_any("b.yaml", ["[z-a]*.yaml"])  # never raises
    loaded = api.load(tmp_path, use_cache=False)
    assert [s.path for s in loaded.sources] == ["opd/a.yaml", "probis.yaml"]
    bad = [f for f in loaded.findings if f.code == "P003"]
    assert [(f.location.path, f.location.line, f.location.column) for f in bad] == [("probis.yaml", 6, 7)]
    assert "[z-a]*.yaml" in bad[0].message.text("id")


def test_symlinks_are_confined(tmp_path: Path) -> None:
    """S3: links resolving outside are problems (never read); links inside are files."""
    root, elsewhere = tmp_path / "repo", tmp_path / "luar"
    _touch(root, "probis.yaml", "opd/a.yaml")
    _touch(elsewhere, "x.yaml")
    (root / "opd" / "di-dalam.yaml").symlink_to(root / "opd" / "a.yaml")
    (root / "opd" / "di-luar.yaml").symlink_to(elsewhere / "x.yaml")
    (root / "opd" / "putus.yaml").symlink_to(root / "tidak-ada.yaml")
    (root / "folder-luar").symlink_to(elsewhere, target_is_directory=True)
    (root / "folder-dalam").symlink_to(root / "opd", target_is_directory=True)
    found = discover_all(root.resolve())
    rel = [p.relative_to(root.resolve()).as_posix() for p in found.files]
    assert rel == ["opd/a.yaml", "opd/di-dalam.yaml", "opd/putus.yaml", "probis.yaml"]
    assert [(p.path, p.message_id) for p in found.problems] == [
        ("folder-luar", "read.link_outside_folder"),
        ("opd/di-luar.yaml", "read.link_outside"),
    ]


def test_unreadable_folder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path, "probis.yaml", "opd/a.yaml", "sop/b.yaml")
    real = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("sop"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr("probis_cli.source.discover.os.scandir", scandir)
    found = discover_all(tmp_path)
    assert [p.name for p in found.files] == ["a.yaml", "probis.yaml"]
    assert found.problems == [Problem("sop", "read.folder_unreadable", (("detail", "Permission denied"),))]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]!-*?/\\\\^az.09 {},", max_size=12))
def test_any_pattern_never_crashes(pattern: str) -> None:
    """D2: whatever a .gitignore line or a kecualikan entry holds, discovery does not raise."""
    rules = IgnoreRules()
    rules.add(pattern)
    rules.ignored("opd/a.yaml", False)
    matches_any("opd/a.yaml", [pattern, "arsip/**"])
    assert (glob_error(pattern) is None) or not matches_any("opd/a.yaml", [pattern])
