"""Configuration: the shipped file loads; bad files fail with one sentence naming key and file."""

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import ConfigError
from tests.conftest import ROOT


def test_shipped_config_loads_with_documented_defaults():
    config = load_config(ROOT / "pipeline.toml")
    assert config.database == ROOT / "data" / "directory.duckdb"
    assert config.http.delay_seconds == 1.0
    assert config.geocode.chain == ["source", "offline"]
    assert config.export.min_tier == "low"
    source = config.sources["sample_directory"]
    assert source.kind == "html" and source.base_url == "samples:site"
    assert source.selectors.card == "article.listing-card"


@pytest.mark.parametrize(
    "extra, key",
    [
        ("[http]\ndelay_secnds = 2\n", "http.delay_secnds"),
        ("[colour]\nx = 1\n", "colour"),
        ("[sources.sample_directory.selectors]\ncrd = 'x'\n", "sources.sample_directory.selectors.crd"),
    ],
    ids=["misspelled-key", "unknown-section", "nested-source-key"],
)
def test_unknown_key_names_the_key_and_the_file(tmp_path, extra, key):
    path = tmp_path / "pipeline.toml"
    text = (ROOT / "pipeline.toml").read_text()
    # Append into the right table by rewriting it: TOML forbids defining a table twice.
    if extra.startswith("[http]"):
        text = text.replace("[http]\n", extra)
    elif extra.startswith("[sources.sample_directory.selectors]"):
        text = text.replace("[sources.sample_directory.selectors]\n", extra)
    else:
        text += "\n" + extra
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert f"'{key}'" in str(err.value) and str(path) in str(err.value)


def test_misspelling_gets_a_suggestion(tmp_path):
    path = tmp_path / "pipeline.toml"
    path.write_text((ROOT / "pipeline.toml").read_text().replace("delay_seconds = 1.0", "delay_secnds = 1.0"))
    with pytest.raises(ConfigError, match="did you mean 'http.delay_seconds'"):
        load_config(path)


@pytest.mark.parametrize(
    "old, new, key",
    [
        ("delay_seconds = 1.0", 'delay_seconds = "fast"', "http.delay_seconds"),
        ('chain = ["source", "offline"]', 'chain = "offline"', "geocode.chain"),
        ("max_pages = 50", "max_pages = true", "sources.sample_directory.max_pages"),
        ('min_tier = "low"', 'min_tier = "great"', "export.min_tier"),
        ('chain = ["source", "offline"]', 'chain = ["google"]', "geocode.chain"),
    ],
    ids=["string-for-number", "string-for-list", "bool-for-int", "bad-tier", "unknown-geocoder"],
)
def test_wrong_type_or_value_is_an_error(tmp_path, old, new, key):
    path = tmp_path / "pipeline.toml"
    path.write_text((ROOT / "pipeline.toml").read_text().replace(old, new, 1))
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert key in str(err.value) and str(path) in str(err.value)


def test_user_agent_must_carry_a_contact(tmp_path):
    path = tmp_path / "pipeline.toml"
    text = (ROOT / "pipeline.toml").read_text()
    start = text.index("user_agent = ")
    end = text.index("\n", start)
    path.write_text(text[:start] + 'user_agent = "python-requests"' + text[end:])
    with pytest.raises(ConfigError, match="contact URL or email"):
        load_config(path)


def test_environment_variable_selects_the_file(tmp_path, monkeypatch):
    path = tmp_path / "other.toml"
    path.write_text((ROOT / "pipeline.toml").read_text())
    monkeypatch.setenv("THERAPISTS_CONFIG", str(path))
    assert load_config().path == path


@pytest.mark.parametrize(
    "content", [None, "[http\nbroken", "[http]\ndelay_seconds = 'x'\n"], ids=["missing-file", "not-toml", "wrong-type"]
)
def test_cli_reports_bad_config_in_one_sentence_with_exit_2(tmp_path, capsys, content):
    path = tmp_path / "pipeline.toml"
    if content is not None:
        path.write_text(content)
    assert main(["--config", str(path), "status"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(path) in lines[0]
    assert "Traceback" not in captured.err


def test_missing_card_selector_is_a_config_error(tmp_path):
    path = tmp_path / "pipeline.toml"
    path.write_text((ROOT / "pipeline.toml").read_text().replace('card = "article.listing-card"', ""))
    with pytest.raises(ConfigError, match="'sources.sample_directory.selectors.card' is required"):
        load_config(path)


def test_invalid_css_selector_stops_before_crawling(write_config, capsys):
    text = write_config().read_text().replace('name = "h1.profile-name"', 'name = "h1[[broken"')
    path = write_config().parent / "broken.toml"
    path.write_text(text)
    assert main(["--config", str(path), "scrape"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'sources.sample_directory.fields.name' is not a valid CSS selector" in err


def test_a_disabled_sample_source_can_still_be_named(write_config, capsys):
    import re

    path = write_config()
    text = re.sub(r"^enabled = true\n", "", path.read_text(), flags=re.MULTILINE)
    path.write_text(re.sub(r"^(kind = .*)$", r"\1\nenabled = false", text, flags=re.MULTILINE))
    assert main(["--config", str(path), "-q", "scrape"]) == 1  # nothing enabled: nothing to do
    assert "no source enabled" in capsys.readouterr().err
    assert main(["--config", str(path), "-q", "scrape", "--source", "sample_directory"]) == 0
    assert main(["--config", str(path), "scrape", "--source", "nope"]) == 2
    assert "unknown source 'nope'" in capsys.readouterr().err.lower()


def test_a_config_that_reaches_no_server_needs_no_user_agent(tmp_path):
    """Only sources that fetch (or online geocoders) must say who is asking."""
    (tmp_path / "roster.csv").write_text("License,Name\n1,Ann Lee\n", encoding="utf-8")
    local = (
        '[sources.board]\nkind = "csv"\npath = "roster.csv"\nstate = "TX"\n'
        '[sources.board.columns]\nlicense_number = "License"\nname = "Name"\n'
    )
    path = tmp_path / "pipeline.toml"
    path.write_text(local, encoding="utf-8")
    assert load_config(path).http.user_agent == ""
    path.write_text(local.replace('path = "roster.csv"', 'base_url = "https://board.example.org/"\npath = "r.csv"'))
    with pytest.raises(ConfigError, match="contact URL or email"):
        load_config(path)


def test_scope_country_is_the_united_states(tmp_path):
    path = tmp_path / "pipeline.toml"
    path.write_text((ROOT / "pipeline.toml").read_text().replace('country = "US"', 'country = "CA"'))
    with pytest.raises(ConfigError, match="scope.country"):
        load_config(path)
