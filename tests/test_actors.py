"""actors: perpetrators and targets as reported, named groups, claims, denials, attributions."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Sentence
from events.extract import actors, event_types, rows
from events.findings import Actor


def _find(text: str, language: str):
    sentences = [Sentence(0, len(text), text)]
    trigs = event_types.find(text, sentences, language)
    return actors.find(text, sentences, language, trigs)


@pytest.mark.parametrize("language,text,perpetrator,kind", [
    ("id", "Menurut juru bicara kedutaan AS, serangan itu diyakini dilakukan oleh milisi yang bersekutu dengan Iran di Irak.",
     "milisi yang bersekutu dengan Iran", "militia"),
    ("id", "Seorang kepala kampung ditembak mati oleh orang tidak dikenal di Puncak.", "orang tidak dikenal", "armed"),
    ("id", "Kelompok Abu Sayyaf menculik dua nelayan di perairan Sabah.", "Abu Sayyaf", "group"),
    ("en", "Unidentified gunmen shot dead a village head in Puncak regency (Papua).", "Unidentified gunmen", "armed"),
    ("en", "Al-Shabaab fighters stormed a hotel in Mogadishu.", "Al-Shabaab fighters", "group"),
    ("en", "The attack was carried out by Iran-aligned militia.", "Iran-aligned militia", "militia"),
])
def test_actors_perpetrator(language: str, text: str, perpetrator: str, kind: str) -> None:
    found, _ = _find(text, language)
    perps = [a for a in found if a.role == "perpetrator"]
    assert perps and perps[0].text == perpetrator and perps[0].kind == kind


@pytest.mark.parametrize("language,text,target_kind", [
    ("id", "Pria bersenjata menembaki pos polisi di Tembagapura.", "police"),
    ("id", "Bom meledak di tengah kerumunan warga yang sedang berbelanja.", "civilians"),
    ("en", "Several men fired on Turkish police officers outside the consulate.", "police"),
    ("en", "The bomb killed seven civilians at a market.", "civilians"),
])
def test_actors_target(language: str, text: str, target_kind: str) -> None:
    found, _ = _find(text, language)
    assert any(a.role == "target" and a.kind == target_kind for a in found)


@pytest.mark.parametrize("language,text,country", [
    ("id", "Tiga tentara Amerika Serikat tewas dalam serangan itu.", "United States"),
    ("en", "US troops returned fire.", "United States"),
    ("en", "Turkish police officers were wounded.", "Turkey"),
])
def test_actors_nationality_of_forces(language: str, text: str, country: str) -> None:
    found, _ = _find(text, language)
    assert any(a.kind in ("military", "police") and a.country == country for a in found)


@pytest.mark.parametrize("language,text,status,group", [
    ("id", "Tidak ada kelompok yang mengaku bertanggung jawab.", "no_claim", None),
    ("id", "Taliban mengaku bertanggung jawab atas serangan tersebut.", "claimed", "Taliban"),
    ("id", "Menurut sebuah pernyataan, Taliban membantah terlibat dalam serangan pemakaman tersebut.",
     "denied", "Taliban"),
    ("en", "No group has claimed responsibility for the attack.", "no_claim", None),
    ("en", "Al-Shabaab claimed responsibility for the blast.", "claimed", "Al Shabaab"),
    ("en", "The Taliban denied involvement in the bombing.", "denied", "Taliban"),
    ("en", "ISIS claimed the attack in a statement on its Amaq news agency.", "claimed", "Islamic State"),
    ("id", "Serangan itu diklaim oleh ISIS melalui kantor berita Amaq.", "claimed", "Islamic State"),
    ("en", "Responsibility was claimed by the New People's Army.", "claimed", "New People's Army"),
])
def test_actors_claims(language: str, text: str, status: str, group: str | None) -> None:
    _, claims = _find(text, language)
    assert [c.status for c in claims] == [status]
    assert claims[0].group == group


@pytest.mark.parametrize("language,text,blamed,by", [
    ("id", "Menurut juru bicara keduataan AS, serangan itu diyakini dilakukan oleh milisi yang bersekutu dengan Iran di Irak.",
     "milisi yang bersekutu dengan Iran", "US embassy spokesperson"),
    ("en", "An official with the Yemen Interior Ministry has blamed the attack on al-Qaeda operatives.",
     "Al Qaeda", None),
    ("en", "No group claimed it; however, authorities attributed the attack to Lashkar-e-Jhangvi.",
     "Lashkar-e-Jhangvi", "authorities"),
    ("en", "The attack was blamed on Taliban militants, said a police spokesman.", "Taliban", "a police spokesman"),
    ("en", "Police said the attack was carried out by the Taliban.", "Taliban", "Police"),
])
def test_actors_attribution(language: str, text: str, blamed: str, by: str | None) -> None:
    _, claims = _find(text, language)
    attributed = [c for c in claims if c.status == "attributed"]
    assert attributed and attributed[0].group == blamed
    if by is not None:
        assert attributed[0].by == by


@pytest.mark.parametrize("language,text", [
    ("id", "Klaim asuransi korban banjir sudah dibayarkan."),          # "klaim" without a group
    ("en", "The company claimed the new bridge would open next year."),
])
def test_actors_no_claim_without_group(language: str, text: str) -> None:
    _, claims = _find(text, language)
    assert claims == []


@pytest.mark.parametrize("phrase,english", [
    ("juru bicara kedutaan AS", "US embassy spokesperson"),
    ("juru bicara keduataan AS", "US embassy spokesperson"),        # a typo of a known word
    ("pejabat keamanan Irak", "Iraqi security official"),
    ("Kepala Bidang Humas Polda Sulawesi Tenggara", "Kepala Bidang Humas Polda Sulawesi Tenggara"),
])
def test_actors_gloss_speaker(phrase: str, english: str) -> None:
    assert actors.gloss(phrase, "id") == english


@pytest.mark.parametrize("kind,country,day,name,inter", [
    ("police", None, dt.date(2017, 10, 21), "Police Forces of Indonesia (2014-2024)", 1),
    ("military", "United States", dt.date(2017, 6, 10), "Military Forces of the United States", 8),
    ("civilians", "United States", dt.date(2017, 6, 10), "Civilians (United States)", 7),
    ("armed", None, dt.date(2023, 12, 8), "Unidentified Armed Group (Indonesia)", 3),
    ("protesters", None, dt.date(2023, 12, 8), "Protesters (Indonesia)", 6),
    ("civilians", None, dt.date(2023, 12, 8), "Civilians (Indonesia)", 7),
])
def test_actors_acled_names(kind: str, country: str | None, day: dt.date, name: str, inter: int) -> None:
    a = Actor("target", "x", None, actors.groups()["kinds"][kind]["inter"], 0, 0, 1, kind=kind, country=country)
    assert rows.acled_name(a, "Indonesia", day) == (name, inter)


def test_actors_named_group_with_country_template() -> None:
    found, _ = _find("ISIS claimed the attack.", "en")
    group = next(a for a in found if a.named)
    assert rows.acled_name(group, "Iraq", dt.date(2017, 1, 1)) == ("Islamic State (Iraq)", 2)


def test_actors_upper_case_text() -> None:
    found, claims = _find("TIDAK ADA KELOMPOK YANG MENGAKU BERTANGGUNG JAWAB ATAS SERANGAN OLEH PRIA BERSENJATA.", "id")
    assert [c.status for c in claims] == ["no_claim"]
    assert any(a.kind == "armed" for a in found)


@pytest.mark.parametrize("language,text,actor_text,role", [
    ("id", "Sejumlah petinggi ISIS tewas dalam serangan udara Amerika Serikat.", "ISIS", "target"),
    ("en", "Three soldiers were killed when militants stormed the base.", "soldiers", "target"),
    ("id", "Maute tewas setelah serangan dilancarkan militer Filipina.", "militer", "perpetrator"),
    ("id", "Pos itu diserang polisi pada dini hari.", "polisi", "perpetrator"),
    ("en", "Police said the bomb went off at noon.", "Police", "source"),
    ("id", "Kata juru bicara kepolisian, bom meledak pukul 10.00.", "kepolisian", "source"),
])
def test_actors_roles_from_the_words_around(language: str, text: str, actor_text: str, role: str) -> None:
    found, _ = _find(text, language)
    actor = next(a for a in found if a.text.startswith(actor_text))
    assert actor.role == role


def test_actors_group_descriptor_joins_the_group() -> None:
    found, _ = _find("On 15 May 2019, soldiers killed two Hizbul Mujahideen militants in Shopian.", "en")
    groups_found = [a for a in found if a.named]
    assert [a.text for a in groups_found] == ["Hizbul Mujahideen militants"]
    assert not any(a.kind == "rebels" for a in found)


def test_actors_group_table_is_valid() -> None:
    """Every kind and named group has an ACLED name and a valid inter code; aliases are unique."""
    data = actors.groups()
    for kind in data["kinds"].values():
        assert "{country}" in kind["acled"] and 1 <= kind["inter"] <= 8
    seen: dict[str, str] = {}
    for key, group in data["groups"].items():
        assert group["acled"] and group["name"] and 1 <= group["inter"] <= 8, key
        for alias in group["aliases"]:
            folded = alias.lower()
            assert seen.setdefault(folded, key) == key, f"alias {alias!r} used by {seen[folded]} and {key}"
    for code in ("id", "en"):
        actors.tables(code)          # raises on an unknown kind or group key


@pytest.mark.parametrize("language,text,country", [
    ("en", "A Russian drone strike hit a residential building in Odesa.", "Russia"),
    ("id", "Petinggi ISIS tewas dalam serangan udara AS di Kunar.", "United States"),
    ("en", "Military forces of Myanmar carried out airstrikes on Kyauktaw township.", "Myanmar"),
])
def test_actors_state_that_carried_out_a_strike(language: str, text: str, country: str | None) -> None:
    found, _ = _find(text, language)
    perps = [a for a in found if a.role == "perpetrator" and a.kind == "military"]
    assert perps and perps[0].country == country


def test_actors_only_an_adjacent_nationality_names_the_striker() -> None:
    found, _ = _find("Jakarta, CNN Indonesia -- Sejumlah petinggi ISIS tewas dalam serangan udara Amerika Serikat "
                     "di Afghanistan.", "id")
    assert [a.country for a in found if a.kind == "military"] == ["United States"]


def test_actors_officials_who_speak_are_sources() -> None:
    found, _ = _find("Sejumlah pejabat Afghanistan mengatakan 16 warga sipil tewas dalam serangan AS.", "id")
    assert next(a for a in found if a.text == "pejabat").role == "source"
