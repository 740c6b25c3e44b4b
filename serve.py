#!/usr/bin/env python3
"""invitekit's local server: the admin page, a sandbox of the invite APIs, a proxy to the real ones.

    make serve                                   # builds the page, then runs this on port 8000
    /usr/bin/python3 serve.py --db :memory:      # a throwaway sandbox
    /usr/bin/python3 serve.py --upstream-athena https://api.athenahq.ai

What it answers, all on one origin (so the page needs no CORS):
  /<file>                       the built admin page from --directory (gzip, strict CSP)
  POST <documented path>        the sandbox API for each src/endpoints/*.json (SQLite state)
  GET  /sandbox/credentials     the sandbox's seeded (fake, local) keys
  GET  /sandbox/state           users, memberships, pending invites, outbox, profiles, and how
                                many times each invite was received
  POST /sandbox/reset           clears that state; the seeded keys keep working
  POST /proxy/<api>/<path>      forwarded to --upstream-<api>, documented paths only
and only to requests addressed to its own names, from its own page or a program (see [SECTION]
Reading requests).

Needs the standard library and Debian's python3-jsonschema only; run it with /usr/bin/python3
(another python3 on the PATH may not see Debian's packages). Like `python3 -m http.server`, but
bound to 127.0.0.1 unless --host says otherwise.
"""

# [SECTION] Index
#   Settings and security headers
#   Static files
#   Proxy
#   Reading requests: deadline, framing, host, origin
#   Request handler
#   Command line

import argparse
import contextlib
import functools
import gzip
import http.client
import http.server
import io
import json
import os
import re
import signal
import socket
import sqlite3
import ssl
import sys
import threading
import time
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
# The sandbox package lives in scripts/sandbox/ (the top-level layout is fixed). Put its folder
# first on the path: a regular package found there wins over any same-named one installed.
sys.path.insert(0, str(ROOT / "scripts"))
from sandbox.catalog import load_catalog  # noqa: E402
from sandbox.api import Sandbox  # noqa: E402
from sandbox.traffic import Traffic  # noqa: E402

# =============================================================================================
# [SECTION] Settings and security headers

MAX_BODY = 1024 * 1024              # request bodies above this are refused with 413
MAX_UPSTREAM_BODY = 8 * 1024 * 1024  # an upstream answer above this is a bad upstream (502)
GZIP_MIN_SIZE = 512                  # smaller files are not worth compressing
GZIP_CACHE_BYTES = 64 * 1024 * 1024  # compressed static files kept in memory, at most
# "app.3f2a9c1b.wasm", "main-0123456789abcdef.js": a content hash in the name means the file
# never changes under that name, so browsers may keep it for a year without asking.
HASHED_NAME = re.compile(r"[.-][0-9a-fA-F]{8,}\.[A-Za-z0-9]+$")
COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|wasm|xml)|image/svg\+xml)")
IMMUTABLE = "public, max-age=31536000, immutable"
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")  # escaped in the log: a path cannot draw on it
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")  # the Host names always answered


