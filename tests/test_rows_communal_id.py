"""Indonesian tribal and clan fighting is identity militias fighting, as in English (Battles /
Armed clash); brawls between residents or villages stay mob violence (Riots)."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article


def _types(text: str, language: str) -> list[tuple[str, str]]:
    result = pipeline.run_article(Article(text=text, published=dt.date(2024, 3, 9), language=language))
    return [(r["event_type"], r["sub_event_type"]) for r in result.rows]


@pytest.mark.parametrize("text, language, expected", [
    ("JAYAPURA - Perang suku pecah di Distrik Ilaga, Kabupaten Puncak, Papua, pada Senin (4/3/2024). "
     "Dua warga tewas terkena panah.", "id", ("Battles", "Armed clash")),
    ("WAMENA - Bentrok antarsuku terjadi di Wamena, Jayawijaya, pada Selasa (5/3/2024), menewaskan tiga orang.",
     "id", ("Battles", "Armed clash")),
    ("Fighting between two tribes broke out in Wamena, Papua, on Tuesday, killing three people.",
     "en", ("Battles", "Armed clash")),
    ("MAKASSAR - Tawuran antarwarga pecah di Kecamatan Tallo, Makassar, pada Rabu (6/3/2024). Satu warga terluka.",
     "id", ("Riots", "Mob violence")),
    ("AMBON - Bentrokan antarwarga dua desa terjadi di Ambon, Maluku, pada Kamis (7/3/2024); dua rumah dibakar.",
     "id", ("Riots", "Mob violence")),
    ("KUPANG - Kepala suku ditembak orang tak dikenal di Kupang, NTT, pada Jumat (8/3/2024).",
     "id", ("Violence against civilians", "Attack")),
])
def test_rows_communal_id_tribal_fighting_is_a_clash_brawls_stay_mob_violence(text, language, expected):
    assert _types(text, language) == [expected]
