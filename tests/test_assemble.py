"""assemble: which mentions are events, how they split and merge, and the rows they give.

Places are built by hand (the gazetteer is another stage's concern); the other findings come
from the real stages, so the sentences are read as the pipeline reads them.
"""
from __future__ import annotations

import datetime as dt

import pytest

from events import schema
from events.article import Article
from events.extract import actors, assemble, casualties, dateline, dates, event_types, sentences, story
from events.findings import Place, PlaceMention
from events.pipeline import Doc

PLACES = {
    "Bagdad": Place("Iraq", "IRQ", 368, "Baghdad", None, "Baghdad", 33.34, 44.40, 1),
    "Baghdad": Place("Iraq", "IRQ", 368, "Baghdad", None, "Baghdad", 33.34, 44.40, 1),
    "Mosul": Place("Iraq", "IRQ", 368, "Nineveh", None, "Mosul", 36.34, 43.13, 1),
    "Quetta": Place("Pakistan", "PAK", 586, "Balochistan", None, "Quetta", 30.18, 67.00, 1),
    "Almeria": Place("Spain", "ESP", 724, "Andalusia", None, "Almeria", 36.84, -2.46, 1),
    "Poso": Place("Indonesia", "IDN", 360, "Sulawesi Tengah", "Poso", "Poso", -1.39, 120.75, 1),
    "Samarra": Place("Iraq", "IRQ", 368, "Salah ad Din", None, "Samarra", 34.19, 43.87, 1),
    "Jakarta": Place("Indonesia", "IDN", 360, "Jakarta", None, "Jakarta", -6.21, 106.85, 1),
    "Irak": Place("Iraq", "IRQ", 368, None, None, None, 33.0, 44.0, 3, feature="country"),
}


def _doc(text: str, language: str, published: dt.date) -> Doc:
    doc = Doc(article=Article(text=text, published=published, language=language))
    doc.language = language
    doc.sentences = sentences.split(text, language)
    dateline.run(doc)
    dates.run(doc)
    found = []
    for name, place in PLACES.items():
        start = text.find(name)
        while start >= 0:
            si = next(i for i, s in enumerate(doc.sentences) if s.start <= start < s.end)
            found.append(PlaceMention(place, si, start, start + len(name), name))
            start = text.find(name, start + 1)
    doc.findings["places"] = sorted(found, key=lambda m: m.start)
    event_types.run(doc)
    casualties.run(doc)
    actors.run(doc)
    assemble.run(doc)
    return doc


def test_assemble_lead_and_detail_sentences_make_one_row() -> None:
    text = ("Sebuah bom meledak di pasar Poso pada Senin pagi. Ledakan itu menewaskan tiga orang dan "
            "melukai lima lainnya. Polisi menduga pelaku bom adalah kelompok MIT.")
    doc = _doc(text, "id", dt.date(2020, 3, 3))
    assert len(doc.rows) == 1
    row = doc.rows[0]
    assert row["event_date"] == dt.date(2020, 3, 2) and row["location"] == "Poso"
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"
    assert (row["fatalities"], row["injuries"]) == (3, 5)
    assert row["actor1"] == "MIT: East Indonesia Mujahideen" and row["perpetrator_status"] == "attributed"
    assert schema.validate_row(row) == []


def test_assemble_incidents_in_two_places_are_two_rows() -> None:
    text = ("A car bomb exploded at a market in Baghdad on Monday, killing five people. "
            "In Mosul, a roadside bomb killed two soldiers on Monday.")
    doc = _doc(text, "en", dt.date(2021, 6, 8))
    assert sorted(r["location"] for r in doc.rows) == ["Baghdad", "Mosul"]
    assert all(r["event_date"] == dt.date(2021, 6, 7) for r in doc.rows)


@pytest.mark.parametrize("language,text,published", [
    ("id", "Serangan roket ini menjadi yang pertama sejak milisi memulai lebih dari 70 serangan di Irak.",
     dt.date(2023, 12, 8)),
    ("en", "Since 2014, more than 70 bombings have hit Baghdad.", dt.date(2023, 12, 8)),
    ("en", "A bomb exploded in Baghdad on 3 March 2021, killing five people.", dt.date(2023, 12, 8)),
    ("id", "Kelompok itu mengancam akan meledakkan bom di Bagdad.", dt.date(2023, 12, 8)),
    ("en", "The court sentenced the man who bombed a Baghdad market to death.", dt.date(2023, 12, 8)),
    ("id", "Sebuah bom meledak di Irak pada Senin.", dt.date(2023, 12, 8)),   # only a country
])
def test_assemble_background_gives_no_row(language: str, text: str, published: dt.date) -> None:
    assert _doc(text, language, published).rows == []


def test_assemble_complex_attack_is_a_battle() -> None:
    text = ("Gunmen wearing suicide vests stormed a police training college in Quetta on Monday night. "
            "They fought the security forces for several hours before one attacker blew himself up.")
    row = _doc(text, "en", dt.date(2016, 10, 25)).rows[0]
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert row["inter2"] == 1


def test_assemble_defused_bomb_is_disrupted_weapons_use() -> None:
    text = "A small explosive device was deactivated today by the Spanish police in Almeria."
    row = _doc(text, "en", dt.date(2004, 12, 5)).rows[0]
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")
    assert row["event_date"] == dt.date(2004, 12, 5)


def test_assemble_no_casualty_statement_gives_zero_and_silence_gives_none() -> None:
    silent = _doc("Sebuah bom meledak di Poso pada Senin.", "id", dt.date(2020, 3, 3)).rows[0]
    assert silent["fatalities"] is None
    nobody = _doc("Sebuah bom meledak di Poso pada Senin. Tidak ada korban jiwa dalam ledakan itu.",
                  "id", dt.date(2020, 3, 3)).rows[0]
    assert nobody["fatalities"] == 0


