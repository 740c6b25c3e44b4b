"""400 answers: the sandbox judges a body by its endpoint's schema with python3-jsonschema and
answers as an API does — {"success": false, "message"} naming the field at fault, nothing
stored. The core's own messages and their order are tested in the core, not here."""

import json

import pytest

from conftest import ROOT, athena, users_orgs
from sandbox.catalog import load_catalog
from sandbox.validation import read_json, schema_problem

INVITE = "/api/v1/invites"
BULK = "/api/v1/invites/bulk"
VECTORS = ROOT / "tests" / "vectors" / "validate.json"
ORG = {"type": "organization", "invite_method": "direct", "email": "u@example.com"}
PROFILE = {"firstName": "J", "lastName": "D", "email": "t@mail.com", "permissions": {}}


def refusal(sandbox, reply):
    """The message of a 400 in the API's shape, after checking nothing was stored."""
    assert reply.status == 400, reply
    body = reply.json()
    assert set(body) == {"success", "message"} and body["success"] is False
    state = sandbox.get("/sandbox/state").json()
    assert state["users"] == state["pendingInvites"] == state["profiles"] == []
    return body["message"]


@pytest.mark.parametrize("missing", ["type", "invite_method", "email"])
def test_a_missing_required_field_is_named(sandbox, missing):
    body = {k: v for k, v in ORG.items() if k != missing}
    assert f"'{missing}'" in refusal(sandbox, athena(sandbox, INVITE, body))


def test_a_field_required_by_another_fields_value_is_named(sandbox):
    body = {"type": "website", "invite_method": "direct", "email": "u@example.com"}
    assert "'website_id'" in refusal(sandbox, athena(sandbox, INVITE, body))


@pytest.mark.parametrize("field,value", [("email", "not-an-email"), ("role", "owner"),
                                         ("first_name", 5), ("website_id", "123"),
                                         ("invite_method", "fax")])
def test_a_wrong_value_is_refused_at_its_path(sandbox, field, value):
    body = dict(ORG, **{field: value})
    if field == "website_id":
        body["type"] = "website"
    assert f"at /{field}:" in refusal(sandbox, athena(sandbox, INVITE, body))


def test_an_unknown_field_is_named(sandbox):
    assert "'emial'" in refusal(sandbox, athena(sandbox, INVITE, dict(ORG, emial="x")))


@pytest.mark.parametrize("lists", [{}, {"website_ids": ["123e4567-e89b-12d3-a456-426614174000"],
                                        "group_ids": ["456e7890-e89b-12d3-a456-426614174000"]}])
def test_bulk_needs_exactly_one_list_and_says_which(sandbox, lists):
    body = {"invite_method": "direct", "email": "u@example.com", **lists}
    assert "website_ids" in refusal(sandbox, athena(sandbox, BULK, body))


def test_a_nested_item_is_named_by_its_json_pointer(sandbox):
    body = dict(PROFILE, permissions={"read": [1, "2"]})
    assert "at /permissions/read/1:" in refusal(sandbox, users_orgs(sandbox, body))


def test_the_docs_email_pattern_is_checked(sandbox):
    assert "at /email:" in refusal(sandbox, users_orgs(sandbox, dict(PROFILE,
                                                                     email="john@example.c")))


def test_the_other_problems_are_counted(sandbox):
    message = refusal(sandbox, athena(sandbox, INVITE, {"type": 1, "role": 2, "emial": 3}))
    assert "more problems" in message


def test_a_huge_bad_body_gets_a_short_answer(sandbox):
    body = dict(ORG, type="website", website_id="x" * 500_000, **{f"extra{i}": i
                                                                  for i in range(2000)})
    message = refusal(sandbox, athena(sandbox, INVITE, body))
    assert len(message) <= 300


@pytest.mark.parametrize("text", [b"", b"{\"type\": ", b"{'type': 1}", b"{} {}", b"\xef\xbb\xbf{}",
                                  b"\xff\xfe", b'{"email": "\\ud800@example.com"}', b"NaN",
                                  b"[" * 100000])
def test_text_that_is_not_json_is_400(sandbox, text):
    r = sandbox.post(INVITE, text, headers={"x-api-key": sandbox.creds["athena"]["globalApiKey"],
                                            "content-type": "application/json"})
    message = refusal(sandbox, r)
    assert "JSON" in message or "nests too deeply" in message


def test_the_role_default_from_the_schema_is_applied(sandbox):
    assert athena(sandbox, INVITE, ORG).status == 200
    assert sandbox.get("/sandbox/state").json()["memberships"][0]["role"] == "viewer"


def _core_valid_bodies():
    if not VECTORS.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{VECTORS} not present"))]
    endpoints = {p.stem for p in (ROOT / "src/endpoints").glob("*.json")}
    return [pytest.param(row, id=row["name"]) for row in json.loads(VECTORS.read_text())
            if row["valid"] and row["endpoint"] in endpoints]


@pytest.mark.parametrize("row", _core_valid_bodies())
def test_every_body_the_core_accepts_the_sandbox_accepts(row):
    """The page only sends what the core accepts, so the sandbox must never be stricter (it
    may be more lenient: its format rules are jsonschema's). In-process: this judges the
    validator, not HTTP."""
    endpoint = load_catalog()[row["endpoint"]]
    if "bodyText" in row:
        value, problem = read_json(row["bodyText"].encode("utf-8", "surrogatepass"))
        assert problem is None
    else:
        value = row["body"]
    assert schema_problem(endpoint, value) is None
