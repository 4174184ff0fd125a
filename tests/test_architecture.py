"""Module boundaries: one module per dependency, only the CLI prints, no SQL text in Python."""

import ast
import re

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
MODULES = sorted(PACKAGE.rglob("*.py"))
# Which of our modules may import which third-party (or CLI) module.
OWNERS = {"duckdb": {"warehouse.py"}, "requests": {"fetch.py"}, "argparse": {"cli.py"},
          "zipcodes": {"gazetteer.py"}, "phonenumbers": {"normalize.py"},
          "bs4": {"sources/html.py", "sources/structured.py"}, "charset_normalizer": {"charset.py"}}


def imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("module", sorted(OWNERS))
def test_dependency_has_one_owner(module):
    users = {str(path.relative_to(PACKAGE)) for path in MODULES if module in set(imports(path))}
    assert users <= OWNERS[module], f"{module} imported outside its owner: {users - OWNERS[module]}"


def test_only_the_cli_prints():
    offenders = []
    for path in MODULES:
        if path.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders


def test_every_module_says_its_job():
    for path in MODULES:
        assert ast.get_docstring(ast.parse(path.read_text())), f"{path} lacks a one-line docstring"


SQL_IN_STRING = re.compile(r"^\s*(select|insert|update|delete|create|drop|copy|with)\s", re.IGNORECASE)


def test_no_sql_text_in_python():
    offenders = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_IN_STRING.match(node.value) \
                    and " from " in node.value.lower():
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
