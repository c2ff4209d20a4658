"""Every rule keeps its own bilingual messages; the i18n catalogue collects them from the registry."""

from __future__ import annotations

import re
import string

import pytest

from probis_cli.i18n import catalogue, translate
from probis_cli.lint.base import Rule
from probis_cli.lint.registry import ALL_RULES


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_a_rule_keeps_its_own_messages_in_both_languages(rule: type[Rule]) -> None:
    assert rule.messages["id"], rule.code
    assert set(rule.messages["id"]) == set(rule.messages["en"])
    for lang in ("id", "en"):
        for key, template in rule.messages[lang].items():
            assert re.match(rf"^lint\.{rule.code}\.[a-z_.]+$", key), key
            list(string.Formatter().parse(template))  # well-formed
            assert catalogue()[lang][key] == template


def test_the_sop_rule_messages_use_only_known_fields() -> None:
    fields = {"sop", "no", "kegiatan", "waktu", "kata", "jumlah", "ke", "kunci", "simbol", "nomor", "pertama",
              "isian", "nip", "tanggal", "pembuatan", "kode", "hint", "pelaksana", "nama", "urutan"}  # fmt: skip
    for rule in (r for r in ALL_RULES if r.code.startswith("M")):
        for lang in ("id", "en"):
            for key, template in rule.messages[lang].items():
                used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
                assert used <= fields, (key, used - fields)


def test_a_rule_message_translates_through_the_catalogue() -> None:
    assert translate("lint.K018.hit", "en", proses="PB.1", pemilik="X", kode="1", nama="N", lain="Y").startswith(
        "Process PB.1 of X carries out kegiatan 1"
    )
