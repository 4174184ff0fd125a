"""The directory website in a real browser (headless Chromium): the search page finds what the CLI
finds, therapist pages carry their evidence and JSON-LD, retired slugs land on the survivor, text
from the data stays text, city pages work without JavaScript, and no page asks any other host.

The site is the one the session's demo builds (data/site beside its export); the tests that need
a changed export build their own copy with `build_site`.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.publish.site import build_site
from pipeline.publish.site_pages import city_slug
from pipeline.relevance.vocabulary import load_vocabulary
from tests.site.conftest import SiteServer

# The demo fixture runs the demo (about 30 s); keeping its users on one worker runs it once.
pytestmark = pytest.mark.xdist_group(name="demo")

PLACE = "78701"  # downtown Austin: most of the demo's therapists are within 25 miles
XSS = "<img src=x onerror=alert(1)>"
OLD_SLUG = "old-slug-test"
SEARCHES = {
    "all": ("", []),
    "technique": ("&technique=deep_tissue", ["--technique", "deep_tissue"]),
    "tier": ("&min_tier=high", ["--min-tier", "high"]),
}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# -- fixtures ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_site(demo) -> Path:
    """The demo's site folder (built by the demo's `site` stage; built here if it is missing)."""
    assert demo["first"].returncode == 0, demo["first"].stderr
    site = demo["tmp"] / "data" / "site"
    if not (site / "index.html").exists():
        command = [sys.executable, "-m", "pipeline", "--config", str(demo["config"]), "site"]
        built = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert built.returncode == 0, built.stderr
    assert (site / "index.html").exists() and (site / "assets" / "search.js").exists()
    return site


@pytest.fixture(scope="module")
def server(demo_site):
    with SiteServer(demo_site) as running:
        yield running


@pytest.fixture(scope="module")
def records(demo) -> dict[str, dict]:
    """The demo's exported therapists by ID."""
    rows = json.loads((demo["tmp"] / "data" / "export" / "therapists.json").read_text(encoding="utf-8"))
    return {row["therapist_id"]: row for row in rows}


