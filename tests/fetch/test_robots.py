"""robots.txt parsing: groups, fractional Crawl-delay, RFC 9309 failure rules."""

import pytest

from pipeline.fetch.robots import Robots, crawl_delay

UA = "therapist-directory/0.1 (+https://example.org/bot)"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("User-agent: *\nCrawl-delay: 2\n", 2.0),
        ("User-agent: *\nCrawl-delay: 0.5\n", 0.5),
        ("User-agent: other\nCrawl-delay: 9\n\nUser-agent: *\nCrawl-delay: 1\n", 1.0),
        ("User-agent: therapist-directory\nCrawl-delay: 3\n\nUser-agent: *\nCrawl-delay: 1\n", 3.0),
        ("User-agent: *\nDisallow: /x\n", 0.0),
        ("User-agent: *\nCrawl-delay: soon\n", 0.0),
    ],
    ids=["integer", "fraction", "other-agent-ignored", "our-group-wins", "none", "garbage"],
)
def test_crawl_delay(text, expected):
    assert crawl_delay(text, UA) == expected


@pytest.mark.parametrize(
    "status, allowed",
    [(404, True), (410, True), (500, False), (503, False), (None, False)],
    ids=["404-allows", "410-allows", "500-blocks", "503-blocks", "unreachable-blocks"],
)
def test_failure_rules(status, allowed):
    assert Robots.from_response(status, "", UA).allows(UA, "https://example.org/a") is allowed
