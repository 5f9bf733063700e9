"""The `events` command. Each module in this package holds one command group and exposes
`commands` (a list of click commands); they are found here and added to the group.
Commands parse options, call one library function and render its result.

A command's module is imported only when that command runs: `events --help` reads each
module's source (the `commands = [...]` list and each command's decorator and docstring)
instead of importing it, so listing the commands costs no DuckDB, Arrow or extractor import.
A module whose commands cannot be read that way is imported, as before.
"""
from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import click

from events import __version__, errors

DEFAULT_DB = "data"


class Fatal(click.ClickException):
    """`Error: ...` and exit code 2 (usage or fatal); 1 is kept for 'some input rejected'."""
    exit_code = 2


@contextmanager
def advice() -> Iterator[None]:
    """Turn library errors into one-line `Error: ...` messages (no traceback)."""
    try:
        yield
    except errors.EventsError as exc:
        raise Fatal(str(exc)) from None


def jobs_option(command: Callable) -> Callable:
    """`--jobs N`: the processes that code articles (events.parallel); default every core."""
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                        help="Processes coding articles: default every core, 1 codes in this "
                             "process. Output and stored rows are the same whatever N is.")(command)


def reads_no_store(command: click.Command) -> click.Command:
    """Mark a command that opens no store (extract, geocode ...): it gets no `--db` of its own."""
    command.reads_store = False  # type: ignore[attr-defined]
    return command


def _db_here(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None:                   # given after the command: it wins over the group's
        _served_remotely(value, ctx.info_name)
        ctx.ensure_object(dict)["db"] = value
    return value


def with_db_option(command: click.Command) -> click.Command:
    """`--db` accepted after the command as well as before it (`events summary --db other`)."""
    if getattr(command, "reads_store", True) and not any(p.name == "db" for p in command.params):
        command.params.append(click.Option(
            ["--db"], type=StorePath(file_okay=False, path_type=Path), default=None, expose_value=False,
            callback=_db_here, help=f"Database folder, here or before the command (or set EVENTS_DB). "
                                    f"Default: {DEFAULT_DB}."))
    return command


@dataclass(frozen=True)
class Listed:
    """What `events --help` shows of a command, read from its module's source."""
    module: str
    name: str
    help: str | None
    short_help: str | None = None
    hidden: bool = False
    deprecated: bool | str = False

    def stand_in(self) -> click.Command:
        return click.Command(self.name, help=self.help, short_help=self.short_help,
                             hidden=self.hidden, deprecated=self.deprecated)


_DECORATORS = {"command", "group"}
_LISTED_KEYWORDS = {"name", "help", "short_help", "hidden", "deprecated"}


def read_commands(source: str, module: str) -> list[Listed] | None:
    """The commands a module's source lists in `commands = [...]`, or None when that cannot
    be read without running it (then the module is imported)."""
    tree = ast.parse(source)
    listed: list[str] | None = []
    functions: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            functions[node.name] = node
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "commands"
                                                  for t in node.targets):
            value = node.value
            ok = isinstance(value, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Name) for e in value.elts)
            listed = [e.id for e in value.elts] if ok else None
        elif any(isinstance(n, ast.Name) and n.id == "commands" for n in ast.walk(node)):
            listed = None                   # built some other way: only running it tells
    if listed is None:
        return None
    out = []
    for name in listed:
        entry = _read_command(functions.get(name), module)
        if entry is None:
            return None
        out.append(entry)
    return out


def _read_command(fn: ast.FunctionDef | None, module: str) -> Listed | None:
    if fn is None:
        return None
    for deco in fn.decorator_list:
        if not isinstance(deco, ast.Call):
            continue
        func = deco.func
        kind = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if kind not in _DECORATORS:
            continue
        if len(deco.args) > 1 or any(k.arg in (None, "cls") for k in deco.keywords):
            return None             # a custom class or **options: only running it tells
        try:
            given = {k.arg: ast.literal_eval(k.value) for k in deco.keywords if k.arg in _LISTED_KEYWORDS}
            name = ast.literal_eval(deco.args[0]) if deco.args else given.pop("name", None)
        except (ValueError, TypeError, SyntaxError):
            return None
        given.pop("name", None)
        if name is None:
            name = _default_name(fn.name)
        if not isinstance(name, str):
            return None
        help_text = given.pop("help", None) or ast.get_docstring(fn, clean=False)
        return Listed(module, name, help_text, **given)
    return None


