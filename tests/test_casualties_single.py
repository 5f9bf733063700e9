"""Stage `casualties`: one or two people killed or hurt, told without a numeral, and lists of counts."""
import pytest

from test_casualties_counts import found


@pytest.mark.parametrize("lang, text, expected", [
    # a singular auxiliary before the casualty word
    ("en", "A farmer was shot dead near his field.", [("killed", 1)]),
    ("en", "A shopkeeper was shot and killed outside his store.", [("killed", 1)]),
    ("en", "The village chief was later killed by the kidnappers.", [("killed", 1)]),
    ("en", "A TEACHER WAS KILLED AND HIS BROTHER WAS WOUNDED.", [("killed", 1), ("injured", 1)]),
    ("en", "An aid worker was abducted and beheaded.", [("killed", 1)]),
    # ... with where the wound was between the two verbs
    ("en", "A police officer was shot in the forehead and died.", [("killed", 1)]),
    ("en", "The trader was stabbed in the chest and later died in hospital.", [("killed", 1)]),
    ("id", "Seorang polisi ditembak di bagian kepala dan meninggal dunia.", [("killed", 1)]),
    # ... but not past another clause: one body found after being shot is one death
    ("en", "The body of a commander was found after being shot and beheaded by assailants.", [("killed", 1)]),
    # a one-person object after the verb
    ("en", "Gunmen stormed the house, killing him and wounding his bodyguard.", [("killed", 1), ("injured", 1)]),
    ("en", "Assailants shot and killed Maria Lopez, a local councillor.", [("killed", 1)]),
    ("en", "The blast killed the driver of the minibus.", [("killed", 1)]),
    ("en", "Attackers fired at two traders, killing both of them.", [("killed", 2)]),
    ("en", "Unknown men gunned down Ahmed Yusuf and Omar Said.", [("killed", 2)]),
    # the subject of an intransitive casualty word
    ("en", "The mayor died on the way to hospital.", [("killed", 1)]),
    ("en", "He died of his wounds.", [("killed", 1)]),
    ("en", "The mayor and his driver were killed in the ambush.", [("killed", 2)]),
    # a part of a count told with it: the part ("three of the four attackers")
    ("en", "Three of the four perpetrators were killed by security forces.", [("killed", 3)]),
    ("en", "Five of the 12 passengers were killed.", [("killed", 5)]),
    ("id", "Dua dari lima pelaku tewas ditembak polisi.", [("killed", 2)]),
    # "and he died" opens a clause of its own: the one killed, not a pair with the verb's object
    ("en", "Gunmen shot the driver and he died.", [("killed", 1)]),
    ("en", "The attackers pushed him off the rooftop and he died.", [("killed", 1)]),
    ("id", "Pelaku menusuk korban dan dia tewas di tempat.", [("killed", 1)]),
    # Indonesian: pronouns, enclitics and personal names only
    ("id", "Ia tewas di lokasi kejadian.", [("killed", 1)]),
    ("id", "Pelaku menembaknya hingga tewas.", [("killed", 1)]),
    ("id", "Bripda Yosua Manik tewas ditembak di depan pos.", [("killed", 1)]),
    ("id", "KKB menembak mati Pratu Andi di Intan Jaya.", [("killed", 1)]),
    ("id", "Serangan itu menewaskannya seketika.", [("killed", 1)]),
    ("id", "SEORANG POLISI TEWAS DITEMBAK.", [("killed", 1)]),
])
def test_casualties_single_victim_without_numeral(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "The officer was not injured."),
    ("en", "The minister was nearly killed when the bomb went off."),
    ("en", "Militants killed Afghan soldiers in the raid."),       # a plural object has no count
    ("en", "The blast killed the talks."),
    ("id", "Polisi itu tidak tewas."),
    ("id", "Warga nyaris tewas tertimpa pohon."),
])
def test_casualties_no_single_victim(lang, text):
    assert [c for c in found(text, lang) if c.low > 0] == []