def security_headers(upstream_origins):
    """The headers every response carries: a CSP that lets the page run its own
    scripts and WebAssembly and talk to this origin and the configured upstreams only."""
    connect = " ".join(["'self'", *upstream_origins])
    csp = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
           f"connect-src {connect}; img-src 'self' data:; style-src 'self'; "
           "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
    return [("Content-Security-Policy", csp), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer")]


def family_slug(family):
    """"usersOrganizations" → "users-organizations": the name in --upstream-… and /proxy/…."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", family).lower()


def host_headers(names, port):
    """The Host header values answered: each name with the port, and alone on port 80 (where
    browsers leave the port out). IPv6 addresses are bracketed, as in a URL."""
    names = [f"[{n}]" if ":" in n and not n.startswith("[") else n for n in names]
    return {f"{n.lower()}:{port}" for n in names} | ({n.lower() for n in names} if port == 80
                                                     else set())


class App:
    """What every request handler shares: the catalog, the sandbox, the upstreams, the log, and
    the Host headers answered (set once the port is known)."""

    def __init__(self, catalog, sandbox, upstreams, quiet=False, header_timeout=10.0,
                 log=sys.stderr):
        self.catalog = catalog
        self.sandbox = sandbox
        self.upstreams = {u.slug: u for u in upstreams}
        self.routes = {e.path: e for e in catalog.values()}
        self.headers = security_headers(u.origin for u in upstreams)
        self.gzip = GzipCache()
        self.quiet = quiet
        self.header_timeout = header_timeout
        self.hosts = set()
        self._log = log
        self._log_lock = threading.Lock()

    def log(self, line):
        with self._log_lock:
            self._log.write(line + "\n")
            self._log.flush()


# =============================================================================================
# [SECTION] Static files

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>invitekit</title>
<h1>invitekit</h1>
<p>The admin page is not built yet: <code>{directory}</code> does not exist.</p>
<p>Run <code>make serve</code> from the project's folder: it builds the page and starts this
server again.</p>
{sandbox}
"""
NOT_BUILT_SANDBOX = """<p>Meanwhile the sandbox API is up: see
<a href="/sandbox/credentials">its keys</a> and <a href="/sandbox/state">its state</a>.</p>"""


class GzipCache:
    """Compressed static files by (path, mtime, size), so each is compressed once."""

    def __init__(self, limit=GZIP_CACHE_BYTES):
        self._items = {}
        self._size = 0
        self._limit = limit
        self._lock = threading.Lock()

    def get(self, path, stat, data):
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            found = self._items.get(key)
        if found is not None:
            return found
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        with self._lock:
            if self._size + len(packed) > self._limit:
                self._items.clear()
                self._size = 0
            self._items[key] = packed
            self._size += len(packed)
        return packed


def accepts_gzip(header):
    """True when an Accept-Encoding header allows gzip: named, or through "*", without q=0."""
    allowed = {}
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = params.replace(" ", "").lower()
        allowed[name.strip().lower()] = not re.fullmatch(r"q=0(\.0*)?", q)
    return allowed.get("gzip", allowed.get("*", False))


# =============================================================================================
# [SECTION] Proxy

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailer", "transfer-encoding", "upgrade", "content-length", "set-cookie", "date",
              "server"}


class ProxyError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class Upstream:
    """A real API the page can reach through /proxy/<slug>/: only its documented paths go out,
    with the method, body, content type and the endpoint's own credential headers."""

    def __init__(self, family, base_url, catalog, timeout):
        self.family = family
        self.slug = family_slug(family)
        parts = urlsplit(base_url)
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.base_path = parts.path.rstrip("/")
        self.timeout = timeout
        self.endpoints = {e.path: e for e in catalog.values() if e.family == family}

    def url(self, path):
        return self.origin + self.base_path + path

    def forward(self, endpoint, headers, body):
        """Sends one call upstream; returns (status, [(name, value)], body) or raises
        ProxyError (502 unreachable or bad answer, 504 no answer in time)."""
        sent = {"Content-Type": headers.get("content-type", endpoint.content_type),
                "Accept": headers.get("accept", "application/json"),
                "Accept-Encoding": "identity",
                "User-Agent": "invitekit-serve"}
        for name in endpoint.credential_headers():
            if headers.get(name) is not None:
                sent[name] = headers[name]
        if self.scheme == "https":
            conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                               context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        url = self.url(endpoint.path)
        try:
            conn.request(endpoint.method, self.base_path + endpoint.path, body=body,
                         headers=sent)
            response = conn.getresponse()
            data = response.read(MAX_UPSTREAM_BODY + 1)
        except TimeoutError:
            raise ProxyError(504, f"The upstream {url} did not answer within "
                                  f"{self.timeout:g} s.") from None
        except (OSError, http.client.HTTPException) as e:
            reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
            raise ProxyError(502, f"Could not get an answer from the upstream {url}: "
                                  f"{reason}.") from None
        finally:
            conn.close()
        if len(data) > MAX_UPSTREAM_BODY:
            raise ProxyError(502, f"The upstream {url} answered with more than "
                                  f"{MAX_UPSTREAM_BODY // (1024 * 1024)} MiB.")
        kept = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
        return response.status, kept, data


