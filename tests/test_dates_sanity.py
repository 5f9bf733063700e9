"""Date sanity: two-digit years, lower-case months beside numbers, and the rules an event date
keeps: never after publication, never a bare year or decade, never before 1900."""
import datetime as dt

import pytest

from events import pipeline
from events.article import Article
from events.extract import dates

PUB = dt.date(1990, 1, 3)


@pytest.mark.parametrize("lang, text, span, date, has_year", [
    ("en", "ON 30 DEC 89 THE FMLN ATTACKED.", "30 DEC 89", "1989-12-30", True),
    ("en", "The raid of 31 Dec '89 was condemned.", "31 Dec '89", "1989-12-31", True),
    ("id", "Bom meledak 8/12/89 di pasar.", "8/12/89", "1989-12-08", True),
    ("id", "Polisi tiba pada Jumat 29 desember waktu setempat.", "Jumat 29 desember", "1989-12-29", False),
    ("id", "Serangan pada 2 januari 1990 menewaskan dua orang.", "2 januari 1990", "1990-01-02", True),
    ("en", "The raid on 2nd January 1990 killed two.", "2nd January 1990", "1990-01-02", True),
])
def test_dates_sanity_forms(lang, text, span, date, has_year):
    found = dates.find(text, lang, PUB)
    assert [(text[f.start:f.end], f.date.isoformat(), f.has_year) for f in found] == [(span, date, has_year)]


@pytest.mark.parametrize("lang, text", [
    ("en", "The rebels attacked on 3 January 15 people were wounded."),     # a full month name: no 2-digit year
    ("en", "On 3 Jan 15 people were wounded."),                             # 1915 is no reading of a 1990 report
])
def test_dates_sanity_a_count_after_a_date_is_no_year(lang, text):
    found = dates.find(text, lang, PUB)
    assert [(f.date.isoformat(), f.has_year) for f in found] == [("1990-01-03", False)]


@pytest.mark.parametrize("yy, published, year", [
    (90, None, 1990), (68, None, 2068), (69, None, 1969), (5, None, 2005),
    (89, dt.date(1990, 1, 3), 1989), (24, dt.date(2024, 1, 2), 2024), (25, dt.date(2024, 12, 31), 2025),
    (99, dt.date(2001, 1, 1), 1999),
])
def test_dates_sanity_century_of_a_two_digit_year(yy, published, year):
    assert dates.century(yy, published) == year


def _rows(text, lang, published=None):
    return pipeline.run_article(Article(text=text, language=lang, published=published)).rows


@pytest.mark.parametrize("lang, text, published", [
    ("en", "Since 1980, rebels have killed 70,000 people in El Salvador.", None),
    ("en", "In 1989, guerrillas bombed a police station in San Miguel, El Salvador.", None),
    ("id", "Pada tahun 2002, bom meledak di Kuta, Bali, menewaskan 202 orang.", None),
    ("id", "Sejak 2004, kelompok bersenjata menembak mati 40 warga di Poso, Sulawesi Tengah.", None),
    ("en", "In 2023, gunmen killed 40 villagers in Zamfara State, Nigeria.", dt.date(2024, 6, 1)),
])
def test_dates_sanity_a_bare_year_is_never_an_event_date(lang, text, published):
    rows = _rows(text, lang, published)
    assert all(r["event_date"] is None or r["event_date"] != dt.date(r["event_date"].year, 1, 1)
               or r["time_precision"] == 1 for r in rows)
    assert not [r for r in rows if r["event_date"] is not None and r["time_precision"] == 3
                and r["event_date"].month == 1 and r["event_date"].day == 1]


@pytest.mark.parametrize("lang, text, published", [
    ("en", "A bomb exploded in Kabul, Afghanistan on 1800-01-01, killing three soldiers.", None),
    ("en", "On 4 July 1776 rebels attacked a British post in Boston, Massachusetts, killing five.", None),
    ("id", "Pada 17 Agustus 1899 pasukan menyerang pos di Aceh, menewaskan lima orang.", None),
])
def test_dates_sanity_no_row_before_1900(lang, text, published):
    assert all(r["event_date"] is None or r["event_date"].year >= 1900 for r in _rows(text, lang, published))


@pytest.mark.parametrize("lang, text, published", [
    ("en", "Gunmen will attack the base in Kandahar, Afghanistan on 12 December 2023, killing ten soldiers.",
     dt.date(2023, 12, 8)),
    ("id", "Bom meledak di Poso, Sulawesi Tengah, Sabtu (9/12/2023), menewaskan dua polisi.", dt.date(2023, 12, 8)),
    ("en", "LIMA, 29 MAR 89 -- [TEXT] ON 2 APRIL 89 TERRORISTS KILLED TWO POLICEMEN IN AYACUCHO, PERU.", None),
])
def test_dates_sanity_never_after_publication(lang, text, published):
    rows = _rows(text, lang, published)
    pub = published or dt.date(1989, 3, 29)
    assert all(r["event_date"] is None or r["event_date"] <= pub for r in rows)


@pytest.mark.parametrize("lang, text", [
    ("en", "LIMA, 29 MAR 89 -- [TEXT] ON 2 MAR 88 TERRORISTS KILLED TWO POLICEMEN IN AYACUCHO, PERU."),
    ("id", "Poso, 8 Des 2023 (Antara) - Pada 3 Juni 2021, bom meledak di Poso, Sulawesi Tengah, menewaskan dua polisi."),
])
def test_dates_sanity_a_year_old_incident_is_background(lang, text):
    assert _rows(text, lang) == []


def test_dates_sanity_a_day_after_publication_is_the_publication_day():
    rows = _rows("Bom meledak di Poso, Sulawesi Tengah, Sabtu (9/12/2023) dini hari, menewaskan dua polisi.",
                 "id", dt.date(2023, 12, 8))
    assert [r["event_date"] for r in rows] == [dt.date(2023, 12, 8)]


@pytest.mark.parametrize("lang, text, published, day", [
    ("en", "Gunmen killed five villagers in Garissa County, Kenya, in January.", dt.date(2012, 2, 15),
     dt.date(2012, 1, 15)),
    ("id", "Kelompok bersenjata menembak mati lima warga di Kabupaten Puncak, Papua Tengah, pada Januari.",
     dt.date(2012, 2, 15), dt.date(2012, 1, 15)),
])
def test_dates_sanity_a_month_is_history_only_when_all_of_it_is(lang, text, published, day):
    rows = _rows(text, lang, published)
    assert [(r["event_date"], r["time_precision"]) for r in rows] == [(day, 3)]
    assert _rows(text, lang, published + dt.timedelta(days=40)) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Gunmen killed three herders in Garissa County, Kenya, to avenge a raid earlier in the week."),
    ("id", "Kelompok bersenjata menembak mati tiga warga di Kabupaten Puncak, Papua Tengah, untuk membalas "
           "serangan pekan lalu."),
])
def test_dates_sanity_a_past_clause_after_the_event_keeps_the_event(lang, text):
    assert len(_rows(text, lang, dt.date(2023, 6, 10))) == 1


@pytest.mark.parametrize("lang, text", [
    ("en", "Earlier this year, gunmen killed three herders in Garissa County, Kenya."),
    ("id", "Sebelumnya, kelompok bersenjata menembak mati tiga warga di Kabupaten Puncak, Papua Tengah."),
])
def test_dates_sanity_a_past_word_before_the_event_is_history(lang, text):
    assert _rows(text, lang, dt.date(2023, 6, 10)) == []
