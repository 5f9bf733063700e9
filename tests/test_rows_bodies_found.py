"""A body found with signs that it was executed (hands tied, blindfolded, signs of torture;
"tangan terikat", "bekas penyiksaan") is an attack by an unidentified armed group, not an
accident; a person found dead with no such sign, or only a wound, stays no event."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))


@pytest.mark.parametrize("text, language", [
    ("A man was found dead in Culiacan, Sinaloa, on Friday with his hands tied and signs of torture.", "en"),
    ("The body of a local chief was found in a bush in Laikipia, Kenya, on Friday with signs of torture.", "en"),
    ("A woman was found dead in Tijuana, Baja California, on Friday. She had been blindfolded and gagged.", "en"),
    ("Seorang pria ditemukan tewas dengan tangan terikat di Kabupaten Sikka, NTT, Jumat (8/3/2024).", "id"),
    ("Jasad seorang petani ditemukan di kebun di Kabupaten Nduga, Papua, Jumat (8/3/2024), dengan bekas "
     "penyiksaan.", "id"),
])
def test_a_body_with_signs_of_killing_is_an_attack(text, language):
    rows = _result(text, language).rows
    assert [(r["event_type"], r["sub_event_type"], r["fatalities"]) for r in rows] == \
        [("Violence against civilians", "Attack", 1)]


@pytest.mark.parametrize("text, language", [
    ("A man was found dead in his house in Nairobi, Kenya, on Friday.", "en"),
    ("Seorang pria ditemukan tewas dengan luka tusuk di sebuah kontrakan di Kota Bekasi, Jumat (8/3/2024).", "id"),
    ("Seorang pria ditemukan tewas di kamar kosnya di Kota Makassar, Jumat (8/3/2024).", "id"),
])
def test_a_body_with_no_sign_stays_no_event(text, language):
    result = _result(text, language)
    assert not result.rows, result.rows
