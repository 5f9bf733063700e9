"""Wording of ordinary reports that lost or mis-coded an event: a checkpoint named 'pos
pemeriksaan' is a place, not an investigation; a kind word in lower case before a town ('di kota
Surabaya') does not hide the town; the one who tells the story ('..., kata polisi Somalia') is
neither a side nor the blamed; a crowd's clash after what it protests about is its own act; a
person of some note (GTD's assassination) is a holder of a prominent post, not any activist or
official. Own sentences, both languages, mixed and upper case."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article, Sentence
from events.extract import event_types


def _rows(text: str, language: str, published: dt.date = dt.date(2024, 6, 4)) -> list[dict]:
    return pipeline.run_article(Article(text=text, published=published, language=language)).rows


@pytest.mark.parametrize("text, language", [
    ("Dua tentara tewas ketika orang bersenjata menyerang sebuah pos pemeriksaan militer di Kota Marawi, "
     "Filipina, pada Senin (3/6/2024) malam.", "id"),
    ("Tiga polisi tewas ketika militan menyerang pos pemeriksaan polisi di pinggiran Quetta, Pakistan, "
     "pada Senin malam.", "id"),
    ("Penyerang menembaki titik pemeriksaan di Kota Kandahar, Afganistan, Senin (3/6/2024), menewaskan dua polisi.", "id"),
    ("Gunmen attacked a police checkpoint on the outskirts of Quetta, Pakistan, on Monday night, killing three officers.",
     "en"),
])
def test_rows_a_checkpoint_is_a_place_not_an_investigation(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert rows, "the attack on the checkpoint gave no row"
    assert rows[0]["event_date"] == dt.date(2024, 6, 3)
    assert rows[0]["event_type"] in ("Battles", "Violence against civilians")


@pytest.mark.parametrize("text", [
    "Polisi melakukan pemeriksaan terhadap lima saksi penembakan di Kota Marawi, Filipina, Senin (3/6/2024).",
    "Polisi masih melakukan pemeriksaan atas serangan di Quetta, Pakistan, Senin (3/6/2024).",
])
def test_rows_an_examination_of_witnesses_is_still_no_event(text: str) -> None:
    assert _rows(text, "id") == []


@pytest.mark.parametrize("text, language, location", [
    ("Sebuah bom meledak di sebuah gereja di kota Surabaya pada Minggu pagi, 2 Juni 2024, menewaskan empat orang.",
     "id", "Surabaya"),
    ("Sebuah bom meledak di pasar di kabupaten Poso, Sulawesi Tengah, Senin (3/6/2024), menewaskan dua warga.",
     "id", "Poso"),
    ("Orang tak dikenal menembak mati dua warga di kota Ambon, Maluku, Senin (3/6/2024).", "id", "Ambon"),
    ("A bomb exploded at a market in the city of Kisumu, Kenya, on Monday, killing two people.", "en", "Kisumu"),
])
def test_rows_a_kind_word_in_lower_case_does_not_hide_the_town(text: str, language: str, location: str) -> None:
    rows = _rows(text, language)
    assert [r["location"] for r in rows] == [location]


@pytest.mark.parametrize("text, language, group", [
    ("Sedikitnya 30 orang tewas ketika militan Al Shabaab menyerang sebuah hotel di Kismayo, Somalia, pada Jumat "
     "(31/5/2024) malam, kata polisi Somalia.", "id", "Al Shabaab"),
    ("Lima warga tewas ketika anggota kelompok Abu Sayyaf menembaki sebuah pasar di Jolo, Filipina, Senin (3/6/2024), "
     "kata juru bicara militer.", "id", "Abu Sayyaf Group"),
    ("At least 30 people were killed when Al Shabaab militants attacked a hotel in Kismayo, Somalia, on Friday, "
     "police said.", "en", "Al Shabaab"),
])
def test_rows_who_tells_the_attack_is_no_side_and_the_named_group_is_blamed(text: str, language: str,
                                                                            group: str) -> None:
    rows = _rows(text, language)
    assert len(rows) == 1
    row = rows[0]
    assert row["actor1"] == group
    assert row["event_type"] == "Violence against civilians"
    assert row["actor2"].startswith("Civilians")


@pytest.mark.parametrize("text, language", [
    ("Traders protesting against the new market levy clashed with police in Kisumu, Kenya, on Monday.", "en"),
    ("TRADERS PROTESTING AGAINST THE NEW MARKET LEVY CLASHED WITH POLICE IN KISUMU, KENYA, ON MONDAY.", "en"),
    ("Pedagang yang memprotes pungutan bentrok dengan polisi di Makassar, Sulawesi Selatan, Senin (3/6/2024).", "id"),
    ("Ratusan pedagang yang memprotes kenaikan pungutan pasar bentrok dengan polisi di Makassar, Sulawesi Selatan, "
     "Senin (3/6/2024).", "id"),
])
def test_rows_a_crowd_clashing_after_its_grievance_is_a_riot(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert [r["event_type"] for r in rows] == ["Riots"]


@pytest.mark.parametrize("text, language", [
    ("Students marched in Nairobi, Kenya, on Monday against the clash with police last week.", "en"),
    ("Mahasiswa berunjuk rasa di Makassar, Sulawesi Selatan, Senin (3/6/2024), memprotes bentrok dengan polisi "
     "pekan lalu.", "id"),
])
def test_rows_a_clash_protested_about_is_the_grievance(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert [r["event_type"] for r in rows] == ["Protests"]


def _attack_types(text: str, language: str) -> list[str]:
    return [r["attack_type"] for r in _rows(text, language)]


@pytest.mark.parametrize("text, language", [
    ("Gunmen shot dead a human rights activist in Quetta, Pakistan, on Monday.", "en"),
    ("Gunmen shot dead a local cleric outside a mosque in Quetta, Pakistan, on Monday.", "en"),
    ("Orang tak dikenal menembak mati seorang aktivis di Jayapura, Papua, Senin (3/6/2024).", "id"),
    ("Orang tak dikenal menembak mati seorang ulama di Jayapura, Papua, Senin (3/6/2024).", "id"),
])
def test_rows_a_member_of_a_targeted_group_is_no_assassination(text: str, language: str) -> None:
    assert _attack_types(text, language) == ["Armed Assault"]


@pytest.mark.parametrize("text, language", [
    ("Gunmen shot dead a district governor in Kandahar, Afghanistan, on Monday.", "en"),
    ("GUNMEN SHOT DEAD THE MAYOR OF A TOWN IN KANDAHAR, AFGHANISTAN, ON MONDAY.", "en"),
    ("Orang tak dikenal menembak mati seorang bupati di Jayapura, Papua, Senin (3/6/2024).", "id"),
])
def test_rows_a_holder_of_a_prominent_post_is_assassinated(text: str, language: str) -> None:
    assert _attack_types(text, language) == ["Assassination"]


def test_event_types_own_clash_word_is_reported() -> None:
    text = "Pedagang memprotes pungutan bentrok dengan polisi."
    found = event_types.find(text, [Sentence(0, len(text), text)], "id")
    assert [(t.sub_event_type, t.hypothetical) for t in found] == [("Armed clash", False)]


@pytest.mark.parametrize("text, language", [
    ("Members of the ruling party's youth wing assaulted and injured five opposition activists at the university "
     "gate in Dhaka, Bangladesh, on Monday, ahead of an opposition rally.", "en"),
    ("Members of the ruling party's youth wing beat up five opposition activists in Dhaka, Bangladesh, on Monday, "
     "following a demonstration by the opposition.", "en"),
    ("Puluhan kader partai penguasa memukuli lima aktivis oposisi di Dhaka, Bangladesh, Senin (3/6/2024), "
     "menjelang unjuk rasa oposisi.", "id"),
    ("Sekelompok pemuda menganiaya dua mahasiswa di Makassar, Sulawesi Selatan, Senin (3/6/2024), sebelum demo "
     "kenaikan harga BBM.", "id"),
])
def test_rows_a_beating_before_or_after_a_rally_is_mob_violence(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert [(r["event_type"], r["sub_event_type"]) for r in rows] == [("Riots", "Mob violence")]


@pytest.mark.parametrize("text, language", [
    ("Police beat up students in Makassar, Indonesia, on Monday, ahead of a rally against fuel prices.", "en"),
    ("Polisi memukuli mahasiswa di Makassar, Sulawesi Selatan, Senin (3/6/2024), menjelang demo kenaikan harga BBM.",
     "id"),
])
def test_rows_police_beating_a_crowd_before_its_rally_is_still_policing(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert [r["event_type"] for r in rows] == ["Protests"]


@pytest.mark.parametrize("text, language, doer", [
    ("Members of the special security forces opened fire on a civilian car at a checkpoint in Taizz, Yemen, on "
     "Monday, killing a teacher.", "en", "Military Forces of Yemen"),
    ("POLICE OPENED FIRE ON A MINIBUS AT A POLICE CHECKPOINT IN KISUMU, KENYA, ON MONDAY, KILLING ONE PASSENGER.", "en",
     "Police Forces of Kenya"),
    ("Polisi menembaki sebuah mobil di pos pemeriksaan di Jayapura, Papua, Senin (3/6/2024), menewaskan seorang "
     "warga.", "id", "Police Forces of Indonesia"),
])
def test_rows_state_forces_shooting_from_their_post_attack_civilians(text: str, language: str, doer: str) -> None:
    rows = _rows(text, language)
    assert [(r["event_type"], r["actor2"].split(" (")[0]) for r in rows] == [("Violence against civilians", "Civilians")]
    assert rows[0]["actor1"].startswith(doer)


@pytest.mark.parametrize("text, language", [
    ("Gunmen attacked a checkpoint in Taizz, Yemen, on Monday, killing two soldiers.", "en"),
    ("Soldiers clashed with police at a checkpoint in Taizz, Yemen, on Monday, killing two.", "en"),
    ("Orang bersenjata menyerang pos polisi di Intan Jaya, Papua, Senin (3/6/2024), menewaskan dua polisi.", "id"),
])
def test_rows_an_attack_on_a_post_is_still_a_battle(text: str, language: str) -> None:
    assert [r["event_type"] for r in _rows(text, language)] == ["Battles"]


@pytest.mark.parametrize("text, language", [
    ("Unknown gunmen shot and killed a QSD fighter near Al-Hasakeh, Syria, on Monday.", "en"),
    ("Gunmen shot dead two rebel combatants in Idlib, Syria, on Monday.", "en"),
])
def test_rows_a_fighter_shot_is_a_battle(text: str, language: str) -> None:
    assert [r["event_type"] for r in _rows(text, language)] == ["Battles"]


@pytest.mark.parametrize("text, language", [
    ("At least ten assailants stabbed and injured two students in Dhaka, Bangladesh, on Monday.", "en"),
    ("AT LEAST TEN ASSAILANTS STABBED AND INJURED TWO STUDENTS IN DHAKA, BANGLADESH, ON MONDAY.", "en"),
    ("Ten assailants shot and injured two students in Dhaka, Bangladesh, on Monday.", "en"),
    ("Sedikitnya sepuluh orang tak dikenal membacok dan melukai dua mahasiswa di Makassar, Sulawesi Selatan, "
     "Senin (3/6/2024).", "id"),
])
def test_rows_who_strikes_and_injures_is_the_doer_not_the_victim(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert len(rows) == 1
    assert rows[0]["actor1"].startswith("Unidentified Armed Group")
    assert rows[0]["actor2"].startswith("Civilians")


@pytest.mark.parametrize("text", [
    "Hundreds of traders protested in Kisumu, Kenya, on Monday against the members of the county enforcement team "
    "for setting fire to their stalls.",
    "Members of the ruling party staged a rally in Dhaka, Bangladesh, on Monday, against the leaders of the "
    "opposition alliance for torching a bus.",
])
def test_rows_a_long_grievance_is_what_the_crowd_protests_about(text: str) -> None:
    assert [(r["event_type"], r["sub_event_type"]) for r in _rows(text, "en")] == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "During a party rally in Malindi, Kenya, on Monday, fights broke out between supporters of two candidates. "
    "Police intervened to disperse the crowd.",
    "FIGHTS ERUPTED BETWEEN SUPPORTERS OF TWO CANDIDATES DURING A RALLY IN MALINDI, KENYA, ON MONDAY, AND POLICE "
    "FIRED TEAR GAS TO DISPERSE THEM.",
])
def test_rows_fights_among_a_crowd_that_police_break_up_are_mob_violence(text: str) -> None:
    assert [(r["event_type"], r["sub_event_type"]) for r in _rows(text, "en")] == [("Riots", "Mob violence")]


def test_rows_one_fight_between_two_men_is_no_event() -> None:
    assert _rows("A fight broke out between two men at a bar in Kisumu, Kenya, on Monday.", "en") == []


@pytest.mark.parametrize("text, language", [
    ("A suicide bomber struck the vehicle of the deputy governor in Ghazni, Afghanistan, on Monday, killing him, "
     "his son, the driver and three bodyguards.", "en"),
    ("A SUICIDE BOMBER DETONATED HIS EXPLOSIVES TARGETING THE DISTRICT GOVERNOR IN KUNDUZ, AFGHANISTAN, ON MONDAY, "
     "KILLING THE GOVERNOR AND 12 OTHER PEOPLE.", "en"),
    ("Seorang pengebom bunuh diri meledakkan bom yang menyasar mobil wakil gubernur di Ghazni, Afganistan, Senin "
     "(3/6/2024), menewaskan enam orang.", "id"),
])
def test_rows_a_bombing_aimed_at_a_notable_is_an_assassination_whatever_the_toll(text: str, language: str) -> None:
    assert _attack_types(text, language) == ["Assassination"]


@pytest.mark.parametrize("text, language", [
    ("A bomb exploded at a cattle market in Peshawar, Pakistan, on Monday, killing 13 people including a local "
     "councillor.", "en"),
    ("Bom meledak di sebuah pasar di Peshawar, Pakistan, Senin (3/6/2024), menewaskan 13 orang termasuk seorang "
     "anggota dewan.", "id"),
])
def test_rows_a_bombing_that_kills_a_notable_among_many_is_a_bombing(text: str, language: str) -> None:
    assert _attack_types(text, language) == ["Bombing/Explosion"]


@pytest.mark.parametrize("text, language", [
    ("Freed hostages spoke to thousands of people at a rally in Tel Aviv, Israel, on Saturday.", "en"),
    ("Sejumlah sandera Israel yang dibebaskan berbicara di depan ribuan orang dalam sebuah unjuk rasa di Tel Aviv, "
     "Israel, Sabtu (1/6/2024).", "id"),
])
def test_rows_freed_hostages_at_a_rally_are_a_peaceful_protest(text: str, language: str) -> None:
    assert [(r["event_type"], r["sub_event_type"]) for r in _rows(text, language)] == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize("text, language", [
    ("About 130 people are still held hostage in the Gaza Strip, the army said on Saturday.", "en"),
    ("137 warga Israel masih disandera di Jalur Gaza, kata juru bicara militer, Sabtu (1/6/2024).", "id"),
])
def test_rows_people_still_held_are_no_new_kidnapping(text: str, language: str) -> None:
    assert _rows(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("Gunmen took 20 people hostage in a hotel in Bamako, Mali, on Monday.", "en"),
    ("GUNMEN HELD THEM HOSTAGE IN A HOTEL IN BAMAKO, MALI, ON MONDAY.", "en"),
    ("Militan menyandera 20 orang di sebuah hotel di Bamako, Mali, Senin (3/6/2024).", "id"),
])
def test_rows_people_taken_hostage_are_a_kidnapping(text: str, language: str) -> None:
    assert [r["sub_event_type"] for r in _rows(text, language)] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize("text, language", [
    ("Speaking at the rally, a freed woman told the crowd that the state must bring her son back from Hamas.", "en"),
    ("Berbicara dalam aksi tersebut, seorang perempuan mengatakan negara harus mengembalikan putranya dari tangan "
     "Hamas.", "id"),
])
def test_rows_a_vague_protest_word_with_an_armed_group_named_is_no_attack(text: str, language: str) -> None:
    assert _rows(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("Hamas fighters attacked a village near Gaza City on Monday.", "en"),
    ("Militan Hamas melancarkan serangan di Kota Gaza, Senin (3/6/2024).", "id"),
])
def test_rows_a_vague_attack_word_with_an_armed_group_is_still_an_event(text: str, language: str) -> None:
    assert len(_rows(text, language)) == 1


@pytest.mark.parametrize("text, language", [
    ("Israeli troops clashed with Hamas fighters on Monday, the army said.", "en"),
    ("Pasukan Israel bentrok dengan pejuang Hamas, Senin (3/6/2024), kata militer.", "id"),
])
def test_rows_a_groups_one_word_name_that_is_only_a_towns_alias_is_no_place(text: str, language: str) -> None:
    assert all(r["country"] != "Germany" for r in _rows(text, language))    # Hamm's alias "Hamas"


@pytest.mark.parametrize("text, language", [
    ("A man was found dead with gunshot wounds in Celaya, Guanajuato, Mexico, on Monday.", "en"),
    ("On Monday, in Celaya, Guanajuato, Mexico, a man was found dead. His hands were tied and the body showed "
     "firearm injuries.", "en"),
    ("A WOMAN WAS FOUND DEAD WITH GUNSHOT WOUNDS IN TIJUANA, BAJA CALIFORNIA, MEXICO, ON MONDAY.", "en"),
    ("The body of a man with gunshot wounds was found on a roadside in Kingston, Jamaica, on Monday, police said.",
     "en"),
    ("Jasad seorang pria ditemukan tewas dengan luka tembak di Jayapura, Papua, Senin (3/6/2024).", "id"),
])
def test_rows_a_body_found_with_wounds_of_a_weapon_is_an_attack(text: str, language: str) -> None:
    rows = _rows(text, language)
    assert [(r["event_type"], r["fatalities"]) for r in rows] == [("Violence against civilians", 1)]


def test_rows_a_body_found_with_no_sign_of_a_weapon_is_no_event() -> None:
    assert _rows("A man was found dead in a river in Celaya, Guanajuato, Mexico, on Monday.", "en") == []


@pytest.mark.parametrize("text, language, dead", [
    ("Two die in clash between herders in Marsabit, Kenya, on Monday.", "en", 2),
    ("ONE PERSON DIES IN A CLASH BETWEEN TWO CLANS IN ELGEYO MARAKWET, KENYA, ON MONDAY.", "en", 1),
    ("Dua orang tewas dalam bentrokan antarwarga di Makassar, Sulawesi Selatan, Senin (3/6/2024).", "id", 2),
])
def test_rows_a_headline_verb_in_the_present_tells_the_toll(text: str, language: str, dead: int) -> None:
    assert [r["fatalities"] for r in _rows(text, language)] == [dead]


@pytest.mark.parametrize("text, language, day", [
    ("On 6 June 2024, a man was shot with an arrow in Narok, Kenya, following the killing of a herder in the same "
     "area on 4 June.", "en", dt.date(2024, 6, 6)),
    ("ON 3 JUNE 2024, SOLDIERS BEAT UP RESIDENTS OF MTONGWE IN MOMBASA, KENYA, TO AVENGE THE KILLING OF A COLLEAGUE "
     "ON 1 JUNE.", "en", dt.date(2024, 6, 3)),
    ("Pada 6 Juni 2024, seorang pria dibacok di Makassar, Sulawesi Selatan, menyusul pembunuhan seorang warga pada "
     "4 Juni.", "id", dt.date(2024, 6, 6)),
])
def test_rows_a_day_that_opens_the_sentence_dates_its_main_clause(text: str, language: str, day: dt.date) -> None:
    assert [r["event_date"] for r in _rows(text, language, dt.date(2024, 6, 8))] == [day]


def test_rows_of_two_days_told_later_the_earlier_still_dates_the_event() -> None:
    text = "Gunmen killed three farmers in Kaduna, Nigeria, on Monday, police said on Wednesday."
    assert [r["event_date"] for r in _rows(text, "en", dt.date(2024, 6, 6))] == [dt.date(2024, 6, 3)]
