"""Stage `language`: the article's language as an ISO 639-1 code on `doc.language`.

The input's own language wins when it gives one. Otherwise py3langid (a shipped n-gram model,
~1-2 ms per article, see benchmarks/bench_language.py) classifies the lower-cased opening of
the text, restricted to languages that news about conflict is commonly written in. Malay is
left out on purpose: on short Indonesian news it wins often enough to cost us the Indonesian
data, and Malay text read with the Indonesian data loses little. A language without a data
folder still gets its code, so later stages can skip or fall back. When the model is unsure
(below UNSURE_BELOW, as on a headline of three words) the code is `und` and later stages use every
language's data; the likeliest language that has data still reads the dates, and the evidence
of each row says what was assumed.
"""
from __future__ import annotations

import re
from functools import cache

from events import lang
from events.findings import LanguageGuess
from events.article import Doc

# Languages the classifier may answer with (ISO 639-1): a set, not word lists.
CANDIDATES = ("en", "id", "fr", "es", "pt", "de", "it", "nl", "ar", "fa", "ur", "hi", "ru",
              "uk", "tr", "zh", "ja", "ko", "th", "vi", "tl", "sw", "pl", "so", "am", "bn",
              "my", "he", "ps", "ku")
SAMPLE_CHARS = 800         # the opening is enough (same code as 2,000 on all 678 dev and MUC-4 texts), and
                           # the model walks it byte by byte in Python: 2,000 cost ~18% of all extraction
UNKNOWN = "und"            # ISO 639-2 "undetermined": no letters to judge by, or unsure
UNSURE_BELOW = 0.5         # the model's probability under which the language is not known

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


def ranked(text: str) -> list[tuple[str, float]]:
    """Candidate languages with their probabilities, likeliest first ([] without letters)."""
    sample = text[:SAMPLE_CHARS]
    if not _LETTER.search(sample):
        return []
    return [(str(c), float(p)) for c, p in _identifier().rank(sample.lower())]


def guess(text: str) -> LanguageGuess:
    """The language of a text, `und` when unsure, with the likeliest language that has data."""
    ranking = ranked(text)
    if not ranking:
        return LanguageGuess(UNKNOWN, 0.0, None, "und: no letters to judge by")
    best, prob = ranking[0]
    with_data = next((c for c, _ in ranking if c in lang.languages()), None)
    if prob < UNSURE_BELOW:
        return LanguageGuess(UNKNOWN, prob, with_data,
                             f"und: unsure (likeliest {best}, p {prob:.2f}); dates read as {with_data}")
    return LanguageGuess(best, prob, with_data, f"detected {best} (p {prob:.2f})")


def run(doc: Doc) -> None:
    """Set `doc.language` from the input's metadata, else from the text."""
    given = normalise_code(doc.article.language)
    if given:
        doc.language = given
        doc.findings["language"] = LanguageGuess(given, 1.0, given if given in lang.languages() else None)
        return
    text = doc.article.text
    if doc.article.title:
        text = doc.article.title + "\n" + text
    found = guess(text)
    doc.language = found.code
    doc.findings["language"] = found
