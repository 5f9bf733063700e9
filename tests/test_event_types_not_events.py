"""event_types: words that tell no event though they hold an event word (speech, diplomatic
complaints, units named after a weapon), what is promised, fought or ended, and questions.
Own sentences, both languages, upper and mixed case."""
from __future__ import annotations

import pytest

from events.article import Sentence
from events.extract import event_types


def _find(text: str, language: str, exclude: list[tuple[int, int]] = ()) -> list:
    return event_types.find(text, [Sentence(0, len(text), text)], language, exclude)


def _reported(text: str, language: str, exclude: list[tuple[int, int]] = ()) -> list:
    return [t for t in _find(text, language, exclude) if not t.hypothetical and not t.negated]


@pytest.mark.parametrize("language,text", [
    ("en", "The opposition leader harshly attacked the finance minister in parliament on Tuesday."),
    ("en", "THE FOREIGN MINISTER PROTESTED TO THE AMBASSADOR OVER HIS REMARKS."),
    ("en", "Members Of The 3rd Artillery Battalion Took Part In The Parade Rehearsal."),
    ("en", "The report demonstrated that the budget was spent on schools."),
    ("id", "Ketua partai itu menyerang secara verbal kebijakan menteri dalam rapat."),
    ("id", "KEMENTERIAN LUAR NEGERI MELAYANGKAN NOTA PROTES KEPADA DUTA BESAR."),
])
def test_event_types_phrase_tells_no_event(language: str, text: str) -> None:
    assert not _reported(text, language)


@pytest.mark.parametrize("language,text", [
    ("en", "The rebels pledged to refrain from attacks on public buses."),
    ("en", "THE PRESIDENT VOWED TO FIGHT TERRORISM AND VIOLENCE."),
    ("en", "He Said No One Can Be Arrested Without A Warrant."),
    ("en", "What do you think about the kidnappings?"),
    ("id", "Kelompok itu berjanji menghentikan serangan terhadap bus umum."),
    ("id", "POLISI BERTEKAD MEMBERANTAS PENEMBAKAN MISTERIUS DI DAERAH ITU."),
    ("id", "Apa pendapat Anda soal penculikan itu?"),
])
def test_event_types_promise_fight_or_question_is_hypothetical(language: str, text: str) -> None:
    found = _find(text, language)
    assert found and all(t.hypothetical for t in found if t.event_type != "Protests")


@pytest.mark.parametrize("language,text,date", [
    # a question that tells a date of its own asks about something that happened
    ("en", "Who planted the bomb that exploded in the market on Monday?", "on Monday"),
    ("id", "SIAPA YANG MENARUH BOM YANG MELEDAK DI PASAR PADA SENIN (3/5/2024)?", "SENIN (3/5/2024)"),
])
def test_event_types_question_with_a_date_reports(language: str, text: str, date: str) -> None:
    start = text.index(date)
    assert _reported(text, language, [(start, start + len(date))])


@pytest.mark.parametrize("language,text", [
    # the same words told as what happened stay events
    ("en", "Gunmen attacked a police post and kidnapped two officers."),
    ("en", "REBELS FIRED ARTILLERY AT THE BARRACKS."),
    ("id", "Orang tak dikenal menyerang pos polisi dan menculik dua petugas."),
    ("id", "MASSA MEMBAKAR KANTOR BUPATI."),
])
def test_event_types_events_still_reported(language: str, text: str) -> None:
    assert _reported(text, language)
