"""Module boundaries: stages import only earlier stages, one module per dependency, only the CLI
prints, no SQL text in Python."""

import ast
import functools
import re

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
MODULES = sorted(PACKAGE.rglob("*.py"))
# Which of our modules may import which third-party (or CLI) module.
OWNERS = {
    "duckdb": {"database.py"},
    "requests": {"fetch/fetcher.py"},
    "argparse": {"cli.py"},
    "zipcodes": {"gazetteer/reference.py"},
    "usaddress": {"normalize/streets.py"},
    "phonenumbers": {"normalize/listing.py"},
    "bs4": {"sources/html.py", "sources/structured.py"},
    "lxml": {"sources/page_text.py"},
    "charset_normalizer": {"fetch/charset.py"},
}
# The stage packages in the order a listing walks through them: a stage may import earlier ones,
# never a later one. The foundation (config and gazetteer packages; database, errors, progress and
# records modules) is what every stage stands on and imports no stage; only the CLI, on top,
# imports everything.
STAGES = ("fetch", "sources", "normalize", "relevance", "geocode", "resolve", "warehouse", "publish", "run")
FOUNDATION = ("config", "database", "errors", "gazetteer", "progress", "records")
FOUNDATION_PACKAGES = ("config", "gazetteer")


@functools.cache
def parsed(path) -> ast.Module:
    """A module's syntax tree, parsed once per test process (91 tests walk the same files)."""
    return ast.parse(path.read_text())


def imports(path):
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


def our_imports(path):
    """The top-level names under `pipeline` that a module imports (`pipeline.fetch.robots` -> fetch)."""
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.ImportFrom) and node.module == "pipeline":
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline."):
            yield node.module.split(".")[1]
        elif isinstance(node, ast.Import):
            yield from (alias.name.split(".")[1] for alias in node.names if alias.name.startswith("pipeline."))


def home(path) -> str:
    """The package (or top-level module) a file belongs to: fetch, sources, ..., config, cli."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def test_the_tree_is_the_stages():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == {*STAGES, *FOUNDATION_PACKAGES}, "a new package belongs in STAGES (in order) or FOUNDATION"
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__", "cli"}
    assert top <= set(FOUNDATION), f"top-level modules outside the foundation: {top - set(FOUNDATION)}"
    for package in STAGES:
        doc = ast.get_docstring(parsed(PACKAGE / package / "__init__.py")) or ""
        assert "Takes in" in doc and "gives out" in doc, (
            f"pipeline/{package}/__init__.py must say what the stage takes in and gives out"
        )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_a_later_one(path):
    mine = home(path)
    if mine in ("cli", "__main__", "__init__"):
        return
    later = set(STAGES[STAGES.index(mine) + 1 :]) if mine in STAGES else set(STAGES)
    wrong = sorted(set(our_imports(path)) & later)
    assert not wrong, f"pipeline/{path.relative_to(PACKAGE)} ({mine}) imports later stage(s) {wrong}"


@pytest.mark.parametrize("module", sorted(OWNERS))
def test_dependency_has_one_owner(module):
    users = {str(path.relative_to(PACKAGE)) for path in MODULES if module in set(imports(path))}
    assert users <= OWNERS[module], f"{module} imported outside its owner: {users - OWNERS[module]}"


def test_only_the_cli_prints():
    offenders = []
    for path in MODULES:
        if path.name == "cli.py":
            continue
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders


def test_every_module_says_its_job():
    for path in MODULES:
        assert ast.get_docstring(parsed(path)), f"{path} lacks a one-line docstring"


SQL_IN_STRING = re.compile(r"^\s*(select|insert|update|delete|create|drop|copy|with)\s", re.IGNORECASE)


def test_no_sql_text_in_python():
    offenders = []
    for path in MODULES:
        for node in ast.walk(parsed(path)):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and SQL_IN_STRING.match(node.value)
                and " from " in node.value.lower()
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, "SQL belongs in sql/*.sql files"


def test_every_sql_file_referenced_exists():
    names = set()
    for path in MODULES:
        names |= set(re.findall(r'"([a-z_]+/[a-z_0-9]+\.sql)"', path.read_text()))
    missing = [name for name in names if not (ROOT / "sql" / name).exists()]
    assert not missing


def test_no_utils_module():
    assert not [p for p in MODULES if p.stem in ("utils", "util", "helpers", "misc")]