# =============================================================================================
# [SECTION] Reading requests: deadline, framing, host, origin
#
# What a browser attack or a confused proxy in front sends is refused before any route runs:
# - a request's line and headers must arrive within --header-timeout, whole (http.server's own
#   timeout restarts at every byte, so a client sending a byte at a time would hold a thread);
# - its framing must be readable one way only (one Content-Length of ASCII digits, no
#   Transfer-Encoding, no CR, LF or NUL inside a header value, every line "name: value"), or it
#   is refused with the connection: what follows it is never read as another request;
# - its Host must be one this server is reached by, or a page on a rebound name could use it;
# - and one that changes something must come from this server's own page or from a program.

FORBIDDEN_IN_VALUES = re.compile(r"[\r\n\x00]")  # left by obs-fold or a bare CR inside a value
ONE_ONLY = ("Host", "Content-Length", "Transfer-Encoding", "Origin")


class DeadlineReader(socket.SocketIO):
    """A connection's reading side with an optional deadline for a run of reads (a request's
    headers) on top of the timeout for each read."""

    def __init__(self, sock, timeout):
        super().__init__(sock, "rb")
        self.timeout = timeout
        self.deadline = None

    def readinto(self, buffer):
        timeout = self.timeout
        if self.deadline is not None:
            timeout = min(timeout, self.deadline - time.monotonic())
            if timeout <= 0:
                raise TimeoutError("the request's headers did not arrive in time")
        self._sock.settimeout(timeout)
        return super().readinto(buffer)


def framing_problem(headers):
    """Why a request cannot be read one way only, as (status, one-line reason), or None."""
    for name, value in headers.items():
        if FORBIDDEN_IN_VALUES.search(value):
            return 400, (f"The {name[:60]} header holds a line break or NUL (a folded or split "
                         "header); send each header on one line.")
    if headers.defects or headers.get_payload():
        return 400, "A header line is not 'Name: value' (no colon, or a space before it)."
    for name in ONE_ONLY:
        if len(headers.get_all(name) or ()) > 1:
            return 400, f"The request has more than one {name} header."
    if headers.get("transfer-encoding") is not None:
        if headers.get("content-length") is not None:
            return 400, "The request has both a Transfer-Encoding and a Content-Length."
        return 411, "Send the body with a Content-Length; chunked bodies are not accepted."
    length = headers.get("content-length")
    if length is not None and not re.fullmatch(r"[0-9]+", length.strip(" \t")):
        return 400, "The Content-Length is not a number (ASCII digits only)."
    return None


def cross_site_refusal(headers):
    """Why a request that changes something may have come from another site's page in the
    user's browser (a form or a no-cors fetch needs no preflight), or None. Browsers send
    Origin with every such request, same-origin ones included; a program sends no Origin but
    a header no other site's page can send without a CORS preflight, which is never granted
    here: the JSON Content-Type every API call has, or X-Requested-With."""
    origin = headers.get("origin")
    if origin is not None:
        if origin.lower() == "http://" + headers.get("host", "").lower():
            return None
        return "Cross-site request refused: this server only answers its own page."
    media_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "application/json" or headers.get("x-requested-with") is not None:
        return None
    return ("Cross-site request refused: a request that changes something needs this page's "
            "Origin or, from a program, Content-Type: application/json or an X-Requested-With "
            "header.")


# =============================================================================================
# [SECTION] Request handler

class InviteKitHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from `directory`, the sandbox, the proxy. One log line per request."""

    server_version = "invitekit-serve/0.1"
    protocol_version = "HTTP/1.1"   # keep-alive: every response carries a Content-Length
    timeout = 60                    # a client that stalls mid-request is dropped
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript",
                      ".mjs": "text/javascript", ".json": "application/json",
                      ".map": "application/json", ".svg": "image/svg+xml",
                      ".woff2": "font/woff2", ".ttf": "font/ttf"}

    def __init__(self, *args, app, **kwargs):
        self.app = app
        self._started = time.monotonic()
        self._answered = False
        self._unread = 0          # body bytes announced and not read yet
        self._keep_alive = False  # what the client asked for, once its body is read
        super().__init__(*args, **kwargs)

    # -- reading a request: see [SECTION] Reading requests -------------------------------

    def setup(self):
        super().setup()
        self.rfile.close()
        self._reader = DeadlineReader(self.connection, self.timeout)
        self.rfile = io.BufferedReader(self._reader)

    def handle_one_request(self):
        # One deadline for the wait and the request line and headers: it also closes a
        # keep-alive connection left idle that long.
        self.server.await_request(self.request)
        self._reader.deadline = time.monotonic() + self.app.header_timeout
        super().handle_one_request()

    def parse_request(self):
        self._started = time.monotonic()
        parsed = super().parse_request()
        self._reader.deadline = None
        if not parsed:
            return False
        if not self.server.start_answering(self.request):
            self.close_connection = True  # made room for a new connection while it waited
            return False
        problem = framing_problem(self.headers)
        if problem:
            self.send_error(*problem)
            return False
        length = self.headers.get("content-length")
        self._unread = int(length) if length else 0
        self._keep_alive = not self.close_connection
        # Until a route reads the body, the bytes after the headers are not a request.
        self.close_connection = self.close_connection or self._unread > 0
        return True

    # -- logging: method, path (no query), status, time; never a header ------------------

    def log_request(self, code="-", size="-"):
        if self.app.quiet:
            return
        path = urlsplit(getattr(self, "path", "") or "").path[:300] or "-"
        path = CONTROL_CHARS.sub(lambda m: f"\\x{ord(m.group()):02x}", path)
        ms = (time.monotonic() - self._started) * 1000
        status = code.value if hasattr(code, "value") else code
        self.app.log(f"{time.strftime('%H:%M:%S')} {self.client_address[0]} "
                     f"{getattr(self, 'command', None) or '-'} {path} {status} {ms:.1f}ms")

    def log_error(self, format, *args):
        if format.startswith(("code ", "Request timed out")):
            return  # send_error(): log_request() reports the status; a timeout: idle or too slow
        self.app.log(f"{time.strftime('%H:%M:%S')} {self.client_address[0]} " + (format % args))

    # -- responses -----------------------------------------------------------------------

    def send_error(self, code, message=None, explain=None):
        """http.server's own errors (bad request line, unsupported method) as JSON."""
        self.close_connection = True
        self._send(code, {"success": False,
                          "message": message or http.HTTPStatus(code).phrase})

    def _send(self, status, body, content_type="application/json", headers=()):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode("utf-8")
        self._answered = True
        self.send_response(status)
        names = {name.lower() for name, _ in headers}
        for name, value in self.app.headers + list(headers):
            self.send_header(name, value)
        if "cache-control" not in names:
            self.send_header("Cache-Control", "no-store")
        if status != 304:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.wfile.write(body)

    def _read_body(self):
        """The request body, or None after answering 413 for one it will not read (parse_request
        has refused every other framing it could not read one way only)."""
        if self._unread > MAX_BODY:  # the body stays unread, so the connection goes
            self._send(413, {"success": False,
                             "message": f"The body is {self._unread} bytes; the limit is "
                                        f"{MAX_BODY} bytes (1 MiB)."})
            return None
        data = self.rfile.read(self._unread)
        if len(data) == self._unread:
            self.close_connection = not self._keep_alive
        self._unread = 0
        return data

    # -- routing -------------------------------------------------------------------------

    def do_GET(self):
        self._route()

    def do_HEAD(self):
        self._route()

    def do_POST(self):
        self._route()

    def do_PUT(self):
        self._route()

    def do_PATCH(self):
        self._route()

    def do_DELETE(self):
        self._route()

    def _route(self):
        self._answered = False
        try:
            self._dispatch()
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client went away; nobody to answer
        except Exception as e:  # a bug: say so in one line, answer 500, keep serving
            self.app.log(f"{time.strftime('%H:%M:%S')} error in {self.command} "
                         f"{urlsplit(self.path).path}: {type(e).__name__}: {e}")
            self.close_connection = True
            if not self._answered:
                self._send(500, {"success": False, "message": "serve.py failed on this request; "
                                 "its log says why."})

    def _dispatch(self):
        path = urlsplit(self.path).path
        app, method = self.app, self.command
        host = self.headers.get("host")
        if host is None or not self.path.startswith("/"):  # a proxy's absolute URL names a host
            return self._send(400, {"success": False, "message": "Send a path and a Host header "
                                    "(GET /page HTTP/1.1, Host: 127.0.0.1:8000)."})
        if host.lower() not in app.hosts:
            known = ", ".join(sorted(app.hosts))
            return self._send(421, {"success": False, "message":
                                    f"This server answers as {known}, not as {host[:100]!r} "
                                    "(serve.py --allow-host NAME adds a name)."})
        refusal = method not in ("GET", "HEAD") and cross_site_refusal(self.headers)
        if refusal:
            return self._send(403, {"success": False, "message": refusal})
        if path.startswith("/proxy/"):
            slug, _, rest = path[len("/proxy/"):].partition("/")
            return self._proxy(slug, "/" + rest)
        if path.startswith("/sandbox/") or path in app.routes:
            if app.sandbox is None:
                return self._send(404, {"success": False, "message": "The sandbox is off "
                                        "(serve.py was started with --no-sandbox)."})
            if path in app.routes:
                return self._sandbox_call(app.routes[path])
            return self._sandbox_admin(path, method)
        if method not in ("GET", "HEAD"):
            return self._send(405, {"success": False, "message": f"{method} is not allowed here."},
                              headers=[("Allow", "GET, HEAD")])
        return self._static(path)

    def _sandbox_call(self, endpoint):
        if self.command != endpoint.method:
            return self._send(405, {"success": False,
                                    "message": f"Use {endpoint.method} for {endpoint.path}."},
                              headers=[("Allow", endpoint.method)])
        data = self._read_body()
        if data is not None:
            status, body, headers = self.app.sandbox.handle(endpoint, self.headers, data)
            self._send(status, body, headers=headers)

    def _sandbox_admin(self, path, method):
        db = self.app.sandbox.db
        pages = {"/sandbox/credentials": ("GET", db.credentials),
                 "/sandbox/state": ("GET", db.state),
                 "/sandbox/reset": ("POST", None)}
        if path not in pages:
            return self._send(404, {"success": False, "message": f"No such page: {path}"})
        allowed = pages[path][0]
        if method != allowed and not (method == "HEAD" and allowed == "GET"):
            return self._send(405, {"success": False, "message": f"Use {allowed} for {path}."},
                              headers=[("Allow", allowed)])
        if path == "/sandbox/reset":
            if self._read_body() is None:
                return None
            db.reset()
            return self._send(200, {"success": True, "message": "The sandbox state was cleared; "
                                    "its organization, websites, groups and keys stay."})
        return self._send(200, pages[path][1]())

    def _proxy(self, slug, rest):
        upstream = self.app.upstreams.get(slug)
        if upstream is None:
            return self._send(404, {"success": False, "message":
                                    f"No upstream is configured for '{slug}': start serve.py "
                                    f"with --upstream-{slug} URL to reach the real API."})
        endpoint = upstream.endpoints.get(rest)
        if endpoint is None:
            documented = ", ".join(sorted(upstream.endpoints))
            return self._send(404, {"success": False, "message":
                                    f"Only the documented paths are forwarded ({documented}); "
                                    f"{rest} is not one of them."})
        if self.command != endpoint.method:
            return self._send(405, {"success": False,
                                    "message": f"Use {endpoint.method} for {endpoint.path}."},
                              headers=[("Allow", endpoint.method)])
        data = self._read_body()
        if data is None:
            return None
        try:
            status, headers, body = upstream.forward(endpoint, self.headers, data)
        except ProxyError as e:
            return self._send(e.status, {"success": False, "message": str(e)})
        content_type = next((v for k, v in headers if k.lower() == "content-type"),
                            "application/octet-stream")
        return self._send(status, body, content_type,
                          [(k, v) for k, v in headers if k.lower() != "content-type"])

    def _static(self, path):
        root = Path(self.directory)
        if not root.is_dir():
            if path not in ("/", "/index.html"):
                return self._send(404, {"success": False, "message": f"Not found: {path}"})
            sandbox = NOT_BUILT_SANDBOX if self.app.sandbox is not None else ""
            page = NOT_BUILT_PAGE.format(directory=self.directory, sandbox=sandbox)
            return self._send(200, page.encode("utf-8"), "text/html; charset=utf-8",
                              [("Cache-Control", "no-cache")])
        # translate_path() drops ".." and "." segments; realpath() also catches symlinks out.
        translated = self.translate_path(self.path)
        file = Path(os.path.realpath(translated)) if "\x00" not in translated else None
        real_root = Path(os.path.realpath(root))
        if file is None or (file != real_root and real_root not in file.parents):
            return self._send(404, {"success": False, "message": f"Not found: {path}"})
        if file.is_dir():
            if not path.endswith("/"):
                return self._send(301, b"", "text/plain", [("Location", path + "/")])
            file = file / "index.html"
        if not file.is_file():
            return self._send(404, {"success": False, "message": f"Not found: {path}"})
        stat = file.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        content_type = self.guess_type(str(file))
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        compressible = bool(COMPRESSIBLE.match(content_type))
        headers = [("ETag", etag), ("Last-Modified", formatdate(stat.st_mtime, usegmt=True)),
                   ("Cache-Control", IMMUTABLE if HASHED_NAME.search(file.name) else "no-cache")]
        if compressible:
            headers.append(("Vary", "Accept-Encoding"))
        if etag in [t.strip() for t in self.headers.get("if-none-match", "").split(",")]:
            return self._send(304, b"", content_type, headers)
        data = file.read_bytes()
        if (compressible and len(data) >= GZIP_MIN_SIZE
                and accepts_gzip(self.headers.get("accept-encoding"))):
            data = self.app.gzip.get(str(file), stat, data)
            headers.append(("Content-Encoding", "gzip"))
        return self._send(200, data, content_type, headers)


