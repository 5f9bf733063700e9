"""Stage `casualties`: dead and injured counts in both languages, with ACLED's conventions."""
import datetime as dt

import pytest

from events.article import Article
from events.extract import casualties, dateline, dates, sentences
from events.pipeline import Doc

PUB = dt.date(2023, 12, 8)


def found(text, lang):
    doc = Doc(Article(text=text, published=PUB), language=lang)
    for stage in (sentences, dateline, dates, casualties):
        stage.run(doc)
    for c in doc.findings["casualties"]:
        assert text[c.start:c.end] == c.text
        assert 0 <= c.sentence < len(doc.sentences)
    return doc.findings["casualties"]


def summary(text, lang):
    return [(c.kind, c.low, c.high, c.exact, c.perpetrators, c.aggregate) for c in found(text, lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Sebanyak 59 orang tewas saat pria bersenjata menyerang sekolah polisi.", [("killed", 59, 59)]),
    ("id", "Tiga orang tewas dan dua lainnya luka-luka dalam carok.", [("killed", 3, 3), ("injured", 2, 2)]),
    ("id", "Bom itu menewaskan tujuh orang dan melukai 13 lainnya.", [("killed", 7, 7), ("injured", 13, 13)]),
    ("id", "Seorang remaja 18 tahun tewas akibat terkena tabung gas air mata.", [("killed", 1, 1)]),
    ("id", "Sekitar 50 orang lainnya juga menderita luka.", [("injured", 50, 50)]),
    ("id", "Tiga puluh dua orang tewas dan puluhan terluka.", [("killed", 32, 32), ("injured", 12, 99)]),
    ("id", "Dua belas polisi tewas.", [("killed", 12, 12)]),
    ("id", "Ratusan orang luka-luka.", [("injured", 100, 999)]),
    ("id", "Belasan warga terluka akibat ledakan.", [("injured", 11, 19)]),
    ("id", "Pertempuran itu menelan nyawa 19 orang.", [("killed", 19, 19)]),
    ("id", "Setidaknya 1.200 orang tewas dalam gempa susulan.", [("killed", 1200, 1200)]),
    ("id", "DUA ANGGOTA BRIMOB TERLUKA SAAT KONTAK TEMBAK.", [("injured", 2, 2)]),
    ("id", "Dua atau tiga orang tewas.", [("killed", 2, 3)]),
    ("id", "Korban meninggal dunia akibat serangan KKB bertambah menjadi 10 orang.", [("killed", 10, 10)]),
    ("id", "Hingga Minggu sore, jumlah korban tewas mencapai 25 orang.", [("killed", 25, 25)]),
    ("id", "Sebanyak 7 rumah dibakar massa dan 2 warga terluka.", [("injured", 2, 2)]),
    ("id", "KKB menembak dua guru hingga tewas.", [("killed", 2, 2)]),
    ("en", "The death toll from Friday's blast in the capital rose to 23.", [("killed", 23, 23)]),
    ("en", "Nine people have been killed and another 24 wounded after a bomb attack.", [("killed", 9, 9), ("injured", 24, 24)]),
    ("en", "Two car bombs exploded, killing 16 and wounding dozens.", [("killed", 16, 16), ("injured", 12, 99)]),
    ("en", "At least eight UN peacekeepers have been killed in an ambush.", [("killed", 8, 8)]),
    ("en", "Seven were wounded in the attack.", [("injured", 7, 7)]),
    ("en", "Gunmen killed four French tourists.", [("killed", 4, 4)]),
    ("en", "One hundred and twelve people died.", [("killed", 112, 112)]),
    ("en", "Twenty-one soldiers were killed and scores injured.", [("killed", 21, 21), ("injured", 12, 99)]),
    ("en", "Between 8 and 9 UN troops were killed.", [("killed", 8, 9)]),
    ("en", "THREE PEOPLE ARE DEAD AND FIVE ARE INJURED.", [("killed", 3, 3), ("injured", 5, 5)]),
    ("en", "The blast killed 1,200 people.", [("killed", 1200, 1200)]),
    ("en", "Two gunmen killed four people.", [("killed", 4, 4)]),
    ("en", "The attack left three people injured.", [("injured", 3, 3)]),
    ("en", "Five people, including two children, were killed.", [("killed", 5, 5)]),
    ("id", "Lima orang, termasuk dua anak-anak, tewas.", [("killed", 5, 5)]),
    ("id", "Lima orang itu dan tiga di antaranya tewas.", [("killed", 3, 3)]),
    ("en", "Six people were hurt and two of them died.", [("injured", 6, 6), ("killed", 2, 2)]),
    ("en", "The bombing killed three people and injured more than a dozen.", [("killed", 3, 3), ("injured", 12, 12)]),
    ("en", "The blast left 12 dead and 40 wounded.", [("killed", 12, 12), ("injured", 40, 40)]),
    ("id", "Ledakan itu menelan 5 korban jiwa.", [("killed", 5, 5)]),
    ("id", "Akibatnya 2 (dua) orang meninggal dunia dan 3 (tiga) orang luka berat.",
     [("killed", 2, 2), ("injured", 3, 3)]),
    ("id", "Korban luka berjumlah 12 orang.", [("injured", 12, 12)]),           # the verb's subject is no toll
    ("en", "Gunmen shot and killed a civilian and wounded an officer.", [("killed", 1, 1), ("injured", 1, 1)]),
    ("en", "A policeman was killed.", [("killed", 1, 1)]),
    ("en", "A bomb exploded near a market where a soldier was wounded.", [("injured", 1, 1)]),
    ("en", "The attack killed a hundred people.", [("killed", 100, 100)]),
    ("id", "Seorang pria bersenjata menewaskan 3 orang.", [("killed", 3, 3)]),
])
def test_casualties_counts(lang, text, expected):
    assert [(c.kind, c.low, c.high) for c in found(text, lang)] == expected


