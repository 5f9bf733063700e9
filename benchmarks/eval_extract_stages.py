"""Measure the dates and casualties stages against the dev gold files.

For each gold event, the gold `evidence` sentence is located among the stage's sentences and
the stage findings in it are turned into a value with a deliberately simple rule (a proxy for
`assemble`, which owns the real choice):
  date: the first non-historical date mention in the evidence sentence, else in the two
        sentences before it, else the publication date (precision 1);
  fatalities / injuries: the largest firm, non-aggregate count of that kind in the sentence,
        plus dead attackers reported separately ("blew himself up"); None if there is none.
Also printed: how often the gold figure is among the article's exact (codable) findings of that kind
(the stage's recall; choosing among them is `assemble`'s job).
Run: .venv/bin/python benchmarks/eval_extract_stages.py [-v]
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from events.article import Article
from events.extract import casualties, dateline, dates, language, sentences
from events.pipeline import Doc

EVAL = Path("/work/shared/eval")
STAGES = (language, sentences, dateline, dates, casualties)


def load(name: str):
    for line in (EVAL / name).read_text().splitlines():
        d = json.loads(line)
        yield d, Article(text=d["text"], id=d["id"], source=d.get("source"), language=d.get("language"),
                         published=dt.date.fromisoformat(d["published"]) if d.get("published") else None)


def evidence_sentence(doc: Doc, evidence: str) -> int | None:
    best, score = None, 0
    for i, s in enumerate(doc.sentences):
        overlap = len(set(s.text.split()) & set(evidence.split()))
        if overlap > score:
            best, score = i, overlap
    return best


def date_of(doc: Doc, i: int) -> tuple[str, int]:
    for j in (i, i - 1, i - 2):
        found = [m for m in doc.findings["dates"] if m.sentence == j and not m.historical]
        if found:
            return found[0].date.isoformat(), found[0].time_precision
    pub = doc.findings["dateline"].published
    return (pub.isoformat() if pub else None), 1


def count_of(doc: Doc, i: int, kind: str) -> int | None:
    found = [c for c in doc.findings["casualties"] if c.sentence == i and c.kind == kind
             and c.exact and not c.aggregate]
    if not found:
        return None
    victims = max((c.low for c in found if not c.perpetrators), default=0)
    return victims + sum(c.low for c in found if c.perpetrators)


def in_article(doc: Doc, kind: str, value) -> bool:
    """Recall: does any firm finding of this kind in the article carry the gold figure?"""
    found = [c for c in doc.findings["casualties"] if c.kind == kind and c.exact]
    return value is None or any(c.low == value for c in found)


def main() -> None:
    verbose = "-v" in sys.argv
    for name in ("dev_id.jsonl", "dev_en.jsonl"):
        tally = {"date": [0, 0], "precision": [0, 0], "fatalities": [0, 0], "injuries": [0, 0]}
        recall = {"killed": [0, 0], "injured": [0, 0]}
        for gold, article in load(name):
            doc = Doc(article)
            for stage in STAGES:
                stage.run(doc)
            for ev in gold["events"]:
                i = evidence_sentence(doc, ev["evidence"])
                if i is None:
                    continue
                date, precision = date_of(doc, i)
                got = {"date": date, "precision": precision,
                       "fatalities": count_of(doc, i, "killed"), "injuries": count_of(doc, i, "injured")}
                want = {"date": ev["event_date"], "precision": ev["time_precision"],
                        "fatalities": ev["fatalities"], "injuries": ev["injuries"]}
                for kind, key in (("killed", "fatalities"), ("injured", "injuries")):
                    if ev[key] is not None:
                        recall[kind][1] += 1
                        recall[kind][0] += in_article(doc, kind, ev[key])
                for key in tally:
                    tally[key][1] += 1
                    tally[key][0] += got[key] == want[key]
                    if verbose and got[key] != want[key]:
                        print(f"  {gold['id'][:28]:28s} {key:10s} got {got[key]!s:10s} want {want[key]!s:10s}"
                              f" | {doc.sentences[i].text[:90]}")
        print(name, "evidence sentence:", "  ".join(f"{k} {a}/{n}" for k, (a, n) in tally.items()),
              "| gold figure among the article's findings:", "  ".join(f"{k} {a}/{n}" for k, (a, n) in recall.items()))


if __name__ == "__main__":
    main()
