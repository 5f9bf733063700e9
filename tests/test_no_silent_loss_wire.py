"""No silent loss on wire copy: hard-wrapped ALL-CAPS stories (a line break is not a sentence
end), dates told before the incident, "minutes ago" incidents, any month in a
dateline with a two-digit year."""
import datetime as dt

import pytest

from events import pipeline
from events.article import Article
from events.extract import dates, sentences

WRAPPED_EN = (
    "   LIMA, 10 MAY 89 (EFE) -- [TEXT] POLICE SOURCES REPORTED TODAY THAT A GROUP OF\n"
    "TERRORISTS ATTACKED A POLICE POST IN THE TOWN OF HUANTA, AYACUCHO\n"
    "DEPARTMENT, KILLING TWO POLICEMEN AND WOUNDING THREE OTHERS.  THE SOURCES\n"
    "ADDED THAT THE ATTACKERS FLED TOWARD THE MOUNTAINS AFTER THE ATTACK.\n"
    "\n"
    "   THE INTERIOR MINISTER SAID THAT THE GOVERNMENT WILL REINFORCE SECURITY IN\n"
    "THE AREA AND THAT THE INVESTIGATION WILL CONTINUE.\n")

WRAPPED_ID = (
    "   AMBON, 5 OKT 21 (ANTARA) - POLISI MENYEBUTKAN BAHWA SEKELOMPOK ORANG TAK\n"
    "DIKENAL MENEMBAK MATI DUA WARGA DI DESA NEGERI LIMA, KABUPATEN MALUKU\n"
    "TENGAH, MALUKU, KEMARIN MALAM. PARA PELAKU MELARIKAN DIRI KE HUTAN SETELAH\n"
    "KEJADIAN ITU, KATA JURU BICARA POLISI DAERAH MALUKU KEPADA WARTAWAN.\n"
    "\n"
    "   POLISI MASIH MENYELIDIKI MOTIF PENEMBAKAN TERSEBUT DAN MEMINTA WARGA\n"
    "TETAP TENANG.\n")


@pytest.mark.parametrize("text, first_sentence_end", [
    (WRAPPED_EN, "KILLING TWO POLICEMEN AND WOUNDING THREE OTHERS."),
    (WRAPPED_ID, "KABUPATEN MALUKU\nTENGAH, MALUKU, KEMARIN MALAM."),
])
def test_no_silent_loss_wire_hard_wrapped_lines_join_into_sentences(text, first_sentence_end):
    assert sentences.hard_wrapped(text)
    found = sentences.split(text)
    assert found[0].text.endswith(first_sentence_end)
    assert all(text[s.start:s.end] == s.text for s in found)
    assert found[-1].text.startswith("THE INTERIOR") or found[-1].text.startswith("POLISI MASIH")


@pytest.mark.parametrize("text", [
    "Minibus bombing in Iraq kills nine\n\nMonday, June 8, 2009\n\nNine people died.",
    "Bom meledak di Poso\nPOSO - Dua orang tewas.\nPolisi menyelidiki.\nWarga panik.\nToko tutup.",
    "Headline one\nHeadline two\nHeadline three\nHeadline four\nHeadline five",
])
def test_no_silent_loss_wire_ordinary_lines_still_end_sentences(text):
    assert not sentences.hard_wrapped(text)


@pytest.mark.parametrize("lang, text, date", [
    ("en", WRAPPED_EN, dt.date(1989, 5, 10)),
    ("id", WRAPPED_ID, dt.date(2021, 10, 4)),
])
def test_no_silent_loss_wire_story_gives_its_row(lang, text, date):
    rows = pipeline.run_article(Article(text=text, language=lang)).rows
    assert [(r["event_date"], r["fatalities"]) for r in rows][:1] == [(date, 2)]


@pytest.mark.parametrize("lang, text, span, day", [
    ("en", "A FEW MINUTES AGO, GUNMEN SHOT A JUDGE.", "A FEW MINUTES AGO", "2023-12-08"),
    ("en", "The bomb went off 3 hours ago.", "3 hours ago", "2023-12-08"),
    ("id", "Bom meledak 3 jam lalu di pasar.", "3 jam lalu", "2023-12-08"),
    ("id", "Penembakan terjadi beberapa jam lalu.", "beberapa jam lalu", "2023-12-08"),
])
def test_no_silent_loss_wire_hours_and_minutes_ago_are_the_day_of_the_report(lang, text, span, day):
    found = dates.find(text, lang, dt.date(2023, 12, 8))
    assert [(text[f.start:f.end], f.date.isoformat(), f.precision) for f in found] == [(span, day, 1)]


@pytest.mark.parametrize("lang, text, day", [
    ("en", "The presidential spokesman spoke to reporters on Monday. The massacre took place on 12 January in "
           "the capital. Officials said gunmen wearing civilian clothes kidnapped and killed the two "
           "politicians in Guatemala City.", dt.date(1990, 1, 12)),
    ("id", "Juru bicara berbicara kepada wartawan pada Senin. Peristiwa itu terjadi pada 12 Januari di ibu kota. "
           "Menurut polisi, orang bersenjata menculik dan membunuh dua politisi di Kota Guatemala.",
     dt.date(1990, 1, 12)),
])
def test_no_silent_loss_wire_a_day_told_just_before_dates_the_event(lang, text, day):
    rows = pipeline.run_article(Article(text=text, language=lang, published=dt.date(1990, 1, 15))).rows
    assert [r["event_date"] for r in rows] == [day]
