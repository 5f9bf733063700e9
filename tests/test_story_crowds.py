"""story + rows: crowds and fighting sides by the ACLED codebook: a riot word names a violent
demonstration, a clash of rival crowds stays a mob's even when the police disperse it, two
armed sides named make a battle, and a firing word told with shells is the shelling's."""
from __future__ import annotations

import datetime as dt

import pytest

from events.article import Article
from events.pipeline import extract

DAY = dt.date(2024, 5, 4)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(r["event_type"], r["sub_event_type"]) for r in extract(Article(text=text, published=DAY, source="test"))]


@pytest.mark.parametrize("text,event_type,sub_event_type", [
    # "riot", "rioted", "turned violent": ACLED's violent demonstration, whatever the crowd wanted
    ("On 3 May 2024, students rioted in Eldoret, Kenya, over the closure of their hostels.",
     "Riots", "Violent demonstration"),
    ("On 3 May 2024, RIOTS BROKE OUT in Eldoret, Kenya, when the tally of the by-election was announced.",
     "Riots", "Violent demonstration"),
    ("On 3 May 2024, a march by traders in Eldoret, Kenya, turned violent.", "Riots", "Violent demonstration"),
    ("Pada Jumat (3/5/2024), aksi mahasiswa di depan kantor DPRD Kota Makassar, Sulawesi Selatan, "
     "berujung ricuh.", "Riots", "Violent demonstration"),
    ("Pada Jumat (3/5/2024), Demo Ricuh terjadi di depan kantor DPRD Kota Makassar, Sulawesi Selatan.",
     "Riots", "Violent demonstration"),
    # what rioters rose against is no attack of its own
    ("On 3 May 2024, youths rioted in Eldoret, Kenya, over the killing of a motorcycle taxi rider.",
     "Riots", "Violent demonstration"),
    # rival crowds fighting: a mob, even when the police answer with tear gas
    ("On 3 May 2024, supporters of two rival councillors clashed in Eldoret, Kenya. Police fired tear gas "
     "to disperse the clashing groups.", "Riots", "Mob violence"),
    ("Pada Jumat (3/5/2024), tawuran antarwarga pecah di Kota Makassar, Sulawesi Selatan. Polisi "
     "menembakkan gas air mata untuk membubarkan kedua kelompok.", "Riots", "Mob violence"),
    # "anti-riot police" names a unit, not a riot
    ("On 3 May 2024, anti-riot police watched as traders marched peacefully in Eldoret, Kenya.",
     "Protests", "Peaceful protest"),
    # an arrest told to explain the grievance is not the police stepping in
    ("On 3 May 2024, journalists protested in Eldoret, Kenya, against the detention of an editor. "
     "He was arrested in connection with a tax case.", "Protests", "Peaceful protest"),
    # the state and an armed group named together: they fought, whoever the doer is read to be
    ("On 3 May 2024, three al-Shabaab militants were killed during an operation by Kenyan soldiers "
     "in Mandera, Kenya.", "Battles", "Armed clash"),
    # a negation does not reach past a clause break
    ("Around 3 May 2024 (exact date not reported), clashes took place between two clan militias in "
     "Mandera, Kenya.", "Battles", "Armed clash"),
    # "fired mortars at the positions of": the shelling's firing, not a gunfight
    ("On 3 May 2024, soldiers fired mortars at the positions of a militia near Mandera, Kenya.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    # small arms fired beside shells, or shells traded both ways: the two sides engaged
    ("On 3 May 2024, rebels fired mortars and small arms at army positions near Mandera, Kenya.",
     "Battles", "Armed clash"),
    ("On 3 May 2024, soldiers and rebels exchanged artillery fire near Mandera, Kenya.", "Battles", "Armed clash"),
    # demonstrators in running battles with the police, or stoning them: a violent demonstration
    ("On 3 May 2024, traders protesting new market fees in Eldoret, Kenya, engaged police in running battles.",
     "Riots", "Violent demonstration"),
    ("On 3 May 2024, protesters throw stones at police officers in Eldoret, Kenya.", "Riots", "Violent demonstration"),
    # property destroyed as part of an attack on people is the attack; alone it is property destruction
    ("On 3 May 2024, armed raiders attacked a village near Lodwar, Kenya, killed two herders and stole "
     "their cattle.", "Violence against civilians", "Attack"),
    ("Pada Jumat (3/5/2024), kelompok bersenjata menyerang Kampung Wako di Kabupaten Yahukimo, Papua "
     "Pegunungan, menewaskan seorang warga dan membakar rumah-rumah.", "Violence against civilians", "Attack"),
])
def test_story_crowds_kind(text: str, event_type: str, sub_event_type: str) -> None:
    kinds = _kinds(text)
    assert kinds, "no row"
    assert kinds[0] == (event_type, sub_event_type), kinds
