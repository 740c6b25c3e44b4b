"""400 answers: the core's {path, code, message} issues, judged by python3-jsonschema against the
same endpoint files — and, when tests/vectors/validate.json is present, row by row against
what the C++ core promises (a disagreement is a bug in one of the two)."""

import json

import pytest

from conftest import ROOT, athena, users_orgs
from sandbox.catalog import load_catalog, parse_body

INVITE = "/api/v1/invites"
VECTORS = ROOT / "tests" / "vectors" / "validate.json"
CREATE = json.loads((ROOT / "src/endpoints/athena.createInvite.json").read_text())


def errors_of(reply):
    assert reply.status == 400, reply
    body = reply.json()
    assert body["success"] is False and body["message"]
    assert all(set(e) == {"path", "code", "message"} and e["message"] for e in body["errors"])
    return [(e["path"], e["code"]) for e in body["errors"]]


def test_missing_required_property_points_at_the_property(sandbox):
    r = athena(sandbox, INVITE, {"invite_method": "direct", "email": "u@example.com"})
    assert errors_of(r) == [("/type", "required")]


def test_every_missing_property_is_reported_in_order(sandbox):
    assert errors_of(athena(sandbox, INVITE, {})) == \
        [("/type", "required"), ("/invite_method", "required"), ("/email", "required")]


def test_conditional_required_uses_the_schemas_own_words(sandbox):
    r = athena(sandbox, INVITE, {"type": "website", "invite_method": "direct",
                                 "email": "u@example.com"})
    message = CREATE["schema"]["allOf"][0]["then"]["x-messages"]["required"]
    assert r.json()["errors"] == [{"path": "/website_id", "code": "required",
                                   "message": message}]
    assert r.json()["message"] == message


@pytest.mark.parametrize("field,value,code", [
    ("email", "user@", "format"),
    ("email", "john..doe@example.com", "format"),
    ("role", "owner", "enum"),
    ("first_name", 5, "type"),
])
def test_field_errors_carry_path_and_keyword(sandbox, field, value, code):
    body = {"type": "organization", "invite_method": "direct", "email": "u@example.com",
            field: value}
    assert errors_of(athena(sandbox, INVITE, body)) == [(f"/{field}", code)]


def test_uuid_format_is_checked(sandbox):
    r = athena(sandbox, INVITE, {"type": "website", "invite_method": "direct",
                                 "email": "u@example.com", "website_id": "123"})
    assert errors_of(r) == [("/website_id", "format")]


def test_unknown_field_is_reported_at_its_own_path(sandbox):
    r = athena(sandbox, INVITE, {"type": "organization", "invite_method": "direct",
                                 "email": "u@example.com", "emial": "x"})
    assert errors_of(r) == [("/emial", "additionalProperties")]
    assert "emial" in r.json()["errors"][0]["message"]


def test_errors_come_in_the_cores_order_not_the_schema_files(sandbox):
    # The core walks members before "required" and "pattern" before "format", whatever order
    # the keywords have in the file.
    r = athena(sandbox, INVITE, {"type": "organization", "invite_method": "direct",
                                 "emial": "u@example.com"})
    assert errors_of(r) == [("/emial", "additionalProperties"), ("/email", "required")]
    r = users_orgs(sandbox, {"firstName": "J", "lastName": "D", "email": ".j@example.com",
                             "permissions": {}})
    assert errors_of(r) == [("/email", "pattern"), ("/email", "format")]


def test_a_body_that_is_not_an_object_fails_type_and_the_list_rule(sandbox):
    r = athena(sandbox, "/api/v1/invites/bulk", "user@example.com")
    assert errors_of(r) == [("", "type"), ("", "oneOf")]


def test_nested_array_item_paths_are_json_pointers(sandbox):
    r = users_orgs(sandbox, {"firstName": "J", "lastName": "D", "email": "t@mail.com",
                             "permissions": {"read": [1, "2"], "manage": [-3]}})
    assert errors_of(r) == [("/permissions/read/1", "type"), ("/permissions/manage/0", "minimum")]


@pytest.mark.parametrize("text", [b"", b"{\"type\": ", b"{'type': 1}", b"{} {}", b"\xef\xbb\xbf{}",
                                  b"\xff\xfe", b'{"email": "\\ud800@example.com"}', b"NaN"])
def test_text_that_is_not_json_is_400_code_json(sandbox, text):
    r = sandbox.post(INVITE, text, headers={"x-api-key": sandbox.creds["athena"]["globalApiKey"],
                                            "content-type": "application/json"})
    assert errors_of(r) == [("", "json")]


def test_nesting_deeper_than_64_is_400_code_limit(sandbox):
    headers = {"x-api-key": sandbox.creds["athena"]["globalApiKey"],
               "content-type": "application/json"}
    assert errors_of(sandbox.post(INVITE, b"[" * 64 + b"]" * 64, headers=headers)) == [("", "type")]
    assert errors_of(sandbox.post(INVITE, b"[" * 65 + b"]" * 65, headers=headers)) == [("", "limit")]
    assert errors_of(sandbox.post(INVITE, b"[" * 100000, headers=headers)) in \
        ([("", "limit")], [("", "json")])


def _vectors():
    if not VECTORS.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{VECTORS} not present"))]
    rows = json.loads(VECTORS.read_text())
    endpoints = {p.stem for p in (ROOT / "src/endpoints").glob("*.json")}
    return [pytest.param(row, id=row["name"]) for row in rows if row["endpoint"] in endpoints]


@pytest.mark.parametrize("row", _vectors())
def test_sandbox_agrees_with_the_core_vectors(row):
    """The shared table both builds run: same verdict, same ordered (path, code) errors, same
    warnings and defaults. Run in-process: it judges the validator, not HTTP."""
    endpoint = load_catalog()[row["endpoint"]]
    if "bodyText" in row:
        value, problem = parse_body(row["bodyText"].encode("utf-8", "surrogatepass"))
        got = ({"valid": False, "errors": [problem], "warnings": []} if problem
               else endpoint.validate(value))
    else:
        got = endpoint.validate(row["body"])
    pairs = lambda issues: [(i["path"], i["code"]) for i in issues]  # noqa: E731
    assert got["valid"] == row["valid"]
    assert pairs(got["errors"]) == pairs(row["errors"])
    if row.get("warnings") is not None:
        assert pairs(got["warnings"]) == pairs(row["warnings"])
    if "value" in row:
        assert got["value"] == row["value"]
