"""Stage `casualties`: the parts named of a toll ("including ...", "termasuk ...") are not added to it.

A toll told with its parts ("nine people, including four policemen and two attackers, were
killed") is the nine: every count and every one-person noun phrase from the subset word to the
casualty word is a part of it, however many items the list has and whether or not commas close
it. After a casualty word the part ends where the next toll starts ("..., and 7 others were
injured" is a toll of its own).
"""
import datetime as dt

import pytest

from events import pipeline
from events.article import Article
from test_casualties_counts import found


@pytest.mark.parametrize("lang, text, expected", [
    # before the casualty word: the part runs to it, commas or not
    ("en", "At least nine people, including four policemen and two attackers, were killed in the raid.",
     [("killed", 9)]),
    ("en", "At least nine people, including four policemen and two attackers were killed in the raid.",
     [("killed", 9)]),
    ("en", "Six people, including a guard, a cook, and two visitors, died in the attack.", [("killed", 6)]),
    ("en", "Eleven people, among them three women and a boy, were wounded by the blast.", [("injured", 11)]),
    # after the casualty word: the part ends where the next toll starts
    ("en", "The ambush killed six soldiers, including a colonel, and wounded four others.",
     [("killed", 6), ("injured", 4)]),
    ("en", "The bomb killed five people, including two children and a woman, and wounded 12.",
     [("killed", 5), ("injured", 12)]),
    ("en", "Four villagers were killed, including a child, and 7 others were injured.",
     [("killed", 4), ("injured", 7)]),
    ("en", "The gunmen killed seven people, including a policeman, a trader, and two children.",
     [("killed", 7)]),
    ("en", "The attack killed 25, including several local officials, and wounded more than 40 others.",
     [("killed", 25), ("injured", 40)]),
    # Indonesian
    ("id", "Tujuh orang, termasuk dua polisi dan seorang warga, tewas dalam serangan itu.", [("killed", 7)]),
    ("id", "Ledakan itu menewaskan lima orang, di antaranya dua anak, dan melukai 9 lainnya.",
     [("killed", 5), ("injured", 9)]),
    ("id", "Lima orang tewas, termasuk seorang anak, dan 7 lainnya luka-luka.", [("killed", 5), ("injured", 7)]),
])
def test_parts_of_a_toll_are_not_added(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("text, fatalities", [
    # the toll counts the attackers it names: no dead bomber is added to it
    ("A man wearing explosives blew himself up beside a checkpoint in Mosul, Iraq, late on Monday. Nine people, "
     "including four policemen and the bomber, were killed.", 9),
    # a toll that does not name him: the bomber who blew himself up is one more
    ("A man wearing explosives blew himself up beside a checkpoint in Mosul, Iraq, late on Monday. Nine people, "
     "including four policemen and two drivers, were killed.", 10),
])
def test_a_named_attacker_in_the_parts_is_in_the_toll(text, fatalities):
    rows = pipeline.extract(Article(text=text, id="t", published=dt.date(2021, 3, 2)))
    assert [r["fatalities"] for r in rows] == [fatalities]


@pytest.mark.parametrize("lang, text, expected", [
    # a subject of several told without a numeral
    ("en", "Both were killed and a boy was wounded.", [("killed", 2), ("injured", 1)]),
    ("en", "Both attackers were killed by the guards.", [("killed", 2)]),
    ("en", "Both men died later in hospital.", [("killed", 2)]),
    ("id", "Keduanya tewas di tempat kejadian.", [("killed", 2)]),
    # the bomber told in a list of the dead is no phrase of his own: the count before him stands
    ("en", "Three policemen and the bomber died in the blast.", [("killed", 3)]),
    ("en", "Both sides suffered losses.", []),
])
def test_several_told_without_a_numeral(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a count of attackers before a verb with its object: they did it, the object died
    ("en", "Two unknown gunmen shot and killed a shopkeeper near his home.", [("killed", 1, False)]),
    ("en", "Three gunmen killed Yusuf Bello outside the mosque.", [("killed", 1, False)]),
    ("id", "Dua pria bersenjata menembak mati seorang pedagang di pasar.", [("killed", 1, False)]),
    # no object after the verb: the attackers are the dead
    ("en", "Four attackers were killed and two escaped.", [("killed", 4, True)]),
    ("en", "Two attackers killed in a clash with police.", [("killed", 2, True)]),
    ("en", "Two bombers killed themselves and a guard.", [("killed", 2, True)]),
])
def test_attackers_before_a_verb_with_an_object_are_its_subject(lang, text, expected):
    assert [(c.kind, c.low, c.perpetrators) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # an intent or a sentence before the casualty word: nobody died
    ("en", "The kidnappers threatened to kill the two hostages.", []),
    ("en", "The group vowed to kill 10 soldiers.", []),
    ("en", "He tried to kill the governor.", []),
    ("en", "A court sentenced three men to death for the attack.", []),
    ("en", "Gunmen killed two people and tried to kill a third.", [("killed", 2)]),
    ("id", "Penculik mengancam akan membunuh dua sandera itu.", []),
    ("id", "Pelaku dijatuhi hukuman mati.", []),
    # a death told around its victim ("beat X to death", "shot him dead")
    ("en", "A mob beat a woman to death in the market.", [("killed", 1)]),
    ("en", "Riders beat to death a guard over a fare dispute.", [("killed", 1)]),
    ("en", "The gunmen demanded money before shooting him dead.", [("killed", 1)]),
])
def test_what_did_not_happen_and_deaths_told_around_the_victim(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a toll noun whose figure is told by a verb far into its sentence
    ("en", "The death toll from Saturday's twin blasts at the cattle market on the edge of the city, the "
           "state's largest, has risen to 18, officials said.", [("killed", 18)]),
    ("id", "Jumlah korban tewas akibat ledakan bom di pasar hewan di pinggir kota itu bertambah menjadi 18 orang.",
     [("killed", 18)]),
    # the count of attackers who blew themselves up, told before the attacker noun
    ("en", "Two female suicide bombers blew themselves up outside a mosque, killing 11 worshippers.",
     [("killed", 2), ("killed", 11)]),
])
def test_tolls_told_far_from_their_noun_and_counted_bombers(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # "one of" people: one person
    ("en", "A man stabbed two tourists near the station, killing one of them.", [("killed", 1)]),
    ("en", "Gunmen ambushed the mayor's convoy. One of his bodyguards was killed.", [("killed", 1)]),
    ("id", "Kelompok bersenjata menyerang dua petani. Salah satu dari mereka tewas.", [("killed", 1)]),
    # "one of" incidents: one incident of several, no count of people
    ("en", "In one of two related attacks, a civilian was killed when militants fired on a police post.",
     [("killed", 1)]),
    ("en", "During one of these riots, a man was shot dead by the police.", [("killed", 1)]),
    # after a number, "of whom" names who some of them were: no part of the toll that follows
    ("en", "Besides the four gunmen, two of whom were suicide bombers, 12 worshippers were killed.",
     [("killed", 4), ("killed", 12)]),
])
def test_one_of_people_is_one_and_one_of_incidents_no_count(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected
