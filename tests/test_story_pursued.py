"""story + rows: an article about an arrest, a hunt or a funeral is coded as that act (an arrest
is Strategic developments / Arrests) or as nothing; the attack it follows, told as its reason,
gives no row of its own, and neither its date ("last week's", "pekan lalu") nor its toll go to the
arrest's row. An attack told as an event, with the hunt after it, stays a row. Own sentences, both
languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

DAY = dt.date(2024, 5, 4)
VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence")


def _rows(text: str) -> list[dict]:
    return extract(Article(text=text, published=DAY, source="test"))


@pytest.mark.parametrize("text,date", [
    ("On 3 May 2024, police in Jolo, Sulu, arrested three men suspected of last week's ambush that "
     "killed two soldiers in Patikul.", "2024-05-03"),
    ("POLICE IN JOLO, SULU, ON FRIDAY ARRESTED THREE MEN SUSPECTED OF LAST WEEK'S AMBUSH THAT KILLED "
     "TWO SOLDIERS IN PATIKUL.", "2024-05-03"),
    ("Pada Jumat (3/5/2024), polisi menangkap tiga pria yang diduga terlibat penyerangan yang "
     "menewaskan dua petani di Kabupaten Poso, Sulawesi Tengah, pekan lalu.", "2024-05-03"),
    ("Pada Jumat (3/5/2024), polisi membekuk pelaku penembakan warga di Kota Makassar, Sulawesi Selatan.",
     "2024-05-03"),
    ("Two men accused of killing a trader in Mandera, Kenya, last week were arrested on Friday.", "2024-05-03"),
    # the arrest in one sentence, what the men are suspected of in the next
    ("Police in Jolo, Sulu, arrested three men on Friday. The men are suspected of carrying out the ambush "
     "that killed two soldiers in Patikul on April 20.", "2024-05-03"),
    ("Polisi menangkap tiga pria di Kabupaten Poso, Sulawesi Tengah, Jumat (3/5/2024). Ketiganya diduga "
     "terlibat penyerangan yang menewaskan dua petani pada 20 April lalu.", "2024-05-03"),
    ("Dua tersangka pembunuhan seorang pedagang di Kota Makassar, Sulawesi Selatan, pekan lalu ditangkap "
     "polisi, Jumat (3/5/2024).", "2024-05-03"),
])
def test_story_arrest_for_an_earlier_attack_is_the_arrest(text: str, date: str) -> None:
    rows = _rows(text)
    assert [(r["sub_event_type"], str(r["event_date"]), r["fatalities"]) for r in rows] == [("Arrests", date, 0)]


@pytest.mark.parametrize("text", [
    "Police are hunting the gunmen who shot dead a trader in Mandera, Kenya, last week.",
    "Mourners on Friday attended the funeral of a teacher who was stabbed to death last week in Kisumu, Kenya.",
    "Polisi memburu pelaku yang menyerang dua petani di Kabupaten Poso, Sulawesi Tengah, pekan lalu.",
    "Ratusan warga menghadiri pemakaman seorang wartawan yang ditembak mati pekan lalu di Kota Makassar, "
    "Sulawesi Selatan.",
    "POLISI MEMBURU PELAKU YANG MENYERANG DUA PETANI DI KABUPATEN POSO, SULAWESI TENGAH, PEKAN LALU.",
    # the dead a funeral buries, the funeral word after them
    "The bodies of five soldiers killed in an ambush in Patikul, Sulu, on Friday were buried on Sunday.",
    "Jenazah dua petani yang tewas diserang di Kabupaten Poso, Sulawesi Tengah, dimakamkan pada Sabtu (4/5/2024).",
])
def test_story_attack_told_as_the_reason_is_no_row(text: str) -> None:
    assert not [r for r in _rows(text) if r["event_type"] in VIOLENT]


@pytest.mark.parametrize("text,sub_event_type,fatalities", [
    ("On 3 May 2024, gunmen shot dead a trader in Mandera, Kenya. Police launched a hunt for the attackers.",
     "Attack", 1),
    ("Pada Jumat (3/5/2024), orang tak dikenal menembak mati seorang pedagang di Kota Makassar, Sulawesi "
     "Selatan. Polisi masih memburu pelaku.", "Attack", 1),
    ("On 3 May 2024, gunmen killed two farmers in Poso, Central Sulawesi. Their bodies were buried on Saturday.",
     "Attack", 2),
    ("On 3 May 2024, militants ambushed an army patrol in Patikul, Sulu, killing two soldiers, and police "
     "later arrested three men.", "Armed clash", 2),
])
def test_story_attack_then_hunt_stays_the_attack(text: str, sub_event_type: str, fatalities: int) -> None:
    rows = _rows(text)
    assert [(r["sub_event_type"], r["fatalities"]) for r in rows] == [(sub_event_type, fatalities)]
