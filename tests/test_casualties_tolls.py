"""Stage `casualties`: a war's or a campaign's running toll is an aggregate, not one incident's
dead; one incident's rising toll stays its own (both languages, mixed and upper case)."""
import pytest

from test_casualties_counts import found as _found


def found(text, lang):
    return [(c.kind, c.low, c.aggregate) for c in _found(text, lang)]


@pytest.mark.parametrize("lang, text, expected", [
    # a campaign's total: a toll verb, a war or a series of acts as the cause, no incident of its own
    ("en", "The death toll in Tigray from government air strikes has reached more than 3,100, officials said.",
     [("killed", 3100, True)]),
    ("en", "The death toll from the war in Sudan has now reached 12,000.", [("killed", 12000, True)]),
    ("en", "THE DEATH TOLL FROM THE ARMY'S OFFENSIVE IN THE NORTH HAS RISEN TO 310.", [("killed", 310, True)]),
    ("en", "The death toll in Darfur from militia attacks rose to 240.", [("killed", 240, True)]),
    ("en", "Over 300 villagers have been killed in the province so far this year.", [("killed", 300, True)]),
    ("id", "Jumlah korban tewas di Darfur akibat serangan milisi telah mencapai lebih dari 2.300 orang.",
     [("killed", 2300, True)]),
    ("id", "Jumlah korban jiwa akibat konflik bersenjata di wilayah itu mencapai 1.200 orang.",
     [("killed", 1200, True)]),
    ("id", "JUMLAH KORBAN TEWAS AKIBAT AGRESI MILITER ITU BERTAMBAH MENJADI 900 ORANG.", [("killed", 900, True)]),
    ("id", "Sepanjang tahun ini, 45 warga tewas akibat serangan kelompok bersenjata di Papua.",
     [("killed", 45, True)]),
    ("id", "Sejak Oktober, lebih dari 15.000 warga tewas.", [("killed", 15000, True)]),
    # a past year's toll is history ("the massacres of 1947", "pada tahun 1999")
    ("en", "Hundreds marched to remember the massacres of 1947, in which soldiers killed thousands.",
     [("killed", 1000, True)]),
    ("en", "In 2019, militants killed 3 soldiers in the same village.", [("killed", 3, True)]),
    ("id", "Pada tahun 1999, kerusuhan itu menewaskan ratusan orang.", [("killed", 100, True)]),
    ("en", "On 3 December 2023, militants killed 3 soldiers in the village.", [("killed", 3, False)]),
    ("id", "Pada 3 Desember 2023, kelompok bersenjata menewaskan tiga warga.", [("killed", 3, False)]),
    # one incident's toll rising: still its own
    ("en", "The death toll from Friday's blast has risen to 40.", [("killed", 40, False)]),
    ("en", "The death toll from Sunday's air strikes on the market rose to 23.", [("killed", 23, False)]),
    ("en", "The death toll in Kabul rose to 40.", [("killed", 40, False)]),
    ("en", "The toll from the bombing of the bus station climbed to 18.", [("killed", 18, False)]),
    ("id", "Jumlah korban tewas akibat ledakan bom pada Jumat bertambah menjadi 40 orang.", [("killed", 40, False)]),
    ("id", "Jumlah korban tewas di Sibolga bertambah menjadi 12 orang.", [("killed", 12, False)]),
    ("id", "Korban meninggal dunia akibat serangan KKB bertambah menjadi 10 orang.", [("killed", 10, False)]),
    ("id", "Jumlah korban tewas akibat serangan di pasar pada Minggu mencapai 25 orang.", [("killed", 25, False)]),
])
def test_campaign_toll_is_aggregate(lang, text, expected):
    assert found(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # "an", "a" between the toll noun and its verb are articles, not counts of a list
    ("en", "The death toll in an attack on a village near Lodwar has risen to 11.", [("killed", 11, False)]),
    ("en", "THE DEATH TOLL FROM AN AMBUSH ON A BUS ROSE TO 14 ON MONDAY.", [("killed", 14, False)]),
    ("id", "Jumlah korban tewas dalam sebuah serangan di sebuah desa di Intan Jaya bertambah menjadi 11 orang.",
     [("killed", 11, False)]),
])
def test_articles_between_a_toll_and_its_verb_are_no_counts(lang, text, expected):
    assert found(text, lang) == expected
