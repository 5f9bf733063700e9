"""Safety, input: no input crashes a run or loses what was read before it.

Hostile items sit between good ones; each becomes one `rejected <file>:<line>: <reason>` line,
and the good items before and after it are stored.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import errors, query, readers
from events.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _good(n: int) -> str:
    return '{"id": "g%d", "text": "Report %d.\\nEVENT IDN 2024-01-0%d 1\\n"}' % (n, n, n)


HOSTILE_LINES = {
    "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "nested object": '{"text": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}",
    "lone high surrogate in text": '{"id": "s1", "text": "Bom meledak \\ud800 di Poso."}',
    "lone low surrogate in title": '{"id": "s2", "text": "Bomb hit Poso.", "title": "Judul \\udc00"}',
    "surrogate in id": '{"id": "\\udfff", "text": "Bomb hit Poso."}',
    "surrogate in source": '{"text": "Bomb hit Poso.", "source": "\\ud83d"}',
    "integer past the digit limit": '{"text": "x", "n": ' + "9" * 5000 + "}",
}


def _reasons(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("rejected ")]


def test_safety_input_hostile_json_lines_are_rejected_one_line_each(tmp_path, marker_pipeline):
    src = tmp_path / "mixed.jsonl"
    lines = [_good(1)] + [v for v in HOSTILE_LINES.values()] + [_good(2)]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "db"), "ingest", str(src)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    rejected = _reasons(result.stderr)
    assert [r.split(": ", 1)[0] for r in rejected] == [f"rejected {src}:{n}" for n in range(2, 2 + len(HOSTILE_LINES))]
    assert rejected[0].endswith(errors.JSON_TOO_DEEP) and rejected[1].endswith(errors.JSON_TOO_DEEP)
    assert "text holds a lone surrogate escape at character 12" in rejected[2]
    assert "title holds a lone surrogate" in rejected[3] and "id holds a lone surrogate" in rejected[4]
    assert "source holds a lone surrogate" in rejected[5]
    assert "broken JSON (Exceeds the limit" in rejected[6]
    assert result.stdout.startswith("9 articles read: 2 new, 0 already stored, 7 rejected;")
    stored = query.run_sql(tmp_path / "db", "SELECT id FROM articles ORDER BY id").rows
    assert stored == [("g1",), ("g2",)]


def test_safety_input_hostile_json_array_is_one_rejection(tmp_path):
    src = tmp_path / "deep.json"
    src.write_text("[" * 200_000 + "]" * 200_000)
    assert [str(r) for r in readers.read([src])] == [f"{src}: {errors.JSON_TOO_DEEP}"]
    src.write_text('[{"text": "ok \\ud800"}]')
    [item] = readers.read([src])
    assert str(item) == f"{src}[1]: {errors.lone_surrogate('text', 3)}"


def test_safety_input_only_regular_files_are_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bom meledak di pasar Poso pada Senin.")
    os.mkfifo(folder / "b-fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "c-socket.txt"))
    (folder / "d-loop.txt").symlink_to(folder / "e-loop.txt")
    (folder / "e-loop.txt").symlink_to(folder / "d-loop.txt")
    (folder / "f-self.txt").symlink_to(folder / "f-self.txt")
    (folder / "g-dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "h.txt").write_text("A bomb exploded in Poso market on Monday.")
    try:
        # a subprocess, so that a regression (a FIFO read blocks forever) fails instead of hanging
        result = subprocess.run(
            [sys.executable, "-m", "events", "--db", str(tmp_path / "db"), "ingest", str(folder),
             "/dev/null", str(folder / "d-loop.txt")],
            cwd=ROOT, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    finally:
        sock.close()
    assert result.returncode == 1, result.stderr
    rejected = _reasons(result.stderr)
    assert rejected == [
        f"rejected {folder}/b-fifo.txt: {errors.not_regular('a FIFO')}",
        f"rejected {folder}/c-socket.txt: {errors.not_regular('a socket')}",
        f"rejected {folder}/d-loop.txt: {errors.SYMLINK_LOOP}",
        f"rejected {folder}/e-loop.txt: {errors.SYMLINK_LOOP}",
        f"rejected {folder}/f-self.txt: {errors.SYMLINK_LOOP}",
        f"rejected {folder}/g-dangling.txt: cannot read (No such file or directory)",
        f"rejected /dev/null: {errors.not_regular('a character device')}",
        f"rejected {folder}/d-loop.txt: {errors.SYMLINK_LOOP}",
    ]
    assert result.stdout.startswith("10 articles read: 2 new, 0 already stored, 8 rejected")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["loop.txt"])
def test_safety_input_symlink_loop_given_directly_is_not_missing(tmp_path, name):
    link = tmp_path / name
    link.symlink_to(link)
    assert readers.expand([link]) == [link]
    assert [str(r) for r in readers.read([link])] == [f"{link}: {errors.SYMLINK_LOOP}"]
    with pytest.raises(errors.InputError, match="does not exist"):
        readers.expand([tmp_path / "absent.txt"])
