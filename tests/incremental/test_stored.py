"""Validated documents kept between runs (``model/stored.py``): only the changed files are
validated again; the findings are a cold run's; a damaged, forged or odd cache is a cold run."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest

from probis_cli import api, fs
from probis_cli.findings import Finding
from probis_cli.model import build, stored
from tests.incremental.repo import write_base


def cold(root: Path) -> list[Finding]:
    return api.check(api.load(root, use_cache=False)).findings


def warm(root: Path) -> list[Finding]:
    return api.check(api.load(root, incremental=True)).findings


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository checked twice (the first run keeps no documents: see the test below)."""
    root = (tmp_path / "repo").resolve()
    root.mkdir()
    write_base(root)
    warm(root)
    warm(root)
    return root


def test_a_first_run_keeps_no_documents(tmp_path: Path) -> None:
    """A first run (CI: a fresh checkout) would pay for writing them and never read them."""
    write_base(tmp_path)
    assert warm(tmp_path) == cold(tmp_path)
    assert not (tmp_path / ".probis-cache" / stored.FILE_NAME).exists()
    assert warm(tmp_path) == cold(tmp_path)
    assert (tmp_path / ".probis-cache" / stored.FILE_NAME).is_file()


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    built: list[str] = []
    real = build.build_documents

    def counting(source: object, broken: object = None) -> object:
        built.append(source.path)  # type: ignore[attr-defined]
        return real(source, broken)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "build_documents", counting)
    return built


def test_only_changed_files_are_validated_again(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert warm(repo) == cold(repo)
    assert (repo / ".probis-cache" / stored.FILE_NAME).is_file()
    built = _count_builds(monkeypatch)
    assert warm(repo) == cold(repo)
    assert built == sorted(built) and "sop/f1.yaml" in built  # the cold run's own
    built.clear()
    expected = warm(repo)
    assert built == []
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    expected = cold(repo)
    built.clear()
    assert warm(repo) == expected
    assert built == ["sop/f1.yaml"]
    built.clear()
    assert warm(repo) == expected and built == []  # the new version was kept


def test_a_copy_at_another_path_is_validated_as_itself(repo: Path) -> None:
    warm(repo)
    (repo / "sop" / "f9.yaml").write_bytes((repo / "sop" / "f1.yaml").read_bytes())
    assert warm(repo) == cold(repo)  # same bytes, another path: its own findings (S007 and its path)


@pytest.mark.parametrize("name", [stored.FILE_NAME, stored.DELTA_NAME])
def test_a_damaged_file_is_a_cold_run(repo: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    warm(repo)
    monkeypatch.setattr(stored, "REWRITE_AFTER", 1.0)  # a small repository: keep the later file apart
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text() + "# diubah\n", encoding="utf-8")
    warm(repo)  # the edited SOP goes to the later file
    assert len(stored.StoredModels(repo).delta) == 1
    path = repo / ".probis-cache" / name
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))
    expected = cold(repo)
    built = _count_builds(monkeypatch)
    assert warm(repo) == expected
    assert "sop/f1.yaml" in built  # not taken from the damaged file


def test_damaged_nested_models_are_built_again_from_the_file(repo: Path) -> None:
    """The nested models are read after the signed file, when something needs them: a damaged
    one (its digest differs from the signed one) is never unpickled; the file is validated again."""
    blob = bytearray((repo / ".probis-cache" / stored.HEAVY_NAME).read_bytes())
    for i in range(32, len(blob), 7):
        blob[i] ^= 0x55
    (repo / ".probis-cache" / stored.HEAVY_NAME).write_bytes(bytes(blob))
    assert warm(repo) == cold(repo)


def _stores(monkeypatch: pytest.MonkeyPatch) -> list[stored.StoredModels]:
    made: list[stored.StoredModels] = []

    class Counting(stored.StoredModels):
        def __init__(self, root: Path, *, keep: bool = True) -> None:
            super().__init__(root, keep=keep)
            made.append(self)

    monkeypatch.setattr(api, "StoredModels", Counting)
    return made


