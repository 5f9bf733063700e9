"""Stage `dates`: a day part after a written date is that date's ("5 November, overnight"),
not a relative word counted back from the publication day; parts that are no relative word
("malam", "dini hari") change nothing there."""
import datetime as dt

import pytest

from events.extract import dates

PUB = dt.date(2023, 11, 9)          # a Thursday, days after the dates written below


@pytest.mark.parametrize("lang, text, span, date", [
    ("en", "On 5 November 2023, overnight, rioters set fire to a bus.", "5 November 2023, overnight", "2023-11-05"),
    ("en", "Rebels shelled the town on November 5 overnight.", "November 5 overnight", "2023-11-05"),
    ("en", "On 5 November, overnight, two shops were torched.", "5 November, overnight", "2023-11-05"),
    ("id", "Pada 5 November 2023 malam, massa membakar sebuah bus.", "5 November 2023", "2023-11-05"),
    ("id", "Bentrokan pecah pada 5 November dini hari.", "5 November", "2023-11-05"),
])
def test_dates_day_part_after_a_written_date(lang, text, span, date):
    found = dates.find(text, lang, PUB)
    assert [(text[f.start:f.end], f.date.isoformat(), f.precision) for f in found] == [(span, date, 1)]


@pytest.mark.parametrize("lang, text, expected", [
    # a new sentence: "Overnight" is the night before publication again
    ("en", "On 5 November 2023, rioters set fire to a bus. Overnight, police arrested ten men.",
     [("5 November 2023", "2023-11-05"), ("Overnight", "2023-11-08")]),
    ("id", "Polisi menangkap lima orang tadi malam.", [("tadi malam", "2023-11-08")]),
])
def test_dates_relative_day_part_away_from_a_date(lang, text, expected):
    assert [(text[f.start:f.end], f.date.isoformat()) for f in dates.find(text, lang, PUB)] == expected
