"""Write schemas/countries.csv: every ISO 3166 country with its ACLED name and ACLED region.

Run once when pycountry or ACLED's region list changes:
    python schemas/tools/build_regions.py
Codes and official names come from pycountry (ISO 3166-1); the ACLED region of each
country and ACLED's short country names are written out below, following ACLED's
published region definitions (17 regions).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pycountry

REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Europe": (
        "AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE XK LV LI LT "
        "LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB"
    ),
    "North America": "BM CA GL PM US UM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
    "Caribbean": (
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"
    ),
    "Oceania": "AS AU CX CC CK FJ PF GU HM KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF",
    "Antarctica": "AQ",
}

# ACLED writes these countries under short names of its own.
ACLED_NAMES: dict[str, str] = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia",
    "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos",
    "MD": "Moldova", "PS": "Palestine", "RU": "Russia", "SY": "Syria", "SZ": "eSwatini",
    "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VE": "Venezuela", "VN": "Vietnam",
    "TR": "Turkey", "VA": "Vatican City", "BQ": "Caribbean Netherlands", "SX": "Sint Maarten",
    "MF": "Saint-Martin", "BL": "Saint-Barthelemy", "CW": "Curacao", "RE": "Reunion",
    "FK": "Falkland Islands", "VG": "British Virgin Islands", "VI": "Virgin Islands, U.S.",
    "MK": "North Macedonia", "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines",
    "SH": "Saint Helena, Ascension and Tristan da Cunha", "XK": "Kosovo", "TL": "East Timor",
    "MO": "China (Macau)", "HK": "China (Hong Kong)", "AX": "Aland Islands",
}


def main() -> None:
    region_of = {code: region for region, codes in REGIONS.items() for code in codes.split()}
    rows = []
    countries = list(pycountry.countries)
    # Kosovo has no ISO 3166-1 entry but ACLED codes it; 'XKX' and numeric 0 are the
    # conventional user-assigned codes.
    rows.append({"iso2": "XK", "iso3": "XKX", "iso_numeric": 0, "name": "Kosovo",
                 "official_name": "Republic of Kosovo", "region": region_of["XK"]})
    for c in countries:
        if c.alpha_2 not in region_of:
            raise SystemExit(f"no ACLED region for {c.alpha_2} {c.name}")
        rows.append({
            "iso2": c.alpha_2, "iso3": c.alpha_3, "iso_numeric": int(c.numeric),
            "name": ACLED_NAMES.get(c.alpha_2, getattr(c, "common_name", None) or c.name),
            "official_name": getattr(c, "official_name", c.name), "region": region_of[c.alpha_2],
        })
    rows.sort(key=lambda r: r["name"])
    out = Path(__file__).resolve().parent.parent / "countries.csv"
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} countries to {out}")


if __name__ == "__main__":
    main()
