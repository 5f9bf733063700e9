"""End to end: article in, rows out, through events.pipeline.extract (every stage)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from events import pipeline, schema
from events.article import Article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_875a52781534f216.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _check_seed_row(row: dict) -> None:
    assert row["event_date"] == dt.date(2023, 12, 8) and row["time_precision"] == 1
    assert (row["country"], row["admin1"], row["location"]) == ("Iraq", "Baghdad", "Baghdad")
    assert abs(row["latitude"] - 33.34) < 0.05 and abs(row["longitude"] - 44.40) < 0.05
    assert row["geo_precision"] == 1
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert row["fatalities"] == 0
    assert "militia" in row["perpetrator"].lower() and "iran" in row["perpetrator"].lower()
    assert row["perpetrator_status"] == "attributed"
    assert "embassy" in row["attributed_by"].lower() and "us" in row["attributed_by"].lower()
    assert row["claim_status"] == "no_claim" and row["claimed_by"] is None
    assert row["event_id_cnty"].startswith("IRQ")
    assert schema.validate_row(row) == []


def test_end_to_end_seed_gives_exactly_the_embassy_attack(seed_text: str) -> None:
    rows = pipeline.extract(Article(text=seed_text))
    assert len(rows) == 1          # the 70 earlier attacks and ISIS in 2014 are background
    row = rows[0]
    _check_seed_row(row)
    assert row["source"] == "ERA.id" and row["language"] == "id"
    assert row["notes"].startswith("On 8 December 2023,") and "No group claimed responsibility" in row["notes"]
    assert {e["field"] for e in row["evidence"]} >= {"event_date", "event_type", "fatalities", "claim_status"}
    for e in row["evidence"]:
        assert seed_text[e["start"]:e["end"]] == e["text"]


def test_end_to_end_seed_is_stable_across_runs(seed_text: str) -> None:
    first = pipeline.extract(Article(text=seed_text))
    again = pipeline.extract(Article(text=seed_text))
    assert first == again and first[0]["event_id_cnty"] == again[0]["event_id_cnty"]
    assert first[0]["timestamp"] == int(dt.datetime(2023, 12, 8, tzinfo=dt.timezone.utc).timestamp())


def test_end_to_end_upper_case_seed(seed_text: str) -> None:
    rows = pipeline.extract(Article(text=seed_text.upper()))
    assert len(rows) == 1
    _check_seed_row(rows[0])


@pytest.mark.parametrize("text,published,expected", [
    ("On 3 May 2021, unidentified gunmen shot dead a village head in Puncak regency (Papua).", None,
     {"event_date": dt.date(2021, 5, 3), "country": "Indonesia", "event_type": "Violence against civilians",
      "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Indonesia)"}),
    ("Pada 3 Mei 2021, orang tak dikenal menembak mati seorang kepala kampung di Kabupaten Puncak, Papua.", None,
     {"event_date": dt.date(2021, 5, 3), "country": "Indonesia", "sub_event_type": "Attack", "fatalities": 1}),
    ("PESHAWAR, Pakistan (AP) - A suicide bomber blew himself up inside a crowded mosque in the "
     "northwestern city of Peshawar on Friday, killing at least 12 worshippers, police said. "
     "No group immediately claimed responsibility.", dt.date(2022, 3, 5),
     {"event_date": dt.date(2022, 3, 4), "country": "Pakistan", "location": "Peshawar",
      "sub_event_type": "Suicide bomb", "fatalities": 13, "claim_status": "no_claim"}),
    ("On 3 May 2021, assailants attacked a police post in Mimika, Papua. Two police officers were killed. "
     "The TPNPB claimed responsibility.", dt.date(2021, 5, 4),
     {"event_type": "Battles", "actor1": "West Papua National Liberation Army (TPNPB)", "fatalities": 2,
      "claim_status": "claimed", "perpetrator_status": "claimed"}),
])
def test_end_to_end_short_reports(text: str, published: dt.date | None, expected: dict) -> None:
    rows = pipeline.extract(Article(text=text, published=published))
    assert len(rows) == 1
    for key, value in expected.items():
        assert rows[0][key] == value, key


@pytest.mark.parametrize("text,published", [
    # history, trials, threats and reactions are background
    ("Hambali dituduh mengatur bom Bali 2002 yang menewaskan 202 orang. Ia kini menghadapi sidang di Guantanamo.",
     dt.date(2017, 6, 25)),
    ("The group threatened to bomb government buildings in Kabul next week.", dt.date(2020, 1, 10)),
    ("Presiden mengutuk serangan tersebut dan menyampaikan belasungkawa kepada keluarga korban.", dt.date(2020, 1, 10)),
    ("Four men were robbed and shot dead by robbers in a robbery at a petrol station in Lagos, police said.",
     dt.date(2020, 1, 10)),
    # words that are violent only in conflict news
    ("Messi shot the ball past the goalkeeper in Barcelona on Sunday and the crowd cheered.", dt.date(2020, 1, 13)),
    ("Persib menang dalam pertempuran sengit melawan Persija di Bandung, Minggu (12/1).", dt.date(2020, 1, 13)),
])
def test_end_to_end_background_gives_no_row(text: str, published: dt.date) -> None:
    assert pipeline.extract(Article(text=text, published=published)) == []
