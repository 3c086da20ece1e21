"""A local static web server, as Netlify or Cloudflare Pages would serve the site."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import pathlib
import threading
import time

from .headers import headers_for, parse_headers

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".bib")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder quietly; optionally with the headers in its _headers file (as
    Netlify and Cloudflare Pages do) and with gzip (as most hosts do)."""

    headers_file: pathlib.Path | None = None
    compress = False
    request_log: list | None = None
    stall: tuple[str, float | threading.Event] | None = None

    def _header_rules(self) -> list:
        # Read on each request: a folder served before it is built, or a build swapped in.
        if not (self.headers_file and self.headers_file.is_file()):
            return []
        return parse_headers(self.headers_file.read_text(encoding="utf-8"))

    def send_head(self):
        if self.headers_file and not self.headers_file.is_file():
            # Said out loud: a build that stops writing _headers must not pass as a site
            # served without its security headers.
            self.send_error(500, f"no _headers file in the folder served with its headers: {self.headers_file}")
            return None
        if self.request_log is not None:
            self.request_log.append(self.path.split("?")[0])
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if self.stall and path.suffix == ".html" and path.is_file():
            return self._send_stalled(path.read_bytes())
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _send_stalled(self, body: bytes):
        """The page up to the first occurrence of the stall's text, then a pause, then the
        rest: as a slow network delivers a page, so a browser may paint what it has. The
        pause is a number of seconds, or lasts until the test sets an Event (at most 30 s)."""
        marker, pause = self.stall
        cut = body.find(marker.encode())
        if cut <= 0:  # a test that stalls nowhere would prove nothing
            raise ValueError(f"stall: {marker!r} is not in {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:cut])
        self.wfile.flush()
        if isinstance(pause, threading.Event):
            pause.wait(timeout=30)
        else:
            time.sleep(pause)
        self.wfile.write(body[cut:])
        return None

    def end_headers(self):
        for name, value in headers_for(self._header_rules(), self.path.split("?")[0]):
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early is not a test failure


@contextlib.contextmanager
def serve(directory: pathlib.Path, *, with_headers: bool = False, compress: bool = False,
          request_log: list | None = None, stall: tuple[str, float | threading.Event] | None = None):
    """Serve a folder on a free localhost port; yield its base URL.
    request_log: a list that gets the path of every request the server answers. The
    folder may be a symbolic link, read again on each request (to swap builds).
    stall: (text, seconds or an Event): each page is sent up to that text, then the rest
    after a pause (until the test sets the Event)."""
    headers_file = directory / "_headers" if with_headers else None
    handler_class = type("Handler", (_Handler,), {"headers_file": headers_file, "compress": compress,
                                                  "request_log": request_log, "stall": stall})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
