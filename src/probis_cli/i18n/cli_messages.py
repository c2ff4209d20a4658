"""Messages of this area (see probis_cli.i18n)."""

MESSAGES: dict[str, dict[str, str]] = {"id": {}, "en": {}}
