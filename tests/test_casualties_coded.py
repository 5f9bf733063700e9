"""Stage `casualties`: a coder's notes on a toll (coded as another event, no toll coded here, a
toll split among several events), in both languages and in capitals."""
import pytest

from test_casualties_counts import found


@pytest.mark.parametrize("lang, text", [
    ("en", "Farmers rioted in the market town. 4 killed (coded separately)."),
    ("en", "Farmers rioted in the market town; two men killed (coded as a separate event) were buried later."),
    ("en", "FARMERS RIOTED IN THE MARKET TOWN. 4 KILLED (CODED SEPARATELY)."),
    ("id", "Warga mengamuk di pasar. Tiga orang tewas (dicatat terpisah)."),
])
def test_toll_coded_as_another_event_is_not_counted(lang: str, text: str) -> None:
    assert [c for c in found(text, lang) if c.kind == "killed"] == []


@pytest.mark.parametrize("lang, text, low", [
    ("en", "Farmers rioted in the market town. 4 killed (coded separately). Later 2 others were killed.", 2),
    ("en", "Farmers rioted in the market town. 4 killed, and the police made arrests separately.", 4),
])
def test_other_tolls_stay(lang: str, text: str, low: int) -> None:
    assert [c.low for c in found(text, lang) if c.kind == "killed"] == [low]


@pytest.mark.parametrize("text", [
    "At least 30 people died in the city that day. No fatality coded to this event.",
    "At least 30 people died in the city that day. No fatalities coded to this event.",
    "AT LEAST 30 PEOPLE DIED IN THE CITY THAT DAY. NO FATALITIES CODED TO THIS EVENT.",
])
def test_no_toll_coded_here_is_the_coders_zero(text: str) -> None:
    stated = [c for c in found(text, "en") if c.stated]
    assert [(c.kind, c.low) for c in stated] == [("killed", 0)]


@pytest.mark.parametrize("text, low", [
    # the coder's figure after its count: "N fatalities ... coded to this event"
    ("At least 40 people died in the capital that day. In all 6 fatalities (4 confirmed, 2 split) coded to this event.", 6),
    ("At least 40 people died in the capital that day. 1 confirmed fatality coded to this event.", 1),
    ("AT LEAST 40 PEOPLE DIED IN THE CAPITAL THAT DAY. TOTAL 5 FATALITIES CODED TO THIS EVENT.", 5),
])
def test_toll_coded_to_this_event_is_the_coders(text: str, low: int) -> None:
    stated = [c for c in found(text, "en") if c.stated]
    assert [(c.kind, c.low) for c in stated] == [("killed", low)]


@pytest.mark.parametrize("text, low, shared", [
    # a coder's figure spread over places: each row gets its share
    ("Rebels raided two posts near the river. Fatalities coded as 12, spread across 2 locations.", 12, 2),
    ("Rebels attacked three posts near the river. Fatalities coded as 9 and split between 3 events.", 9, 3),
    ("Rebels attacked a post near the river. Fatalities coded as 4.", 4, 1),
    # the coder's share itself, in brackets
    ("Troops killed 10 fighters in two valleys. Fatalities split over 2 locations (5).", 5, 1),
])
def test_coders_figure_spread_across_places(text: str, low: int, shared: int) -> None:
    stated = [c for c in found(text, "en") if c.stated]
    assert [(c.low, c.shared) for c in stated] == [(low, shared)]


@pytest.mark.parametrize("text, shared", [
    ("One soldier was killed at an unspecified place [1 fatality split among 12 events].", 12),
    ("Nine people were killed amongst three villages raided overnight.", 3),
    ("Nine people were killed among the victims' relatives.", 1),
])
def test_toll_split_among_events(text: str, shared: int) -> None:
    killed = [c for c in found(text, "en") if c.kind == "killed" and not c.stated]
    assert killed and {c.shared for c in killed} == {shared}


@pytest.mark.parametrize("lang, text, low", [
    ("en", "Eight people including four policemen and a local official were killed.", 8),
    ("en", "EIGHT PEOPLE INCLUDING FOUR POLICEMEN AND A LOCAL OFFICIAL WERE KILLED.", 8),
    ("en", "Six villagers including a teacher and her son died in the raid.", 6),
    ("id", "Delapan orang termasuk empat polisi dan seorang pejabat tewas.", 8),
])
def test_a_part_named_without_commas_is_inside_the_toll(lang: str, text: str, low: int) -> None:
    assert [c.low for c in found(text, lang) if c.kind == "killed"] == [low]


@pytest.mark.parametrize("lang, text, low", [
    ("en", "Two border guards (BSF) were shot dead by smugglers.", 2),
    ("en", "THREE POLICE (GSU) OFFICERS WERE KILLED IN THE AMBUSH.", 3),
    ("id", "Dua prajurit (TNI) tewas dalam kontak tembak.", 2),
])
def test_a_bracketed_abbreviation_does_not_cut_the_toll(lang: str, text: str, low: int) -> None:
    assert [c.low for c in found(text, lang) if c.kind == "killed"] == [low]


@pytest.mark.parametrize("text, low", [
    ("Raiders kill 3 herders near the river.", 3),
    ("Tiga warga tewas dalam serangan itu.", 3),
])
def test_a_text_of_no_told_language_is_read_with_the_language_it_holds(text: str, low: int) -> None:
    assert [c.low for c in found(text, "und") if c.kind == "killed"] == [low]


@pytest.mark.parametrize("text, expected", [
    ("PEREZ AND LOZANO WERE SHOT DEAD BY GUNMEN ON A MOTORCYCLE.", [("killed", 2)]),
    ("MENDEZ AND ORTEGA WERE WOUNDED BY THE BLAST.", [("injured", 2)]),
    ("Mendez and Ortega were wounded by the blast.", [("injured", 2)]),
    ("GUERRILLAS AND TROOPS WERE KILLED IN THE CLASH.", []),
    ("THE POLICE AND THE ARMY WERE ATTACKED.", []),
])
def test_two_surnames_in_capitals_are_two_people(text: str, expected: list) -> None:
    assert [(c.kind, c.low) for c in found(text, "en")] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The blast killed the driver and at least three other people.", [("killed", 4)]),
    ("en", "THE EXPLOSION WOUNDED THE DRIVER AND TWO PASSENGERS.", [("injured", 3)]),
    ("en", "The blast damaged the mosque and killed three worshippers.", [("killed", 3)]),
    ("en", "The raid killed the villagers and two soldiers.", [("killed", 2)]),
])
def test_one_person_before_a_count_in_the_verbs_object(lang: str, text: str, expected: list) -> None:
    assert [(c.kind, c.low) for c in found(text, lang)] == expected