def _default_name(function: str) -> str:
    """click's own rule: `ingest_command` -> `ingest`."""
    name = function.lower().replace("_", "-")
    left, sep, suffix = name.rpartition("-")
    return left if sep and suffix in {"command", "cmd", "group", "grp"} else name


@cache
def listing() -> dict[str, Listed]:
    """Every command of every module in this package, by name, without importing them."""
    found: dict[str, Listed] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = f"{__name__}.{info.name}"
        path = Path(__path__[0]) / f"{info.name}.py"
        entries = read_commands(path.read_text(encoding="utf-8"), module) if path.is_file() else None
        if entries is None:     # not readable from source: import it to know
            entries = [Listed(module, c.name, c.help, c.short_help, c.hidden, c.deprecated)
                       for c in getattr(importlib.import_module(module), "commands", [])]
        for entry in entries:
            found[entry.name] = entry           # as add_command: a later module's name wins
    return found


def _find(name: str) -> Listed | None:
    """The listing's entry for one command, parsing only the modules whose source holds its name
    (as the decorator's text or the function's): running a command reads one or two modules, not
    all. When none of them lists it, the whole listing decides (a name built at run time)."""
    found = None
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        path = Path(__path__[0]) / f"{info.name}.py"
        try:
            source = path.read_text(encoding="utf-8")
        except OSError:
            return listing().get(name)
        if name not in source and name.replace("-", "_") not in source:
            continue
        entries = read_commands(source, f"{__name__}.{info.name}")
        if entries is None:
            return listing().get(name)
        found = next((e for e in reversed(entries) if e.name == name), found)    # a later module wins
    return found if found is not None else listing().get(name)


class LazyGroup(click.Group):
    """Lists every command from the listing; imports a command's module only to run it."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(listing()) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        entry = None if name in self.commands else _find(name)
        if entry is not None:
            for command in getattr(importlib.import_module(entry.module), "commands", []):
                if command.name == name:
                    self.add_command(with_db_option(command))
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name) or listing()[name].stand_in()
            if not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, c.get_short_help_str(limit)) for name, c in rows])


class StorePath(click.Path):
    """A store folder (a Path), or an object-store URI such as s3://bucket/prefix (kept as text)."""

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        # events.remote.is_uri's rule, without importing it (`events --help` stays light)
        uri = isinstance(value, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", value) is not None
        return value if uri and not value.startswith("file://") else super().convert(value, param, ctx)


REMOTE_COMMANDS = ("ingest", "query", "summary", "export")    # the commands an s3:// --db serves


def _served_remotely(db: Path | str, command: str | None) -> None:
    """Refuse an object-store --db for a command that works on a local folder only."""
    if isinstance(db, str) and command not in (None, *REMOTE_COMMANDS):
        raise Fatal(f"--db {db}: `events {command}` works on a local store folder only; "
                    f"with object storage use {', '.join(REMOTE_COMMANDS)}")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="EVENTS_DB", default=DEFAULT_DB, show_default=True,
              type=StorePath(file_okay=False, path_type=Path),
              help="Database folder, or s3://bucket/prefix (or set EVENTS_DB).")
@click.version_option(__version__, prog_name="events")
@click.pass_context
def main(ctx: click.Context, db: Path | str) -> None:
    """Code news articles into ACLED-style conflict events and query them.

    \b
    Example:
      events ingest seeds/
      events summary --by region
    """
    _served_remotely(db, ctx.invoked_subcommand)
    ctx.obj = {"db": db}
