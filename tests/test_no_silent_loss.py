"""No silent loss: undated articles still give rows; an article with no row says why; the run
counts both; `--keep-unlocated` keeps country-only events; `--published` dates a folder."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from events import pipeline, schema
from events.article import Article
from events.cli import main
from events.extract import language
from events.pipeline import Doc


def _run(text, lang=None, published=None, **opts):
    with pipeline.options(**opts):
        return pipeline.run_article(Article(text=text, language=lang, published=published))


@pytest.mark.parametrize("lang, text, country", [
    ("en", "A car bomb exploded in Kandahar, killing five soldiers, officials said.", "Afghanistan"),
    ("en", "GUNMEN KILLED THREE VILLAGERS IN BORNO STATE, NIGERIA, POLICE SAID.", "Nigeria"),
    ("id", "Bom meledak di Poso, Sulawesi Tengah, menewaskan dua polisi.", "Indonesia"),
    ("id", "KELOMPOK BERSENJATA MENEMBAK MATI SEORANG WARGA DI KABUPATEN PUNCAK, PAPUA TENGAH.", "Indonesia"),
])
def test_no_silent_loss_undated_article_gives_an_undated_row(lang, text, country):
    result = _run(text, lang)
    assert result.rows, (result.no_rows, result.why)
    row = result.rows[0]
    assert (row["event_date"], row["year"], row["time_precision"]) == (None, None, None)
    assert row["country"] == country and schema.validate_row(row) == []
    assert row["notes"].startswith("On an unknown date,")
    said = [e for e in row["evidence"] if e["field"].startswith("published:")]
    assert said and "undated" in said[0]["field"]


def test_no_silent_loss_an_event_with_its_own_full_date_keeps_it_without_publication_date():
    result = _run("On 12 March 2021 a car bomb exploded in Kabul, killing three people.", "en")
    assert [r["event_date"] for r in result.rows] == [dt.date(2021, 3, 12)]


@pytest.mark.parametrize("lang, text, published, reason", [
    ("en", "The minister spoke about the economy and the budget.", None, pipeline.NO_EVENT_WORDS),
    ("id", "Menteri berbicara tentang ekonomi dan anggaran negara.", None, pipeline.NO_EVENT_WORDS),
    ("en", "Five soldiers were killed in an ambush in Afghanistan yesterday.", dt.date(2024, 2, 2),
     pipeline.NO_PLACE),
    ("id", "Lima tentara tewas dalam penyergapan di Afganistan kemarin.", dt.date(2024, 2, 2), pipeline.NO_PLACE),
    ("en", "In 2002, bombs exploded in Kuta, Bali, killing 202 people.", dt.date(2024, 2, 2),
     pipeline.BACKGROUND_ONLY),
    ("id", "Pada 2002, bom meledak di Kuta, Bali, menewaskan 202 orang.", dt.date(2024, 2, 2),
     pipeline.BACKGROUND_ONLY),
    ("en", "The minister spoke about the budget. He met bankers. He praised exports. He thanked the press. "
           "Gunmen killed two villagers in Kandahar, Afghanistan.", dt.date(2024, 2, 2), pipeline.NO_DATE),
    ("id", "Menteri berbicara tentang anggaran. Ia bertemu bankir. Ia memuji ekspor. Ia berterima kasih. "
           "Kelompok bersenjata menembak mati dua warga di Poso, Sulawesi Tengah.", dt.date(2024, 2, 2),
     pipeline.NO_DATE),
])
def test_no_silent_loss_no_row_says_why(lang, text, published, reason):
    result = _run(text, lang, published)
    assert (result.rows, result.no_rows) == ([], reason)
    assert result.why


@pytest.mark.parametrize("lang, text", [
    ("en", "Five soldiers were killed in an ambush in Afghanistan yesterday."),
    ("id", "LIMA TENTARA TEWAS DALAM PENYERGAPAN DI AFGANISTAN KEMARIN."),
])
def test_no_silent_loss_keep_unlocated_keeps_a_country_level_row(lang, text):
    assert _run(text, lang, dt.date(2024, 2, 2)).rows == []
    rows = _run(text, lang, dt.date(2024, 2, 2), keep_unlocated=True).rows
    assert len(rows) == 1
    row = rows[0]
    assert (row["country"], row["admin1"], row["geo_precision"]) == ("Afghanistan", None, 3)
    assert row["event_date"] == dt.date(2024, 2, 1) and schema.validate_row(row) == []


def test_no_silent_loss_tally_counts_reasons_and_undated_events():
    with pipeline.tally() as counted:
        _run("The minister spoke about the economy.", "en")
        _run("Bom meledak di Poso, Sulawesi Tengah, menewaskan dua polisi.", "id")
        _run("Five soldiers were killed in an ambush in Afghanistan yesterday.", "en", dt.date(2024, 2, 2))
    assert counted.summary() == ("2 articles gave no row (1 no event words, 1 no place); 1 event undated "
                                 "(no publication date); 1 event located only to a country not written "
                                 "(--keep-unlocated keeps them)")


@pytest.mark.parametrize("lang, text", [
    ("en", "Gunmen shot dead two farmers on Monday."),
    ("id", "Orang tak dikenal menembak mati dua petani pada Senin."),
])
def test_no_silent_loss_tally_does_not_promise_rows_for_events_with_no_place(lang, text):
    """An event with no place at all is `no place`, but --keep-unlocated cannot keep it: the
    summary's country-level count must not include it."""
    with pipeline.tally() as counted:
        result = _run(text, lang, dt.date(2024, 2, 6))
    assert result.no_rows == pipeline.NO_PLACE
    assert _run(text, lang, dt.date(2024, 2, 6), keep_unlocated=True).rows == []
    assert counted.unlocated_dropped == 0 and "located only to a country" not in counted.summary()


