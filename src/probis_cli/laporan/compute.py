"""The numbers of the progress report, from a loaded and checked repository.

Per OPD (and for the Pemda as a whole):

* kegiatan: Renstra kegiatan, and how many a process carries out (rule K005's reading, run
  with its default options whatever the repository's settings: standard penunjang
  kegiatan ``X.XX.01.2.01``–``.2.10`` are not counted);
* lowest-level processes the OPD owns, and how many have an SOP (rule K006's reading);
* SOPs of the OPD, and how many are fully measurable: steps present, and neither M001
  (waktu not measurable) nor M002 (no output) fires;
* open findings (``probis validate``'s result: settings, suppressions and baseline applied)
  by family: T tumpang tindih, K keterkaitan, M mutu baku, other (S schema/references, Y
  reading, P linter);
* the date of the last commit touching the OPD's files (blank outside git).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from probis_cli.api import Loaded
from probis_cli.findings import Result
from probis_cli.laporan.git import is_work_tree, last_change
from probis_cli.lint.registry import RULES_BY_CODE
from probis_cli.model.kode import is_standard_penunjang

FAMILIES: tuple[str, ...] = ("T", "K", "M", "lain")


@dataclass(frozen=True)
class Baris:
    """One row: an OPD, or the Pemda (``kode`` empty)."""

    kode: str
    nama: str
    label: str  # short name (singkatan) for tables and charts
    kegiatan: int
    kegiatan_dilaksanakan: int
    proses_terendah: int
    proses_dengan_sop: int
    sop: int
    sop_terukur: int
    temuan: dict[str, int] = field(default_factory=dict)
    perubahan_terakhir: str = ""


@dataclass(frozen=True)
class Laporan:
    """The whole report: the Pemda row first, then one row per OPD (by code)."""

    pemda: Baris
    opd: list[Baris]


def _hits(loaded: Loaded, code: str) -> list[str]:
    """Paths of the places rule ``code`` fires, with its default options."""
    rule = RULES_BY_CODE[code]
    return [hit.location.path + "#" + str(hit.location.line) for hit in rule().check(loaded.index, rule.Options())]


def _family(code: str) -> str:
    return code[0] if code[:1] in ("T", "K", "M") else "lain"


def _ratio(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def build_laporan(loaded: Loaded, result: Result, *, git: bool = True) -> Laporan:
    """Count everything per OPD."""
    index = loaded.index
    owner_of_path: dict[str, str] = {}
    for kode, doc in index.opd.items():
        owner_of_path[doc.path] = kode
    proses_owner: dict[str, str] = {}
    for kode, pdoc in index.proses.items():
        owners = index.owners(kode)
        if owners:
            proses_owner[kode] = owners[0]
            owner_of_path[pdoc.path] = owners[0]
    sop_owner: dict[str, str] = {}
    for kode, sdoc in index.sop.items():
        unit = sdoc.model.unit
        opd = index.opd_of(unit) if unit else None
        if opd is None and sdoc.model.proses:
            opd = proses_owner.get(sdoc.model.proses)
        if opd is not None:
            sop_owner[kode] = opd
            owner_of_path[sdoc.path] = opd

    # K005 and K006 report where they fire: the kegiatan's line in the OPD, the process.
    gaps_kegiatan = Counter(p.split("#")[0] for p in _hits(loaded, "K005"))
    gaps_sop = {p.split("#")[0] for p in _hits(loaded, "K006")}
    not_measurable = {p.split("#")[0] for p in _hits(loaded, "M001") + _hits(loaded, "M002")}
    findings: dict[str, Counter[str]] = {}
    pemda_findings: Counter[str] = Counter()
    for finding in result.findings:
        family = _family(finding.code)
        pemda_findings[family] += 1
        opd = owner_of_path.get(finding.location.path)
        if opd is not None:
            findings.setdefault(opd, Counter())[family] += 1
    in_git = git and is_work_tree(loaded.root)
    paths_of: dict[str, list[str]] = {}
    for path, opd in owner_of_path.items():
        paths_of.setdefault(opd, []).append(path)

    rows: list[Baris] = []
    for opd in sorted(index.opd):
        doc = index.opd[opd]
        kegiatan = [k for k in doc.model.kegiatan if not is_standard_penunjang(k.kode)]
        lowest = [k for k, owner in proses_owner.items() if owner == opd and not index.children.get(k)]
        sops = [k for k, owner in sop_owner.items() if owner == opd]
        rows.append(
            Baris(
                kode=opd,
                nama=doc.model.nama,
                label=doc.model.label,
                kegiatan=len(kegiatan),
                kegiatan_dilaksanakan=len(kegiatan) - gaps_kegiatan.get(doc.path, 0),
                proses_terendah=len(lowest),
                proses_dengan_sop=sum(1 for k in lowest if index.proses[k].path not in gaps_sop),
                sop=len(sops),
                sop_terukur=sum(
                    1 for k in sops if index.sop[k].model.langkah and index.sop[k].path not in not_measurable
                ),
                temuan={f: findings.get(opd, Counter()).get(f, 0) for f in FAMILIES},
                perubahan_terakhir=last_change(loaded.root, sorted(paths_of.get(opd, []))) if in_git else "",
            )
        )
    pemda_doc = index.pemda
    all_paths = sorted(s.path for s in loaded.sources)
    pemda = Baris(
        kode="",
        nama=pemda_doc.model.nama if pemda_doc is not None else loaded.root.name,
        label=pemda_doc.model.nama if pemda_doc is not None else loaded.root.name,
        kegiatan=sum(r.kegiatan for r in rows),
        kegiatan_dilaksanakan=sum(r.kegiatan_dilaksanakan for r in rows),
        proses_terendah=sum(r.proses_terendah for r in rows),
        proses_dengan_sop=sum(r.proses_dengan_sop for r in rows),
        sop=sum(r.sop for r in rows),
        sop_terukur=sum(r.sop_terukur for r in rows),
        temuan={f: pemda_findings.get(f, 0) for f in FAMILIES},
        perubahan_terakhir=last_change(loaded.root, all_paths) if in_git else "",
    )
    return Laporan(pemda, rows)


def persen(part: int, whole: int) -> str:
    """``"75%"``, or ``"–"`` when there is nothing to count."""
    ratio = _ratio(part, whole)
    return "–" if ratio is None else f"{round(ratio * 100)}%"
