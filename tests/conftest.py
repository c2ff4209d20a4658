"""Shared test fixtures: golden files rewritten only with ``--update-goldens``.

Golden files live beside the tests that read them: ``tests/<area>/goldens/`` next to
``tests/<area>/test_*.py``.  One switch rewrites them all: ``bash run.sh test --update-goldens``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

GOLDENS = "goldens"

CheckGolden = Callable[[str, "str | bytes"], None]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/<area>/goldens/) from the actual output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def golden(request: pytest.FixtureRequest, update_goldens: bool) -> CheckGolden:
    """``golden(name, actual)``: compare ``actual`` with ``goldens/<name>`` beside the test (or rewrite it).

    ``name`` is a relative posix path such as ``"report/text.id.txt"``. Text is compared as
    UTF-8 exactly (no newline translation), so byte-identical output is what is checked.
    """

    golden_dir = Path(request.path).parent / GOLDENS

    def check_golden(name: str, actual: str | bytes) -> None:
        path = golden_dir / name
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        if update_goldens:
            if not path.exists() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            return
        if not path.exists():
            pytest.fail(f"golden file {path} is missing; run pytest with --update-goldens and review it")
        expected = path.read_bytes()
        if isinstance(actual, str):
            # Compare as text so that pytest shows a readable diff.
            assert actual == expected.decode("utf-8"), f"output differs from golden file {name}"
        else:
            assert actual == expected, f"output differs from golden file {name}"

    return check_golden
