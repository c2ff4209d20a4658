"""Discovery: YAML files by content, config excludes, .gitignore, hidden folders."""

from __future__ import annotations

from pathlib import Path

from probis_cli.api import discover_paths
from probis_cli.source.discover import IgnoreRules, find_root, matches_any


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
