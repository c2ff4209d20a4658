"""``probis validate --watch``: one change on disk gives a fresh report."""

from __future__ import annotations

import queue
import shutil
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from probis_cli import api
from probis_cli.cli.main import build_app
from probis_cli.cli.watch import CLEAR, run_watch
from probis_cli.findings import Result

pytest.importorskip("watchfiles")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TIMEOUT = 30.0


def test_a_change_prints_the_report_again(tmp_path: Path) -> None:
    root = tmp_path / "kota-contoh"
    shutil.copytree(EXAMPLES / "kota-contoh", root)
    reports: queue.Queue[str] = queue.Queue()
    ready = threading.Event()
    stop = threading.Event()

    def report(result: Result, loaded: api.Loaded) -> str:
        return " ".join(sorted(f"{f.location.path}:{f.code}" for f in result.findings)) or "bersih"

    worker = threading.Thread(
        target=run_watch,
        args=("id", [root], api.CheckOptions(), report, reports.put),
        kwargs={"stop": stop, "on_ready": ready.set, "use_cache": False},
    )
    worker.start()
    try:
        first = reports.get(timeout=TIMEOUT)
        assert first.startswith(CLEAR) and "Memantau" in first and first.endswith("bersih")
        assert ready.wait(TIMEOUT)
        sop = root / "sop/dinkes/SOP-DINKES-002.yaml"
        sop.write_text(sop.read_text().replace("jenis: sop", "jenis: sopp"))
        second = reports.get(timeout=TIMEOUT)
        assert second.startswith(CLEAR) and "sop/dinkes/SOP-DINKES-002.yaml:S001" in second
        # The same findings as a cold run over the changed repository.
        assert second.endswith("\n\n" + report(api.check(api.load(root)), api.load(root)))
    finally:
        stop.set()
        worker.join(TIMEOUT)
    assert not worker.is_alive()
    assert reports.get(timeout=TIMEOUT) == "Berhenti memantau.\n"


def test_watch_refuses_output_and_baseline(tmp_path: Path) -> None:
    for extra in (["--output", str(tmp_path / "x.txt")], ["--buat-baseline"]):
        argv = ["validate", str(EXAMPLES / "kota-contoh"), "--watch", "--lang", "en", *extra]
        result = CliRunner().invoke(build_app("en"), argv, prog_name="probis")
        assert result.exit_code == 2
        assert f"--watch cannot be used together with {extra[0]}" in result.stderr
