"""`events geocode`: prints the candidates, the choice and why."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from events.cli import main


def test_geo_cli_geocode_prints_candidates_choice_and_reason():
    result = CliRunner().invoke(main, ["geocode", "-l", "id", "Kedutaan Besar Amerika Serikat di Bagdad diserang."])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("'Amerika Serikat' [15:30] -> United States (country, -, US)")
    assert "inside a longer name" in lines[0]
    assert lines[1].startswith("'Bagdad' [34:40] -> Baghdad (city, Baghdad, IQ) 33.3406, 44.4009")
    assert "after preposition" in lines[1]
    assert lines[-1] == ("choice: Baghdad (city), Baghdad, Iraq [IRQ] 33.3406, 44.4009, geo_precision 1")


@pytest.mark.parametrize("text", ["Polisi masih menyelidiki motif pelaku.", "", "   "])
def test_geo_cli_geocode_without_place(text):
    result = CliRunner().invoke(main, ["geocode", text])
    assert result.exit_code == 0
    assert result.output == "no place found\n"


def test_geo_cli_geocode_all_lists_other_readings():
    result = CliRunner().invoke(main, ["geocode", "--all", "-l", "en", "A bomb exploded in Tripoli, Lebanon."])
    assert result.exit_code == 0
    assert "-> Tripoli (city, North Lebanon, LB)" in result.output
    assert "    or Tripoli (city, Tripoli, LY)" in result.output


def test_geo_cli_geocode_has_help():
    result = CliRunner().invoke(main, ["geocode", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_geo_cli_geocode_says_a_frequent_word_was_kept_with_support():
    result = CliRunner().invoke(main, ["geocode", "-l", "en", "BOGOTA POLICE SAID THE BOMB EXPLODED IN MEDELLIN, COLOMBIA."])
    assert result.exit_code == 0, result.output
    bogota = next(line for line in result.output.splitlines() if line.startswith("'BOGOTA'"))
    assert "also a frequent word: kept with support" in bogota and ", CO)" in bogota
