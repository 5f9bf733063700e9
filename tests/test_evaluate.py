"""`events evaluate`: matching rules and scores, with a fake extractor so the figures are exact."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from events import pipeline
from events.cli import main
from events.evaluate import GoldFileError, evaluate, match_events, same_location, same_perpetrator

GOLD_EVENT = {"event_date": "2023-12-08", "time_precision": 1, "country": "Iraq", "admin1": "Baghdad",
              "location": "Baghdad", "latitude": 33.3406, "longitude": 44.4009,
              "event_type": "Explosions/Remote violence",
              "sub_event_type": "Shelling/artillery/missile attack", "fatalities": 0,
              "injuries": None, "perpetrator": "Iran-aligned militia", "claim_status": "no_claim"}


def _row(**over):
    row = dict(GOLD_EVENT, event_date=dt.date(2023, 12, 8))
    row.update(over)
    return row


def _gold_file(tmp_path, events, text="Roket menghantam Bagdad."):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "g1", "text": text, "published": "2023-12-08",
                                "events": events}) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("over, matched", [
    ({}, True),
    ({"event_date": dt.date(2023, 12, 9)}, True),          # within a day
    ({"event_date": dt.date(2023, 12, 10)}, False),
    ({"country": "Syria"}, False),
    ({"event_type": "Battles"}, False),
])
def test_evaluate_match_by_country_date_and_event_type(over, matched):
    assert bool(match_events([GOLD_EVENT], [_row(**over)])) is matched


def test_evaluate_match_is_one_to_one_and_prefers_the_closer_row():
    rows = [_row(location="Mosul", latitude=36.3, longitude=43.1, fatalities=5), _row()]
    pairs = match_events([GOLD_EVENT], rows)
    assert len(pairs) == 1 and pairs[0][1] is rows[1]


@pytest.mark.parametrize("gold, row, same", [
    ({"location": "Baghdad (Green Zone, Checkpoint 2)"}, {"location": "Baghdad"}, True),
    ({"location": "Kampung Melayu, East Jakarta"}, {"location": "Kampung Melayu"}, True),
    ({"location": "Abepura", "latitude": -2.60, "longitude": 140.63},
     {"location": "Jayapura", "latitude": -2.53, "longitude": 140.72}, True),      # ~12 km
    ({"location": "Farah", "latitude": 32.37, "longitude": 62.11},
     {"location": "Herat", "latitude": 34.35, "longitude": 62.20}, False),
])
def test_evaluate_same_location_by_name_or_25_km(gold, row, same):
    assert same_location(gold, row) is same


@pytest.mark.parametrize("gold, predicted, same", [
    ("Iran-aligned militia", "Iran-aligned Shiite militia", True),
    ("Taliban", "Taliban", True),
    ("ETA", "Islamic State", False),
    (None, None, True),
    ("gunmen", None, False),
])
def test_evaluate_same_perpetrator(gold, predicted, same):
    assert same_perpetrator(gold, predicted) is same


def test_evaluate_scores_fields_on_matched_events(tmp_path):
    path = _gold_file(tmp_path, [GOLD_EVENT, dict(GOLD_EVENT, event_type="Battles",
                                                  sub_event_type="Armed clash")])

    def fake(article):
        return pipeline.Result(article, [_row(fatalities=3), _row(country="Syria")], [])

    report = evaluate(path, extract=fake)
    assert (report.gold, report.predicted, report.matched) == (2, 2, 1)
    assert report.precision == 0.5 and report.recall == 0.5 and report.f1 == 0.5
    assert report.accuracy("country") == 1.0
    assert report.accuracy("fatalities") == 0.0
    detail = report.as_dict()["articles_detail"][0]
    assert detail["field_errors"] == [{"field": "fatalities", "gold": 0, "predicted": 3}]
    assert len(detail["misses"]) == 1 and len(detail["false_alarms"]) == 1


def test_evaluate_article_with_no_events_and_no_rows_is_perfect(tmp_path):
    path = _gold_file(tmp_path, [])
    report = evaluate(path, extract=lambda a: pipeline.Result(a, [], []))
    assert report.precision == 1.0 and report.recall == 1.0


def test_evaluate_bad_gold_line_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "a", "events": []}\n{broken\n', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"bad.jsonl:2: not valid JSON"):
        evaluate(path)
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "bad.jsonl:2" in result.output


def test_evaluate_cli_json_output(tmp_path):
    path = _gold_file(tmp_path, [])
    result = CliRunner().invoke(main, ["evaluate", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data[0]["articles"] == 1 and set(data[0]["fields"]) >= {"event_date", "claim_status"}
