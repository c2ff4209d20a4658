"""Diagram renderers: structure, escaping, determinism, golden DOT files."""

from __future__ import annotations

import json
from pathlib import Path

LONG = (
    "Penyelenggaraan Koordinasi, Sinkronisasi, dan Evaluasi Pelayanan Kesehatan "
    "Masyarakat Terpadu Berbasis Elektronik Kewenangan Daerah Kabupaten/Kota"
)


def _dump(path: Path, data: dict[str, object]) -> None:
    # JSON is YAML 1.2: no quoting surprises for codes.
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def write_big_repo(root: Path) -> Path:
    """A synthetic repository at real sizes: a 60-process OPD, a 30-step SOP with several
    decisions, a process with five lanes (units, another OPD, an external party), long names."""
    _dump(
        root / "probis.yaml",
        {
            "probis": 1,
            "jenis": "pemda",
            "nama": "Pemerintah Kabupaten Contoh Besar",
            "tingkat": "kabupaten",
            "periode": "2025-2029",
            "pihak_luar": [
                {"kode": "masyarakat", "nama": "Masyarakat"},
                {"kode": "kemenkes", "nama": "Kementerian Kesehatan Republik Indonesia"},
            ],
        },
    )
    _dump(
        root / "rpjmd.yaml",
        {
            "probis": 1,
            "jenis": "rpjmd",
            "periode": "2025-2029",
            "visi": "Sehat",
            "misi": [{"kode": "M1", "uraian": "Misi"}],
            "tujuan": [{"kode": "T1", "misi": "M1", "uraian": "Tujuan"}],
            "sasaran": [
                {"kode": f"S1.{i}", "tujuan": "T1", "uraian": f"Sasaran nomor {i}: {LONG}"} for i in range(1, 4)
            ],
            "program": [
                {"kode": f"1.02.0{i}", "nama": f"Program {i} {LONG}", "sasaran": [f"S1.{min(i, 3)}"], "opd": ["dinkes"]}
                for i in range(2, 6)
            ],
        },
    )
    _dump(
        root / "opd" / "dinkes.yaml",
        {
            "probis": 1,
            "jenis": "opd",
            "kode": "dinkes",
            "nama": "Dinas Kesehatan",
            "singkatan": "Dinkes",
            "unit": [
                {"kode": "sekretariat", "nama": "Sekretariat"},
                {"kode": "bid-p2p", "nama": "Bidang Pencegahan dan Pengendalian Penyakit"},
                {"kode": "bid-yankes", "nama": "Bidang Pelayanan Kesehatan"},
                {"kode": "puskesmas", "nama": "UPT Puskesmas"},
            ],
            "jabatan": [{"kode": "kadis", "nama": "Kepala Dinas Kesehatan"}],
            "kegiatan": [
                {"kode": f"1.02.0{p}.2.0{k}", "nama": f"Kegiatan {p}.{k} {LONG}"}
                for p in range(2, 6)
                for k in range(1, 4)
            ],
        },
    )
    _dump(
        root / "opd" / "disdukcapil.yaml",
        {
            "probis": 1,
            "jenis": "opd",
            "kode": "disdukcapil",
            "nama": "Dinas Kependudukan dan Pencatatan Sipil",
            "singkatan": "Disdukcapil",
        },
    )
    kategori = ["manajemen", "inti", "pendukung"]
    for i in range(1, 61):
        kode = f"PB.{i:02d}"
        _dump(
            root / "proses" / f"{kode}.yaml",
            {
                "probis": 1,
                "jenis": "proses",
                "kode": kode,
                "kategori": kategori[(i * 7) % 3] if i > 3 else kategori[i - 1],
                "nama": (LONG if i % 5 == 0 else f"Proses Bisnis Nomor {i} Pelayanan Publik Daerah"),
                "pemilik": "dinkes",
                "kegiatan": [f"1.02.0{2 + i % 4}.2.0{1 + i % 3}"] if i % 2 else [],
            },
        )
    # PB.01 gets 14 sub-processes; PB.01.01 is the five-lane process.
    for j in range(1, 15):
        kode = f"PB.01.{j:02d}"
        _dump(
            root / "proses" / f"{kode}.yaml",
            {
                "probis": 1,
                "jenis": "proses",
                "kode": kode,
                "kategori": "manajemen",
                "induk": "PB.01",
                "nama": LONG if j % 4 == 0 else f"Subproses {j} perencanaan",
                "pemilik": "dinkes/sekretariat",
            },
        )
    lanes = ["dinkes/sekretariat", "dinkes/bid-p2p", "dinkes/puskesmas", "disdukcapil", "masyarakat"]
    aktivitas = []
    for n in range(1, 13):
        item: dict[str, object] = {
            "kode": f"A{n}",
            "nama": f"Aktivitas {n}: {LONG[: 20 + 7 * n]}",
            "pelaksana": lanes[(n * 2) % 5],
        }
        if n == 4:
            item["lanjut"] = ["A5", "A7"]
        aktivitas.append(item)
    _dump(
        root / "proses" / "PB.01.01.yaml",
        {
            "probis": 1,
            "jenis": "proses",
            "kode": "PB.01.01",
            "kategori": "manajemen",
            "induk": "PB.01",
            "nama": "Pelayanan lima lajur",
            "pemilik": "dinkes/sekretariat",
            "masukan": [{"nama": f"Masukan {k} {LONG[:40]}", "dari": lanes[k % 5]} for k in range(6)],
            "keluaran": [{"nama": f"Keluaran {k}", "untuk": [lanes[(k + 2) % 5], "kemenkes"]} for k in range(5)],
            "aktivitas": aktivitas,
            "sop": ["SOP-BESAR-001"],
        },
    )
    pelaksana = [
        {"kode": f"p{k}", "nama": n}
        for k, n in enumerate(
            [
                "Petugas Loket Pelayanan Terpadu",
                "Verifikator",
                "Kepala Seksi Pelayanan Kesehatan Rujukan",
                "Kepala Bidang",
                "Kepala Dinas",
            ]
        )
    ]
    langkah: list[dict[str, object]] = []
    for n in range(1, 31):
        step: dict[str, object] = {
            "no": n,
            "kegiatan": f"Langkah {n}: {LONG[: 15 + 3 * n]}",
            "pelaksana": f"p{(n * 3) % 5}",
            "mutu_baku": {"waktu": f"{n} menit", "output": f"Dokumen {n}"},
        }
        if n == 1:
            step["simbol"] = "mulai"
        elif n == 30:
            step["simbol"] = "selesai"
        elif n in (5, 11, 17, 26):
            step["simbol"] = "keputusan"
            step["ya"] = n + 1
            step["tidak"] = max(1, n - 3) if n != 17 else 28
        elif n == 21:
            step["simbol"] = "keputusan"
            step["cabang"] = [{"label": "Lengkap", "ke": 22}, {"label": "Tidak lengkap", "ke": 2}]
        langkah.append(step)
    _dump(
        root / "sop" / "SOP-BESAR-001.yaml",
        {
            "probis": 1,
            "jenis": "sop",
            "kode": "SOP-BESAR-001",
            "nomor": "800/002/SOP/DINKES/2026",
            "nama": "Pelayanan Perizinan Fasilitas Kesehatan dengan Tiga Puluh Langkah",
            "proses": "PB.01.01",
            "pelaksana": pelaksana,
            "langkah": langkah,
        },
    )
    return root


