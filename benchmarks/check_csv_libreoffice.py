"""Open `events export` CSV in LibreOffice (headless) and report any cell read as a formula.

Builds a throwaway store whose text cells hold every formula variant the safety tests use
(tests/test_safety_formula.py), exports it as CSV, converts it with LibreOffice's default CSV
import to flat ODF (.fods) and looks for `table:formula` attributes. Needs `soffice` on PATH
(Debian: `apt-get install libreoffice-calc-nogui`). Exit 0 when no cell is a formula.

    python benchmarks/check_csv_libreoffice.py [--csv some.csv]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def hostile_csv(folder: Path) -> Path:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from conftest import make_event_row
    from test_safety_formula import RISKY, SAFE

    from events import pipeline, query
    from events.article import Article
    from events.store import Store

    rows = [make_event_row(event_id_cnty=f"IRQ{n:010d}", notes=t or "x", actor1=t or None, fatalities=n)
            for n, t in enumerate(RISKY + SAFE)]
    db = folder / "db"
    Store(db).commit([pipeline.Result(Article(text="t", id="a1"), rows, [])])
    out = folder / "hostile.csv"
    query.export(db, "csv", out)
    return out


# LibreOffice's CSV import options: its defaults, and the most trusting settings (UTF-8,
# quoted fields not forced to text, special numbers detected, spaces trimmed, formulas evaluated)
FILTERS = {"default": None, "trim spaces, evaluate formulas": "CSV:44,34,76,1,,0,false,true,false,false,true,-1,true"}


def formulas(csv_path: Path, folder: Path, options: str | None = None) -> list[str]:
    command = ["soffice", "--headless", "--convert-to", "fods", "--outdir", str(folder)]
    if options:
        command.append(f"--infilter={options}")
    (folder / (csv_path.stem + ".fods")).unlink(missing_ok=True)
    subprocess.run([*command, str(csv_path)], check=True, capture_output=True, timeout=300)
    tree = ET.parse(folder / (csv_path.stem + ".fods"))
    return [cell.get(f"{{{TABLE}}}formula") for cell in tree.iter(f"{{{TABLE}}}table-cell")
            if cell.get(f"{{{TABLE}}}formula")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, help="check this CSV instead of a generated one")
    args = parser.parse_args()
    if shutil.which("soffice") is None:
        print("soffice not found; install libreoffice-calc-nogui to run this check")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = args.csv or hostile_csv(folder)
        bad = 0
        for name, options in FILTERS.items():
            found = formulas(path, folder, options)
            bad += len(found)
            print(f"{path.name} ({name} import): {len(found)} formula cells"
                  + "".join(f"\n  {f}" for f in found[:20]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
