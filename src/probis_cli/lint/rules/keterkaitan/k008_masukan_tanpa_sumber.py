"""K008 ``masukan-tanpa-sumber``: K008: a masukan that no process produces and that is not declared external."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.keterkaitan._common import _PROSES, _repo, _swap

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.K008.hit": (
            "Masukan '{masukan}' proses {proses} tidak dihasilkan proses mana pun. Samakan namanya dengan "
            "keluaran pemasoknya, atau tandai 'eksternal: true' bila berasal dari luar Pemda."
        ),
    },
    "en": {
        "lint.K008.hit": (
            "Input '{masukan}' of process {proses} is produced by no process. Use the supplying process's "
            "output name, or mark it 'eksternal: true' when it comes from outside the Pemda."
        ),
    },
}


_WORDS = re.compile(r"[^\w]+")


def normalise_name(text: str) -> str:
    """A name for comparison: case, spacing and punctuation ignored."""
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


# ---------------------------------------------------------------------------------------
# K008 masukan-tanpa-sumber


class MasukanTanpaSumber(Rule):
    """K008: a masukan that no process produces and that is not declared external."""

    messages = MESSAGES
    code: ClassVar[str] = "K008"
    name: ClassVar[str] = "masukan-tanpa-sumber"
    reads = "pemda opd proses"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.WARNING
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Masukan proses tidak dihasilkan proses mana pun dan tidak dinyatakan berasal dari luar.",
            why=(
                "Peta relasi menghubungkan keluaran satu proses dengan masukan proses lain. "
                "Masukan yang tidak menjadi keluaran proses mana pun (nama dibandingkan tanpa "
                "membedakan huruf besar, spasi, dan tanda baca) menandakan proses pemasok yang "
                "belum dipetakan atau nama yang tidak seragam. Masukan dengan `eksternal: true` "
                "atau `dari` pihak luar tidak diperiksa."
            ),
            fix=(
                "Samakan nama masukan dengan keluaran proses pemasoknya, petakan proses pemasok, "
                "atau tandai `eksternal: true` / isi `dari` dengan pihak luar bila memang dari luar Pemda."
            ),
        ),
        "en": RuleDoc(
            summary="A process input is produced by no process and not declared external.",
            why=(
                "The relationship map connects one process's outputs with another's inputs. An "
                "input that is no process's output (names compared ignoring case, spacing and "
                "punctuation) points to a supplying process not mapped yet or to inconsistent "
                "names. Inputs with `eksternal: true` or `dari` an external party are skipped."
            ),
            fix=(
                "Use the same name as the supplying process's output, map the supplying process, "
                "or mark it `eksternal: true` / set `dari` to an external party when it really "
                "comes from outside the Pemda."
            ),
        ),
    }
    bad: ClassVar[str] = _repo(
        proses=_swap(
            _PROSES, "  - {nama: Data sasaran imunisasi, dari: masyarakat}", "  - {nama: Data sasaran imunisasi}"
        )
    )
    good: ClassVar[str] = _repo(
        proses=_swap(
            _PROSES,
            "  - {nama: Data sasaran imunisasi, dari: masyarakat}",
            "  - {nama: Data sasaran imunisasi, eksternal: true}",
        )
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Inputs whose normalised name is no process's output name."""
        produced = {normalise_name(k.nama) for doc in index.proses.values() for k in doc.model.keluaran}
        produced.update(normalise_name(n) for n in index.failed_links("proses", "keluaran.nama"))
        for kode in sorted(index.proses):
            doc = index.proses[kode]
            for i, masukan in enumerate(doc.model.masukan):
                if masukan.eksternal or normalise_name(masukan.nama) in produced:
                    continue
                if masukan.dari is not None:
                    actor = index.actor(masukan.dari)
                    if actor is None or actor.kind == "luar":
                        continue  # unknown `dari` is a reference error already
                yield Hit(doc.loc("masukan", i, "nama"), Message.of("lint.K008.hit", proses=kode, masukan=masukan.nama))