@pytest.mark.parametrize("text, sure", [
    ("Bom meledak.", False),
    ("3 killed", False),
    ("Kedutaan Besar Amerika Serikat di Bagdad diserang dengan dua rentetan roket pada Jumat pagi.", True),
])
def test_no_silent_loss_language_is_und_when_unsure_and_says_so(text, sure):
    doc = Doc(Article(text=text))
    language.run(doc)
    found = doc.findings["language"]
    assert (doc.language != language.UNKNOWN) == sure
    assert found.assumed.startswith("detected" if sure else "und: unsure")
    assert found.guess in ("en", "id")


def test_no_silent_loss_und_still_reads_dates_and_events():
    result = _run("Bom Poso kemarin", None, dt.date(2024, 2, 2))          # a headline: too short to tell
    assert [r["event_date"] for r in result.rows] == [dt.date(2024, 2, 1)]
    assert any(e["field"].startswith("language: und") for e in result.rows[0]["evidence"])


def _cli(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_no_silent_loss_cli_extract_explains_an_article_without_rows():
    result = _cli("extract", "-", "--explain", input="Five soldiers were killed in an ambush in Afghanistan.")
    assert result.exit_code == 0
    assert "no row: no place (located only to a country (Afghanistan)" in " ".join(result.stdout.split())
    assert result.stderr.strip() == ("1 article gave no row (1 no place); 1 event located only to a country "
                                     "not written (--keep-unlocated keeps them)")


def test_no_silent_loss_cli_extract_published_and_keep_unlocated():
    result = _cli("extract", "-", "--format", "jsonl", "--published", "2024-02-02", "--keep-unlocated",
                  input="Five soldiers were killed in an ambush in Afghanistan yesterday.")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["event_date"], r["admin1"], r["geo_precision"]) for r in rows] == [("2024-02-01", None, 3)]


def test_no_silent_loss_cli_published_must_be_a_date():
    result = _cli("extract", "-", "--published", "2024-13-40", input="x")
    assert result.exit_code == 2 and "Error: Invalid value for '--published'" in result.stderr


def test_no_silent_loss_ingest_stores_undated_rows_and_recode_keeps_them(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Bom meledak di Poso, Sulawesi Tengah, menewaskan dua polisi.", encoding="utf-8")
    (src / "b.txt").write_text("Menteri berbicara tentang ekonomi dan anggaran negara.", encoding="utf-8")
    db = str(tmp_path / "db")
    first = _cli("--db", db, "ingest", str(src))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("2 articles read: 2 new") and "1 event written" in first.stdout
    assert first.stderr.strip() == "1 article gave no row (1 no event words); 1 event undated (no publication date)"
    stored = _cli("--db", db, "query", "SELECT event_date, time_precision, admin1 FROM events", "--format", "csv")
    assert stored.stdout.splitlines() == ["event_date,time_precision,admin1", ",,Central Sulawesi"]
    recoded = _cli("--db", db, "recode")
    assert recoded.stdout.startswith("2 articles recoded: 1 event before, 1 after")
    assert "1 article gave no row (1 no event words)" in recoded.stderr


def test_no_silent_loss_ingest_published_is_stored_and_recode_gives_the_same_rows(tmp_path):
    (tmp_path / "a.txt").write_text("Gunmen killed three villagers in Borno State, Nigeria, yesterday.",
                                    encoding="utf-8")
    db = str(tmp_path / "db")
    assert _cli("--db", db, "ingest", str(tmp_path / "a.txt"), "--published", "2024-02-20").exit_code == 0
    query = ("SELECT e.event_date, a.published FROM events e JOIN event_sources s USING (event_id_cnty) "
             "JOIN articles a ON a.id = s.article_id")
    before = _cli("--db", db, "query", query, "--format", "csv").stdout
    assert before.splitlines()[1:] == ["2024-02-19,2024-02-20"]
    _cli("--db", db, "recode")
    assert _cli("--db", db, "query", query, "--format", "csv").stdout == before


@pytest.mark.parametrize("lang, text", [
    ("en", "A bomb exploded in Kabul yesterday, killing two police officers. On 3 March 2021, a car "
           "bomb exploded at a checkpoint in Kandahar, killing five soldiers."),
    ("id", "Bom meledak di Poso kemarin, menewaskan dua polisi. Pada 3 Maret 2021, kelompok bersenjata "
           "menyerang pos di Kabupaten Puncak, Papua Tengah, menewaskan lima tentara."),
])
def test_no_silent_loss_undated_lead_does_not_take_a_later_incidents_date(lang, text):
    days = [r["event_date"] for r in _run(text, lang).rows]
    assert days[0] is None and dt.date(2021, 3, 3) in days
