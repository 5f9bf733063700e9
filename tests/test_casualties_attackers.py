"""Rows' fatalities when attackers die beside the toll, when the bomber lives, and when a toll is
told across several incidents (own sentences, English and Indonesian, upper and mixed case)."""
import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

PUB = dt.date(2024, 3, 10)


def fatalities(text, lang):
    rows = extract(Article(text=text, published=PUB, language=lang))
    assert rows, "no row"
    return rows[0]["fatalities"], rows[0]["injuries"]


@pytest.mark.parametrize("lang, text, expected", [
    # attackers told beside the toll: their count comes from where they were first told
    ("en", "On Friday two suicide bombers detonated explosives at a bus station in Kano, Nigeria. "
           "In addition to the bombers, nine passengers were killed and 20 others were injured.", (11, 20)),
    ("en", "ON FRIDAY THREE SUICIDE BOMBERS DETONATED EXPLOSIVES AT A MARKET IN MAIDUGURI, NIGERIA. "
           "IN ADDITION TO THE ASSAILANTS, FOUR TRADERS WERE KILLED.", (7, None)),
    # one attacker beside one victim is two dead, not the same figure told twice
    ("en", "On Friday a suicide bomber detonated a vest at a checkpoint in Kandahar, Afghanistan. "
           "In addition to the bomber, one policeman was killed.", (2, None)),
    ("en", "On Friday a suicide bomber approached a patrol in Mogadishu, Somalia, and blew himself up, "
           "killing himself and one soldier.", (2, None)),
    ("id", "Pada Jumat, seorang pelaku bom bunuh diri meledakkan dirinya di pos polisi di Makassar. "
           "Selain pelaku, satu polisi tewas.", (2, None)),
])
def test_attackers_beside_the_toll(lang, text, expected):
    assert fatalities(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "On Friday a suicide bomber attempted to detonate an explosive vest near a police station in Kabul, "
           "Afghanistan. Officers arrested the bomber."),
    ("en", "ON FRIDAY A SUICIDE BOMBER TRIED TO DETONATE HIS VEST AT A CHECKPOINT IN QUETTA, PAKISTAN, BUT THE "
           "DEVICE FAILED TO DETONATE."),
    ("id", "Pada Jumat, seorang pelaku bom bunuh diri menyerang pos polisi di Surabaya, tetapi gagal meledakkan rompinya."),
    ("id", "PADA JUMAT, PELAKU BOM BUNUH DIRI MENCOBA MELEDAKKAN BOM DI GEREJA DI MEDAN."),
    ("en", "Troops stopped a would-be suicide bomber with a vest of explosives at a gate in Mukalla, "
           "Yemen, on Friday and arrested him."),
    ("en", "ON FRIDAY POLICE DETAINED TWO SUSPECTED SUICIDE BOMBERS AT A MARKET IN MAIDUGURI, NIGERIA."),
    ("id", "Pada Jumat, polisi menangkap dua pelaku bom bunuh diri di dekat gereja di Surabaya."),
])
def test_a_bomber_who_lived_is_not_dead(lang, text):
    assert fatalities(text, lang)[0] in (None, 0)


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "On Friday a car bomb exploded at a market in Mosul, Iraq. This was one of two bombings in the city "
           "that day. Twenty people were killed and 40 were wounded across both blasts.", (10, 20)),
    ("en", "ON FRIDAY A CAR BOMB EXPLODED AT A MARKET IN MOSUL, IRAQ. THIS WAS ONE OF THREE BOMBINGS THAT DAY. "
           "THIRTY PEOPLE WERE KILLED ACROSS THE ATTACKS.", (10, None)),
    ("en", "On Friday a bomb exploded at a market in Mosul, Iraq, killing six people.", (6, None)),
    ("id", "Pada Jumat, bom meledak di pasar di Mosul, Irak. Sepuluh orang tewas dalam kedua ledakan itu.", (5, None)),
])
def test_a_toll_across_several_incidents_is_shared(lang, text, expected):
    assert fatalities(text, lang) == expected


def toll(text, lang):
    rows = extract(Article(text=text, published=PUB, language=lang))
    return rows[0]["fatalities"] if rows else "no row"


