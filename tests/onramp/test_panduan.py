"""docs/panduan.md: the rule section is generated from the rules' own documentation and kept
current; every finding code and every command is covered."""

from __future__ import annotations

import re
from pathlib import Path

from probis_cli.lint.docs import describe_all
from probis_cli.model.build import CORE_CODES

ROOT = Path(__file__).resolve().parents[2]
PANDUAN = ROOT / "docs" / "panduan.md"
START = "<!-- temuan:mulai (dibuat otomatis; jangan disunting tangan) -->\n"
END = "<!-- temuan:selesai -->\n"


def rules_section() -> str:
    """Every lint rule in Indonesian: what it means, why it matters, how to fix it."""
    parts: list[str] = []
    for view in sorted(describe_all("id"), key=lambda v: v.code):
        parts.append(
            f"#### {view.code} `{view.name}` ({view.severity.text('id')})\n\n"
            f"{view.summary}\n\n*Mengapa:* {view.why}\n\n*Perbaikan:* {view.fix}\n\n"
        )
    return "".join(parts)


def test_rule_section_is_current(update_goldens: bool) -> None:
    text = PANDUAN.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    wanted = before + START + rules_section() + END + after
    if update_goldens:
        if wanted != text:
            PANDUAN.write_text(wanted, encoding="utf-8")
        return
    assert text == wanted, "docs/panduan.md rule section is stale: bash run.sh test --update-goldens"


def test_every_finding_code_is_explained() -> None:
    text = PANDUAN.read_text(encoding="utf-8")
    for code, (name, _severity) in CORE_CODES.items():
        assert f"| {code} | `{name}` |" in text, code
    for view in describe_all("id"):
        assert f"#### {view.code} `{view.name}`" in text, view.code


def test_every_command_is_shown() -> None:
    text = PANDUAN.read_text(encoding="utf-8")
    for command in ("init", "validate", "fmt", "render", "rules", "schema", "baru", "ganti-kode", "laporan"):
        assert re.search(rf"probis {command}\b", text), command
    for link in re.findall(r"\]\(([^)#]+\.md)\)", text):
        assert (PANDUAN.parent / link).is_file(), link
