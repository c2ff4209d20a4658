"""Paths in the platform formats are relative to the git top folder (SARIF says so in
``originalUriBaseIds``); the other formats keep them relative to the repository root."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from probis_cli.report import REPORTERS, ReportContext
from probis_cli.report._base import platform_prefix
from tests.unit.test_reporters import SARIF_VALIDATOR, sample_result


def _context(prefix: str) -> ReportContext:
    return ReportContext(lang="en", sources={}, root_name="x", tool_version="t", path_prefix=prefix)


def test_sarif_with_a_subfolder() -> None:
    log = json.loads(REPORTERS["sarif"](sample_result(), _context("data/pemda/")))
    SARIF_VALIDATOR.validate(log)
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["PROBISROOT"] == {
        "uri": "data/pemda/",
        "uriBaseId": "%SRCROOT%",
        "description": {"text": "The probis repository (the folder holding probis.yaml)."},
    }
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris and all(u.startswith("data/pemda/") for u in uris)


def test_github_gitlab_prefixed_text_json_not() -> None:
    result = sample_result()
    first = result.sorted()[0].location.path
    assert f"file=data/{first}," in REPORTERS["github"](result, _context("data/"))
    assert json.loads(REPORTERS["gitlab"](result, _context("data/")))[0]["location"]["path"] == f"data/{first}"
    assert REPORTERS["json"](result, _context("data/")) == REPORTERS["json"](result, _context(""))
    assert REPORTERS["text"](result, _context("data/")) == REPORTERS["text"](result, _context(""))


def test_platform_prefix(tmp_path: Path) -> None:
    top = tmp_path / "top"
    (top / ".git").mkdir(parents=True)
    (top / "a" / "b").mkdir(parents=True)
    assert platform_prefix(top) == ""
    assert platform_prefix(top / "a" / "b") == "a/b/"
    outside = tmp_path / "plain" / "data"
    outside.mkdir(parents=True)
    assert platform_prefix(outside, cwd=tmp_path / "plain") == "data/"
    assert platform_prefix(outside, cwd=tmp_path / "elsewhere") == ""


def test_gitlab_fingerprints_are_unique() -> None:
    result = sample_result()
    doubled = type(result)(findings=result.findings + result.findings)
    issues = json.loads(REPORTERS["gitlab"](doubled, _context("")))
    assert len({i["fingerprint"] for i in issues}) == len(issues) == 2 * len(result.findings)
    assert jsonschema.Draft7Validator({"type": "array"}).is_valid(issues)
