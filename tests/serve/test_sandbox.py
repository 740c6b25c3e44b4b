"""The sandbox API behaves as the public docs of the three endpoints describe: credentials,
scopes, targets, the documented success bodies and the state they leave."""

import json
import re

import pytest
from jsonschema import Draft7Validator

from conftest import PROGRAM, ROOT, athena, users_orgs
from sandbox.catalog import Endpoint, load_catalog
from sandbox.api import Sandbox

INVITE = "/api/v1/invites"
BULK = "/api/v1/invites/bulk"
ENDPOINTS = {p.stem: json.loads(p.read_text()) for p in (ROOT / "src/endpoints").glob("*.json")}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def assert_documented(endpoint_id, sent, reply):
    """A success body validates against the endpoint's response schema and keeps its
    contract rules ("when" the request had this, "absent" that in the response)."""
    responses = ENDPOINTS[endpoint_id]["responses"]
    assert reply.status in responses["successStatuses"], reply
    body = reply.json()
    errors = list(Draft7Validator(responses["schema"]).iter_errors(body))
    assert not errors, [e.message for e in errors]
    for rule in responses["contract"]:
        if all(sent.get(k.lstrip("/")) == v for k, v in rule["when"].items()):
            parts = rule["absent"].strip("/").split("/")
            nodes = [body]
            for part in parts[:-1]:
                nodes = [x for n in nodes for x in (n.get(part, []) if part != "*" else n)]
            assert all(parts[-1] not in n for n in nodes), rule["message"]
    return body


# -- credentials and state ----------------------------------------------------------------

def test_credentials_have_exactly_the_documented_shape(sandbox):
    creds = sandbox.get("/sandbox/credentials").json()
    assert set(creds) == {"athena", "usersOrganizations", "websites", "groups"}
    assert set(creds["athena"]) == {"globalApiKey", "websiteApiKey", "websiteId"}
    assert set(creds["usersOrganizations"]) == {"bearerToken", "sessionToken"}
    assert len(creds["websites"]) == 3 and len(creds["groups"]) == 2
    assert all(UUID.match(i) for i in creds["websites"] + creds["groups"])
    assert creds["athena"]["websiteId"] in creds["websites"]
    assert creds["athena"]["globalApiKey"] != creds["athena"]["websiteApiKey"]


def test_seed_uses_the_docs_example_ids_so_the_docs_requests_work(sandbox):
    example = ENDPOINTS["athena.bulkInvite"]["examples"]["request"]
    assert sandbox.creds["websites"][:2] == example["website_ids"]
    assert sandbox.creds["groups"] == example["group_ids"]


def test_state_never_contains_a_key(sandbox):
    athena(sandbox, INVITE, {"type": "organization", "invite_method": "email",
                             "email": "a@example.com"})
    users_orgs(sandbox, {"firstName": "A", "lastName": "B", "email": "a@example.com",
                         "permissions": {}})
    text = sandbox.get("/sandbox/state").body.decode()
    secrets = list(sandbox.creds["athena"].values())[:2] + \
        list(sandbox.creds["usersOrganizations"].values())
    assert all(s not in text for s in secrets)
    state = json.loads(text)
    assert {"organization", "websites", "groups", "users", "memberships", "pendingInvites",
            "outbox", "profiles", "received"} <= set(state)


def test_reset_clears_activity_and_keeps_the_keys(sandbox):
    assert athena(sandbox, INVITE, {"type": "organization", "invite_method": "direct",
                                    "email": "a@example.com"}).status == 200
    assert len(sandbox.get("/sandbox/state").json()["memberships"]) == 1
    assert sandbox.post("/sandbox/reset", headers=PROGRAM).status == 200
    state = sandbox.get("/sandbox/state").json()
    assert state["users"] == state["memberships"] == state["outbox"] == []
    assert sandbox.get("/sandbox/credentials").json() == sandbox.creds
    assert athena(sandbox, INVITE, {"type": "organization", "invite_method": "direct",
                                    "email": "a@example.com"}).status == 200


