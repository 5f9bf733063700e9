"""Stage `language`: the article's language as an ISO 639-1 code on `doc.language`.

The input's own language wins when it gives one. Otherwise py3langid (a shipped n-gram model,
~0.3 ms per article, see benchmarks/bench_language.py) classifies the lower-cased opening of
the text, restricted to languages that news about conflict is commonly written in. Malay is
left out on purpose: on short Indonesian news it wins often enough to cost us the Indonesian
data, and Malay text read with the Indonesian data loses little. A language without a data
folder still gets its code, so later stages can skip or fall back.
"""
from __future__ import annotations

import re
from functools import cache

from events.pipeline import Doc

# Languages the classifier may answer with (ISO 639-1): a set, not word lists.
CANDIDATES = ("en", "id", "fr", "es", "pt", "de", "it", "nl", "ar", "fa", "ur", "hi", "ru",
              "uk", "tr", "zh", "ja", "ko", "th", "vi", "tl", "sw", "pl", "so", "am", "bn",
              "my", "he", "ps", "ku")
SAMPLE_CHARS = 2000        # the opening is enough, and keeps long articles cheap
UNKNOWN = "und"            # ISO 639-2 "undetermined": no letters to judge by

_ALIASES = {"in": "id", "ind": "id", "eng": "en", "indonesian": "id", "english": "en",
            "bahasa indonesia": "id"}
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([c for c in CANDIDATES if c in ident.labels])
    return ident


def normalise_code(code: str | None) -> str | None:
    """'id', 'ID', 'id-ID', 'ind', 'Indonesian' -> 'id'; None or blank -> None."""
    if not code or not code.strip():
        return None
    low = code.strip().lower().replace("_", "-")
    if low in _ALIASES:
        return _ALIASES[low]
    return low.split("-")[0]


def detect(text: str) -> tuple[str, float]:
    """(language code, probability) of a text; (UNKNOWN, 0.0) when it has no letters."""
    sample = text[:SAMPLE_CHARS]
    if not _LETTER.search(sample):
        return UNKNOWN, 0.0
    lang, prob = _identifier().classify(sample.lower())   # the model is case-sensitive
    return str(lang), float(prob)


def run(doc: Doc) -> None:
    """Set `doc.language` from the input's metadata, else from the text."""
    given = normalise_code(doc.article.language)
    if given:
        doc.language = given
        return
    text = doc.article.text
    if doc.article.title:
        text = doc.article.title + "\n" + text
    doc.language = detect(text)[0]
