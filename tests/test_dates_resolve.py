"""Stage `dates`: expressions in both languages resolved against a fixed publication date."""
import datetime as dt

import pytest

from events.article import Article
from events.extract import dateline, dates, sentences
from events.findings import Dateline
from events.pipeline import Doc

PUB = dt.date(2023, 12, 8)          # a Friday


def _one(text, lang, published=PUB):
    found = dates.find(text, lang, published)
    assert len(found) == 1, found
    f = found[0]
    return text[f.start:f.end], f.date.isoformat(), f.precision, f.historical


@pytest.mark.parametrize("lang, text, span, date, precision", [
    ("id", "Kedutaan diserang dengan roket pada Jumat pagi waktu setempat.", "Jumat pagi waktu setempat", "2023-12-08", 1),
    ("id", "Serangan terjadi kemarin di Bagdad.", "kemarin", "2023-12-07", 1),
    ("id", "Bom meledak Senin lalu di pasar.", "Senin lalu", "2023-12-04", 1),
    ("id", "Polisi datang pada Minggu dini hari.", "Minggu dini hari", "2023-12-03", 1),
    ("id", "Bentrokan terjadi tadi malam.", "tadi malam", "2023-12-07", 1),
    ("id", "Penembakan terjadi pada 24 Mei.", "24 Mei", "2023-05-24", 1),
    ("id", "Penembakan terjadi pada 3 Desember 2023.", "3 Desember 2023", "2023-12-03", 1),
    ("id", "Serangan terjadi pekan lalu.", "pekan lalu", "2023-12-01", 2),
    ("id", "Serangan terjadi bulan lalu.", "bulan lalu", "2023-11-15", 3),
    ("id", "Emir itu tewas pada Juli lalu.", "pada Juli lalu", "2023-07-15", 3),
    ("id", "Serangan terjadi dua pekan lalu.", "dua pekan lalu", "2023-11-24", 2),
    ("en", "The bombing happened 10 days ago.", "10 days ago", "2023-11-28", 1),
    ("en", "Fighting resumed just days ago.", "just days ago", "2023-12-05", 2),
    ("en", "Rebels took the town in May.", "in May", "2023-05-15", 3),
    ("id", "Kerusuhan pada Rabu ( 6 / 12 ) menewaskan 90 orang.", "Rabu ( 6 / 12 )", "2023-12-06", 1),
    ("id", "Dikutip Reuters, Jumat (8/12/2023).", "Jumat (8/12/2023)", "2023-12-08", 1),
    ("id", "Bom meledak pada 03-12-2023 di Poso.", "03-12-2023", "2023-12-03", 1),
    ("en", "12/03/2023: Assailants attacked a checkpoint.", "12/03/2023", "2023-12-03", 1),
    ("id", "Ledakan terjadi 3 hari lalu.", "3 hari lalu", "2023-12-05", 1),
    ("id", "SERANGAN TERJADI PADA SABTU MALAM.", "SABTU MALAM", "2023-12-02", 1),
    ("en", "Gunmen attacked the base on Friday.", "Friday", "2023-12-08", 1),
    ("en", "The bomb exploded yesterday.", "yesterday", "2023-12-07", 1),
    ("en", "Two people were killed last week.", "last week", "2023-12-01", 2),
    ("en", "Clashes broke out earlier this month.", "earlier this month", "2023-12-08", 3),
    ("en", "The car bomb went off on Saturday night.", "Saturday night", "2023-12-02", 1),
    ("en", "An explosion ripped through a theatre this morning.", "this morning", "2023-12-08", 1),
    ("en", "Militants struck last Monday.", "last Monday", "2023-12-04", 1),
    ("en", "Friday, December 8, 2023", "Friday, December 8, 2023", "2023-12-08", 1),
    ("en", "The attack on Dec. 3 killed two.", "Dec. 3", "2023-12-03", 1),
    ("en", "THE BLAST HIT ON THURSDAY EVENING.", "THURSDAY EVENING", "2023-12-07", 1),
])
def test_dates_resolve(lang, text, span, date, precision):
    assert _one(text, lang)[:3] == (span, date, precision)


@pytest.mark.parametrize("lang, text, span", [
    ("id", "ISIS pada tahun 2014 menguasai sebagian besar negara tersebut.", "pada tahun 2014"),
    ("id", "Kelompok itu berdiri sejak 2004.", "sejak 2004"),
    ("id", "Ledakan serupa terjadi pada 24 Mei.", "24 Mei"),          # May: > 30 days before
    ("en", "The group was founded in 2004.", "in 2004"),
    ("en", "A similar attack took place on March 3.", "March 3"),
])
def test_dates_historical(lang, text, span):
    found_span, _, _, historical = _one(text, lang)
    assert found_span == span and historical