def test_assemble_suicide_bomber_counts_among_the_dead() -> None:
    row = _doc("A suicide bomber killed six people at a checkpoint in Baghdad on Friday.", "en",
               dt.date(2008, 5, 24)).rows[0]
    assert row["sub_event_type"] == "Suicide bomb" and row["fatalities"] == 7


def test_assemble_row_has_every_column_and_english_notes() -> None:
    row = _doc("Sebuah bom meledak di Poso pada Senin, menewaskan dua orang.", "id", dt.date(2020, 3, 3)).rows[0]
    assert set(row) == set(schema.column_names())
    assert row["notes"].startswith("On 2 March 2020, a bomb") and "2 killed" in row["notes"]
    assert 0 < row["confidence"] <= 1


def test_assemble_statement_date_does_not_split_or_date_the_event() -> None:
    text = ('A bomb exploded in Baghdad on Sunday night, killing three people. '
            '"It was a huge blast," police said on Monday.')
    rows = _doc(text, "en", dt.date(2021, 6, 8)).rows
    assert len(rows) == 1 and rows[0]["event_date"] == dt.date(2021, 6, 6)


def test_assemble_reference_place_is_not_the_event_place() -> None:
    text = "Gunmen attacked a checkpoint near Samarra, 100 km north of Baghdad, on Saturday, killing four policemen."
    row = _doc(text, "en", dt.date(2017, 9, 3)).rows[0]
    assert row["location"] == "Samarra" and row["event_type"] == "Battles"


def test_assemble_dateline_city_is_not_the_event_place() -> None:
    text = "Jakarta, CNN Indonesia -- Sebuah bom meledak di Poso pada Senin, menewaskan dua orang."
    row = _doc(text, "id", dt.date(2020, 3, 3)).rows[0]
    assert row["location"] == "Poso"


def test_assemble_different_days_are_different_rows() -> None:
    text = "A bomb exploded in Baghdad on Monday, killing two people. On Tuesday, another bomb exploded in Baghdad."
    rows = _doc(text, "en", dt.date(2021, 6, 9)).rows
    assert sorted(r["event_date"] for r in rows) == [dt.date(2021, 6, 7), dt.date(2021, 6, 8)]


@pytest.mark.parametrize("language,text", [
    ("en", "Gunmen robbed and shot dead two traders in Baghdad on Monday. Police said the motive was robbery."),
    ("id", "Dua pedagang ditembak mati dalam perampokan di Poso pada Senin. Polisi menyebut motifnya perampokan."),
])
def test_assemble_criminal_violence_is_not_coded(language: str, text: str) -> None:
    assert _doc(text, language, dt.date(2021, 6, 9)).rows == []


@pytest.mark.parametrize("language,text", [
    ("id", "Polisi meledakkan benda mencurigakan di Poso pada Senin. Setelah diledakkan, bungkusan itu ternyata bukan bom."),
    ("en", "Police carried out a controlled blast on a suspicious package in Baghdad on Monday. It was not a bomb."),
])
def test_assemble_bomb_scare_is_not_an_attack(language: str, text: str) -> None:
    assert _doc(text, language, dt.date(2021, 6, 9)).rows == []


@pytest.mark.parametrize("language,text", [
    ("id", "Lima orang tewas akibat ledakan tabung gas di sebuah rumah makan di Poso pada Senin."),
    ("en", "Five people were killed when a bus crashed into a truck in Baghdad on Monday."),
])
def test_assemble_accidents_are_not_events(language: str, text: str) -> None:
    assert _doc(text, language, dt.date(2021, 6, 9)).rows == []


def test_assemble_attack_that_causes_a_collapse_is_still_an_attack() -> None:
    text = "A car bomb exploded outside a hotel in Baghdad on Monday, killing five people; part of the building collapsed."
    rows = _doc(text, "en", dt.date(2021, 6, 9)).rows
    assert [r["sub_event_type"] for r in rows] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("language,text,sub_event_type", [
    ("en", "Security forces opened fire on peaceful demonstrators in Baghdad on Monday, killing five protesters.",
     "Excessive force against protesters"),
    ("en", "Hundreds of protesters threw stones at police in Baghdad on Monday; two people died.",
     "Violent demonstration"),
    ("id", "Polisi membubarkan unjuk rasa mahasiswa dengan gas air mata di Poso pada Senin.", "Protest with intervention"),
    ("id", "Ratusan mahasiswa menggelar unjuk rasa damai di Poso pada Senin.", "Peaceful protest"),
])
def test_assemble_protest_kinds(language: str, text: str, sub_event_type: str) -> None:
    rows = _doc(text, language, dt.date(2021, 6, 9)).rows
    assert [r["sub_event_type"] for r in rows] == [sub_event_type]


def test_assemble_near_a_city_and_a_town_beside_it_are_one_place() -> None:
    near = Place("Lebanon", "LBN", 422, "Beirut", None, "Beirut", 33.89, 35.50, 2)
    town = Place("Lebanon", "LBN", 422, "Mount Lebanon", None, "Jounieh", 33.98, 35.62, 1)
    far = Place("Lebanon", "LBN", 422, "South Governorate", None, "Sidon", 33.56, 35.37, 1)
    assert story._place_compatible(near, town)
    assert not story._place_compatible(town, far)


def test_assemble_state_forces_killing_civilians_is_violence_against_civilians() -> None:
    row = _doc("Pada Senin, anggota TNI menembak mati seorang warga sipil di Poso.", "id", dt.date(2021, 5, 4)).rows[0]
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert row["actor1"].startswith("Military Forces of Indonesia") and row["interaction"] == 17
