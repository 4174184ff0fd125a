"""The html source against the sample site served on loopback: pagination, politeness, fields."""

import json

import pytest

from pipeline.config import load_config
from pipeline.fetch.archive import Archive
from pipeline.fetch.fetcher import Fetcher
from pipeline.sources import html
from tests.conftest import ROOT
from tests.servers import Route, ScriptedServer

TRUTH = json.loads((ROOT / "data" / "samples" / "site-truth.json").read_text())


@pytest.fixture(scope="module")
def crawled(sample_site, tmp_path_factory):
    """One crawl of the sample site, shared by the tests of this module."""
    tmp = tmp_path_factory.mktemp("crawl")
    text = (ROOT / "pipeline.toml").read_text().replace('base_url = "samples:site"', f'base_url = "{sample_site.url}/"')
    (tmp / "pipeline.toml").write_text(text)
    config = load_config(tmp / "pipeline.toml")
    source = config.sources["sample_directory"]
    fetcher = Fetcher(
        config.http, Archive(tmp / "raw"), run_id="test", origins={sample_site.url: "http://site.samples.test"}
    )
    try:
        result = html.crawl(source, fetcher)
    finally:
        fetcher.close()
    return result, fetcher.take_responses("sample_directory")


def test_follows_pagination_and_every_profile(crawled):
    result, _ = crawled
    expected = [t for t in TRUTH if not t["robots_disallowed"]]
    assert result.status == "complete"
    assert result.counts["scrape/list_pages"] == 7
    assert sorted(r.url for r in result.listings) == sorted(f"http://site.samples.test{t['path']}" for t in expected)


def test_never_fetches_disallowed_or_offsite_and_counts_the_drops(crawled):
    result, responses = crawled
    fetched = [row["url"] for row in responses]
    assert not any("private-" in url for url in fetched)
    assert not any("elsewhere.example.org" in url for url in fetched)
    assert result.counts["scrape/dropped/robots_disallowed"] == 1
    assert result.counts["scrape/dropped/offsite_link"] == 1
    assert result.counts["scrape/dropped/http_404"] == 1


def test_fields_are_extracted_raw_with_attributes_and_lists(crawled):
    result, _ = crawled
    by_path = {r.url.removeprefix("http://site.samples.test"): r for r in result.listings}
    with_website = [r for r in result.listings if r.fields.get("website")]
    assert with_website and all(r.fields["website"].startswith("http") for r in with_website)
    assert all(isinstance(r.fields.get("services", []), list) for r in result.listings)
    for truth in TRUTH:
        if truth["robots_disallowed"]:
            continue
        record = by_path[truth["path"]]
        assert record.fields["postal_code"].startswith(truth["zip"])
        assert record.source_key == record.url and len(record.raw_sha256) == 64


def test_scripts_never_reach_the_fields():
    page = (
        '<main><h1 class="n">Ana Ruiz</h1><div class="about"><p>Deep tissue.'
        '<script>alert(1)</script></p></div><a class="w" href="https://ana.example.com">site</a></main>'
    )
    fields = html.extract_fields(
        page, {"name": "h1.n", "description": ".about p", "website": "a.w@href", "services": "li.none"}
    )
    assert fields == {
        "name": "Ana Ruiz",
        "description": "Deep tissue.",
        "website": "https://ana.example.com",
        "services": [],
    }


