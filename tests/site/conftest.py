"""Real-browser fixtures: Debian's Chromium driven by Playwright, sites served on loopback.

Every page a test opens is watched: a request to any host but the site's own server, an error on
the console, an uncaught exception, an HTTP error or a dialog fails the test. Chromium is also
pointed at a proxy that does not exist for every host but loopback, so whatever a page asks for,
nothing leaves the machine.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Loopback bypasses a proxy implicitly; everything else goes to port 9 on loopback and is refused.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--proxy-server=http://127.0.0.1:9"]
INSTALL_HINT = "install Debian's Chromium with `apt-get update && apt-get install -y chromium`"
LOCAL_SCHEMES = ("data:", "blob:", "about:")  # not network requests


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


class SiteServer:
    """Serve `directory` on 127.0.0.1 on a free port, in a thread: `with SiteServer(path) as s: s.url`."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.host}/"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"site-{self.port}", daemon=True
        )

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


@dataclass
class Watch:
    """What a page did: every request URL, console errors and warnings, uncaught errors, dialogs."""

    host: str  # "127.0.0.1:<port>": the only host pages may ask
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    console_warnings: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed: bool = False  # check() has raised: the test has failed already

    def allowed(self, url: str) -> bool:
        if url.startswith(LOCAL_SCHEMES):
            return True
        parts = urlsplit(url)
        return parts.scheme == "http" and parts.netloc == self.host

    def problems(self) -> list[str]:
        found = [f"request to another host: {url}" for url in self.foreign]
        found += [f"console error: {text}" for text in self.console_errors]
        found += [f"uncaught error: {text}" for text in self.page_errors]
        found += [f"HTTP error: {text}" for text in self.bad_responses]
        found += [f"dialog opened: {text}" for text in self.dialogs]
        return found

    def check(self) -> None:
        problems = self.problems()
        if self.console_warnings and problems:
            problems += [f"(console warning: {text})" for text in self.console_warnings]
        self.failed = bool(problems)
        assert not problems, "the page misbehaved:\n  " + "\n  ".join(problems)


def watch(page, host: str) -> Watch:
    """Record what `page` asks for and says."""
    seen = Watch(host)

    def on_request(request) -> None:
        seen.requests.append(request.url)
        if not seen.allowed(request.url):
            seen.foreign.append(request.url)

    def on_console(message) -> None:
        where = message.location.get("url", "") if message.location else ""
        text = f"{message.text} ({where})" if where else message.text
        if message.type == "error":
            seen.console_errors.append(text)
        elif message.type == "warning":
            seen.console_warnings.append(text)

    def on_response(response) -> None:
        if response.status >= 400:
            seen.bad_responses.append(f"{response.status} {response.url}")

    def on_dialog(dialog) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
    page.on("response", on_response)
    page.on("dialog", on_dialog)
    page.on("popup", lambda popup: seen.dialogs.append(f"popup: {popup.url}"))
    return seen


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's /usr/bin/chromium) for the whole session."""
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: {INSTALL_HINT}", pytrace=False)
        pytest.skip(f"{CHROMIUM} is missing ({INSTALL_HINT}; REQUIRE_BROWSER=1 makes this a failure)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


CONTEXT_DEFAULTS = {
    "viewport": {"width": 1280, "height": 900},
    "reduced_motion": "reduce",  # the maps do not animate: what a test sees has settled
    "service_workers": "block",
}


@pytest.fixture(scope="session")
def desktop(browser):
    """One desktop browser context for the session's ordinary pages (a new context costs time)."""
    context = browser.new_context(**CONTEXT_DEFAULTS)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@dataclass
class Opened:
    page: object  # playwright.sync_api.Page
    watch: Watch

    def check(self) -> None:
        self.watch.check()


@pytest.fixture
def open_page(browser, desktop) -> Iterator:
    """open_page(server, path="", **context_options) -> Opened: a new page, watched, at `path` on
    the server (nowhere when path is None). With context options (viewport=..., java_script_enabled=
    False), the page gets a context of its own; without, it opens in the shared desktop context.

    Every page is checked (`Opened.check()`) and closed when the test ends; a test can check sooner.
    """
    opened: list[Opened] = []
    contexts: list = []

    def open_(server: SiteServer, path: str | None = "", **options) -> Opened:
        if options:
            context = browser.new_context(**{**CONTEXT_DEFAULTS, **options})
            context.set_default_timeout(10_000)
            contexts.append(context)
        else:
            context = desktop
        page = context.new_page()
        result = Opened(page, watch(page, server.host))
        opened.append(result)
        if path is not None:
            response = page.goto(server.url + path)
            assert response is not None and response.ok, f"{path}: {response and response.status}"
        return result

    yield open_
    try:
        for result in opened:
            if not result.watch.failed:
                result.check()
    finally:
        for result in opened:
            result.page.close()
        for context in contexts:
            context.close()
