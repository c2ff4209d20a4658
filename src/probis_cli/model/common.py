"""Shared field types: official code shapes, slugs, references, periods, Indonesian dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError


# One shared set per distinct set of given fields, for every model that has it. pydantic keeps
# a fresh ``set`` per instance (216-728 bytes): 45 % of a city's model memory, for 81,000 small
# models with a few hundred distinct sets between them. Copy-on-write: assigning to a field
# gives the model its own set again, and so does model_copy.
class _SharedFields(set[str]):  # a set (pydantic-core's serializer wants one), never mutated
    __slots__ = ()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)


_FIELDS_SETS: dict[frozenset[str], _SharedFields] = {}


class Strict(BaseModel):
    """Base of every document part: unknown keys are errors, whitespace trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of given fields with every other model that has the same one."""
        given = frozenset(self.__pydantic_fields_set__)
        shared = _FIELDS_SETS.get(given)
        if shared is None:
            shared = _FIELDS_SETS[given] = _SharedFields(given)
        object.__setattr__(self, "__pydantic_fields_set__", shared)

    def __setattr__(self, name: str, value: Any) -> None:
        """Assign as pydantic does, on a set of given fields of this model's own."""
        given: object = self.__pydantic_fields_set__
        if type(given) is _SharedFields:
            object.__setattr__(self, "__pydantic_fields_set__", set(given))
        super().__setattr__(name, value)


# Anchored pattern -> (what kind of code, an example of its shape), to word the error.
PATTERNS: dict[str, tuple[str, str]] = {}


def _shape(kind: str, pattern: str, example: str) -> Any:
    """A code-shape constraint checked inside pydantic-core (a Python validator per code field
    costs ~0.3 s at province scale); its errors are worded via :data:`PATTERNS`."""
    anchored = f"^(?:{pattern})$"
    PATTERNS[anchored] = (kind, example)
    return Field(pattern=anchored)


def _code_schema(pattern: str, description: str) -> WithJsonSchema:
    # Officials type codes unquoted; YAML editors then see a number. Accept both in the schema
    # (probis itself always reads the original text, so 2.20 stays "2.20").
    return WithJsonSchema({"type": ["string", "number"], "pattern": pattern, "description": description})


BIDANG_URUSAN_RE = r"\d\.\d{2}"
PROGRAM_RE = r"\d\.\d{2}\.\d{2}"
KEGIATAN_RE = r"\d\.\d{2}\.\d{2}\.\d\.\d{2}"
SUB_KEGIATAN_RE = r"\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(?:\d{4}|\d{2})"

KodeBidangUrusan = Annotated[
    str,
    _shape("bidang urusan", BIDANG_URUSAN_RE, "X.XX (mis. 1.02)"),
    _code_schema(f"^{BIDANG_URUSAN_RE}$", "Kode bidang urusan X.XX (Permendagri 90/2019), mis. 1.02"),
]
KodeProgram = Annotated[
    str,
    _shape("program", PROGRAM_RE, "X.XX.XX (mis. 1.02.02)"),
    _code_schema(f"^{PROGRAM_RE}$", "Kode program X.XX.XX, mis. 1.02.02"),
]
KodeKegiatan = Annotated[
    str,
    _shape("kegiatan", KEGIATAN_RE, "X.XX.XX.X.XX (mis. 1.02.02.2.01)"),
    _code_schema(f"^{KEGIATAN_RE}$", "Kode kegiatan X.XX.XX.X.XX, mis. 1.02.02.2.01"),
]
KodeSubKegiatan = Annotated[
    str,
    _shape("sub kegiatan", SUB_KEGIATAN_RE, "X.XX.XX.X.XX.XXXX (mis. 1.02.02.2.01.0002)"),
    _code_schema(f"^{SUB_KEGIATAN_RE}$", "Kode sub kegiatan X.XX.XX.X.XX.XXXX, mis. 1.02.02.2.01.0002"),
]
KodeRencana = Annotated[
    str,
    _shape("kegiatan/sub kegiatan", f"{KEGIATAN_RE}|{SUB_KEGIATAN_RE}", "X.XX.XX.X.XX atau X.XX.XX.X.XX.XXXX"),
    _code_schema(f"^(?:{KEGIATAN_RE}|{SUB_KEGIATAN_RE})$", "Kode kegiatan atau sub kegiatan"),
]

