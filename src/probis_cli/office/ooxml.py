"""Reading Office Open XML packages (.docx, .xlsx) safely: they are untrusted input.

* the zip is opened from bytes read with a size limit; entries are bounded in number and in
  uncompressed size (declared sizes checked first, then actual reads bounded), and in
  compression ratio (zip bombs);
* XML is parsed by lxml with entities unresolved, no DTD loading, no network, no huge trees;
  a document type declaration is refused outright (OOXML never has one).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from probis_cli import fs
from probis_cli.office import OfficeError

MAX_FILE = 64 * 1024 * 1024  # the .docx/.xlsx itself
MAX_ENTRIES = 5000
MAX_PART = 64 * 1024 * 1024  # one uncompressed part
MAX_TOTAL = 256 * 1024 * 1024  # all uncompressed parts
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB


def read_file(path: Path) -> bytes:
    """The bytes of an Office file given on the command line (bounded, regular files only)."""
    try:
        return fs.read_limited(path, MAX_FILE)
    except fs.TooLarge:
        raise OfficeError("office.too_large", mb=MAX_FILE // (1024 * 1024)) from None
    except OSError as exc:
        raise OfficeError("office.io_error", detail=exc.strerror or str(exc)) from None


class Package:
    """The parts of a zip package, checked against bombs before anything is decompressed."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise OfficeError("office.not_zip") from None
        infos = self._zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise OfficeError("office.bomb", detail=f"{len(infos)} entries")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART or total > MAX_TOTAL:
                raise OfficeError("office.bomb", detail=f"{info.filename}: {info.file_size} bytes")
            if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise OfficeError("office.bomb", detail=f"{info.filename}: ratio")
        self._names = {info.filename for info in infos}

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """One part, never more than :data:`MAX_PART` bytes whatever the header says."""
        try:
            with self._zip.open(name) as handle:
                data = handle.read(MAX_PART + 1)
        except KeyError:
            raise OfficeError("office.missing_part", part=name) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise OfficeError("office.corrupt", detail=f"{name}: {exc}") from None
        if len(data) > MAX_PART:
            raise OfficeError("office.bomb", detail=name)
        return data

    def xml(self, name: str) -> Any:
        """A part parsed as XML (lxml element), safely."""
        return parse_xml(self.read(name), name)


def parse_xml(data: bytes, name: str = "") -> Any:
    """Parse untrusted XML: no DTD, no entities, no network, bounded tree."""
    from lxml import etree  # type: ignore[import-untyped]

    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise OfficeError("office.xml_dtd", part=name)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OfficeError("office.corrupt", detail=f"{name}: {exc}") from None