@pytest.mark.parametrize("lang, text", [
    ("id", "Ledakan terdengar sekitar pukul 4 pagi."),
    ("id", "Amerika Serikat memiliki sekitar 2.500 tentara di negara tersebut."),
    ("id", "Pelaku berusia 25 tahun dan membawa uang Rp 2.000."),
    ("id", "Operasi itu berlangsung selama dua minggu."),             # "minggu" = week, lower case
    ("en", "Police may search the area; three quarters of 3/4 said so."),
    ("en", "A 25-year-old man was arrested at 4.30 pm."),
])
def test_dates_not_dates(lang, text):
    assert dates.find(text, lang, PUB) == []


def test_dates_weekday_on_publication_day_is_that_day_not_a_week_earlier():
    assert _one("Serangan terjadi pada Jumat.", "id")[1] == "2023-12-08"
    assert _one("Serangan terjadi Jumat lalu.", "id")[1] == "2023-12-01"


def test_dates_weekday_decides_day_month_order():
    # 6 March 2017 is a Monday; 3 June 2017 a Saturday: the weekday wins over "dmy"
    found = dates.find("pada hari Sabtu ( 6 / 3 ) saat bom meletus", "id", dt.date(2017, 6, 3))
    assert found[0].date == dt.date(2017, 6, 3)


def test_dates_relative_need_publication_date():
    assert dates.find("Bom meledak kemarin, Jumat pagi.", "id", None) == []
    assert [f.date for f in dates.find("pada 8 Desember 2023", "id", None)] == [dt.date(2023, 12, 8)]


def test_dates_run_sets_mentions_with_sentences_and_publication_kind():
    text = ("ERA.id - Kedutaan diserang pada Jumat pagi. Serangan tidak menimbulkan korban jiwa.\n"
            "Kata juru bicara, dikutip Reuters, Jumat (8/12/2023). ISIS pada tahun 2014 menguasai Irak.")
    doc = Doc(Article(text=text), language="id")
    sentences.run(doc)
    dateline.run(doc)
    dates.run(doc)
    got = [(m.text, m.sentence, m.kind, m.date.isoformat(), m.historical) for m in doc.findings["dates"]]
    assert got == [("Jumat pagi", 0, "weekday", "2023-12-08", False),
                   ("Jumat (8/12/2023)", 2, "publication", "2023-12-08", False),
                   ("pada tahun 2014", 3, "year", "2014-01-01", True)]
    for m in doc.findings["dates"]:
        assert text[m.start:m.end] == m.text


def test_dates_unsupported_language_finds_nothing():
    doc = Doc(Article(text="Am Freitag explodierte eine Bombe."), language="de")
    doc.findings["dateline"] = Dateline(published=PUB, published_from="metadata")
    dates.run(doc)
    assert doc.findings["dates"] == []


def test_dates_weekday_wins_when_neither_order_fits():
    # 5/3 is neither a Friday in March nor in May 2017: the weekday (2 June) is what the writer meant
    found = dates.find("turun ke jalan pada hari Jumat ( 5 / 3 ) untuk menuntut", "id", dt.date(2017, 6, 3))
    assert (found[0].date, found[0].kind) == (dt.date(2017, 6, 2), "weekday")


@pytest.mark.parametrize("text", ["kata Kepala Bagian Penerangan Umum, Kamis ( 25 / 5 ) .",
                                  "ujar Kapolri di Jakarta, Kamis (25/5)."])
def test_dates_report_day_in_brackets_is_publication(text):
    found = dates.find(text, "id", dt.date(2017, 5, 25))
    assert (found[0].date, found[0].kind) == (dt.date(2017, 5, 25), "publication")


@pytest.mark.parametrize("text, expected", [
    ("IA DIBERI KESEMPATAN EMPAT MINGGU UNTUK PERGI.", []),          # "minggu" = week
    ("TAPI MINGGU TRAGIS INI TELAH BERLALU.", []),
    ("SERANGAN PADA MINGGU MALAM.", [("MINGGU MALAM", "2023-12-03")]),
    ("SERANGAN MINGGU (3/12) ITU.", [("MINGGU (3/12)", "2023-12-03")]),
    ("Serangan Minggu itu menewaskan dua orang.", [("Minggu", "2023-12-03")]),
    ("SERANGAN TERJADI SABTU.", [("SABTU", "2023-12-02")]),
])
def test_dates_ambiguous_weekday_in_upper_case(text, expected):
    assert [(text[f.start:f.end], f.date.isoformat()) for f in dates.find(text, "id", PUB)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Ledakan terjadi kemarin (7/12) di Poso.", [("kemarin (7/12)", "2023-12-07", "absolute")]),
    ("Serangan terjadi Jumat (8/12) dini hari waktu setempat.",
     [("Jumat (8/12) dini hari waktu setempat", "2023-12-08", "absolute")]),
    ("Kemarin, Rabu (6/12), polisi datang.", [("Kemarin", "2023-12-07", "relative"),
                                              ("Rabu (6/12)", "2023-12-06", "absolute")]),
])
def test_dates_written_date_next_to_relative_word(text, expected):
    assert [(text[f.start:f.end], f.date.isoformat(), f.kind) for f in dates.find(text, "id", PUB)] == expected