def test_received_counts_how_often_each_invite_arrived(sandbox):
    """An invite is its endpoint and its body as judged (defaults filled in), so a test can
    prove a client sent each exactly once; only calls with a valid body count."""
    def send(email, **extra):
        return athena(sandbox, INVITE, {"type": "organization", "invite_method": "direct",
                                        "email": email, **extra}).status

    assert send("one@example.com") == 200
    assert send("one@example.com", role="viewer") == 409  # the same invite, default spelled out
    assert send("two@example.com") == 200
    assert athena(sandbox, INVITE, {"type": "organization", "invite_method": "direct",
                                    "email": "bad-key@example.com"}, key="sbx_wrong").status == 401
    assert send("bad-type@example.com", type="nope") == 400
    bulk = {"invite_method": "email", "email": "bulk@example.com",
            "website_ids": sandbox.creds["websites"][:2]}
    assert athena(sandbox, BULK, bulk).status == 200
    entries = sandbox.get("/sandbox/state").json()["received"]
    assert [(r["endpoint"], r["invite"]["email"], r["count"]) for r in entries] == [
        ("athena.createInvite", "one@example.com", 2),
        ("athena.createInvite", "two@example.com", 1),
        ("athena.bulkInvite", "bulk@example.com", 1)]
    assert entries[0]["invite"] == {"type": "organization", "invite_method": "direct",
                                    "email": "one@example.com", "role": "viewer"}
    assert ISO.match(entries[0]["firstAt"]) and entries[0]["firstAt"] <= entries[0]["lastAt"]
    assert sandbox.post("/sandbox/reset", headers=PROGRAM).status == 200
    assert sandbox.get("/sandbox/state").json()["received"] == []


def test_reset_needs_post(sandbox):
    r = sandbox.get("/sandbox/reset")
    assert r.status == 405 and r.headers["allow"] == "POST"


def test_the_database_file_keeps_state_and_keys_across_restarts(start_server, tmp_path):
    db = tmp_path / "nested" / "sandbox.db"
    first = start_server("--db", str(db))
    creds = first.get("/sandbox/credentials").json()
    first.creds = creds
    assert athena(first, INVITE, {"type": "organization", "invite_method": "direct",
                                  "email": "keep@example.com"}).status == 200
    assert first.stop()[0] == 0
    second = start_server("--db", str(db))
    assert second.get("/sandbox/credentials").json() == creds
    assert [u["email"] for u in second.get("/sandbox/state").json()["users"]] == \
        ["keep@example.com"]


def test_no_sandbox_serves_no_api(start_server):
    server = start_server("--no-sandbox")
    for method, path in [("POST", INVITE), ("GET", "/sandbox/credentials"),
                         ("GET", "/sandbox/state")]:
        r = server.request(method, path, body=b"{}", headers=PROGRAM)
        assert r.status == 404 and "--no-sandbox" in r.json()["message"]
    assert "Sandbox API: off" in server.banner


def test_start_up_prints_url_and_every_sandbox_credential(start_server):
    server = start_server("--db", ":memory:")
    creds = server.get("/sandbox/credentials").json()
    assert re.search(r"http://127\.0\.0\.1:\d+/", server.banner)
    for value in [*creds["athena"].values(), *creds["usersOrganizations"].values(),
                  *creds["websites"], *creds["groups"]]:
        assert value in server.banner


# -- athena: authentication and authorization ----------------------------------------------

ORG_DIRECT = {"type": "organization", "invite_method": "direct", "email": "user@example.com"}


@pytest.mark.parametrize("key", ["", "sbx_global_wrong"])
def test_missing_or_wrong_api_key_is_401(sandbox, key):
    r = athena(sandbox, INVITE, ORG_DIRECT, key=key)
    assert r.status == 401 and r.json()["success"] is False
    assert "API key" in r.json()["message"]
    assert sandbox.get("/sandbox/state").json()["users"] == []


def test_bad_key_is_401_even_before_the_body_is_checked(sandbox):
    assert athena(sandbox, INVITE, {"nonsense": True}, key="wrong").status == 401


def test_group_invite_with_website_key_is_403(sandbox):
    r = athena(sandbox, INVITE, {"type": "group", "invite_method": "direct",
                                 "email": "u@example.com", "group_id": sandbox.creds["groups"][0]},
               key=sandbox.creds["athena"]["websiteApiKey"])
    assert r.status == 403 and "global API key" in r.json()["message"]


def test_website_key_for_another_website_is_403(sandbox):
    other = [w for w in sandbox.creds["websites"] if w != sandbox.creds["athena"]["websiteId"]][0]
    r = athena(sandbox, INVITE, {"type": "website", "invite_method": "direct",
                                 "email": "u@example.com", "website_id": other},
               key=sandbox.creds["athena"]["websiteApiKey"])
    assert r.status == 403 and "its own website" in r.json()["message"]


