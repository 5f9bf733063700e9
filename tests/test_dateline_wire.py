"""Stage `dateline`: wire datelines with a date, in both languages, upper and mixed case; the
publication date they give, what was assumed to read it, and relative dates resolved against it."""
import datetime as dt

import pytest

from events import pipeline
from events.article import Article
from events.extract import dateline, dates, language, sentences
from events.pipeline import Doc


def _dateline(text, lang=None, published=None, given=None):
    doc = Doc(Article(text=text, language=lang, published=published),
              options=pipeline.Options(published=given))
    language.run(doc)
    sentences.run(doc)
    dateline.run(doc)
    return doc, doc.findings["dateline"]


@pytest.mark.parametrize("lang, text, place, outlet, published", [
    ("en", "SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] GUERRILLAS ATTACKED A POST.", "SAN SALVADOR", None, "1990-01-03"),
    ("en", "   LIMA, 29 MAR 89 (EFE) -- [TEXT] POLICE SAID TODAY.", "LIMA", "EFE", "1989-03-29"),
    ("en", "BOGOTA, 12 Feb 2003 (AFP) -- A bomb went off.", "BOGOTA", "AFP", "2003-02-12"),
    ("en", "NAIROBI, March 4th, 2019 (Reuters) - Police fired tear gas.", "NAIROBI", "Reuters", "2019-03-04"),
    ("en", "NEW DELHI, Apr 3, 2024: Two people were killed in a clash.", "NEW DELHI", None, "2024-04-03"),
    ("en", "NO CITY (EL SALVADOR), 5 FEB 89 (FBIS) -- [EDITORIAL REPORT] RADIO REBELDE SAID.", "NO CITY", "FBIS", "1989-02-05"),
    ("id", "JAKARTA, 3 Desember 2023 (ANTARA) - Polisi menangkap dua orang.", "JAKARTA", "ANTARA", "2023-12-03"),
    ("id", "MAKASSAR, 17 AGT 2022 - POLISI MEMBUBARKAN MASSA.", "MAKASSAR", None, "2022-08-17"),
    ("id", "Ambon, 5 Okt 21 (Antara) - Bentrok antarwarga terjadi.", "Ambon", "Antara", "2021-10-05"),
])
def test_dateline_wire_dates_give_the_publication_date(lang, text, place, outlet, published):
    _, found = _dateline(text, lang)
    assert (found.place, found.outlet) == (place, outlet)
    assert (found.published.isoformat(), found.published_from) == (published, "dateline")
    assert "dateline" in found.assumed
    assert text[found.date_start:found.date_end] in found.assumed       # the evidence quotes it


def test_dateline_wire_two_digit_year_is_said_in_the_evidence():
    _, found = _dateline("SANTIAGO, 5 JAN 90 -- [TEXT] A BOMB EXPLODED.", "en")
    assert "two-digit year 90 read as 1990" in found.assumed


@pytest.mark.parametrize("lang, text", [
    ("en", "KABUL, Apr 3 (Reuters) - A car bomb exploded in Kandahar, killing five soldiers."),
    ("en", "MOGADISHU, MAY 14 (AP) - GUNMEN ATTACKED A HOTEL."),
    ("id", "Jayapura, 14 Mei (ANTARA) - Kelompok bersenjata menembak seorang warga."),
])
def test_dateline_wire_without_a_year_invents_none(lang, text):
    _, found = _dateline(text, lang)
    assert found.published is None and found.published_from == "none"
    assert "gives no year" in found.assumed


def test_dateline_wire_year_from_a_full_date_in_the_text():
    text = "KABUL, Apr 3 (Reuters) - The attack on March 30, 2024 killed nine people."
    _, found = _dateline(text, "en")
    assert found.published == dt.date(2024, 4, 3) and "2024-03-30" in found.assumed


def test_dateline_wire_year_from_the_option():
    text = "Jayapura, 14 Mei (ANTARA) - Kelompok bersenjata menembak seorang warga kemarin."
    _, found = _dateline(text, "id", given=dt.date(2024, 5, 15))
    assert found.published == dt.date(2024, 5, 14) and "--published" in found.assumed