# -- a small DOT reader: lexical + structural validity of what the renderers write ---------
import re  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

_TOKEN = re.compile(
    r'\s+|//[^\n]*|(?P<str>"(?:[^"\\]|\\.)*")|(?P<arrow>->)|(?P<punct>[{}\[\]=;,])'
    r"|(?P<id>[A-Za-z_\x80-\U0010ffff][A-Za-z_0-9\x80-\U0010ffff]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))",
    re.DOTALL,
)


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        assert m is not None, f"DOT lexical error at {i}: {text[i : i + 40]!r}"
        i = m.end()
        kind = m.lastgroup
        if kind is not None:
            out.append((kind, m.group(kind)))
    return out


def _value(token: tuple[str, str]) -> str:
    # Quotes stripped; escapes are resolved by label_text (Graphviz resolves \" and \\
    # together with the escString escapes when it builds a label).
    kind, text = token
    return text[1:-1] if kind == "str" else text


@dataclass
class Sub:
    """A (sub)graph: its attributes, the nodes declared inside it, its subgraphs."""

    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    subgraphs: list[Sub] = field(default_factory=list)


@dataclass
class Dot:
    """What a DOT text declares."""

    root: Sub
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def clusters(self) -> list[Sub]:
        out: list[Sub] = []

        def walk(sub: Sub) -> None:
            for child in sub.subgraphs:
                if child.name.startswith("cluster"):
                    out.append(child)
                walk(child)

        walk(self.root)
        return out

    def all_subgraphs(self) -> list[Sub]:
        out: list[Sub] = []

        def walk(sub: Sub) -> None:
            for child in sub.subgraphs:
                out.append(child)
                walk(child)

        walk(self.root)
        return out

    def flows(self) -> set[tuple[str, str]]:
        """Arrows between real nodes, following chains through invisible waypoints."""
        points = {n for n, a in self.nodes.items() if a.get("shape") == "point"}
        nxt: dict[str, list[str]] = {}
        for tail, head, attrs in self.edges:
            if attrs.get("dir") == "none" or attrs.get("style") == "invis":
                continue
            nxt.setdefault(tail, []).append(head)
        out: set[tuple[str, str]] = set()
        for tail in nxt:
            if tail in points:
                continue
            stack = list(nxt[tail])
            while stack:
                head = stack.pop()
                if head in points:
                    stack.extend(nxt.get(head, []))
                else:
                    out.add((tail, head))
        return out


def parse_dot(text: str) -> Dot:
    """Parse the DOT subset the ``graphviz`` package writes; fail on anything else."""
    toks = _tokens(text)
    assert all(kind != "html" for kind, _ in toks)
    pos = 0

    def peek(k: int = 0) -> tuple[str, str]:
        return toks[pos + k] if pos + k < len(toks) else ("eof", "")

    def take(expected: str | None = None) -> tuple[str, str]:
        nonlocal pos
        tok = peek()
        assert tok[0] != "eof", "unexpected end of DOT"
        if expected is not None:
            assert tok[1] == expected, f"expected {expected!r}, got {tok!r}"
        pos += 1
        return tok

    def attr_list() -> dict[str, str]:
        attrs: dict[str, str] = {}
        while peek()[1] == "[":
            take("[")
            while peek()[1] != "]":
                key = _value(take())
                take("=")
                attrs[key] = _value(take())
                if peek()[1] in (",", ";"):
                    take()
            take("]")
        return attrs

    dot = Dot(Sub(""))

    def body(sub: Sub) -> None:
        take("{")
        while peek()[1] != "}":
            tok = peek()
            if tok[1] == "subgraph":
                take()
                child = Sub(_value(take()))
                sub.subgraphs.append(child)
                body(child)
                sub.members.extend(child.members)
            elif tok[1] in ("graph", "node", "edge") and peek(1)[1] == "[":
                take()
                attrs = attr_list()
                if tok[1] == "graph":
                    sub.attrs.update(attrs)
            elif peek(1)[1] == "=":
                key = _value(take())
                take("=")
                sub.attrs[key] = _value(take())
            else:
                first = _value(take())
                if peek()[0] == "arrow":
                    take()
                    second = _value(take())
                    dot.edges.append((first, second, attr_list()))
                else:
                    dot.nodes.setdefault(first, {}).update(attr_list())
                    sub.members.append(first)
            if peek()[1] == ";":
                take()
        take("}")

    assert take()[1] in ("digraph", "graph")
    if peek()[1] != "{":
        dot.root.name = _value(take())
    body(dot.root)
    assert peek()[0] == "eof"
    return dot


