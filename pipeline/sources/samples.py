"""Serve bundled sample sites (`base_url = "samples:DIR"`) from data/samples/DIR on loopback."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
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


class SampleServer:
    """A threaded static HTTP server on 127.0.0.1 and a free port."""

    def __init__(self, root: Path):
        if not root.is_dir():
            raise ConfigError(f"sample site folder {root} does not exist")
        handler = functools.partial(_SampleHandler, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

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
) -> Iterator[tuple[Config, dict[str, str]]]:
    """Start a server per `samples:` source among `names`; yield the config pointed at them and an origin map.

    The map takes each loopback origin to its canonical origin, so records carry stable URLs.
    Offline, nothing is served: the sources point at their canonical origin, which the archive knows.
    """
    with contextlib.ExitStack() as stack:
        sources: dict[str, SourceSettings] = {}
        origins: dict[str, str] = {}
        servers: dict[str, SampleServer] = {}
        for name, source in config.sources.items():
            base_url = getattr(source, "base_url", "")
            if name in names and base_url.startswith(SCHEME):
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
        yield dataclasses.replace(config, sources=sources), origins
