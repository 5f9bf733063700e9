"""Where an event happened, for the kinds of miss seen on human-coded notes: roads named by two
towns, quarters of a town read as namesakes far away, a town read outside the district written
after it, nationality adjectives, unit words of South Asian and Kenyan notes, "X in Y"."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.extract.places import geocode
from events.pipeline import extract


def _readings(text: str, language: str | None = None) -> dict[str, tuple]:
    """Each name as written (its first mention) -> (location, feature, admin1, country, why)."""
    out: dict[str, tuple] = {}
    for m in geocode(text, language):
        out.setdefault(m.text, (m.place.location, m.place.feature, m.place.admin1, m.place.country, m.why))
    return out


def _rows(text: str, language: str, published: str) -> list[dict]:
    return extract(Article(text=text, language=language, published=dt.date.fromisoformat(published)))


# --- two towns joined by a dash name a road or a border: references, not the event's place --------

@pytest.mark.parametrize("text, language, names", [
    ("Traders blocked the Thika-Garissa road in Mwingi town on Monday.", "en", ("Thika", "Garissa")),
    ("Lorry drivers stopped traffic on the Dhaka - Chittagong highway for three hours.", "en", ("Dhaka", "Chittagong")),
    ("Herders fought over water at the Meru-Isiolo border on Sunday.", "en", ("Meru", "Isiolo")),
    ("Warga memblokade ruas jalan Wamena-Elelim di Kabupaten Jayawijaya.", "id", ("Wamena", "Elelim")),
])
def test_places_road_names_are_references(text, language, names):
    found = _readings(text, language)
    for name in names:
        assert name in found and "modifier" in found[name][4]


@pytest.mark.parametrize("text, language, published, location", [
    # another place in the sentence is where it happened
    ("On 3 May 2021, traders blocked the Thika-Garissa road in Mwingi town to protest new taxes.", "en",
     "2021-05-03", "Mwingi"),
    ("Pada Senin (3/5/2021) ratusan warga berunjuk rasa memblokade ruas jalan Wamena-Elelim di Kabupaten "
     "Jayawijaya menuntut perbaikan jembatan.", "id", "2021-05-04", "Jayawijaya"),
    # the road alone: one of its towns rather than no row
    ("On 3 May 2021, lorry drivers protested by blocking the Garissa-Mwingi road for six hours.", "en",
     "2021-05-03", ("Garissa", "Mwingi")),
])
def test_places_road_towns_give_way_to_the_named_place(text, language, published, location):
    rows = _rows(text, language, published)
    assert rows
    assert rows[0]["location"] in (location if isinstance(location, tuple) else (location,))


# --- a quarter of a town is not its namesake in another province -------------------------------

@pytest.mark.parametrize("text, language, quarter, kept_near", [
    ("On 9 June 2021, in Caruaru, Pernambuco, a man was shot dead by two gunmen in the Varzea community.",
     "en", "Varzea", None),
    ("Gunmen on motorcycles killed a shopkeeper in Colonia del Valle, in Villa de Alvarez, Colima.",
     "en", "Colonia del Valle", None),
    ("Opposition activists torched a bus in the Gulistan area of central Dhaka on Sunday.", "en", "Gulistan", None),
    ("Residents beat a suspected thief to death at the Dallas estate in Embu town.", "en", "Dallas", None),
    ("Dua kelompok warga bentrok di Kelurahan Karanganyar di Kota Jayapura pada Senin.", "id", "Karanganyar", None),
])
def test_places_quarter_far_from_its_town_is_no_namesake(text, language, quarter, kept_near):
    found = _readings(text, language)
    assert quarter not in found
    assert len(found) >= 1          # the town (and its province) stay


def test_places_quarter_near_its_town_keeps_its_reading():
    # a big town is nobody's quarter ("the suburban Nairobi area of ...")
    found = _readings("Hospital staff protested in the suburban Nairobi area on Friday.")
    assert found["Nairobi"][:2] == ("Nairobi", "city")


def test_places_quarter_written_with_its_town_far_away_goes():
    # "Gulistan area, Dhaka city": the address does not hold the foreign reading
    found = _readings("Rival factions fought with sticks in Gulistan area, Dhaka city, on Friday.")
    assert "Gulistan" not in found and found["Dhaka"][3] == "Bangladesh"


def test_places_area_written_as_an_address_stays():
    # "Madaripur area (Dhaka)": the bracket is its province, not a town it would be a quarter of
    found = _readings("On 19 July 2024, students clashed with police in Madaripur area (Dhaka) over quotas.")
    assert found["Madaripur"][0] == "Madaripur" and found["Madaripur"][2] == "Dhaka"


# --- "Kaliganj upazila (Gazipur, Dhaka)": the bracketed district holds the town -----------------

def test_places_town_read_outside_the_bracketed_district_gives_way():
    found = _readings("Workers marched in Kaliganj upazila (Gazipur, Dhaka) on Monday.")
    assert "Kaliganj" not in found or found["Kaliganj"][2] == "Dhaka"
    assert found["Gazipur"][0] == "Gazipur" and found["Gazipur"][2] == "Dhaka"


def test_places_town_inside_the_bracketed_province_is_kept():
    found = _readings("Gunmen killed two farmers in Kaliganj upazila (Jhenaidah, Khulna) on Monday.")
    assert found["Kaliganj"][0] == "Kaliganj" and found["Kaliganj"][2] == "Khulna"


# --- unit words of notes: Sadar, upazila, constituency -----------------------------------------

@pytest.mark.parametrize("text, name, location, feature", [
    ("Students rallied in Pabna Sadar upazila (Rajshahi) on Monday.", "Pabna", "Pabna", "admin2"),
    ("A mob burned a party office in Bogra city (Bogra Sadar, Rajshahi) on Monday.", "Bogra", "Bogra", "city"),
    ("Raiders killed four herders in Tarbaj constituency on Sunday night.", "Tarbaj", "Tarbaj", "city"),
])
def test_places_unit_words_keep_the_name(text, name, location, feature):
    found = _readings(text)
    assert found[name][0] == location and found[name][1] == feature


# --- nationality adjectives are people, not countries ------------------------------------------

@pytest.mark.parametrize("text, adjective, place", [
    ("Two Somali traders were shot dead in Garissa on Monday.", "Somali", "Garissa"),
    ("Gunmen abducted three Somali fishermen off the coast of Lamu.", "Somali", "Lamu"),
])
def test_places_nationality_adjective_is_no_place(text, adjective, place):
    found = _readings(text)
    assert adjective not in found
    assert found[place][3] == "Kenya"


def test_places_region_named_by_the_same_word_stays():
    # "Somali region" is Ethiopia's Somali, not a people
    found = _readings("Police shot a trader dead in Jijiga, in the Somali region, on Tuesday.")
    assert found["Somali"][1] == "admin1" and found["Somali"][3] == "Ethiopia"


def test_places_rows_of_an_event_told_with_a_nationality():
    rows = _rows("On 5 May 2021, bandits shot dead two Somali refugees at Kakuma camp.", "en", "2021-05-05")
    assert rows and rows[0]["country"] == "Kenya" and rows[0]["location"] == "Kakuma"


# --- "Al Bab in Aleppo", "Manna di Bengkulu": the second name is the province holding the first --

@pytest.mark.parametrize("text, language, province", [
    ("On 8 May 2021, residents in Al Bab in Aleppo protested against the closure of a crossing.", "en", "Aleppo"),
    ("Teachers marched through Slonim of the Grodno region on Sunday.", "en", "Grodno"),
    ("Bentrokan antarwarga pecah di Manna di Bengkulu pada Senin malam.", "id", "Bengkulu"),
])
def test_places_town_in_province_reads_the_province(text, language, province):
    found = _readings(text, language)
    assert found[province][1] == "admin1"


def test_places_town_in_province_is_the_event_place():
    rows = _rows("On 8 May 2021, residents in Al Bab in Aleppo protested against the closure of a crossing.",
                 "en", "2021-05-08")
    assert rows and (rows[0]["location"], rows[0]["admin1"]) == ("Al Bab", "Aleppo")


# --- "in the vicinity of X" is near X ---------------------------------------------------------

def test_places_vicinity_is_near():
    found = {m.text: m for m in geocode("Separatists shelled positions in the vicinity of Avdiivka, Donetsk.")}
    assert found["Avdiivka"].near and found["Avdiivka"].place.geo_precision == 2


# --- an institution named by a town is no namesake far from the town its sentence names ---------

@pytest.mark.parametrize("text, name, town", [
    ("Arsonists burned a lecture hall at Rice University in Houston, Texas, on Sunday.", "Rice", "Houston"),
    ("A grenade went off outside the Kabul bank in Puli Alam, Logar province, on Tuesday.", "Kabul", "Logar province"),
])
def test_places_institution_named_by_a_far_town_is_no_place(text, name, town):
    found = _readings(text)
    assert name not in found and town in found


def test_places_institution_of_its_own_town_stays():
    found = _readings("Students of Kabul University marched through Kabul on Monday.")
    assert found["Kabul"][:2] == ("Kabul", "city")


# --- a town written with a province that is a second-level division ---------------------------

@pytest.mark.parametrize("text, language, name, admin2", [
    ("Assailants threw a grenade at a police post in Esperanza town, Sultan Kudarat province, on Monday.", "en",
     "Esperanza", "Sultan Kudarat"),
    ("Sebuah granat dilempar ke pos polisi di Esperanza, Sultan Kudarat, Filipina, pada Senin.", "id",
     "Esperanza", "Sultan Kudarat"),
])
def test_places_town_with_its_district_province(text, language, name, admin2):
    found = {m.text: m.place for m in geocode(text, language)}
    assert found[name].admin2 == admin2 and found[name].country == "Philippines"


# --- "Surigao Norte": a province written without its connecting word -------------------------

@pytest.mark.parametrize("text, name, location", [
    ("Two rebels were killed in a Surigao Norte clash on Friday.", "Surigao Norte", "Surigao del Norte"),
    ("Soldiers fought gunmen in Lanao Sur on Sunday.", "Lanao Sur", "Lanao del Sur"),
])
def test_places_shortened_province_names(text, name, location):
    found = _readings(text)
    assert found[name][0] == location and found[name][3] == "Philippines"


# --- a people's name that is also a town's is the place only for want of another --------------

@pytest.mark.parametrize("text, published, location", [
    ("On 3 March 2008, Kalenjin youths attacked and killed five Kikuyu people near Burnt Forest.",
     "2008-03-03", "Burnt Forest"),
    ("On 4 April 2012, a Kisii man was hacked to death by a mob in Kericho town.", "2012-04-04", "Kericho"),
])
def test_places_people_name_gives_way(text, published, location):
    rows = _rows(text, "en", published)
    assert rows and rows[0]["location"] == location


def test_places_people_name_is_a_weak_reading():
    found = _readings("Five Kikuyu people were killed by raiders.")
    assert "modifier" in found["Kikuyu"][4]


# --- "in Quezon", "in Sarangani": the province of that name, not a town read by a short form ----

@pytest.mark.parametrize("text, name, feature, location", [
    ("Two rebels were killed in a clash in Quezon on Friday.", "Quezon", "admin2", "Quezon"),
    ("Troops overran a rebel camp in Sarangani on Monday.", "Sarangani", "admin2", "Sarangani"),
    ("A soldier was wounded in a Cotabato City ambush.", "Cotabato City", "city", "Cotabato"),
    ("Gunmen fired on a market in Gaalkacyo town on Monday.", "Gaalkacyo", "city", "Gaalkacyo"),
])
def test_places_district_of_that_name(text, name, feature, location):
    found = _readings(text)
    assert found[name][:2] == (location, feature)


# --- after "in"/"di" a name stays a place before another capitalised word (headlines) ----------

@pytest.mark.parametrize("text, language, name, location", [
    ("Two Soldiers Die In Lanao Sur Christmas Eve Ambush", "en", "Lanao Sur", "Lanao del Sur"),
    ("Rebels Ambush Army Patrol In Sorsogon By Staff Reporter", "en", "Sorsogon", "Sorsogon"),
    ("3 soldiers hurt in Lanao Sur Monday ambush", "en", "Lanao Sur", "Lanao del Sur"),
])
def test_places_name_after_preposition_before_capitals(text, language, name, location):
    found = _readings(text, language)
    assert found[name][0] == location


def test_places_division_name_starting_a_local_name_in_running_text():
    # "in Jardim Catarina neighborhood": not Jardim (a district of Ceara) in running text
    found = _readings("In Sao Goncalo, Rio de Janeiro, police traded fire with gunmen in Jardim Catarina neighborhood.")
    assert "Jardim" not in found


def test_places_alley_word_is_no_place():
    # "di Gang Mawar": an alley, not the Philippine town Gang
    found = _readings("Dua kelompok pelajar tawuran di Gang Mawar, Johar Baru, Jakarta Pusat.", "id")
    assert "Gang" not in found
