"""Rows carry the datasets' spelling of a province where GeoNames writes another form, and a
name is found with or without the hyphens between its words."""
import pytest

from events.geo import admin1_names, gazetteer
from events.extract.places import geocode


def _choice(text: str):
    found = geocode(text, "en")
    return found[0].place if found else None


@pytest.mark.parametrize("text, country, admin1", [
    ("Government shelling hit villages in Idlib province on Tuesday.", "Syria", "Idleb"),
    ("Two soldiers were killed by a roadside bomb in Khowst province.", "Afghanistan", "Khost"),
    ("Rebels attacked a camp in North Kivu overnight.", "Democratic Republic of Congo", "Nord-Kivu"),
    # names not in the table keep the gazetteer's spelling
    ("A car bomb went off in Baghdad on Sunday.", "Iraq", "Baghdad"),
    ("Clashes erupted in Nineveh province.", "Iraq", "Nineveh"),
])
def test_geo_admin1_written_spelling(text, country, admin1):
    place = _choice(text)
    assert place is not None and place.country == country and place.admin1 == admin1


def test_geo_admin1_written_table_names_real_divisions():
    """Every left-hand name is an admin1 the gazetteer has: a stale entry would silently do nothing."""
    gaz = gazetteer()
    for (cc, name), written in admin1_names().items():
        assert gaz.admin1_entry(cc, name) is not None, (cc, name)
        assert written and written != name


@pytest.mark.parametrize("text, admin1", [
    ("A police officer shot dead a trader in Elgeyo-Marakwet on Friday.", "Elgeyo-Marakwet"),
    ("Raiders stole cattle in Elgeyo Marakwet county.", "Elgeyo-Marakwet"),
])
def test_geo_admin1_written_hyphen_or_space(text, admin1):
    place = _choice(text)
    assert place is not None and place.country == "Kenya" and place.admin1 == admin1


@pytest.mark.parametrize("text", [
    "Pro-government fighters held their positions.",
    "Anti-riot police dispersed the crowd.",
])
def test_geo_admin1_written_hyphen_no_false_name(text):
    """A hyphened word of the text is no name read with a space ("pro government")."""
    assert not any("-" in m.text for m in geocode(text, "en"))