def test_broken_markup_and_missing_names_are_dropped_not_fatal(tmp_path, write_config):
    list_page = (
        '<article class="listing-card"><a class="listing-link" href="/p1.html">x</a></article>'
        '<article class="listing-card"><a class="listing-link" href="/p2.html">y</a></article>'
        '<article class="listing-card">no link here</article>'
    )
    routes = {
        "/directory/page-1.html": Route(body=list_page),
        "/p1.html": Route(body="<html><body><h1 class='profile-name'>Ok Name</h1><div"),  # truncated
        "/p2.html": Route(body="<html><body><p>no name on this page</p>"),
    }
    with ScriptedServer(routes) as server:
        config = load_config(write_config(base_url=server.url + "/"))
        fetcher = Fetcher(config.http, Archive(tmp_path / "raw"), run_id="t")
        result = html.crawl(config.sources["sample_directory"], fetcher)
        fetcher.close()
    assert [r.fields["name"] for r in result.listings] == ["Ok Name"]
    assert result.counts["scrape/dropped/no_name"] == 1
    assert result.counts["scrape/dropped/card_without_link"] == 1
    assert result.status == "complete"


def test_a_failing_list_page_makes_the_crawl_partial(tmp_path, write_config):
    routes = {"/directory/page-1.html": Route(status=503, body="busy")}
    with ScriptedServer(routes) as server:
        config = load_config(write_config(base_url=server.url + "/"))
        fetcher = Fetcher(config.http, Archive(tmp_path / "raw"), run_id="t")
        result = html.crawl(config.sources["sample_directory"], fetcher)
        fetcher.close()
    assert result.status == "failed" and result.failures == 1
    assert "503" in result.message


RESULTS_PAGE = """<html><body><h1>Massage therapists near Austin, TX</h1>
<div class="result"><h3 class="n">Nadia Quill, LMT</h3><span class="p">(512) 555-0171</span>
  <div class="a">410 Larkspur Ave Ste 2, Austin, TX 78704</div><ul class="s"><li>Deep tissue</li></ul></div>
<div class="result"><h3 class="n">Oren Vale</h3><span class="p">512-555-0172</span>
  <div class="a">Round Rock, TX 78664</div><ul class="s"><li>Trigger point</li></ul>
  <a class="more" href="/pro/oren-vale">Profile</a></div>
<div class="result"><h3 class="n">Pia Lund</h3><div class="a">Austin TX 78701</div>
  <a class="more" href="/pro/pia-lund">Profile</a></div>
</body></html>"""


def test_cards_that_carry_everything_and_cards_whose_profile_is_gone_still_give_listings(tmp_path, write_config):
    """A real results page: the cards say who and where; one profile answers 404, one works, one
    card has no profile at all. Each card gives a listing (from_card), the working profile fills
    in what its card did not say."""
    extra = """
[sources.results]
kind = "html"
base_url = "{url}/"
start_urls = ["/search?near=austin"]
delay_seconds = 0.0
[sources.results.selectors]
card = "div.result"
detail_link = "a.more"
[sources.results.card_fields]
name = "h3.n"
phone = "span.p"
address = "div.a"
services = "ul.s li"
[sources.results.fields]
name = "h1.profile-name"
"""
    routes = {
        "/search": Route(body=RESULTS_PAGE),
        "/pro/pia-lund": Route(body='<html><body><h1 class="profile-name">Pia Lund</h1></body></html>'),
    }  # /pro/oren-vale answers 404
    with ScriptedServer(routes) as server:
        config = load_config(write_config(extra.format(url=server.url)))
        fetcher = Fetcher(config.http, Archive(tmp_path / "raw"), run_id="t")
        result = html.crawl(config.sources["results"], fetcher)
        fetcher.close()
    by_name = {r.fields["name"]: r for r in result.listings}
    assert set(by_name) == {"Nadia Quill, LMT", "Oren Vale", "Pia Lund"}
    assert result.counts["scrape/from_card"] == 2 and result.counts["scrape/dropped/http_404"] == 1
    assert result.status == "complete"
    assert by_name["Oren Vale"].source_key.endswith("/pro/oren-vale") and by_name["Oren Vale"].fields["services"]
    assert "#card:nadia quill, lmt|(512) 555-0171" in by_name["Nadia Quill, LMT"].source_key
    pia = by_name["Pia Lund"]
    assert pia.field_sources["name"] == "selector" and pia.field_sources["address"] == "card"
