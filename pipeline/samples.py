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
from pipeline.errors import ConfigError

log = logging.getLogger(__name__)

SCHEME = "samples:"
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "samples"


def canonical_origin(directory: str) -> str:
    """The stable origin recorded for a sample site, whatever loopback port served it.

    Repeated demos then produce identical listings, IDs and exports. `.test` is reserved for
    testing (RFC 2606), so these URLs can never point at someone's real site.
    """
    return f"http://{directory}.samples.test"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        log.debug("sample server: " + format, *args)


class SampleServer:
    """A threaded static HTTP server on 127.0.0.1 and a free port."""

    def __init__(self, root: Path):
        if not root.is_dir():
            raise ConfigError(f"sample site folder {root} does not exist")
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> SampleServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def serving_samples(config: Config, names: list[str], *, offline: bool = False
                    ) -> Iterator[tuple[Config, dict[str, str]]]:
    """Start a server per `samples:` source among `names`; yield the config pointed at them and an origin map.

    The map takes each loopback origin to its canonical origin, so records carry stable URLs.
    Offline, nothing is served: the sources point at their canonical origin, which the archive knows.
    """
    with contextlib.ExitStack() as stack:
        sources, origins = {}, {}
        for name, source in config.sources.items():
            if name in names and source.base_url.startswith(SCHEME):
                directory = source.base_url[len(SCHEME):].strip("/")
                if offline:
                    source = dataclasses.replace(source, base_url=canonical_origin(directory) + "/")
                else:
                    server = stack.enter_context(SampleServer(SAMPLES_DIR / directory))
                    origins[server.url] = canonical_origin(directory)
                    source = dataclasses.replace(source, base_url=server.url + "/")
            sources[name] = source
        yield dataclasses.replace(config, sources=sources), origins
