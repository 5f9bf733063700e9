"""Safety, long articles: every stage's work grows linearly with the article's length.

No clock: the test counts the Python calls and lines run (sys.settrace; a loop's or a
comprehension's every iteration counts) by each stage on the same sentence repeated to 5 KB
and to 4x that. A linear stage makes about
4x the steps; one that re-scans a growing list per sentence or count makes 8-16x (assemble
did, three times: 5 MB ran past 10 minutes). `places` is left out of the ratio: it resolves in windows
of 20,000 characters, pairwise inside each, so it is linear only past the window size (its
bound is checked by `test_hardening_properties` on 1 MB). Timings of 1 MB and 5 MB are in
benchmarks/bench_long_article.py.
"""
from __future__ import annotations

import sys

import pytest

from events import pipeline
from events.article import Article

SENTENCES = {
    "en": "Gunmen killed 3 people in Baghdad on Monday. ",
    "id": "Orang bersenjata menewaskan 3 warga di Poso pada Senin. ",
}
SMALL = 5_000
GROWTH = 4
CHECKED = [s for s in pipeline.STAGES if s not in ("places",)]


def _calls(sentence: str, size: int) -> dict[str, int]:
    doc = pipeline.Doc(article=Article(text=(sentence * (size // len(sentence) + 1)).strip(), id="long"))
    counts: dict[str, int] = {}
    for name in pipeline.STAGES:
        stage = pipeline._stage(name)
        n = [0]

        def tracer(frame, event, arg):
            n[0] += 1
            return tracer               # lines too: a comprehension's iterations count
        if name in CHECKED:
            sys.settrace(tracer)
        try:
            stage(doc)
        finally:
            sys.settrace(None)
        counts[name] = n[0]
    return counts


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_safety_long_article_work_grows_linearly(lang):
    sentence = SENTENCES[lang]
    _calls(sentence, 500)                               # tables load once, outside the counts
    small, large = _calls(sentence, SMALL), _calls(sentence, SMALL * GROWTH)
    for name in CHECKED:
        ratio = large[name] / max(small[name], 1)
        assert ratio <= GROWTH * 1.4, f"{name}: {small[name]:,} steps at {SMALL:,} characters, " \
                                      f"{large[name]:,} at {SMALL * GROWTH:,} ({ratio:.1f}x)"
    assert small["assemble"] > 1000                     # the stages did real work
