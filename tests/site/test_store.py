"""The site's layouts kept between builds in one pack (``site/store.py``): what this machine
wrote is read back without hashing; anything else is checked, refused when it does not match,
and the pack written afresh. Nothing in the (committable) cache folder is followed out of it."""

from __future__ import annotations

import marshal
import os
import re
from pathlib import Path

import pytest

from probis_cli import fs
from probis_cli.digest import digest_bytes
from probis_cli.render.layouts import LAYOUTS_FILE, LayoutIndex, layout_key
from probis_cli.site.store import INDEX_FILE, PACK_FILE, LayoutStore
from tests.site.conftest import build_site, copy_example


def _stored(folder: Path, items: dict[str, bytes]) -> LayoutStore:
    store = LayoutStore(folder)
    for key, data in items.items():
        store.put(key, data, digest_bytes(data))
    store.save(set(items) | set(store.entries))
    return LayoutStore(folder)


def test_layouts_come_back_from_the_pack(tmp_path: Path) -> None:
    items = {"a": b"<svg>a</svg>", "b": b"<svg>bb</svg>"}
    store = _stored(tmp_path, items)
    assert (tmp_path / PACK_FILE).read_bytes() == b"<svg>a</svg><svg>bb</svg>"
    assert {k: store.get(k) for k in items} == {k: (v, digest_bytes(v)) for k, v in items.items()}
    assert store.get("c") is None


def test_a_later_build_appends_only_what_is_new(tmp_path: Path) -> None:
    _stored(tmp_path, {"a": b"<svg>a</svg>"})
    inode = (tmp_path / PACK_FILE).stat().st_ino
    store = _stored(tmp_path, {"b": b"<svg>b</svg>"})
    assert (tmp_path / PACK_FILE).stat().st_ino == inode  # appended, not written afresh
    assert (tmp_path / PACK_FILE).read_bytes() == b"<svg>a</svg><svg>b</svg>"
    assert store.get("a") == (b"<svg>a</svg>", digest_bytes(b"<svg>a</svg>"))
    assert store.get("b") == (b"<svg>b</svg>", digest_bytes(b"<svg>b</svg>"))


def test_layouts_no_build_uses_leave_and_the_pack_is_compacted(tmp_path: Path) -> None:
    _stored(tmp_path, {"old": b"x" * 1000, "keep": b"<svg>keep</svg>"})
    store = LayoutStore(tmp_path)
    store.put("new", b"<svg>new</svg>", digest_bytes(b"<svg>new</svg>"))
    store.save({"keep", "new"})  # "old" is no longer used: more than half the pack is dead
    assert (tmp_path / PACK_FILE).read_bytes() == b"<svg>keep</svg><svg>new</svg>"
    again = LayoutStore(tmp_path)
    assert set(again.entries) == {"keep", "new"} and again.get("old") is None
    assert again.get("keep") == (b"<svg>keep</svg>", digest_bytes(b"<svg>keep</svg>"))


def test_a_pack_edited_in_place_is_checked_layout_by_layout(tmp_path: Path) -> None:
    _stored(tmp_path, {"a": b"<svg>aa</svg>", "b": b"<svg>bb</svg>"})
    pack = tmp_path / PACK_FILE
    evil = pack.read_bytes().replace(b"<svg>bb</svg>", b"<svg>XX</svg>")
    os.utime(pack, ns=(0, 0))
    pack.write_bytes(evil)  # same size: a pull request's edit, or a second build racing
    store = LayoutStore(tmp_path)
    assert store.get("a") == (b"<svg>aa</svg>", digest_bytes(b"<svg>aa</svg>"))
    assert store.get("b") is None
    store.put("c", b"<svg>c</svg>", digest_bytes(b"<svg>c</svg>"))
    store.save({"a", "b", "c"})  # written afresh from what still checks out
    assert pack.read_bytes() == b"<svg>aa</svg><svg>c</svg>"
    assert set(LayoutStore(tmp_path).entries) == {"a", "c"}