@pytest.mark.parametrize("lang, text, published, source", [
    ("en", "Gunmen attacked a police post in Kandahar yesterday.", "2024-02-02", "option"),
    ("id", "Polisi menangkap dua orang di Poso kemarin.", "2024-02-02", "option"),
    # the text's own date wins over a date given for the whole folder
    ("en", "LIMA, 29 MAR 89 -- [TEXT] A BOMB EXPLODED YESTERDAY.", "1989-03-29", "dateline"),
])
def test_dateline_option_is_the_last_resort(lang, text, published, source):
    _, found = _dateline(text, lang, given=dt.date(2024, 2, 2))
    assert (found.published.isoformat(), found.published_from) == (published, source)


def test_dateline_metadata_wins_over_the_dateline_date():
    _, found = _dateline("LIMA, 29 MAR 89 -- [TEXT] A BOMB EXPLODED.", "en", published=dt.date(1989, 3, 30))
    assert (found.published, found.published_from) == (dt.date(1989, 3, 30), "metadata")


@pytest.mark.parametrize("lang, text, phrase, expected", [
    ("en", "SAN SALVADOR, 3 JAN 90 -- [TEXT] GUERRILLAS ATTACKED A POST TODAY.", "TODAY", "1990-01-03"),
    ("en", "SAN SALVADOR, 3 JAN 90 -- [TEXT] A BOMB EXPLODED 2 DAYS AGO.", "2 DAYS AGO", "1990-01-01"),
    ("en", "LIMA, 29 MAR 89 -- [TEXT] TERRORISTS KILLED TWO POLICEMEN YESTERDAY.", "YESTERDAY", "1989-03-28"),
    ("en", "BOGOTA, 30 DEC 89 -- THE MASSACRE TOOK PLACE ON 28 DECEMBER.", "28 DECEMBER", "1989-12-28"),
    ("en", "BOGOTA, 2 JAN 90 -- THE MASSACRE TOOK PLACE ON 28 DECEMBER.", "28 DECEMBER", "1989-12-28"),
    ("id", "AMBON, 5 OKT 21 - DUA RUMAH DIBAKAR KEMARIN.", "KEMARIN", "2021-10-04"),
    ("id", "Ambon, 6 Okt 2021 (Antara) - Bentrok pecah Senin lalu.", "Senin lalu", "2021-10-04"),
])
def test_dateline_relative_words_resolve_against_the_dateline(lang, text, phrase, expected):
    doc, _ = _dateline(text, lang)
    dates.run(doc)
    found = [d for d in doc.findings["dates"] if d.text == phrase]
    assert found and found[0].date.isoformat() == expected


@pytest.mark.parametrize("text", [
    "Serangan terjadi di Poso, 3 orang tewas - kata polisi.",
    "In Kabul, 3 people died - officials said.",
    "BAGHDAD, IRAQ -- A bomb exploded.",
])
def test_dateline_wire_no_date_is_read_from_a_non_date(text):
    _, found = _dateline(text)
    assert found.published is None


@pytest.mark.parametrize("text, place, outlet", [
    ("NAIROBI, Kenya (AP) — Police fired tear gas at protesters.", "NAIROBI", "AP"),
    ("MOGADISHU (AP) — A car bomb exploded near a hotel.", "MOGADISHU", "AP"),
    ("Jakarta, CNN Indonesia -- Polisi menangkap dua orang.", "Jakarta", "CNN Indonesia"),
    ("Liputan6.com, Jakarta - Densus 88 menangkap terduga teroris.", "Jakarta", "Liputan6.com"),
    ("   JAKARTA, KOMPAS.com - Polisi menyelidiki ledakan.", "JAKARTA", "KOMPAS.com"),
])
def test_dateline_wire_undated_shapes_keep_outlet_and_place(text, place, outlet):
    _, found = _dateline(text)
    assert (found.place, found.outlet, found.published) == (place, outlet, None)
    assert text[found.start:found.end].startswith(place if text.lstrip().startswith(place) else outlet)