@pytest.mark.parametrize("lang, text, expected", [
    # a list of victims ending in one person told with an article
    ("en", "On Friday gunmen killed six policemen and a civilian in an ambush near Sukma, India.", 7),
    ("en", "ON FRIDAY GUNMEN SHOT DEAD THREE FARMERS AND A 40-YEAR-OLD WOMAN IN AN AMBUSH NEAR SUKMA, INDIA.", 4),
    # the agent of a passive is not a victim
    ("en", "On Friday a teacher was beheaded by 12 armed militants in an attack near Sukma, India.", 1),
    ("id", "Pada Jumat, seorang guru tewas ditembak oleh 5 orang bersenjata di Intan Jaya, Papua.", 1),
    # two people named, joined by "and", mixed case and all in capitals
    ("en", "On Friday officers Maria Lopez and Daniel Ortiz were killed in an ambush near Cali, Colombia.", 2),
    ("en", "CALI, 3 MAR 24 -- IT WAS LEARNED THAT MARIO LOPEZ AND DANIEL ORTIZ WERE SHOT TO DEATH BY ARMED MEN "
           "NEAR CALI, COLOMBIA.", 2),
    # a death told as a noun
    ("en", "CALI, 3 MAR 24 -- THE BODIES OF FOUR PEASANTS WERE FOUND AFTER AN ATTACK BY GUERRILLAS NEAR CALI, "
           "COLOMBIA.", 4),
])
def test_victims_told_without_one_numeral(lang, text, expected):
    assert toll(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "CALI, 3 MAR 24 -- SOLDIERS AND POLICEMEN WERE KILLED IN AN AMBUSH BY GUERRILLAS NEAR CALI, COLOMBIA."),
    ("en", "On Friday soldiers and police officers were killed in an ambush by guerrillas near Cali, Colombia."),
])
def test_plural_victims_without_a_count_give_no_figure(lang, text):
    assert toll(text, lang) is None


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "On Friday traders blocked roads in Beni, Nord-Kivu, to protest the killing of a shopkeeper by armed men.", 0),
    ("en", "ON FRIDAY STUDENTS PROTESTED IN NAKURU, KENYA, AFTER A CLASSMATE WAS KILLED BY THUGS.", 0),
    ("en", "On Friday police shot dead two protesters during a demonstration in Nakuru, Kenya.", 2),
    # a coder's note that the toll is split across several events
    ("en", "On Friday 8 militants were killed during police operations in Kabul and Ghor provinces, Afghanistan. "
           "Fatalities are split across 4 events.", 2),
])
def test_deaths_a_crowd_protests_and_split_tolls(lang, text, expected):
    assert (toll(text, lang) or 0) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "On Friday police fired tear gas at protesters in Basra, Iraq. According to three activists and a "
           "medic, two protesters were killed.", 2),
    ("en", "ON FRIDAY POLICE FIRED TEAR GAS AT PROTESTERS IN BASRA, IRAQ. ACCORDING TO FOUR WITNESSES, "
           "ONE PROTESTER WAS KILLED.", 1),
    ("id", "Pada Jumat, polisi menembakkan gas air mata ke arah demonstran di Basra, Irak. Menurut keterangan "
           "tiga aktivis dan seorang dokter, dua demonstran tewas.", 2),
])
def test_counts_of_sources_are_no_toll(lang, text, expected):
    assert toll(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a list of counts stops at a new verb ("and damaging ... and one vehicle" is no victim)
    ("en", "A truck bomb went off outside a bank in Kandahar on Friday, killing one guard, wounding "
           "seven civilians and two traffic officers, and damaging the bank and one vehicle.", (1, 9)),
    ("en", "ON FRIDAY A CAR BOMB EXPLODED IN QUETTA, PAKISTAN, KILLING 12 CIVILIANS, THREE OFFICIALS, AND TWO "
           "GUARDS.", (17, None)),
    ("en", "On Friday gunmen detonated a car bomb in Quetta, Pakistan, to kill 20 civilians and injure 30 others.",
     (20, 30)),
    # "in one of five incidents" is this incident, not a toll across five
    ("en", "In one of five incidents in Kashmir, India, on Friday, a car bomb exploded near a patrol, killing two "
           "soldiers and wounding twenty-six others.", (2, 26)),
])
def test_lists_and_verbs_of_counts(lang, text, expected):
    assert fatalities(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a person named, then an apposition, then the casualty word
    ("en", "SAN SALVADOR, 8 MAR 24 -- SOURCES SAID THAT MARIO ROJAS, THE LEFTIST UNION LEADER, DIED IN SOYAPANGO "
           "DURING HEAVY COMBAT BETWEEN THE ARMY AND GUERRILLAS.", 1),
    ("en", "On Friday in Soyapango, El Salvador, Ana Ruiz, a local teacher, died when guerrillas attacked the town.", 1),
    ("id", "Pada Jumat, Budi, seorang guru honorer, tewas ditembak kelompok bersenjata di Intan Jaya, Papua.", 1),
    # nobody died, told with "not a single"
    ("en", "MEDELLIN, 2 MAR 24 -- A BOMB EXPLODED IN MEDELLIN, COLOMBIA. NOT A SINGLE PERSON WAS KILLED.", 0),
])
def test_appositions_and_not_a_single(lang, text, expected):
    assert toll(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a count of incidents is no count of people
    ("en", "Gunmen shot dead one watchman at a school in Potiskum, Nigeria, on Thursday, in one of two related "
           "attacks.", 1),
    # "two of them" right after a count is a part of it
    ("en", "On Monday militants detonated bombs at a market in Baghdad, Iraq, killing four villagers, two of them "
           "children, and wounding nine others.", 4),
    # an age between commas after a name
    ("en", "On Friday militants attacked a village in Sonbhadra, India. The victim, Ram Prakash, 25, was beheaded "
           "by armed Maoists.", 1),
    # an "including" apposition does not push the count away from its word
    ("en", "Five people, including district governor Hamid Nazari, were killed in a gun attack in Herat, "
           "Afghanistan, on Thursday.", 5),
    ("id", "Pada Jumat, lima orang, termasuk Kepala Desa Wahyu Santoso dan istrinya, tewas dalam serangan "
           "kelompok bersenjata di Intan Jaya, Papua.", 5),
    ("id", "Pada Jumat, lima warga diserang kelompok bersenjata di Intan Jaya, Papua, dan tiga di antaranya tewas.", 3),
])
def test_parts_ages_and_incidents(lang, text, expected):
    assert toll(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # victims told besides a toll of another sentence
    ("en", "On Friday 2 policemen died in an attack by militants in Kunduz, Afghanistan. 2 other policemen "
           "were shot dead as they came to help.", 4),
    ("id", "Pada Jumat, dua polisi tewas diserang kelompok bersenjata di Intan Jaya, Papua. Dua polisi lain tewas "
           "saat tiba sebagai bantuan.", 4),
    # a coder's share after "split across N events (X)", and a stated figure in a later sentence
    ("en", "On Friday 14 militants died in raids by government troops near Tarinkot. Fatalities are split "
           "across 3 events (5).", 5),
    ("en", "On Friday 3 soldiers were killed in clashes with militants in Kunduz, Afghanistan. Fatalities coded "
           "as 0 (a partisan source reported 3).", 0),
])
def test_other_victims_and_stated_shares(lang, text, expected):
    assert toll(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "Elders told reporters on Friday that 10 people have been killed in the last two months as raiders "
           "hit villages near Garissa, Kenya."),
    ("en", "ON FRIDAY RESIDENTS SAID THAT OVER THE LAST THREE WEEKS 12 PEOPLE HAVE BEEN KILLED IN RAIDS NEAR LAMU."),
])
def test_a_toll_over_a_period_is_no_incidents_toll(lang, text):
    assert toll(text, lang) in (None, "no row")


