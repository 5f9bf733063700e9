"""A village the gazetteer lacks, written with the division it lies in ("Kisiwani (Kilifi)",
"Zimmerman, Nairobi"), is coded at that division, not at a namesake abroad the article never
names; an address that goes on to another country ("Banbury town, South East region, England")
keeps its town. A city of millions by its own name, with no namesake a tenth its size, is no
namesake either when the article names only other countries ("a rally in Dhaka ... the United
States"), while another spelling of it is no such proof ("Riadi", a person, is no Riyadh). Own
sentences, both languages."""
from __future__ import annotations

import datetime as dt

import pytest

from events import pipeline
from events.article import Article
from events.extract.places import geocode


def _rows(text: str, language: str) -> list[tuple[str, str | None, str | None]]:
    rows = pipeline.run_article(Article(text=text, published=dt.date(2024, 5, 9), language=language)).rows
    return [(r["country"], r["admin1"], r["location"]) for r in rows]


@pytest.mark.parametrize("text, language, admin1", [
    ("On 6 May 2024, police fired in the air to scatter a crowd of protesters in Kisiwani (Kilifi).", "en", "Kilifi"),
    ("Gunmen shot dead a trade unionist in Zimmerman, Nairobi, on 6 May 2024.", "en", "Nairobi"),
    ("Polisi menembakkan gas air mata untuk membubarkan warga yang berunjuk rasa di Kisiwani (Kilifi), "
     "Kenya, Senin (6/5/2024).", "id", "Kilifi"),
])
def test_village_written_with_its_division_is_coded_there(text: str, language: str, admin1: str) -> None:
    assert [(c, a) for c, a, _ in _rows(text, language)] == [("Kenya", admin1)]


def test_address_that_goes_on_abroad_keeps_its_town() -> None:
    rows = _rows("On 5 May 2024, an arsonist set fire to a cash machine at a bank in Banbury town, South East "
                 "region, England, United Kingdom. Nobody was hurt.", "en")
    assert [(c, loc) for c, _, loc in rows] == [("United Kingdom", "Banbury")]


@pytest.mark.parametrize("text, language", [
    ("On 3 May 2024, students staged a rally in Dhaka, condemning the siege. They also demanded "
     "a ban on arms supplies by the United States.", "en"),
    ("Ribuan mahasiswa berunjuk rasa di Dhaka, Jumat (3/5/2024). Mereka menuntut Amerika Serikat "
     "menghentikan pasokan senjata.", "id"),
])
def test_city_of_millions_is_no_namesake(text: str, language: str) -> None:
    assert [(c, loc) for c, _, loc in _rows(text, language)] == [("Bangladesh", "Dhaka")]


def test_another_spelling_of_a_big_city_is_not_sure() -> None:
    found = geocode("Riadi, the company's spokesman, said the building had been empty since August.", "en")
    assert all("no namesake" not in m.why for m in found)


@pytest.mark.parametrize("text, language", [
    # a list of quarters the last of which is written inside the city: each of them is
    ("Rioters set fire to three buses in Gabtali, Agargaon and Sayedabad areas of Dhaka city on 6 May 2024.", "en"),
    ("Rioters set fire to three buses in Gabtali, Agargaon, and Sayedabad areas of Dhaka city on 6 May 2024.", "en"),
])
def test_a_list_of_quarters_of_a_city_is_coded_at_the_city(text: str, language: str) -> None:
    assert _rows(text, language) == [("Bangladesh", "Dhaka", "Dhaka")]


def test_a_list_of_towns_keeps_its_first_town() -> None:
    assert _rows("Gunmen attacked police posts in Mombasa, Kisumu and Nakuru, Kenya, on 6 May 2024.", "en")[0] == \
        ("Kenya", "Mombasa", "Mombasa")
