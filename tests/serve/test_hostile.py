"""What a browser attack or a confused proxy sends, over raw sockets: another host name (DNS
rebinding), a request smuggled behind ambiguous framing, a length that is not a number, and
clients that send their headers a byte at a time."""

import re
import select
import socket
import time
from pathlib import Path

import pytest

from conftest import PROGRAM, athena, host, raw_exchange, raw_request

INVITE = "/api/v1/invites"
ORG_DIRECT = {"type": "organization", "invite_method": "direct", "email": "kept@example.com"}


def users(server):
    return [u["email"] for u in server.get("/sandbox/state").json()["users"]]


# -- DNS rebinding: only the names this server is reached by -------------------------------

@pytest.mark.parametrize("method,path", [("GET", "/sandbox/credentials"), ("GET", "/"),
                                         ("GET", "/app.js"), ("GET", "/sandbox/state"),
                                         ("POST", "/sandbox/reset"), ("POST", INVITE),
                                         ("POST", "/proxy/athena/api/v1/invites")])
def test_a_rebound_host_name_gets_421_on_every_route(sandbox, method, path):
    # evil.example's page, its name rebound to 127.0.0.1: its requests carry its own Host and
    # a matching Origin, so comparing the two proves nothing.
    assert athena(sandbox, INVITE, ORG_DIRECT).status == 200
    status, reply = raw_request(sandbox, method, path, [("Host", "evil.example"),
                                                        ("Origin", "http://evil.example"),
                                                        ("Content-Type", "application/json")])
    assert status == 421, reply
    head, _, body = reply.partition(b"\r\n\r\n")
    assert b"evil.example" in body and b"\n" not in body.strip()  # one line that says why
    assert sandbox.creds["athena"]["globalApiKey"].encode() not in reply
    assert users(sandbox) == ["kept@example.com"]


@pytest.mark.parametrize("name", ["evil.example:{port}", "127.0.0.1", "127.0.0.1:1",
                                  "localhost.evil.example:{port}", "127.0.0.1:{port}@evil"])
def test_only_the_servers_own_names_with_its_port_are_answered(sandbox, name):
    status, _ = raw_request(sandbox, "GET", "/sandbox/credentials",
                            [("Host", name.format(port=sandbox.port))])
    assert status == 421


def test_loopback_names_and_the_bound_address_are_answered(sandbox):
    for name in ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"]:
        status, _ = raw_request(sandbox, "GET", "/sandbox/state",
                                [("Host", f"{name}:{sandbox.port}")])
        assert status == 200, name


def test_a_missing_host_is_400(sandbox):
    status, _ = raw_request(sandbox, "GET", "/sandbox/state")
    assert status == 400


def test_an_absolute_url_naming_another_host_is_400(sandbox):
    # What a proxy sends; its host would override the Host header.
    status, _ = raw_request(sandbox, "GET", "http://evil.example/sandbox/credentials",
                            [("Host", host(sandbox))])
    assert status == 400


def test_allow_host_adds_a_name(start_server):
    server = start_server("--db", ":memory:", "--allow-host", "Invitekit.Test")
    for name, expected in [("invitekit.test", 200), ("other.test", 421)]:
        status, _ = raw_request(server, "GET", "/sandbox/state",
                                [("Host", f"{name}:{server.port}")])
        assert status == expected, name


def test_a_post_with_no_origin_needs_a_header_no_other_site_can_send(sandbox):
    # A cross-site form (or a browser that leaves Origin out) sends neither of these.
    athena(sandbox, INVITE, ORG_DIRECT)
    status, reply = raw_request(sandbox, "POST", "/sandbox/reset",
                                [("Host", host(sandbox)), ("Content-Type", "text/plain")])
    assert status == 403 and b"X-Requested-With" in reply
    assert users(sandbox) == ["kept@example.com"]
    for header in [("Content-Type", "application/json"), *PROGRAM.items()]:
        status, _ = raw_request(sandbox, "POST", "/sandbox/reset",
                                [("Host", host(sandbox)), header])
        assert status == 200, header


def test_the_own_origin_is_compared_with_the_host_it_came_by(sandbox):
    for name in ["localhost", "127.0.0.1"]:
        own = f"{name}:{sandbox.port}"
        status, _ = raw_request(sandbox, "POST", "/sandbox/reset",
                                [("Host", own), ("Origin", f"http://{own}")])
        assert status == 200
    status, _ = raw_request(sandbox, "POST", "/sandbox/reset",
                            [("Host", f"localhost:{sandbox.port}"),
                             ("Origin", f"http://127.0.0.1:{sandbox.port}")])
    assert status == 403


# -- framing: a request is read one way or refused -----------------------------------------

def hidden_reset(server):
    """A reset that would run if the bytes before it were misread as a whole request."""
    return (f"POST /sandbox/reset HTTP/1.1\r\nHost: {host(server)}\r\n"
            "X-Requested-With: smuggled\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").encode()


def smuggling(server, kind):
    hidden = hidden_reset(server)
    start = f"Host: {host(server)}\r\nContent-Type: application/json\r\n"
    if kind == "two content-lengths":
        return (f"POST {INVITE} HTTP/1.1\r\n{start}Content-Length: 0\r\n"
                f"Content-Length: {len(hidden)}\r\n\r\n").encode() + hidden
    if kind == "content-length and transfer-encoding":
        return (f"POST {INVITE} HTTP/1.1\r\n{start}Content-Length: 5\r\n"
                "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n").encode() + hidden
    if kind == "a body on a GET":
        return (f"GET /app.js HTTP/1.1\r\n{start}Content-Length: {len(hidden)}\r\n\r\n"
                ).encode() + hidden
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["two content-lengths", "content-length and transfer-encoding",
                                  "a body on a GET"])
