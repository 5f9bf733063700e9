"""The offline gazetteer: GeoNames places, divisions and countries, loaded once per process.

`gazetteer()` reads the shipped `gazetteer.parquet` and `names.parquet` (built by
`python -m events.geo.build`): the entries stay in Arrow columns, the ~400k folded search names
go into one hash (`NameIndex`), so every place name in a text is found in one pass over its
words and turned into ACLED's location fields (`Place`).

Why not `events.matcher.Matcher` here: an Aho-Corasick automaton of 400k names took 1.9 s and
~200 MB to build; the hash of names loads in a fraction of that and finds the same whole-word,
case- and accent-insensitive, leftmost-longest matches (it returns the same `Match` objects).

>>> g = gazetteer()
>>> [m.text for m in g.names.find("Kedutaan di Bagdad")][-1]
'Bagdad'
>>> max(g.lookup("Bagdad"), key=lambda e: e.population).name
'Baghdad'
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from events import schema
from events.findings import Place
from events.matcher import Match, fold

GEO_DIR = Path(__file__).resolve().parent
GAZETTEER_PATH = GEO_DIR / "gazetteer.parquet"
NAMES_PATH = GEO_DIR / "names.parquet"
ADMIN1_NAMES_PATH = GEO_DIR / "admin1_names.json"
MAX_WORDS = 6          # longest name, in words, looked up
SPECIFICITY = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}


class GazetteerError(Exception):
    pass


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: a town, a first- or second-level division, or a country."""
    idx: int
    kind: str           # "city", "admin2", "admin1", "country"
    geonameid: int
    name: str
    cc: str             # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def specificity(self) -> int:
        return SPECIFICITY[self.kind]


