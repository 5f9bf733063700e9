"""Transliterations with an apostrophe inside a word ("Lang'ata", "Ma'rib", "Ts'khinvali") are
found as most news writes them, without it; an apostrophe-free spelling that is an ordinary
word ("Ma'in" -> "main", "Ba'dan" -> "badan") is not searched."""
import pytest

from events.extract.places import geocode
from events.geo import build, gazetteer


@pytest.mark.parametrize("written, name, cc", [
    ("Langata", "Lang'ata", "KE"),
    ("Tskhinvali", "Ts'khinvali", "GE"),
    ("Ndjamena", None, "TD"),
])
def test_geo_apostrophe_free_spelling_is_found(written, name, cc):
    found = gazetteer().lookup(written)
    assert any(e.cc == cc and (name is None or e.name == name) for e in found)


@pytest.mark.parametrize("word", ["Main", "Badan", "Sang"])
def test_geo_apostrophe_free_ordinary_word_is_no_name(word):
    assert not gazetteer().lookup(word)


def test_geo_search_keys_drop_inner_apostrophe_of_the_main_name_only():
    keys = build._search_keys(["Lang'ata", "N'or"], "Lang'ata")
    assert "langata" in keys and "nor" not in keys and "lang'ata" not in keys
    assert "o'brien" in build._search_keys(["O'Brien"], "Other")


@pytest.mark.parametrize("text, language, cc, admin1", [
    ("Police fired tear gas at traders protesting in Langata, Nairobi, on Monday.", "en", "Kenya", "Nairobi"),
    ("Serangan udara menghantam kota Marib di Yaman pada Selasa, menewaskan tiga warga.", "id", "Yemen", None),
])
def test_geo_apostrophe_free_spelling_in_a_sentence(text, language, cc, admin1):
    places = [m.place for m in geocode(text, language) if m.place.feature != "country"]
    assert places and places[0].country == cc
    assert admin1 is None or places[0].admin1 == admin1
