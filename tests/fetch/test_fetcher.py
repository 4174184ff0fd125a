"""The fetcher against real local servers: robots, pacing, retries, caching, limits, concurrency."""

import gzip
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from pipeline.config import Http
from pipeline.errors import ConfigError, FetchError, RobotsDisallowed, RobotsUnavailable
from pipeline.fetch.archive import Archive
from pipeline.fetch.charset import decode
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.responses import ResponseCache
from pipeline.fetch.retry import retry_after_seconds
from tests.servers import Route, ScriptedServer

UA = "therapist-directory-test/1.0 (+https://therapist-directory.example.org/bot)"
TEXT = {"Content-Type": "text/plain"}


@pytest.fixture
def make_fetcher(tmp_path):
    fetchers = []

    def make(cache=None, offline=False, refresh=False, **http) -> Fetcher:
        settings = dict(
            user_agent=UA, delay_seconds=0.0, jitter=0.0, connect_timeout=2.0, read_timeout=2.0, backoff_seconds=0.01
        )
        fetcher = Fetcher(
            Http(**{**settings, **http}),
            Archive(tmp_path / "raw"),
            run_id="test",
            cache=cache,
            offline=offline,
            refresh=refresh,
        )
        fetchers.append(fetcher)
        return fetcher

    yield make
    for fetcher in fetchers:
        fetcher.close()


def cache_from(fetcher: Fetcher, source: str = "t") -> ResponseCache:
    """What the next run would load from raw_responses (the latest row per URL)."""
    return ResponseCache(
        [
            (
                r["url"],
                r["final_url"],
                r["content_type"],
                datetime.fromisoformat(r["fetched_at"]),
                r["etag"],
                r["last_modified"],
                r["sha256"],
                r["status"],
            )
            for r in fetcher.take_responses(source)
        ]
    )


# -- identity and archive ------------------------------------------------------------------------
def test_sends_the_configured_user_agent_and_archives_the_body(make_fetcher, tmp_path):
    with ScriptedServer({"/a": Route(body="<p>hello</p>")}) as server:
        fetcher = make_fetcher()
        page = fetcher.get(server.url + "/a", source="t")
    fetcher.archive.flush()
    assert page.text == "<p>hello</p>"
    assert all(hit.headers["User-Agent"] == UA for hit in server.hits)
    archived = tmp_path / "raw" / page.sha256[:2] / f"{page.sha256}.gz"
    assert gzip.decompress(archived.read_bytes()) == b"<p>hello</p>"
    (robots, row) = fetcher.take_responses("t")
    assert robots["url"].endswith("/robots.txt") and robots["status"] == 404
    assert row["status"] == 200 and row["sha256"] == page.sha256 and row["size"] == 12 and row["run_id"] == "test"


def test_the_example_user_agent_is_refused_for_real_hosts(make_fetcher):
    fetcher = make_fetcher(user_agent="therapist-directory/0.1 (+https://therapist-directory.example.org/bot)")
    with pytest.raises(ConfigError, match="example contact"):
        fetcher.get("https://directory.somewhere-real.org/list", source="t")  # refused before any connection


def test_archive_stores_each_body_once(tmp_path):
    archive = Archive(tmp_path)
    first, second = archive.store(b"same body"), archive.store(b"same body")
    archive.flush()
    assert first == second and len(list(tmp_path.rglob("*.gz"))) == 1
    assert archive.load(first[0]) == b"same body"


# -- robots.txt ----------------------------------------------------------------------------------
def test_robots_disallow_is_obeyed_and_robots_fetched_once(make_fetcher):
    routes = {
        "/robots.txt": Route(body="User-agent: *\nDisallow: /private/\n", headers=TEXT),
        "/public.html": Route(body="ok"),
        "/private/x.html": Route(body="secret"),
    }
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
        fetcher = make_fetcher(max_retries=0)
        with pytest.raises(RobotsUnavailable, match="HTTP 500"):
            fetcher.get(server.url + "/page.html", source="t")
    assert "/page.html" not in server.paths()
    assert fetcher.robots_unavailable() == {server.url: "HTTP 500"}


def test_unreachable_host_says_so(make_fetcher):
    with ScriptedServer() as server:
        url = server.url
    with pytest.raises(RobotsUnavailable, match="connection"):
        make_fetcher(max_retries=0).get(url + "/page.html", source="t")


