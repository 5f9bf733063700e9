"""Stage `dateline`: outlet, city and publication date from metadata or the text."""
import datetime as dt

import pytest

from events.article import Article
from events.extract import dateline
from events.pipeline import Doc


@pytest.mark.parametrize("text, outlet, place", [
    ("ERA.id - Kedutaan Besar Amerika Serikat di Bagdad diserang.", "ERA.id", None),
    ("JAKARTA, CNN Indonesia -- Polisi menangkap dua orang.", "CNN Indonesia", "JAKARTA"),
    ("Jakarta , CNN Indonesia - - Tujuh orang tewas.", "CNN Indonesia", "Jakarta"),
    ("Jakarta (ANTARA News) - Polisi menembak mati dua terduga teroris.", "ANTARA News", "Jakarta"),
    ("Tikrit ( ANTARA News ) - Pelaku bom bunuh diri menyerang.", "ANTARA News", "Tikrit"),
    ("WASHINGTON (Reuters) - The Pentagon said on Friday.", "Reuters", "WASHINGTON"),
    ("Liputan6.com, Jakarta - Densus 88 menangkap terduga teroris.", "Liputan6.com", "Jakarta"),
    ("JAKARTA, KOMPAS.com - Polisi menyelidiki ledakan.", "KOMPAS.com", "JAKARTA"),
    ("Title\n\nFriday, November 19, 2004\n\nMOSUL, Iraq — U.S. soldiers found bodies.", None, "MOSUL"),
])
def test_dateline_reads_outlet_and_place(text, outlet, place):
    doc = Doc(Article(text=text), language="id")
    dateline.run(doc)
    found = doc.findings["dateline"]
    assert (found.outlet, found.place) == (outlet, place)
    assert (place or outlet) in text[found.start:found.end]


@pytest.mark.parametrize("text", [
    "Polisi menangkap dua orang - kata juru bicara.",
    "Kepala Polisi Iligan mengatakan, kepolisian menangkap Minhati.",
    "Nine people have been killed in Baghdad, officials say.",
])
def test_dateline_no_dateline(text):
    doc = Doc(Article(text=text), language="en")
    dateline.run(doc)
    found = doc.findings["dateline"]
    assert (found.outlet, found.place, found.published, found.published_from) == (None, None, None, "none")


@pytest.mark.parametrize("lang, text, published", [
    ("id", "ERA.id - Roket menghantam. Kata juru bicara, dikutip Reuters, Jumat (8/12/2023).", "2023-12-08"),
    ("en", "Minibus bombing in Iraq kills nine\n\nMonday, June 8, 2009\n\nNine people have been killed.", "2009-06-08"),
    ("id", "Jakarta - Dua orang tewas.\nRabu, 6 Desember 2023\nPolisi menyelidiki.", "2023-12-06"),
    ("id", "Bom meledak pada 2 Agustus 2017 (Senin lalu). Kata polisi, Selasa (12/9/2017).", "2017-09-12"),
])
def test_dateline_published_from_text(lang, text, published):
    doc = Doc(Article(text=text), language=lang)
    dateline.run(doc)
    found = doc.findings["dateline"]
    assert (found.published.isoformat(), found.published_from) == (published, "text")
    assert found.date_start is not None and found.date_end > found.date_start


def test_dateline_metadata_wins():
    text = "WASHINGTON (Reuters) - Two were killed. Friday, December 8, 2023."
    doc = Doc(Article(text=text, source="Reuters wire", published=dt.date(2023, 12, 9)), language="en")
    dateline.run(doc)
    found = doc.findings["dateline"]
    assert (found.outlet, found.place, found.published, found.published_from) == \
        ("Reuters wire", "WASHINGTON", dt.date(2023, 12, 9), "metadata")
    assert found.date_start is None          # the date in the text is not the publication date


def test_dateline_unsupported_language_keeps_metadata():
    doc = Doc(Article(text="Drei Tote bei Anschlag.", published=dt.date(2023, 1, 2)), language="de")
    dateline.run(doc)
    assert doc.findings["dateline"].published == dt.date(2023, 1, 2)
