"""Compare two loaded repositories entity by entity, and their findings by fingerprint."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from probis_cli.diff.model import Change, FieldChange, Kind
from probis_cli.durasi import format_durasi
from probis_cli.findings import Finding, Message, Result
from probis_cli.index import Index
from probis_cli.lint.baseline import fingerprint_hash
from probis_cli.model.sop import Langkah, Sop
from probis_cli.render.documents import total_waktu

MAX_VALUE = 160  # characters of one rendered value; the rest is elided


# --- values -------------------------------------------------------------------------------


def compact(value: Any) -> str:
    """A short one-line rendering of a model value."""
    if value is None:
        return "—"
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "ya" if value else "tidak"
    elif isinstance(value, (int, float)):
        text = str(value)
    elif isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        text = ", ".join(str(v) for v in value) if value else "[]"
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _key_field(items: Any) -> str | None:
    """The field that identifies the items of a list of mappings (``kode``, else ``nama``)."""
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        return None
    for key in ("kode", "nama"):
        if all(isinstance(i.get(key), str) for i in items) and len({i[key] for i in items}) == len(items):
            return key
    return None


def _list_key(old: Any, new: Any) -> str | None:
    """The shared identifying field when both values are lists of identified mappings."""
    keys = {_key_field(v) for v in (old, new) if v != []}
    if len(keys) != 1 or not (old or new):
        return None
    key = keys.pop()
    return key if key is not None and all(isinstance(v, list) for v in (old, new)) else None


def field_changes(
    before: Mapping[str, Any], after: Mapping[str, Any], prefix: str = "", skip: Iterable[str] = ()
) -> list[FieldChange]:
    """Differences between two dumped models: nested mappings by dotted key, lists of coded
    items by ``kode`` (``unit[bid-yankes]``), anything else as a whole value."""
    skipped = set(skip)
    out: list[FieldChange] = []
    keys = list(after) + [k for k in before if k not in after]
    for key in keys:
        if key in skipped:
            continue
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        name = f"{prefix}{key}"
        if isinstance(old, dict) and isinstance(new, dict):
            out.extend(field_changes(old, new, name + "."))
        elif (ident := _list_key(old, new)) is not None:
            old_by = {i[ident]: i for i in old or []}
            new_by = {i[ident]: i for i in new or []}
            for kode, item in new_by.items():
                if kode not in old_by:
                    out.append(FieldChange(f"{name}[{kode}]", None, compact(item)))
                elif old_by[kode] != item:
                    out.extend(field_changes(old_by[kode], item, f"{name}[{kode}]."))
            for kode, item in old_by.items():
                if kode not in new_by:
                    out.append(FieldChange(f"{name}[{kode}]", compact(item), None))
            common_old = [k for k in old_by if k in new_by]
            common_new = [k for k in new_by if k in old_by]
            if common_old != common_new:
                out.append(FieldChange(f"{name} (urutan)", ", ".join(common_old), ", ".join(common_new)))
        else:
            out.append(FieldChange(name, None if old is None else compact(old), None if new is None else compact(new)))
    return out


def _dump(model: Any) -> dict[str, Any]:
    return dict(model.model_dump(mode="json"))


def _content_key(dump: Mapping[str, Any]) -> str:
    return json.dumps({k: v for k, v in dump.items() if k != "kode"}, sort_keys=True, ensure_ascii=False)


# --- entities -----------------------------------------------------------------------------


class _Entity:
    """One comparable thing of a state: its identity, name, group, file and dumped content."""

    __slots__ = ("kind", "kode", "nama", "opd", "path", "dump")

    def __init__(self, kind: Kind, kode: str, nama: str, opd: str, path: str, dump: dict[str, Any]) -> None:
        self.kind, self.kode, self.nama, self.opd, self.path, self.dump = kind, kode, nama, opd, path, dump


def _proses_opd(index: Index, kode: str) -> str:
    owners = index.owners(kode)
    return owners[0] if owners else ""


def _sop_opd(index: Index, sop: Sop) -> str:
    if sop.unit:
        opd = index.opd_of(sop.unit) or sop.unit.split("/")[0]
        if opd:
            return opd
    return _proses_opd(index, sop.proses) if sop.proses else ""


def entities(index: Index, paths: set[str] | None = None) -> dict[tuple[Kind, str], _Entity]:
    """The entities of a state by (kind, identity); only those in ``paths`` when given."""
    out: dict[tuple[Kind, str], _Entity] = {}

    def add(e: _Entity) -> None:
        out.setdefault((e.kind, e.kode), e)

    def wanted(path: str) -> bool:
        return paths is None or path in paths

    if index.pemda is not None and wanted(index.pemda.path):
        pemda = _dump(index.pemda.model)
        add(_Entity("pemda", "probis.yaml", str(pemda.get("nama", "")), "", index.pemda.path, pemda))
    if index.rpjmd is not None and wanted(index.rpjmd.path):
        rpjmd = _dump(index.rpjmd.model)
        path = index.rpjmd.path
        for s in rpjmd.pop("sasaran", []):
            add(_Entity("sasaran", s["kode"], s["uraian"], "", path, s))
        for p in rpjmd.pop("program", []):
            add(_Entity("program", p["kode"], p["nama"], "", path, p))
        add(_Entity("rpjmd", "rpjmd", f"RPJMD {rpjmd.get('periode', '')}".strip(), "", path, rpjmd))
    for kode, doc in index.opd.items():
        if not wanted(doc.path):
            continue
        dump = _dump(doc.model)
        for k in dump.pop("kegiatan", []):
            add(_Entity("kegiatan", f"{kode}:{k['kode']}", k["nama"], kode, doc.path, k))
        add(_Entity("opd", kode, doc.model.nama, kode, doc.path, dump))
    for kode, pdoc in index.proses.items():
        if wanted(pdoc.path):
            add(_Entity("proses", kode, pdoc.model.nama, _proses_opd(index, kode), pdoc.path, _dump(pdoc.model)))
    for kode, sdoc in index.sop.items():
        if wanted(sdoc.path):
            add(_Entity("sop", kode, sdoc.model.nama, _sop_opd(index, sdoc.model), sdoc.path, _dump(sdoc.model)))
    return out


def _linked_to_plan(index: Index, kode: str) -> bool:
    """Whether a process carries out a kegiatan, itself or through one of its ancestors (as K004)."""
    for k in (kode, *index.ancestors(kode)):
        doc = index.proses.get(k)
        if doc is not None and doc.model.kegiatan:
            return True
    return False


def _total(sop: Sop) -> str:
    total = total_waktu(sop)
    text = format_durasi(total.menit, "id")
    return text if total.lengkap else f"≥ {text}"


def _step_label(step: Langkah) -> str:
    return f"{step.no}. {compact(step.kegiatan)}"


def _sop_steps(old: Sop, new: Sop) -> tuple[list[FieldChange], list[Message]]:
    """Steps added / removed / reordered (matched by their kegiatan text) and changed fields."""
    fields: list[FieldChange] = []
    highlights: list[Message] = []
    old_keys = [s.kegiatan.strip() for s in old.langkah]
    new_keys = [s.kegiatan.strip() for s in new.langkah]
    # Pair equal texts in order of occurrence; what is left over was added or removed.
    remaining: dict[str, list[int]] = {}
    for j, key in enumerate(new_keys):
        remaining.setdefault(key, []).append(j)
    pairs: list[tuple[int, int]] = []
    removed: list[int] = []
    for i, key in enumerate(old_keys):
        slots = remaining.get(key)
        if slots:
            pairs.append((i, slots.pop(0)))
        else:
            removed.append(i)
    paired_new = {j for _, j in pairs}
    added = [j for j in range(len(new_keys)) if j not in paired_new]
    for j in added:
        highlights.append(Message.of("diff.hl.step_added", step=_step_label(new.langkah[j])))
    for i in removed:
        highlights.append(Message.of("diff.hl.step_removed", step=_step_label(old.langkah[i])))
    order_old = [i for i, _ in pairs]
    order_new = [j for _, j in sorted(pairs, key=lambda p: p[0])]
    if order_new != sorted(order_new):
        by_new = sorted(pairs, key=lambda p: p[1])
        highlights.append(
            Message.of(
                "diff.hl.steps_reordered",
                before=", ".join(str(old.langkah[i].no) for i in order_old),
                after=", ".join(str(old.langkah[i].no) for i, _ in by_new),
            )
        )
    waktu_changed = False
    for i, j in pairs:
        a, b = old.langkah[i].model_dump(mode="json"), new.langkah[j].model_dump(mode="json")
        label = f"langkah[{new.langkah[j].no}]"
        for change in field_changes(a, b, label + ".", skip=("no", "kegiatan")):
            if change.field == f"{label}.mutu_baku.waktu":
                waktu_changed = True  # said by the highlight, not repeated as a field
                highlights.append(
                    Message.of(
                        "diff.hl.waktu",
                        step=_step_label(new.langkah[j]),
                        before=change.before or "—",
                        after=change.after or "—",
                    )
                )
                continue
            fields.append(change)
    if waktu_changed or added or removed:
        before, after = _total(old), _total(new)
        if before != after or waktu_changed:
            highlights.append(Message.of("diff.hl.total_waktu", before=before, after=after))
    return fields, highlights


def _proses_highlights(old: _Entity, new: _Entity, base: Index, head: Index) -> list[Message]:
    out: list[Message] = []
    if old.dump.get("pemilik") != new.dump.get("pemilik"):
        out.append(
            Message.of(
                "diff.hl.pemilik", before=compact(old.dump.get("pemilik")), after=compact(new.dump.get("pemilik"))
            )
        )
    if _linked_to_plan(base, old.kode) and not _linked_to_plan(head, new.kode):
        out.append(Message.of("diff.hl.plan_link_lost", before=compact(old.dump.get("kegiatan"))))
    return out


def _changed(old: _Entity, new: _Entity, base: Index, head: Index) -> Change | None:
    if old.dump == new.dump and old.path == new.path:
        return None
    highlights: list[Message] = []
    skip: tuple[str, ...]
    if new.kind == "sop":
        skip = ("langkah",)
        step_fields, step_highlights = _sop_steps(base.sop[old.kode].model, head.sop[new.kode].model)
    else:
        skip, step_fields, step_highlights = (), [], []
    if new.kind == "proses":
        skip = ("pemilik",)  # a change of owner is a highlight, not repeated as a field
    fields = field_changes(old.dump, new.dump, skip=("kode", *skip))
    fields.extend(step_fields)
    if new.kind == "proses":
        highlights.extend(_proses_highlights(old, new, base, head))
    highlights.extend(step_highlights)
    path_lama = old.path if old.path != new.path else None
    if not fields and not highlights and path_lama is None:
        return None
    renamed = old.nama != new.nama and new.kind not in ("pemda", "rpjmd")
    if renamed:
        fields = [f for f in fields if f.field not in ("nama", "uraian")]
    return Change(
        new.kind,
        "diubah",
        new.kode,
        new.nama,
        new.opd,
        new.path,
        nama_lama=old.nama if renamed else None,
        path_lama=path_lama,
        fields=tuple(fields),
        highlights=tuple(highlights),
    )


def _opd_label(index: Index, kode: str) -> str:
    doc = index.opd.get(kode)
    return doc.model.label if doc is not None else kode


def _display_kode(e: _Entity) -> str:
    return e.kode.split(":", 1)[1] if e.kind == "kegiatan" else e.kode


_Entities = dict[tuple[Kind, str], _Entity]


def compare_states(
    base: Index, head: Index, changed: set[str] | None = None, unreadable: frozenset[str] = frozenset()
) -> list[Change]:
    """Every change from ``base`` to ``head``, sorted by OPD, kind and kode.

    ``changed``: the files whose content differs (or that exist on one side only); entities
    elsewhere are the same on both sides and are not compared. ``unreadable``: files of HEAD
    that could not be read or validated; what they held is not reported as removed (the
    new finding says what is wrong), but as changed with a warning.
    """
    old_all, new_all = entities(base, changed), entities(head, changed)
    removed = [k for k in old_all if k not in new_all]
    added = [k for k in new_all if k not in old_all]
    changes, moved_old, moved_new = _moved(old_all, new_all, removed, added)
    changes += [_added(new_all[k], head) for k in added if k not in moved_new]
    changes += [_removed(old_all[k], base, unreadable) for k in removed if k not in moved_old]
    changes += _modified(old_all, new_all, base, head)
    return sorted(changes, key=Change.sort_key)


def _moved(
    old_all: _Entities, new_all: _Entities, removed: list[tuple[Kind, str]], added: list[tuple[Kind, str]]
) -> tuple[list[Change], set[tuple[Kind, str]], set[tuple[Kind, str]]]:
    """Moved: the kode changed, nothing else (matched by content among removed/added of a kind).

    Returns the changes and the keys they account for, old and new."""
    by_content: dict[tuple[Kind, str], list[tuple[Kind, str]]] = {}
    for key in removed:
        e = old_all[key]
        if e.kind in ("proses", "sop", "opd", "sasaran", "program"):
            by_content.setdefault((e.kind, _content_key(e.dump)), []).append(key)
    changes: list[Change] = []
    moved_old: set[tuple[Kind, str]] = set()
    moved_new: set[tuple[Kind, str]] = set()
    for key in added:
        e = new_all[key]
        candidates = by_content.get((e.kind, _content_key(e.dump)))
        if candidates:
            old_key = candidates.pop(0)
            o = old_all[old_key]
            moved_old.add(old_key)
            moved_new.add(key)
            changes.append(
                Change(
                    e.kind,
                    "dipindah",
                    e.kode,
                    e.nama,
                    e.opd,
                    e.path,
                    kode_lama=o.kode,
                    path_lama=o.path if o.path != e.path else None,
                )
            )
    return changes, moved_old, moved_new


def _added(e: _Entity, head: Index) -> Change:
    highlights: list[Message] = []
    if e.kind == "kegiatan":
        highlights.append(
            Message.of("diff.hl.kegiatan_claimed", opd=_opd_label(head, e.opd), kode=_display_kode(e), nama=e.nama)
        )
    return Change(e.kind, "ditambah", _display_kode(e), e.nama, e.opd, e.path, highlights=tuple(highlights))


def _removed(e: _Entity, base: Index, unreadable: frozenset[str]) -> Change:
    if e.path in unreadable:
        return Change(
            e.kind,
            "diubah",
            _display_kode(e),
            e.nama,
            e.opd,
            e.path,
            highlights=(Message.of("diff.hl.unreadable"),),
        )
    highlights: list[Message] = []
    if e.kind == "kegiatan":
        highlights.append(
            Message.of("diff.hl.kegiatan_released", opd=_opd_label(base, e.opd), kode=_display_kode(e), nama=e.nama)
        )
    return Change(e.kind, "dihapus", _display_kode(e), e.nama, e.opd, e.path, highlights=tuple(highlights))


def _modified(old_all: _Entities, new_all: _Entities, base: Index, head: Index) -> list[Change]:
    """Entities on both sides whose content differs (a kegiatan shown by its own kode, without the OPD)."""
    changes: list[Change] = []
    for key, new in new_all.items():
        old = old_all.get(key)
        if old is None:
            continue
        change = _changed(old, new, base, head)
        if change is not None:
            if new.kind == "kegiatan":
                change = dataclasses.replace(change, kode=_display_kode(new))
            changes.append(change)
    return changes


# --- findings -----------------------------------------------------------------------------


def compare_findings(base: Result, head: Result) -> tuple[list[Finding], list[Finding]]:
    """``(introduced, resolved)``: findings matched by the baseline's line-independent
    fingerprint, count-aware (two identical findings before and three after: one is new)."""

    def unmatched(mine: list[Finding], theirs: list[Finding]) -> list[Finding]:
        left = Counter(fingerprint_hash(f) for f in theirs)
        out: list[Finding] = []
        for f in mine:
            fp = fingerprint_hash(f)
            if left[fp] > 0:
                left[fp] -= 1
            else:
                out.append(f)
        return out

    return unmatched(head.findings, base.findings), unmatched(base.findings, head.findings)


def opd_names(*indexes: Index) -> dict[str, str]:
    """OPD kode -> short name (singkatan or nama), HEAD's name winning."""
    out: dict[str, str] = {}
    for index in indexes:
        for kode, doc in index.opd.items():
            out[kode] = doc.model.label
    return out
