"""Compare language detectors on the dev gold texts and short hand-made sentences.

Run: .venv/bin/python benchmarks/bench_language.py  (lingua-language-detector is optional)
Prints accuracy and milliseconds per text for py3langid (as used by the stage) and lingua.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from events.extract import language

EVAL = Path("/work/shared/eval")
SHORT = [  # (text, language): headlines and single sentences, mixed case
    ("Tiga orang tewas dalam ledakan bom di Makassar", "id"),
    ("POLISI MENANGKAP DUA TERDUGA TERORIS DI POSO", "id"),
    ("Serangan itu tidak menimbulkan korban jiwa.", "id"),
    ("Kontak tembak dengan KKB di Intan Jaya", "id"),
    ("Dua anggota Brimob terluka", "id"),
    ("Gunmen killed four people in Maiduguri on Friday", "en"),
    ("SUICIDE BOMBER KILLS 16 IN FARAH", "en"),
    ("No one was hurt in the blast.", "en"),
    ("Police said the attack was carried out by militants", "en"),
    ("Deux morts dans une attaque à Bamako", "fr"),
    ("Tres muertos en un ataque armado en Michoacán", "es"),
]


def cases() -> list[tuple[str, str]]:
    out = []
    for name in ("dev_id.jsonl", "dev_en.jsonl"):
        for line in (EVAL / name).read_text().splitlines():
            d = json.loads(line)
            out.append((d["text"], d["language"]))
    return out


def measure(name, fn, items):
    start = time.perf_counter()
    right = sum(fn(t) == lang for t, lang in items)
    ms = (time.perf_counter() - start) * 1000 / len(items)
    return f"{name:10s} {right}/{len(items)} right, {ms:.2f} ms/text"


def main() -> None:
    gold, short = cases(), SHORT
    upper = [(t.upper(), lang) for t, lang in gold]
    language.detect("warm up")
    py3 = lambda t: language.detect(t)[0]  # noqa: E731
    print(measure("py3langid", py3, gold), "| short:", measure("py3langid", py3, short),
          "| upper-case:", measure("py3langid", py3, upper))
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        print("lingua not installed")
        return
    codes = [getattr(IsoCode639_1, c.upper()) for c in language.CANDIDATES
             if hasattr(IsoCode639_1, c.upper())]
    t0 = time.perf_counter()
    det = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()
    det.detect_language_of("warm up")
    print(f"lingua load {time.perf_counter() - t0:.2f} s")

    def lg(t: str) -> str:
        found = det.detect_language_of(t[:language.SAMPLE_CHARS])
        return found.iso_code_639_1.name.lower() if found else "und"
    print(measure("lingua", lg, gold), "| short:", measure("lingua", lg, short),
          "| upper-case:", measure("lingua", lg, upper))


if __name__ == "__main__":
    main()
