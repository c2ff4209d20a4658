"""Parse ``benchmarks/catalogue.txt`` into OPD templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .words import VERBS

CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue.txt"


@dataclass
class ObjT:
    nama: str
    typ: str
    scale: str | None
    supplied: bool = False  # other OPD work from its output


@dataclass
class KegT:
    label: str
    nama: str
    program: str | None
    scale: str | None
    objs: list[ObjT] = field(default_factory=list)


@dataclass
class BidT:
    kode: str
    nama: str
    program: str
    fungsi: str
    kategori: str
    sasaran: str
    untuk: list[str]
    head: str | None
    scale: str | None
    seksi: list[tuple[str, str]] = field(default_factory=list)
    keg: list[KegT] = field(default_factory=list)


@dataclass
class OpdT:
    key: str
    nama: str
    singkatan: str
    bentuk: str
    urusan: list[str]
    klas: str
    weight: float
    kepala: tuple[str, str]
    profile: str
    count: dict[str, str]  # "K"/"P" -> "1" | "fill"
    flags: set[str]
    apps: list[str]
    bidang: list[BidT] = field(default_factory=list)

    @property
    def wil(self) -> str:
        for f in self.flags:
            if f.startswith("wil="):
                return f[4:]
        return "place"


def _scaled(text: str) -> tuple[str, str | None]:
    text = text.strip()
    if text.startswith("@K ") or text.startswith("@P "):
        return text[3:].strip(), text[1]
    return text, None


def parse_catalogue(path: Path = CATALOGUE) -> list[OpdT]:
    """Read the catalogue text into templates (see the header of catalogue.txt)."""
    out: list[OpdT] = []
    opd: OpdT | None = None
    bid: BidT | None = None
    keg: KegT | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        kind, body = line[0], line[1:]
        f = body.split("|")
        if kind == "@":
            count: dict[str, str] = {}
            for tok in f[10].split():
                scales, _, n = tok.partition(":")
                for tag in scales:
                    count[tag] = n or "1"
            opd = OpdT(f[0], f[1], f[2], f[3], f[4].split(), f[5], float(f[6]), (f[7], f[8]), f[9], count,
                       set(f[11].split()), [a for a in f[12].split(";") if a])  # fmt: skip
            out.append(opd)
            bid = keg = None
        elif kind == "#":
            assert opd is not None
            kode, bscale = _scaled(f[0])
            bid = BidT(kode, f[1], f[2], f[3], f[4], f[5], [u for u in f[6].split(";") if u], f[7] or None, bscale)
            opd.bidang.append(bid)
            keg = None
        elif kind == "-":
            assert bid is not None
            bid.seksi.append((f[0], f[1]))
        elif kind == "=":
            assert bid is not None
            label, kscale = _scaled(f[0])
            keg = KegT(label, f[1], f[2] if len(f) > 2 and f[2] else None, kscale)
            bid.keg.append(keg)
        elif kind == "+":
            assert keg is not None
            typ, _, scale = f[0].partition("@")
            if typ not in VERBS:
                raise ValueError(f"unknown object type {typ!r} in {raw!r}")
            for name in f[1].split(";"):
                name = name.strip()
                keg.objs.append(ObjT(name.lstrip("^"), typ, scale or None, name.startswith("^")))
        else:
            raise ValueError(f"bad catalogue line: {raw!r}")
    return out