def test_an_index_this_machine_did_not_sign_is_ignored(tmp_path: Path) -> None:
    (tmp_path / PACK_FILE).write_bytes(b"<svg><script>alert(1)</script></svg>")
    st = (tmp_path / PACK_FILE).stat()
    forged = {
        "v": 1,
        "pack": (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns),
        "entries": {"a": (0, st.st_size, "0" * 32)},
    }
    (tmp_path / INDEX_FILE).write_bytes(b"\0" * 32 + marshal.dumps(forged))
    assert LayoutStore(tmp_path).get("a") is None
    (tmp_path / INDEX_FILE).write_bytes(fs.signed(marshal.dumps({"v": 1, "pack": (1, 2), "entries": {}})))
    assert LayoutStore(tmp_path).entries == {}


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_a_pack_that_is_not_a_regular_file_is_never_read(tmp_path: Path, kind: str) -> None:
    _stored(tmp_path, {"a": b"<svg>a</svg>"})
    pack = tmp_path / PACK_FILE
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.write_bytes(b"<svg>a</svg>")
    pack.unlink()
    if kind == "symlink":
        pack.symlink_to(outside)
    else:
        os.mkfifo(pack)
    store = LayoutStore(tmp_path)
    assert store.get("a") is None  # and no wait on the FIFO
    store.put("b", b"<svg>b</svg>", digest_bytes(b"<svg>b</svg>"))
    store.save({"a", "b"})
    assert not pack.is_symlink() and pack.read_bytes() == b"<svg>b</svg>"
    assert outside.read_bytes() == b"<svg>a</svg>"  # the link was replaced, never written through


def test_render_copies_a_layout_from_a_span_of_the_pack_only_when_its_bytes_match(tmp_path: Path) -> None:
    store = _stored(tmp_path, {"a": b"<svg>a</svg>", "b": b"<svg>b</svg>"})
    index = LayoutIndex(tmp_path / LAYOUTS_FILE)
    for key in ("a", "b"):
        where = store.location(key)
        assert where is not None
        index.add(layout_key(key, "mesin"), digest_bytes(store.get(key)[0]), *where)  # type: ignore[index]
    index.save()
    again = LayoutIndex(tmp_path / LAYOUTS_FILE)
    assert len(again.entries) == 2  # one location each: a span, not the whole pack
    assert again.find(layout_key("b", "mesin")) == b"<svg>b</svg>"
    pack = tmp_path / PACK_FILE
    pack.write_bytes(pack.read_bytes().replace(b"<svg>b</svg>", b"<svg>X</svg>"))
    assert again.find(layout_key("b", "mesin")) is None
    assert again.find(layout_key("a", "mesin")) == b"<svg>a</svg>"


def _counts(summary: str) -> tuple[int, int]:
    match = re.search(r"(\d+) diagram \((\d+) ditata ulang\)", summary)
    assert match, summary
    return int(match.group(1)), int(match.group(2))


def test_a_second_build_lays_out_only_the_changed_diagrams(tmp_path: Path) -> None:
    repo = copy_example("kota-contoh", tmp_path / "repo")
    old = repo / ".probis-cache" / "situs-svg" / "peta"
    old.mkdir(parents=True)
    (old / "x.svg").write_bytes(b"<svg/>")  # what an earlier version kept: removed
    diagrams, laid_out = _counts(build_site(repo, tmp_path / "situs", "--engine", "wasm"))
    assert diagrams == laid_out > 60
    assert not (repo / ".probis-cache" / "situs-svg").exists()
    pack = repo / ".probis-cache" / PACK_FILE
    size = pack.stat().st_size
    assert _counts(build_site(repo, tmp_path / "situs", "--engine", "wasm")) == (diagrams, 0)
    assert pack.stat().st_size == size
    sop = next(p for p in sorted((repo / "sop").rglob("*.yaml")))
    text = sop.read_text(encoding="utf-8")
    sop.write_text(re.sub(r"^nama: (.*)$", r"nama: \1 (revisi)", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    diagrams_after, again = _counts(build_site(repo, tmp_path / "situs", "--engine", "wasm"))
    assert 0 < again < 10 and diagrams_after == diagrams
    assert pack.stat().st_size > size  # appended


def test_a_first_build_writes_its_pack_as_the_layouts_arrive_and_leaves_nothing_when_it_stops(tmp_path: Path) -> None:
    store = LayoutStore(tmp_path)
    store.put("a", b"<svg>a</svg>", digest_bytes(b"<svg>a</svg>"))
    (temporary,) = tmp_path.glob(f".{PACK_FILE}.*.tmp")
    assert temporary.read_bytes() == b"<svg>a</svg>"  # written already, before save()
    store.abandon()  # the build stopped (no engine, say)
    assert list(tmp_path.iterdir()) == []
    store = LayoutStore(tmp_path)
    store.put("a", b"<svg>a</svg>", digest_bytes(b"<svg>a</svg>"))
    store.put("b", b"<svg>b</svg>", digest_bytes(b"<svg>b</svg>"))
    store.save({"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [INDEX_FILE, PACK_FILE]
    assert set(LayoutStore(tmp_path).entries) == {"b"}
    assert LayoutStore(tmp_path).get("b") == (b"<svg>b</svg>", digest_bytes(b"<svg>b</svg>"))
