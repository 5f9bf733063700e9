"""Stage `casualties`: tolls told as lists, with asides, possessives, pronouns and negations.

A toll told as a list of groups is their sum, whatever stands between the items: a bracketed
aside naming the victims, a possessive before the next count ("a farmer and his two sons"), a
person told by "a" opening the list ("a soldier and two civilians"). A count joined to the list
by a new verb ("killed a guard and kidnapped 3 workers") is not part of it. A casualty verb that
a negation stands right before ("nearly lynched") or a charge ("accused of killing") tells no
death of this event.
"""
import pytest

from test_casualties_counts import found


def killed_and_injured(text, lang):
    return [(c.kind, c.low) for c in found(text, lang) if not c.perpetrators]


@pytest.mark.parametrize("lang, text, expected", [
    # a bracketed aside naming the victims is no word of the list
    ("en", "The blast killed three pilgrims, two drivers (Ali Reza and Hamid Noori), and one cook (Jawad Karimi).",
     [("killed", 6)]),
    ("en", "THE BLAST KILLED THREE PILGRIMS, TWO DRIVERS (ALI REZA AND HAMID NOORI), AND ONE COOK.",
     [("killed", 6)]),
    ("id", "Bom itu menewaskan dua pedagang, tiga polisi (Budi, Andi dan Joko), dan seorang sopir (Tono).",
     [("killed", 6)]),
    # a possessive between "and" and the next count
    ("en", "Raiders shot dead a herder and his three sons near the well.", [("killed", 4)]),
    ("en", "The gunmen killed a teacher and her two daughters at their home.", [("killed", 3)]),
    # "a" opens the list before a count
    ("en", "A Kenyan soldier and two civilians were killed when the convoy was hit.", [("killed", 3)]),
    ("en", "An elderly farmer and three children were wounded by the shell.", [("injured", 4)]),
    ("id", "Seorang polisi dan dua warga tewas dalam ledakan di pasar itu.", [("killed", 3)]),
    # ... but a clause opened by "a" is no person of the toll
    ("en", "A bomb exploded and two people were killed in the market.", [("killed", 2)]),
    ("en", "A gunman opened fire and three people were killed.", [("killed", 3)]),
    # a pronoun and one more person, or more people
    ("en", "Gunmen stopped the car and killed him and his wife on the spot.", [("killed", 2)]),
    ("en", "Masked men killed him and his two brothers outside the mosque.", [("killed", 3)]),
    ("en", "The militants killed him and two other villagers.", [("killed", 3)]),
    # a new verb breaks the list
    ("en", "Armed men killed a guard and abducted 2 engineers (from the company) and 4 workers.", [("killed", 1)]),
    ("en", "The attackers killed a driver and kidnapped three passengers.", [("killed", 1)]),
    # "as well as" joins the list too
    ("en", "The bomb killed one woman and wounded five passengers as well as two police officers.",
     [("killed", 1), ("injured", 7)]),
])
def test_a_list_is_one_toll(lang, text, expected):
    assert killed_and_injured(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "Angry traders nearly lynched a pickpocket at the bus stop."),
    ("en", "Two officers were almost killed when the wall collapsed on them."),
    ("en", "The mob narrowly failed to kill him."),
    ("id", "Seorang pencopet nyaris tewas dihakimi massa di terminal."),
    ("id", "Dua polisi hampir tewas tertimpa tembok."),
    # a charge: the death is another act's, told as what someone is accused of
    ("en", "Residents stormed the station, demanding the arrest of officers involved in the death of a detainee."),
    ("en", "Villagers burned the houses of three men accused of killing a herder."),
    ("en", "The court heard the case of two men charged with murdering a trader."),
    ("id", "Warga membakar rumah tiga pria yang dituduh membunuh seorang petani."),
    ("id", "Massa menuntut polisi menangkap orang yang diduga terlibat pembunuhan terhadap seorang ojek."),
])
def test_a_negated_or_charged_death_is_no_toll(lang, text):
    assert [c for c in found(text, lang) if c.kind == "killed" and c.low > 0] == []


@pytest.mark.parametrize("lang, text, expected", [
    # "in the" does not hide the casualty phrase it opens
    ("en", "Fighting broke out near the dam, resulting in the death of the head of a brigade.", 1),
    ("en", "Fighting broke out near the dam, resulting in the deaths of three soldiers and two rebels.", 5),
    ("en", "The clash ended in the killing of a local chief.", 1),
    ("en", "Police intervened, shooting dead two of the robbers.", 2),
    ("id", "Bentrokan itu berujung pada tewasnya seorang kepala desa.", 1),
])
def test_a_death_noun_after_in_the_is_read(lang, text, expected):
    assert sum(c.low for c in found(text, lang) if c.kind == "killed") == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a part opening the sentence ends at its comma: the count after it is the toll
    ("en", "Including the bomber, 16 people were killed in the market.", [("killed", 16)]),
    ("en", "Among them two children, nine people were wounded.", [("injured", 9)]),
    ("id", "Termasuk pelaku, 16 orang tewas dalam serangan itu.", [("killed", 16)]),
])
def test_a_part_opening_the_sentence(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("text, expected", [
    # the attackers' own count before "blew themselves up"
    ("Twelve shoppers were killed and 30 more injured when two men blew themselves up at the gate.",
     [("killed", 12, False), ("injured", 30, False), ("killed", 2, True)]),
    # a count that is a verb's object is not the bomber's
    ("A bomber killed 8 and injured 20 after blowing himself up at the checkpoint.",
     [("killed", 8, False), ("injured", 20, False), ("killed", 1, True)]),
])
def test_dead_attackers_counted_by_their_own_number(text, expected):
    assert [(c.kind, c.low, c.perpetrators) for c in found(text, "en")] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a negation of the word before the verb negates that word, not the death
    ("id", "Orang tak dikenal menembak mati seorang guru di Kabupaten Intan Jaya.", 1),
    ("id", "Kelompok tidak dikenal menewaskan dua petani di ladang mereka.", 2),
    ("en", "Men not wearing uniforms killed two farmers in their field.", 2),
])
def test_a_negation_of_the_word_before_is_no_negated_death(lang, text, expected):
    assert sum(c.low for c in found(text, lang) if c.kind == "killed") == expected