def test_website_key_for_its_own_website_works(sandbox):
    own = sandbox.creds["athena"]["websiteId"]
    sent = {"type": "website", "invite_method": "direct", "email": "u@example.com",
            "website_id": own}
    r = athena(sandbox, INVITE, sent, key=sandbox.creds["athena"]["websiteApiKey"])
    assert assert_documented("athena.createInvite", sent, r)["message"] == "User added to website"


@pytest.mark.parametrize("kind", ["website", "group"])
def test_unknown_website_or_group_is_404(sandbox, kind):
    r = athena(sandbox, INVITE, {"type": kind, "invite_method": "direct",
                                 "email": "u@example.com", f"{kind}_id": UNKNOWN})
    assert r.status == 404 and r.json()["success"] is False
    assert sandbox.get("/sandbox/state").json()["users"] == []


# -- athena: create invite -----------------------------------------------------------------

def test_direct_invite_creates_an_unverified_user_and_the_membership(sandbox):
    site = sandbox.creds["websites"][1]
    sent = {"type": "website", "invite_method": "direct", "email": "new@example.com",
            "website_id": site, "first_name": "Ann", "last_name": "Lee"}
    body = assert_documented("athena.createInvite", sent, athena(sandbox, INVITE, sent))
    assert body["success"] is True and UUID.match(body["user_id"]) and "invite_id" not in body
    state = sandbox.get("/sandbox/state").json()
    assert state["users"][0]["id"] == body["user_id"]
    assert state["users"][0]["emailVerified"] is False
    assert state["users"][0]["firstName"] == "Ann"
    assert [(m["userId"], m["targetKind"], m["targetId"], m["role"])
            for m in state["memberships"]] == [(body["user_id"], "website", site, "viewer")]
    assert state["outbox"] == [] and state["pendingInvites"] == []


def test_direct_invite_reuses_an_existing_user(sandbox):
    first = athena(sandbox, INVITE, ORG_DIRECT).json()
    again = athena(sandbox, INVITE, {"type": "group", "invite_method": "direct",
                                     "email": "USER@example.com",
                                     "group_id": sandbox.creds["groups"][0]}).json()
    assert again["user_id"] == first["user_id"]
    assert len(sandbox.get("/sandbox/state").json()["users"]) == 1


def test_email_invite_records_a_pending_invite_and_an_outbox_message(sandbox):
    group = sandbox.creds["groups"][1]
    sent = {"type": "group", "invite_method": "email", "email": "mail@example.com",
            "role": "admin", "group_id": group}
    body = assert_documented("athena.createInvite", sent, athena(sandbox, INVITE, sent))
    assert UUID.match(body["invite_id"]) and "user_id" not in body
    assert body["message"] == "Invitation sent"
    state = sandbox.get("/sandbox/state").json()
    assert [(i["id"], i["targetKind"], i["targetId"], i["role"])
            for i in state["pendingInvites"]] == [(body["invite_id"], "group", group, "admin")]
    assert [m["to"] for m in state["outbox"]] == ["mail@example.com"]
    assert state["users"] == [] and state["memberships"] == []


def test_email_invite_never_returns_user_id_even_for_a_known_user(sandbox):
    athena(sandbox, INVITE, {"type": "website", "invite_method": "direct",
                             "email": "known@example.com",
                             "website_id": sandbox.creds["websites"][0]})
    sent = {"type": "organization", "invite_method": "email", "email": "known@example.com"}
    body = assert_documented("athena.createInvite", sent, athena(sandbox, INVITE, sent))
    assert "user_id" not in body and "invite_id" in body


def test_docs_example_request_works_and_ignores_the_ids_its_type_does_not_use(sandbox):
    sent = ENDPOINTS["athena.createInvite"]["examples"]["request"]
    body = assert_documented("athena.createInvite", sent, athena(sandbox, INVITE, sent))
    assert set(body) == {"success", "message", "invite_id"}  # the docs' shape, nothing added
    state = sandbox.get("/sandbox/state").json()
    assert [(i["targetKind"], i["targetId"]) for i in state["pendingInvites"]] == \
        [(sent["type"], state["organization"]["id"])]


def test_default_role_is_viewer(sandbox):
    athena(sandbox, INVITE, ORG_DIRECT)
    assert sandbox.get("/sandbox/state").json()["memberships"][0]["role"] == "viewer"