class Server(http.server.ThreadingHTTPServer):
    """One thread per connection, at most `max_connections` of them. At the cap, a new
    connection takes the place of the one that has waited longest for its next request (an
    idle keep-alive or a slow client), if that is over a second (a connection just accepted
    has not had time to send one); otherwise it gets a 503."""

    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections when 50 clients arrive at once
    BUSY_BODY = b'{"success": false, "message": "Every connection is busy; try again in a second."}'
    BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            b"Retry-After: 1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s"
            % (len(BUSY_BODY), BUSY_BODY))

    def __init__(self, address, handler, max_connections):
        self.max_connections = max_connections
        self._waiting_since = {}  # open connection → when it began to wait, None while answered
        self._lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        with self._lock:
            admitted = len(self._waiting_since) < self.max_connections or self._make_room()
            if admitted:
                self._waiting_since[request] = time.monotonic()
        if not admitted:
            with contextlib.suppress(OSError):
                request.sendall(self.BUSY)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def _make_room(self):
        idle_since = time.monotonic() - 1.0
        waiting = [(since, conn) for conn, since in self._waiting_since.items()
                   if since is not None and since <= idle_since]
        if not waiting:
            return False
        _, longest = min(waiting, key=lambda entry: entry[0])
        del self._waiting_since[longest]
        with contextlib.suppress(OSError):
            longest.shutdown(socket.SHUT_RDWR)  # its thread's read ends; it closes and exits
        return True

    def await_request(self, conn):
        with self._lock:
            if conn in self._waiting_since:
                self._waiting_since[conn] = time.monotonic()

    def start_answering(self, conn):
        """False when the connection was closed to make room while it waited."""
        with self._lock:
            if conn not in self._waiting_since:
                return False
            self._waiting_since[conn] = None
            return True

    def shutdown_request(self, request):
        with self._lock:
            self._waiting_since.pop(request, None)
        super().shutdown_request(request)


