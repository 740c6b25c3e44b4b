"""What a browser attack or a confused proxy sends, over raw sockets: another host name (DNS
rebinding) and a cross-site request."""

import pytest

from conftest import PROGRAM, athena, host, raw_request

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
        status, _ = raw_request(sandbox, "POST", "/sandbox/reset", [("Host", host(sandbox)), header])
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
