"""Every file in events/lang/: a [meta] table, the same topics in every language, required keys.

Other engineers add their topics' required keys to REQUIRED.
"""
import tomllib

import pytest

from events import lang

META_KEYS = ("language", "topic", "source", "licence")

# topic -> table -> keys that table must have (values are checked to be non-empty)
REQUIRED: dict[str, dict[str, tuple[str, ...]]] = {
    "sentences": {"abbreviations": ("never_final",)},
    "dates": {"numeric": ("order",), "weekdays": (), "months": (), "relative": (),
              "day_parts": ("words",), "weekday_modifiers": ("before",), "month_modifiers": ("before",),
              "year_words": ("before",), "units": ("day", "week", "month", "year", "ago")},
    "numbers": {"numeric": ("thousands_separator", "decimal_separator"), "words": (), "scales": (),
                "vague": ()},
    "casualties": {"killed": ("after", "before"), "injured": ("after", "before"),
                   "zero": ("killed", "injured", "both"), "hedges": ("at_least", "up_to", "about"),
                   "not_counts": ("before", "after"), "perpetrators": ("nouns", "self_killed"),
                   "aggregate": ("markers",), "conjunctions": ("words",), "ranges": ("joiners", "between"),
                   "subsets": ("before", "after")},
    "triggers": {"modifiers": ("negation", "hypothetical")},
    "actors": {"roles": ("target_before", "perpetrator_before"), "actor_extension": ("relative", "stop"),
               "nationality": ()},
    "claims": {"claims": ("claimed", "denied", "negation", "attribution", "speaker_before", "speaker_after")},
    "background": {"cues": ("earlier", "aggregate", "judicial", "investigation", "reaction", "criminal")},
    "places": {"words": ("in", "near", "place_words", "person_words", "stop")},
}

FILES = sorted(lang.LANG_DIR.glob("*/*.toml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lang_data_file_has_meta(path):
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    meta = data.get("meta")
    assert isinstance(meta, dict), f"{path}: no [meta] table"
    for key in META_KEYS:
        assert isinstance(meta.get(key), str) and meta[key].strip(), f"{path}: [meta] lacks {key}"
    assert meta["language"] == path.parent.name, f"{path}: meta.language is not the folder"
    assert meta["topic"] == path.stem, f"{path}: meta.topic is not the file name"


def test_lang_data_every_language_has_the_same_topics():
    by_language = {code: set(lang.topics(code)) for code in lang.languages()}
    assert by_language, "no language folders"
    every = set().union(*by_language.values())
    for code, topics in by_language.items():
        assert topics == every, f"{code} lacks topics {sorted(every - topics)}"


@pytest.mark.parametrize("code", lang.languages())
@pytest.mark.parametrize("topic", sorted(REQUIRED))
def test_lang_data_required_keys(code, topic):
    data = lang.load(code, topic)
    for table, keys in REQUIRED[topic].items():
        assert isinstance(data.get(table), dict), f"{code}/{topic}.toml: no [{table}] table"
        if not keys:          # a table of word -> value: must not be empty
            assert data[table], f"{code}/{topic}.toml: [{table}] is empty"
        for key in keys:
            assert data[table].get(key), f"{code}/{topic}.toml: [{table}] lacks {key}"


@pytest.mark.parametrize("code", lang.languages())
def test_lang_data_dates_values(code):
    data = lang.load(code, "dates")
    assert data["numeric"]["order"] in ("dmy", "mdy", "ymd")
    assert set(data["weekdays"].values()) == set(range(1, 8))
    assert set(data["months"].values()) == set(range(1, 13))
    for phrase, rel in data["relative"].items():
        assert rel["precision"] in (1, 2, 3), phrase
        assert set(rel) <= {"days", "months", "precision"}, phrase


@pytest.mark.parametrize("code", lang.languages())
def test_lang_data_numbers_values(code):
    data = lang.load(code, "numbers")
    assert all(isinstance(v, int) and v >= 0 for v in data["words"].values())
    for word, v in data["vague"].items():
        assert 0 < v["low"] <= v["high"] and isinstance(v["firm"], bool), word