def admin1_names(path: Path = ADMIN1_NAMES_PATH) -> dict[tuple[str, str], str]:
    """(ISO2, gazetteer admin1) -> the spelling rows carry ("Idlib" -> "Idleb"): the datasets'
    names of first-level divisions where GeoNames writes another form (admin1_names.json)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {(cc, name): written for cc, names in data["names"].items() for name, written in names.items()}
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise GazetteerError(f"cannot read the admin1 names {path}: {exc}; "
                             "it maps ISO2 -> {gazetteer name: name in rows}") from exc


def _read(path: Path):
    try:
        return pq.ParquetFile(path).read(use_threads=False)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read the gazetteer {path}: {exc}; "
                             "rebuild it with `python -m events.geo.build`") from exc


_WORD = re.compile(r"[^\W_]+")      # runs of str.isalnum() characters


def _word_spans(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(folded)]


def _spaced(key: str) -> str:
    """"deir-ez-zor" -> "deir ez zor": the hyphens of a folded name as spaces."""
    return " ".join(key.replace("-", " ").split())


class NameIndex:
    """Folded names -> gazetteer rows; finds whole-word, leftmost-longest names in one pass."""

    def __init__(self, path: Path = NAMES_PATH) -> None:
        table = _read(path)
        self._rows = table.column("rows").combine_chunks()
        keys = table.column("key").to_pylist()
        # how common each one-word name is as an ordinary word, per language (build.word_frequencies)
        self._zipf = {name[len("zipf_"):]: table.column(name).combine_chunks()
                      for name in table.column_names if name.startswith("zipf_")}
        self._pos = {key: i for i, key in enumerate(keys)}
        self.size = len(self._pos)
        # A hyphen between the words of a name is written or left out at will ("Elgeyo-Marakwet",
        # "Elgeyo Marakwet", "Deir-ez-Zor"): every hyphened name is also found with spaces, and a
        # hyphened window of the text is looked up with spaces when not found as written.
        for key in [k for k in keys if "-" in k]:
            self._pos.setdefault(_spaced(key), self._pos[key])
        # Word prefixes of multi-word names ("dera", "dera ismail"): a window grows only while
        # it is one, so each word costs a lookup or two instead of MAX_WORDS.
        self._prefixes = {key[:end] for key in self._pos if not key.isalnum()
                          for _, end in _word_spans(key)[:-1]}

    def word_frequency(self, key: str, language: str | None) -> float:
        """Zipf frequency of a one-word name as an ordinary word of `language` (English when the
        language has no figures): "war" 5.5, "martinez" 3.7, "zacatecoluca" 0."""
        column = self._zipf.get(language or "en") or self._zipf.get("en")
        pos = self._pos.get(key)
        return 0.0 if column is None or pos is None else column[pos].as_py() / 10

    def rows(self, key: str) -> list[int]:
        pos = self._pos.get(key)
        return [] if pos is None else self._rows[pos].as_py()

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        hay = folded if folded is not None else fold(text)
        words = _word_spans(hay)
        out: list[Match] = []
        i = 0
        while i < len(words):
            hit = None
            for j in range(i, min(len(words), i + MAX_WORDS)):
                key = hay[words[i][0]:words[j][1]]
                if j > i and not key.isalnum() and ("  " in key or "\n" in key or "\t" in key):
                    key = " ".join(key.split())
                pos = self._pos.get(key)
                if pos is None and j > i and "-" in key:
                    key = _spaced(key)
                    pos = self._pos.get(key)
                if pos is not None:
                    hit = (j, key, pos)
                if key not in self._prefixes:
                    break
            if hit is None:
                i += 1
                continue
            j, key, pos = hit
            start, end = words[i][0], words[j][1]
            out.append(Match(start, end, text[start:end], key, self._rows[pos].as_py()))
            i = j + 1
        return out


class Gazetteer:
    """Columns of the gazetteer (Arrow, not Python objects) plus the name index."""

    def __init__(self, path: Path = GAZETTEER_PATH, names_path: Path = NAMES_PATH) -> None:
        table = _read(path)
        self._table = table
        cols = {name: table.column(name).combine_chunks() for name in table.column_names}
        self._cols = cols
        self.size = table.num_rows
        self.names = NameIndex(names_path)
        rows: dict[str, list[int]] = {}
        for kind in ("country", "admin1"):
            rows[kind] = pc.indices_nonzero(pc.equal(cols["kind"], kind)).to_pylist()
        ccs = cols["cc"].take(rows["country"]).to_pylist()
        self._country_row = dict(zip(ccs, rows["country"]))
        near = cols["neighbours"].take(rows["country"]).to_pylist() if "neighbours" in cols else [None] * len(ccs)
        self._neighbours = {cc: frozenset((n or "").split(",")) - {""} for cc, n in zip(ccs, near)}
        pairs = zip(cols["cc"].take(rows["admin1"]).to_pylist(), cols["admin1"].take(rows["admin1"]).to_pylist())
        self._admin1_row = dict(zip(pairs, rows["admin1"]))
        self._cache: dict[int, Entry] = {}
        self._admin1_written = admin1_names()
        pa.default_memory_pool().release_unused()    # Parquet decoding buffers: ~40 MB back

    def entry(self, idx: int) -> Entry:
        hit = self._cache.get(idx)
        if hit is not None:
            return hit
        c = self._cols
        lat, lon = c["lat"][idx].as_py(), c["lon"][idx].as_py()
        hit = Entry(idx, c["kind"][idx].as_py(), c["geonameid"][idx].as_py(), c["name"][idx].as_py(),
                    c["cc"][idx].as_py(), c["admin1"][idx].as_py(), c["admin2"][idx].as_py(),
                    None if lat is None else round(lat, 4), None if lon is None else round(lon, 4),
                    c["population"][idx].as_py() or 0)
        if len(self._cache) < 100_000:
            self._cache[idx] = hit
        return hit

    def country_entry(self, cc: str) -> Entry | None:
        i = self._country_row.get(cc)
        return None if i is None else self.entry(i)

    def neighbours(self, cc: str) -> frozenset[str]:
        """ISO2 codes of the countries bordering `cc` (GeoNames)."""
        return self._neighbours.get(cc, frozenset())

    def admin1_entry(self, cc: str, admin1: str) -> Entry | None:
        i = self._admin1_row.get((cc, admin1))
        return None if i is None else self.entry(i)

    def lookup(self, name: str) -> list[Entry]:
        """Every entry whose name (any language) is exactly `name`, folded."""
        key = " ".join(fold(name).split())
        return [self.entry(i) for i in self.names.rows(key)]

    def place(self, entry: Entry, near: bool = False) -> Place | None:
        """ACLED location fields for an entry; None when its country is not in the schema."""
        country = schema.country(entry.cc)
        if country is None:
            return None
        if entry.kind == "city":
            precision = 2 if near else 1
        elif entry.kind == "admin2":
            precision = 2
        else:
            precision = 3
        return Place(country=country.name, iso3=country.iso3, iso=country.iso_numeric,
                     admin1=self._admin1_written.get((entry.cc, entry.admin1), entry.admin1) if entry.admin1
                     else entry.admin1, admin2=entry.admin2,
                     location=entry.name, latitude=entry.lat, longitude=entry.lon,
                     geo_precision=precision, feature=entry.kind, geonameid=entry.geonameid or None)


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