def test_missing_robots_allows_everything(make_fetcher):
    with ScriptedServer({"/page.html": Route(body="ok")}) as server:  # robots.txt is a 404
        assert make_fetcher().get(server.url + "/page.html", source="t").text == "ok"


def test_crawl_delay_is_honoured_between_requests(make_fetcher):
    routes = {
        "/robots.txt": Route(body="User-agent: *\nCrawl-delay: 0.4\n", headers=TEXT),
        "/1": Route(body="1"),
        "/2": Route(body="2"),
        "/3": Route(body="3"),
    }
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher()
        for path in ("/1", "/2", "/3"):
            fetcher.get(server.url + path, source="t")
    times = [hit.at for hit in server.hits]  # the server's own clock, robots.txt included
    assert all(later - earlier >= 0.39 for earlier, later in zip(times, times[1:]))


def test_configured_delay_applies_when_larger_than_crawl_delay(make_fetcher):
    routes = {"/1": Route(body="1"), "/2": Route(body="2")}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher(delay_seconds=0.3)
        fetcher.get(server.url + "/1", source="t")
        fetcher.get(server.url + "/2", source="t")
    times = [hit.at for hit in server.hits if hit.path != "/robots.txt"]
    assert times[1] - times[0] >= 0.29


# -- retries -------------------------------------------------------------------------------------
@pytest.mark.parametrize("header", ["2", "date"], ids=["seconds", "http-date"])
def test_429_retry_after_is_honoured(make_fetcher, header):
    if header == "date":
        header = format_datetime(datetime.now(UTC) + timedelta(seconds=3), usegmt=True)  # >= 2 s after rounding
    routes = {"/a": [Route(status=429, body="slow down", headers={"Retry-After": header}), Route(body="ok")]}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher()
        assert fetcher.get(server.url + "/a", source="t").text == "ok"
    first, second = [hit.at for hit in server.hits if hit.path == "/a"]
    assert second - first >= 1.95
    assert fetcher.counts["fetch/retries"] == 1


def test_retry_after_longer_than_the_ceiling_gives_up_at_once(make_fetcher):
    routes = {"/a": Route(status=503, body="maintenance", headers={"Retry-After": "3600"})}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher(max_wait_seconds=5)
        started = time.monotonic()
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url + "/a", source="t")
    assert err.value.reason == "retry_after_too_long" and time.monotonic() - started < 2
    assert fetcher.take_failures("t")[0]["reason"] == "retry_after_too_long"


def test_503_then_200_succeeds(make_fetcher):
    routes = {"/a": [Route(status=503, body="busy"), Route(status=502, body="bad gateway"), Route(body="fine")]}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher()
        assert fetcher.get(server.url + "/a", source="t").text == "fine"
    assert fetcher.counts["fetch/retries"] == 2 and fetcher.counts["fetch/status/503"] == 1


def test_persistent_failure_is_recorded_with_its_reason_and_attempts(make_fetcher):
    with ScriptedServer({"/a": Route(status=500, body="broken")}) as server:
        fetcher = make_fetcher(max_retries=2)
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url + "/a", source="t")
    assert err.value.reason == "http_500" and server.paths().count("/a") == 3
    (failure,) = fetcher.take_failures("t")
    assert (failure["reason"], failure["status"], failure["attempts"]) == ("http_500", 500, 3)


def test_not_found_is_not_retried(make_fetcher):
    with ScriptedServer({}) as server, pytest.raises(FetchError) as err:
        make_fetcher().get(server.url + "/missing", source="t")
    assert err.value.status == 404 and server.paths().count("/missing") == 1


def test_stalled_response_times_out_and_is_retried(make_fetcher):
    routes = {"/slow": [Route(body="late", delay=1.5), Route(body="quick")]}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher(read_timeout=0.3)
        started = time.monotonic()
        assert fetcher.get(server.url + "/slow", source="t").text == "quick"
    assert time.monotonic() - started < 1.4
    assert fetcher.counts["fetch/retries"] == 1


@pytest.mark.parametrize("value, expected", [("2", 2.0), ("0", 0.0), ("soon", None), ("", None), (None, None)])
def test_retry_after_parsing(value, expected):
    assert retry_after_seconds(value) == expected


def test_retry_after_date_in_the_past_means_now():
    past = format_datetime(datetime.now(UTC) - timedelta(minutes=5), usegmt=True)
    assert retry_after_seconds(past) == 0.0