SLUG_RE = r"[A-Za-z0-9][A-Za-z0-9._-]*"
Kode = Annotated[
    str,
    _shape("", SLUG_RE, "huruf/angka tanpa spasi (boleh . _ -), mis. PB.02.01 atau dinkes"),
    Field(min_length=1, max_length=80, json_schema_extra={"pattern": f"^{SLUG_RE}$"}),
]
REF_RE = rf"{SLUG_RE}(?:/{SLUG_RE})?"
Ref = Annotated[
    str,
    _shape("rujukan", REF_RE, "opd atau opd/unit, mis. dinkes/bid-p2p"),
    Field(min_length=1, json_schema_extra={"pattern": f"^{REF_RE}$"}),
]

Teks = Annotated[str, Field(min_length=1)]


def _as_list(value: Any) -> Any:
    """A single text where a list is expected is a one-item list (officials write both)."""
    if isinstance(value, str):
        return [value]
    return value


def _one_or_many(item: dict[str, Any]) -> WithJsonSchema:
    return WithJsonSchema({"anyOf": [item, {"type": "array", "items": item}]})


DaftarTeks = Annotated[list[Teks], BeforeValidator(_as_list), _one_or_many({"type": "string", "minLength": 1})]
DaftarRef = Annotated[list[Ref], BeforeValidator(_as_list), _one_or_many({"type": "string", "pattern": f"^{REF_RE}$"})]

_BULAN = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
}  # fmt: skip
_TANGGAL_ID = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")


def _tanggal(value: Any) -> Any:
    """Accept ISO dates and Indonesian ones such as ``10 Januari 2026``."""
    if isinstance(value, str):
        match = _TANGGAL_ID.fullmatch(value.strip())
        if match and match.group(2).lower() in _BULAN:
            try:
                return dt.date(int(match.group(3)), _BULAN[match.group(2).lower()], int(match.group(1)))
            except ValueError:
                raise PydanticCustomError("tanggal", "tanggal tidak ada: {nilai}", {"nilai": value}) from None
    return value


Tanggal = Annotated[
    dt.date,
    BeforeValidator(_tanggal),
    WithJsonSchema({"type": "string", "description": "Tanggal: TTTT-BB-HH atau mis. 10 Januari 2026."}),
]

_PERIODE = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")


def _periode(value: Any) -> Any:
    if isinstance(value, str):
        match = _PERIODE.fullmatch(value.strip())
        if not match:
            raise PydanticCustomError("periode", "periode harus berbentuk TTTT-TTTT, mis. 2025-2029", {})
        awal, akhir = int(match.group(1)), int(match.group(2))
        if akhir < awal:
            raise PydanticCustomError("periode", "periode harus berbentuk TTTT-TTTT, mis. 2025-2029", {})
        return f"{awal}-{akhir}"
    raise PydanticCustomError("periode", "periode harus berbentuk TTTT-TTTT, mis. 2025-2029", {})


Periode = Annotated[
    str, BeforeValidator(_periode), WithJsonSchema({"type": "string", "pattern": r"^\d{4}\s*[-–/]\s*\d{4}$"})
]


def periode_tahun(periode: str) -> tuple[int, int]:
    """First and last year of a normalised period ``"2025-2029"``."""
    awal, akhir = periode.split("-")
    return int(awal), int(akhir)


class Dokumen(Strict):
    """Fields every probis document has.

    ``Dokumen`` is the domain model (what a YAML document says, named like the other domain
    models); :class:`probis_cli.model.build.Document` is the infrastructure wrapper around a
    built one (its path, its positions). Two things, deliberately two names.
    """

    probis: int = Field(description="Versi skema repositori; saat ini 1.")
    jenis: str = Field(description="Jenis dokumen: pemda | rpjmd | opd | proses | sop.")
