"""The places stage on real sentences (Indonesian and English): what is a place, and which."""
from __future__ import annotations

from pathlib import Path

import pytest

from events.article import Article, Sentence
from events.extract import places
from events.findings import Dateline
from events.pipeline import Doc

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_875a52781534f216.txt"


def _doc(text: str, language: str, source: str | None = None, dateline: Dateline | None = None) -> Doc:
    doc = Doc(article=Article(text=text, source=source), language=language)
    if dateline is not None:
        doc.findings["dateline"] = dateline
    places.run(doc)
    return doc


def _choice(text: str, language: str, **kw):
    doc = _doc(text, language, **kw)
    return places.choose(doc, {0})


def test_places_seed_bagdad_is_baghdad_iraq():
    text = SEED.read_text(encoding="utf-8")
    doc = Doc(article=Article(text=text, source="ERA.id"), language="id")
    first = text.index(".") + 1
    doc.sentences = [Sentence(0, first, text[:first]), Sentence(first + 1, len(text), text[first + 1:])]
    places.run(doc)
    place = places.choose(doc, {0})
    assert (place.country, place.iso3, place.admin1, place.location) == ("Iraq", "IRQ", "Baghdad", "Baghdad")
    assert abs(place.latitude - 33.34) < 0.05 and abs(place.longitude - 44.40) < 0.05
    assert place.geo_precision == 1
    assert not any(m.text == "ERA" for m in doc.findings["places"])


@pytest.mark.parametrize("text, language, country, admin1", [
    # the same name in Indonesia and abroad: the article's context decides
    ("Bom meledak di Tripoli, Libya, menewaskan tiga orang.", "id", "Libya", "Tripoli"),
    ("A car bomb exploded in Tripoli, Lebanon, killing three people.", "en", "Lebanon", "North"),
    ("Kontak tembak terjadi di Victoria, Kanada, pada Senin.", "id", "Canada", "British Columbia"),
    ("Seorang polisi tewas ditembak di Medan, Sumatera Utara.", "id", "Indonesia", "North Sumatra"),
    ("Two people were killed in Medan, Indonesia, on Monday.", "en", "Indonesia", "North Sumatra"),
    ("Kedutaan Besar Amerika Serikat di Bagdad diserang dengan roket.", "id", "Iraq", "Baghdad"),
    ("Gunmen killed five policemen in Dera Ismail Khan on Monday.", "en", "Pakistan", "Khyber Pakhtunkhwa"),
    ("Serangan udara Israel menghantam Khan Younis di Jalur Gaza.", "id", "Palestine", None),
])
def test_places_ambiguous_names_resolve_by_context(text, language, country, admin1):
    place = _choice(text, language)
    assert place is not None and place.country == country
    if admin1 is not None:
        assert place.admin1 == admin1


@pytest.mark.parametrize("text, language, country", [
    ("Serangan udara di Suriah menewaskan 10 orang.", "id", "Syria"),
    ("Ledakan di Irak menewaskan lima tentara.", "id", "Iraq"),
    ("Fighting in Somalia killed 12 people on Sunday.", "en", "Somalia"),
])
def test_places_country_only_is_precision_3(text, language, country):
    place = _choice(text, language)
    assert (place.country, place.admin1, place.geo_precision) == (country, None, 3)


@pytest.mark.parametrize("text, language, country, admin1", [
    ("Dua anggota Brimob terluka dalam kontak tembak di Papua.", "id", "Indonesia", "Papua"),
    ("Militants attacked a police checkpoint in Khyber Pakhtunkhwa on Tuesday.", "en", "Pakistan",
     "Khyber Pakhtunkhwa"),
    ("Bom meledak di sebuah gereja di Jawa Tengah.", "id", "Indonesia", "Central Java"),
])
def test_places_provinces_are_precision_3(text, language, country, admin1):
    place = _choice(text, language)
    assert (place.country, place.admin1, place.geo_precision) == (country, admin1, 3)


@pytest.mark.parametrize("text, language, location", [
    ("GUNMEN KILLED FIVE POLICEMEN IN PESHAWAR ON MONDAY, POLICE SAID.", "en", "Peshawar"),
    ("BOM MELEDAK DI KAMPUNG MELAYU, JAKARTA TIMUR, RABU MALAM.", "id", "Jakarta Timur"),
    ("A ROADSIDE BOMB KILLED TWO SOLDIERS NEAR KANDAHAR.", "en", "Kandahar"),
])
def test_places_upper_case_wire_copy(text, language, location):
    place = _choice(text, language)
    assert place is not None and place.location == location


def test_places_near_is_precision_2():
    place = _choice("A roadside bomb killed two soldiers near Kandahar on Monday.", "en")
    assert (place.location, place.geo_precision) == ("Kandahar", 2)
    place = _choice("Bom meledak di dekat Kandahar pada Senin.", "id")
    assert (place.location, place.geo_precision) == ("Kandahar", 2)


