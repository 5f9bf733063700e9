"""event_types: trigger words typed as ACLED sub-event types, with negation and hypotheticals."""
from __future__ import annotations

import pytest

from events import schema
from events.article import Article, Sentence
from events.extract import event_types
from events.pipeline import Doc


def _one_sentence(text: str) -> list[Sentence]:
    return [Sentence(0, len(text), text)]


def _best(text: str, language: str):
    found = [t for t in event_types.find(text, _one_sentence(text), language)
             if not t.negated and not t.hypothetical]
    return min(found, key=event_types.rank) if found else None


@pytest.mark.parametrize("language,text,sub_event_type", [
    ("id", "Kedutaan Besar Amerika Serikat di Bagdad diserang dengan dua rentetan roket pada Jumat pagi.",
     "Shelling/artillery/missile attack"),
    ("id", "Bom bunuh diri meledak di Terminal Kampung Melayu, Jakarta Timur.", "Suicide bomb"),
    ("id", "Dua anggota Brimob terluka dalam kontak tembak dengan kelompok bersenjata di Tembagapura.",
     "Armed clash"),
    ("id", "Petinggi ISIS tewas dalam serangan udara Amerika Serikat di Afghanistan.", "Air/drone strike"),
    ("id", "Tim Gegana menjinakkan bom rakitan yang ditemukan di depan gereja.", "Remote explosive/landmine/IED"),
    ("id", "Ribuan mahasiswa menggelar unjuk rasa di depan gedung DPR.", "Peaceful protest"),
    ("id", "Densus 88 menangkap tiga terduga teroris di Bekasi.", "Arrests"),
    ("id", "Seorang kepala kampung ditembak mati orang tak dikenal di Puncak.", "Attack"),
    ("id", "Dua pekerja diculik kelompok bersenjata di Nduga.", "Abduction/forced disappearance"),
    ("id", "SEORANG POLISI TEWAS DALAM LEDAKAN GRANAT DI POS JAGA.", "Grenade"),
    ("en", "Unidentified gunmen shot dead a village head in Puncak regency (Papua).", "Attack"),
    ("en", "A suicide bomber blew himself up at a checkpoint in Fallujah.", "Suicide bomb"),
    ("en", "Militants fired mortars at the army base overnight.", "Shelling/artillery/missile attack"),
    ("en", "A US drone strike killed four militants in North Waziristan.", "Air/drone strike"),
    ("en", "Three police officers were killed in a firefight with the attackers.", "Armed clash"),
    ("en", "A roadside bomb exploded near a military convoy.", "Remote explosive/landmine/IED"),
    ("en", "Thousands of protesters marched peacefully through the capital.", "Peaceful protest"),
    ("en", "A small explosive device was deactivated by the bomb squad.", "Remote explosive/landmine/IED"),
    ("en", "ASSAILANTS ABDUCTED TWO AID WORKERS IN THE NORTH.", "Abduction/forced disappearance"),
    ("en", "Government forces recaptured the town from the rebels on Sunday.", "Government regains territory"),
    ("en", "Insurgents overran an army outpost and took control of the district centre.",
     "Non-state actor overtakes territory"),
    ("id", "Militer Filipina berhasil merebut kembali Marawi dari kelompok Maute.", "Government regains territory"),
    ("id", "Pemerintah dan kelompok pemberontak menandatangani perjanjian damai di Oslo.", "Agreement"),
])
def test_event_types_best_trigger(language: str, text: str, sub_event_type: str) -> None:
    best = _best(text, language)
    assert best is not None
    assert best.sub_event_type == sub_event_type
    taxonomy = schema.taxonomy()
    assert best.event_type == taxonomy.event_type_of[sub_event_type]
    assert best.disorder_type == taxonomy.disorder_type_of[sub_event_type]