@pytest.fixture(scope="module")
def altered(demo, records, tmp_path_factory):
    """A site built from a copy of the demo's export with a retired slug pointing at a live one and
    a therapist whose name is markup; served on its own port."""
    tmp = tmp_path_factory.mktemp("altered-site")
    export = tmp / "export"
    shutil.copytree(demo["tmp"] / "data" / "export", export)
    rows = json.loads((export / "therapists.json").read_text(encoding="utf-8"))
    located = [r for r in rows if r.get("lat") is not None and r.get("postal_code") and r.get("city")]
    victim, survivor = located[0], located[1]
    victim["name"] = XSS
    (export / "therapists.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    redirects = json.loads((export / "redirects.json").read_text(encoding="utf-8"))
    redirects.setdefault("slugs", {})[OLD_SLUG] = survivor["slug"]
    (export / "redirects.json").write_text(json.dumps(redirects, indent=2), encoding="utf-8")
    config = load_config(demo["config"])
    site = tmp / "site"
    build_site(export, site, config.site, load_vocabulary(config.vocabulary_path))
    with SiteServer(site) as running:
        yield {"server": running, "site": site, "victim": victim, "survivor": survivor}


# -- helpers -----------------------------------------------------------------------------------------
def cli_search(config: Path, *extra: str) -> list[str]:
    """The therapist IDs `therapists search --near 78701 --radius 25` prints, in its order."""
    out = io.StringIO()
    args = ["--config", str(config), "search", "--near", PLACE, "--radius", "25", "--limit", "1000"]
    with contextlib.redirect_stdout(out):
        code = main([*args, "--format", "json", *extra])
    assert code == 0
    return [row["therapist_id"] for row in json.loads(out.getvalue())["results"]]


def wait_for_search(page) -> str:
    """Wait until the search page has finished a search; its status line's state (ok, empty, error)."""
    page.wait_for_function(
        "() => { const s = document.getElementById('status');"
        " return Boolean(s && s.dataset.state && s.dataset.state !== 'busy'); }"
    )
    return page.get_attribute("#status", "data-state")


def result_ids(page) -> list[str]:
    return page.eval_on_selector_all("#results > li.result", "items => items.map(item => item.dataset.id)")


def wait_for_basemap(page) -> None:
    """The state outlines are drawn (they load after the page; screenshots want them)."""
    page.wait_for_selector(".leaflet-states-pane path", state="attached")


def screenshot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), animations="disabled")
    assert path.stat().st_size > 10_000, f"{name} looks blank"
    if folder := os.environ.get("SITE_SCREENSHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(folder) / name)
    return path


# -- the search page ---------------------------------------------------------------------------------
@pytest.mark.parametrize("search", SEARCHES)
def test_search_lists_what_the_cli_finds(search, demo, server, records, open_page):
    query, options = SEARCHES[search]
    expected = cli_search(demo["config"], *options)
    everyone = cli_search(demo["config"]) if options else expected
    assert expected and len(expected) <= 100, "the page shows at most 100 results"
    if options:
        assert len(expected) < len(everyone), f"the {search} filter should narrow the demo's search"

    opened = open_page(server, f"index.html?place={PLACE}&radius=25{query}")
    page = opened.page
    assert wait_for_search(page) == "ok", page.text_content("#status")
    assert result_ids(page) == expected
    links = page.eval_on_selector_all("#results > li.result h2 a", "links => links.map(a => a.getAttribute('href'))")
    assert links == [f"t/{records[tid]['slug']}/" for tid in expected]
    assert page.text_content("#status").startswith(f"{len(expected)} therapist")
    # One marker per result (every result has coordinates: the search needs them).
    assert page.locator("#map path.result-marker").count() == len(expected)
    # The form shows the search it ran, and the URL keeps it (a shared link repeats it).
    assert page.input_value("#place") == PLACE and page.input_value("#radius") == "25"
    assert f"place={PLACE}" in page.url
    opened.check()


def test_therapist_page_shows_evidence_and_json_ld(server, records, open_page):
    opened = open_page(server, f"index.html?place={PLACE}&radius=25")
    page = opened.page
    assert wait_for_search(page) == "ok"
    chosen = page.locator("#results > li.result").filter(has=page.locator("blockquote.evidence"))
    chosen = chosen.filter(has=page.locator("a.phone")).first
    therapist_id = chosen.get_attribute("data-id")
    record = records[therapist_id]
    assert len(record["evidence"]) >= 1 and record["phone"]

    chosen.locator("h2.result-name a").click()
    page.wait_for_url(f"{server.url}t/{record['slug']}/")
    assert page.text_content("h1").strip() == record["name"]
    snippets = page.locator(".evidence-list q").all_text_contents()
    assert snippets == [item["snippet"] for item in record["evidence"]]
    assert page.locator(".evidence-list li").count() == len(record["evidence"])

    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] in ("Person", "HealthAndBeautyBusiness")
    assert data["name"] == record["name"]
    assert data["url"].endswith(f"/t/{record['slug']}/")
    assert data["address"]["@type"] == "PostalAddress"
    assert data["address"].get("postalCode") == record["postal_code"]
    assert data["telephone"] == record["phone"]
    # The page's small map marks the practice.
    assert page.locator("#map path.result-marker").count() == 1
    opened.check()


# -- a changed export: redirects and markup in the data ---------------------------------------------
def test_a_retired_slug_lands_on_the_survivor(altered, open_page):
    server, survivor = altered["server"], altered["survivor"]
    lines = (altered["site"] / "_redirects").read_text(encoding="utf-8").splitlines()
    assert f"/t/{OLD_SLUG}/ /t/{survivor['slug']}/ 301" in lines

    opened = open_page(server, f"t/{OLD_SLUG}/")
    page = opened.page
    page.wait_for_url(f"{server.url}t/{survivor['slug']}/")
    page.wait_for_load_state()
    assert page.url == f"{server.url}t/{survivor['slug']}/"
    assert page.text_content("h1").strip() == survivor["name"]
    opened.check()


def test_markup_in_a_name_stays_text(altered, open_page):
    server, victim = altered["server"], altered["victim"]
    opened = open_page(server, f"index.html?place={victim['postal_code']}&radius=25")
    page = opened.page
    assert wait_for_search(page) == "ok", page.text_content("#status")
    item = page.locator(f'#results > li.result[data-id="{victim["therapist_id"]}"]')
    assert item.locator("h2.result-name").text_content() == XSS
    assert page.locator("#results img").count() == 0
    # The map's tooltip for the marker is text too.
    item.hover()
    tooltip = page.locator(".leaflet-tooltip .map-tooltip")
    assert tooltip.text_content() == XSS

    item.locator("h2.result-name a").click()
    page.wait_for_url(f"{server.url}t/{victim['slug']}/")
    assert page.text_content("h1") == XSS
    assert XSS in page.title()
    assert page.locator("main img").count() == 0
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["name"] == XSS

    city = f"massage-for-sciatica/{victim['state'].lower()}/{city_slug(victim['city'])}/"
    page.goto(server.url + city)
    assert XSS in page.locator("ul.list").text_content()
    assert page.locator("main img").count() == 0
    assert not opened.watch.dialogs
    opened.check()