@pytest.mark.parametrize("lang, text, expected", [
    # an attacker joined by "and" after the victims' count does not make the count one of attackers
    ("en", "A suicide bomber detonated his device on a bus near Hadera, Israel, on Friday. The attack left three "
           "passengers and the perpetrator dead.", 4),
    ("en", "ON FRIDAY GUNMEN KILLED FOUR SOLDIERS IN AN AMBUSH NEAR GAO, MALI.", 4),
])
def test_victims_joined_to_an_attacker(lang, text, expected):
    assert toll(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # the toll's own list counts the attackers: no dead bomber is added to it
    ("en", "On Friday suicide bombers and gunmen stormed a police post in Kirkuk, Iraq. Two policemen and "
           "five attackers were killed.", 7),
    ("en", "ON FRIDAY SUICIDE BOMBERS AND GUNMEN STORMED A POLICE POST IN KIRKUK, IRAQ. TWO POLICEMEN AND "
           "FIVE ATTACKERS WERE KILLED.", 7),
    ("id", "Pada Jumat, pelaku bom bunuh diri dan pria bersenjata menyerang pos polisi di Poso. Dua polisi dan "
           "tiga pelaku tewas.", 5),
    # "was a suicide bomber": a predicate, not one more of the dead
    ("en", "On Friday gunmen stormed a shrine in Herat, Afghanistan. Besides the three gunmen, one of "
           "whom was a suicide bomber, 12 worshippers were killed.", 15),
    # a bomber told dead on his own and again inside the toll is counted once
    ("en", "A suicide bomber blew himself up at a market in Hama, Syria, on Friday. Twelve people, including "
           "the bomber, were killed.", 12),
    ("en", "A suicide bomber blew himself up at a checkpoint in Kandahar, Afghanistan, on Friday, killing five "
           "people, including himself.", 5),
    ("id", "Seorang pelaku bom bunuh diri meledakkan diri di pos polisi di Makassar, Jumat (8/3/2024). Lima "
           "orang tewas, termasuk pelaku.", 5),
])
def test_a_toll_that_lists_the_attackers(lang, text, expected):
    assert fatalities(text, lang)[0] == expected
