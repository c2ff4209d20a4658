"""``probis lsp`` driven with real LSP messages over stdio (the server runs as a subprocess)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from probis_cli import api

from .rpc import LspClient

pytest.importorskip("pygls")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROSES = "proses/dinkes/PB.02.01.01.yaml"


def position(text: str, needle: str, offset: int = 0) -> dict[str, int]:
    """The LSP position (0-based) of ``needle`` in ``text`` (plus ``offset`` characters)."""
    at = text.index(needle) + offset
    line = text.count("\n", 0, at)
    return {"line": line, "character": at - (text.rfind("\n", 0, at) + 1)}


def copy_example(tmp: Path, name: str) -> Path:
    root = tmp / name
    shutil.copytree(EXAMPLES / name, root)
    return root.resolve()


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LspClient, Path]]:
    """A server over a clean copy of kota-contoh, ready (its first check published)."""
    root = copy_example(tmp_path_factory.mktemp("lsp"), "kota-contoh")
    client = LspClient(root)
    try:
        client.initialize(root)
        # Opening a file and waiting for its diagnostics means the first check is complete.
        uri = (root / PROSES).as_uri()
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": (root / PROSES).read_text()}},
        )
        client.settle(uri, lambda d: d == [])
        yield client, root
    finally:
        client.close()


def test_unopened_files_get_the_same_findings_as_validate(tmp_path: Path) -> None:
    root = copy_example(tmp_path, "kota-bermasalah")
    expected = api.check(api.load(root)).findings
    assert expected
    client = LspClient(root)
    try:
        client.initialize(root)
        got: set[tuple[str, int, str, str]] = set()
        for rel in sorted({f.location.path for f in expected}):
            for d in client.diagnostics((root / rel).as_uri()):
                got.add((rel, d["range"]["start"]["line"] + 1, d["code"], d["message"]))
        want = {(f.location.path, f.location.line or 1, f.code, f"{f.text('id')} [{f.name}]") for f in expected}
        assert got == want
    finally:
        client.close()


def test_diagnostic_shape_severity_and_see_also(tmp_path: Path) -> None:
    root = copy_example(tmp_path, "kota-bermasalah")
    client = LspClient(root)
    try:
        client.initialize(root, initializationOptions={"lang": "en"})
        found = client.diagnostics((root / "opd/dpmptsp.yaml").as_uri())
        t001 = next(d for d in found if d["code"] == "T001")
        assert t001["severity"] == 1 and t001["source"] == "probis"
        assert t001["message"].startswith("Kegiatan 1.02.03.2.01") and "is claimed by" in t001["message"]
        assert t001["message"].endswith("[kegiatan-ganda]")
        assert t001["range"]["start"] == {"line": 43, "character": 10}
        assert t001["range"]["end"] == {"line": 43, "character": 22}
        related = t001["relatedInformation"][0]
        assert related["location"]["uri"] == (root / "opd/dinkes.yaml").as_uri()
        assert related["location"]["range"]["start"]["line"] == 62
        assert related["message"] == "see also"
        expected = api.check(api.load(root)).findings
        warning = next(f for f in expected if f.severity.label == "peringatan")
        found = client.diagnostics((root / warning.location.path).as_uri())
        assert {d["severity"] for d in found if d["code"] == warning.code} == {2}
    finally:
        client.close()


def test_typing_an_unknown_code_gives_a_quick_fix_that_clears_it(contoh: tuple[LspClient, Path]) -> None:
    client, root = contoh
    uri = (root / PROSES).as_uri()
    text = (root / PROSES).read_text()
    broken = text.replace("induk: PB.02.01\n", "induk: PB.02.O1\n")
    client.notify(
        "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": broken}]}
    )
    found = client.settle(uri, lambda d: [x["code"] for x in d] == ["S008"])
    assert "Maksud Anda 'PB.02.01'?" in found[0]["message"]
    start = position(broken, "PB.02.O1")
    assert found[0]["range"]["start"] == start

    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": found[0]["range"], "context": {"diagnostics": found}},
    )
    assert len(actions) == 1
    action = actions[0]
    assert action["kind"] == "quickfix" and "PB.02.01" in action["title"]
    (edit,) = action["edit"]["changes"][uri]
    assert edit["newText"] == "PB.02.01"
    assert edit["range"] == {"start": start, "end": {"line": start["line"], "character": start["character"] + 8}}

    # The editor applies the edit: the finding goes away.
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        },
    )
    client.settle(uri, lambda d: d == [])


def test_an_edit_reaches_other_files(contoh: tuple[LspClient, Path]) -> None:
    """Renaming a process in one buffer breaks the references of unopened files to it."""
    client, root = contoh
    parent = "proses/dinkes/PB.02.01.yaml"
    uri = (root / parent).as_uri()
    text = (root / parent).read_text()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
    )
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": text.replace("kode: PB.02.01\n", "kode: PB.02.09\n")}],
        },
    )
    client.settle(
        (root / PROSES).as_uri(), lambda d: any(x["code"] == "S008" and "'PB.02.01'" in x["message"] for x in d)
    )
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})  # back to the file on disk
    client.settle((root / PROSES).as_uri(), lambda d: d == [])


def test_hover_names_what_a_code_stands_for(contoh: tuple[LspClient, Path]) -> None:
    client, root = contoh
    uri = (root / PROSES).as_uri()
    text = (root / PROSES).read_text()

    def hover(needle: str) -> str:
        result: dict[str, Any] = client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": position(text, needle, 2)}
        )
        return str(result["contents"]["value"])

    owner = hover("dinkes/bid-p2p")
    assert "Bidang Pencegahan dan Pengendalian Penyakit" in owner and "Dinas Kesehatan" in owner
    kegiatan = hover("1.02.02.2.02.0003")
    assert kegiatan.startswith("**Sub kegiatan")
    assert "PB.02.01.01" in kegiatan  # carried out by this process
    parent = hover("PB.02.01\n")
    assert "Pencegahan dan Pengendalian Penyakit" in parent
    sop = hover("SOP-DINKES-001")
    assert "**SOP** `SOP-DINKES-001`" in sop and "sop/dinkes/SOP-DINKES-001.yaml" in sop
    outside = hover("kemenkes")
    assert outside.startswith("**Pihak luar**")


def test_definition_and_references(contoh: tuple[LspClient, Path]) -> None:
    client, root = contoh
    uri = (root / PROSES).as_uri()
    text = (root / PROSES).read_text()
    where = position(text, "SOP-DINKES-001", 3)
    (target,) = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": where})
    assert target["uri"] == (root / "sop/dinkes/SOP-DINKES-001.yaml").as_uri()
    sop_text = (root / "sop/dinkes/SOP-DINKES-001.yaml").read_text()
    assert target["range"]["start"] == position(sop_text, "SOP-DINKES-001")

    owner = position(text, "dinkes/bid-p2p", 1)
    (unit,) = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": owner})
    opd_text = (root / "opd/dinkes.yaml").read_text()
    assert unit["uri"] == (root / "opd/dinkes.yaml").as_uri()
    assert unit["range"]["start"] == position(opd_text, "bid-p2p")

    refs = client.request(
        "textDocument/references",
        {"textDocument": {"uri": uri}, "position": owner, "context": {"includeDeclaration": False}},
    )
    files = {r["uri"].rsplit("/", 1)[-1] for r in refs}
    assert {"PB.02.01.01.yaml", "PB.02.01.yaml"} <= files
    declaration = {"uri": unit["uri"], "range": unit["range"]}
    assert declaration not in refs
    with_declaration = client.request(
        "textDocument/references",
        {"textDocument": {"uri": uri}, "position": owner, "context": {"includeDeclaration": True}},
    )
    assert declaration in with_declaration and len(with_declaration) == len(refs) + 1

    # Local codes: an activity's `lanjut` and an SOP step's `pelaksana`.
    step_pelaksana = position(sop_text, "pelaksana: ", len("pelaksana: ") + 1)
    step_line = sop_text.split("\n")[step_pelaksana["line"]]
    defs = client.request(
        "textDocument/definition", {"textDocument": {"uri": target["uri"]}, "position": step_pelaksana}
    )
    assert defs and defs[0]["uri"] == target["uri"], step_line


def test_completion_offers_the_codes_a_field_takes(contoh: tuple[LspClient, Path]) -> None:
    client, root = contoh
    rel = "proses/dinkes/PB.11.yaml"
    uri = (root / rel).as_uri()
    text = (root / rel).read_text()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
    )
    owner_line = position(text, "pemilik:")
    line_text = text.split("\n")[owner_line["line"]]
    typed = text.replace(line_text, "pemilik: dinkes/", 1)
    client.notify(
        "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typed}]}
    )
    where = {"line": owner_line["line"], "character": len("pemilik: dinkes/")}
    result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": where})
    labels = [item["label"] for item in result["items"]]
    assert "dinkes/bid-p2p" in labels and "dinkes" in labels
    assert "masyarakat" not in labels  # an owner is never an external party
    item = next(i for i in result["items"] if i["label"] == "dinkes/bid-p2p")
    assert item["detail"] == "Bidang Pencegahan dan Pengendalian Penyakit"
    assert item["textEdit"]["range"]["start"] == {"line": owner_line["line"], "character": len("pemilik: ")}

    sop_line = "sop: [SOP-DINKES-00"
    typed2 = typed + sop_line + "\n"
    client.notify(
        "textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": typed2}]}
    )
    end = {"line": typed2.count("\n") - 1, "character": len(sop_line)}
    result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": end})
    assert "SOP-DINKES-002" in [item["label"] for item in result["items"]]

    # A free-text field offers nothing.
    name_at = position(text, "nama: ", 7)
    assert client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": name_at}) is None
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_a_file_changed_on_disk_is_checked_again(tmp_path: Path) -> None:
    root = copy_example(tmp_path, "kota-contoh")
    client = LspClient(root)
    try:
        client.initialize(root)
        path = root / "sop/dinkes/SOP-DINKES-002.yaml"
        uri = path.as_uri()
        # The server says when its file watcher is in place.
        client.wait_for(lambda m: m.get("method") == "window/logMessage" and "memantau" in m["params"]["message"])
        path.write_text(path.read_text().replace("jenis: sop", "jenis: sopp"))
        client.settle(uri, lambda d: [x["code"] for x in d] == ["S001"])
    finally:
        client.close()


def test_outside_the_repository_nothing_is_read(tmp_path: Path) -> None:
    root = copy_example(tmp_path, "kota-contoh")
    secret = tmp_path / "secret.yaml"
    secret.write_text("probis: 1\njenis: opd\n")
    client = LspClient(root)
    try:
        client.initialize(root)
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": secret.as_uri(), "languageId": "yaml", "version": 1, "text": secret.read_text()}},
        )
        assert (
            client.request(
                "textDocument/hover",
                {"textDocument": {"uri": secret.as_uri()}, "position": {"line": 1, "character": 8}},
            )
            is None
        )
        # The next diagnostics are the repository's own (clean), never the outside file's.
        client.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": (root / PROSES).as_uri(),
                    "languageId": "yaml",
                    "version": 1,
                    "text": (root / PROSES).read_text(),
                }
            },
        )
        client.settle((root / PROSES).as_uri(), lambda d: d == [])
        assert not any(
            m["params"].get("uri") == secret.as_uri()
            for m in client.notifications
            if m.get("method") == "textDocument/publishDiagnostics"
        )
    finally:
        client.close()
