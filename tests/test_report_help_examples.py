"""Every command's `--help` example runs, as a user would type it, and gives what it promises.

The examples are read from the help itself (the indented lines under "Example:"), so a new
command or a changed example is tested without editing this file. Each runs with bash in its
own copy of a small sandbox: seeds/, a store in data/ (and other-data/) holding the seed plus
an event with the id the examples use (SOM1234567890) and two in Iraq, a wires/ folder, an
articles.jsonl file, and ../shared/eval when the tree has it beside it.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import make_event_row
from events import pipeline
from events.article import Article
from events.cli import main
from events.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
BIN = Path(sys.executable).parent
ARTICLE_EN = ("JAKARTA, 3 April 2024 - Gunmen attacked a police post in Intan Jaya, Central Papua, "
              "on Wednesday, killing two officers, police said.")
ARTICLE_ID = ("JAKARTA, 3 April 2024 - Sekelompok orang bersenjata menyerang pos polisi di Intan Jaya, "
              "Papua Tengah, pada Rabu, menewaskan dua polisi.")


def _help_examples() -> list[tuple[str, str]]:
    """(command, example line) for every command whose help has an Example block."""
    runner = CliRunner()
    names = main.list_commands(click_context())
    found = []
    for name in names:
        text = runner.invoke(main, [name, "--help"]).output
        block = re.search(r"\n\s*Examples?:\n((?:[ \t]+\S.*\n?)+)", text)
        for line in (block.group(1).splitlines() if block else []):
            line = line.strip()
            if re.search(r"(^|\| )events ", line):
                found.append((name, line))
    return found


def click_context():
    import click

    return click.Context(main)


def _store(path: Path) -> None:
    rows = [make_event_row(event_id_cnty="SOM1234567890", iso=706, region="Eastern Africa", country="Somalia",
                           admin1="Lower Shabelle", location="Afgooye", latitude=2.14, longitude=45.12,
                           fatalities=3, article_ids=["w1"]),
            make_event_row(event_id_cnty="IRQ0000000001", event_date=dt.date(2023, 6, 1), article_ids=["w1"]),
            make_event_row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 2, 1), article_ids=["w1"])]
    Store(path).commit([pipeline.Result(Article(text="wire one", id="w1", source="Example Wire"), rows, [])])


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("examples")
    work = base / "main"
    shutil.copytree(ROOT / "seeds", work / "seeds")
    for folder in ("wires", "wires-2024-04-03"):
        (work / folder).mkdir()
        (work / folder / "a1.txt").write_text(ARTICLE_EN + "\n", encoding="utf-8")
        (work / folder / "a2.txt").write_text(ARTICLE_ID + "\n", encoding="utf-8")
    (work / "articles.jsonl").write_text(json.dumps({"id": "j1", "text": ARTICLE_EN, "published": "2024-04-03"})
                                         + "\n", encoding="utf-8")
    _store(work / "data")
    _store(work / "other-data")
    if SHARED_EVAL.is_dir():
        (base / "shared").mkdir()
        (base / "shared" / "eval").symlink_to(SHARED_EVAL)
    return work


EXAMPLES = _help_examples()


def _expect(line: str, out: str, cwd: Path) -> None:
    """What an example promises, beyond a clean exit."""
    if "A bomb exploded in Kabul" in line:
        rows = [json.loads(r) for r in out.splitlines() if r.startswith("{")]
        assert [(r["country"], r["location"], r["event_type"], r["fatalities"]) for r in rows] == [
            ("Afghanistan", "Kabul", "Explosions/Remote violence", 3)], out
    elif line.startswith("events query \"SELECT region"):
        assert out.splitlines()[0] == "region,events"
    elif line.startswith("events summary --by tahun"):                 # Indonesian names, read as the taxonomy's
        assert out.splitlines()[0] == "year,events,fatalities,injuries,share_pct" and len(out.splitlines()) > 1
    elif line.startswith("events summary"):
        assert out.splitlines()[0].endswith(",events,fatalities,injuries,share_pct")
    elif line.startswith("events export -o -"):                        # the CSV itself, on stdout
        assert out.splitlines()[0] == "event_date,country,admin1,fatalities" and len(out.splitlines()) > 1
    elif line.startswith("events export --format geojson"):
        target = re.search(r"-o (\S+)", line).group(1)
        doc = json.loads((cwd / target).read_text(encoding="utf-8"))
        assert doc["type"] == "FeatureCollection" and doc["features"], out
        assert all(f["properties"]["country"] == "Iraq" for f in doc["features"])
    elif line.startswith("events export"):
        assert out.startswith("Wrote 2 events to iraq.csv"), out        # the two Iraq events since 2023
        assert (cwd / "iraq.csv").read_text(encoding="utf-8").count("\n") == 3
    elif line.startswith("events report"):
        target = re.search(r"--output (\S+)", line).group(1)
        assert out.startswith("Wrote ") and (cwd / target).exists()
    elif line.startswith("events geocode"):
        assert "Baghdad" in out.splitlines()[-1]
    elif line.startswith("events schema --format json"):
        assert json.loads(out)
    elif line.startswith("events show SOM1234567890"):
        assert "SOM1234567890" in out and "Afgooye" in out


def test_report_help_examples_found():
    commands = {c for c, _ in EXAMPLES}
    assert {"ingest", "extract", "query", "export", "summary", "report", "schema", "geocode"} <= commands


@pytest.mark.parametrize("command, line", EXAMPLES, ids=[f"{c}: {l[:60]}" for c, l in EXAMPLES])
def test_report_help_example_runs(sandbox, tmp_path, command, line):
    if "../shared/eval/" in line and not SHARED_EVAL.is_dir():
        pytest.skip("../shared/eval is not beside the tree")
    cwd = tmp_path / "main"
    shutil.copytree(sandbox, cwd, symlinks=True)
    if (sandbox.parent / "shared").exists():
        (tmp_path / "shared").symlink_to(sandbox.parent / "shared", target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k not in ("EVENTS_DB", "COLUMNS")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"{line}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    redirected = re.search(r"\s>\s*(\S+)\s*$", line)
    if redirected:                                       # the promise is the file, with a header at least
        assert (cwd / redirected.group(1)).read_text(encoding="utf-8").strip(), line
    else:
        assert proc.stdout.strip() or proc.stderr.strip()
    assert "Traceback" not in proc.stderr
    _expect(line, proc.stdout, cwd)
