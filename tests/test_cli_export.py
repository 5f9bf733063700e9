"""`events export`: `-o -` writes to stdout, `--columns` picks and orders the columns,
`--format geojson` writes a FeatureCollection GIS tools open (events with no coordinates are
features with no geometry, and counted)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import make_event_row as row
from events import pipeline, query, schema
from events.article import Article
from events.cli import main
from events.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "db"
    rows = [row(event_id_cnty="IRQ0000000001", fatalities=2, article_ids=["a1"]),
            row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 2, 1), fatalities=1, admin1=None,
                location=None, latitude=None, longitude=None, geo_precision=3, article_ids=["a1"]),
            row(event_id_cnty="IRQ0000000003", event_date=None, year=None, time_precision=None, fatalities=0,
                article_ids=["a1"], notes="=cmd|' /C calc'!A0")]
    Store(path).commit([pipeline.Result(Article(text="x", id="a1"), rows, [])])
    return path


def _export(db, *args, **kw):
    return CliRunner().invoke(main, ["--db", str(db), "export", *args], **kw)


def test_cli_export_to_stdout_writes_the_csv_and_says_so_on_stderr(db, tmp_path):
    result = _export(db, "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Wrote 3 events to stdout.\n"
    file = tmp_path / "e.csv"
    assert _export(db, "-o", str(file)).exit_code == 0
    assert result.stdout == file.read_text(encoding="utf-8")        # the same bytes as the file
    assert result.stdout.splitlines()[0] == ",".join(schema.column_names())
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("given, header", [
    (["--columns", "event_date,country,fatalities"], ["event_date", "country", "fatalities"]),
    (["--columns", "fatalities", "--columns", "event_id_cnty"], ["fatalities", "event_id_cnty"]),
    (["--columns", "Event-Date, Fatality"], ["event_date", "fatalities"]),        # spelling aside
])
def test_cli_export_columns_picks_and_orders(db, given, header):
    result = _export(db, "-o", "-", *given)
    assert result.exit_code == 0, result.output
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == header and len(table) == 4


def test_cli_export_columns_keep_csv_safety(db):
    out = _export(db, "-o", "-", "--columns", "event_id_cnty,notes").stdout
    assert "IRQ0000000003,'=cmd|' /C calc'!A0" in out


def test_cli_export_unknown_column_is_one_error_line(db, tmp_path):
    result = _export(db, "-o", str(tmp_path / "x.csv"), "--columns", "event_date,lat")
    assert (result.exit_code, result.stderr) == (2, "Error: unknown --columns 'lat'; did you mean 'latitude'?\n")
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_cli_export_columns_in_other_formats(db, tmp_path, fmt):
    out = tmp_path / f"e.{fmt}"
    assert _export(db, "--format", fmt, "-o", str(out), "--columns", "country,fatalities").exit_code == 0
    if fmt == "parquet":
        assert pq.read_table(out).column_names == ["country", "fatalities"]
    else:
        assert [list(json.loads(line)) for line in out.read_text().splitlines()] == [["country", "fatalities"]] * 3


def test_cli_export_parquet_to_a_pipe(db):
    result = _export(db, "--format", "parquet", "-o", "-", "--columns", "event_id_cnty")
    assert result.exit_code == 0
    table = pq.read_table(io.BytesIO(result.stdout_bytes))
    assert table.column("event_id_cnty").to_pylist() == ["IRQ0000000001", "IRQ0000000002", "IRQ0000000003"]


def test_cli_export_geojson_is_a_feature_collection(db, tmp_path):
    out = tmp_path / "e.geojson"
    result = _export(db, "--format", "geojson", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"Wrote 3 events to {out} (1 without coordinates (no geometry), 1 undated).\n")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    features = {f["id"]: f for f in doc["features"]}
    assert list(features) == ["IRQ0000000001", "IRQ0000000002", "IRQ0000000003"]      # by date, undated last
    first = features["IRQ0000000001"]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [44.40, 33.34]}       # longitude, latitude
    assert list(first["properties"]) == list(schema.column_names())
    assert first["properties"]["event_date"] == "2023-12-08" and first["properties"]["article_ids"] == ["a1"]
    assert features["IRQ0000000002"]["geometry"] is None                             # RFC 7946: unlocated
    assert features["IRQ0000000003"]["properties"]["event_date"] is None
    assert features["IRQ0000000003"]["properties"]["notes"] == "=cmd|' /C calc'!A0"   # JSON: no CSV prefix


def test_cli_export_geojson_with_columns_and_filters_to_stdout(db):
    result = _export(db, "--format", "geojson", "-o", "-", "--columns", "event_date,fatalities",
                     "--min-fatalities", "1")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert [f["properties"] for f in doc["features"]] == [{"event_date": "2023-12-08", "fatalities": 2},
                                                         {"event_date": "2024-02-01", "fatalities": 1}]
    assert result.stderr == "Wrote 2 events to stdout (1 without coordinates (no geometry)).\n"


def test_cli_export_geojson_with_no_event_is_still_valid(db, tmp_path):
    out = tmp_path / "none.geojson"
    assert _export(db, "--format", "geojson", "-o", str(out), "--country", "Chad").exit_code == 0
    assert json.loads(out.read_text()) == {"type": "FeatureCollection", "features": []}


def test_cli_export_counts_come_with_the_api(db, tmp_path):
    n = query.export(db, "geojson", tmp_path / "a.geojson")
    assert (n, n.unlocated, n.undated) == (3, 1, 1)
