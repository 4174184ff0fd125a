"""The fetcher against real local servers: identity, robots.txt, delays, decoding, archive."""

import gzip
import time

import pytest

from pipeline.archive import Archive
from pipeline.config import Http
from pipeline.errors import FetchError, RobotsDisallowed, RobotsUnavailable
from pipeline.fetch import Fetcher, decode

from tests.servers import Route, ScriptedServer

UA = "therapist-directory-test/1.0 (+https://therapist-directory.example.org/bot)"


@pytest.fixture
def make_fetcher(tmp_path):
    fetchers = []

    def make(**http) -> Fetcher:
        settings = Http(user_agent=UA, delay_seconds=0.0, connect_timeout=2.0, read_timeout=2.0)
        fetcher = Fetcher(Http(**{**settings.__dict__, **http}), Archive(tmp_path / "raw"), run_id="test")
        fetchers.append(fetcher)
        return fetcher

    yield make
    for fetcher in fetchers:
        fetcher.close()


def test_sends_the_configured_user_agent_and_archives_the_body(make_fetcher, tmp_path):
    with ScriptedServer({"/a": Route(body="<p>hello</p>")}) as server:
        fetcher = make_fetcher()
        page = fetcher.get(server.url + "/a", source="t")
    assert page.text == "<p>hello</p>"
    assert server.hits[-1].headers["User-Agent"] == UA
    archived = tmp_path / "raw" / page.sha256[:2] / f"{page.sha256}.gz"
    assert gzip.decompress(archived.read_bytes()) == b"<p>hello</p>"
    row = fetcher.responses[-1]
    assert row["status"] == 200 and row["sha256"] == page.sha256 and row["archive_path"]


def test_robots_disallow_is_obeyed_and_robots_fetched_once(make_fetcher):
    routes = {"/robots.txt": Route(body="User-agent: *\nDisallow: /private/\n",
                                   headers={"Content-Type": "text/plain"}),
              "/public.html": Route(body="ok"), "/private/x.html": Route(body="secret")}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher()
        fetcher.get(server.url + "/public.html", source="t")
        with pytest.raises(RobotsDisallowed):
            fetcher.get(server.url + "/private/x.html", source="t")
        fetcher.get(server.url + "/public.html", source="t")
    assert "/private/x.html" not in server.paths()
    assert server.paths().count("/robots.txt") == 1
    assert fetcher.counts["fetch/robots_refused"] == 1


def test_robots_server_error_blocks_the_host(make_fetcher):
    routes = {"/robots.txt": Route(status=500, body="oops"), "/page.html": Route(body="ok")}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher()
        with pytest.raises(RobotsUnavailable, match="HTTP 500"):
            fetcher.get(server.url + "/page.html", source="t")
    assert "/page.html" not in server.paths()
    assert fetcher.counts["fetch/robots_unavailable"] == 1


def test_unreachable_host_says_so(make_fetcher):
    with ScriptedServer() as server:
        url = server.url
    with pytest.raises(RobotsUnavailable, match="connection"):
        make_fetcher().get(url + "/page.html", source="t")


def test_redirect_loop_stops(make_fetcher):
    routes = {"/a": Route(status=302, headers={"Location": "/b"}), "/b": Route(status=302, headers={"Location": "/a"})}
    with ScriptedServer(routes) as server:
        with pytest.raises(FetchError, match="redirected more than"):
            make_fetcher().get(server.url + "/a", source="t")
    assert len(server.hits) <= 8


def test_missing_robots_allows_everything(make_fetcher):
    with ScriptedServer({"/page.html": Route(body="ok")}) as server:  # robots.txt is a 404
        assert make_fetcher().get(server.url + "/page.html", source="t").text == "ok"


def test_crawl_delay_is_honoured_between_requests(make_fetcher):
    routes = {"/robots.txt": Route(body="User-agent: *\nCrawl-delay: 0.4\n", headers={"Content-Type": "text/plain"}),
              "/1": Route(body="1"), "/2": Route(body="2"), "/3": Route(body="3")}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher()
        for path in ("/1", "/2", "/3"):
            fetcher.get(server.url + path, source="t")
    times = [hit.at for hit in server.hits if hit.path != "/robots.txt"]
    assert all(later - earlier >= 0.38 for earlier, later in zip(times, times[1:]))


def test_stalled_response_times_out(make_fetcher):
    with ScriptedServer({"/slow": Route(body="late", delay=1.5)}) as server:
        fetcher = make_fetcher(read_timeout=0.3)
        started = time.monotonic()
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url + "/slow", source="t")
    assert err.value.reason == "timeout"
    assert time.monotonic() - started < 1.4


def test_http_error_carries_status(make_fetcher):
    with ScriptedServer({"/gone": Route(status=410, body="gone")}) as server:
        with pytest.raises(FetchError) as err:
            make_fetcher().get(server.url + "/gone", source="t")
    assert err.value.status == 410 and err.value.reason == "http_410"


def test_refuses_non_http_urls(make_fetcher):
    with pytest.raises(FetchError, match="non-HTTP"):
        make_fetcher().get("file:///etc/passwd", source="t")


@pytest.mark.parametrize("body, content_type, expected", [
    ("Zoë Brennan".encode("utf-8"), "text/html; charset=utf-8", "Zoë Brennan"),
    (b'<meta charset="windows-1252"><p>Ren\xe9e \x93deep tissue\x94</p>', "text/html",
     '<meta charset="windows-1252"><p>Renée “deep tissue”</p>'),
    (b"caf\xe9", "text/html; charset=latin-1", "café"),
    (b"bad \xff\xfe bytes", "text/html", "bad \ufffd\ufffd bytes"),
    (b"x", "text/html; charset=no-such-codec", "x"),
], ids=["utf8-header", "meta-windows-1252", "latin1-header", "bad-bytes", "unknown-codec"])
def test_decode_never_crashes(body, content_type, expected):
    assert decode(body, content_type) == expected


def test_archive_stores_each_body_once(tmp_path):
    archive = Archive(tmp_path)
    first = archive.store(b"same body")
    second = archive.store(b"same body")
    assert first == second
    assert len(list(tmp_path.rglob("*.gz"))) == 1
    assert archive.load(first[0]) == b"same body"
