"""`make demo` (the quick start's first command): ingests the seed, shows its event as a table,
the summary per region, and writes data/report.html, saying where; no wall of warnings.

Runs the real Makefile in a copy of the tree's Makefile and seeds/, with this venv's commands
(`-o .venv/.installed` so make does not reinstall anything).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_report_make_demo_shows_the_seed_event_summary_and_report(tmp_path):
    make = shutil.which("make")
    if not make:
        pytest.skip("make is not installed")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = {k: v for k, v in os.environ.items() if k != "EVENTS_DB"}
    proc = subprocess.run([make, "-s", "-o", ".venv/.installed", "demo", f"BIN={Path(sys.executable).parent}"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    header = next(line for line in out.splitlines() if "date" in line and "place" in line)
    assert [c.strip() for c in header.strip("┃ ").split("┃")] == [
        "date", "place", "type", "fatalities", "perpetrator", "claim"]
    assert re.search(r"│ \d{4}-\d{2}-\d{2} │ .*Iraq", out), out          # the seed's event, in Iraq
    assert "Events by region" in out and re.search(r"│ Middle East\s+│\s+\d+ │", out)
    report = tmp_path / "data" / "report.html"
    assert re.search(r"^Wrote data/report\.html \([\d,]+ KB\): \d+ events?, ", out, re.M)
    assert f"Open {report.resolve().as_uri()} in any browser; it needs no network." in out
    assert report.stat().st_size > 100_000 and "<title>Conflict events report</title>" in report.read_text()
    assert "warning" not in (out + proc.stderr).lower()
    assert len(out.splitlines()) < 40
