"""``probis baru``: a new OPD, process, SOP or Renstra kegiatan, in the repository's own conventions.

Codes: the next free number after the codes the repository already uses (``PB.07`` after
``PB.06``, ``PB.DINKES.03`` when that OPD's processes are numbered so, ``PB.02.01.04`` under
``PB.02.01``, ``SOP-DINKES-005`` after ``SOP-DINKES-004``, a sub kegiatan ``.0003`` under its
kegiatan), with the same zero padding. Files go where the same kind already lives for that
OPD (``proses/dinkes/``), else where the suggested layout puts them. Links are filled in:
``induk``, ``pemilik``, the new SOP's ``proses`` and the process's ``sop`` list, the kegiatan
under its OPD or parent kegiatan. A new SOP's steps are drafted from the process's
cross-functional map (``aktivitas``): one step per activity, the actors as columns.

Nothing is written here: a :class:`BaruPlan` lists the files to create and the edits to
existing files (round-trip, verified by reading back like every edit of probis).
"""

from __future__ import annotations

import copy
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from probis_cli.api import Loaded
from probis_cli.model.common import KEGIATAN_RE, PROGRAM_RE, SLUG_RE, SUB_KEGIATAN_RE
from probis_cli.model.proses import Proses
from probis_cli.scaffold.files import read_raw
from probis_cli.scaffold.roundtrip import Envelope, RoundTripError, dump_rt, has_explicit_start, load_rt, probis_view
from probis_cli.scaffold.yamltext import scalar

_SLUG = re.compile(SLUG_RE)
_NUMBERED = re.compile(r"(.*?)(\d+)")