def label_text(value: str) -> str:
    """A plain label's text: escString escapes resolved, line breaks as newlines."""
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nlr" else nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# -- fixtures ---------------------------------------------------------------------------------
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from probis_cli import api  # noqa: E402
from probis_cli.index import Index, build_index  # noqa: E402
from probis_cli.model.build import Document  # noqa: E402
from probis_cli.model.opd import Opd  # noqa: E402
from probis_cli.model.pemda import Pemda  # noqa: E402
from probis_cli.model.proses import Proses  # noqa: E402
from probis_cli.model.rpjmd import Rpjmd  # noqa: E402
from probis_cli.model.sop import Sop  # noqa: E402
from probis_cli.render.base import Artifact, RenderContext  # noqa: E402
from probis_cli.render.diagrams import DIAGRAMS  # noqa: E402
from probis_cli.render.diagrams.dot import COLOR_OWNER, clean, safe_id, wrap  # noqa: E402
from probis_cli.render.diagrams.sop_flow import paginate  # noqa: E402

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "render-mini"
ID = RenderContext(lang="id")
EN = RenderContext(lang="en")


def _load(root: Path) -> Index:
    loaded = api.load(root, use_cache=False)
    assert not [f for f in loaded.findings if f.severity.name == "ERROR"], loaded.findings
    return loaded.index


@pytest.fixture(scope="module")
def mini() -> Index:
    return _load(MINI)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return _load(write_big_repo(tmp_path_factory.mktemp("big")))


def render_all(index: Index, ctx: RenderContext) -> list[Artifact]:
    return [a for name in DIAGRAMS for a in DIAGRAMS[name](index, ctx)]


def by_path(artifacts: list[Artifact]) -> dict[str, Artifact]:
    return {a.path: a for a in artifacts}


def node_labels(dot: Dot) -> dict[str, str]:
    return {n: label_text(a["label"]) for n, a in dot.nodes.items() if "label" in a}


# -- registry and artifacts ----------------------------------------------------------------
def test_registry_keys() -> None:
    assert list(DIAGRAMS) == ["hierarki", "peta-level-0", "peta-level-n", "lintas-fungsi", "relasi", "sop"]


def test_artifact_paths_groups_and_selection(mini: Index) -> None:
    artifacts = render_all(mini, ID)
    paths = [a.path for a in artifacts]
    assert len(paths) == len(set(paths))
    assert paths == [
        "hierarki/pemda",
        "hierarki/opd/dinkes",
        "hierarki/opd/disdukcapil",
        "peta/level-0/pemda",
        "peta/level-0/opd/dinkes",
        "peta/level-0/opd/disdukcapil",
        "peta/level-n/PB.02",
        "lintas-fungsi/PB.02.01",
        "relasi/pemda",
        "relasi/matriks",
        "relasi/opd/dinkes",
        "relasi/opd/disdukcapil",
        "relasi/proses/PB.02",
        "relasi/proses/PB.02.01",
        "relasi/proses/PB.03",
        "sop/SOP-DINKES-001/halaman-1",
    ]
    for name, renderer in DIAGRAMS.items():
        for a in renderer(mini, ID):
            assert a.kind == "dot" and a.group == name and a.title
            assert not a.path.endswith(".dot")
    found = by_path(artifacts)
    assert found["hierarki/opd/dinkes"].opd == "dinkes"
    assert found["peta/level-n/PB.02"].codes == ("PB.02", "PB.02.01", "PB.02.02")
    assert found["lintas-fungsi/PB.02.01"].opd == "dinkes"
    assert found["relasi/opd/dinkes"].opd == "dinkes"
    assert found["sop/SOP-DINKES-001/halaman-1"].codes == ("SOP-DINKES-001", "PB.02.01")
    assert found["sop/SOP-DINKES-001/halaman-1"].opd == "dinkes"


def test_every_artifact_is_valid_dot_without_html_labels(mini: Index, big: Index) -> None:
    for index in (mini, big):
        for a in render_all(index, ID):
            dot = parse_dot(a.content)
            assert dot.nodes, a.path
            assert "label=<" not in a.content


# -- goldens ---------------------------------------------------------------------------------
GOLDEN_CTX = RenderContext(lang="id", max_steps_per_page=5)


def test_goldens(mini: Index, golden: Callable[[str, str | bytes], None]) -> None:
    for a in render_all(mini, GOLDEN_CTX):
        golden(f"diagrams/{a.path}.dot", a.content)


def test_goldens_english(mini: Index, golden: Callable[[str, str | bytes], None]) -> None:
    wanted = {"peta/level-0/pemda", "lintas-fungsi/PB.02.01", "sop/SOP-DINKES-001/halaman-1"}
    ctx = RenderContext(lang="en", max_steps_per_page=5)
    for a in render_all(mini, ctx):
        if a.path in wanted:
            golden(f"diagrams/en/{a.path}.dot", a.content)


# -- determinism -----------------------------------------------------------------------------
def test_same_index_same_bytes(mini: Index) -> None:
    first = [(a.path, a.content) for a in render_all(mini, ID)]
    again = [(a.path, a.content) for a in render_all(_load(MINI), ID)]
    assert first == again


def test_independent_of_hash_seed() -> None:
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from probis_cli import api\n"
        "from probis_cli.render.base import RenderContext\n"
        "from probis_cli.render.diagrams import DIAGRAMS\n"
        "index = api.load(Path(sys.argv[1]), use_cache=False).index\n"
        "h = hashlib.sha256()\n"
        "for name in DIAGRAMS:\n"
        "    for a in DIAGRAMS[name](index, RenderContext(lang='id')):\n"
        "        h.update(a.path.encode() + a.content.encode())\n"
        "print(h.hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run(
            [sys.executable, "-c", script, str(MINI)], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_safe_id_is_injective_and_plain() -> None:
    codes = ["PB.02", "PB_02", "PB-02", "PB/02", "PB__02", "a", "a__b", "a_5f_", "é", "dinkes/bid-p2p"]
    ids = [safe_id("p", c) for c in codes]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9._]+", i) for i in ids)
    assert safe_id("k", "a", "b__c") != safe_id("k", "a__b", "c")


