"""Filter values, `--by` names and export columns typed in Indonesian, in other spellings, in
any case or with a typo are read as the taxonomy's (and the store's) values; an ambiguous or
unknown one is one `Error:` line listing the close valid values."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from conftest import make_event_row as row
from events import errors, lang, names, pipeline, query, schema
from events.article import Article
from events.cli import main
from events.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "db"
    idn = dict(iso=360, region="Southeast Asia", country="Indonesia", language="id")
    rows = [
        row(event_id_cnty="IDN0000000001", event_date=dt.date(2024, 3, 4), admin1="West Java", location="Bandung",
            event_type="Protests", sub_event_type="Peaceful protest", disorder_type="Demonstrations",
            actor1="Protesters (Indonesia)", inter1=6, actor2=None, inter2=0, interaction=60,
            fatalities=0, source="Kabar Priangan", **idn),
        row(event_id_cnty="IDN0000000002", event_date=dt.date(2024, 5, 6), admin1="Papua", location="Wamena",
            event_type="Riots", sub_event_type="Mob violence", disorder_type="Political violence",
            actor1="Rioters (Indonesia)", inter1=5, actor2=None, inter2=0, interaction=50, fatalities=2,
            source="Warta Timur", **idn),
        row(event_id_cnty="IRQ0000000003", event_date=dt.date(2024, 2, 1), fatalities=4, language="en",
            source="Example Wire"),
    ]
    Store(path).commit([pipeline.Result(Article(text="x", id="a1"), rows, [])])
    return path


@pytest.mark.parametrize("kind, typed, expected", [
    ("event_type", "protests", "Protests"),
    ("event_type", "Protest", "Protests"),
    ("event_type", "PROTESTS", "Protests"),
    ("event_type", "unjuk rasa", "Protests"),
    ("event_type", "kerusuhan", "Riots"),
    ("event_type", "pertempuran", "Battles"),
    ("event_type", "batles", "Battles"),
    ("event_type", "explosions remote violence", "Explosions/Remote violence"),
    ("sub_event_type", "bom bunuh diri", "Suicide bomb"),
    ("sub_event_type", "armed clashes", "Armed clash"),
    ("sub_event_type", "penculikan", "Abduction/forced disappearance"),
    ("sub_event_type", "air-drone strike", "Air/drone strike"),
    ("region", "Timur Tengah", "Middle East"),
    ("region", "south-east asia", "Southeast Asia"),
    ("claim_status", "not reported", "not_reported"),
    ("claim_status", "dibantah", "denied"),
    ("language", "Indonesian", "id"),
    ("dimension", "provinsi", "admin1"),
    ("dimension", "Event type", "event_type"),
    ("dimension", "tahun", "year"),
    ("dimension", "months", "month"),
    ("dimension", "pelaku", "perpetrator"),
    ("column", "fatality", "fatalities"),
    ("column", "Event_Date", "event_date"),
])
def test_cli_names_read_as_the_taxonomy(kind, typed, expected):
    values, _ = names.resolve(kind, typed)
    assert values == (expected,)


@pytest.mark.parametrize("kind, typed, note", [
    ("event_type", "Battles", None),
    ("event_type", "battles", None),                   # only case differs: nothing to say
    ("event_type", "kerusuhan", "--event-type 'kerusuhan' read as 'Riots'"),
    ("dimension", "bulan", "--by 'bulan' read as 'month'"),
])
def test_cli_names_say_what_they_read_a_name_as(kind, typed, note):
    assert names.resolve(kind, typed)[1] == note


@pytest.mark.parametrize("kind, typed, message", [
    ("event_type", "kekerasan", "--event-type 'kekerasan' could mean 'Explosions/Remote violence' or "
                                "'Violence against civilians'; give one of them"),
    ("region", "asia", "--region 'asia' could mean 'Caucasus and Central Asia' or 'East Asia' or 'South Asia' "
                       "or 'Southeast Asia'; give one of them"),
    ("dimension", "event", "--by 'event' could mean 'event_type' or 'sub_event_type'; give one of them"),
    ("event_type", "picnic", "unknown --event-type 'picnic'; choose one of: Battles, Explosions/Remote violence, "
                             "Violence against civilians, Protests, Riots, Strategic developments"),
    ("column", "lat", "unknown --columns 'lat'; did you mean 'latitude'?"),
    ("column", "xyz", "unknown --columns 'xyz'; `events schema` lists the columns"),
])
def test_cli_names_ambiguous_or_unknown_is_an_error_with_the_close_values(kind, typed, message):
    with pytest.raises(errors.FilterError) as caught:
        names.resolve(kind, typed)
    assert str(caught.value) == message


@pytest.mark.parametrize("typed, expected, note", [
    ("Iraq", "Iraq", None), ("IRQ", "Iraq", None), ("iq", "Iraq", None), ("iraq", "Iraq", None),
    ("Irak", "Iraq", "--country 'Irak' read as 'Iraq'"),                       # Indonesian (and others)
    ("Amerika Serikat", "United States", "--country 'Amerika Serikat' read as 'United States'"),
    ("Indonesai", "Indonesia", "--country 'Indonesai' read as 'Indonesia'"),   # a typo
])
def test_cli_names_countries_in_any_language(typed, expected, note):
    assert names.country(typed) == (expected, note)


@pytest.mark.parametrize("typed, message", [
    ("Nigera", "--country 'Nigera' could mean 'Niger' or 'Nigeria'; give one of them"),
    ("Atlantis", errors.unknown_country("Atlantis")),
])
def test_cli_names_countries_ambiguous_or_unknown(typed, message):
    with pytest.raises(errors.FilterError) as caught:
        names.country(typed)
    assert str(caught.value) == message


def _summary(db, *args, env=None):
    return CliRunner().invoke(main, ["--db", str(db), "summary", "--format", "csv", *args])


@pytest.mark.parametrize("args, rows, note", [
    (["--admin1", "Jawa Barat"], ["Southeast Asia,1,0,0,100.0"], "--admin1 'Jawa Barat' read as 'West Java'\n"),
    (["--admin1", "west java"], ["Southeast Asia,1,0,0,100.0"], ""),
    (["--event-type", "kerusuhan"], ["Southeast Asia,1,2,0,100.0"], "--event-type 'kerusuhan' read as 'Riots'\n"),
    (["--event-type", "protests"], ["Southeast Asia,1,0,0,100.0"], ""),
    (["--country", "Irak"], ["Middle East,1,4,0,100.0"], "--country 'Irak' read as 'Iraq'\n"),
    (["--language", "Indonesian"], ["Southeast Asia,2,2,0,100.0"], "--language 'Indonesian' read as 'id'\n"),
    (["--sub-event-type", "aksi damai"], ["Southeast Asia,1,0,0,100.0"],
     "--sub-event-type 'aksi damai' read as 'Peaceful protest'\n"),
])
def test_cli_names_filters_on_the_command_line(db, args, rows, note):
    result = _summary(db, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == rows
    assert result.stderr == note


def test_cli_names_by_in_indonesian(db):
    result = _summary(db, "--by", "provinsi", "--country", "Indonesia")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["admin1,events,fatalities,injuries,share_pct",
                                          "Papua,1,2,0,50.0", "West Java,1,0,0,50.0"]
    assert result.stderr == "--by 'provinsi' read as 'admin1'\n"


@pytest.mark.parametrize("args, line", [
    (["--event-type", "kekerasan"], "Error: --event-type 'kekerasan' could mean 'Explosions/Remote violence' or "
                                    "'Violence against civilians'; give one of them"),
    (["--by", "event"], "Error: --by 'event' could mean 'event_type' or 'sub_event_type'; give one of them"),
    (["--country", "Nigera"], "Error: --country 'Nigera' could mean 'Niger' or 'Nigeria'; give one of them"),
])
def test_cli_names_ambiguous_value_is_one_error_line(db, args, line):
    result = _summary(db, *args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, line + "\n", "")


@pytest.mark.parametrize("args, note", [
    (["--admin1", "Atlantis"], "--admin1 'Atlantis' matches no stored event"),
    (["--actor", "Protestors"], "--actor 'Protestors' matches no stored event; stored values close to it: "
                                "'Protesters (Indonesia)'"),
    (["--source", "Kabar Priangn"], "--source 'Kabar Priangn' matches no stored event; stored values close to "
                                    "it: 'Kabar Priangan'"),
])
def test_cli_names_value_matching_nothing_gets_a_hint(db, args, note):
    result = _summary(db, *args)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0].startswith(note)         # the closest first


def test_cli_names_stored_division_needs_no_gazetteer(db):
    assert names.resolve_filters(db, query.Filters.of(admin1="papua")) == (query.Filters.of(admin1="papua"), [])


def test_cli_names_a_close_stored_division_is_read_as_it(db):
    resolved, notes = names.resolve_filters(db, query.Filters.of(admin1="Papuaa"))
    assert resolved.admin1 == ("Papua",) and notes == ["--admin1 'Papuaa' read as 'Papua'"]


@pytest.mark.parametrize("code", lang.languages())
def test_cli_names_taxonomy_data_names_only_valid_values(code):
    data = lang.load(code, "taxonomy")
    for kind, table in {"event_type": "event_types", "sub_event_type": "sub_event_types", "region": "regions",
                        "claim_status": "claim_statuses", "language": "languages",
                        "dimension": "dimensions"}.items():
        assert isinstance(data.get(table), dict), f"{code}/taxonomy.toml: no [{table}]"
        for value, others in data[table].items():
            assert value in names.canonical(kind), f"{code}/taxonomy.toml [{table}]: {value!r} is not a value"
            assert others and all(isinstance(o, str) and o.strip() for o in others)


def test_cli_names_no_name_means_two_event_types_in_one_language_table():
    """A name listed for two values in the same table would always be ambiguous: a data mistake."""
    for code in lang.languages():
        for table in ("event_types", "sub_event_types", "regions", "claim_statuses", "dimensions"):
            seen: dict[str, str] = {}
            for value, others in lang.load(code, "taxonomy")[table].items():
                for other in others:
                    k = names.key(other)
                    assert seen.setdefault(k, value) == value, f"{code}/{table}: {other!r}"


def test_cli_names_every_event_type_has_an_indonesian_name():
    assert set(lang.load("id", "taxonomy")["event_types"]) == set(schema.taxonomy().event_types)
