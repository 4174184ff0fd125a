"""The docs stay true: every command, option, make target and config key is documented in the
README or a page of docs/, every page is linked from the README, and every link leads somewhere."""

import dataclasses
import re

import pytest

from pipeline import config as config_module
from pipeline.cli import build_parser
from pipeline.config import sources as source_settings
from pipeline.warehouse.checks import check_names
from tests.conftest import ROOT

README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
PAGES = sorted((ROOT / "docs").glob("*.md"))
# The README and every page of docs/ read as one text: a fact may live in either.
DOCS = "\n".join([README, *(page.read_text(encoding="utf-8") for page in PAGES)])
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
README_MAX_LINES = 260


def subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_command_has_help_and_is_documented(name):
    command = subcommands()[name]
    assert command.description, f"`therapists {name}` has no help text"
    assert f"| `{name}` |" in DOCS, f"`therapists {name}` is missing from the CLI table in README.md or docs/"
    for action in command._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option in DOCS, f"`therapists {name} {option}` is not documented"


def test_global_options_are_documented():
    for option in ("--config", "-v", "-q", "THERAPISTS_CONFIG"):
        assert option in DOCS


TARGETS = re.findall(r"^([a-z][a-z-]*):(?!=)", MAKEFILE, re.MULTILINE)


@pytest.mark.parametrize("target", TARGETS)
def test_every_make_target_has_a_description_and_is_documented(target):
    line = next(line for line in MAKEFILE.splitlines() if line.startswith(f"{target}:"))
    assert "## " in line, f"make {target} has no `## ` description for `make help`"
    assert f"make {target}" in DOCS or f"`{target}`" in DOCS, f"make {target} is not documented"


def test_required_targets_exist():
    assert {
        "help",
        "demo",
        "test",
        "run",
        "scrape",
        "geocode",
        "load",
        "export",
        "search",
        "sql",
        "bench",
        "clean",
    } <= set(TARGETS)
    assert ".DEFAULT_GOAL := help" in MAKEFILE


SECTIONS = config_module.SECTIONS


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_config_key_is_documented(section):
    shipped = (ROOT / "pipeline.toml").read_text()
    for field in dataclasses.fields(SECTIONS[section]):
        assert field.name in shipped, f"{section}.{field.name} is not in the shipped pipeline.toml"
        assert field.name in DOCS, f"{section}.{field.name} is not documented in README.md or docs/"


@pytest.mark.parametrize("kind", sorted(source_settings.SOURCE_KINDS))
def test_every_source_kind_and_key_is_documented(kind):
    assert f'`kind = "{kind}"`' in DOCS, f"source kind {kind} is not documented"
    for field in dataclasses.fields(source_settings.SOURCE_KINDS[kind]):
        if field.name not in ("name", "kind"):
            assert f"`{field.name}`" in DOCS, f"sources.*.{field.name} ({kind}) is not documented"


@pytest.mark.parametrize("name", check_names())
def test_every_data_check_is_documented(name):
    assert f"| `{name}` |" in DOCS, f"data check {name} is missing from the table of checks"


def test_every_field_name_is_documented():
    for field in dataclasses.fields(source_settings.HtmlSelectors):
        assert f"selectors.{field.name}" in DOCS
    for name in (*source_settings.HTML_FIELDS, *source_settings.CSV_FIELDS):
        assert f"`{name}`" in DOCS, f"field {name} is not documented"


def test_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [line for line in quick.strip().splitlines() if line.strip()] == ["sh", "make demo", "make test"]


def test_readme_is_a_front_door():
    lines = len(README.splitlines())
    assert lines <= README_MAX_LINES, (
        f"README.md has {lines} lines (at most {README_MAX_LINES}): move reference into docs/"
    )


def test_docs_exist():
    assert PAGES, "docs/ holds no page"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_docs_page_is_linked_from_the_readme(page):
    targets = {target.split("#", 1)[0] for target, _ in links(README)}
    assert f"docs/{page.name}" in targets, f"docs/{page.name} is not linked from README.md"


FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")


def prose(text: str) -> str:
    """The text without code blocks and code spans, where brackets are code, not links."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def links(text: str):
    """(target, the link as written) of every Markdown link in the prose of a page."""
    for match in LINK.finditer(prose(text)):
        yield match.group(1), match.group(0)


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a page (lower case, punctuation dropped, spaces as -)."""
    seen: dict[str, int] = {}
    result = set()
    for heading in re.findall(r"^#{1,6} +(.+?) *#*$", FENCE.sub("", text), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        result.add(slug if count == 0 else f"{slug}-{count}")
    return result


@pytest.mark.parametrize("path", [README_PATH, *PAGES], ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_relative_link_leads_somewhere(path):
    text = path.read_text(encoding="utf-8")
    for target, link in links(text):
        if re.match(r"^[a-z][a-z+.-]*:", target):  # http:, https:, mailto: ... are not checked here
            continue
        file, _, anchor = target.partition("#")
        destination = (path.parent / file).resolve() if file else path
        assert destination.exists(), f"{link} in {path.name}: {file} does not exist"
        if anchor and destination.suffix == ".md":
            assert anchor in anchors(destination.read_text(encoding="utf-8")), (
                f"{link} in {path.name}: no heading #{anchor} in {destination.name}"
            )


@pytest.mark.parametrize("path", [README_PATH, *PAGES], ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_example_shows_a_path_under_the_checkout(path):
    text = path.read_text(encoding="utf-8")
    for absolute in ("/work/", f"{ROOT}/"):
        assert absolute not in text, f"{path.name} shows {absolute}...: write paths relative to the checkout"
