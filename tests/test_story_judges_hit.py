"""A judge or juror told inside a toll ("at least 11 people, including a judge, were killed",
"tiga orang, termasuk seorang hakim, tewas") is one of the people hit, not a trial: the toll is the
event's. A trial told beside a toll ("a judge sentenced the man who killed three") stays background."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _result(text: str, language: str):
    return pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 7), language=language))


@pytest.mark.parametrize("text, language, toll", [
    ("A bomb exploded at a crowded market in Quetta, Pakistan, on Monday. At least 11 people, including a "
     "judge, were killed.", "en", 11),
    ("Gunmen fired on a bus in Peshawar, Pakistan, on Monday. Four passengers, among them two judges, were "
     "wounded and two others were killed.", "en", 2),
    ("Sebuah bom meledak di sebuah pasar di Poso, Sulawesi Tengah, Senin (6/5/2024). Tiga orang, termasuk "
     "seorang hakim, tewas.", "id", 3),
])
def test_a_judge_among_the_hit_keeps_the_toll(text, language, toll):
    rows = _result(text, language).rows
    assert [r["fatalities"] for r in rows] == [toll]


@pytest.mark.parametrize("text, language", [
    ("A judge in Quetta, Pakistan, on Monday sentenced to death a man who killed three people in 2019.", "en"),
    ("Hakim Pengadilan Negeri Poso, Senin (6/5/2024), memvonis seorang pria yang membunuh tiga orang pada "
     "2021.", "id"),
])
def test_a_judge_beside_a_toll_is_a_trial(text, language):
    result = _result(text, language)
    assert not result.rows and result.no_rows == "background only", (result.rows, result.why)
