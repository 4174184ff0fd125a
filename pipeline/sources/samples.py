"""Serve bundled sample sites (`base_url = "samples:DIR"`) from data/samples/DIR on loopback."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import logging
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pipeline.config import Config
from pipeline.config.sources import SourceSettings
from pipeline.errors import ConfigError
from pipeline.sources import sample_apis

log = logging.getLogger(__name__)

SCHEME = "samples:"
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "data" / "samples"


def canonical_origin(directory: str) -> str:
    """The stable origin recorded for a sample site, whatever loopback port served it.

    Repeated demos then produce identical listings, IDs and exports. `.test` is reserved for
    testing (RFC 2606), so these URLs can never point at someone's real site.
    """
    return f"http://{directory}.samples.test"


class _SampleHandler(SimpleHTTPRequestHandler):
    """Static files, plus the stand-in APIs (pipeline/sources/sample_apis.py) where a folder holds their data."""

    def do_GET(self):  # noqa: N802 - the http.server naming
        path, _, query = self.path.partition("?")
        dynamic = sample_apis.answer(Path(self.directory), path, query)
        if dynamic is None:
            return super().do_GET()
        status, content_type, body = dynamic
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        log.debug("sample server: " + format, *args)


class SitesHandler(SimpleHTTPRequestHandler):
    """Many practice sites on one server: the Host header picks the folder <root>/<host>/.

    A folder's special files: `_redirect` (an absolute URL: every request answers 301 there),
    `_large.json` ({"path", "bytes"}: a page of that size made up on the fly, not stored) and
    `_refuse` (the host is routed to a closed port: see site_routes). Files starting "_" are never served.
    """

    def do_GET(self):  # noqa: N802 - the http.server naming
        root = Path(self.directory)
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        folder = site_folder(root, host)
        path = self.path.partition("?")[0]
        if folder is None or "/_" in path:
            return self.send_error(404)
        if (folder / "_redirect").is_file():
            self.send_response(301)
            self.send_header("Location", (folder / "_redirect").read_text(encoding="utf-8").strip())
            self.send_header("Content-Length", "0")
            return self.end_headers()
        large = folder / "_large.json"
        if large.is_file():
            spec = json.loads(large.read_text(encoding="utf-8"))
            if path == spec["path"]:
                return self._large_page(int(spec["bytes"]))
        self.directory = str(folder)
        return super().do_GET()

    def list_directory(self, path):
        """A folder without an index page is not found (a site never lists its files)."""
        self.send_error(404)

    def _large_page(self, size: int) -> None:
        head = b"<!doctype html><html><head><title>Full menu</title></head><body><h1>Full menu</h1>\n"
        row = b"<p>Swedish massage, 60 minutes, $85. Hot stone add-on, $20. Aromatherapy, $10.</p>\n"
        tail = b"</body></html>\n"
        count = max(0, (size - len(head) - len(tail)) // len(row))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(head) + count * len(row) + len(tail)))
        self.end_headers()
        self.wfile.write(head)
        for _ in range(count):
            self.wfile.write(row)
        self.wfile.write(tail)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        log.debug("sample sites: " + format, *args)


def site_folder(root: Path, host: str) -> Path | None:
    """The folder serving `host`: its own name, else its twin with or without "www."."""
    twin = host[4:] if host.startswith("www.") else "www." + host
    for name in (host, twin):
        if name and "/" not in name and not name.startswith(".") and (root / name).is_dir():
            return root / name
    return None


def site_hosts(root: Path) -> set[str]:
    """The sites (hosts without "www.") of a folder of practice sites, one folder per host."""
    if not root.is_dir():
        return set()
    return {folder.name.removeprefix("www.") for folder in root.iterdir() if folder.is_dir()}


def site_routes(root: Path, served: str) -> dict[str, str]:
    """Host name -> the origin that serves it: the sites server, or a closed port for `_refuse`."""
    routes = {}
    for folder in sorted(root.iterdir()):
        if folder.is_dir():
            target = CLOSED_PORT if (folder / "_refuse").exists() else served
            bare = folder.name.removeprefix("www.")
            routes[bare] = routes["www." + bare] = target
    return routes


CLOSED_PORT = "http://127.0.0.1:1"  # tcpmux: nothing listens there, so connections are refused at once


class SampleServer:
    """A threaded static HTTP server on 127.0.0.1 and a free port (`sites`: one folder per host)."""

    def __init__(self, root: Path, *, sites: bool = False):
        if not root.is_dir():
            raise ConfigError(f"sample site folder {root} does not exist")
        handler = functools.partial(SitesHandler if sites else _SampleHandler, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> SampleServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def is_sample(source) -> bool:
    """A bundled sample source: served from data/samples/ or reading a file there."""
    if getattr(source, "base_url", "").startswith(SCHEME):
        return True
    return not getattr(source, "base_url", "") and str(getattr(source, "path", "")).startswith(SCHEME)


@contextlib.contextmanager
def serving_samples(
    config: Config, names: list[str], *, offline: bool = False
) -> Iterator[tuple[Config, dict[str, str], dict[str, str]]]:
    """Start a server per `samples:` source among `names`; yield the config pointed at them, an
    origin map and the routes of the practice sites.

    The origin map takes each loopback origin to its canonical origin, so records carry stable
    URLs. The routes take each bundled practice site's host name to the server that plays it (a
    `websites` source keeps its "samples:" base_url: it crawls only those hosts). Offline, nothing
    is served: the sources point at their canonical origin, which the archive knows.
    """
    with contextlib.ExitStack() as stack:
        sources: dict[str, SourceSettings] = {}
        origins: dict[str, str] = {}
        routes: dict[str, str] = {}
        servers: dict[str, SampleServer] = {}
        for name, source in config.sources.items():
            base_url = getattr(source, "base_url", "")
            if name in names and base_url.startswith(SCHEME) and source.kind == "websites":
                directory = base_url[len(SCHEME) :].strip("/")
                if not offline:
                    server = stack.enter_context(SampleServer(SAMPLES_DIR / directory, sites=True))
                    routes.update(site_routes(SAMPLES_DIR / directory, server.url))
            elif name in names and base_url.startswith(SCHEME):
                # "samples:DIR/rest" serves data/samples/DIR; the source's base becomes <server>/rest.
                directory, _, rest = base_url[len(SCHEME) :].strip("/").partition("/")
                rest = "/" + rest + ("/" if base_url.endswith("/") and rest else "")
                if offline:
                    source = dataclasses.replace(source, base_url=canonical_origin(directory) + rest)  # type: ignore[call-arg]
                else:
                    server = servers.get(directory) or stack.enter_context(SampleServer(SAMPLES_DIR / directory))
                    servers[directory] = server
                    origins[server.url] = canonical_origin(directory)
                    source = dataclasses.replace(source, base_url=server.url + rest)  # type: ignore[call-arg]
            sources[name] = source
        yield dataclasses.replace(config, sources=sources), origins, routes
