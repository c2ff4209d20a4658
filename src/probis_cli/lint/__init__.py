"""probis_cli.lint: the rules, the engine that runs them, configuration, suppressions, baseline.

Importing the package registers the rules' own messages with the i18n catalogue (lazily:
the registry is read when the catalogue is first built), so i18n imports no rule.
"""

from __future__ import annotations

from probis_cli.i18n import register_messages


def _rule_messages() -> list[dict[str, dict[str, str]]]:
    from probis_cli.lint.registry import ALL_RULES

    return [rule.messages for rule in ALL_RULES]


register_messages(_rule_messages)
