"""Stage `dates`: a weekday inside a name ("the Monday Market") is no date; beside it, dates stay."""
import datetime as dt

import pytest

from events.extract import dates

PUB = dt.date(2024, 7, 7)          # a Sunday


def _spans(text, lang="en"):
    return [(text[f.start:f.end], f.date.isoformat()) for f in dates.find(text, lang, PUB)]


@pytest.mark.parametrize("text, expected", [
    ("Saturday's blasts at the Monday Market in Maiduguri killed 18, officials said on Sunday.",
     [("Saturday", "2024-07-06"), ("Sunday", "2024-07-07")]),
    ("Gunmen opened fire near the Friday Mosque of Herat on Thursday.", [("Thursday", "2024-07-04")]),
    ("Traders at the Sunday Bazaar said the fire started on Wednesday night.",
     [("Wednesday night", "2024-07-03")]),
])
def test_dates_weekday_in_a_name_is_not_a_date(text, expected):
    assert _spans(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Monday attack killed two soldiers.", [("Monday", "2024-07-01")]),
    ("Police said on Tuesday Al Shabaab fighters had fled.", [("Tuesday", "2024-07-02")]),
    ("The Friday bombing was claimed by no one.", [("Friday", "2024-07-05")]),
    ("THE MONDAY MARKET WAS BOMBED ON SATURDAY", [("MONDAY", "2024-07-01"), ("SATURDAY", "2024-07-06")]),
    ("Bom meledak di pasar pada Senin (1/7/2024).", [("Senin (1/7/2024)", "2024-07-01")]),
])
def test_dates_weekday_beside_other_words_stays_a_date(text, expected):
    lang = "id" if "meledak" in text else "en"
    assert _spans(text, lang) == expected