def test_casualties_no_one_was_killed_is_zero_not_one():
    assert [(c.kind, c.low) for c in found("No one was killed in the attack.", "en")] == [("killed", 0)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The attacker was killed and two police officers were injured.", [("killed", 1, True), ("injured", 2, False)]),
    ("en", "Police shot and killed the gunman.", [("killed", 1, True)]),
])
def test_casualties_single_attacker(lang, text, expected):
    assert [(c.kind, c.low, c.perpetrators) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Seven soldiers, one policeman, and one civilian were killed.", [("killed", 9)]),
    ("en", "The bomb killed 12 soldiers, 3 civilians, wounding 20 others.", [("killed", 15), ("injured", 20)]),
    # a new verb after "and" starts another clause: its vague count is not part of the toll
    ("en", "The blast killed 35 people, wounded 65 others and damaged several buildings.",
     [("killed", 35), ("injured", 65)]),
    ("id", "Ledakan itu menewaskan 4 polisi, 2 warga dan melukai 10 orang.", [("killed", 6), ("injured", 10)]),
])
def test_casualties_lists_of_counts(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Gunmen shot and killed farm owner Carlos Mendes near his house.", [("killed", 1)]),
    ("en", "Assailants killed journalist Amina Yusuf in the capital.", [("killed", 1)]),
    ("en", "Gunmen ambushed the car, killing the mayor, his driver, and his bodyguard.", [("killed", 3)]),
    ("en", "Siyad, an official of the ministry, was killed in the attack.", [("killed", 1)]),
    ("en", "Apart from the two attackers, at least 25 soldiers died.", [("killed", 2), ("killed", 25)]),
    ("en", "Besides the bomber, three people lost their lives.", [("killed", 1), ("killed", 3)]),
    ("id", "Selain pelaku, tiga orang tewas dalam ledakan itu.", [("killed", 1), ("killed", 3)]),
])
def test_casualties_titles_lists_and_attackers_besides(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


def test_casualties_attackers_besides_the_toll_are_attackers():
    got = found("In addition to the two gunmen, at least 14 guards were killed.", "en")
    assert [c.perpetrators for c in got] == [True, False]


def test_casualties_coders_stated_figure():
    got = found("4 soldiers were killed in an ambush. Fatalities coded as 0 (another source reported 4).", "en")
    assert [(c.kind, c.low, c.stated) for c in got] == [("killed", 4, False), ("killed", 0, True)]


@pytest.mark.parametrize("lang, text, expected", [
    # a headline's subject, told with no article at the start of its sentence: one person
    ("en", "Police captain killed in encounter with rebels in Iloilo", [("killed", 1)]),
    ("en", "Soldier dies in ambush near Gao", [("killed", 1)]),
    ("en", "BIFF sub-leader killed in Maguindanao military operation", [("killed", 1)]),
    ("en", "Village chief wounded in grenade attack", [("injured", 1)]),
    ("en", "Soldier, separatist killed in fresh Papua violence", [("killed", 2)]),
    ("en", "Army hunts rebels as soldier killed in Samar clash", [("killed", 1)]),
    # a speech verb opens the clause it reports; a plural acronym is no person's name
    ("en", "Military says rebel intelligence agent killed in Aceh", [("killed", 1)]),
    ("en", "Trooper killed, undetermined number of NPAs wounded in Bukidnon clash", [("killed", 1)]),
    ("en", "The body of a commander was found after being shot and beheaded by assailants.", [("killed", 1)]),
    ("en", "Toddler and teen wounded in Papua clash", [("injured", 2)]),
    # a headline's object with no article
    ("en", "Armed men burned vehicle, shot dead mining guard in Surigao del Sur", [("killed", 1)]),
    ("en", "Fatalities unreported.", []),
    # ... and told with a headline's present tense
    ("en", "NPA rebels gun down farmer in Masbate", [("killed", 1)]),
    ("en", "Militants behead militiaman in Basilan", [("killed", 1)]),
    ("en", "Gunmen shoot dead two traders in Kano", [("killed", 2)]),
    ("en", "Army recovers body of slain rebel in Iloilo", [("killed", 1)]),
    ("en", "A body of water separates the islands.", []),
    ("en", "Rebels shelled the town, with no reports of fatalities or damage.", []),
    # ... not a plural, a thing, a negation, or a subject inside the sentence
    ("en", "Two soldiers were killed in Cotabato.", [("killed", 2)]),
    ("en", "Peace process dies in Mindanao as rebels attack a camp", []),
    ("en", "Neither injuries nor fatalities were reported.", []),
    ("en", "No injuries were reported after the clash.", [("injured", 0)]),
])
def test_headline_subject_without_an_article(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a casualty word with its count before it: a count after the comma that follows opens a new clause
    ("en", "3 rebels killed, 5 high-powered weapons seized in Quezon clash", [("killed", 3)]),
    ("en", "1 rebel killed, 3 soldiers hurt in Iloilo clashes", [("killed", 1), ("injured", 3)]),
    ("en", "Three killed, four schools burned down in Aceh province", [("killed", 3)]),
    # ... a list after a casualty word with no count before it is still its object
    ("en", "Gunmen killed two guards, three traders and a driver.", [("killed", 6)]),
])
def test_count_after_a_comma_is_no_object_of_a_word_with_its_subject(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, expected", [
    # in capitals, a person's name right before "died" (no auxiliary) is one dead
    ("en", "OFFICIALS SAID THAT FORMER DEFENSE MINISTER GENERAL RAMON ALVAREZ DIED TODAY IN LIMA AFTER AN "
           "ATTACK.", [("killed", 1)]),
    ("en", "COLONEL PEREZ DIED IN THE HOSPITAL.", [("killed", 1)]),
    ("en", "THE FIGHTING DIED DOWN LATER.", []),
    ("id", "BRIPKA ANDI TEWAS DI RUMAH SAKIT.", [("killed", 1)]),
])
def test_a_name_in_capitals_before_died(lang, text, expected):
    assert [(c.kind, c.low) for c in found(text, lang)] == expected