@pytest.mark.parametrize("method", ["direct", "email"])
def test_already_a_member_is_409(sandbox, method):
    assert athena(sandbox, INVITE, ORG_DIRECT).status == 200
    r = athena(sandbox, INVITE, dict(ORG_DIRECT, invite_method=method))
    assert r.status == 409
    assert r.json() == {"success": False,
                        "message": "User is already a member of this organization"}
    assert len(sandbox.get("/sandbox/state").json()["memberships"]) == 1


def test_a_second_email_invite_to_the_same_target_is_409(sandbox):
    sent = {"type": "organization", "invite_method": "email", "email": "twice@example.com"}
    assert athena(sandbox, INVITE, sent).status == 200
    assert athena(sandbox, INVITE, sent).status == 409
    state = sandbox.get("/sandbox/state").json()
    assert len(state["pendingInvites"]) == 1 and len(state["outbox"]) == 1


def test_wrong_content_type_is_415(sandbox):
    r = sandbox.post(INVITE, json.dumps(ORG_DIRECT).encode(),
                     headers={"x-api-key": sandbox.creds["athena"]["globalApiKey"],
                              "content-type": "text/plain", **PROGRAM})
    assert r.status == 415 and "application/json" in r.json()["message"]


def test_content_type_parameters_are_accepted(sandbox):
    r = sandbox.post(INVITE, json.dumps(ORG_DIRECT).encode(),
                     headers={"x-api-key": sandbox.creds["athena"]["globalApiKey"],
                              "content-type": "Application/JSON; charset=utf-8"})
    assert r.status == 200


def test_get_on_an_invite_endpoint_is_405(sandbox):
    r = sandbox.get(INVITE)
    assert r.status == 405 and r.headers["allow"] == "POST"


# -- athena: bulk --------------------------------------------------------------------------

def test_bulk_processes_each_target_and_one_failure_does_not_stop_the_rest(sandbox):
    w = sandbox.creds["websites"]
    athena(sandbox, INVITE, {"type": "website", "invite_method": "direct",
                             "email": "user@example.com", "website_id": w[1]})
    sent = {"invite_method": "direct", "email": "user@example.com",
            "website_ids": [w[0], w[1], UNKNOWN, w[2]]}
    body = assert_documented("athena.bulkInvite", sent, athena(sandbox, BULK, sent))
    assert body["success"] is True
    assert [(r["website_id"], r["success"]) for r in body["results"]] == \
        [(w[0], True), (w[1], False), (UNKNOWN, False), (w[2], True)]
    assert body["results"][1]["error"] == "User is already a member of this website"
    assert "not found" in body["results"][2]["error"]
    assert body["results"][0]["message"] == "User added to website"
    assert body["results"][0]["user_id"] == body["results"][3]["user_id"]
    members = sandbox.get("/sandbox/state").json()["memberships"]
    assert sorted(m["targetId"] for m in members) == sorted([w[0], w[1], w[2]])


def test_bulk_invites_a_repeated_id_once(sandbox):
    w = sandbox.creds["websites"][0]
    sent = {"invite_method": "direct", "email": "dup@example.com", "website_ids": [w, w]}
    body = assert_documented("athena.bulkInvite", sent, athena(sandbox, BULK, sent))
    assert [(r["website_id"], r["success"]) for r in body["results"]] == [(w, True)]
    assert len(sandbox.get("/sandbox/state").json()["memberships"]) == 1


def test_bulk_email_sends_one_consolidated_email_and_no_user_id(sandbox):
    groups = sandbox.creds["groups"]
    sent = {"invite_method": "email", "email": "bulk@example.com", "group_ids": groups}
    body = assert_documented("athena.bulkInvite", sent, athena(sandbox, BULK, sent))
    assert all(r["success"] and UUID.match(r["invite_id"]) and "user_id" not in r
               for r in body["results"])
    assert [r["group_id"] for r in body["results"]] == groups
    state = sandbox.get("/sandbox/state").json()
    assert len(state["pendingInvites"]) == 2 and len(state["outbox"]) == 1
    assert all(g in state["outbox"][0]["body"] for g in groups)


def test_bulk_groups_need_the_global_key(sandbox):
    r = athena(sandbox, BULK, {"invite_method": "direct", "email": "u@example.com",
                               "group_ids": sandbox.creds["groups"]},
               key=sandbox.creds["athena"]["websiteApiKey"])
    assert r.status == 403


