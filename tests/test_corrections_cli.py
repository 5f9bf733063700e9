"""`events edit`, `events delete`, `events show` over a real store (marker pipeline)."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from events import corrections
from events.article import Article
from events.cli import main
from events.store import Store


@pytest.fixture
def store(tmp_path, marker_pipeline):
    db = tmp_path / "db"
    Store(db).ingest([
        Article(text="EVENT IRQ 2023-12-08 3\n", id="a1", source="Reuters", title="Rockets hit Baghdad",
                url="https://example.org/a1", published=dt.date(2023, 12, 8)),
        Article(text="EVENT IRQ 2023-12-09 0\n", id="a2", source="Kompas", published=dt.date(2023, 12, 9)),
    ])
    ids = {r["article_ids"][0]: r["event_id_cnty"] for r in corrections._store_rows(db)}
    return db, ids


def run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args], env={"EVENTS_USER": "analyst1"})


def test_corrections_cli_edit_show_delete(store):
    db, ids = store
    eid = ids["a1"]
    result = run(db, "edit", eid, "fatalities=5", "--reason", "hospital list")
    assert result.exit_code == 0, result.output
    assert result.output == f"{eid}: fatalities 3 -> 5\n1 correction recorded by analyst1\n"
    shown = run(db, "show", eid)
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert lines[0] == f"{eid}: Explosions/Remote violence / Shelling/artillery/missile attack, 2023-12-08, ? (Iraq)"
    assert any(line.split() == ["fatalities", "5"] for line in lines)
    assert "  a1  Reuters  2023-12-08  Rockets hit Baghdad  https://example.org/a1" in lines
    assert any("analyst1  edit fatalities 3 -> 5  (hospital list)" in line for line in lines)
    deleted = run(db, "delete", ids["a2"], "--reason", "duplicate of another")
    assert deleted.output == f"{ids['a2']} deleted by analyst1 (duplicate of another)\n"
    assert [d["event_id_cnty"] for d in corrections.Corrections(db).deletions()] == [ids["a2"]]
    listed = run(db, "deletions")
    assert listed.exit_code == 0
    header, line = listed.output.splitlines()
    assert header == "event_id_cnty,timestamp,why"
    assert line.startswith(f"{ids['a2']},") and line.endswith(",duplicate of another")
    again = run(db, "show", ids["a2"])
    assert again.exit_code == 2 and again.output.startswith("Error: ") and "is deleted" in again.output


def test_corrections_cli_edits_survive_recode(store):
    db, ids = store
    assert run(db, "edit", ids["a1"], "fatalities=7", "--reason", "ministry").exit_code == 0
    Store(db).recode()
    coded = corrections._store_rows(db)
    assert {r["fatalities"] for r in coded if r["event_id_cnty"] == ids["a1"]} == {3}   # the coder's value
    assert corrections.find(db, ids["a1"])["fatalities"] == 7                           # as the views show it


@pytest.mark.parametrize("args, message", [
    (["edit", "IRQ0000000000", "fatalities=1", "--reason", "x"], "no event 'IRQ0000000000'"),
    (["edit", "{a1}", "fatalities", "--reason", "x"], "is not FIELD=VALUE"),
    (["edit", "{a1}", "fatalities=lots", "--reason", "x"], "not a int32"),
    (["edit", "{a1}", "fatalities=1", "--reason", " "], "needs a reason"),
    (["delete", "{a1}", "--reason", ""], "needs a reason"),
])
def test_corrections_cli_errors_are_one_line(store, args, message):
    db, ids = store
    args = [a.format(**ids) for a in args]
    result = run(db, *args)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (db / corrections.FILE).exists()


def test_corrections_cli_no_store(tmp_path):
    result = run(tmp_path / "none", "show", "IRQ0000000001")
    assert result.exit_code == 2 and result.output.startswith("Error: no store at")
