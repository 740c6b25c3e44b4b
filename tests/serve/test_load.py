"""The load check: 50 concurrent clients send 2 000 invites in total — a mix of the three
endpoints, with repeated emails so some are duplicates — to a file-backed sandbox. No 5xx, every
success is in the database exactly once, every refusal names something that really exists,
and the run is bounded in count and time. Prints requests/s."""

import collections
import http.client
import json
import queue
import random
import threading
import time

CLIENTS = 50
INVITES = 2000
DEADLINE_S = 120       # the whole run; a hang fails the test instead of stalling CI
EMAILS = 250           # fewer addresses than invites: duplicates are certain


def make_jobs(creds, rng):
    jobs = []
    sites, groups = creds["websites"], creds["groups"]
    for n in range(INVITES):
        email = f"user{rng.randrange(EMAILS)}@example.com"
        method = rng.choice(["direct", "email"])
        pick = rng.random()
        if pick < 0.4:
            kind = rng.choice(["organization", "website", "group"])
            body = {"type": kind, "invite_method": method, "email": email}
            if kind != "organization":
                body[f"{kind}_id"] = rng.choice(sites if kind == "website" else groups)
            jobs.append(("athena.createInvite", "/api/v1/invites", body))
        elif pick < 0.65:
            kind, pool = rng.choice([("website", sites), ("group", groups)])
            targets = rng.sample(pool, rng.randint(1, len(pool)))
            jobs.append(("athena.bulkInvite", "/api/v1/invites/bulk",
                         {"invite_method": method, "email": email, f"{kind}_ids": targets}))
        else:
            jobs.append(("usersOrganizations.createInvite", "/users-organizations/v1/ad/invite",
                         {"firstName": "Load", "lastName": f"Test {n}", "email": email,
                          "permissions": {"group": 0, "read": [1]}}))
    return jobs


def run_clients(server, jobs, creds):
    todo = queue.Queue()
    for job in jobs:
        todo.put(job)
    results, failures = [], []
    lock = threading.Lock()
    deadline = time.monotonic() + DEADLINE_S
    headers = {
        "athena": {"x-api-key": creds["athena"]["globalApiKey"],
                   "content-type": "application/json"},
        "usersOrganizations": {
            "Authorization": "Bearer " + creds["usersOrganizations"]["bearerToken"],
            "x-session-token": creds["usersOrganizations"]["sessionToken"],
            "content-type": "application/json"}}

    def client():
        conn = http.client.HTTPConnection(server.host, server.port, timeout=30)
        try:
            while time.monotonic() < deadline:
                try:
                    endpoint, path, body = todo.get_nowait()
                except queue.Empty:
                    return
                conn.request("POST", path, json.dumps(body).encode(),
                             headers[endpoint.split(".")[0]])
                reply = conn.getresponse()
                data = reply.read()
                with lock:
                    results.append((endpoint, body, reply.status, json.loads(data)))
        except Exception as e:  # a dropped connection is a failure of the server, report it
            with lock:
                failures.append(repr(e))
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.1, deadline - time.monotonic()))
    return results, failures, time.monotonic() - started


def test_50_clients_2000_invites_no_5xx_and_every_success_stored_once(start_server, tmp_path,
                                                                     capsys):
    server = start_server("--db", str(tmp_path / "load.db"), "--quiet")
    creds = server.get("/sandbox/credentials").json()
    org = server.get("/sandbox/state").json()["organization"]["id"]
    jobs = make_jobs(creds, random.Random(4))
    results, failures, seconds = run_clients(server, jobs, creds)

    assert failures == []
    assert len(results) == INVITES, f"only {len(results)} of {INVITES} answered in {seconds:.1f}s"
    statuses = collections.Counter(status for _, _, status, _ in results)
    assert all(s < 500 for s in statuses), statuses
    assert set(statuses) <= {200, 201, 409}, statuses

    # What the successes say must be in the database, each exactly once.
    members, invites, profiles, emails_sent = [], [], [], 0
    refused = []  # (email, kind, target) a 409 or a failed bulk row said was already there
    for endpoint, body, status, reply in results:
        if endpoint == "athena.createInvite":
            kind = body["type"]
            target = org if kind == "organization" else body[f"{kind}_id"]
            if status == 200:
                if body["invite_method"] == "direct":
                    members.append((reply["user_id"], body["email"], kind, target))
                else:
                    invites.append((reply["invite_id"], body["email"], kind, target))
                    emails_sent += 1
            else:
                refused.append((body["email"], kind, target))
        elif endpoint == "athena.bulkInvite":
            kind = "website" if "website_ids" in body else "group"
            assert [r[f"{kind}_id"] for r in reply["results"]] == body[f"{kind}_ids"]
            for row in reply["results"]:
                target = row[f"{kind}_id"]
                if not row["success"]:
                    refused.append((body["email"], kind, target))
                elif body["invite_method"] == "direct":
                    members.append((row["user_id"], body["email"], kind, target))
                else:
                    invites.append((row["invite_id"], body["email"], kind, target))
            emails_sent += body["invite_method"] == "email" and any(
                r["success"] for r in reply["results"])
        elif status == 201:
            profiles.append((reply["data"]["userId"], body["email"]))
        else:
            refused.append((body["email"], "profile", None))

    state = server.get("/sandbox/state").json()
    stored_members = [(m["userId"], m["email"], m["targetKind"], m["targetId"])
                      for m in state["memberships"]]
    stored_invites = [(i["id"], i["email"], i["targetKind"], i["targetId"])
                      for i in state["pendingInvites"]]
    stored_profiles = [(p["userId"], p["email"]) for p in state["profiles"]]
    assert sorted(members) == sorted(stored_members)
    assert sorted(invites) == sorted(stored_invites)
    assert sorted(profiles) == sorted(stored_profiles)
    # One membership per person and target, one pending invite per address and target (a
    # direct add may still follow a pending invite: both are then there, once each).
    for stored in (stored_members, stored_invites):
        assert len({(e, k, t) for _, e, k, t in stored}) == len(stored)
    assert len(state["outbox"]) == emails_sent
    # Every refusal points at something that really is there (nothing refused for nothing).
    present = {(e, k, t) for _, e, k, t in stored_members + stored_invites} | \
        {(e, "profile", None) for _, e in stored_profiles}
    assert all(r in present for r in refused)
    assert refused and members and invites and profiles  # the mix really had each case

    with capsys.disabled():
        print(f"\nload: {CLIENTS} clients, {len(results)} invites in {seconds:.2f}s = "
              f"{len(results) / seconds:.0f} requests/s; statuses {dict(sorted(statuses.items()))}; "
              f"stored {len(stored_members)} memberships, {len(stored_invites)} pending invites, "
              f"{len(stored_profiles)} profiles, {len(state['outbox'])} emails")