@pytest.mark.parametrize("lang, text, kinds", [
    ("id", "Serangan itu tidak menimbulkan korban jiwa.", ["killed"]),
    ("id", "Tidak ada korban dalam ledakan tersebut.", ["injured", "killed"]),
    ("en", "There were no casualties.", ["killed"]),
    ("en", "No one was hurt in the blast.", ["injured", "killed"]),
    ("en", "NO ONE WAS INJURED.", ["injured"]),
    ("en", "The blast in the crowded market killed nobody.", ["killed"]),
])
def test_casualties_nobody_is_zero(lang, text, kinds):
    got = found(text, lang)
    assert sorted(c.kind for c in got) == kinds
    assert all(c.low == c.high == 0 and c.exact for c in got)


@pytest.mark.parametrize("lang, text", [
    ("en", "U.S. soldiers discovered up to twelve beheaded bodies."),
    ("id", "Beberapa orang terluka dalam insiden itu."),
    ("id", "Hingga 30 orang dikhawatirkan tewas."),
    ("en", "Several people were injured."),
    ("en", "As many as 40 people may have died."),
    ("en", "The blast killed a few people."),
    ("en", "There are a lot of wounded people."),
])
def test_casualties_not_codable_figures_are_not_exact(lang, text):
    got = found(text, lang)
    assert got and not any(c.exact for c in got)


@pytest.mark.parametrize("lang, text", [
    ("id", "Ledakan terdengar sekitar pukul 4 pagi pada hari Jumat."),
    ("id", "Amerika Serikat memiliki sekitar 2.500 tentara di negara tersebut."),
    ("id", "Kelompok itu telah mengaitkan lebih dari 70 serangan serupa."),
    ("id", "Riyad Jaffar ( 27 ) diduga mengirim milisi."),
    ("id", "Polisi menyita 2 pucuk senjata api dan 150 butir amunisi."),
    ("id", "Dia membunuh militan ISIS satu per satu."),
    ("id", "Ledakan terjadi pukul 10.30 WIB di dekat pos polisi."),
    ("id", "Pelaku berusia 25 tahun itu ditangkap pada 2014."),
    ("id", "Pengunjuk rasa lain berusia 20 tahunan dilaporkan tewas."),
    ("en", "A 25-year-old man was arrested at 4.30 pm."),
    ("en", "The United States has about 2,500 troops in Iraq."),
    ("en", "Police seized 12 rifles and $5,000 in cash."),
    ("en", "The attack happened at 10 in the morning on December 4, 2023."),
])
def test_casualties_numbers_that_are_not_counts(lang, text):
    assert found(text, lang) == []


@pytest.mark.parametrize("lang, text, expected", [
    # a toll of victims and attackers together is not a count of attackers only
    ("en", "Three police officers and three of the assailants were killed during the gunfight.",
     [("killed", 6, 6, True, False, False)]),
    ("en", "Three of the assailants were killed during the gunfight.", [("killed", 3, 3, True, True, False)]),
    ("en", "Seven tourists and two Yemenis are dead after a suicide attacker blew his vehicle up.",
     [("killed", 9, 9, True, False, False), ("killed", 1, 1, True, True, False)]),
    ("id", "Pelaku bom bunuh diri meledakkan diri di pos polisi, menewaskan dua polisi.",
     [("killed", 1, 1, True, True, False), ("killed", 2, 2, True, False, False)]),
    ("id", "Tiga pelaku tewas dalam baku tembak.", [("killed", 3, 3, True, True, False)]),
    ("id", "Para kadet tewas setelah salah seorang teroris meledakkan rompinya.", [("killed", 1, 1, True, True, False)]),
    ("id", "Ledakan menewaskan 3 orang, termasuk pelaku.", [("killed", 3, 3, True, False, False)]),
    ("id", "Polisi menembak mati dua terduga teroris.", [("killed", 2, 2, True, True, False)]),
    ("en", "Gunmen killed 2 soldiers and 3 civilians.", [("killed", 5, 5, True, False, False)]),
    ("en", "The blast killed at least 12 people, including 3 children.", [("killed", 12, 12, True, False, False)]),
])
def test_casualties_perpetrators(lang, text, expected):
    assert summary(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("id", "Tahun ini sudah 200 orang tewas dalam konflik di Papua."),
    ("id", "Sejak Oktober, lebih dari 1.200 orang tewas."),
    ("en", "More than 5,000 people have been killed since the fighting began."),
    ("en", "So far this year, 300 people have died in attacks."),
])
def test_casualties_aggregates(lang, text):
    got = found(text, lang)
    assert got and all(c.aggregate for c in got)


@pytest.mark.parametrize("lang, text", [
    ("id", "Serangan itu menewaskan tiga orang."),
    ("id", "Total tiga orang tewas dalam serangan itu."),
    ("en", "A total of three people were killed in the blast."),
    ("en", "So far, three people have been confirmed dead in the blast."),
    ("id", "Hingga kini tiga orang tewas akibat ledakan itu."),
])
def test_casualties_single_incident_is_not_aggregate(lang, text):
    assert summary(text, lang) == [("killed", 3, 3, True, False, False)]


def test_casualties_counts_stay_in_their_sentence():
    got = found("Polisi mengerahkan 300 personel. Tiga orang tewas.", "id")
    assert [(c.kind, c.low, c.sentence) for c in got] == [("killed", 3, 1)]


def test_casualties_unsupported_language_finds_nothing():
    doc = Doc(Article(text="Drei Menschen wurden getötet."), language="de")
    casualties.run(doc)
    assert doc.findings["casualties"] == []
