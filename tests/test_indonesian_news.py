"""Indonesian news language, end to end: common words and titles that are no places, a capital
named after a number word, executions and hearsay as background, a crime the police say is
unconnected to any terror network, people taken to a police station, a residents' brawl told
again as a clash. Sentences written for these tests (no outlet's text), with an English
counterpart where the rule is not Indonesian only."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _rows(text: str, published: str) -> list[dict]:
    return pipeline.extract(Article(text=text, published=dt.date.fromisoformat(published)))


@pytest.mark.parametrize("text,published", [
    # "Menurut Andi": a person's name after "menurut" (according to), not a village abroad
    ("PAMEKASAN, KOMPAS.com - Seorang warga dibunuh orang tak dikenal pada Selasa (4/6/2024) malam. "
     "Andi Saputra (40), warga setempat, mengatakan korban dibacok. Menurut Andi, pelaku melarikan diri.",
     "2024-06-05"),
    # "Lurah X" (village head), "kini" (now), "Jadi" (so) opening a sentence
    ("JAKARTA, KOMPAS.com - Tawuran antarpelajar terjadi di Kecamatan Cempaka Putih, Jakarta Pusat, "
     "Selasa (7/3/2023) malam. Lurah Rawasari Budi Hartono mengatakan, kini situasi sudah kondusif. "
     "Menurut Budi, warga sempat panik. Jadi warga diminta tetap tenang.", "2023-03-08"),
    ("JAKARTA, KOMPAS.com - TAWURAN ANTARPELAJAR TERJADI DI KECAMATAN CEMPAKA PUTIH, JAKARTA PUSAT, "
     "SELASA (7/3/2023) MALAM. LURAH RAWASARI MENGATAKAN, KINI SITUASI SUDAH KONDUSIF.", "2023-03-08"),
])
def test_titles_and_common_words_are_no_places(text: str, published: str) -> None:
    rows = _rows(text, published)
    assert all(r["country"] == "Indonesia" for r in rows)
    assert not {r["location"] for r in rows} & {"Andi", "Lurah", "Kini", "Jadi", "Budi"}


@pytest.mark.parametrize("text,published,country", [
    ("Massa berunjuk rasa menentang pemerintah di ibu kota Lima pada Kamis (9/3), puluhan orang "
     "terluka saat ricuh dengan polisi.", "2023-03-11", "Peru"),
    ("Polisi menembakkan gas air mata ke arah demonstran di ibukota Lima, Kamis (9/3), dan puluhan "
     "orang terluka dalam kericuhan.", "2023-03-11", "Peru"),
])
def test_capital_named_like_a_number_word(text: str, published: str, country: str) -> None:
    rows = _rows(text, published)
    assert rows and all(r["country"] == country for r in rows)


@pytest.mark.parametrize("text,published", [
    # a judicial execution announced: no event of political violence
    ("Pengumuman eksekusi mati terhadap seorang aktivis disampaikan di Riyadh pada Senin (12/2).", "2024-02-14"),
    ("Otoritas Saudi mengeksekusi mati seorang pria di Riyadh pada Senin (12/2) atas tuduhan terorisme.",
     "2024-02-14"),
    # a home-made bomb the police call one person's act, not linked to a terror network
    ("Ledakan bom rakitan terjadi di sebuah pasar di Bekasi, Sabtu (4/5/2024). Polisi menyebut "
     "pelakunya beraksi sendirian, tidak terkait jaringan terorisme mana pun.", "2024-05-06"),
    ("LEDAKAN BOM RAKITAN TERJADI DI SEBUAH PASAR DI BEKASI, SABTU (4/5/2024). POLISI MENYEBUT "
     "PELAKU TIDAK TERKAIT DENGAN JARINGAN TEROR.", "2024-05-06"),
    # ransom kidnappings told of a criminal gang
    ("Geng kriminal menyandera warga untuk mendapatkan uang tebusan di Caracas pada Kamis (9/3).", "2023-03-11"),
])
def test_executions_and_crime_are_background(text: str, published: str) -> None:
    assert _rows(text, published) == []


@pytest.mark.parametrize("text,published", [
    ("Massa membakar pos polisi di Kecamatan Bungah, Gresik, Senin (8/1/2024). Warga marah setelah "
     "mendengar kabar tiga nelayan ditangkap polisi.", "2024-01-10"),
    ("Crowds torched a police post in Bungah, Gresik, on Monday. They were angry after hearing news "
     "that three fishermen had been arrested by police.", "2024-01-10"),
])
def test_an_arrest_heard_of_is_the_riots_cause_not_a_second_event(text: str, published: str) -> None:
    rows = _rows(text, published)
    assert [r["event_type"] for r in rows] == ["Riots"]


@pytest.mark.parametrize("text,published,admin1", [
    ("Sebanyak 12 mahasiswa dibawa ke Mapolres Jayapura, Papua, Senin (5/8/2024).", "2024-08-06", "Papua"),
    ("SEBANYAK 12 MAHASISWA DIGELANDANG KE MAPOLRES JAYAPURA, PAPUA, SENIN (5/8/2024).", "2024-08-06", "Papua"),
    ("Polisi menggelandang tiga pemuda ke Mapolsek Rappocini, Makassar, Rabu (14/2/2024).", "2024-02-15",
     "South Sulawesi"),
    ("Police arrested twelve students and took them to the police headquarters in Jayapura, Papua, on Monday.",
     "2024-08-06", "Papua"),
])
def test_taken_to_a_police_station_is_an_arrest_not_a_mob(text: str, published: str, admin1: str) -> None:
    rows = _rows(text, published)
    assert [(r["event_type"], r["sub_event_type"]) for r in rows] == [("Strategic developments", "Arrests")]
    assert rows[0]["admin1"] == admin1


@pytest.mark.parametrize("text,published", [
    ("MAKASSAR - Tawuran antarwarga kembali terjadi di Kecamatan Bontoala, Kota Makassar, Sabtu (9/3/2024) "
     "malam. Bentrokan itu pecah sejak petang. Polisi menarik pasukan, namun tawuran kembali terjadi.",
     "2024-03-10"),
    ("MAKASSAR - TAWURAN ANTARWARGA KEMBALI TERJADI DI KECAMATAN BONTOALA, KOTA MAKASSAR, SABTU (9/3/2024) "
     "MALAM. BENTROKAN ITU PECAH SEJAK PETANG.", "2024-03-10"),
    ("A brawl between residents broke out in Makassar, South Sulawesi, on Saturday night. The clash "
     "started in the afternoon. Police withdrew their troops, but the brawl resumed.", "2024-03-10"),
    # the brawlers called perpetrators, a dispersal by the police: still the brawl
    ("MAKASSAR - Tawuran antarwarga terjadi di Kecamatan Bontoala, Kota Makassar, Sabtu (9/3/2024) malam. "
     "Bentrokan itu pecah sejak petang. Para pelaku saling serang dengan batu dan panah. Polisi melakukan "
     "pembubaran, tetapi tawuran kembali pecah.", "2024-03-10"),
    ("A brawl between residents broke out in Makassar, South Sulawesi, on Saturday night. The clash started "
     "in the afternoon. The attackers threw stones and arrows. Police dispersed them, but the brawl resumed.",
     "2024-03-10"),
])
def test_a_brawl_told_again_as_a_clash_stays_mob_violence(text: str, published: str) -> None:
    rows = _rows(text, published)
    assert [(r["event_type"], r["sub_event_type"]) for r in rows] == [("Riots", "Mob violence")]
    assert rows[0]["admin1"] == "South Sulawesi"


@pytest.mark.parametrize("text,sub_event_type", [
    # a raid made to arrest a rebel: an arrest, not a clash
    ("PANIAI - Satgas gabungan bersama Polres Paniai melakukan penyergapan dan penangkapan terhadap seorang "
     "anggota KKB di Kabupaten Paniai, Papua Tengah, Rabu (14/2/2024).", "Arrests"),
    ("PANIAI - SEORANG ANGGOTA KKB DISERGAP DAN DITANGKAP APARAT GABUNGAN DI KABUPATEN PANIAI, PAPUA TENGAH, "
     "RABU (14/2/2024).", "Arrests"),
    # an ambush of a patrol stays a clash
    ("PANIAI - Anggota KKB menyergap patroli TNI dan terlibat baku tembak di Kabupaten Paniai, Papua Tengah, "
     "Rabu (14/2/2024).", "Armed clash"),
])
def test_a_raid_to_arrest_is_no_clash(text: str, sub_event_type: str) -> None:
    rows = _rows(text, "2024-02-15")
    assert [r["sub_event_type"] for r in rows] == [sub_event_type]
    assert rows[0]["admin1"] == "Central Papua"