# -- hierarki ----------------------------------------------------------------------------------
def test_hierarki_chain_from_sasaran_to_proses(mini: Index) -> None:
    dot = parse_dot(by_path(render_all(mini, ID))["hierarki/pemda"].content)
    edges = {(t, h) for t, h, _ in dot.edges}
    chain = [
        safe_id("s", "S1.1"),
        safe_id("prog", "1.02.02"),
        safe_id("keg", "dinkes", "1.02.02.2.02"),
        safe_id("sub", "dinkes", "1.02.02.2.02.0001"),
        safe_id("p", "PB.02.01"),
    ]
    assert all(pair in edges for pair in zip(chain, chain[1:]))
    assert (safe_id("keg", "dinkes", "1.02.02.2.02"), safe_id("p", "PB.02")) in edges
    labels = node_labels(dot)
    # The program penunjang: one node per OPD under its own root on the Pemda tree, ...
    assert labels[safe_id("pen", "dinkes")].startswith("Program penunjang Dinkes")
    assert (safe_id("root", "penunjang"), safe_id("pen", "dinkes")) in edges
    assert "[Disdukcapil]" in labels[safe_id("keg", "disdukcapil", "2.12.02.2.01")]
    # ... and named as in the nomenclature on the OPD's own tree.
    opd = node_labels(parse_dot(by_path(render_all(mini, ID))["hierarki/opd/dinkes"].content))
    assert "Program Penunjang" in opd[safe_id("prog", "1.02.01")]
    assert "tidak ada di RPJMD" not in opd[safe_id("prog", "1.02.01")]


def test_hierarki_per_opd_shows_only_its_branch(mini: Index) -> None:
    dot = parse_dot(by_path(render_all(mini, ID))["hierarki/opd/disdukcapil"].content)
    assert safe_id("keg", "disdukcapil", "2.12.02.2.01") in dot.nodes
    assert safe_id("p", "PB.03") in dot.nodes
    assert not [n for n in dot.nodes if "dinkes" in n or n == safe_id("p", "PB.02")]
    assert safe_id("s", "S1.1") not in dot.nodes and safe_id("s", "S1.2") in dot.nodes


def test_hierarki_marks_kegiatan_without_process(big: Index) -> None:
    dot = parse_dot(by_path(DIAGRAMS["hierarki"](big, ID))["hierarki/opd/dinkes"].content)
    gap = dot.nodes[safe_id("keg", "dinkes", "1.02.04.2.01")]
    covered = dot.nodes[safe_id("keg", "dinkes", "1.02.03.2.01")]
    assert "dashed" in gap["style"] and "dashed" not in covered.get("style", "")
    assert len([n for n in dot.nodes if n.startswith("p__")]) == 30  # the odd-numbered processes


# -- peta level 0 / level n -----------------------------------------------------------------
def _band_clusters(dot: Dot) -> list[Sub]:
    return [c for c in dot.clusters() if "legend" not in c.name]


def test_level0_bands_in_order_with_value_chain(mini: Index) -> None:
    dot = parse_dot(by_path(render_all(mini, ID))["peta/level-0/pemda"].content)
    bands = _band_clusters(dot)
    assert [label_text(b.attrs["label"]).strip() for b in bands] == [
        "Proses Manajemen",
        "Proses Inti",
        "Proses Pendukung",
    ]
    manajemen, inti, pendukung = bands
    assert safe_id("p", "PB.01") in manajemen.members
    assert {safe_id("p", "PB.02"), safe_id("p", "PB.03")} <= set(inti.members)
    assert all(dot.nodes[n]["shape"] == "cds" for n in inti.members)
    assert label_text(dot.nodes[pendukung.members[0]]["label"]) == "(belum ada proses)"
    assert "[Disdukcapil]" in node_labels(dot)[safe_id("p", "PB.03")]
    # children are not on level 0
    assert safe_id("p", "PB.02.01") not in dot.nodes


def test_level0_english(mini: Index) -> None:
    dot = parse_dot(by_path(render_all(mini, EN))["peta/level-0/pemda"].content)
    titles = [label_text(b.attrs["label"]).strip() for b in _band_clusters(dot)]
    assert titles == ["Management Processes", "Core Processes", "Support Processes"]
    assert label_text(dot.root.attrs["label"]).startswith("Business Process Map Level 0")


def test_level0_sixty_process_opd_wraps_rows(big: Index) -> None:
    dot = parse_dot(by_path(DIAGRAMS["peta-level-0"](big, ID))["peta/level-0/opd/dinkes"].content)
    processes = [n for n in dot.nodes if n.startswith("p__")]
    assert len(processes) == 60
    rows = [s for s in dot.all_subgraphs() if s.attrs.get("rank") == "same"]
    assert rows and all(len(r.members) <= 5 for r in rows)
    assert sum(len(r.members) for r in rows) == 60
    for node in processes:  # long names wrap to short lines, in full (never cut with "…")
        lines = label_text(dot.nodes[node]["label"]).split("\n")
        assert max(len(line) for line in lines) <= 34 and "…" not in "".join(lines)


def test_level0_opd_shows_its_top_level(mini: Index) -> None:
    dot = parse_dot(by_path(render_all(mini, ID))["peta/level-0/opd/dinkes"].content)
    assert {n for n in dot.nodes if n.startswith("p__")} == {safe_id("p", "PB.01"), safe_id("p", "PB.02")}
    # units of the map's own OPD are named, not the OPD again
    assert "[Sekretariat]" in node_labels(dot)[safe_id("p", "PB.01")]


def test_level_n_children_in_code_order(big: Index) -> None:
    dot = parse_dot(by_path(DIAGRAMS["peta-level-n"](big, ID))["peta/level-n/PB.01"].content)
    (cluster,) = [c for c in dot.clusters() if "legend" not in c.name]
    assert label_text(cluster.attrs["label"]).startswith("PB.01 ")
    children = [n for n in cluster.members if n.startswith("p__")]
    assert children == [safe_id("p", f"PB.01.{j:02d}") for j in range(1, 15)]
    # Code order places the nodes but is not a flow: no sibling exchanges anything here.
    visible = [(t, h) for t, h, a in dot.edges if a.get("style") != "invis"]
    assert visible == []
    assert label_text(dot.root.attrs["label"]).startswith("Peta Proses Bisnis Level 2 — PB.01")
    assert "tidak ada keluaran subproses yang menjadi masukan" in label_text(dot.root.attrs["label"])


