"""Stage `language`: metadata first, then the shipped model, upper case and unknowns included."""
import pytest

from events.article import Article
from events.extract import language
from events.pipeline import Doc


@pytest.mark.parametrize("text, expected", [
    ("Kedutaan Besar Amerika Serikat di Bagdad diserang dengan dua rentetan roket pada Jumat pagi.", "id"),
    ("Tiga orang tewas dan dua lainnya luka-luka dalam carok di Sampang.", "id"),
    ("DUA ANGGOTA BRIMOB TERLUKA SAAT KONTAK TEMBAK DENGAN KELOMPOK SEPARATIS BERSENJATA", "id"),
    ("Nine people have been killed and another 24 wounded after a bomb attack on a minibus.", "en"),
    ("SUICIDE BOMBER KILLS SIXTEEN IN AFGHANISTAN", "en"),
    ("No one was hurt in the blast, police said.", "en"),
    ("Deux soldats ont été tués dans une embuscade près de Gao, selon l'armée malienne.", "fr"),
    ("Al menos tres personas murieron en un ataque armado en Michoacán.", "es"),
])
def test_language_detects_text(text, expected):
    doc = Doc(Article(text=text))
    language.run(doc)
    assert doc.language == expected


@pytest.mark.parametrize("given, expected", [("id", "id"), ("EN", "en"), ("id-ID", "id"),
                                             ("ind", "id"), ("fr", "fr")])
def test_language_metadata_wins(given, expected):
    doc = Doc(Article(text="Nine people have been killed in Baghdad.", language=given))
    language.run(doc)
    assert doc.language == expected


@pytest.mark.parametrize("text", ["", "12/08/2023 - 2.500", "  \n "])
def test_language_no_letters_is_undetermined(text):
    doc = Doc(Article(text=text))
    language.run(doc)
    assert doc.language == language.UNKNOWN


def test_language_unsupported_language_still_gets_a_code():
    doc = Doc(Article(text="Drei Menschen wurden bei einem Anschlag in Berlin getötet, teilte die Polizei mit."))
    language.run(doc)
    assert doc.language == "de"
