"""A capitalised cue word inside a name ("in the Beechmount Parade area", "at the Anniversary
Hotel", "di depan Toko Buku Gramedia") tells no background: the place is a street or a building. The same
word in running text ("marched to mark the anniversary of the coup") stays a cue."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language))


@pytest.mark.parametrize("text, language", [
    ("On Monday evening, in the Beechmount Parade area of Belfast, Northern Ireland, a man was shot and "
     "wounded by gunmen.", "en"),
    ("Orang tak dikenal menembak seorang warga di depan Toko Buku Gramedia, Kota Jayapura, Papua, Senin "
     "(6/5/2024).", "id"),
])
def test_a_cue_word_inside_a_name_is_no_cue(text, language):
    assert len(_result(text, language).rows) == 1


def test_a_cue_word_in_running_text_stays_a_cue():
    text = "Gunmen on Monday marked the anniversary of the 2019 attack on a market in Belfast, Northern Ireland."
    assert not _result(text, "en").rows