def test_unchanged_documents_load_their_nested_models_only_when_read(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit of one SOP, the rules that run again read plain fields of the other
    documents (codes, the codes they name): their nested models stay in the file."""
    made = _stores(monkeypatch)
    sop = repo / "sop" / "f1.yaml"
    sop.write_text(sop.read_text().replace("sebentar", "15 menit"), encoding="utf-8")
    assert warm(repo) == cold(repo)
    assert not [p for p in made[0].loaded if p.startswith("sop/")], made[0].loaded
    assert warm(repo) == cold(repo)  # nothing changed: no rule runs; the index reads the OPD
    assert not [p for p in made[-1].loaded if p.startswith(("sop/", "proses/"))], made[-1].loaded


def test_a_partial_model_behaves_as_the_whole_one(repo: Path) -> None:
    """What serialises, compares, copies or pickles a partial model sees the complete one."""
    import copy

    from probis_cli.model import lazy

    whole = {d.path: d.model for d in api.load(repo, use_cache=False).index.documents}
    loaded = api.load(repo, incremental=True)
    partial = [d for d in loaded.index.documents if type(d.model) is not type(whole[d.path])]
    assert partial, "the documents of unchanged files come back partial"
    for doc in partial:
        model = doc.model
        assert isinstance(model, type(whole[doc.path]))
        assert model.model_dump() == whole[doc.path].model_dump()
        assert model == whole[doc.path] and whole[doc.path] == lazy.whole(model)
        assert type(pickle.loads(pickle.dumps(model))) is type(whole[doc.path])
        assert copy.deepcopy(model) == whole[doc.path] and repr(model) == repr(whole[doc.path])
    stored_doc = partial[0]
    again = dataclasses.replace(stored_doc)  # what copies a document sees its position tree
    assert again.tree() == stored_doc.tree() and again.loc("kode") == stored_doc.loc("kode")


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.marker,))


def test_a_forged_file_is_never_unpickled(repo: Path, tmp_path: Path) -> None:
    warm(repo)
    marker = tmp_path / "unpickled"
    path = repo / ".probis-cache" / stored.FILE_NAME
    header = path.read_bytes()[32:].split(b"\n", 1)[0] + b"\n"
    payload = header + pickle.dumps({"x": _Planted(marker)})
    path.write_bytes(b"\0" * 32 + payload)  # a committed file with the right header, unsigned
    assert warm(repo) == cold(repo) and not marker.exists()
    path.write_bytes(fs.sign(payload)[:31] + bytes([fs.sign(payload)[31] ^ 1]) + payload)
    assert warm(repo) == cold(repo) and not marker.exists()


def test_an_entry_of_another_shape_is_validated_again(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A signed file whose entries are not what this probis writes (another shape): built again."""
    warm(repo)
    path = repo / ".probis-cache" / stored.FILE_NAME
    header = path.read_bytes()[32:].split(b"\n", 1)[0] + b"\n"
    token, entries = pickle.loads(path.read_bytes()[32 + len(header) :])
    odd: dict[str, object] = {k: ([("not", "a document")], [], [], (), 0, 0, b"") for k in entries}
    path.write_bytes(fs.signed(header + pickle.dumps((token, odd))))
    expected = cold(repo)
    built = _count_builds(monkeypatch)
    assert warm(repo) == expected
    assert len(built) == len(entries)


def test_a_file_of_another_probis_is_not_used(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warm(repo)
    monkeypatch.setattr(stored, "code_digest", lambda: "another")
    expected = cold(repo)
    built = _count_builds(monkeypatch)
    assert warm(repo) == expected and len(built) > 0


def test_decoded_position_trees_are_kept_compact() -> None:
    tree: Any = {"kode": (1, 1, 1, 5, None)}
    document: build.Document[Any] = build.Document("a.yaml", None, tree, 1, 1)
    packed = stored._packed(([document], [], [], ()))
    assert isinstance(packed[0][0].pos, bytes)
