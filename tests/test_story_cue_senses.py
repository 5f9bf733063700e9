"""Cue words in another sense tell no background: a person "identified as" someone is named, not
investigated; an "explosive charge" is no charge in court; a trial the act answers, told after it
("following the death sentence for their leader", "menyusul vonis mati"), is its motive, not a
trial told. A trial told as the sentence's own news stays background."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 6, 4), language=language))


@pytest.mark.parametrize("text, language", [
    ("On Monday, a local commander, identified as Ram Singh, was shot dead by gunmen in Imphal, Manipur, India.",
     "en"),
    ("Seorang pria yang diidentifikasi sebagai Yonas ditembak mati orang tak dikenal di Timika, Papua, Senin "
     "(3/6/2024).", "id"),
    ("Two explosive charges were set off at a school in Rocky Mount, North Carolina, United States, on Monday.",
     "en"),
    ("Masked men threw firebombs into a cafe in Cologne, Germany, on Monday, following the death sentence for "
     "their leader.", "en"),
    ("Sekelompok orang melempar bom molotov ke sebuah kafe di Makassar, Sulawesi Selatan, Senin (3/6/2024), "
     "menyusul vonis mati pemimpin mereka.", "id"),
])
def test_a_cue_word_in_another_sense_keeps_the_event(text, language):
    assert len(_result(text, language).rows) == 1


@pytest.mark.parametrize("text, language", [
    ("A court in Cologne, Germany, on Monday sentenced to death a man who threw firebombs into a cafe.", "en"),
    ("Pengadilan Negeri Makassar, Senin (3/6/2024), memvonis mati seorang pria yang melempar bom molotov ke "
     "kafe.", "id"),
])
def test_a_trial_told_as_news_is_background(text, language):
    assert not _result(text, language).rows
