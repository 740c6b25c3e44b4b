"""Safety: 127.0.0.1 by default, bodies over 1 MiB refused unread, one redacted log line per
request, a quiet Ctrl+C, and no key written to disk but the sandbox's own."""

import json

from conftest import athena, host, raw_exchange, users_orgs

INVITE = "/api/v1/invites"


def test_binds_127_0_0_1_by_default(start_server):
    server = start_server("--db", ":memory:")
    assert server.host == "127.0.0.1"
    assert "http://127.0.0.1:" in server.banner


def test_body_over_1_mib_is_413_without_reading_it(sandbox):
    # Announce 2 MiB and send none of it: the answer must come anyway, and the connection close.
    reply = raw_exchange(sandbox, f"POST /api/v1/invites HTTP/1.1\r\nHost: {host(sandbox)}\r\n"
                                  "Content-Type: application/json\r\n"
                                  "Content-Length: 2097152\r\n\r\n".encode())
    assert reply.startswith(b"HTTP/1.1 413")
    assert b"1 MiB" in reply


def test_exactly_1_mib_is_read(sandbox):
    body = json.dumps({"type": "organization", "invite_method": "direct",
                       "email": "u@example.com", "first_name": ""}).encode()
    body = body[:-2] + b" " * (1024 * 1024 - len(body)) + body[-2:]
    assert len(body) == 1024 * 1024
    r = sandbox.post(INVITE, body, headers={"x-api-key": sandbox.creds["athena"]["globalApiKey"],
                                            "content-type": "application/json"})
    assert r.status == 200


def test_chunked_body_is_refused(sandbox):
    reply = raw_exchange(sandbox, f"POST /api/v1/invites HTTP/1.1\r\nHost: {host(sandbox)}\r\n"
                                  "Transfer-Encoding: chunked\r\nContent-Type: application/json"
                                  "\r\n\r\n2\r\n{}\r\n0\r\n\r\n".encode())
    assert reply.startswith(b"HTTP/1.1 411")


def test_one_log_line_per_request_and_secrets_never_logged(start_server):
    server = start_server("--db", ":memory:")
    server.creds = server.get("/sandbox/credentials").json()
    key = server.creds["athena"]["globalApiKey"]
    athena(server, INVITE + "?api_key=" + key, {"type": "organization",
                                                  "invite_method": "direct",
                                                  "email": "u@example.com"})
    athena(server, INVITE, {}, key="sbx_global_not_a_real_one_" + "9" * 8)
    users_orgs(server, {}, bearer="leaked-bearer-value", session="leaked-session-value")
    code, _ = server.stop()
    log = server.stderr()
    lines = log.strip().splitlines()
    assert len(lines) == 4, log
    assert lines[1].split()[2:5] == ["POST", INVITE, "200"] and lines[1].endswith("ms")
    assert lines[2].split()[2:5] == ["POST", INVITE, "401"]
    assert lines[3].split()[2:5] == ["POST", "/users-organizations/v1/ad/invite", "401"]
    for secret in [key, "not_a_real_one", "leaked-bearer-value", "leaked-session-value",
                   server.creds["usersOrganizations"]["bearerToken"]]:
        assert secret not in log


def test_quiet_option_logs_nothing(start_server):
    server = start_server("--db", ":memory:", "--quiet")
    server.get("/sandbox/state")
    server.stop()
    assert server.stderr() == ""


def test_ctrl_c_stops_quietly(start_server):
    server = start_server("--db", ":memory:")
    server.get("/")
    code, rest = server.stop()
    assert code == 0 and "Stopped." in rest
    assert "Traceback" not in server.stderr()


def test_only_the_seeded_keys_reach_the_database(start_server, tmp_path):
    db = tmp_path / "sandbox.db"
    server = start_server("--db", str(db))
    server.creds = server.get("/sandbox/credentials").json()
    athena(server, INVITE, {"type": "organization", "invite_method": "direct",
                            "email": "u@example.com"}, key="sbx_user_typed_key_0123456789")
    server.stop()
    data = b"".join(p.read_bytes() for p in tmp_path.glob("sandbox.db*"))
    assert b"sbx_user_typed_key_0123456789" not in data
    assert server.creds["athena"]["globalApiKey"].encode() in data


def test_another_sites_page_cannot_post_here(sandbox):
    for path in ["/sandbox/reset", INVITE, "/proxy/athena/api/v1/invites"]:
        r = sandbox.post(path, b"{}", headers={"Origin": "https://evil.example",
                                               "content-type": "application/json"})
        assert r.status == 403 and "Cross-site" in r.json()["message"]
    own = f"http://{sandbox.host}:{sandbox.port}"
    assert sandbox.post("/sandbox/reset", headers={"Origin": own}).status == 200


def test_kill_stops_quietly(start_server):
    server = start_server("--db", ":memory:")
    server.proc.terminate()
    code = server.proc.wait(timeout=10)
    rest = server.proc.stdout.read().decode()
    assert code == 0 and "Stopped." in rest and "Traceback" not in server.stderr()


def test_unusable_database_path_is_a_clear_error(tmp_path):
    import subprocess
    from conftest import PYTHON, ROOT
    (tmp_path / "file").write_text("")
    r = subprocess.run([PYTHON, str(ROOT / "serve.py"), "--port", "0", "--db",
                        str(tmp_path / "file" / "x.db")], capture_output=True, text=True,
                       timeout=30)
    assert r.returncode != 0 and "cannot open the sandbox database" in r.stderr
    assert "Traceback" not in r.stderr