# =============================================================================================
# [SECTION] Command line

def upstream_url(text):
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or \
            parts.fragment or parts.username or parts.password:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an http(s) base URL like https://api.example.com")
    try:
        parts.port
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r}: {e}") from None
    return text


def positive_seconds(text):
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("the timeout must be more than 0 seconds")
    return value


def positive_count(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("the count must be 1 or more")
    return value


def milliseconds(text):
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("the latency cannot be negative")
    return value


def fraction(text):
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("the rate is a fraction from 0 to 1, e.g. 0.1")
    return value


def build_parser(catalog):
    parser = argparse.ArgumentParser(
        description="Serve the invitekit admin page with a sandbox of the invite APIs and, "
                    "optionally, a proxy to the real ones (so the page needs no CORS).")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind; 0.0.0.0 exposes the sandbox and proxy to your "
                             "network (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one "
                                                               "(default: %(default)s)")
    parser.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                        help="also answer requests addressed to NAME (with the port), e.g. this "
                             "machine's name when --host exposes it; 127.0.0.1, localhost, [::1] "
                             "and --host are always answered, any other name gets 421, so a "
                             "page on a rebound DNS name cannot use this server; repeatable "
                             "(default: none)")
    parser.add_argument("--header-timeout", type=positive_seconds, default=10.0,
                        metavar="SECONDS",
                        help="a client has this long to send a request's line and headers (an "
                             "idle connection is closed after it too) (default: %(default)s)")
    parser.add_argument("--max-connections", type=positive_count, default=256, metavar="N",
                        help="open connections at most; beyond it a new one replaces the one "
                             "that has waited longest for a request (default: %(default)s)")
    parser.add_argument("--directory", default="web/dist",
                        help="the built admin page; a relative path is taken from serve.py's "
                             "folder (default: %(default)s)")
    parser.add_argument("--db", default=".invitekit/sandbox.db", metavar="PATH|:memory:",
                        help="the sandbox's SQLite database, created and seeded when missing; "
                             "relative to serve.py's folder; :memory: for a throwaway run "
                             "(default: %(default)s)")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="do not serve the sandbox API (default: %(default)s)")
    traffic = parser.add_argument_group(
        "sandbox traffic", "what a batch meets on a real network, for the invite endpoints only")
    traffic.add_argument("--latency", type=milliseconds, default=0, metavar="MS",
                         help="wait MS milliseconds before answering each call "
                              "(default: %(default)s)")
    traffic.add_argument("--rate-limit", type=positive_count, metavar="N",
                         help="at most N calls per key in any second; beyond it 429 with "
                              "Retry-After (default: off)")
    traffic.add_argument("--fail-rate", type=fraction, default=0.0, metavar="P",
                         help="answer this fraction of calls (0 to 1) with 503, before doing "
                              "anything (default: %(default)s)")
    traffic.add_argument("--fail-streak", type=positive_count, metavar="N",
                         help="with --fail-rate: fail the same call (key and body) at most N "
                              "times running, so a client that retries more often always gets "
                              "through (default: no limit)")
    for family in sorted({e.family for e in catalog.values()}):
        first = min((e for e in catalog.values() if e.family == family), key=lambda e: e.path)
        slug = family_slug(family)
        parser.add_argument(f"--upstream-{slug}", type=upstream_url, metavar="URL",
                            dest=f"upstream_{family}",
                            help=f"forward this API's documented paths to URL under "
                                 f"/proxy/{slug}/ (POST /proxy/{slug}{first.path} → "
                                 f"URL{first.path}); the docs' URL is "
                                 f"{first.doc['defaultBaseUrl']} (default: %(default)s)")
    parser.add_argument("--upstream-timeout", type=positive_seconds, default=30.0,
                        metavar="SECONDS", help="how long to wait for an upstream before "
                                                "answering 504 (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true",
                        help="no log line per request (default: %(default)s)")
    return parser