def test_level_n_arrows_only_where_a_keluaran_is_a_sibling_masukan() -> None:
    example = _load(Path(__file__).resolve().parents[2] / "examples" / "kota-contoh")
    maps = by_path(DIAGRAMS["peta-level-n"](example, ID))
    dot = parse_dot(maps["peta/level-n/PB.01.01"].content)
    visible = [(t, h, label_text(a["label"])) for t, h, a in dot.edges if a.get("style") != "invis"]
    assert visible == [(safe_id("p", "PB.01.01.01"), safe_id("p", "PB.01.01.02"), "Rancangan Akhir RKPD")]
    # PB.05.01.01 and PB.05.01.02 are unrelated services: no arrow between them.
    dot = parse_dot(maps["peta/level-n/PB.05.01"].content)
    assert [e for e in dot.edges if e[2].get("style") != "invis"] == []


# -- peta lintas fungsi --------------------------------------------------------------------------
def test_lintas_fungsi_lanes_are_distinct(big: Index) -> None:
    dot = parse_dot(by_path(DIAGRAMS["lintas-fungsi"](big, ID))["lintas-fungsi/PB.01.01"].content)
    headers = {n: a for n, a in dot.nodes.items() if n.startswith("hd__")}
    assert len(headers) == 5
    texts = {label_text(a["label"]).replace("\n", " "): a["fillcolor"] for a in headers.values()}
    owner = texts["Sekretariat (Dinkes)"]
    assert texts["UPT Puskesmas (Dinkes)"] == owner
    assert texts["Disdukcapil"] != owner  # another OPD
    assert texts["Masyarakat"] not in (owner, texts["Disdukcapil"])  # outside the Pemda
    activities = {
        n: a for n, a in dot.nodes.items() if n.startswith("sym__") and label_text(a["label"]).startswith("A")
    }
    assert len(activities) == 12
    masyarakat = [n for n in range(1, 13) if (n * 2) % 5 == 4]  # activities of the outside party
    dashed = sorted(
        int(label_text(a["label"]).split("\n")[0][1:]) for a in activities.values() if "dashed" in a["style"]
    )
    assert dashed == masyarakat
    legend = [n for n in dot.nodes if n.startswith("lg__") and not n.endswith("title")]
    assert len(legend) == 3


def test_lintas_fungsi_flow_follows_lanjut(big: Index) -> None:
    dot = parse_dot(by_path(DIAGRAMS["lintas-fungsi"](big, ID))["lintas-fungsi/PB.01.01"].content)
    sym = lambda key: safe_id("sym", "PB.01.01", key)  # noqa: E731
    flows = dot.flows()
    expected = {(sym("mulai"), sym("A1"))}
    for n in range(1, 12):
        # A4 has two successors: a decision follows it, whose exits lead to A5 and A7.
        expected |= (
            {(sym(f"A{n}"), sym(f"A{n + 1}"))}
            if n != 4
            else {(sym("A4"), sym("?A4")), (sym("?A4"), sym("A5")), (sym("?A4"), sym("A7"))}
        )
    expected.add((sym("A12"), sym("selesai")))
    assert flows == expected


def test_lintas_fungsi_lane_order_and_columns(mini: Index) -> None:
    dot = parse_dot(by_path(render_all(mini, ID))["lintas-fungsi/PB.02.01"].content)
    headers = sorted(
        (float(a["pos"].split(",")[0]), label_text(a["label"]).replace("\n", " "))
        for n, a in dot.nodes.items()
        if n.startswith("hd__")
    )
    assert [h for _, h in headers] == [
        "Bidang Pencegahan dan Pengendalian Penyakit (Dinkes)",
        "Disdukcapil",
        "Masyarakat",
        "UPT Puskesmas (Dinkes)",
        "Kementerian Kesehatan",
    ]
    x_of = {h: x for x, h in headers}
    a2 = dot.nodes[safe_id("sym", "PB.02.01", "A2")]
    assert float(a2["pos"].split(",")[0]) == x_of["Disdukcapil"]


# -- peta relasi --------------------------------------------------------------------------------
def carried(dot: Dot) -> dict[tuple[str, str], tuple[str, dict[str, str]]]:
    """``(tail, head) -> (names text, label node attributes)`` of the relasi arrows, each
    drawn as tail -> label node -> head."""
    into = {h: t for t, h, _ in dot.edges if h.startswith("lbl__")}
    out = {t: h for t, h, _ in dot.edges if t.startswith("lbl__")}
    assert set(into) == set(out) == {n for n in dot.nodes if n.startswith("lbl__")}
    return {(into[n], out[n]): (label_text(dot.nodes[n]["label"]), dot.nodes[n]) for n in into}


def test_relasi_pemda_aggregates_pairs(mini: Index) -> None:
    dot = parse_dot(by_path(render_all(mini, ID))["relasi/pemda"].content)
    edges = {(t, h): label_text(a["label"]) for t, h, a in dot.edges if "label" in a}
    # the same data sent by Disdukcapil (keluaran) and received by Dinkes (masukan): one edge, one name
    data = edges[(safe_id("n", "disdukcapil"), safe_id("n", "dinkes"))]
    assert data.count("Data sasaran imunisasi") == 1
    assert (safe_id("n", "dinkes"), safe_id("n", "masyarakat")) in edges
    assert not [e for e in edges if e[0] == e[1]]
    assert "dashed" in dot.nodes[safe_id("n", "kemenkes")]["style"]


