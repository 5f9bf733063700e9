"""actors: whose forces these are and what kind of force ("the armed forces of Georgia", a
gendarmerie, a military police), forces that lead an operation, communities named alone or joined
("Borana and Gabra"), and named forces with ACLED names of their own (own sentences, English and
Indonesian)."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article, Sentence
from events.extract import actors, event_types
from events.pipeline import extract


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    return actors.find(text, sentences, language, event_types.find(text, sentences, language))


@pytest.mark.parametrize("text,country,role", [
    ("The armed forces of Georgia stationed near the line shelled a village overnight.", "Georgia", "perpetrator"),
    ("Troops of the Philippines clashed with rebels in the hills.", "Philippines", "perpetrator"),
    ("SOLDIERS OF ARMENIA POSTED ON THE RIDGE FIRED AT A WATCHTOWER.", "Armenia", "perpetrator"),
    ("Rebels ambushed the military forces of Chad near the lake.", "Chad", "target"),
])
def test_actors_forces_of_a_country_carry_its_name(text: str, country: str, role: str) -> None:
    found, _ = _find(text, "en")
    state = [a for a in found if a.kind == "military"]
    assert [(a.country, a.role) for a in state][:1] == [(country, role)]
    assert country.lower() in state[0].text.lower()       # the name is part of the actor


@pytest.mark.parametrize("text", [
    "The forces of the government shelled the town.",         # no country's name after "of"
    "Soldiers of fortune attacked a convoy near the border.",
])
def test_actors_forces_of_no_country_keep_no_country(text: str) -> None:
    found, _ = _find(text, "en")
    assert all(a.country is None for a in found)


@pytest.mark.parametrize("language,text", [
    ("en", "Gendarmes beat two traders at a checkpoint outside the capital."),
    ("en", "The Military Police exchanged fire with drug traffickers in the favela."),
    ("id", "Polisi militer menangkap dua orang di pelabuhan."),
])
def test_actors_gendarmes_and_military_police_are_armed_forces(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert found[0].kind == "military"


@pytest.mark.parametrize("language,text,role", [
    ("en", "The army carried out an operation in the forest. A gunfight broke out.", "perpetrator"),
    ("en", "Police conducted a raid on a house in the slum before dawn.", "perpetrator"),
    ("id", "TNI menggelar operasi di hutan itu.", "perpetrator"),
    ("en", "The army said a convoy came under fire.", "source"),          # a force that speaks
])
def test_actors_force_leading_an_operation_is_the_doer(language: str, text: str, role: str) -> None:
    found, _ = _find(text, language)
    assert found[0].role == role


@pytest.mark.parametrize("text,names", [
    ("Four people died in fighting between Pokot and Turkana raiders near the river.",
     ["Pokot ethnic militia", "Turkana ethnic militia"]),
    ("Houses were burnt when members of the Kikuyu and Maasai communities fought over land.",
     ["Kikuyu ethnic militia", "Maasai ethnic militia"]),
    ("Suspected Pokot stole cattle and shot a herder.", ["Pokot ethnic militia"]),
    ("Orma raided a village at dawn, killing two people.", ["Orma ethnic militia"]),
    ("Gunmen suspected to be Fulani militias attacked a farm.", ["Fulani ethnic militia"]),
])
def test_actors_communities_named_alone_or_joined(text: str, names: list[str]) -> None:
    found, _ = _find(text, "en")
    assert [a.label for a in found if a.kind == "group"] == names


@pytest.mark.parametrize("text", [
    "Traders in Kisii protest a tax increase.",                  # the town, not the community
    "Herders near Lake Turkana clashed with police.",
    "A bus was attacked on the road to Samburu.",
])
def test_actors_community_name_as_a_place_is_no_actor(text: str) -> None:
    found, _ = _find(text, "en")
    assert not any(a.kind == "group" for a in found)


def test_actors_joined_communities_are_both_sides_of_the_clash() -> None:
    text = "On 3 March 2015, two people were killed in clashes between Borana and Gabra militias near Moyale, Marsabit County."
    rows = extract(Article(text=text, published=dt.date(2015, 3, 10), language="en"))
    assert rows and (rows[0]["actor1"], rows[0]["actor2"]) == ("Borana Ethnic Militia (Kenya)", "Gabra Ethnic Militia (Kenya)")


@pytest.mark.parametrize("language,text,day,actor1", [
    ("en", "On 2 June 2021, Saudi-led coalition airstrikes hit a market in Saada city.", "2021-06-02",
     "Operation Restoring Hope"),
    ("en", "On 4 June 2021, Imbonerakure members beat a teacher in Gitega.", "2021-06-04",
     "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)"),
    ("en", "On 4 June 2021, pro-government militiamen killed two farmers in Kunduz city.", "2021-06-04",
     "Militia (Pro-Government)"),
    ("id", "Pada 4 Juni 2021, milisi pro-pemerintah menembak dua petani di kota Kunduz.", "2021-06-04",
     "Militia (Pro-Government)"),
])
def test_actors_named_forces_have_their_acled_names(language: str, text: str, day: str, actor1: str) -> None:
    rows = extract(Article(text=text, published=dt.date.fromisoformat(day), language=language))
    assert [r["actor1"] for r in rows][:1] == [actor1]


def test_actors_artsakh_forces_are_their_own_state() -> None:
    text = "The Artsakh Defence Army fired on positions of the Azerbaijani army near Fuzuli."
    found, _ = _find(text, "en")
    assert found[0].acled_name == "Military Forces of Artsakh" and found[0].inter == 1


def test_actors_houthi_forces_are_yemen_state_forces_after_2016() -> None:
    text = "On 3 May 2020, Houthi forces fired mortar shells at farms in Hays, Al Hudaydah."
    rows = extract(Article(text=text, published=dt.date(2020, 5, 5), language="en"))
    assert rows and rows[0]["actor1"].startswith("Military Forces of Yemen") and rows[0]["inter1"] == 1
    old = extract(Article(text=text.replace("2020", "2015"), published=dt.date(2015, 5, 5), language="en"))
    assert old and old[0]["actor1"] == "Ansar Allah (Houthi Movement)"


@pytest.mark.parametrize("text", [
    "Three al-Shabaab fighters are killed by soldiers in a night ambush near Mandera.",
    "Three insurgents are shot by soldiers at a checkpoint.",
])
def test_actors_present_tense_victims_are_targets(text: str) -> None:
    found, _ = _find(text, "en")
    assert found[0].role == "target"


@pytest.mark.parametrize("text,countries", [
    ("Military forces of Eritrea and Ethiopia traded artillery fire along the border.", ["Eritrea", "Ethiopia"]),
    ("Troops of Sudan and Chad clashed near the frontier town.", ["Sudan", "Chad"]),
    ("Forces of Mali and their allies shelled a camp.", ["Mali"]),        # no second country
])
def test_actors_forces_of_two_countries_are_two_actors(text: str, countries: list[str]) -> None:
    found, _ = _find(text, "en")
    assert [a.country for a in found if a.kind == "military"] == countries


@pytest.mark.parametrize("text,named", [
    ("Soldiers beat back an assault by al-Shabaab fighters, killing nine fighters near the base.", [True, True]),
    ("Police repelled Taliban militants at a checkpoint, wounding three militants.", [True, True]),
    ("Gunmen fired at a patrol and soldiers killed two gunmen.", [False, False]),     # no group named
])
def test_actors_group_descriptor_again_is_the_group(text: str, named: list[bool]) -> None:
    found, _ = _find(text, "en")
    armed = [a for a in found if a.kind not in ("military", "police")]
    assert [a.named for a in armed] == named
    assert len({a.label for a in armed}) == 1           # one group, told twice


@pytest.mark.parametrize("text,named", [
    ("IS snipers shot two soldiers near the bridge.", True),
    ("IS fighters stormed a village at night.", True),
    ("This is militants' work, a mayor said of the blast.", False),      # the verb, not the group
    ("The attackers is what the police called them.", False),
])
def test_actors_capitalised_acronym_before_its_fighters_is_the_group(text: str, named: bool) -> None:
    found, _ = _find(text, "en")
    assert any(a.named and a.label == "Islamic State" for a in found) == named


@pytest.mark.parametrize("language,text,kind", [
    ("en", "Gunmen torched the car of a former mayor outside the town.", "civilians"),
    ("en", "A mob beat an ex-soldier near the market.", "civilians"),
    ("en", "Gunmen torched the car of the mayor outside the town.", "government"),
    ("id", "Orang tak dikenal membakar rumah mantan bupati di desa itu.", "civilians"),
    ("id", "Orang tak dikenal membakar rumah bupati di desa itu.", "government"),
])
def test_actors_former_officials_are_civilians(language: str, text: str, kind: str) -> None:
    found, _ = _find(text, language)
    assert [a.kind for a in found if a.kind in ("civilians", "government", "military")] == [kind]


@pytest.mark.parametrize("language,text,role", [
    ("en", "Students blocked the highway, demanding the resignation of the Prime Minister.", "mentioned"),
    ("en", "Rioters burned tyres after the ouster of the governor.", "mentioned"),
    ("id", "Massa membakar ban sambil menuntut mundurnya bupati.", "mentioned"),
    ("en", "Rioters attacked the governor at his office.", "target"),
])
def test_actors_official_a_demand_is_about_is_no_party(language: str, text: str, role: str) -> None:
    found, _ = _find(text, language)
    assert [a.role for a in found if a.kind == "government"] == [role]


@pytest.mark.parametrize("language,text,kind", [
    ("en", "A young boy was killed when a mine went off near the school.", "civilians"),
    ("en", "Two persons were wounded in a grenade blast at a bus stop.", "civilians"),
    ("en", "Gunmen shot three fishermen on the lake shore.", "civilians"),
    ("id", "Seorang bocah tewas terkena ledakan ranjau di dekat sekolah.", "civilians"),
    ("id", "Anak buah Santoso menembak seorang petani.", "civilians"),     # "anak buah" names no child
])
def test_actors_people_told_one_by_one_are_civilians(language: str, text: str, kind: str) -> None:
    found, _ = _find(text, language)
    assert [a.kind for a in found if a.kind == "civilians"][:1] == [kind]
    assert all(a.text.lower() != "anak" for a in found)


@pytest.mark.parametrize("text,names", [
    ("Haftar forces shelled GNA positions south of the capital.",
     ["Military Forces of Libya (2014-) Haftar Faction", "Military Forces of Libya (2016-) Government of National Accord"]),
])
def test_actors_rival_armies_of_one_state_keep_their_factions(text: str, names: list[str]) -> None:
    found, _ = _find(text, "en")
    assert [a.acled_name for a in found if a.named] == names


@pytest.mark.parametrize("text,role", [
    ("Rebels were attacked by soldiers near the river.", "target"),
    ("A patrol came under fire near the border.", "target"),
    ("Rebels attacked soldiers near the river.", "perpetrator"),
])
def test_actors_attacked_ones_are_targets(text: str, role: str) -> None:
    found, _ = _find(text, "en")
    assert found[0].role == role


@pytest.mark.parametrize("language,text", [
    ("en", "Inmates beat two prison warders during a riot in the jail."),
    ("en", "Gunmen shot a prison guard outside the facility."),
    ("id", "Narapidana menyerang dua sipir di dalam lapas."),
])
def test_actors_prison_staff_are_police_forces(language: str, text: str) -> None:
    found, _ = _find(text, language)
    assert [a.kind for a in found if a.kind == "police"] == ["police"]


@pytest.mark.parametrize("text,country", [
    ("Rusia melancarkan serangan udara ke kota itu pada Minggu malam.", "Russia"),
    ("Israel menyerang sebuah kamp pengungsi pada Senin.", "Israel"),
    ("Indonesia mengecam serangan bom di ibu kota itu.", None),        # condemns: not the attacker
    ("Israel mengatakan puluhan rudal ditembakkan ke wilayahnya.", None),   # says: a speaker
])
def test_actors_country_opening_its_sentence_with_an_attack_verb_attacked(text: str, country: str | None) -> None:
    found, _ = _find(text, "id")
    assert [a.country for a in found if a.kind == "military" and a.role == "perpetrator"] == ([country] if country else [])


@pytest.mark.parametrize("text,label", [
    ("Fighting between Kipsigis and Maasai raiders left two dead.", "Kipsigi ethnic militia"),
    ("Boran herders clashed with police near the well.", "Borana ethnic militia"),
    ("Arbaki fighters shot two villagers at a checkpoint.", None),
])
def test_actors_spellings_of_one_community_are_one_group(text: str, label: str | None) -> None:
    found, _ = _find(text, "en")
    groups = [a.label for a in found if a.kind == "group"]
    assert groups[:1] == ([label] if label else [])


def test_actors_village_militias_on_the_government_side() -> None:
    found, _ = _find("Arbaki fighters shot two villagers at a checkpoint.", "en")
    assert (found[0].kind, found[0].label) == ("militia", "pro-government militia")
