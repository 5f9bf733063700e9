"""Stage `sentences`: exact offsets, abbreviations, numbers, quotes, tokenised and upper-case text."""
import pytest

from events.article import Article
from events.extract import sentences
from events.pipeline import Doc


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Dia tinggal di Jl. Sudirman No. 5. Polisi datang pukul 4.30 pagi.",
     ["Dia tinggal di Jl. Sudirman No. 5.", "Polisi datang pukul 4.30 pagi."]),
    ("id", "AS memiliki sekitar 2.500 tentara di Irak. Serangan itu tidak menimbulkan korban jiwa.",
     ["AS memiliki sekitar 2.500 tentara di Irak.", "Serangan itu tidak menimbulkan korban jiwa."]),
    ("id", "Tujuh orang tewas . \" Siang hari ini , seorang tentara menembak , \" kata dia .",
     ["Tujuh orang tewas .", "\" Siang hari ini , seorang tentara menembak , \" kata dia ."]),
    ("id", "\" Kita harus kuat dan bersatu . \" Polisi datang . “ Kami siap . ” Lalu pergi .",
     ["\" Kita harus kuat dan bersatu . \"", "Polisi datang .", "“ Kami siap . ”", "Lalu pergi ."]),
    ("id", "Dia berkata . \" Kami datang . \"", ["Dia berkata .", "\" Kami datang . \""]),
    ("id", "DUA ORANG TEWAS DI JL. AHMAD YANI. POLISI MENYELIDIKI.",
     ["DUA ORANG TEWAS DI JL. AHMAD YANI.", "POLISI MENYELIDIKI."]),
    ("id", "Dipimpin Kombes. Pol. Budi, tim tiba. Dr. Ani memeriksa korban.",
     ["Dipimpin Kombes. Pol. Budi, tim tiba.", "Dr. Ani memeriksa korban."]),
    ("en", "U.S. officials said Dr. Smith was hurt. The blast killed 3. Police came.",
     ["U.S. officials said Dr. Smith was hurt.", "The blast killed 3.", "Police came."]),
    ("en", "“We condemn it,” he said. \"No one was hurt.\" Was it ETA? Nobody knows!",
     ["“We condemn it,” he said.", "\"No one was hurt.\"", "Was it ETA?", "Nobody knows!"]),
    ("en", "Minibus bombing in Iraq kills nine\n\nMonday, June 8, 2009\n\nNine people died.",
     ["Minibus bombing in Iraq kills nine", "Monday, June 8, 2009", "Nine people died."]),
    ("en", "The attack began on Jan. 5 near Gen. Ali's base. It ended.",
     ["The attack began on Jan. 5 near Gen. Ali's base.", "It ended."]),
])
def test_sentences_split(lang, text, expected):
    doc = Doc(Article(text=text), language=lang)
    sentences.run(doc)
    assert [s.text for s in doc.sentences] == expected
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "tanpa titik"])
def test_sentences_edge_cases_keep_offsets(text):
    found = sentences.split(text, "xx")
    assert all(text[s.start:s.end] == s.text and s.text.strip() == s.text for s in found)
    assert len(found) == (1 if text.strip() else 0)


def test_sentences_unsupported_language_uses_every_languages_abbreviations():
    found = sentences.split("Sie wohnt in der Jl. Sudirman. Dr. Ali kam.", "de")
    assert [s.text for s in found] == ["Sie wohnt in der Jl. Sudirman.", "Dr. Ali kam."]