def test_relasi_cuts_long_lists(big: Index) -> None:
    dot = parse_dot(by_path(DIAGRAMS["relasi"](big, ID))["relasi/proses/PB.01.01"].content)
    centre = safe_id("proses", "PB.01.01")
    arrows = carried(dot)
    out = {h: text for (t, h), (text, _) in arrows.items() if t == centre}
    kemenkes = out[safe_id("untuk", "kemenkes")]
    assert kemenkes.count("• ") == 3 and "+2 lainnya" in kemenkes
    assert arrows[(centre, safe_id("untuk", "kemenkes"))][1]["tooltip"].count("; ") == 4  # all 5 names
    sources = [t for t, h in arrows if h == centre]
    assert len(sources) == 5
    same = [s for s in dot.all_subgraphs() if s.attrs.get("rank") == "same" and not s.name.startswith("legend")]
    assert sorted(len(s.members) for s in same) == [5, 6]  # 5 sources; 5 lanes + Kemenkes receive


# -- SOP flowchart --------------------------------------------------------------------------------
def _sop_pages(index: Index, kode: str, ctx: RenderContext = ID) -> list[Dot]:
    return [parse_dot(a.content) for a in DIAGRAMS["sop"](index, ctx) if a.path.startswith(f"sop/{kode}/")]


def _symbols(dot: Dot) -> dict[str, dict[str, str]]:
    return {n: a for n, a in dot.nodes.items() if n.startswith("sym__")}


def test_sop_shapes_and_decisions(mini: Index) -> None:
    (dot,) = _sop_pages(mini, "SOP-DINKES-001")
    tag = "SOP-DINKES-001-1"
    sym = lambda key: dot.nodes[safe_id("sym", tag, key)]  # noqa: E731
    assert sym("1")["shape"] == "box" and "rounded" in sym("1")["style"]
    assert sym("7")["shape"] == "box" and "rounded" in sym("7")["style"]
    assert sym("2")["shape"] == "diamond" and sym("4")["shape"] == "diamond"
    assert sym("3")["shape"] == "box" and "rounded" not in sym("3").get("style", "")
    flows = dot.flows()
    from_2 = {h for t, h in flows if t == safe_id("sym", tag, "2")}
    assert from_2 == {safe_id("sym", tag, "3"), safe_id("sym", tag, "1")}
    labels = node_labels(dot)
    assert {labels[n] for n in dot.nodes if n.startswith(safe_id("lb", tag, "2"))} == {"Ya", "Tidak"}
    assert {labels[n] for n in dot.nodes if n.startswith(safe_id("lb", tag, "4"))} == {"Setuju", "Revisi"}
    assert not any(t == safe_id("sym", tag, "7") for t, _ in flows)  # selesai: no way out


def test_sop_symbol_in_its_pelaksana_column(mini: Index) -> None:
    (dot,) = _sop_pages(mini, "SOP-DINKES-001")
    tag = "SOP-DINKES-001-1"
    x = lambda node: float(dot.nodes[node]["pos"].split(",")[0])  # noqa: E731
    header = {label_text(dot.nodes[safe_id("hd", tag, f"p{i}")]["label"]).replace("\n", " "): i for i in range(3)}
    column = {"Petugas Loket": 0, "Kepala Seksi Surveilans dan Imunisasi": 1, "Kepala Dinas": 2}
    assert header == column
    for no, who in [("1", 0), ("2", 1), ("4", 2), ("5", 0), ("7", 1)]:
        assert x(safe_id("sym", tag, no)) == x(safe_id("hd", tag, f"p{who}"))
    ys = [float(dot.nodes[safe_id("sym", tag, str(n))]["pos"].split(",")[1].rstrip("!")) for n in range(1, 8)]
    assert ys == sorted(ys, reverse=True)  # one row per step, top to bottom


def test_sop_thirty_steps_split_into_pages_with_connectors(big: Index) -> None:
    pages = _sop_pages(big, "SOP-BESAR-001")
    assert len(pages) == 3
    steps_per_page = []
    connectors: dict[str, list[tuple[int, str]]] = {}
    for p, dot in enumerate(pages, start=1):
        symbols = _symbols(dot)
        steps = [n for n, a in symbols.items() if a["shape"] != "invhouse"]
        steps_per_page.append(len(steps))
        for n, a in symbols.items():
            if a["shape"] == "invhouse":
                direction = "in" if "__in" in n else "out"
                connectors.setdefault(label_text(a["label"]), []).append((p, direction))
    assert steps_per_page == [12, 12, 6]
    assert connectors  # the flow continues across pages
    for number, ends in connectors.items():
        assert sorted(d for _, d in ends) == ["in", "out"], number  # one leaves, one enters
        (out_page,) = [p for p, d in ends if d == "out"]
        (in_page,) = [p for p, d in ends if d == "in"]
        assert out_page != in_page
    # 12 -> 13 continues on the next page through connector 1
    assert (1, "out") in connectors["1"] and (2, "in") in connectors["1"]


def test_sop_every_decision_has_two_labelled_exits(big: Index) -> None:
    for p, dot in enumerate(_sop_pages(big, "SOP-BESAR-001"), start=1):
        tag = f"SOP-BESAR-001-{p}"
        flows = dot.flows()
        for node, attrs in _symbols(dot).items():
            if attrs["shape"] != "diamond":
                continue
            assert len([1 for t, _ in flows if t == node]) == 2, node
            key = node.split("__")[-1]
            assert len([n for n in dot.nodes if n.startswith(safe_id("lb", tag, key) + "__")]) == 2


def test_sop_page_size_follows_context(big: Index) -> None:
    sop = big.sop["SOP-BESAR-001"].model
    assert [len(p) for p in paginate(sop, 15)] == [15, 15]
    assert len(DIAGRAMS["sop"](big, RenderContext(lang="id", max_steps_per_page=15))) == 2
    assert [len(p) for p in paginate(sop, 0)] == [1] * 30


def test_sop_english_words(mini: Index) -> None:
    (dot,) = _sop_pages(mini, "SOP-DINKES-001", EN)
    labels = set(node_labels(dot).values())
    assert {"Yes", "No", "Activity", "Setuju", "Revisi"} <= labels