@pytest.mark.parametrize("lang, text, expected", [
    # one person opening the clause, then "and" and a count: that person is in the toll
    ("en", "The driver and two passengers died when the bus hit a mine.", 3),
    ("en", "THE DRIVER AND TWO PASSENGERS DIED WHEN THE BUS HIT A MINE.", 3),
    ("en", "The mayor and 9 others died in the blast.", 10),
    ("id", "Dia dan dua anaknya tewas dalam kebakaran itu.", 3),
    # ... not a clause about something else
    ("en", "Gunmen raided the village and two people were killed.", 2),
    ("en", "A car exploded and four people were killed.", 4),
    # after the verb: persons told without numerals, then a count
    ("en", "The bomber rammed the convoy, killing him, his son, the driver, and three guards.", 6),
    ("en", "The rebels opened fire, killing the train driver and another passenger.", 2),
    ("en", "Two gunmen shot dead a village elder and the brother of a local commander.", 2),
    # "a" closing a list of counts before a new verb
    ("en", "Rebels ambushed the convoy, killing seven soldiers, a police officer, and wounding four others.", 8),
    # ... but not an aside, nor the names of those counted
    ("en", "The blast killed 5 people, a spokesman said.", 5),
    ("en", "The shell killed three civilians, a 30-year-old farmer, Ali Musa, and a boy.", 3),
])
def test_persons_told_beside_a_count(lang, text, expected):
    assert sum(c.low for c in found(text, lang) if c.kind == "killed") == expected


@pytest.mark.parametrize("lang, text, expected", [
    # the toll's opening person is an attacker: the toll already counts him
    ("en", "On Friday a suicide bomber struck a checkpoint in Mosul, Iraq. The bomber and four soldiers were killed.", 5),
    ("id", "Pada Jumat, pelaku bom bunuh diri meledakkan diri di pos polisi di Solo. Pelaku dan dua polisi tewas.", 3),
])
def test_an_attacker_opening_the_toll_is_counted_once(lang, text, expected):
    from events.article import Article
    from events.pipeline import extract
    import datetime as dt
    rows = extract(Article(text=text, published=dt.date(2024, 3, 10), language=lang))
    assert rows and rows[0]["fatalities"] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a part that runs to a casualty word the count is no subject of: a clause, not a toll
    ("en", "Hundreds of workers, including drivers and porters marched through the port town on Monday, "
           "demanding an inquiry into deaths in police custody.", []),
    ("en", "THOUSANDS OF PEOPLE, INCLUDING TEACHERS, RALLIED IN THE CAPITAL CALLING FOR JUSTICE FOR DEATHS IN DETENTION.", []),
    # the part runs to the toll's own verb
    ("en", "Four people, including two children, were shot and killed outside a school.", [("killed", 4)]),
    ("id", "Empat orang, termasuk dua anak, tewas ditembak di depan sekolah.", [("killed", 4)]),
])
def test_a_part_before_a_preposition_is_no_toll(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # three or more people, one each, listed before a plural casualty word, with or without the
    # comma before "and"; a date or a place opening the sentence is no item of the list
    ("en", "A teacher, a villager and a police officer were killed when gunmen fired on the market.", 3),
    ("en", "A teacher, a villager, and a police officer were killed.", 3),
    ("en", "On Monday, a teacher, a guard and a driver were killed.", 3),
    ("en", "In Kano, a guard and a driver were killed.", 2),
    ("en", "A TEACHER, A FARMER AND A STUDENT WERE KILLED.", 3),
    ("id", "Seorang guru, seorang petani, dan seorang polisi tewas saat pria bersenjata menembaki pasar.", 3),
    # a relative told by the possessive suffix after "dan" is one more person
    ("id", "Seorang ibu dan anaknya tewas dalam ledakan itu.", 2),
    ("id", "Lima petani dan sopirnya tewas diserang kelompok bersenjata.", 6),
    ("en", "Five farmers and their driver were killed in the ambush.", 6),
    # one person told before a list of counts joined by a comma is the toll's too
    ("en", "The blast killed the commander, two guards and two civilians.", 5),
    ("en", "The blast killed the driver, three passengers, and a child.", 5),
    ("en", "The attack killed three people, police said.", 3),
])
def test_people_told_one_by_one_beside_counts(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == [("killed", expected)]
