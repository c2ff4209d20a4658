"""A seeded mutator for probis YAML documents (shared by the fuzz test and the campaign).

``mutate(text, rng, corpus)`` returns the bytes of ``text`` with one to three mutations of
the kinds an official's editor, a merge gone wrong or a hostile pull request produce:
lines deleted, duplicated, swapped or moved; indentation changed (tabs too); scalars
replaced by other types, by codes that exist elsewhere in the repository, by huge, unicode
or empty values; keys renamed; YAML syntax injected (anchors and aliases, tags, flow
collections, document markers, directives, merge keys, block scalars); the file truncated;
bytes that are not UTF-8. The same seed gives the same mutation.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

_VALUE = re.compile(r"^(?P<head>\s*(?:-\s+)?(?:[^\s#:][^:#]*?:\s+|-\s+))(?P<value>[^\s#{\[][^#]*?)\s*$")
_KEY = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w]*)(?P<rest>:.*)$")
_CODE = re.compile(r"\b(?:[A-Z]{2,}[-.][\w.-]+|\d+(?:\.\d+){1,5}|[a-z]+(?:-[a-z]+)*/[a-z0-9-]+)\b")

SCALARS: tuple[str, ...] = (
    "",
    "~",
    "null",
    "[]",
    "{}",
    "[[]]",
    "{a: {b: {c: d}}}",
    "0",
    "-1",
    "1.5",
    "1e309",
    "-.inf",
    ".nan",
    "true",
    "no",
    "yes",
    "2026-02-30",
    "2026-01-14T10:00:00Z",
    "0x1F",
    "0o17",
    "'0123'",
    '"\\0\\x01\\u202e"',
    '"\\ud800"',
    "\u202eteks terbalik",
    "\u200b",
    "\u0301",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂",
    "名前",
    "a\u2028b",
    "\ufeffBOM",
    "'it''s'",
    '"kutip \\" ganda"',
    "|\n  blok\n  teks",
    ">-\n  lipat",
    "!!binary aGVsbG8=",
    "!!int 12",
    "!!float x",
    "!!str",
    "!!python/object:os.system {}",
    "!tak-dikenal nilai",
    "&jangkar nilai",
    "*jangkar",
    "*tidak_ada",
    "? kunci rumit",
    "<<: {a: 1}",
    "{nama: dr. Ratna, M.Kes}",
    "[a, [b, {c: d}]]",
    "a: b",
    "- daftar",
    "@awal",
    "`awal",
    "%persen",
    "'tak tertutup",
    '"tak tertutup',
    "[tak tertutup",
    "{tak: tertutup",
    "#komentar",
    "x #komentar",
    "nilai\tdengan tab",
    "PB.99.99",
    "SOP-TIDAK-ADA",
    "1.02.02.2.02.9999",
    "dinkes/tidak-ada",
    "../../etc/passwd",
    "/dev/zero",
    "C:\\Windows",
    "${HOME}",
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    "%(x)s",
    "{x}",
    "{0}",
    "\\N",
    "0" * 40,
    "9" * 400,
)
SYNTAX: tuple[str, ...] = (
    "---",
    "...",
    "%YAML 1.1",
    "%TAG ! tag:x,2000:",
    "&a",
    "*a",
    "<<: *a",
    "? ",
    ": ",
    "- ",
    "!!map",
    "!!seq",
    "!x",
    "{",
    "}",
    "[",
    "]",
    ",",
    "|",
    ">",
    "\t",
    "'",
    '"',
    "#",
    "&a [*a, *a]",
    "- &b {k: *b}",
    "\x00",
    "\x7f",
    "\x1b[31m",
    "\r",
    "\u2028",
    "\ufeff",
)


@dataclass
class Corpus:
    """Words taken from the repository being mutated: codes and keys to put in wrong places."""

    codes: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, texts: Sequence[str]) -> Corpus:
        """The codes and keys that occur in ``texts`` (sorted, so that a seed means the same)."""
        codes: set[str] = set()
        keys: set[str] = set()
        for text in texts:
            codes.update(_CODE.findall(text))
            for line in text.splitlines():
                m = _KEY.match(line)
                if m:
                    keys.add(m.group("key"))
        return cls(sorted(codes), sorted(keys))


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _pick_value_line(lines: list[str], rng: random.Random) -> int | None:
    candidates = [i for i, line in enumerate(lines) if _VALUE.match(line)]
    return rng.choice(candidates) if candidates else None


def _scalar(rng: random.Random, corpus: Corpus) -> str:
    roll = rng.random()
    if roll < 0.35 and corpus.codes:
        return rng.choice(corpus.codes)
    if roll < 0.42:
        return rng.choice("xX✓ ") * rng.choice((1000, 70_000, 300_000))
    if roll < 0.47 and corpus.keys:
        return rng.choice(corpus.keys) + ": " + rng.choice(SCALARS)
    return rng.choice(SCALARS)


# -- the mutations: each takes the lines and returns new lines --------------------------------


def _delete(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    i = rng.randrange(len(lines))
    n = rng.choice((1, 1, 1, 2, 5))
    return lines[:i] + lines[i + n :]


def _duplicate(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    i = rng.randrange(len(lines))
    n = rng.choice((1, 1, 3, 8))
    return lines[: i + n] + lines[i : i + n] + lines[i + n :]


def _swap(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    out = list(lines)
    out[i], out[j] = out[j], out[i]
    return out


def _move(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    out = list(lines)
    line = out.pop(rng.randrange(len(out)))
    out.insert(rng.randrange(len(out) + 1), line)
    return out


def _indent(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    out = list(lines)
    i = rng.randrange(len(out))
    line = out[i]
    stripped = line.lstrip(" ")
    depth = len(line) - len(stripped)
    how = rng.choice(("more", "less", "tab", "zero", "odd"))
    if how == "more":
        out[i] = " " * (depth + rng.choice((1, 2, 4))) + stripped
    elif how == "less":
        out[i] = " " * max(0, depth - rng.choice((1, 2))) + stripped
    elif how == "tab":
        out[i] = "\t" * max(1, depth // 2) + stripped
    elif how == "zero":
        out[i] = stripped
    else:
        out[i] = " " * (depth + 3) + stripped
    return out


def _replace_value(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    i = _pick_value_line(lines, rng)
    if i is None:
        return _delete(lines, rng, corpus)
    m = _VALUE.match(lines[i])
    assert m is not None
    out = list(lines)
    value = _scalar(rng, corpus)
    if "\n" in value:  # block scalars: indent the body under the key
        indent = " " * (len(m.group("head")) - len(m.group("head").lstrip()) + 2)
        first, *rest = value.split("\n")
        value = first + "".join("\n" + indent + r.strip() for r in rest)
    out[i] = m.group("head") + value
    return out


def _empty_value(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    i = _pick_value_line(lines, rng)
    if i is None:
        return lines
    m = _VALUE.match(lines[i])
    assert m is not None
    out = list(lines)
    out[i] = m.group("head").rstrip()
    return out


def _rename_key(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    candidates = [i for i, line in enumerate(lines) if _KEY.match(line)]
    if not candidates:
        return lines
    i = rng.choice(candidates)
    m = _KEY.match(lines[i])
    assert m is not None
    key = m.group("key")
    how = rng.random()
    if how < 0.4 and corpus.keys:
        new = rng.choice(corpus.keys)
    elif how < 0.7 and len(key) > 1:
        j = rng.randrange(len(key))
        new = key[:j] + key[j + 1 :]
    elif how < 0.85:
        new = key.upper()
    else:
        new = rng.choice(("no", "ya", "tidak", "<<", "? x", "1", "true", "~", "kunci ganda", key + key))
    out = list(lines)
    out[i] = m.group("indent") + new + m.group("rest")
    return out


def _inject(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    out = list(lines)
    i = rng.randrange(len(out))
    token = rng.choice(SYNTAX)
    line = out[i]
    where = rng.choice(("start", "end", "middle", "line"))
    if where == "start":
        out[i] = token + line
    elif where == "end":
        out[i] = line + " " + token
    elif where == "middle" and line:
        j = rng.randrange(len(line))
        out[i] = line[:j] + token + line[j:]
    else:
        out.insert(i, token)
    return out


def _anchor_alias(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    """Anchor a value and use it elsewhere (also as a merge key): aliases are legal YAML."""
    a = _pick_value_line(lines, rng)
    b = _pick_value_line(lines, rng)
    if a is None or b is None:
        return lines
    ma, mb = _VALUE.match(lines[a]), _VALUE.match(lines[b])
    assert ma is not None and mb is not None
    out = list(lines)
    out[a] = ma.group("head") + "&fz " + ma.group("value")
    if a != b:
        out[b] = mb.group("head") + rng.choice(("*fz", "*fz ", "[*fz, *fz]", "{<<: *fz}", "*fz2"))
    return out


def _flow(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    """Turn a value into (or wrap it in) a flow collection, or add a comma inside one."""
    i = _pick_value_line(lines, rng)
    if i is None:
        return lines
    m = _VALUE.match(lines[i])
    assert m is not None
    value = m.group("value")
    out = list(lines)
    out[i] = m.group("head") + rng.choice(
        (f"[{value}]", f"{{{value}}}", f"{{nama: {value}, gelar}}", f"[{value}, {value}]", f"{{{value}: {value}}}")
    )
    return out


def _truncate(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


MUTATIONS: tuple[Callable[[list[str], random.Random, Corpus], list[str]], ...] = (
    _delete,
    _duplicate,
    _swap,
    _move,
    _indent,
    _indent,
    _replace_value,
    _replace_value,
    _replace_value,
    _replace_value,
    _empty_value,
    _rename_key,
    _rename_key,
    _inject,
    _inject,
    _anchor_alias,
    _flow,
)
KINDS = tuple(m.__name__.lstrip("_") for m in MUTATIONS)


def mutate(text: str, rng: random.Random, corpus: Corpus) -> bytes:
    """One mutated version of ``text`` (as bytes: a few are not valid UTF-8 on purpose)."""
    lines = _lines(text) or [""]
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if not lines:
            lines = [""]
        lines = rng.choice(MUTATIONS)(lines, rng, corpus)
    out = "\n".join(lines)
    roll = rng.random()
    if roll < 0.04:
        out = _truncate(out, rng)
    elif roll < 0.05:
        out = out.replace("\n", "\r\n")
    data = out.encode("utf-8", errors="surrogatepass")
    roll = rng.random()
    if roll < 0.015 and data:
        j = rng.randrange(len(data))
        data = data[:j] + bytes([rng.choice((0x80, 0xC3, 0xFF, 0xFE, 0x00))]) + data[j:]
    elif roll < 0.02:
        data = b"\xef\xbb\xbf" + data
    return data


def example_files(root: Path) -> list[Path]:
    """The YAML documents of an example repository, sorted."""
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


# -- running mutants through the library ----------------------------------------------------------


@dataclass
class Crash:
    """One failed check: what kind, the detail, and the mutated files that caused it."""

    kind: str  # "exception:KeyError", "P000:K017", ...
    detail: str
    files: dict[str, bytes]


class FuzzRepo:
    """A private copy of an example repository whose files are mutated a few at a time.

    Each round writes ``k`` mutated documents in place of their originals, loads and checks
    the repository in-process (``api.load`` + ``api.check``), and puts the originals back.
    """

    def __init__(self, source: Path, workdir: Path) -> None:
        import shutil

        self.root = workdir / source.name
        shutil.copytree(source, self.root)
        self.paths = [p.relative_to(self.root).as_posix() for p in example_files(self.root)]
        self.originals = {rel: (self.root / rel).read_bytes() for rel in self.paths}
        self.corpus = Corpus.of([b.decode("utf-8") for b in self.originals.values()])

    def round(self, rng: random.Random, k: int, *, render: bool = False) -> tuple[int, list[Crash]]:
        """Mutate ``k`` documents, check (and with ``render``, build every diagram and
        document without layout); return (documents mutated, crashes)."""
        import traceback

        from probis_cli import api

        chosen = rng.sample(self.paths, min(k, len(self.paths)))
        mutants = {rel: mutate(self.originals[rel].decode("utf-8"), rng, self.corpus) for rel in chosen}
        crashes: list[Crash] = []
        try:
            for rel, data in mutants.items():
                (self.root / rel).write_bytes(data)
            try:
                loaded = api.load(self.root, use_cache=False, workers=1)
                result = api.check(loaded)
                if render:
                    from probis_cli.render.base import RenderContext
                    from probis_cli.render.run import build_artifacts

                    build_artifacts(loaded.index, RenderContext(lang="id"))
            except Exception as exc:  # noqa: BLE001 - this is what the fuzzer looks for
                frames = traceback.extract_tb(exc.__traceback__)
                where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
                crashes.append(Crash(f"exception:{type(exc).__name__}@{where}", traceback.format_exc(), dict(mutants)))
            else:
                for f in result.findings:
                    if f.code in api.INTERNAL_ERROR_CODES:
                        rule = str(dict(f.message.args).get("code", "?"))
                        crashes.append(Crash(f"{f.code}:{rule}", f"{f.location} {f.text('en')}", dict(mutants)))
        finally:
            for rel in mutants:
                (self.root / rel).write_bytes(self.originals[rel])
        return len(mutants), crashes