class BaruError(ValueError):
    """The new document cannot be made; ``message_id`` and ``args`` say why."""

    def __init__(self, message_id: str, **args: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@dataclass(frozen=True)
class FileEdit:
    """An existing file changed: its text before and after (BOM/CRLF as in the file)."""

    path: str
    before: str
    after: str


@dataclass
class BaruPlan:
    """What ``baru`` does: the new code, files to create, files to edit."""

    jenis: str
    kode: str
    creates: dict[str, str] = field(default_factory=dict)
    edits: list[FileEdit] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        """Every path written."""
        return sorted([*self.creates, *(e.path for e in self.edits)])


def next_code(existing: Iterable[str], prefix: str, *, width: int) -> str:
    """``prefix`` + the number after the highest ``prefix<number>`` in ``existing``, padded
    like them (at least ``width`` digits)."""
    numbers = [code[len(prefix) :] for code in existing if code.startswith(prefix) and code[len(prefix) :].isdigit()]
    width = max([width, *(len(n) for n in numbers)])
    return f"{prefix}{max((int(n) for n in numbers), default=0) + 1:0{width}d}"


def _most_common(values: Iterable[str], default: str) -> str:
    counts = Counter(values)
    if not counts:
        return default
    best = max(counts.values())
    return sorted(v for v, c in counts.items() if c == best)[0]


def _modeline(loaded: Loaded, jenis: str, new_path: str) -> str:
    """A modeline for a new file: to ``schemas/`` of the repository, else to wherever the
    existing documents of the same kind point; empty when neither exists."""
    root = loaded.root
    schema = root / "schemas" / f"{jenis}.schema.json"
    target: Path | None = schema if schema.is_file() else None
    if target is None:
        for source in loaded.sources:
            first = source.text.split("\n", 1)[0]
            if first.startswith("# yaml-language-server: $schema=") and f"{jenis}.schema.json" in first:
                link = first.split("=", 1)[1].strip()
                if "://" in link:
                    return first + "\n"
                target = (root / source.path).parent / link
                break
    if target is None:
        return ""
    relative = os.path.relpath(target, (root / new_path).parent)
    return f"# yaml-language-server: $schema={PurePosixPath(Path(relative).as_posix())}\n"


def _folder_of(paths: Iterable[str]) -> str | None:
    parents = [PurePosixPath(p).parent.as_posix() for p in paths]
    return _most_common(parents, "") or None


def _kind_folder(loaded: Loaded, jenis: str, opd: str, docs: Iterable[tuple[str, str]]) -> str:
    """Folder for a new ``jenis`` document of ``opd``: where that OPD's ones are, else a
    sibling of where other OPD's ones are (``proses/<opd>``), else ``<jenis>/<opd>``."""
    own = [path for path, owner in docs if owner == opd]
    if own:
        return _folder_of(own) or jenis
    others = [(PurePosixPath(path).parent, owner) for path, owner in docs]
    for parent, owner in others:
        if parent.name == owner:
            return (parent.parent / opd).as_posix()
    if others:
        return _folder_of(path for path, _ in docs) or jenis
    return f"{jenis}/{opd}"


def _check_free(loaded: Loaded, root_rel: str) -> None:
    if (loaded.root / root_rel).exists():
        raise BaruError("baru.file_exists", path=root_rel)


# --- OPD ---------------------------------------------------------------------------------

_BENTUK = (
    ("sekretariat daerah", "sekretariat_daerah"),
    ("sekretariat dprd", "sekretariat_dprd"),
    ("inspektorat", "inspektorat"),
    ("satuan polisi", "satpol_pp"),
    ("kecamatan", "kecamatan"),
    ("dinas", "dinas"),
    ("badan", "badan"),
)


def plan_opd(loaded: Loaded, *, kode: str, nama: str, singkatan: str | None, urusan: list[str]) -> BaruPlan:
    """A new ``opd`` document."""
    if not _SLUG.fullmatch(kode):
        raise BaruError("baru.bad_code", kode=kode)
    if kode in loaded.index.opd:
        raise BaruError("baru.exists", kode=kode)
    for code in urusan:
        if not re.fullmatch(r"\d\.\d{2}", code):
            raise BaruError("baru.bad_urusan", kode=code)
    bentuk = next((b for word, b in _BENTUK if nama.lower().startswith(word)), None)
    folder = _folder_of(d.path for d in loaded.index.opd.values()) or "opd"
    path = f"{folder}/{kode}.yaml"
    _check_free(loaded, path)
    lines = [
        _modeline(loaded, "opd", path),
        f"# {nama}: unit kerja, jabatan, urusan, dan kegiatan Renstra (dibuat dengan `probis baru opd`).\n",
        "probis: 1\n",
        "jenis: opd\n",
        f"kode: {kode}\n",
        f"nama: {scalar(nama)}\n",
    ]
    if singkatan:
        lines.append(f"singkatan: {scalar(singkatan)}\n")
    if bentuk:
        lines.append(f"bentuk: {bentuk}\n")
    lines += [
        f"urusan: [{', '.join(urusan)}]\n",
        "\n",
        "# Unit kerja (bidang, bagian, UPT, ...): {kode: ..., nama: ..., induk: ...}\n",
        "unit: []\n",
        "\n",
        "jabatan:\n",
        f"  - {{kode: kepala, nama: {scalar('Kepala ' + nama)}}}\n",
        "\n",
        "# Kegiatan dan sub kegiatan Renstra: `probis baru kegiatan KODE --opd " + kode + " --nama ...`\n",
        "kegiatan: []\n",
    ]
    return BaruPlan("opd", kode, creates={path: "".join(lines)})


# --- proses ------------------------------------------------------------------------------


def _proses_owner(model: Proses) -> str:
    return model.pemilik[0].split("/")[0] if model.pemilik else ""


def next_proses_code(loaded: Loaded, *, opd: str, induk: str | None) -> str:
    """The next free process code: under ``induk``, or at level 1 in this repository's scheme."""
    codes = set(loaded.index.proses)
    if induk is not None:
        children = [c for c in codes if c.startswith(induk + ".")]
        direct = [c for c in children if "." not in c[len(induk) + 1 :]]
        return next_code(direct, induk + ".", width=2)
    top = [(code, _proses_owner(doc.model)) for code, doc in loaded.index.proses.items() if doc.model.induk is None]
    prefixes = []
    for code, owner in top:
        match = _NUMBERED.fullmatch(code)
        if match:
            prefixes.append((match.group(1), owner))
    own = [p for p, owner in prefixes if owner == opd]
    prefix = _most_common(own, "") or _most_common((p for p, _ in prefixes), "PB.")
    return next_code(codes, prefix, width=2)


def plan_proses(
    loaded: Loaded,
    *,
    nama: str,
    pemilik: str,
    induk: str | None,
    kategori: str | None,
    kode: str | None,
    kegiatan: list[str],
) -> BaruPlan:
    """A new ``proses`` document."""
    index = loaded.index
    actor = index.actor(pemilik)
    if actor is None or actor.opd is None:
        raise BaruError("baru.unknown_pemilik", ref=pemilik)
    opd = actor.opd
    parent = None
    if induk is not None:
        parent = index.proses.get(induk)
        if parent is None:
            raise BaruError("baru.unknown_induk", kode=induk)
    for code in kegiatan:
        if not re.fullmatch(f"(?:{KEGIATAN_RE}|{SUB_KEGIATAN_RE})", code):
            raise BaruError("baru.bad_kegiatan", kode=code)
    code = kode or next_proses_code(loaded, opd=opd, induk=induk)
    if not _SLUG.fullmatch(code):
        raise BaruError("baru.bad_code", kode=code)
    if code in index.proses:
        raise BaruError("baru.exists", kode=code)
    category = kategori or (parent.model.kategori if parent is not None else "inti")
    if category not in ("inti", "pendukung", "manajemen"):
        raise BaruError("baru.bad_kategori", kategori=category)
    folder = _kind_folder(loaded, "proses", opd, ((d.path, _proses_owner(d.model)) for d in index.proses.values()))
    path = f"{folder}/{code}.yaml"
    _check_free(loaded, path)
    level = 1 + len(index.ancestors(induk)) + 1 if induk is not None else 1
    lines = [
        _modeline(loaded, "proses", path),
        f"# Proses level {level} (dibuat dengan `probis baru proses`).\n",
        "probis: 1\n",
        "jenis: proses\n",
        f"kode: {code}\n",
        f"nama: {scalar(nama)}\n",
        f"kategori: {category}\n",
    ]
    if induk is not None:
        lines.append(f"induk: {induk}\n")
    lines += [
        f"pemilik: {pemilik}\n",
        f"kegiatan: [{', '.join(kegiatan)}]"
        + ("   # kegiatan/sub kegiatan Renstra yang dilaksanakan\n" if not kegiatan else "\n"),
        "masukan: []    # {nama: ..., dari: opd/unit atau pihak luar}\n",
        "keluaran: []   # {nama: ..., untuk: [opd/unit atau pihak luar]}\n",
        "# Proses level terendah: aktivitas peta lintas fungsi, lalu `probis baru sop --proses " + code + "`.\n",
        "aktivitas: []  # {kode: A1, nama: ..., pelaksana: opd/unit atau opd/jabatan}\n",
        "sop: []\n",
    ]
    return BaruPlan("proses", code, creates={path: "".join(lines)})


# --- SOP ---------------------------------------------------------------------------------


def _sop_owner(loaded: Loaded, sop_doc: Any) -> str:
    model = sop_doc.model
    if model.unit:
        return str(model.unit).split("/")[0]
    parent = loaded.index.proses.get(model.proses or "")
    return _proses_owner(parent.model) if parent is not None else ""


def next_sop_code(loaded: Loaded, *, opd: str) -> str:
    """``SOP-<OPD>-NNN`` after the highest number that OPD's SOPs use."""
    sops = loaded.index.sop
    prefixes = []
    for code, doc in sops.items():
        match = _NUMBERED.fullmatch(code)
        if match and _sop_owner(loaded, doc) == opd:
            prefixes.append(match.group(1))
    if prefixes:
        prefix = _most_common(prefixes, "")
    else:
        opd_doc = loaded.index.opd.get(opd)
        tag = (opd_doc.model.singkatan if opd_doc is not None and opd_doc.model.singkatan else opd).upper()
        prefix = "SOP-" + re.sub(r"[^A-Z0-9]+", "", tag) + "-"
    return next_code(sops, prefix, width=3)


def _column_code(ref: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9-]+", "-", ref.split("/")[-1].lower()).strip("-") or "pelaksana"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    taken.add(code)
    return code


def plan_sop(loaded: Loaded, *, proses: str, nama: str | None, kode: str | None) -> BaruPlan:
    """A new ``sop`` document for ``proses``, drafted from its aktivitas, and the link to it."""
    index = loaded.index
    doc = index.proses.get(proses)
    if doc is None:
        raise BaruError("baru.unknown_proses", kode=proses)
    model = doc.model
    opd = _proses_owner(model)
    code = kode or next_sop_code(loaded, opd=opd)
    if not _SLUG.fullmatch(code):
        raise BaruError("baru.bad_code", kode=code)
    if code in index.sop:
        raise BaruError("baru.exists", kode=code)
    folder = _kind_folder(loaded, "sop", opd, ((d.path, _sop_owner(loaded, d)) for d in index.sop.values()))
    path = f"{folder}/{code}.yaml"
    _check_free(loaded, path)
    unit = model.pemilik[0]
    activities = [(a.nama, a.pelaksana, a.keluaran) for a in model.aktivitas] or [
        ("Menerima permohonan atau bahan", unit, None),
        ("Menyelesaikan dan menyampaikan hasil", unit, None),
    ]
    taken: set[str] = set()
    columns: dict[str, str] = {}
    for _name, ref, _out in activities:
        if ref not in columns:
            columns[ref] = _column_code(ref, taken)
    opd_doc = index.opd.get(opd)
    kepala = f"Kepala {opd_doc.model.nama}" if opd_doc is not None else "Kepala Perangkat Daerah"
    lines = [
        _modeline(loaded, "sop", path),
        f"# SOP AP untuk proses {proses} (dibuat dengan `probis baru sop`): lengkapi identitas,\n",
        "# periksa setiap langkah; waktu mutu baku di bawah ini perkiraan awal.\n",
        "probis: 1\n",
        "jenis: sop\n",
        f"kode: {code}\n",
        "nomor: null\n",
        f"nama: {scalar(nama or model.nama)}\n",
        f"proses: {proses}\n",
        f"unit: {unit}\n",
        "tanggal_pembuatan: null\n",
        "tanggal_revisi: null\n",
        "tanggal_efektif: null\n",
        "disahkan_oleh:\n",
        f"  jabatan: {scalar(kepala)}\n",
        "  nama: null\n",
        "  nip: null\n",
        "dasar_hukum: []\n",
        "kualifikasi_pelaksana: []\n",
        "keterkaitan: []\n",
        "peralatan: []\n",
        "peringatan: []\n",
        "pencatatan: []\n",
        "pelaksana:\n",
    ]
    for ref, column in columns.items():
        actor = index.actor(ref)
        title = actor.nama if actor is not None else ref
        jabatan = f", jabatan: {ref}" if actor is not None and actor.kind == "jabatan" else ""
        lines.append(f"  - {{kode: {column}, nama: {scalar(title)}{jabatan}}}\n")
    lines.append("langkah:\n")
    last = len(activities)
    for n, (name, ref, out) in enumerate(activities, 1):
        simbol = "mulai" if n == 1 else "selesai" if n == last else "proses"
        lines += [
            f"  - no: {n}\n",
            f"    kegiatan: {scalar(name)}\n",
            f"    pelaksana: {columns[ref]}\n",
            f"    simbol: {simbol}\n",
            "    mutu_baku:\n",
            "      kelengkapan: []\n",
            "      waktu: 1 hari kerja   # perkiraan awal: sesuaikan\n",
            f"      output: {scalar(out or 'Hasil: ' + name)}\n",
        ]
    plan = BaruPlan("sop", code, creates={path: "".join(lines)})
    plan.edits.append(_append_to_list(loaded, doc.path, ("sop",), code, flow=True))
    return plan


# --- kegiatan ----------------------------------------------------------------------------


def plan_kegiatan(loaded: Loaded, *, opd: str, kode: str | None, induk: str | None, nama: str) -> BaruPlan:
    """A new Renstra kegiatan (under a program) or sub kegiatan (under a kegiatan) of ``opd``."""
    index = loaded.index
    opd_doc = index.opd.get(opd)
    if opd_doc is None:
        raise BaruError("baru.unknown_opd", kode=opd)
    own_kegiatan = [k.kode for k in opd_doc.model.kegiatan]
    if kode is None:
        if induk is None:
            raise BaruError("baru.need_code")
        if re.fullmatch(KEGIATAN_RE, induk):
            siblings = _sub_codes(loaded)
            kode = next_code((s for s in siblings if s.startswith(induk + ".")), induk + ".", width=4)
        elif re.fullmatch(PROGRAM_RE, induk):
            tingkat = "1" if loaded.index.pemda is not None and loaded.index.pemda.model.tingkat == "provinsi" else "2"
            kode = next_code(index.kegiatan, f"{induk}.{tingkat}.", width=2)
        else:
            raise BaruError("baru.bad_kegiatan", kode=induk)
    if re.fullmatch(KEGIATAN_RE, kode):
        if kode in own_kegiatan:
            raise BaruError("baru.exists", kode=kode)
        entry = CommentedMap([("kode", kode), ("nama", nama)])
        edit = _append_to_list(loaded, opd_doc.path, ("kegiatan",), entry, flow=False)
    elif re.fullmatch(SUB_KEGIATAN_RE, kode):
        parent = ".".join(kode.split(".")[:5])
        if parent not in own_kegiatan:
            raise BaruError("baru.no_parent_kegiatan", kode=kode, induk=parent, opd=opd)
        if kode in _sub_codes(loaded, opd):
            raise BaruError("baru.exists", kode=kode)
        entry = CommentedMap([("kode", kode), ("nama", nama)])
        entry.fa.set_flow_style()
        edit = _append_to_list(
            loaded, opd_doc.path, ("kegiatan", own_kegiatan.index(parent), "sub_kegiatan"), entry, flow=False
        )
    else:
        raise BaruError("baru.bad_kegiatan", kode=kode)
    return BaruPlan("kegiatan", kode, edits=[edit])


def _sub_codes(loaded: Loaded, opd: str | None = None) -> list[str]:
    out: list[str] = []
    for code, doc in loaded.index.opd.items():
        if opd is None or code == opd:
            out += [s.kode for k in doc.model.kegiatan for s in k.sub_kegiatan]
    return out


# --- editing an existing file ------------------------------------------------------------


def _append_to_list(loaded: Loaded, path: str, where: tuple[str | int, ...], item: Any, *, flow: bool) -> FileEdit:
    """Append ``item`` to the list at ``where`` in the one document of ``path`` (created,
    in flow style when ``flow``, if missing); verified by reading the result back."""
    raw = read_raw(loaded.root, path)
    if raw is None:
        raise BaruError("baru.cannot_edit", path=path)
    envelope, text = Envelope.of(raw)
    try:
        documents = load_rt(text)
    except RoundTripError:
        raise BaruError("baru.cannot_edit", path=path) from None
    if len(documents) != 1 or not isinstance(documents[0], CommentedMap):
        raise BaruError("baru.cannot_edit", path=path)
    node: Any = documents[0]
    for part in where[:-1]:
        node = node[part]
    key = where[-1]
    current = node.get(key) if isinstance(node, CommentedMap) else None
    if isinstance(current, CommentedSeq):
        current.append(item)
    elif current is None or current == []:
        seq = CommentedSeq([item])
        if flow:
            seq.fa.set_flow_style()
        node[key] = seq
    else:
        raise BaruError("baru.cannot_edit", path=path)
    after = dump_rt(documents, explicit_start=has_explicit_start(text))
    (data_before,), _, _ = probis_view(path, text)
    (data_after,), _, _ = probis_view(path, after)
    expected = copy.deepcopy(data_before)
    target = expected
    for part in where[:-1]:
        target = target[part]
    plain = dict(item) if isinstance(item, dict) else item
    target[key] = [*(target.get(key) or []), plain]
    if data_after != expected:
        raise BaruError("baru.cannot_edit", path=path)
    return FileEdit(path, raw, envelope.wrap(after))
