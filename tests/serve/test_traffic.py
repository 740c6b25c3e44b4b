"""What a batch of invites must cope with, each off by default: --rate-limit (429 with
Retry-After, per key), --fail-rate (503 before anything is done, so a retry lands once),
--latency."""

import subprocess
import time

from conftest import PROGRAM, PYTHON, ROOT, athena

INVITE = "/api/v1/invites"


def invite(n, **extra):
    return {"type": "organization", "invite_method": "direct", "email": f"u{n}@example.com",
            **extra}


def received(server):
    return [(r["endpoint"], r["invite"]["email"], r["count"])
            for r in server.get("/sandbox/state").json()["received"]]


def test_each_is_off_by_default_and_named_in_help(sandbox):
    statuses = [athena(sandbox, INVITE, invite(n)).status for n in range(30)]
    assert statuses == [200] * 30
    help_text = subprocess.run([PYTHON, str(ROOT / "serve.py"), "--help"], capture_output=True,
                               text=True, check=True).stdout
    assert all(option in help_text for option in ["--rate-limit N", "--fail-rate P",
                                                  "--fail-streak N", "--latency MS"])


def test_rate_limit_answers_429_with_retry_after_per_key(start_server):
    server = start_server("--db", ":memory:", "--rate-limit", "2")
    server.creds = server.get("/sandbox/credentials").json()
    started = time.monotonic()
    replies = [athena(server, INVITE, invite(n)) for n in range(6)]
    elapsed = time.monotonic() - started
    statuses = [r.status for r in replies]
    assert statuses[:3] == [200, 200, 429], statuses
    assert statuses.count(200) <= 2 * (int(elapsed) + 1)
    limited = replies[2]
    assert limited.json()["success"] is False and "--rate-limit" in limited.json()["message"]
    wait = int(limited.headers["retry-after"])
    assert wait >= 1
    # Another key has its own budget.
    site = server.creds["athena"]["websiteId"]
    other = athena(server, INVITE, {"type": "website", "website_id": site,
                                    "invite_method": "direct", "email": "site@example.com"},
                   key=server.creds["athena"]["websiteApiKey"])
    assert other.status == 200
    # What was refused was not received; after Retry-After the key works again.
    assert len(received(server)) == statuses.count(200) + 1
    time.sleep(wait)
    assert athena(server, INVITE, invite(99)).status == 200


def test_fail_rate_1_fails_every_call_and_does_nothing(start_server):
    server = start_server("--db", ":memory:", "--fail-rate", "1")
    server.creds = server.get("/sandbox/credentials").json()
    for n in range(5):
        r = athena(server, INVITE, invite(n))
        assert r.status == 503 and r.json()["success"] is False
    state = server.get("/sandbox/state").json()
    assert state["users"] == [] and state["received"] == []
    assert server.post("/sandbox/reset", headers=PROGRAM).status == 200  # only invite calls fail


def test_fail_rate_fails_about_that_fraction_and_a_retry_lands_exactly_once(start_server):
    server = start_server("--db", ":memory:", "--fail-rate", "0.3", "--quiet")
    server.creds = server.get("/sandbox/credentials").json()
    attempts = failures = 0
    for n in range(150):
        while True:  # what a client does: retry a 503 until it gets an answer
            attempts += 1
            status = athena(server, INVITE, invite(n)).status
            if status != 503:
                break
            failures += 1
        assert status == 200
    assert 0.15 < failures / attempts < 0.45, (failures, attempts)
    assert sorted(count for _, _, count in received(server)) == [1] * 150


def test_fail_streak_bounds_how_often_the_same_call_fails_running(start_server):
    server = start_server("--db", ":memory:", "--fail-rate", "1", "--fail-streak", "2",
                          "--quiet")
    server.creds = server.get("/sandbox/credentials").json()
    assert "at most 2 times running" in server.banner
    for n in range(3):
        statuses = [athena(server, INVITE, invite(n)).status for _ in range(4)]
        # Each invite fails twice, then lands; a resend is a new streak of the same call.
        assert statuses == [503, 503, 200, 503], (n, statuses)
    # The streak is the call's, not the key's: another body starts its own.
    assert athena(server, INVITE, invite(9, type="organization")).status == 503
    assert sorted(count for _, _, count in received(server)) == [1, 1, 1]


def test_latency_delays_each_invite_call(start_server):
    server = start_server("--db", ":memory:", "--latency", "400")
    server.creds = server.get("/sandbox/credentials").json()
    started = time.monotonic()
    assert athena(server, INVITE, invite(1)).status == 200
    assert time.monotonic() - started >= 0.4
    assert "400 ms latency" in server.banner