def print_banner(url, args, sandbox, upstreams):
    out = [f"invitekit: serving {url} (admin page from {args.directory})"]
    if sandbox is not None:
        c = sandbox.db.credentials()
        out += [f"Sandbox API at {url} (database {args.db}). Its fake, local credentials:",
                f"  AthenaHQ global API key         {c['athena']['globalApiKey']}",
                f"  AthenaHQ website API key        {c['athena']['websiteApiKey']}"
                f"  (website {c['athena']['websiteId']})",
                f"  users-organizations bearer      {c['usersOrganizations']['bearerToken']}",
                f"  users-organizations session     {c['usersOrganizations']['sessionToken']}",
                f"  websites  {', '.join(c['websites'])}",
                f"  groups    {', '.join(c['groups'])}"]
        if sandbox.traffic.describe():
            out.append(f"Sandbox traffic: {sandbox.traffic.describe()}.")
    else:
        out.append("Sandbox API: off (--no-sandbox).")
    for u in upstreams:
        for path in sorted(u.endpoints):
            out.append(f"Proxy: {url.rstrip('/')}/proxy/{u.slug}{path} -> {u.url(path)}")
    out.append("Press Ctrl+C to stop.")
    print("\n".join(out), flush=True)


def main(argv=None):
    catalog = load_catalog()
    args = build_parser(catalog).parse_args(argv)
    directory = ROOT / args.directory  # an absolute path stays as it is
    db = args.db if args.db == ":memory:" else str(ROOT / args.db)
    try:
        traffic = Traffic(args.latency, args.rate_limit, args.fail_rate, args.fail_streak)
        sandbox = None if args.no_sandbox else Sandbox(db, catalog, traffic)
    except (OSError, sqlite3.Error) as e:
        sys.exit(f"serve.py: cannot open the sandbox database {args.db}: {e}")
    upstreams = [Upstream(family, getattr(args, f"upstream_{family}"), catalog,
                          args.upstream_timeout)
                 for family in sorted({e.family for e in catalog.values()})
                 if getattr(args, f"upstream_{family}")]
    app = App(catalog, sandbox, upstreams, quiet=args.quiet, header_timeout=args.header_timeout)
    handler = functools.partial(InviteKitHandler, app=app, directory=str(directory))
    Server.address_family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        server = Server((args.host, args.port), handler, args.max_connections)
    except OSError as e:
        sys.exit(f"serve.py: cannot listen on {args.host}:{args.port}: {e.strerror}")
    host, port = server.server_address[:2]
    app.hosts = host_headers([*LOOPBACK_NAMES, args.host, *args.allow_host], port)
    shown = f"[{host}]" if ":" in host else host
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops as quietly as Ctrl+C
    try:
        print_banner(f"http://{shown}:{port}/", args, sandbox, upstreams)
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.", flush=True)
    finally:
        server.server_close()
        if sandbox is not None:
            sandbox.db.close()


if __name__ == "__main__":
    main()
