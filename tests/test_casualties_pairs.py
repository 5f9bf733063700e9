"""Stage `casualties`: two people told without a numeral ("he and his wife", "dia dan istrinya",
"an officer identified as X and a woman") and a count with a bracketed part ("four people (two
of them children)"): the whole toll, in both languages."""
import pytest

from test_casualties_counts import found as _found


def killed(text, lang):
    return [(c.kind, c.low) for c in _found(text, lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "He and his wife were killed when the gunmen opened fire.", [("killed", 2)]),
    ("en", "He and his wife died in the blast.", [("killed", 2)]),
    ("en", "Police said the driver and his son died.", [("killed", 2)]),
    ("en", "An officer identified as Mark Rivera and a woman were killed.", [("killed", 2)]),
    ("en", "A police officer, identified as Mark Rivera, and a woman were killed.", [("killed", 2)]),
    ("en", "A police officer, aged 45, and his son were shot dead.", [("killed", 2)]),
    ("en", "HE AND HIS BODYGUARD WERE KILLED.", [("killed", 2)]),
    ("en", "A soldier was killed.", [("killed", 1)]),
    ("en", "Gunmen killed a farmer.", [("killed", 1)]),
    ("id", "Dia dan istrinya tewas.", [("killed", 2)]),
    ("id", "Ia dan istrinya tewas ditembak orang tak dikenal.", [("killed", 2)]),
    ("id", "Kepala desa itu dan sopirnya tewas dalam penyergapan.", [("killed", 2)]),
    ("id", "Seorang polisi bernama Bagus dan seorang perempuan tewas.", [("killed", 2)]),
    ("id", "Ia tewas di tempat.", [("killed", 1)]),
    ("id", "Warga dan polisi tewas.", []),
])
def test_two_people_without_a_numeral(lang, text, expected):
    assert killed(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Four people (two of them children) were killed.", [("killed", 4)]),
    ("en", "FIVE PEOPLE (THREE OF THEM POLICE OFFICERS) WERE WOUNDED.", [("injured", 5)]),
    ("en", "Six villagers (including two women) were killed in the raid.", [("killed", 6)]),
    ("en", "Two border guards (BSF) were shot dead.", [("killed", 2)]),
    ("id", "Empat orang (dua di antaranya anak-anak) tewas.", [("killed", 4)]),
    ("id", "Lima warga (termasuk dua perempuan) tewas dalam serangan itu.", [("killed", 5)]),
    ("id", "Ledakan itu menewaskan lima orang (termasuk dua polisi).", [("killed", 5)]),
])
def test_count_with_a_bracketed_part(lang, text, expected):
    assert killed(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Five members of the gang (Los Halcones) died during a shoot-out with police.", [("killed", 5)]),
    ("en", "Two soldiers (who were on patrol) were killed.", [("killed", 2)]),
    ("id", "Tiga anggota KKB (Kelompok Kriminal Bersenjata) tewas dalam baku tembak.", [("killed", 3)]),
    ("en", "One man was stoned to death by a mob.", [("killed", 1)]),
    ("en", "At least 30 miners are feared dead after the attack.", [("killed", 30)]),
    ("en", "Soldiers summarily executed three herders near the well.", [("killed", 3)]),
    ("en", "THE MILITANTS DECAPITATED TWO FARMERS.", [("killed", 2)]),
    ("en", "A woman was burnt to death in her house.", [("killed", 1)]),
])
def test_aside_and_killing_words(lang, text, expected):
    assert killed(text, lang) == expected
