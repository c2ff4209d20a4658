"""M003 ``cabang-keputusan``: M003: a decision without exactly two branches, or branches on a step that is not a decision."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel

from probis_cli.findings import Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index
from probis_cli.lint.base import Hit, NoOptions, Rule, RuleDoc
from probis_cli.lint.rules.sop._common import _bad

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "lint.M003.jumlah": (
            "SOP {sop} langkah {no} ({kegiatan}) adalah keputusan dengan {jumlah} cabang; keputusan harus "
            "bercabang tepat dua (mis. ya/tidak)."
        ),
        "lint.M003.sama": ("SOP {sop} langkah {no}: kedua cabang keputusan menuju langkah {ke} yang sama."),
        "lint.M003.ganda": (
            "SOP {sop} langkah {no} memakai 'cabang' dan '{kunci}' sekaligus; '{kunci}' diabaikan. Pakai salah satu."
        ),
        "lint.M003.lanjut": ("SOP {sop} langkah {no} adalah keputusan; 'lanjut' diabaikan, alur mengikuti cabangnya."),
        "lint.M003.bukan_keputusan": (
            "SOP {sop} langkah {no} bersimbol {simbol}, bukan keputusan, tetapi memiliki {kunci} (diabaikan). "
            "Ubah simbol menjadi keputusan atau pakai 'lanjut'."
        ),
    },
    "en": {
        "lint.M003.jumlah": (
            "SOP {sop} step {no} ({kegiatan}) is a decision with {jumlah} branch(es); a decision must have "
            "exactly two (e.g. ya/tidak)."
        ),
        "lint.M003.sama": ("SOP {sop} step {no}: both branches of the decision lead to the same step {ke}."),
        "lint.M003.ganda": (
            "SOP {sop} step {no} uses both 'cabang' and '{kunci}'; '{kunci}' is ignored. Use one of them."
        ),
        "lint.M003.lanjut": ("SOP {sop} step {no} is a decision; 'lanjut' is ignored, the flow follows its branches."),
        "lint.M003.bukan_keputusan": (
            "SOP {sop} step {no} has simbol {simbol}, not a decision, but has {kunci} (ignored). "
            "Make it a decision or use 'lanjut'."
        ),
    },
}


# ---------------------------------------------------------------------------------------
# M003 cabang-keputusan


class CabangKeputusan(Rule):
    """M003: a decision without exactly two branches, or branches on a step that is not a decision."""

    messages = MESSAGES
    code: ClassVar[str] = "M003"
    name: ClassVar[str] = "cabang-keputusan"
    reads = "each sop"  # what it reads (lint.base.Reads): hits reused while that is unchanged
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    docs: ClassVar[dict[Lang, RuleDoc]] = {
        "id": RuleDoc(
            summary="Keputusan harus bercabang tepat dua; langkah lain tidak bercabang.",
            why=(
                "Simbol keputusan (belah ketupat) SOP AP memiliki dua jalur keluar berlabel, mis. "
                "ya/tidak atau lengkap/tidak lengkap; proses biasa memiliki satu. Keputusan dengan "
                "satu, tiga atau nol cabang, dua cabang ke langkah yang sama, atau `ya`/`tidak`/"
                "`cabang` pada langkah yang bukan keputusan (yang diabaikan saat alur digambar) "
                "membuat alur ambigu."
            ),
            fix=(
                "Beri keputusan tepat dua cabang ke langkah berbeda (`ya`/`tidak`, atau `cabang` "
                "dengan label sendiri, bukan keduanya). Pada langkah biasa pakai `lanjut`, atau "
                "ubah simbolnya menjadi `keputusan`. Pilihan lebih dari dua dipecah menjadi "
                "beberapa keputusan berurutan."
            ),
        ),
        "en": RuleDoc(
            summary="A decision must have exactly two branches; other steps have none.",
            why=(
                "The decision symbol (diamond) of an SOP AP has two labelled exits, e.g. ya/tidak or "
                "lengkap/tidak lengkap; a plain process has one. A decision with one, three or no "
                "branches, two branches to the same step, or `ya`/`tidak`/`cabang` on a step that is "
                "not a decision (ignored when the flow is drawn) makes the flow ambiguous."
            ),
            fix=(
                "Give each decision exactly two branches to different steps (`ya`/`tidak`, or "
                "`cabang` with its own labels, not both). On a plain step use `lanjut`, or make it a "
                "`keputusan`. More than two choices become successive decisions."
            ),
        ),
    }
    bad: ClassVar[str] = _bad("    ya: 3\n    tidak: 4\n", "    ya: 3\n")
    good: ClassVar[str] = _bad(
        "    ya: 3\n    tidak: 4\n",
        "    cabang: [{label: Layak, ke: 3}, {label: Tidak layak, ke: 4}]\n",
    )

    def check(self, index: Index, options: NoOptions) -> Iterator[Hit]:
        """Check the exits of every step."""
        for kode in sorted(index.sop):
            doc = index.sop[kode]
            for i, step in enumerate(doc.model.langkah):
                shorthand = [k for k in ("ya", "tidak") if getattr(step, k) is not None]
                if step.simbol != "keputusan":
                    keys = [*shorthand, *(["cabang"] if step.cabang is not None else [])]
                    if keys:
                        yield Hit(
                            doc.loc("langkah", i, keys[0], key=True),
                            Message.of(
                                "lint.M003.bukan_keputusan",
                                sop=kode,
                                no=step.no,
                                simbol=step.simbol,
                                kunci=", ".join(keys),
                            ),
                        )
                    continue
                if step.cabang is not None and shorthand:
                    yield Hit(
                        doc.loc("langkah", i, shorthand[0], key=True),
                        Message.of("lint.M003.ganda", sop=kode, no=step.no, kunci=", ".join(shorthand)),
                    )
                branches = step.branches()
                # Positions are looked up only for hits: they are loaded lazily per document.
                exits = "cabang" if step.cabang is not None else "simbol"
                if len(branches) != 2:
                    yield Hit(
                        doc.loc("langkah", i, exits),
                        Message.of(
                            "lint.M003.jumlah", sop=kode, no=step.no, kegiatan=step.kegiatan, jumlah=len(branches)
                        ),
                    )
                elif branches[0].ke == branches[1].ke:
                    yield Hit(
                        doc.loc("langkah", i, exits),
                        Message.of("lint.M003.sama", sop=kode, no=step.no, ke=branches[0].ke),
                    )
                if step.lanjut is not None:
                    yield Hit(
                        doc.loc("langkah", i, "lanjut", key=True),
                        Message.of("lint.M003.lanjut", sop=kode, no=step.no),
                    )
