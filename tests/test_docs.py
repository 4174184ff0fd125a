"""The README stays true: every command, option, make target and config key is documented."""

import dataclasses
import re

import pytest

from pipeline import config as config_module
from pipeline.config import sources as source_settings
from pipeline.warehouse.checks import check_names
from pipeline.cli import build_parser

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_command_has_help_and_is_documented(name):
    command = subcommands()[name]
    assert command.description, f"`therapists {name}` has no help text"
    assert f"| `{name}` |" in README, f"`therapists {name}` is missing from the README's CLI table"
    for action in command._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option in README, f"`therapists {name} {option}` is not documented"


def test_global_options_are_documented():
    for option in ("--config", "-v", "-q", "THERAPISTS_CONFIG"):
        assert option in README


TARGETS = re.findall(r"^([a-z][a-z-]*):(?!=)", MAKEFILE, re.MULTILINE)


@pytest.mark.parametrize("target", TARGETS)
def test_every_make_target_has_a_description_and_is_documented(target):
    line = next(line for line in MAKEFILE.splitlines() if line.startswith(f"{target}:"))
    assert "## " in line, f"make {target} has no `## ` description for `make help`"
    assert f"make {target}" in README or f"`{target}`" in README, f"make {target} is not in the README"


def test_required_targets_exist():
    assert {"help", "demo", "test", "run", "scrape", "geocode", "load", "export", "search", "sql",
            "bench", "clean"} <= set(TARGETS)
    assert ".DEFAULT_GOAL := help" in MAKEFILE


SECTIONS = config_module.SECTIONS


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_config_key_is_documented(section):
    shipped = (ROOT / "pipeline.toml").read_text()
    for field in dataclasses.fields(SECTIONS[section]):
        assert field.name in shipped, f"{section}.{field.name} is not in the shipped pipeline.toml"
        assert field.name in README, f"{section}.{field.name} is not documented in the README"


@pytest.mark.parametrize("kind", sorted(source_settings.SOURCE_KINDS))
def test_every_source_kind_and_key_is_documented(kind):
    assert f'`kind = "{kind}"`' in README, f"source kind {kind} is not documented"
    for field in dataclasses.fields(source_settings.SOURCE_KINDS[kind]):
        if field.name not in ("name", "kind"):
            assert f"`{field.name}`" in README, f"sources.*.{field.name} ({kind}) is not documented"


@pytest.mark.parametrize("name", check_names())
def test_every_data_check_is_documented(name):
    assert f"| `{name}` |" in README, f"data check {name} is missing from the README's table of checks"


def test_every_field_name_is_documented():
    for field in dataclasses.fields(source_settings.HtmlSelectors):
        assert f"selectors.{field.name}" in README
    for name in (*source_settings.HTML_FIELDS, *source_settings.CSV_FIELDS):
        assert f"`{name}`" in README, f"field {name} is not documented"


def test_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [line for line in quick.strip().splitlines() if line.strip()] == ["sh", "make demo", "make test"]
