"""Stages language..casualties never crash and keep exact offsets, whatever the text."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from events.article import Article
from events.extract import casualties, dateline, dates, language, sentences
from events.pipeline import Doc

STAGES = (language, sentences, dateline, dates, casualties)
PIECES = st.sampled_from([
    "Jumat (8/12/2023)", " 2.500 ", "tewas", "menewaskan", " 12 orang ", "U.S.", "Dr.", " . ", "\n",
    "“", "”", "killed", "at least", "dozens", "puluhan", "Senin lalu", "31/2", " (27) ", "4.30", "-",
    "ERA.id - ", "JAKARTA, CNN Indonesia -- ", "tidak menimbulkan korban jiwa", "between 8 and", "?",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, lang=st.sampled_from(["id", "en", "und", "de"]),
       published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_sentences_stages_survive_any_text(text, lang, published):
    doc = Doc(Article(text=text, published=published, language=lang))
    for stage in STAGES:
        stage.run(doc)
    assert doc.language
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text and s.text
    assert all(a.end <= b.start for a, b in zip(doc.sentences, doc.sentences[1:]))
    for found in doc.findings["dates"] + doc.findings["casualties"]:
        assert text[found.start:found.end] == found.text
        assert found.sentence < len(doc.sentences)