# -- conditional requests and caching ------------------------------------------------------------
def test_304_reuses_the_archive_and_adds_nothing_to_it(make_fetcher, tmp_path):
    routes = {
        "/p": Route(
            body="<p>profile</p>",
            headers={"Content-Type": "text/html", "ETag": '"v1"', "Last-Modified": "Tue, 03 Nov 2026 10:00:00 GMT"},
        )
    }
    with ScriptedServer(routes) as server:
        first = make_fetcher()
        page = first.get(server.url + "/p", source="t")
        first.archive.flush()
        archived = sorted(p.name for p in (tmp_path / "raw").rglob("*.gz"))
        second = make_fetcher(cache=cache_from(first))
        again = second.get(server.url + "/p", source="t")
        second.archive.flush()
    assert server.hits[-1].headers.get("If-None-Match") == '"v1"'
    assert server.hits[-1].headers.get("If-Modified-Since") == "Tue, 03 Nov 2026 10:00:00 GMT"
    assert again.status == 304 and again.from_archive and again.text == page.text and again.sha256 == page.sha256
    assert sorted(p.name for p in (tmp_path / "raw").rglob("*.gz")) == archived
    assert [r["status"] for r in second.take_responses("t")] == [404, 304]  # robots.txt, then the page
    assert second.counts["fetch/not_modified"] == 1


def test_cache_ttl_skips_the_network_and_refresh_ignores_it(make_fetcher):
    with ScriptedServer({"/p": Route(body="v1")}) as server:
        first = make_fetcher()
        first.get(server.url + "/p", source="t")
        cache = cache_from(first)
        before = len(server.hits)
        cached = make_fetcher(cache=cache).get(server.url + "/p", source="t", cache_ttl=3600)
        assert len(server.hits) == before and cached.text == "v1" and cached.from_archive
        make_fetcher(cache=cache, refresh=True).get(server.url + "/p", source="t", cache_ttl=3600)
        assert len(server.hits) > before


def test_offline_serves_the_archive_and_never_connects(make_fetcher, monkeypatch):
    with ScriptedServer({"/p": Route(body="archived text")}) as server:
        first = make_fetcher()
        first.get(server.url + "/p", source="t")
        url = server.url
    cache = cache_from(first)

    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("offline mode opened a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    offline = make_fetcher(cache=cache, offline=True)
    assert offline.get(url + "/p", source="t").text == "archived text"
    with pytest.raises(FetchError) as err:
        offline.get(url + "/never-fetched", source="t")
    assert err.value.reason == "not_archived"


# -- defensive reading ---------------------------------------------------------------------------
def test_oversized_body_is_refused_without_reading_it_all(make_fetcher):
    chunk = b"x" * 65536
    routes = {
        "/big": Route(body=chunk, repeat=200, repeat_delay=0.01),  # 13 MB, streamed, no length
        "/declared": Route(body=b"y" * 300_000),
    }
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher(max_body_bytes=200_000, max_retries=0)
        started = time.monotonic()
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url + "/big", source="t")
        assert err.value.reason == "too_large"
        assert time.monotonic() - started < 1.5, "stopped reading early"
        with pytest.raises(FetchError, match="larger than max_body_bytes"):
            fetcher.get(server.url + "/declared", source="t")
    big = next(hit for hit in server.hits if hit.path == "/big")
    assert big.sent < 200 * len(chunk)


WINDOWS_1252 = (
    "Renée Castillo offers “deep tissue” massage, trigger‑point work and stretching for "
    "people with sciatica — café hours, déjà vu. "
).replace("‑", "-") * 4


@pytest.mark.parametrize(
    "body, content_type, expected",
    [
        ("Zoë Brennan".encode(), "text/html; charset=utf-8", "Zoë Brennan"),
        (
            b'<meta charset="windows-1252"><p>Ren\xe9e \x93deep tissue\x94</p>',
            "text/html",
            '<meta charset="windows-1252"><p>Renée “deep tissue”</p>',
        ),
        (WINDOWS_1252.encode("cp1252"), "text/html", WINDOWS_1252),
        (b"caf\xe9", "text/html; charset=latin-1", "café"),
        (b"x", "text/html; charset=no-such-codec", "x"),
    ],
    ids=["utf8-header", "meta-windows-1252", "detected-windows-1252", "latin1-header", "unknown-codec"],
)
def test_decode(body, content_type, expected):
    assert decode(body, content_type) == expected


def test_decode_never_crashes_on_garbage():
    assert isinstance(decode(bytes(range(256)) * 3, "text/html"), str)