@pytest.mark.parametrize("text, language, source, not_places", [
    ("JAKARTA, CNN Indonesia -- Ledakan bom terjadi di Kampung Melayu, Jakarta Timur.", "id",
     "CNN Indonesia", {"Indonesia"}),
    ("ERA.id - Kedutaan Besar Amerika Serikat di Bagdad diserang.", "id", None, {"ERA"}),
    ("Jakarta (Antara) - Antara melaporkan ledakan di Poso, Sulawesi Tengah.", "id", "Antara", {"Antara"}),
    ("Kapolri Tito Karnavian mengatakan pelaku ditangkap di Solo.", "id", None, {"Tito", "Karnavian"}),
    ("Presiden Joko Widodo mengutuk serangan di Surabaya.", "id", None, {"Joko", "Widodo"}),
    ("Police Chief Tito Karnavian said the suspects were arrested in Solo.", "en", None, {"Tito", "Police"}),
])
def test_places_outlets_and_people_are_not_places(text, language, source, not_places):
    doc = _doc(text, language, source=source)
    found = {m.text for m in doc.findings["places"]}
    assert not (found & not_places), found
    assert found, "the real place in the sentence should still be found"


def test_places_dateline_city_is_evidence_not_the_event_place():
    text = "JAKARTA, CNN Indonesia -- Bom meledak di Kabul, Afghanistan, menewaskan tujuh orang."
    dl = Dateline(outlet="CNN Indonesia", place="Jakarta", start=0, end=26)
    place = _choice(text, "id", source="CNN Indonesia", dateline=dl)
    assert (place.country, place.location) == ("Afghanistan", "Kabul")


def test_places_no_place_gives_none():
    assert _choice("Polisi masih menyelidiki motif pelaku.", "id") is None


def test_places_choose_falls_back_to_the_main_place():
    text = "Bom meledak di Kabul pada Rabu. Tujuh orang tewas dalam serangan itu."
    doc = Doc(article=Article(text=text), language="id")
    doc.sentences = [Sentence(0, 31, text[:31]), Sentence(32, len(text), text[32:])]
    places.run(doc)
    place = places.choose(doc, {1})
    assert (place.country, place.location) == ("Afghanistan", "Kabul")


@pytest.mark.parametrize("text, language, feature, location, admin1", [
    ("Gunmen attacked a checkpoint in Kandahar province on Monday.", "en", "admin1", "Kandahar", "Kandahar"),
    ("Two soldiers were killed in Kandahar city on Monday.", "en", "city", "Kandahar", "Kandahar"),
    ("Serangan di provinsi Kandahar menewaskan dua orang.", "id", "admin1", "Kandahar", "Kandahar"),
    ("Armed men attacked a village near Mopti, central Mali.", "en", "city", "Mopti", "Mopti"),
    ("Bentrokan terjadi di Kabupaten Puncak, Papua.", "id", "admin2", "Puncak", "Papua"),
    ("Fighting erupted in Achin district of Nangarhar province.", "en", "admin2", "Achin", "Nangarhar"),
])
def test_places_kind_words_steer_the_reading(text, language, feature, location, admin1):
    place = _choice(text, language)
    assert (place.feature, place.location, place.admin1) == (feature, location, admin1)


@pytest.mark.parametrize("text, language, country, admin1", [
    ("Warga Palestina tewas ditembak tentara Israel di Tepi Barat.", "id", "Palestine", "West Bank"),
    ("Israeli airstrikes hit Rafah in the southern Gaza Strip, killing 12.", "en", "Palestine", "Gaza Strip"),
    ("Bom meledak di Pulau Madura, Jawa Timur.", "id", "Indonesia", "East Java"),
])
def test_places_language_aliases(text, language, country, admin1):
    place = _choice(text, language)
    assert (place.country, place.admin1) == (country, admin1)


def test_places_district_written_before_its_city_is_coded_at_the_city():
    place = _choice("Polisi menangkap Minhati di rumahnya di kawasan Tubod, Iligan City, Minggu pagi.", "id")
    assert (place.location, place.admin1) == ("Iligan", "Northern Mindanao")


def test_places_province_written_after_a_district_is_its_admin1():
    text = "Dua anggota Brimob terluka di Kampung Utikini, Tembagapura, Kabupaten Mimika, Provinsi Papua."
    place = _choice(text, "id")
    assert (place.country, place.admin1, place.location, place.geo_precision) == ("Indonesia", "Papua", "Mimika", 2)


def test_places_surname_seen_with_a_first_name_is_no_town_later():
    text = ("Jurnalis lepas asal Amerika Serikat bernama Christopher Allen tewas di Sudan Selatan. "
            "Allen sudah meliput kegiatan pemberontak selama beberapa pekan.")
    doc = _doc(text, "id")
    assert "Allen" not in {m.text for m in doc.findings["places"]}


def test_places_upper_case_dateline_at_the_start_is_found_and_provinces_are_no_towns():
    text = ("KABUL, Afghanistan (AP) — A suicide bomber struck worshippers in western Kabul. "
            "The Islamic State affiliate, known as IS in Khorasan Province, claimed it. Sumber: AP.")
    found = {m.text: m.place for m in _doc(text, "en").findings["places"]}
    assert found["KABUL"].country == "Afghanistan"
    assert "Khorasan" not in found and "Sumber" not in found
