"""Fixtures for the serve.py suite: the real serve.py in a subprocess on a free port, and a small
HTTP client that sends exactly what a test says (no redirects, no header rewriting)."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # the sandbox package, for the in-process tests
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # {lower-case name: value}
        self.body = body

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<Response {self.status} {self.body[:300]!r}>"


class Server:
    """serve.py started with `args`; stop() ends it with Ctrl+C and returns its output."""

    def __init__(self, tmp_path, *args):
        self.stderr_path = tmp_path / f"serve-stderr-{os.getpid()}-{id(self)}.log"
        self._stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen([PYTHON, str(ROOT / "serve.py"), "--port", "0", *args],
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=self._stderr,
                                     stdin=subprocess.DEVNULL)
        self.banner = []
        for line in self.proc.stdout:
            line = line.decode()
            self.banner.append(line)
            if line.startswith("Press Ctrl+C"):
                break
        else:
            self._stderr.close()
            raise RuntimeError("serve.py did not start: " + self.stderr_path.read_text())
        self.banner = "".join(self.banner)
        url = self.banner.split("serving ", 1)[1].split()[0]
        self.url = url
        self.host, port = url[len("http://"):].rstrip("/").rsplit(":", 1)
        self.port = int(port)

    def request(self, method, path, body=None, headers=None, timeout=30):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            headers = {"content-type": "application/json", **(headers or {})}
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def stderr(self):
        if not self._stderr.closed:
            self._stderr.flush()
        return self.stderr_path.read_text()

    def stop(self):
        """Ctrl+C, as a user would; returns (exit code, rest of stdout). Safe to call twice."""
        rest = ""
        try:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGINT)
            if not self.proc.stdout.closed:
                rest = self.proc.stdout.read().decode()
            code = self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:  # never leave a server behind, whatever happened
                self.proc.kill()
                self.proc.wait()
            self.proc.stdout.close()
            self._stderr.close()
        return code, rest


def raw_exchange(server, data):
    """Sends bytes exactly as written (http.client would not send some requests the tests
    need) and reads until the server closes the connection."""
    with socket.create_connection((server.host, server.port), timeout=10) as s:
        s.sendall(data)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    return reply


def host(server):
    """The Host header a browser sends to `server` (127.0.0.1:<port>)."""
    return f"{server.host}:{server.port}"


def raw_request(server, method, path, headers=(), body=b""):
    """One request built by hand, with exactly `headers` ([(name, value)], Host included when
    wanted) and Connection: close; returns (status, the whole reply in bytes)."""
    lines = [f"{method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in headers),
             f"Content-Length: {len(body)}", "Connection: close"]
    reply = raw_exchange(server, "\r\n".join(lines).encode("latin-1") + b"\r\n\r\n" + body)
    return int(reply.split(b" ", 2)[1]), reply


# A program (curl, the CLI, these tests) shows it is not another site's page in the browser with
# a header such a page cannot send without a CORS preflight; serve.py never grants one.
PROGRAM = {"X-Requested-With": "invitekit-tests"}


@pytest.fixture
def start_server(tmp_path):
    """start_server(*args) → a running Server, stopped at the end of the test."""
    started = []

    def start(*args):
        server = Server(tmp_path, *args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


DIST_FILES = {
    "index.html": b"<!doctype html><title>invitekit</title>" + b"<p>page</p>" * 100,
    "app.js": b"console.log('invitekit');\n" * 100,
    "invitekit-admin.3f2a9c1b.wasm": b"\0asm\x01\0\0\0" + bytes(range(256)) * 8,
    "style.css": b"body{margin:0}",
    "sub/index.html": b"<!doctype html><title>sub</title>",
}


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    """A stand-in for web/dist (the real page is another issue's build output)."""
    root = tmp_path_factory.mktemp("dist")
    for name, data in DIST_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root.parent / "secret.txt").write_text("outside the served folder")
    return root


@pytest.fixture(scope="session")
def shared(tmp_path_factory, dist):
    """One server for the tests that reset the sandbox between them."""
    server = Server(tmp_path_factory.mktemp("shared"), "--db", ":memory:", "--directory", str(dist))
    yield server
    server.stop()


@pytest.fixture
def sandbox(shared):
    """The shared server with a freshly reset sandbox; .creds holds its seeded credentials."""
    assert shared.post("/sandbox/reset", headers=PROGRAM).status == 200
    shared.creds = shared.get("/sandbox/credentials").json()
    return shared


def athena(server, path, body, key=None):
    """POST an AthenaHQ call with the sandbox's global key unless `key` says otherwise."""
    key = server.creds["athena"]["globalApiKey"] if key is None else key
    headers = {"x-api-key": key} if key else {}
    return server.post(path, json.dumps(body).encode(),
                       headers={**headers, "content-type": "application/json"})


def users_orgs(server, body, bearer=None, session=None, content_type="application/json"):
    creds = server.creds["usersOrganizations"]
    headers = {"Authorization": f"Bearer {bearer or creds['bearerToken']}",
               "x-session-token": session or creds["sessionToken"],
               "content-type": content_type, **PROGRAM}
    return server.post("/users-organizations/v1/ad/invite",
                       json.dumps(body).encode(), headers=headers)
