"""Hardening, idempotency and stability: the same corpus ingested twice, or in another order,
gives the same rows and event ids; `events recode` with unchanged extractors changes nothing."""
from __future__ import annotations

import json
import random

from click.testing import CliRunner

from events.cli import main
from test_hardening_crash import comparable, corpus, snapshot


def _run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_hardening_stability_twice_reordered_and_recoded(tmp_path):
    src = corpus(tmp_path)
    first = tmp_path / "first"
    done = _run(first, "ingest", str(src))
    assert done.exit_code == 0, done.stderr
    state = snapshot(first)
    n = len(state["articles"])
    assert n >= 50 and state["rows"]

    read = int(done.stdout.split()[0])                             # the seed is also in the dev set
    assert done.stdout.startswith(f"{read} articles read: {n} new, {read - n} already stored, 0 rejected")
    again = _run(first, "ingest", str(src))                       # the same corpus again
    assert again.stdout.startswith(f"{read} articles read: 0 new, {read} already stored, 0 rejected; 0 events")
    assert comparable(snapshot(first)["rows"]) == comparable(state["rows"])

    shuffled = tmp_path / "shuffled"                               # another order, split in two files
    shuffled.mkdir()
    lines = (src / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    random.Random(7).shuffle(lines)
    (shuffled / "b.jsonl").write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    (shuffled / "a.jsonl").write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
    other = tmp_path / "other"
    for path in [shuffled / "b.jsonl", *sorted(src.glob("*.txt")), shuffled / "a.jsonl"]:
        assert _run(other, "ingest", str(path)).exit_code == 0
    reordered = snapshot(other)
    assert sorted(reordered["articles"]) == sorted(state["articles"])
    assert comparable(reordered["rows"]) == comparable(state["rows"])
    assert sorted(reordered["links"]) == sorted(state["links"])

    recoded = _run(first, "recode")                                # unchanged extractors
    events = len(state["rows"])
    assert (recoded.exit_code, recoded.stdout) == (0, f"{n} articles recoded: {events} events before, {events} after\n")
    after = snapshot(first)
    assert comparable(after["rows"]) == comparable(state["rows"])
    assert sorted(after["links"]) == sorted(state["links"]) and sorted(after["articles"]) == sorted(state["articles"])


def test_hardening_stability_same_text_other_id_is_one_article(tmp_path):
    text = "Gunmen killed three villagers in Borno State on Tuesday, police said."
    src = tmp_path / "dup.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "x1", "text": text, "published": "2024-02-21"},
        {"id": "x2", "text": "  " + text + "\n", "published": "2024-02-21"},
        {"text": text.replace("\n", "\r\n")}]), encoding="utf-8")
    result = _run(tmp_path / "db", "ingest", str(src))
    assert result.stdout.startswith("3 articles read: 1 new, 2 already stored, 0 rejected")
    assert len(snapshot(tmp_path / "db")["articles"]) == 1
