"""report: the offline HTML page (content, no external resource, escaping), its charts, the
filters it shares with summary, chart images, the CLI, and the shipped country outlines."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from events import pipeline, query, report
from events.article import Article
from events.cli import main
from events.report import charts, data, outlines, outlines_build, page
from events.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """Five events in Indonesia and Iraq (Dec 2023 to Mar 2024) from three articles."""
    from conftest import make_event_row as row

    path = tmp_path_factory.mktemp("report") / "db"
    idn = dict(iso=360, region="Southeast Asia", country="Indonesia")
    rows_a = [
        row(event_id_cnty="IRQ0000000001", fatalities=3, perpetrator="Islamic State (ISIS)",
            perpetrator_status="claimed", claim_status="claimed", claimed_by="Islamic State (ISIS)",
            notes="On 8 December 2023, a car bomb exploded in Baghdad; 3 killed. <script>alert(1)</script>",
            article_ids=["a1"]),
        row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 3, 2), fatalities=1, admin1="Anbar",
            location="Ramadi", latitude=33.42, longitude=43.3, perpetrator="Militia", claim_status="denied",
            perpetrator_status="attributed", notes="Rockets hit a base near Ramadi.", article_ids=["a1"]),
    ]
    rows_b = [
        row(event_id_cnty="IDN0000000003", event_date=dt.date(2024, 1, 15), admin1="Papua", location="Jayapura",
            latitude=-2.53, longitude=140.72, fatalities=4, event_type="Battles", sub_event_type="Armed clash",
            actor1="Military Forces of Indonesia (2014-)", actor2="West Papua National Liberation Army",
            inter1=1, inter2=2, interaction=12, perpetrator=None, perpetrator_status="unknown",
            claim_status="not_reported", notes="Baku tembak di Jayapura; 4 tewas.", language="id",
            article_ids=["b1"], **idn),
        row(event_id_cnty="IDN0000000004", event_date=dt.date(2024, 1, 20), admin1="West Java",
            location="Bandung", latitude=-6.91, longitude=107.61, fatalities=0, event_type="Protests",
            sub_event_type="Peaceful protest", disorder_type="Demonstrations", actor1="Protesters (Indonesia)",
            inter1=6, actor2=None, inter2=0, interaction=60, perpetrator=None, perpetrator_status="unknown",
            claim_status="not_reported", notes="Unjuk rasa damai di Bandung.", article_ids=["b1", "c1"], **idn),
    ]
    rows_c = [
        row(event_id_cnty="IDN0000000005", event_date=dt.date(2023, 12, 30), admin1="Papua", location="Timika",
            latitude=-4.55, longitude=136.89, fatalities=2, perpetrator="West Papua National Liberation Army",
            perpetrator_status="attributed", claim_status="no_claim", notes="Two workers shot near Timika.",
            article_ids=["c1"], **idn),
    ]
    Store(path).commit([
        pipeline.Result(Article(text="one", id="a1", source="Example Wire", url="https://news.example/a1",
                                title="Bomb in Baghdad"), rows_a, []),
        pipeline.Result(Article(text="two", id="b1", source="Kabar Contoh", url="javascript:alert(2)"), rows_b, []),
        pipeline.Result(Article(text="three", id="c1", source="Berita Contoh", url="http://berita.example/c1"),
                        rows_c, []),
    ])
    return path


@pytest.fixture(scope="module")
def page_html(db, tmp_path_factory):
    out = tmp_path_factory.mktemp("page") / "report.html"
    report.write(db, out)
    return out.read_text(encoding="utf-8")


def _specs(html: str) -> dict:
    m = re.search(r'<script id="chart-specs" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def _markup(html: str) -> str:
    """The page without the contents of its inline scripts (the Vega bundle holds markup strings)."""
    return re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", html, flags=re.S)


def test_report_page_loads_nothing_from_outside(page_html):
    markup = _markup(page_html)
    assert re.search(r"<(script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\s(src|href)=",
                     markup, re.I) is None
    assert markup.count("<script") == 3 and "@import" not in markup
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", markup)
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" in page_html
    # the only links are the articles' own web addresses, as plain anchors
    assert re.findall(r'href="([^"]*)"', markup) == ["https://news.example/a1", "http://berita.example/c1",
                                                     "http://berita.example/c1", "https://news.example/a1"]


def test_report_page_shows_totals_and_the_latest_events(page_html):
    cards = dict(re.findall(r'data-total="(\w+)"><span class="muted">\w+</span><b>([^<]*)</b>', page_html))
    assert cards == {"events": "5", "fatalities": "10", "injuries": "0", "countries": "2", "articles": "3",
                     "dates": "2023-12-08 – 2024-03-02"}
    rows = re.findall(r'<tr id="(\w+)"><td class="num">([\d-]+)</td>', page_html)
    assert rows == [("IRQ0000000002", "2024-03-02"), ("IDN0000000004", "2024-01-20"),
                    ("IDN0000000003", "2024-01-15"), ("IDN0000000005", "2023-12-30"),
                    ("IRQ0000000001", "2023-12-08")]
    assert "Baku tembak di Jayapura; 4 tewas." in page_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_html and "<script>alert(1)" not in page_html
    assert ">Example Wire</a>" in page_html and "Kabar Contoh" in page_html
    assert "javascript:" not in page_html.split('<script id="chart-specs"')[0]


def test_report_page_embeds_every_chart_with_its_data(page_html):
    specs = _specs(page_html)
    assert set(specs) == {"timeline", "map", "countries", "admin1", "actors", "perpetrators", "claims"}
    for name in specs:
        assert f'<div class="chart" id="chart-{name}"></div>' in page_html
    land, dots = specs["map"]["layer"]
    datasets = specs["map"]["datasets"]
    assert set(datasets) == {land["data"]["name"], dots["data"]["name"]}
    assert {f["properties"]["name"] for f in datasets[land["data"]["name"]]} >= {"Indonesia", "Iraq"}
    assert {(p["location"], p["fatalities"]) for p in datasets[dots["data"]["name"]]} == {
        ("Baghdad", 3), ("Ramadi", 1), ("Jayapura", 4), ("Bandung", 0), ("Timika", 2)}
    assert dots["encoding"]["size"]["field"] == "fatalities" and dots["encoding"]["color"]["field"] == "event_type"
    assert "vegaEmbed(" in page_html and "http://cdn" not in page_html.lower()


def test_report_data_claim_picture_and_perpetrators(db):
    d = data.read(db)
    assert [(c["claim"], c["events"]) for c in d.claims] == [
        ("Claimed", 1), ("Denied", 1), ("Attributed", 1), ("Not reported", 2)]
    assert {(p["name"], p["status"], p["events"]) for p in d.perpetrators} == {
        ("Islamic State (ISIS)", "claimed", 1), ("Militia", "attributed", 1),
        ("West Papua National Liberation Army", "attributed", 1)}
    assert [(c["name"], c["events"], c["fatalities"]) for c in d.countries] == [("Indonesia", 3, 6), ("Iraq", 2, 4)]
    assert d.admin1[0] == {"name": "Papua, Indonesia", "events": 2, "fatalities": 6}
    months = sorted({r["period"] for r in d.timeline})
    assert d.time_unit == "month" and months == [dt.date(2023, 12, 1), dt.date(2024, 1, 1), dt.date(2024, 3, 1)]
    by_type = {r["group"]: r["events"] for r in d.timeline if r["stack"] == "event_type" and
               r["period"] == dt.date(2024, 1, 1)}
    assert by_type == {"Battles": 1, "Protests": 1}


@pytest.mark.parametrize("filters, events, countries", [
    ({"country": "Indonesia"}, 3, 1),
    ({"region": "Middle East", "since": "2024-01-01"}, 1, 1),
    ({"event_type": ["Battles", "Protests"]}, 2, 1),
    ({"admin1": "papua"}, 2, 1),
    ({"until": "2023-12-31"}, 2, 2),
])
def test_report_takes_the_same_filters_as_summary(db, filters, events, countries):
    f = query.Filters.of(**filters)
    d = data.read(db, f)
    assert (d.totals.events, d.totals.countries) == (events, countries)
    summary = query.summary(db, ["country"], f)
    assert sum(r[1] for r in summary.rows) == events
    assert len(d.latest) == events


def test_report_on_matching_nothing_says_so(db, tmp_path):
    out = tmp_path / "none.html"
    report.write(db, out, query.Filters.of(country="Nigeria"))
    html = out.read_text(encoding="utf-8")
    assert "No events match these filters (the store holds 5 events)." in html
    assert _specs(html) == {}


def test_report_long_date_span_is_shown_per_year(tmp_path, event_row):
    """One bad date decades off must not make the timeline hundreds of months long."""
    path = tmp_path / "db"
    rows = [event_row(event_id_cnty="IRQ0000000001", event_date=dt.date(1950, 1, 1)),
            event_row(event_id_cnty="IRQ0000000002", event_date=dt.date(2024, 5, 1))]
    Store(path).commit([pipeline.Result(Article(text="x", id="x1"), rows, [])])
    d = data.read(path)
    assert d.time_unit == "year" and len(d.timeline) == 4
    assert charts.timeline(d).to_dict()["vconcat"][0]["encoding"]["x"]["timeUnit"] == "year"


def test_report_map_keeps_the_busiest_cells_when_there_are_many(tmp_path, event_row, monkeypatch):
    monkeypatch.setattr(data, "MAX_POINTS", 2)
    path = tmp_path / "db"
    rows = [event_row(event_id_cnty=f"IRQ000000000{i}", latitude=33.0 + (i % 3), longitude=44.0)
            for i in range(7)]
    Store(path).commit([pipeline.Result(Article(text="x", id="x1"), rows, [])])
    d = data.read(path)
    assert d.cell == 0.01 and d.points_capped and [p["events"] for p in d.points] == [3, 2]


@pytest.mark.parametrize("fmt, magic", [("svg", b"<svg"), ("png", b"\x89PNG")])
def test_report_writes_each_chart_as_an_image(db, tmp_path, fmt, magic):
    result = CliRunner().invoke(main, ["--db", str(db), "report", "--format", fmt, "--output", str(tmp_path / "c"),
                                       "--country", "Indonesia"])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "c").iterdir())
    assert files == sorted(f"{n}.{fmt}" for n in report.IMAGE_NAMES)
    for name in files:
        assert (tmp_path / "c" / name).read_bytes()[:64].lstrip().startswith(magic)
    assert result.output.startswith(f"Wrote 8 {fmt.upper()} charts to ")


def test_report_cli_writes_the_page_and_says_where(db, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["--db", str(db), "report", "-o", str(out), "--title", "Papua & Iraq"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert re.fullmatch(rf"Wrote {re.escape(str(out))} \([\d,]+ KB\): 5 events, 10 fatalities, 2 countries\.",
                        lines[0])
    assert lines[1] == f"Open {out.resolve().as_uri()} in any browser; it needs no network."
    assert "<title>Papua &amp; Iraq</title>" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--country", "Atlantis"], "Error: unknown country"),
    (["--since", "2024-02-01", "--until", "2024-01-01"], "Error: "),
])
def test_report_cli_bad_filters_are_one_line(db, tmp_path, args, message):
    result = CliRunner().invoke(main, ["--db", str(db), "report", "-o", str(tmp_path / "x.html"), *args])
    assert result.exit_code == 2 and result.output.startswith(message)
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_report_cli_unwritable_output_is_one_line(db, tmp_path):
    result = CliRunner().invoke(main, ["--db", str(db), "report", "-o", str(tmp_path / "no" / "such" / "r.html")])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: cannot write {tmp_path / 'no' / 'such' / 'r.html'}")


def test_report_cli_on_an_empty_store_says_so(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "empty"), "report", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert "No events stored in" in result.output and (tmp_path / "r.html").exists()


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"), ("http://x.example/", "http://x.example/"),
    ("javascript:alert(1)", None), ("data:text/html,hi", None), ("//evil.example/x", None), ("", None),
    (None, None), ("ftp://files.example/x", None),
])
def test_report_links_only_web_addresses(url, safe):
    assert page.safe_url(url) == safe


def test_report_script_json_cannot_close_the_script_element():
    text = page._script_json({"notes": "</script><script>alert(1)</script> <!-- & "})
    assert "<" not in text and ">" not in text and json.loads(text)["notes"].startswith("</script>")


def test_report_outlines_cover_the_world_and_a_box_selects_its_countries():
    everything = outlines.features()
    assert len(everything) > 200
    names = {f["properties"]["name"] for f in outlines.features((95.0, -11.0, 141.0, 6.0))}
    assert {"Indonesia", "Malaysia", "Papua New Guinea"} <= names and "Iraq" not in names and "Brazil" not in names
    for f in outlines.features(coarse=True):            # no ring flattened by rounding (it would fill the globe)
        for polygon in f["geometry"]["coordinates"]:
            assert all(len(ring) >= 4 and ring[0] == ring[-1] for ring in polygon)
            assert outlines._area(polygon[0]) < 0        # exterior rings clockwise, as d3-geo wants


def test_report_shipped_outlines_match_a_fresh_build(tmp_path):
    pytest.importorskip("shapefile")
    pytest.importorskip("shapely")
    pytest.importorskip(outlines_build.SOURCE_PACKAGE)
    shipped = outlines.collection()["meta"]["via"]
    if shipped != outlines_build.source_versions():
        pytest.skip(f"source packages differ from the shipped build's ({shipped})")
    fresh = outlines_build.write(tmp_path)
    assert outlines_build.content_hash(fresh) == outlines_build.content_hash(outlines.OUTLINES_PATH), \
        "events/report/outlines.json.gz is stale: run `python -m events.report.outlines_build`"


def test_report_leaves_out_a_chart_with_nothing_to_draw(tmp_path, event_row):
    """No event names a perpetrator: no empty chart (Vega warns on one), a sentence instead."""
    path = tmp_path / "db"
    Store(path).commit([pipeline.Result(Article(text="x", id="x1"), [event_row(perpetrator=None)], [])])
    out = tmp_path / "r.html"
    report.write(path, out)
    html = out.read_text(encoding="utf-8")
    assert "perpetrators" not in _specs(html) and {"timeline", "map", "claims"} <= set(_specs(html))
    assert '<p class="empty">No event names a perpetrator.</p>' in html
    written, _ = report.write(path, tmp_path / "svg", fmt="svg")
    assert "perpetrators.svg" not in {p.name for p in written} and len(written) == len(report.IMAGE_NAMES) - 1


@pytest.mark.parametrize("latest, ids", [("2", ["IRQ0000000002", "IDN0000000004"]), ("0", [])])
def test_report_cli_latest_limits_the_events_table(db, tmp_path, latest, ids):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["--db", str(db), "report", "-o", str(out), "--latest", latest])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert re.findall(r'<tr id="(\w+)">', html) == ids
    assert f"The {len(ids)} most recent of 5 events, newest first." in html


def test_report_lists_undated_events_after_dated_ones(tmp_path, event_row):
    """An article with no date at all gives an undated row: it is counted, listed last, not lost."""
    path = tmp_path / "db"
    rows = [event_row(event_id_cnty="IRQ0000000001", event_date=dt.date(2024, 5, 1)),
            event_row(event_id_cnty="IRQ0000000002", event_date=None, year=None, time_precision=None)]
    Store(path).commit([pipeline.Result(Article(text="x", id="x1"), rows, [])])
    d = data.read(path)
    assert d.totals.events == 2 and (d.totals.first, d.totals.last) == (dt.date(2024, 5, 1),) * 2
    assert d.totals.undated == 1
    assert [(r["event_id_cnty"], r["event_date"]) for r in d.latest] == [
        ("IRQ0000000001", dt.date(2024, 5, 1)), ("IRQ0000000002", None)]
    out = tmp_path / "r.html"
    report.write(path, out)
    html = out.read_text(encoding="utf-8")
    assert re.findall(r'<tr id="(\w+)">', html) == ["IRQ0000000001", "IRQ0000000002"]
    assert "<b>2024-05-01 – 2024-05-01 (+1 undated)</b>" in html and '<td class="num">undated</td>' in html


def test_report_failing_read_is_one_line(db, tmp_path, monkeypatch):
    import duckdb

    def failing(*args, **kw):
        raise duckdb.InternalException("Out of buffer")
    monkeypatch.setattr(data, "read", failing)
    result = CliRunner().invoke(main, ["--db", str(db), "report", "-o", str(tmp_path / "r.html")])
    assert (result.exit_code, result.stderr) == (2, "Error: query failed: Out of buffer\n")
    assert not (tmp_path / "r.html").exists()
