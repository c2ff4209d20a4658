"""``probis init``: the files of a new Pemda repository that validates and renders as is.

Schemas are copied into the new repository (``schemas/``) and every document's modeline
points there with a relative path: editors resolve it offline, in any clone, and the
schema always matches the probis version that wrote the files (``probis schema``
refreshes it after an upgrade). A URL would break offline and drift from the version used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2

from probis_cli import __version__
from probis_cli.model.schema import schema_files
from probis_cli.scaffold.yamltext import scalar

Tingkat = Literal["provinsi", "kabupaten", "kota"]
TINGKAT: tuple[Tingkat, ...] = ("provinsi", "kabupaten", "kota")
DEFAULT_PERIODE = "2025-2029"
TEMPLATE_DIR = Path(__file__).parent / "templat"
_PERIODE = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")

# Template -> path in the new repository (explicit list; order = order written).
FILES: tuple[tuple[str, str], ...] = (
    ("probis.yaml.j2", "probis.yaml"),
    ("rpjmd.yaml.j2", "rpjmd.yaml"),
    ("opd.yaml.j2", "opd/setda.yaml"),
    ("proses.yaml.j2", "proses/setda/PB.01.yaml"),
    ("sop.yaml.j2", "sop/setda/SOP-SETDA-001.yaml"),
    ("gitignore.j2", ".gitignore"),
    ("pre-commit-config.yaml.j2", ".pre-commit-config.yaml"),
    ("github-probis.yml", ".github/workflows/probis.yml"),  # = examples/ci/, copied as is
    ("README.md.j2", "README.md"),
)


class InitError(ValueError):
    """A value given to init is not usable; ``message_id`` and ``args`` word it."""

    def __init__(self, message_id: str, **args: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@dataclass(frozen=True)
class InitOptions:
    """What ``probis init`` asks for."""

    nama: str
    tingkat: Tingkat
    periode: str
    kode: str


def guess_tingkat(folder_name: str) -> Tingkat:
    """``kab-...`` / ``kabupaten-...`` -> kabupaten, ``prov...`` -> provinsi, else kota."""
    low = folder_name.lower()
    if low.startswith("kab"):
        return "kabupaten"
    if low.startswith("prov"):
        return "provinsi"
    return "kota"


def guess_nama(folder_name: str, tingkat: Tingkat) -> str:
    """``kota-baru`` -> ``Pemerintah Kota Baru``; ``kab-sukamaju`` -> ``Pemerintah Kabupaten Sukamaju``."""
    words = [w for w in re.split(r"[-_\s]+", folder_name) if w]
    if words and words[0].lower() in {"kota", "kab", "kabupaten", "prov", "provinsi", "pemkot", "pemkab", "pemprov"}:
        words = words[1:]
    place = " ".join(w[:1].upper() + w[1:] for w in words) or "Contoh"
    return f"Pemerintah {tingkat.capitalize()} {place}"


def slug(text: str) -> str:
    """A code usable as ``kode``: lower-case letters, digits and hyphens."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out or "pemda"


def normalise_periode(value: str) -> str:
    """``2025–2029`` / ``2025/2029`` -> ``2025-2029``; raises :class:`InitError` otherwise."""
    match = _PERIODE.fullmatch(value.strip())
    if not match or int(match.group(2)) < int(match.group(1)):
        raise InitError("init.bad_periode", value=value)
    return f"{match.group(1)}-{match.group(2)}"


def options_for(folder_name: str, *, nama: str | None, tingkat: str | None, periode: str | None) -> InitOptions:
    """Fill what was not given from the folder name and defaults; check what was given."""
    if tingkat is not None and tingkat not in TINGKAT:
        raise InitError("init.bad_tingkat", value=tingkat)
    level: Tingkat = tingkat if tingkat is not None else guess_tingkat(folder_name)
    name = (nama or "").strip() or guess_nama(folder_name, level)
    return InitOptions(
        nama=name,
        tingkat=level,
        periode=normalise_periode(periode or DEFAULT_PERIODE),
        kode=slug(folder_name if folder_name not in {"", "."} else name.removeprefix("Pemerintah ")),
    )


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )


def init_files(options: InitOptions) -> dict[str, str]:
    """Relative path -> text of every file of the new repository (deterministic)."""
    awal, akhir = (int(x) for x in options.periode.split("-"))
    years = range(awal, akhir + 1)
    kepala = {"provinsi": "Gubernur", "kabupaten": "Bupati", "kota": "Wali Kota"}[options.tingkat]
    context = {
        "nama": scalar(options.nama),
        "kode": options.kode,
        "tingkat": options.tingkat,
        "periode": options.periode,
        "tahun": awal,
        "kepala_daerah": kepala,
        "targets": ", ".join(f"{y}: {70 + 2 * i}" for i, y in enumerate(years)),
        "targets_persen": ", ".join(f"{y}: {min(100, 40 + 15 * i)}" for i, y in enumerate(years)),
        "version": __version__,
    }
    env = _environment()
    out: dict[str, str] = {}
    for template, path in FILES:
        if template.endswith(".j2"):
            out[path] = env.get_template(template).render(context)
        else:  # GitHub's ${{ }} is not for jinja: copied verbatim
            out[path] = (TEMPLATE_DIR / template).read_text(encoding="utf-8")
    for name, text in schema_files().items():
        out[f"schemas/{name}"] = text
    return out


# Files a freshly created git repository often has already (GitHub offers both): kept as
# they are instead of refusing the whole init.
KEPT_IF_PRESENT = frozenset({"README.md", ".gitignore"})


def _present(target: Path, path: str) -> bool:
    return (target / path).exists() or (target / path).is_symlink()


def conflicts(target: Path, files: dict[str, str]) -> list[str]:
    """Files that already exist under ``target`` and would be overwritten (init refuses)."""
    return sorted(p for p in files if p not in KEPT_IF_PRESENT and _present(target, p))


def kept(target: Path, files: dict[str, str]) -> list[str]:
    """Files that exist already and that init leaves alone."""
    return sorted(p for p in files if p in KEPT_IF_PRESENT and _present(target, p))