def test_windows_1252_page_without_charset_header(make_fetcher):
    routes = {"/w": Route(body=WINDOWS_1252.encode("cp1252"), headers={"Content-Type": "text/html"})}
    with ScriptedServer(routes) as server:
        assert make_fetcher().get(server.url + "/w", source="t").text == WINDOWS_1252


def test_redirect_is_followed_and_the_final_url_recorded(make_fetcher):
    routes = {"/old": Route(status=301, headers={"Location": "/new"}), "/new": Route(body="moved here")}
    with ScriptedServer(routes) as server:
        fetcher = make_fetcher()
        page = fetcher.get(server.url + "/old", source="t")
    assert page.final_url == server.url + "/new" and page.text == "moved here"
    assert [r["status"] for r in fetcher.take_responses("t")] == [404, 301, 200]


def test_redirect_loop_stops(make_fetcher):
    routes = {"/a": Route(status=302, headers={"Location": "/b"}), "/b": Route(status=302, headers={"Location": "/a"})}
    with ScriptedServer(routes) as server, pytest.raises(FetchError, match="redirected more than 5 times"):
        make_fetcher().get(server.url + "/a", source="t")
    assert len([hit for hit in server.hits if hit.path != "/robots.txt"]) == 6


def test_offsite_redirect_only_to_named_hosts(make_fetcher):
    with ScriptedServer({"/landing": Route(body="elsewhere")}) as other:
        routes = {"/go": Route(status=302, headers={"Location": other.url + "/landing"})}
        with ScriptedServer(routes) as server:
            fetcher = make_fetcher()
            with pytest.raises(FetchError) as err:
                fetcher.get(server.url + "/go", source="t", allowed_hosts=[server.url.split("//")[1]])
            assert err.value.reason == "offsite_redirect" and "/landing" not in other.paths()
            allowed = [server.url.split("//")[1], other.url.split("//")[1]]
            assert fetcher.get(server.url + "/go", source="t", allowed_hosts=allowed).text == "elsewhere"


def test_non_http_redirect_is_refused(make_fetcher):
    route = Route(status=302, headers={"Location": "ftp://files.example.org/x"})
    with ScriptedServer({"/x": route}) as server, pytest.raises(FetchError, match="non-HTTP"):
        make_fetcher().get(server.url + "/x", source="t")


def test_refuses_non_http_urls(make_fetcher):
    with pytest.raises(FetchError, match="non-HTTP"):
        make_fetcher().get("file:///etc/passwd", source="t")


# -- concurrency ---------------------------------------------------------------------------------
def test_hosts_in_parallel_each_one_at_a_time(make_fetcher):
    slow = {f"/{i}": Route(body=str(i), delay=0.2) for i in range(4)}
    with ScriptedServer(dict(slow)) as one, ScriptedServer(dict(slow)) as two:
        fetcher = make_fetcher()
        urls = [server.url + f"/{i}" for i in range(4) for server in (one, two)]
        started = time.monotonic()
        results = dict(fetcher.get_many(urls, source="t"))
        elapsed = time.monotonic() - started
    assert [results[url].text for url in urls] == [url.rsplit("/", 1)[1] for url in urls]
    for server in (one, two):  # one request in flight per host
        spans = sorted((hit.at, hit.done) for hit in server.hits if hit.path != "/robots.txt")
        assert all(later[0] >= earlier[1] - 0.01 for earlier, later in zip(spans, spans[1:]))
    overlap = [
        (a, b)
        for a in one.hits
        for b in two.hits
        if a.path != "/robots.txt" and b.path != "/robots.txt" and a.at < b.done and b.at < a.done
    ]
    assert overlap, "the two hosts were never fetched at the same time"
    assert elapsed < 8 * 0.2, "serial would take 1.6 s"


def test_stats_per_host_and_source(make_fetcher):
    with ScriptedServer({"/a": Route(body="abc"), "/b": [Route(status=503), Route(body="de")]}) as server:
        fetcher = make_fetcher()
        fetcher.get(server.url + "/a", source="s1")
        fetcher.get(server.url + "/b", source="s2")
    stats = fetcher.stats.as_dict()
    host = stats["hosts"][server.url]
    assert host["requests"] == 4 and host["bytes"] >= 5 and host["retries"] == 1 and host["status/503"] == 1
    assert stats["sources"]["s2"]["retries"] == 1 and "retries" not in stats["sources"]["s1"]
