"""The report as one self-contained HTML page: text, tables, chart specs and the Vega JavaScript
inlined, with a Content-Security-Policy that forbids the page from loading anything at all.

The JavaScript comes from vl-convert's bundle (Vega, Vega-Lite, Vega-Embed), cached once per
vl-convert version because bundling takes a few seconds.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

from events import __version__
from events.report.data import ReportData

# default-src 'none': no script, style, image, font, frame or fetch from anywhere but the page.
# Vega compiles its expressions with Function(), hence 'unsafe-eval'.
CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")

CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --card: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
       sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 4px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px;
        min-width: 130px; }
.card b { display: block; font-size: 20px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 8px 24px; }
.chart { min-height: 40px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--card); position: sticky; top: 0; }
td.num { text-align: right; white-space: nowrap; }
td.notes { max-width: 420px; }
td .sub { color: var(--muted); font-size: 12px; }
.empty { padding: 24px; background: var(--card); border-radius: 6px; }
footer { margin: 30px auto 40px; font-size: 12px; }
"""

CHART_NAMES = ("timeline", "map", "countries", "admin1", "actors", "perpetrators", "claims")
EMPTY = {"map": "No event has coordinates.", "admin1": "No event names its first-level division.",
         "actors": "No event names its main actor.", "perpetrators": "No event names a perpetrator."}

EMBED = """
(function () {
  const specs = JSON.parse(document.getElementById('chart-specs').textContent);
  const done = Object.entries(specs).map(([name, spec]) =>
    vegaEmbed('#chart-' + name, spec, {actions: false, renderer: 'svg'})
      .then(() => name)
      .catch((err) => { console.error('chart ' + name + ' failed: ' + err); throw err; }));
  Promise.allSettled(done).then((results) => {
    document.body.dataset.chartsRendered = results.filter((r) => r.status === 'fulfilled').length;
    document.body.dataset.chartsFailed = results.filter((r) => r.status === 'rejected').length;
  });
})();
"""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "events"


@functools.cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script (from vl-convert, no network), cached on disk."""
    import vl_convert

    version = f"{vl_convert.get_vega_version()}-{vl_convert.get_vega_embed_version()}"
    cached = _cache_dir() / f"vega-bundle-{version}.js"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    js = vl_convert.javascript_bundle()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(js, encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass                                   # no writable cache: bundle again next time
    return js


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element (no '</script>' or '<!--' can end it early)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def _num(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web link (http/https), else None (no javascript: or data: links)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _place(r: dict) -> str:
    names = [r.get("location"), r.get("admin2"), r.get("admin1"), r.get("country")]
    seen: list[str] = []
    for n in names:
        if n and n not in seen:
            seen.append(n)
    return ", ".join(seen)


def _sources(r: dict) -> str:
    items = []
    for s in r.get("sources", []):
        label = s.get("source") or s.get("title") or "source"
        url = safe_url(s.get("url"))
        title = f' title="{_e(s["title"])}"' if s.get("title") else ""
        items.append(f'<a href="{_e(url)}" rel="noopener noreferrer"{title}>{_e(label)}</a>' if url
                     else _e(label))
    if not items and r.get("source"):
        items.append(_e(r["source"]))
    return "<br>".join(items)


def _latest_table(rows: list[dict]) -> str:
    if not rows:
        return '<p class="empty">No events listed (--latest 0).</p>'
    head = ("<tr><th>Date</th><th>Place</th><th>Type</th><th>Fatalities</th><th>Actors</th>"
            "<th>Perpetrator</th><th>Claim</th><th>Notes</th><th>Outlets and sources</th></tr>")
    body = []
    for r in rows:
        actors = _e(r.get("actor1")) + (f'<div class="sub">vs {_e(r["actor2"])}</div>' if r.get("actor2") else "")
        perp = (f'{_e(r["perpetrator"])}<div class="sub">{_e(r.get("perpetrator_status"))}</div>'
                if r.get("perpetrator") else "")
        claim = _e((r.get("claim_status") or "").replace("_", " "))
        if r.get("claimed_by"):
            claim += f'<div class="sub">by {_e(r["claimed_by"])}</div>'
        body.append(
            f'<tr id="{_e(r["event_id_cnty"])}"><td class="num">{_e(r["event_date"] or "undated")}</td>'
            f"<td>{_e(_place(r))}</td>"
            f'<td>{_e(r["event_type"])}<div class="sub">{_e(r["sub_event_type"])}</div></td>'
            f'<td class="num">{_num(r.get("fatalities"))}</td><td>{actors}</td><td>{perp}</td><td>{claim}</td>'
            f'<td class="notes">{_e(r.get("notes"))}</td><td>{_sources(r)}</td></tr>')
    return f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def _cards(data: ReportData) -> str:
    t = data.totals
    span = f"{t.first} – {t.last}" if t.first else "–"
    if t.undated:
        span += f" (+{t.undated:,} undated)"
    cards = [("Events", _num(t.events)), ("Fatalities", _num(t.fatalities)), ("Injuries", _num(t.injuries)),
             ("Countries", _num(t.countries)), ("Articles", ("about " if t.articles_approx else "") + _num(t.articles)), ("Dates", span)]
    return '<div class="cards">' + "".join(
        f'<div class="card" data-total="{k.lower()}"><span class="muted">{k}</span><b>{v}</b></div>'
        for k, v in cards) + "</div>"


def render(data: ReportData, specs: dict[str, dict], title: str, scope: str) -> str:
    """The whole page as text."""
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    charts = {name: f'<div class="chart" id="chart-{name}"></div>' if name in specs else
              f'<p class="empty">{_e(EMPTY.get(name, "Nothing to show."))}</p>' for name in CHART_NAMES}
    binned = ""
    if data.cell:
        kept = (f"the {len(data.points):,} cells with most events are drawn" if data.points_capped
                else "every cell is drawn")
        binned = (f'<p class="muted">Events are grouped per {data.cell:g}° cell (about {data.cell * 111:,.0f} km), '
                  f"each coloured by its most frequent event type; {kept}.</p>")
    if data.totals.events:
        body = f"""
<h2>Over time</h2>{charts['timeline']}
<h2>Where</h2>{charts['map']}{binned}
<h2>Who and where most</h2>
<div class="grid">{charts['countries']}{charts['admin1']}{charts['actors']}{charts['perpetrators']}</div>
<h2>Responsibility</h2>{charts['claims']}
<h2>Latest events</h2>
<p class="muted">The {len(data.latest):,} most recent of {data.totals.events:,} events, newest first.</p>
{_latest_table(data.latest)}"""
        specs_json = _script_json(specs)
    else:
        body = (f'<p class="empty">No events match these filters (the store holds {data.stored_events:,} '
                f"events).</p>")
        specs_json = "{}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="events {__version__}">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_e(title)}</h1>
<div class="muted">{_e(scope)} · generated {generated}</div>
{_cards(data)}
</header>
<main>{body}
</main>
<footer class="muted">Made by events {__version__} from the coded rows (ACLED-style). Country outlines:
Natural Earth (public domain). Charts: Vega-Lite. This page loads nothing from the network.</footer>
<script id="chart-specs" type="application/json">{specs_json}</script>
<script>{vega_bundle()}</script>
<script>{EMBED}</script>
</body>
</html>
"""
