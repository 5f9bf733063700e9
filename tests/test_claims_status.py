"""Rows' claim status: claims told with an auxiliary, by a group in no list, and statements that
nobody claimed, in English and Indonesian, upper and mixed case (own sentences)."""
import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

PUB = dt.date(2024, 3, 10)


def status(text, lang):
    rows = extract(Article(text=text, published=PUB, language=lang))
    assert rows, "no row"
    return rows[0]["claim_status"]


@pytest.mark.parametrize("lang, text, expected", [
    # "has claimed responsibility": the auxiliary does not turn the claim into a weak word
    ("en", 'QUITO, 6 MAR 24 -- THE CLANDESTINE ORGANIZATION "RED DAWN COMMAND" HAS CLAIMED RESPONSIBILITY FOR '
           "TUESDAY'S BOMB ATTACK ON A BANK IN QUITO, ECUADOR.", "claimed"),
    ("en", "On Tuesday a bomb exploded at a bank in Quito, Ecuador. A group calling itself the Red Dawn Command "
           "has claimed responsibility for the attack.", "claimed"),
    ("id", "Pada Selasa, bom meledak di sebuah bank di Quito, Ekuador. Kelompok Fajar Merah telah mengklaim "
           "tanggung jawab atas serangan itu.", "claimed"),
    # nobody claimed it, with a long subject between the negation and the claim word
    ("en", "QUITO, 6 MAR 24 -- A BOMB EXPLODED AT A BANK IN QUITO, ECUADOR. NO PERSON OR ARMED ORGANIZATION HAS "
           "YET CLAIMED RESPONSIBILITY FOR THE ATTACK.", "no_claim"),
    ("en", "On Tuesday a bomb exploded at a bank in Quito, Ecuador. No person or armed organization has yet "
           "claimed responsibility for the attack.", "no_claim"),
    ("id", "Pada Selasa, bom meledak di sebuah bank di Quito, Ekuador. Hingga kini belum ada kelompok atau "
           "organisasi mana pun yang mengaku bertanggung jawab.", "no_claim"),
])
def test_claim_status(lang, text, expected):
    assert status(text, lang) == expected