# -- escaping ----------------------------------------------------------------------------------
NASTY = [
    "Kutip \"ganda\" dan 'tunggal'",
    "Kurung {kurawal} | pipa <siku> & dan",
    "Garis miring terbalik di akhir \\",
    'Escape \\N \\G \\E \\L \\n \\l \\" bukan baris baru',
    "<b>bukan HTML</b>",
    "<KTP & KK>",
    "Baris satu\nbaris dua\r\n\ttab",
    "Kontrol \x00\x01\x1b\x7f\x85 karakter",
    "Unicode: é ñ — “kutip” 漢字 مرحبا 😀 \u200b\u202e",
    "subgraph node edge digraph -> -- ; [ ] =",
    "x" * 300,
]


def synthetic_index(name: str) -> Index:
    """A complete little repository whose every free text is ``name``."""
    docs: list[Document[Any]] = []

    def add(path: str, model: Any) -> None:
        docs.append(Document(path, model, None, 1, 1))

    add(
        "probis.yaml",
        Pemda.model_validate(
            {
                "probis": 1,
                "jenis": "pemda",
                "nama": name,
                "tingkat": "kota",
                "periode": "2025-2029",
                "pihak_luar": [{"kode": "luar", "nama": name}],
            }
        ),
    )
    add(
        "rpjmd.yaml",
        Rpjmd.model_validate(
            {
                "probis": 1,
                "jenis": "rpjmd",
                "periode": "2025-2029",
                "visi": name,
                "misi": [{"kode": "M1", "uraian": name}],
                "tujuan": [{"kode": "T1", "misi": "M1", "uraian": name}],
                "sasaran": [{"kode": "S1", "tujuan": "T1", "uraian": name}],
                "program": [{"kode": "1.02.02", "nama": name, "sasaran": ["S1"], "opd": ["a"]}],
            }
        ),
    )
    for kode in ("a", "b"):
        add(
            f"opd/{kode}.yaml",
            Opd.model_validate(
                {
                    "probis": 1,
                    "jenis": "opd",
                    "kode": kode,
                    "nama": name,
                    "singkatan": name,
                    "unit": [{"kode": "u", "nama": name}],
                    "kegiatan": [
                        {
                            "kode": "1.02.02.2.01",
                            "nama": name,
                            "sub_kegiatan": [{"kode": "1.02.02.2.01.0001", "nama": name}],
                        }
                    ],
                }
            ),
        )
    add(
        "proses/P.yaml",
        Proses.model_validate(
            {
                "probis": 1,
                "jenis": "proses",
                "kode": "P",
                "nama": name,
                "kategori": "inti",
                "pemilik": "a",
                "kegiatan": ["1.02.02.2.01"],
            }
        ),
    )
    add(
        "proses/P.1.yaml",
        Proses.model_validate(
            {
                "probis": 1,
                "jenis": "proses",
                "kode": "P.1",
                "nama": name,
                "kategori": "pendukung",
                "induk": "P",
                "pemilik": "a/u",
                "kegiatan": ["1.02.02.2.01.0001"],
                "masukan": [{"nama": name, "dari": "b"}, {"nama": name, "dari": "luar"}, {"nama": name}],
                "keluaran": [{"nama": name, "untuk": ["luar", "b/u"]}, {"nama": name}],
                "aktivitas": [
                    {"kode": "A1", "nama": name, "pelaksana": "a/u", "keluaran": name},
                    {"kode": "A2", "nama": name, "pelaksana": "b"},
                    {"kode": "A3", "nama": name, "pelaksana": "luar", "lanjut": ["A1"]},
                ],
            }
        ),
    )
    add(
        "sop/S.yaml",
        Sop.model_validate(
            {
                "probis": 1,
                "jenis": "sop",
                "kode": "S",
                "nama": name,
                "nomor": name,
                "proses": "P.1",
                "unit": "a/u",
                "pelaksana": [{"kode": "x", "nama": name}, {"kode": "y", "nama": name}],
                "langkah": [
                    {
                        "no": 1,
                        "kegiatan": name,
                        "pelaksana": "x",
                        "simbol": "mulai",
                        "mutu_baku": {"kelengkapan": [name], "waktu": name, "output": name},
                        "keterangan": name,
                    },
                    {
                        "no": 2,
                        "kegiatan": name,
                        "pelaksana": "y",
                        "simbol": "keputusan",
                        "cabang": [{"label": name, "ke": 3}, {"label": name, "ke": 1}],
                    },
                    {"no": 3, "kegiatan": name, "pelaksana": "x", "simbol": "selesai"},
                ],
            }
        ),
    )
    index, findings = build_index(Path("."), docs)
    assert not findings, findings
    return index


def _text_of(dot: Dot) -> str:
    parts = [label_text(a["label"]) for a in dot.nodes.values() if "label" in a]
    parts += [label_text(a["label"]) for _, _, a in dot.edges if "label" in a]
    parts += [label_text(s.attrs["label"]) for s in [dot.root, *dot.all_subgraphs()] if "label" in s.attrs]
    return "".join("".join(parts).split())


def _check_escaped(name: str) -> list[Artifact]:
    index = synthetic_index(name)
    artifacts = render_all(index, RenderContext(lang="id", max_steps_per_page=2))
    assert {a.group for a in artifacts} == set(DIAGRAMS)
    flat = "".join(clean(name).split())
    for a in artifacts:
        dot = parse_dot(a.content)  # lexically and structurally valid
        assert "label=<" not in a.content
        if flat and len(flat) <= 20:  # short enough never to be cut: the text survives intact
            assert flat in _text_of(dot), a.path
    return artifacts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=30)).filter(lambda s: bool(s.strip())))
def test_arbitrary_names_keep_dot_valid(name: str) -> None:
    _check_escaped(name)


def _engines() -> list[Any]:
    from probis_cli.render.graphviz import EngineUnavailable, find_engine

    found = []
    for kind in ("system", "wasm"):
        try:
            found.append(find_engine(kind))  # type: ignore[arg-type]
        except EngineUnavailable:
            pass
    return found


@pytest.mark.parametrize("name", NASTY[:6] + NASTY[8:10], ids=range(8))
def test_nasty_names_lay_out_with_every_engine(name: str) -> None:
    engines = _engines()
    if not engines:
        pytest.skip("no Graphviz engine")
    artifacts = _check_escaped(name)
    words = [w for w in clean(name).split() if w.isalnum() and len(w) > 2][:1]
    for engine in engines:
        for a in artifacts:
            svg = engine.render(a.content, "svg").decode("utf-8")
            for word in words:
                assert word in svg, (engine.name, a.path)


