"""A death told as what an event answers ("residents torched his house after the body of a girl was
found", "clashed following the death of a patient", "menyusul tewasnya seorang pemuda") came
before the event: it is not the event's toll. A death after a cause word told in a clause of its
own, or the event's own dead before the cause word, stay the toll."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _tolls(text: str, language: str) -> list[int | None]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    assert result.rows, result.why
    return [r["fatalities"] for r in result.rows]


@pytest.mark.parametrize("text, language", [
    ("Angry residents set ablaze the house of a suspect in Kakamega, Kenya, on Friday after the body of a "
     "kidnapped girl was discovered.", "en"),
    ("Relatives of a patient and doctors clashed at the hospital in Faridpur, Bangladesh, on Friday following "
     "the death of a patient during treatment.", "en"),
    ("Locals clashed with police in Dhaka, Bangladesh, on Friday after a domestic worker was found dead.", "en"),
    ("Warga membakar rumah seorang terduga pelaku di Kabupaten Sikka, NTT, Jumat (8/3/2024), setelah jasad "
     "seorang gadis ditemukan.", "id"),
    ("Dua kelompok pemuda bentrok di Kota Ambon, Jumat (8/3/2024), menyusul tewasnya seorang remaja.", "id"),
])
def test_a_death_the_event_answers_is_not_its_toll(text, language):
    assert _tolls(text, language) == [None]


@pytest.mark.parametrize("text, language, toll", [
    # the event's own dead, told before the cause word
    ("Gunmen killed three villagers in Baringo, Kenya, on Friday after a dispute over grazing land.", "en", 3),
    # a clause of its own after the cause word
    ("Militants attacked a police checkpoint in Ghazni, Afghanistan, on Friday. After the attack, two "
     "policemen were found dead.", "en", 2),
    ("Sekelompok orang bersenjata menyerang Kampung Kiwirok, Papua, Jumat (8/3/2024), dan menewaskan dua "
     "warga setelah membakar sekolah.", "id", 2),
])
def test_the_events_own_dead_stay_its_toll(text, language, toll):
    assert _tolls(text, language) == [toll]
