"""The house: dependencies run one way (ARCHITECTURE.md). Every import of a module, also those
inside functions, is read with `ast`, so a lazy import cannot hide a cycle."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

EVENTS = Path(__file__).resolve().parent.parent / "events"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "events":
                found |= {f"events.{a.name}" for a in node.names}
    return found


def _touches(imports: set[str], module: str) -> bool:
    return any(i == module or i.startswith(module + ".") for i in imports)


STAGES = sorted((EVENTS / "extract").glob("*.py"))


@pytest.mark.parametrize("path", STAGES, ids=lambda p: p.stem)
def test_house_stages_take_a_doc_and_import_no_runner_store_cli_or_duckdb(path):
    imports = _imports(path)
    for below in ("events.pipeline", "events.store", "events.cli", "events.query", "events.views", "duckdb"):
        assert not _touches(imports, below), f"{path.name} imports {below}"


@pytest.mark.parametrize("module, never", [
    ("store", ("events.query", "events.readers", "events.extract", "events.cli")),
    ("views", ("events.store", "events.query", "events.cli")),
    ("query", ("events.extract", "events.pipeline", "events.cli", "events.readers")),
    ("article", ("events.pipeline", "events.store", "events.query", "events.readers", "events.extract")),
    ("schema", ("events.store", "events.query", "events.views", "events.pipeline", "events.extract")),
    ("pipeline", ("events.store", "events.query", "events.cli", "events.readers")),
])
def test_house_dependencies_run_one_way(module, never):
    imports = _imports(EVENTS / f"{module}.py")
    assert [m for m in never if _touches(imports, m)] == []


def test_house_views_are_built_in_one_place():
    """The view SQL (`CREATE ... VIEW`) is written by events/views.py only; store and query call it."""
    writers = [p.relative_to(EVENTS).as_posix() for p in EVENTS.rglob("*.py")
               if "read_parquet([" in p.read_text(encoding="utf-8")]
    assert writers == ["views.py"]
