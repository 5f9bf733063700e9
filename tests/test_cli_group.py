"""The `events` group lists every command without importing the command modules, and the
listing read from their source says exactly what the imported commands say."""
from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

import events.cli as cli

HEAVY = ("duckdb", "pyarrow", "pandas", "rich", "events.pipeline", "events.query", "events.store")


def imported_commands() -> dict[str, object]:
    found = {}
    for info in sorted(pkgutil.iter_modules(cli.__path__), key=lambda m: m.name):
        for command in getattr(importlib.import_module(f"events.cli.{info.name}"), "commands", []):
            found[command.name] = command
    return found


def test_cli_group_listing_read_from_source_matches_the_imported_commands():
    real = imported_commands()
    listed = cli.listing()
    assert set(listed) == set(real) and len(real) >= 8
    for name, command in real.items():
        stand_in = listed[name].stand_in()
        for limit in (45, 70):
            assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit), name
        assert (stand_in.hidden, stand_in.deprecated) == (command.hidden, command.deprecated)


def test_cli_group_help_lists_every_command():
    result = CliRunner().invoke(cli.main, ["--help"])
    assert result.exit_code == 0
    commands = result.output.split("Commands:", 1)[1]
    for name, command in imported_commands().items():
        if not command.hidden:
            assert f"  {name} " in commands


@pytest.mark.parametrize("argv,absent", [
    (["--help"], HEAVY),
    (["schema", "--format", "json"], ("duckdb", "pandas", "events.pipeline", "events.query")),
])
def test_cli_group_imports_only_what_the_command_needs(argv, absent):
    code = textwrap.dedent(f"""
        import sys
        from events.cli import main
        try:
            main({argv!r}, standalone_mode=False)
        finally:
            print("LOADED", *sorted(m for m in {absent!r} if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "LOADED"


def test_cli_group_runs_a_lazily_imported_command():
    result = CliRunner().invoke(cli.main, ["schema", "--format", "json"])
    assert result.exit_code == 0 and '"name": "event_id_cnty"' in result.output


@pytest.mark.parametrize("source,expected", [
    ('import click\n@click.command("go")\ndef go_command():\n    """Go somewhere."""\ncommands = [go_command]\n',
     [("go", "Go somewhere.", None, False)]),
    ('import click\n@click.command()\ndef stop_now_command():\n    """Stop."""\ncommands = [stop_now_command]\n',
     [("stop-now", "Stop.", None, False)]),
    ('import click\n@click.command("x", short_help="Short.", hidden=True)\ndef x():\n    """Long."""\n'
     'commands = [x]\n', [("x", "Long.", "Short.", True)]),
    ('import click\n@click.command("x", help="Given.")\ndef x():\n    pass\ncommands = [x]\n',
     [("x", "Given.", None, False)]),
    ("x = 1\n", []),
])
def test_cli_group_reads_commands_from_source(source, expected):
    listed = cli.read_commands(source, "m")
    assert [(e.name, e.help, e.short_help, e.hidden) for e in listed] == expected


@pytest.mark.parametrize("source", [
    "import click\ncommands = [click.command('a')(lambda: None)]\n",                # not a plain list of names
    "import click\ncommands = []\ncommands.append(None)\n",                         # built at run time
    'import click\n@click.command(NAME)\ndef a():\n    """A."""\ncommands = [a]\n',  # name not a literal
    'import click\n@click.command("a", cls=Mine)\ndef a():\n    """A."""\ncommands = [a]\n',
    "import click\nfrom x import a\ncommands = [a]\n",                              # defined elsewhere
])
def test_cli_group_falls_back_to_importing_what_source_cannot_tell(source):
    assert cli.read_commands(source, "m") is None
