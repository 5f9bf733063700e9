"""Hardening, bad input: one `events ingest` run over every kind of bad file at once, with the
real extractors. Each bad item gets one line naming the file (and line); the good items of the
same run are stored; the exit code reports the rejects; nothing is half-written."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
from click.testing import CliRunner

from events import errors, schema
from events.cli import main
from events.store import Store

ID_TEXT = ("ERA.id - Kedutaan Besar Amerika Serikat di Bagdad diserang dengan dua rentetan roket pada "
           "Jumat pagi waktu setempat. Serangan itu tidak menimbulkan korban jiwa.")
EN_TEXT = "Gunmen killed three villagers in Borno State on Tuesday, police said."
NO_EVENT = "The regional parliament approved the new budget for schools and roads on Monday."
FRENCH = "Le conseil municipal a adopté le budget annuel lors de sa séance de lundi soir."
BIG = 200 * 1024 * 1024


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", EN_TEXT)
    return buf.getvalue()


def _corpus(src: Path) -> dict[str, str]:
    """Write the bad (and good) files; return the expected rejection reasons by origin."""
    src.mkdir()
    (src / "good_id.txt").write_text(ID_TEXT, encoding="utf-8")
    (src / "no_event.txt").write_text(NO_EVENT, encoding="utf-8")
    (src / "french.txt").write_text(FRENCH, encoding="utf-8")
    (src / "cp1252.txt").write_bytes(("Polisi: “serangan” di café " + ID_TEXT).encode("cp1252"))
    (src / "utf16.txt").write_bytes(("UTF-16: " + EN_TEXT).encode("utf-16"))
    (src / "empty.txt").write_bytes(b"")
    (src / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (src / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))          # a JPEG, misnamed
    (src / "bundle.zip").write_bytes(_zip())
    (src / "invalid.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (src / "script.html").write_text("<html><head><script>alert(1)</script></head>"
                                     "<script>document.write('x')</script></html>", encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": EN_TEXT}), '{"id": "j2", "text": "cut off',
             json.dumps({"id": "j3", "text": NO_EVENT + " Two."})]
    (src / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "ragged.csv").write_text(f"id,text,source\nc1,\"{EN_TEXT} Again.\",AP\nc2,too,many,cells\n"
                                    f"c3\nc4,\"{ID_TEXT} Lagi.\",Kompas\n", encoding="utf-8")
    with open(src / "huge.txt", "wb") as fh:                # sparse: text head, 200 MB in all
        fh.write(b"Bom meledak di pasar. " * 4000)
        fh.truncate(BIG)
    with open(src / "huge.jsonl", "wb") as fh:               # good lines, then one 200 MB line
        fh.write((json.dumps({"id": "hj", "text": ID_TEXT + " " + "x" * 70_000}) + "\n").encode())
        fh.write(b'{"id": "tail", "text": "')
        fh.truncate(BIG)
    return {
        "empty.txt": errors.EMPTY, "photo.png": errors.binary("PNG image"),
        "photo.txt": errors.binary("JPEG image"), "bundle.zip": errors.binary("zip archive"),
        "invalid.txt": errors.undecodable("UTF-8, UTF-16 with BOM, cp1252"),
        "script.html": errors.HTML_NO_TEXT,
        "items.jsonl:2": "broken JSON (Unterminated string starting at column 22)",
        "ragged.csv:3": errors.ragged_row(4, 3), "ragged.csv:4": errors.ragged_row(1, 3),
        "huge.txt": errors.too_large(BIG, 5 * 1024 * 1024),
        "huge.jsonl:2": "too large (",               # the line's length as far as it was skipped
    }


def test_hardening_input_every_bad_file_in_one_run(tmp_path):
    src, db = tmp_path / "in", tmp_path / "db"
    expected = _corpus(src)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(src)], catch_exceptions=False)
    elapsed = time.monotonic() - started
    assert result.exit_code == 1                                  # rejects are reported
    rejected = [line.removeprefix("rejected ") for line in result.stderr.splitlines()
                if line.startswith("rejected ")]
    assert len(rejected) == len(expected) == 11
    for line in rejected:                                          # one line: "<file>[:line]: reason"
        origin, _, reason = line.partition(": ")
        key = Path(origin).name
        assert key in expected, line
        assert reason == expected[key] or (expected[key].endswith("(") and reason.startswith(expected[key])), line
        assert str(src) in origin
    assert "Traceback" not in result.output
    assert elapsed < 60                                           # safety bound, not a benchmark
    # valid items of the same run are stored, once, whole
    con = duckdb.connect()
    for sql in Store(db).view_statements():
        con.execute(sql)
    ids = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    assert {"j1", "j3", "c1", "c4", "hj"} <= ids
    assert len(ids) == 10             # 5 with ids + 5 text files (good, no event, french, cp1252, utf16)
    texts = {r[0] for r in con.execute("SELECT text FROM articles").fetchall()}
    assert EN_TEXT in texts and "UTF-16: " + EN_TEXT in texts and any("“serangan” di café" in t for t in texts)
    summary = result.stdout.strip()
    assert summary.startswith("21 articles read: 10 new, 0 already stored, 11 rejected;")
    # no event from the articles that hold none, every stored row valid
    rows = con.sql("SELECT * FROM events").to_arrow_table().to_pylist()
    assert [(r["event_id_cnty"], schema.validate_row(r)) for r in rows if schema.validate_row(r)] == []
    linked = {r[0] for r in con.execute(
        "SELECT a.text FROM articles a JOIN event_sources s ON s.article_id = a.id").fetchall()}
    assert NO_EVENT not in linked and FRENCH not in linked
    # nothing half-written: only live files and the manifest's own files on disk
    live = {p for ps in Store(db).manifest().files.values() for p in ps}
    assert {p.relative_to(db).as_posix() for p in db.rglob("*.parquet")} == live
    assert not list(db.rglob("*.tmp"))


def test_hardening_input_200mb_files_are_not_read_into_memory(tmp_path):
    """In a subprocess: the peak memory of the ingest stays far below the 200 MB files' size."""
    src = tmp_path / "in"
    src.mkdir()
    with open(src / "huge.txt", "wb") as fh:
        fh.write(b"Bom meledak di pasar. " * 4000)
        fh.truncate(BIG)
    with open(src / "huge.csv", "wb") as fh:
        fh.write(f"id,text\nok,\"{EN_TEXT}\"\n".encode() + b"big,\"" + b"y" * 70_000)
        fh.truncate(BIG)
    script = ("import atexit, resource, sys\n"
              "atexit.register(lambda: sys.stderr.write('maxrss %d\\n' % "
              "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
              "from events.cli import main\nmain()\n")
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("Bom meledak di pasar. " * 4000)

    def ingest(db: str, path: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", script, "--db", str(tmp_path / db), "ingest", str(path)],
                              capture_output=True, text=True, timeout=120)

    def peak_mb(run: subprocess.CompletedProcess) -> float:
        return int(run.stderr.rsplit("maxrss ", 1)[1].split()[0]) / 1024

    base = ingest("db0", tiny)
    assert base.returncode == 0, base.stderr
    run = ingest("db", src)
    assert run.returncode == 1, run.stderr
    assert f"rejected {src / 'huge.txt'}: too large ({BIG:,} bytes" in run.stderr
    assert f"rejected {src / 'huge.csv'}:3: too large" in run.stderr
    assert run.stdout.startswith("3 articles read: 1 new, 0 already stored, 2 rejected")
    assert peak_mb(run) < peak_mb(base) + 60, f"{peak_mb(run):.0f} MB vs {peak_mb(base):.0f} MB for a small file"
