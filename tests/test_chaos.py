"""``tools/chaos.py`` (``make chaos``) works: a small run of it passes (the full run, 100
interrupts of a 1,000-document batch, takes half an hour and is ``make chaos``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_a_small_chaos_run_passes(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "tools/chaos.py", "--documents", "16", "--interrupts", "1",
                           "--skip-disk", "--json", str(report_file)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert len(report["interrupts"]) == 1 and not report["failures"]
    assert report["concurrent"]["second_exit"] == 2 and report["concurrent"]["first_identical"]
    assert all(case["identical_after_resume"] and not case["hang"] for case in report["interrupts"])
