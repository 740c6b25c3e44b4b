"""The proxy: documented paths only, with method, body and auth headers; upstream answers passed
back as they are; 502/504 with a clear message when the upstream fails."""

import http.server
import json
import socket
import threading
import time

import pytest

from conftest import host, raw_exchange

ATHENA = "/proxy/athena/api/v1/invites"
USERS = "/proxy/users-organizations/users-organizations/v1/ad/invite"


class FakeUpstream:
    """A local http.server playing the real API; it records what reaches it."""

    def __init__(self, delay=0.0, hang_up=False):
        self.seen = []
        upstream = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                upstream.seen.append((self.command, self.path, dict(self.headers.items()), body))
                if hang_up:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                time.sleep(delay)
                reply = json.dumps({"success": False, "message": "Invalid API key"}).encode()
                self.send_response(401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Retry-After", "7")
                self.send_header("Set-Cookie", "session=upstream")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def upstream():
    fake = FakeUpstream()
    yield fake
    fake.close()


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_forwards_method_body_and_auth_headers_and_returns_the_upstream_answer(
        start_server, upstream):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url + "/base/")
    body = b'{"type": "organization", "invite_method": "direct", "email": "u@example.com"}'
    r = server.post(ATHENA, body, headers={"x-api-key": "real-key-123",
                                           "Content-Type": "application/json",
                                           "Cookie": "mine=1", "X-Other": "no"})
    assert (r.status, r.json()) == (401, {"success": False, "message": "Invalid API key"})
    assert r.headers["retry-after"] == "7" and r.headers["content-type"] == "application/json"
    assert "set-cookie" not in r.headers  # the upstream must not set cookies on this origin
    assert "content-security-policy" in r.headers
    [(method, path, headers, sent)] = upstream.seen
    assert (method, path, sent) == ("POST", "/base/api/v1/invites", body)
    headers = {k.lower(): v for k, v in headers.items()}
    assert headers["x-api-key"] == "real-key-123"
    assert headers["content-type"] == "application/json"
    assert "cookie" not in headers and "x-other" not in headers


def test_forwards_both_users_organizations_credentials(start_server, upstream):
    server = start_server("--db", ":memory:", "--upstream-users-organizations",
                          upstream.url + "/main")
    server.post(USERS, b"{}", headers={"Authorization": "Bearer tok", "x-session-token": "ses",
                                       "content-type": "application/json"})
    [(_, path, headers, _)] = upstream.seen
    assert path == "/main/users-organizations/v1/ad/invite"
    assert headers["Authorization"] == "Bearer tok" and headers["x-session-token"] == "ses"


@pytest.mark.parametrize("path", ["/proxy/athena/api/v1/other", "/proxy/athena/",
                                  "/proxy/athena/users-organizations/v1/ad/invite",
                                  "/proxy/athena/api/v1/invites/../../admin"])
def test_only_documented_paths_are_forwarded(start_server, upstream, path):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url)
    r = server.post(path, b"{}", headers={"content-type": "application/json"})
    assert r.status == 404 and upstream.seen == []


def test_wrong_method_is_not_forwarded(start_server, upstream):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url)
    assert server.get(ATHENA).status == 405 and upstream.seen == []


def test_an_api_without_upstream_is_not_forwarded(start_server, upstream):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url)
    r = server.post(USERS, b"{}", headers={"content-type": "application/json"})
    assert r.status == 404 and "--upstream-users-organizations" in r.json()["message"]
    assert upstream.seen == []


def test_sandbox_still_answers_beside_the_proxy(start_server, upstream):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url)
    key = server.get("/sandbox/credentials").json()["athena"]["globalApiKey"]
    r = server.post("/api/v1/invites", b'{"type": "organization", "invite_method": "direct", '
                    b'"email": "u@example.com"}',
                    headers={"x-api-key": key, "content-type": "application/json"})
    assert r.status == 200 and upstream.seen == []


def test_upstream_down_is_502(start_server):
    server = start_server("--db", ":memory:", "--upstream-athena",
                          f"http://127.0.0.1:{closed_port()}")
    r = server.post(ATHENA, b"{}", headers={"content-type": "application/json"})
    assert r.status == 502
    assert r.json()["success"] is False and "upstream" in r.json()["message"]


def test_upstream_hanging_up_is_502(start_server):
    fake = FakeUpstream(hang_up=True)
    try:
        server = start_server("--db", ":memory:", "--upstream-athena", fake.url)
        r = server.post(ATHENA, b"{}", headers={"content-type": "application/json"})
        assert r.status == 502 and len(fake.seen) == 1
    finally:
        fake.close()


def test_slow_upstream_is_504_after_the_timeout(start_server):
    fake = FakeUpstream(delay=3)
    try:
        server = start_server("--db", ":memory:", "--upstream-athena", fake.url,
                              "--upstream-timeout", "0.5")
        started = time.monotonic()
        r = server.post(ATHENA, b"{}", headers={"content-type": "application/json"})
        assert r.status == 504 and "0.5 s" in r.json()["message"]
        assert time.monotonic() - started < 2.5
    finally:
        fake.close()


def test_oversized_body_is_refused_before_forwarding(start_server, upstream):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url)
    r = server.post(ATHENA, b"x" * (1024 * 1024 + 1), headers={"content-type": "application/json"})
    assert r.status == 413 and upstream.seen == []


@pytest.mark.parametrize("url", ["ftp://example.com", "example.com", "https://x.com/?a=1",
                                 "https://user:pw@x.com"])
def test_upstream_must_be_an_http_base_url(start_server, url):
    with pytest.raises(RuntimeError, match="not an http"):
        start_server("--upstream-athena", url)


def test_banner_shows_where_each_path_goes(start_server, upstream):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url)
    assert f"/proxy/athena/api/v1/invites -> {upstream.url}/api/v1/invites" in server.banner


@pytest.mark.parametrize("value", [b"real-key\r\n X-Injected: yes", b"real-key\r\n\tmore",
                                   b"real\x00key", b"real\rkey"])
def test_a_folded_or_split_credential_is_400_and_never_forwarded(start_server, upstream, value):
    server = start_server("--db", ":memory:", "--upstream-athena", upstream.url)
    reply = raw_exchange(server, b"POST " + ATHENA.encode() + b" HTTP/1.1\r\nHost: " +
                         host(server).encode() + b"\r\nContent-Type: application/json\r\n"
                         b"x-api-key: " + value + b"\r\nContent-Length: 2\r\n"
                         b"Connection: close\r\n\r\n{}")
    assert reply.startswith(b"HTTP/1.1 400"), reply
    assert upstream.seen == []
