"""The dedup key of ingest: normalise_text must give the string the regex form gave, so an
article stored by an earlier version is still found as already stored."""
from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from events.article import Article, normalise_text

WHITESPACE = re.compile(r"\s+")


def by_regex(text: str) -> str:
    return WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def test_ingest_hash_split_sees_exactly_the_whitespace_the_regex_sees():
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    assert [c for c in every if c.isspace()] == [c for c in every if WHITESPACE.fullmatch(c)]


@pytest.mark.parametrize("text", [
    "  JAKARTA \u2013 Dua polisi tewas\u00a0di  Jayapura,\n\nPapua.\t",
    "KABUL, 4 March 2024 -\u2003A bomb\u2028exploded\r\nnear a checkpoint.\u3000",
    "\u200b zero-width space is no whitespace \u200b",
    "\ufb01ve ligatures and \u2460 circled digits fold under NFKC \x1c\x1d\x1e\x1f\x85",
    "", "   ", "one",
])
def test_ingest_hash_normalised_text_as_before(text):
    assert normalise_text(text) == by_regex(text)


def test_ingest_hash_copies_differing_in_spacing_share_a_hash():
    a = Article(text="Gunmen attacked a police post in Jayapura on Friday.")
    b = Article(text="  Gunmen attacked\u00a0a police post\n in Jayapura on Friday. ")
    c = Article(text="Gunmen attacked a police post in Jayapura on Saturday.")
    assert a.text_hash == b.text_hash != c.text_hash