# -- without JavaScript ------------------------------------------------------------------------------
def test_city_pages_work_without_javascript(server, records, open_page):
    austin = {r["slug"]: r for r in records.values() if r.get("state") == "TX" and r.get("city") == "Austin"}
    assert len(austin) >= 5
    opened = open_page(server, "", java_script_enabled=False)
    page = opened.page
    # The search page says where to go instead, and the lists lead to every therapist.
    page.get_by_role("link", name="browse therapists by state and city").click()
    page.wait_for_url(f"{server.url}massage-for-sciatica/")
    page.get_by_role("link", name="Texas").click()
    page.wait_for_url(f"{server.url}massage-for-sciatica/tx/")
    page.get_by_role("link", name="Austin", exact=True).click()
    page.wait_for_url(f"{server.url}massage-for-sciatica/tx/austin/")

    links = page.locator("ul.list > li > a:not(.contact)")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    assert sorted(hrefs) == sorted(f"{server.url}t/{slug}/" for slug in austin)
    names = links.all_text_contents()
    assert sorted(names) == sorted(r["name"] for r in austin.values())
    first = names[0]
    links.first.click()
    page.wait_for_load_state()
    assert page.text_content("h1").strip() == first
    assert page.locator(".evidence-list q").count() >= 1
    opened.check()


# -- every page stays on its own host ---------------------------------------------------------------
def test_pages_ask_only_their_own_server(server, records, open_page):
    slug = next(r["slug"] for r in records.values() if r.get("lat") is not None and r.get("state") == "TX")
    opened = open_page(server)
    page = opened.page
    # The search page, with a search typed into the form as a visitor would.
    page.fill("#place", "Austin, TX")
    page.select_option("#radius", "50")
    page.click("#search button[type=submit]")
    assert wait_for_search(page) == "ok", page.text_content("#status")
    assert page.locator("#results > li.result").count() > 0
    assert "place=Austin%2C+TX" in page.url and "radius=50" in page.url
    wait_for_basemap(page)
    opened.check()
    for path in (f"t/{slug}/", "massage-for-sciatica/tx/austin/", "massage-for-sciatica/"):
        response = page.goto(server.url + path)
        assert response is not None and response.ok, path
        if path.startswith("t/"):
            wait_for_basemap(page)
        assert page.locator("h1").count() == 1
        opened.check()
    requests = opened.watch.requests
    for wanted in ("data/meta.json", "data/cells/", "data/places/city/tx.json", "assets/vendor/us-atlas/"):
        assert any(url.startswith(server.url + wanted) for url in requests), wanted
    assert all(url.startswith(server.url) for url in requests), requests


# -- screenshots for the README (`make site-screenshots` keeps them in docs/screenshots) ------------
def test_screenshots(server, records, open_page, tmp_path):
    """The search page after a search (desktop and phone), scrolled to the end of the form so the
    count, the map and the first results show; and a therapist's page."""
    shots = []
    for name, options in (
        ("search-desktop.png", {"viewport": DESKTOP}),
        ("search-phone.png", {"viewport": PHONE, "is_mobile": True, "has_touch": True}),
    ):
        opened = open_page(server, f"index.html?place={PLACE}&radius=25", **options)
        page = opened.page
        assert wait_for_search(page) == "ok"
        wait_for_basemap(page)
        page.evaluate(
            "() => { const button = document.querySelector('#search button[type=submit]');"
            " window.scrollTo(0, button.getBoundingClientRect().top + window.scrollY - 16); }"
        )
        shots.append(screenshot(page, tmp_path, name))
        opened.check()

    # An Austin practice with a full record and a few quotes: the page's top half shows it all.
    profile = min(
        (
            r
            for r in records.values()
            if r.get("city") == "Austin" and r["relevance_tier"] == "high" and r["phone"] and r["website"]
            if r["street"] and len(r["evidence"]) >= 3
        ),
        key=lambda r: (len(r["evidence"]), r["therapist_id"]),
    )
    opened = open_page(server, f"t/{profile['slug']}/", viewport=DESKTOP)
    wait_for_basemap(opened.page)
    shots.append(screenshot(opened.page, tmp_path, "profile.png"))
    opened.check()
    assert [path.name for path in shots] == ["search-desktop.png", "search-phone.png", "profile.png"]