def test_wrap_breaks_long_words_and_truncates() -> None:
    assert wrap("x" * 300, 20)[0] == "x" * 20
    lines = wrap(LONG, 20, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…") and all(len(line) <= 20 for line in lines)
    assert wrap("a\x00b\nc", 10) == ["ab c"]


def test_broken_references_do_not_break_rendering() -> None:
    """Renderers run on whatever resolved: unknown refs, cycles, duplicate numbers."""
    docs: list[Document[Any]] = []

    def add(path: str, model: Any) -> None:
        docs.append(Document(path, model, None, 1, 1))

    add(
        "opd/a.yaml",
        Opd.model_validate(
            {"probis": 1, "jenis": "opd", "kode": "a", "nama": "A", "kegiatan": [{"kode": "1.02.02.2.01", "nama": "K"}]}
        ),
    )
    add(
        "proses/X.yaml",
        Proses.model_validate(
            {
                "probis": 1,
                "jenis": "proses",
                "kode": "X",
                "nama": "X",
                "kategori": "inti",
                "induk": "Y",
                "pemilik": "a",
                "kegiatan": ["9.99.99.2.01"],
                "masukan": [{"nama": "m", "dari": "hilang"}],
                "aktivitas": [
                    {"kode": "A1", "nama": "a", "pelaksana": "hilang/unit", "lanjut": ["A9"]},
                    {"kode": "A1", "nama": "dup", "pelaksana": "a"},
                ],
            }
        ),
    )
    add(
        "proses/Y.yaml",
        Proses.model_validate(
            {"probis": 1, "jenis": "proses", "kode": "Y", "nama": "Y", "kategori": "inti", "induk": "X", "pemilik": "a"}
        ),
    )
    add(
        "sop/S.yaml",
        Sop.model_validate(
            {
                "probis": 1,
                "jenis": "sop",
                "kode": "S",
                "nama": "S",
                "proses": "Z",
                "pelaksana": [{"kode": "p", "nama": "P"}],
                "langkah": [
                    {"no": 1, "kegiatan": "a", "pelaksana": "p", "simbol": "keputusan", "ya": 7, "tidak": 2},
                    {"no": 1, "kegiatan": "dup", "pelaksana": "p"},
                    {"no": 2, "kegiatan": "b", "pelaksana": "tak-dikenal", "simbol": "keputusan"},
                ],
            }
        ),
    )
    index, findings = build_index(Path("."), docs)
    assert findings
    for artifact in render_all(index, ID):
        parse_dot(artifact.content)


def test_pohon_kinerja_sasaran_in_code_order_and_one_penunjang_node_per_opd() -> None:
    example = _load(Path(__file__).resolve().parents[2] / "examples" / "kota-contoh")
    dot = parse_dot(by_path(DIAGRAMS["hierarki"](example, ID))["hierarki/pemda"].content)
    chain = [(t, h) for t, h, a in dot.edges if a.get("style") == "invis" and t.startswith("s__")]
    sasaran = sorted((n for n in dot.nodes if n.startswith("s__")), key=lambda n: [int(x) for x in n[4:].split(".")])
    assert [t for t, _ in chain] == sasaran  # each sasaran above the next, in code order
    penunjang = [n for n in dot.nodes if n.startswith("pen__")]
    assert sorted(penunjang) == sorted(safe_id("pen", o) for o in example.opd)
    # no X.XX.01 program node (nor its kegiatan) repeated in the Pemda tree
    assert not [n for n in dot.nodes if n.startswith("prog__") and n.endswith(".01")]


def test_relasi_matrix_has_one_cell_per_exchanging_pair_with_the_full_list_as_tooltip() -> None:
    from probis_cli.render.diagrams.relasi_data import pemda_exchanges

    example = _load(Path(__file__).resolve().parents[2] / "examples" / "kota-contoh")
    dot = parse_dot(by_path(DIAGRAMS["relasi"](example, ID))["relasi/matriks"].content)
    pairs = pemda_exchanges(example)
    cells = {n: a for n, a in dot.nodes.items() if n.startswith("m__")}
    assert len(cells) == len(pairs)
    for (source, target), names in pairs.items():
        cell = cells[safe_id("m", source, target)]
        assert label_text(cell["label"]) == str(len(names))
        assert all(clean(n) in cell["tooltip"] for n in names)


def test_relasi_per_opd_has_the_opd_in_the_middle_and_every_pair_it_is_part_of() -> None:
    from probis_cli.render.diagrams.relasi_data import pemda_exchanges
    from probis_cli.render.diagrams.relasi_matriks import pair_edge_id

    example = _load(Path(__file__).resolve().parents[2] / "examples" / "kota-contoh")
    found = by_path(DIAGRAMS["relasi"](example, ID))
    pairs = pemda_exchanges(example)
    for opd in example.opd:
        mine = {pair: names for pair, names in pairs.items() if opd in pair}
        if not mine:
            assert f"relasi/opd/{opd}" not in found
            continue
        dot = parse_dot(found[f"relasi/opd/{opd}"].content)
        centre = safe_id("opd", opd)
        assert dot.nodes[centre]["fillcolor"] == COLOR_OWNER  # the palette's "this OPD" teal
        edges = {attrs["id"]: (t, h, text, attrs) for (t, h), (text, attrs) in carried(dot).items()}
        assert set(edges) == {pair_edge_id(*pair) for pair in mine}
        for (source, target), names in mine.items():
            tail, head, shown, attrs = edges[pair_edge_id(source, target)]
            assert (head if source == opd else tail) != centre and centre in (tail, head)
            assert (tail == centre) == (source == opd)  # keluaran leave to the right
            assert all(clean(n).split()[0] in shown for n in names[:3])
            if len(names) > 3:
                assert all(clean(n) in attrs["tooltip"] for n in names)
        assert any(n.startswith("legend__") for n in dot.nodes)
