"""`events extract`: rows printed, not stored; input ids carried; evidence explained."""
import json
from pathlib import Path

from click.testing import CliRunner

from events.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_875a52781534f216.txt"


def test_cli_extract_jsonl_input_carries_the_input_id(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "wire-42", "published": "2023-12-08", "source": "ERA.id",
                               "text": SEED.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "db"), "extract", str(src),
                                       "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1
    assert rows[0]["article_ids"] == ["wire-42"]
    assert rows[0]["country"] == "Iraq" and rows[0]["event_date"] == "2023-12-08"
    assert not (tmp_path / "db").exists()          # extract never stores


def test_cli_extract_explain_shows_each_field_with_its_sentence():
    result = CliRunner().invoke(main, ["extract", str(SEED), "--explain"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "claim_status=no_claim" in out
    assert "Tidak ada kelompok yang mengaku bertanggung jawab." in out
    assert "fatalities=0" in out and "tidak menimbulkan korban jiwa" in out


def test_cli_extract_reports_rejected_input_and_exits_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(empty), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output


def test_cli_extract_reads_stdin():
    text = "KABUL, Reuters - On 12 March 2021 a car bomb exploded in Kabul, killing three people."
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=text)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and rows[0]["country"] == "Afghanistan" and rows[0]["fatalities"] == 3
