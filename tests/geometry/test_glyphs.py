"""The prosedur table's symbol glyphs exist in common fonts (checked against the bundled
Liberation Sans, which has Arial's character set; the old kapsul "⬭" printed blank)."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from probis_cli.render.documents import SIMBOL_GLYPH

FONTS = Path(__file__).resolve().parents[2] / "src" / "probis_cli" / "render" / "fonts"


def test_symbol_glyphs_are_in_common_fonts() -> None:
    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"):
        cmap = TTFont(FONTS / name).getBestCmap()
        missing = {s: g for s, g in SIMBOL_GLYPH.items() if ord(g) not in cmap}
        assert not missing, f"{name} lacks {missing}"
    assert len({SIMBOL_GLYPH["mulai"], SIMBOL_GLYPH["proses"], SIMBOL_GLYPH["keputusan"]}) == 3