@pytest.mark.parametrize("language,text,sub_event_type", [
    ("id", "Unjuk rasa itu berujung ricuh setelah massa melempari polisi.", "Violent demonstration"),
    ("en", "Rioters torched cars and threw stones at police.", "Violent demonstration"),
    ("en", "Police arrested two suspects in connection with the blast.", "Arrests"),
    ("id", "Polisi menembakkan gas air mata untuk membubarkan massa.", "Protest with intervention"),
])
def test_event_types_finds_each_kind(language: str, text: str, sub_event_type: str) -> None:
    """Several kinds in one sentence: each is found (which one wins is assemble's rule)."""
    found = {t.sub_event_type for t in event_types.find(text, _one_sentence(text), language)}
    assert sub_event_type in found


@pytest.mark.parametrize("language,text,word,flag", [
    ("id", "Polisi memastikan tidak ada ledakan di lokasi itu.", "ledakan", "negated"),
    ("en", "There was no explosion at the site, police said.", "explosion", "negated"),
    ("id", "Kelompok itu mengancam akan menyerang kantor polisi.", "menyerang", "hypothetical"),
    ("id", "Polisi menerima ancaman bom di sebuah sekolah.", "bom", "hypothetical"),
    ("id", "Polisi meledakkan benda diduga bom di depan kantor itu.", "bom", "hypothetical"),
    ("en", "The group threatened to attack government buildings.", "attack", "hypothetical"),
    ("en", "Officials warned of a possible bombing during the holiday.", "bombing", "hypothetical"),
])
def test_event_types_negated_or_hypothetical(language: str, text: str, word: str, flag: str) -> None:
    found = [t for t in event_types.find(text, _one_sentence(text), language) if t.text.lower() == word]
    assert found and all(getattr(t, flag) for t in found)


@pytest.mark.parametrize("language,text,word", [
    ("id", "Orang tak dikenal menembak mati seorang warga.", "menembak mati"),   # "tak" of "tak dikenal"
    ("en", "On 3 May 2021, gunmen shot dead a village head.", "shot dead"),       # "May" the month
])
def test_event_types_lookalike_modifiers_do_not_count(language: str, text: str, word: str) -> None:
    sentences = _one_sentence(text)
    exclude = [(text.find("3 May 2021"), text.find("3 May 2021") + 10)] if "May" in text else []
    found = [t for t in event_types.find(text, sentences, language, exclude) if t.text.lower() == word]
    assert found and not found[0].negated and not found[0].hypothetical


@pytest.mark.parametrize("language,text", [
    ("id", "Presiden meresmikan jembatan baru di Surabaya."),
    ("en", "The minister opened a new hospital in the capital on Monday."),
])
def test_event_types_no_trigger_in_plain_news(language: str, text: str) -> None:
    assert _best(text, language) is None


def test_event_types_generic_words_rank_after_specific() -> None:
    text = "Serangan itu menewaskan tiga orang setelah bom rakitan meledak di pasar."
    best = _best(text, "id")
    assert best.sub_event_type == "Remote explosive/landmine/IED" and not best.generic


def test_event_types_gtd_names_are_valid() -> None:
    gtd = schema.gtd_types()
    for code in ("id", "en"):
        for info in event_types.word_info(code).values():
            assert info.attack_type is None or info.attack_type in gtd["attack_types"]
            assert info.weapon_type is None or info.weapon_type in gtd["weapon_types"]


def test_event_types_run_skips_words_inside_dates() -> None:
    from events.findings import DateMention
    import datetime as dt
    text = "Wednesday, March 23, 2005"
    doc = Doc(article=Article(text=text), sentences=_one_sentence(text), language="en")
    doc.findings["dates"] = [DateMention(dt.date(2005, 3, 23), 1, 0, 0, len(text), text, "publication")]
    event_types.run(doc)
    assert doc.findings["event_types"] == []


@pytest.mark.parametrize("code", ["id", "en"])
def test_event_types_data_loads_and_types_are_known(code: str) -> None:
    """tables() raises LanguageDataError on an unknown sub-event, attack or weapon type."""
    tabs = event_types.tables(code)
    assert tabs.triggers.size > 50 and tabs.modifiers.size > 5
    subs = {info.sub_event_type for info in event_types.word_info(code).values()}
    assert {"Armed clash", "Suicide bomb", "Peaceful protest", "Arrests"} <= subs