def test_nothing_after_an_ambiguous_request_is_read_as_another(sandbox, kind):
    assert athena(sandbox, INVITE, ORG_DIRECT).status == 200
    reply = raw_exchange(sandbox, smuggling(sandbox, kind))
    assert reply.count(b"HTTP/1.1 ") == 1, reply  # one answer, then the connection closed
    if kind != "a body on a GET":
        assert reply.startswith(b"HTTP/1.1 400"), reply
    assert users(sandbox) == ["kept@example.com"]


@pytest.mark.parametrize("length", [b"\xb2", b"\xd9\xa3", b"1_0", b"+10", b"-1", b"0x10", b""])
def test_a_length_that_is_not_ascii_digits_is_400(sandbox, length):
    # "\xb2" is "²" to http.server (headers are Latin-1): str.isdigit() says yes, int() no.
    reply = raw_exchange(sandbox, b"POST /api/v1/invites HTTP/1.1\r\nHost: " +
                         host(sandbox).encode() + b"\r\nContent-Type: application/json\r\n"
                         b"Content-Length: " + length + b"\r\n\r\n{}")
    assert reply.startswith(b"HTTP/1.1 400") and reply.count(b"HTTP/1.1 ") == 1, reply
    assert b"Content-Length" in reply


@pytest.mark.parametrize("line", [b"X-Note: a\x00b", b"X-Note: a\rb", b"X-Note: a\r\n folded",
                                  b"X-Note: a\r\n\tfolded", b"no colon here", b"X-Note : spaced",
                                  b"Host: evil.example"])
def test_a_malformed_or_repeated_header_is_400_and_closes(sandbox, line):
    reply = raw_exchange(sandbox, b"GET /sandbox/state HTTP/1.1\r\nHost: " +
                         host(sandbox).encode() + b"\r\n" + line + b"\r\n\r\n" +
                         hidden_reset(sandbox))
    assert reply.startswith(b"HTTP/1.1 400") and reply.count(b"HTTP/1.1 ") == 1, reply


# -- slow clients: a deadline for the headers and a cap on connections ---------------------

def open_slow_clients(server, count):
    """`count` connections that have started a request and send one more header byte now and
    then, never finishing; returns them."""
    clients = []
    for _ in range(count):
        s = socket.create_connection((server.host, server.port), timeout=5)
        s.sendall(f"GET / HTTP/1.1\r\nHost: {host(server)}\r\nX-Slow: ".encode())
        clients.append(s)
    return clients


def trickle(clients, seconds):
    """Sends a byte on every open client each half second for `seconds`; returns those the
    server has closed."""
    closed = set()
    end = time.monotonic() + seconds
    while time.monotonic() < end and len(closed) < len(clients):
        for s in clients:
            if s in closed:
                continue
            readable, _, _ = select.select([s], [], [], 0)
            try:
                if readable and s.recv(4096) == b"":
                    closed.add(s)
                    continue
                s.send(b"a")
            except OSError:
                closed.add(s)
        time.sleep(0.5)
    return closed


def timed_get(server, path="/sandbox/state"):
    started = time.monotonic()
    r = server.get(path, timeout=10)
    return r.status, time.monotonic() - started


def threads_of(server):
    status = Path(f"/proc/{server.proc.pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines()
                    if line.startswith("Threads:")))


def test_200_slow_clients_are_cut_off_at_the_header_deadline(start_server):
    server = start_server("--db", ":memory:", "--quiet")  # the defaults: 10 s, 256 connections
    clients = open_slow_clients(server, 200)
    try:
        trickle(clients, 1)
        status, seconds = timed_get(server)
        assert status == 200 and seconds < 1.0, seconds
        closed = trickle(clients, 13)  # every header byte in time, but the whole never
        assert len(closed) == len(clients)
        status, seconds = timed_get(server)
        assert status == 200 and seconds < 1.0, seconds
    finally:
        for s in clients:
            s.close()


def test_beyond_the_connection_cap_the_longest_waiting_make_room(start_server):
    server = start_server("--db", ":memory:", "--quiet", "--max-connections", "20",
                          "--header-timeout", "30")
    clients = open_slow_clients(server, 200)
    try:
        trickle(clients, 1)
        assert threads_of(server) <= 20 + 5  # the cap, the main thread, a few evictions ending
        status, seconds = timed_get(server)
        assert status == 200 and seconds < 1.0, seconds
        # The first 20 got the places and the oldest gave its own up; the others got a 503.
        closed = trickle(clients, 1)
        assert clients[0] in closed and len(closed) >= 200 - 20
    finally:
        for s in clients:
            s.close()


def test_when_every_connection_is_busy_answering_a_new_one_gets_503(start_server):
    server = start_server("--db", ":memory:", "--quiet", "--max-connections", "2",
                          "--latency", "3000")
    # The key from the banner: a connection of its own could still hold one of the two places.
    key = re.search(r"global API key +(\S+)", server.banner).group(1)
    call = (f"POST {INVITE} HTTP/1.1\r\nHost: {host(server)}\r\nx-api-key: {key}\r\n"
            "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").encode()
    busy = [socket.create_connection((server.host, server.port), timeout=10) for _ in range(2)]
    try:
        for s in busy:
            s.sendall(call)  # each now waits 3 s for its answer: neither is waiting for a request
        time.sleep(0.2)
        status, seconds = timed_get(server)
        assert status == 503 and seconds < 1.0, (status, seconds)
        assert all(s.recv(64).startswith(b"HTTP/1.1 400") for s in busy)  # both still answered
    finally:
        for s in busy:
            s.close()
