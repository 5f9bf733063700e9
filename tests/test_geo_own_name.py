"""A name read as a place's own name (or a spelling of it) weighs more than the same name read as
another name a larger place has: "Islamabad" is Pakistan's capital, not Chattogram, once called so;
"Odessa" is Odesa, not a town in Texas; "Legazpi" is the Philippine city, not a Madrid quarter."""
import pytest

from events.extract.places import geocode


@pytest.mark.parametrize("text, language, country, location", [
    ("A bomb exploded at a crowded market in Islamabad on Monday, wounding four people.", "en",
     "Pakistan", "Islamabad"),
    ("Sebuah bom meledak di pasar di Islamabad pada Senin, melukai empat orang.", "id", "Pakistan", "Islamabad"),
    ("Activists blocked a road near Odessa on Saturday in protest against a rally.", "en", "Ukraine", "Odesa"),
    ("Former rebels held a rally in Legazpi on Friday.", "en", "Philippines", "Legaspi"),
])
def test_geo_own_name_over_another_name_of_a_larger_place(text, language, country, location):
    places = [m.place for m in geocode(text, language) if m.place.feature != "country"]
    assert [(p.country, p.location) for p in places] == [(country, location)]
