"""Where an event happened when the name comes with a unit word, a lake, a currency, an
article joined by a hyphen, or stands alone after "in": kinds of place misses seen on
human-coded notes (Kenyan units, Syrian governorates), in sentences of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.extract.places import geocode
from events.pipeline import extract


def _readings(text: str, language: str | None = None) -> dict[str, tuple]:
    """Each name as written (its first mention) -> (location, feature, admin1, country, precision, why)."""
    out: dict[str, tuple] = {}
    for m in geocode(text, language):
        out.setdefault(m.text, (m.place.location, m.place.feature, m.place.admin1, m.place.country,
                                m.place.geo_precision, m.why))
    return out


def _rows(text: str, language: str, published: str) -> list[dict]:
    return extract(Article(text=text, language=language, published=dt.date.fromisoformat(published)))


# --- a unit word after the name: the name is that unit's, not part of a longer name ----------

@pytest.mark.parametrize("text, name, admin1", [
    ("Youths armed with arrows stormed a police post in Muhoroni Sub County on Tuesday.", "Muhoroni", "Kisumu"),
    ("Herders were attacked at North Horr Location, Chalbi District, before dawn.", "North Horr", "Marsabit"),
    ("Two traders were robbed in Molo Sub-County on Friday.", "Molo", "Nakuru"),
    ("Police dispersed a crowd in Kapenguria Division on Monday.", "Kapenguria", "West Pokot"),
])
def test_places_name_before_a_unit_word_is_a_place(text, name, admin1):
    found = _readings(text, "en")
    assert name in found, found
    assert found[name][1] == "city" and found[name][2] == admin1 and found[name][3] == "Kenya"


def test_places_unit_words_give_no_place_of_their_own():
    found = _readings("Raiders struck a village in Sub County offices on Monday.", "en")
    assert "Sub County" not in found and "County" not in found


# --- a lake named by the town on its shore -----------------------------------------------------

@pytest.mark.parametrize("text, language, name, location", [
    ("Farmers and herders fought over pasture around Lake Naivasha on Sunday.", "en", "Naivasha", "Naivasha"),
    ("Ratusan nelayan bentrok dengan petugas di Danau Poso pada Senin.", "id", "Poso", "Poso"),
    ("Warga berunjuk rasa di tepi Danau Sentani menolak tambang pasir.", "id", "Sentani", "Sentani"),
])
def test_places_lake_is_near_its_town(text, language, name, location):
    found = _readings(text, language)
    assert name in found, found
    assert found[name][0] == location and found[name][4] == 2     # near the town, not in it


def test_places_lake_with_many_namesakes_is_no_town():
    # Victoria is a name in many countries (and Hong Kong's): the lake tells no town
    assert _readings("Fishermen clashed with a patrol boat on Lake Victoria on Monday.", "en") == {}


def test_places_lake_word_without_a_lake_changes_nothing():
    found = _readings("Police fired tear gas at protesters in Naivasha on Sunday.", "en")
    assert found["Naivasha"][4] == 1


# --- a country's name naming a currency is no place -------------------------------------------

@pytest.mark.parametrize("text, language, absent, present", [
    ("Rioters angry at the soaring US dollar exchange rate blocked roads in Beirut.", "en", "US", "Beirut"),
    ("Traders protested after the U.S. dollar rose again, marching through Mombasa.", "en", "U.S.", "Mombasa"),
    ("Importers paid in Hong Kong dollars, then staged a sit-in at the port of Chittagong.", "en",
     "Hong Kong", "Chittagong"),
    ("Mahasiswa berunjuk rasa menolak kenaikan dolar AS di Makassar, Sulawesi Selatan.", "id", "AS", "Makassar"),
    ("Pedagang memprotes harga dolar Amerika Serikat di Medan.", "id", "Amerika Serikat", "Medan"),
])
def test_places_currency_country_is_no_place(text, language, absent, present):
    found = _readings(text, language)
    assert absent not in found and present in found


@pytest.mark.parametrize("text, language, name", [
    ("Protesters gathered outside the US embassy in Nairobi on Monday.", "en", "US"),
    ("Dua warga AS ditangkap polisi di Bali.", "id", "AS"),
])
def test_places_country_without_currency_is_still_read(text, language, name):
    assert name in _readings(text, language)


# --- an Arabic article joined by a hyphen --------------------------------------------------------

@pytest.mark.parametrize("text, name, admin1", [
    ("Unidentified gunmen shot a checkpoint guard in Ar-Raqqa city on Friday.", "Ar-Raqqa", "Ar-Raqqa"),
    ("Shells fell on a village in al-Hasakeh countryside overnight.", "al-Hasakeh", "Al-Hasakeh"),
    ("Gunmen ambushed a bus near El-Wak on Monday.", "El-Wak", "Mandera"),
])
def test_places_hyphened_article_is_part_of_the_name(text, name, admin1):
    found = _readings(text, "en")
    assert name in found, found
    assert found[name][2] == admin1


def test_places_hyphened_article_before_a_group_is_no_place():
    # al-Shabab is a group; Shabab is also a small Iranian village
    assert _readings("Al-Shabab fighters torched two lorries on Monday.", "en") == {}


# --- a unit that no country is ----------------------------------------------------------------

def test_places_region_word_makes_a_people_name_the_region():
    found = _readings("Police shot a man dead in Gode, Shabelle Zone (Somali region).", "en")
    assert found["Somali"][1:4] == ("admin1", "Somali", "Ethiopia")


# --- a short name after "in": support enough when nothing contradicts it -----------------------

def test_places_short_name_after_preposition_gives_a_row():
    rows = _rows("Hospital staff staged a sit-in over unpaid wages in Voi on Monday.",
                 "en", "2019-11-13")
    assert [(r["location"], r["country"]) for r in rows] == [("Voi", "Kenya")]


@pytest.mark.parametrize("text, language", [
    ("Clinic workers walked out in Voi on Monday.", "en"),
    ("Warga berunjuk rasa di Poso pada Senin.", "id"),
])
def test_places_lone_reading_after_preposition_is_noted(text, language):
    whys = [m.why for m in geocode(text, language)]
    assert any("its only country, after a preposition" in why for why in whys)


@pytest.mark.parametrize("text", [
    "CLINIC WORKERS WALKED OUT IN VOI ON MONDAY.",       # capitals: any word may follow IN
    "Hundreds of Voi residents marched on Monday.",              # no preposition
    "Police said the protest in Tripoli turned violent.",       # several countries have a Tripoli
    "A reporter from South Sudan was killed in Kaya.",          # the article names another country
])
def test_places_lone_reading_needs_mixed_case_a_preposition_and_one_country(text):
    assert not any("its only country" in m.why for m in geocode(text))


# --- the Philippine press's short forms of provinces ---------------------------------------------

@pytest.mark.parametrize("text, name, province", [
    ("Two rebels slain in CamSur encounter", "CamSur", "Camarines Sur"),
    ("Soldiers repel attack on patrol base in SoCot", "SoCot", "South Cotabato"),
    ("Militiaman shot dead in NegOr village", "NegOr", "Negros Oriental"),
    ("Troops clash with gunmen in Zambo Sibugay", "Zambo Sibugay", "Zamboanga Sibugay"),
    ("Farmer killed by armed men in S. Kudarat town", "S. Kudarat", "Sultan Kudarat"),
])
def test_places_philippine_short_forms_are_provinces(text, name, province):
    found = _readings(text, "en")
    assert name in found, found
    assert found[name][0] == province and found[name][3] == "Philippines"


@pytest.mark.parametrize("text, name, province, country", [
    ("Gunmen fired on a polio team in Bannu (KPK) on Tuesday.", "KPK", "Khyber Pakhtunkhwa", "Pakistan"),
    ("Shelling damaged homes in Kotli district, AJK, overnight.", "AJK", "Azad Kashmir", "Pakistan"),
    ("Militants attacked a police camp in Pulwama, J&K, on Sunday.", "J&K", "Jammu and Kashmir", "India"),
    # a province's former name
    ("A roadside bomb hit a convoy near Bannu in the North West Frontier Province.", "North West Frontier Province",
     "Khyber Pakhtunkhwa", "Pakistan"),
])
def test_places_south_asian_short_forms_are_provinces(text, name, province, country):
    found = _readings(text, "en")
    assert name in found, found
    assert found[name][0] == province and found[name][3] == country


def test_places_short_form_inside_a_word_is_nothing():
    assert "Zambo" not in _readings("Residents of Zambonini street protested on Monday.", "en")


# --- a weekday, a byline or an acronym after "in X" ends the name X -----------------------------

@pytest.mark.parametrize("text, language, name", [
    ("Rebels ambush army truck in Bukidnon Wednesday afternoon", "en", "Bukidnon"),
    ("Police officer shot in Sorsogon By Maria Santos", "en", "Sorsogon"),
    ("Two soldiers hurt in Basilan IED blast", "en", "Basilan"),
    ("Seorang prajurit tewas ditembak di Nduga Kamis pagi", "id", "Nduga"),
])
def test_places_word_that_ends_a_name_after_in(text, language, name):
    assert name in _readings(text, language)


@pytest.mark.parametrize("text, name", [
    ("Supporters rallied for the Sorsogon Provincial Board candidates.", "Sorsogon"),   # no "in"
    ("The Davao Wednesday Club held its meeting on a quiet evening.", "Davao"),           # no "in" either
])
def test_places_name_before_a_capital_without_in_stays_part_of_a_name(text, name):
    found = _readings(text, "en")
    assert name not in found or "modifier" in found[name][5]      # at most a weak mention


# --- a people's name joined to another before a people word --------------------------------------

@pytest.mark.parametrize("text, people, place", [
    ("Members of the Kikuyu and Maasai communities fought over grazing land near Naivasha.", "Kikuyu", "Naivasha"),
    ("Youths of the Kikuyu & Luo tribes clashed in Nakuru on Sunday.", "Kikuyu", "Nakuru"),
])
def test_places_first_of_two_peoples_is_a_people(text, people, place):
    found = _readings(text, "en")
    assert "modifier" in found[people][5]            # kept only as a last resort
    rows = _rows(text, "en", "2008-01-20")
    assert rows and all(r["location"] == place for r in rows)


def test_places_two_towns_joined_are_still_towns():
    found = _readings("Traders from Nakuru and Naivasha marched on Monday.", "en")
    assert "modifier" not in found["Nakuru"][5] and "modifier" not in found["Naivasha"][5]


# --- a frequent word inside a longer proper name is no place --------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Squatters living inside Eburu Forest protested against evictions.", "Forest"),
    ("Rioters blocked the junction at the Kamukunji Bar on Friday.", "Bar"),
    ("Relatives of Virginia Wanjiru marched to the police station in Nyeri.", "Virginia"),
])
def test_places_frequent_word_inside_a_name_is_no_place(text, word):
    assert word not in _readings(text, "en")


def test_places_frequent_word_alone_after_in_is_still_read():
    # a country's name stays a place even when it is a frequent word ("Turkey")
    assert _readings("Protesters marched through the capital of Chad on Monday.", "en")["Chad"][1] == "country"


def test_places_market_named_by_a_town_far_away_is_a_quarter():
    # "Al-Hay" is a town in Wasit; a market of that name in a Baghdad district is part of Baghdad
    found = _readings("A bomb went off near the Al-Hay market in the Karrada district of Baghdad.", "en")
    assert "Al-Hay" not in found or found["Al-Hay"][2] == "Baghdad"
    assert found["Baghdad"][3] == "Iraq"


# --- "Town - Quarter": the quarter is part of the town ------------------------------------------

@pytest.mark.parametrize("text, language, town, quarter", [
    ("Party workers held a rally in Dhaka - Rampura on Sunday against the strike.", "en", "Dhaka", "Rampura"),
    ("Jobless graduates marched through Dhaka - New Market demanding posts.", "en", "Dhaka", "New Market"),
    ("Mahasiswa berunjuk rasa di Jakarta - Salemba menuntut subsidi.", "id", "Jakarta", "Salemba"),
])
def test_places_quarter_after_a_dash_is_no_namesake_abroad(text, language, town, quarter):
    found = _readings(text, language)
    assert found[town][3] in ("Bangladesh", "Indonesia")
    assert quarter not in found or found[quarter][3] == found[town][3]


def test_places_two_towns_naming_a_road_are_both_kept():
    found = _readings("Lorry drivers blocked the Dhaka - Mymensingh highway for hours.", "en")
    assert found["Mymensingh"][0] == "Mymensingh"


# --- Kenyan names GeoNames lacks; ordinary words that are also tiny places ----------------------

@pytest.mark.parametrize("text, name", [
    ("Herders clashed with rangers inside the Masai Mara game reserve.", "Masai Mara"),
    ("Two clans fought with arrows at a border point in Trans Mara on Sunday.", "Trans Mara"),
])
def test_places_kenyan_areas_missing_from_geonames(text, name):
    found = _readings(text, "en")
    assert found[name][2:4] == ("Narok", "Kenya")


@pytest.mark.parametrize("text, word", [
    ("Youths stoned Jubilee aspirants on Tuesday.", "Jubilee"),
    ("Boda boda riders blocked a road for two hours.", "Boda"),
    ("Red Cross volunteers treated the injured.", "Red Cross"),
])
def test_places_ordinary_words_are_no_tiny_towns(text, word):
    assert word not in _readings(text, "en")
