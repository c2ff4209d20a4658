"""examples/ci/*-pages-situs.yml: valid for their platforms (check-jsonschema's bundled
schemas, offline) and the probis command they run builds the example's site."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from tests.site.conftest import Site, build_site

CI = Path(__file__).resolve().parents[2] / "examples" / "ci"
GITHUB = CI / "github-pages-situs.yml"
GITLAB = CI / "gitlab-pages-situs.yml"


def _yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _schema(name: str) -> dict[str, Any]:
    vendor = files("check_jsonschema.builtin_schemas.vendor")
    return json.loads(vendor.joinpath(f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(("path", "schema"), [(GITHUB, "github-workflows"), (GITLAB, "gitlab-ci")])
def test_pages_templates_match_the_platform_schema(path: Path, schema: str) -> None:
    validator = jsonschema.Draft7Validator(_schema(schema))
    errors = sorted(validator.iter_errors(_yaml(path)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def _commands(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [m.strip() for m in re.findall(r"^\s*(?:- |run: )?(probis situs .*)$", text, re.MULTILINE)]


def test_templates_publish_what_situs_writes(tmp_path: Path, contoh_site: Site) -> None:
    github = _yaml(GITHUB)
    assert github["on"]["push"]["branches"] == ["main"]
    assert github["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    upload = next(
        s
        for s in github["jobs"]["build"]["steps"]
        if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")
    )
    assert _commands(GITHUB) == ['probis situs "$PROBIS_DIR" --out _site'] and upload["with"]["path"] == "_site"
    gitlab = _yaml(GITLAB)
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert _commands(GITLAB) == ['probis situs "$PROBIS_DIR" --out public']
    # The command as written, in the repository folder: the site lands where the job publishes it.
    out = tmp_path / "public"
    build_site(contoh_site.repo, out)
    assert (out / "index.html").is_file() and (out / "assets" / "situs.css").is_file()
