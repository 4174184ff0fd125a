"""Real local HTTP servers for tests: scripted routes on 127.0.0.1, port 0, with a request log."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds to stall before answering
    repeat: int = 1  # send the body this many times, streamed without a Content-Length
    repeat_delay: float = 0.0  # pause between repeats


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when the server received it
    done: float = 0.0  # time.monotonic() when it finished answering
    sent: int = 0  # body bytes written before the client hung up or the body ended


class ScriptedServer:
    """Serves `routes` (path -> Route, or a list of Routes answered in turn); 404 otherwise."""

    def __init__(
        self,
        routes: dict[str, Route | list[Route]] | None = None,
        dynamic: dict[str, Callable[[str], Route]] | None = None,
    ):
        self.routes = routes or {}
        self.dynamic = dynamic or {}  # path -> function of the query string, for fake APIs
        self.hits: list[Hit] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server naming
                hit = Hit(self.path, dict(self.headers), time.monotonic())
                server.hits.append(hit)
                path, _, query = self.path.partition("?")
                route = (
                    server.dynamic[path](query)
                    if path in server.dynamic
                    else server.routes.get(self.path, server.routes.get(path))
                )
                if isinstance(route, list):
                    route = route.pop(0) if len(route) > 1 else route[0]
                route = route or Route(status=404, body=b"not found")
                if route.delay:
                    time.sleep(route.delay)
                body = route.body.encode() if isinstance(route.body, str) else route.body
                status = route.status
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                try:
                    self.send_response(status)
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    if route.repeat == 1:
                        self.send_header("Content-Length", str(len(body)))
                    else:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    for i in range(route.repeat):
                        if i and route.repeat_delay:
                            time.sleep(route.repeat_delay)
                        self.wfile.write(body)
                        self.wfile.flush()
                        hit.sent += len(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout or size-limit test)
                finally:
                    hit.done = time.monotonic()
                if route.repeat > 1:
                    self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