def test_bulk_website_key_fails_only_the_other_websites(sandbox):
    own = sandbox.creds["athena"]["websiteId"]
    other = [w for w in sandbox.creds["websites"] if w != own][0]
    sent = {"invite_method": "direct", "email": "u@example.com", "website_ids": [own, other]}
    r = athena(sandbox, BULK, sent, key=sandbox.creds["athena"]["websiteApiKey"])
    body = assert_documented("athena.bulkInvite", sent, r)
    assert [x["success"] for x in body["results"]] == [True, False]
    assert "its own website" in body["results"][1]["error"]


def test_bulk_with_both_lists_as_in_the_docs_example_is_400(sandbox):
    r = athena(sandbox, BULK, ENDPOINTS["athena.bulkInvite"]["examples"]["request"])
    assert r.status == 400 and r.json()["success"] is False
    assert "website_ids" in r.json()["message"] and "group_ids" in r.json()["message"]


# -- users-organizations -------------------------------------------------------------------

PROFILE = {"firstName": "John", "lastName": "Doe", "email": "test@mail.com",
           "permissions": {"group": 0}}


def test_users_organizations_201_has_the_documented_data_shape(sandbox):
    r = users_orgs(sandbox, PROFILE)
    assert r.status == 201
    data = assert_documented("usersOrganizations.createInvite", PROFILE, r)["data"]
    assert isinstance(data["userId"], int) and isinstance(data["organizationId"], int)
    assert isinstance(data["scope"], int)
    assert data["permissions"] == {"group": 0, "read": [], "manage": []}
    assert ISO.match(data["createdAt"]) and ISO.match(data["updatedAt"])
    assert data["deletedAt"] is None
    profiles = sandbox.get("/sandbox/state").json()["profiles"]
    assert [(p["userId"], p["email"]) for p in profiles] == [(data["userId"], "test@mail.com")]


def test_users_organizations_echoes_permissions(sandbox):
    sent = dict(PROFILE, email="p@mail.com", permissions={"group": 2, "read": [1, 2],
                                                         "manage": [3]})
    data = users_orgs(sandbox, sent).json()["data"]
    assert data["permissions"] == {"group": 2, "read": [1, 2], "manage": [3]}


@pytest.mark.parametrize("which", ["bearer", "session"])
def test_users_organizations_wrong_token_is_401(sandbox, which):
    r = users_orgs(sandbox, PROFILE, **{which: "sbx_wrong"})
    assert r.status == 401
    assert sandbox.get("/sandbox/state").json()["profiles"] == []


def test_users_organizations_missing_session_token_is_401(sandbox):
    creds = sandbox.creds["usersOrganizations"]
    r = sandbox.post("/users-organizations/v1/ad/invite", json.dumps(PROFILE).encode(),
                     headers={"Authorization": f"Bearer {creds['bearerToken']}",
                              "content-type": "application/json"})
    assert r.status == 401 and "x-session-token" in r.json()["message"]


def test_users_organizations_bearer_without_the_scheme_is_401(sandbox):
    creds = sandbox.creds["usersOrganizations"]
    r = sandbox.post("/users-organizations/v1/ad/invite", json.dumps(PROFILE).encode(),
                     headers={"Authorization": creds["bearerToken"],
                              "x-session-token": creds["sessionToken"],
                              "content-type": "application/json"})
    assert r.status == 401


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_users_organizations_needs_json_content_type_415(sandbox, content_type):
    r = users_orgs(sandbox, PROFILE, content_type=content_type)
    assert r.status == 415
    assert sandbox.get("/sandbox/state").json()["profiles"] == []


def test_users_organizations_same_email_twice_is_409(sandbox):
    assert users_orgs(sandbox, PROFILE).status == 201
    r = users_orgs(sandbox, dict(PROFILE, email="TEST@mail.com"))
    assert r.status == 409 and r.json()["success"] is False
    assert len(sandbox.get("/sandbox/state").json()["profiles"]) == 1


def test_an_endpoint_file_the_sandbox_does_not_know_yet_is_501_not_a_crash():
    catalog = load_catalog()
    doc = dict(ENDPOINTS["athena.createInvite"], id="athena.deleteInvite")
    sandbox = Sandbox(":memory:", catalog)
    try:
        status, body, _ = sandbox.handle(Endpoint(doc), {}, b"{}")
    finally:
        sandbox.db.close()
    assert status == 501 and "athena.deleteInvite" in body["message"]
