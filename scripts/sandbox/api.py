"""The sandbox's invite APIs: each call to a documented path answered as the public docs
describe it, on the state in database.py.

Sandbox.handle(endpoint, headers, body) answers one call: 401 for a missing or unknown
credential, 429 or 503 when the traffic conditions say so (traffic.py), 415 for a body sent as
something else than JSON, 400 for a body that is not JSON or does not meet the endpoint's schema
(validation.py), 403 for a key without the right scope, 404 for an unknown website or group, 409
for someone already there, and the documented success bodies. Every refusal is {"success":
false, "message": ...}, as the AthenaHQ API answers.

Every call that gets as far as a valid body is a receipt of that invite (database.py counts
them), whatever the answer: a client that sends a row twice shows up as a count of 2.
"""

import json
import uuid

from .database import Database, now, profile
from .traffic import Traffic
from .validation import read_json, schema_problem, with_defaults

TARGET_TABLES = {"organization": "organizations", "website": "websites", "group": "groups"}
PROFILE_SCOPE = 1  # the docs' example value; the docs do not say what else "scope" can be


def failure(status, message, headers=()):
    """A refusal in the API's shape. Every answer here is (status, JSON body, [(header, value)])."""
    return status, {"success": False, "message": message}, list(headers)


class Sandbox:
    """The invite endpoints of every catalog entry it has a handler for, on a Database."""

    def __init__(self, path, catalog, traffic=None):
        self.db = Database(path, catalog)
        self.traffic = traffic or Traffic()
        self._handlers = {"athena.createInvite": self._create_invite,
                          "athena.bulkInvite": self._bulk_invite,
                          "usersOrganizations.createInvite": self._create_profile}

    def handle(self, endpoint, headers, data):
        """Answers one call to `endpoint` (a catalog.Endpoint): returns (status, JSON body,
        [(header, value)])."""
        self.traffic.wait()
        if endpoint.id not in self._handlers:  # a new endpoint file, not yet taught to the sandbox
            return failure(501, f"The sandbox does not implement {endpoint.id} yet.")
        grants = []
        for spec in endpoint.credentials:
            value = endpoint.credential(spec["name"], headers)
            if value is None:
                shape = spec.get("format", "{value}").replace("{value}", "<your key>")
                return failure(401, f"Missing {spec['label']}: send it in the "
                                    f"'{spec['header']}' header as '{shape}'.")
            grant = self.db.grant(spec["name"], value)
            if grant is None:
                return failure(401, f"Invalid {spec['label']}: the sandbox does not know it "
                                    f"(GET /sandbox/credentials lists the sandbox's own).")
            grants.append((value, grant))
        refusal = self.traffic.refusal(grants[0][0], data)  # the first credential is "the key"
        if refusal:
            return failure(*refusal)
        media_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != endpoint.content_type:
            return failure(415, f"Send the body as JSON with the header "
                                f"'Content-Type: {endpoint.content_type}'.")
        body, problem = read_json(data)
        if problem is None:
            problem = schema_problem(endpoint, body)
        if problem is not None:
            return failure(400, problem)
        invite = with_defaults(body, endpoint.schema)
        self.db.count_receipt(endpoint.id, invite)
        return self._handlers[endpoint.id](invite, grants[0][1])

    def _target_exists(self, db, kind, target):
        return db.execute(f"SELECT 1 FROM {TARGET_TABLES[kind]} WHERE id = ?",
                          (target,)).fetchone() is not None

    def _target_name(self, db, kind, target):
        return db.execute(f"SELECT name FROM {TARGET_TABLES[kind]} WHERE id = ?",
                          (target,)).fetchone()["name"]

    def _invite_one(self, db, kind, target, body):
        """Adds or invites body["email"] to one target. Returns (True, {user_id | invite_id})
        or (False, the reason), the reason being the docs' words where they have some."""
        email = body["email"]
        user = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()
        if user and db.execute("SELECT 1 FROM memberships WHERE user_id = ? AND target_kind = ? "
                               "AND target_id = ?", (user["id"], kind, target)).fetchone():
            return False, f"User is already a member of this {kind}"
        if body["invite_method"] == "email":
            if db.execute("SELECT 1 FROM invites WHERE email = ? AND target_kind = ? AND "
                          "target_id = ? AND status = 'pending'", (email, kind, target)).fetchone():
                return False, f"An invitation to this {kind} is already pending for this email"
            invite_id = str(uuid.uuid4())
            db.execute("INSERT INTO invites VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                       (invite_id, email, kind, target, body["role"], body.get("first_name"),
                        body.get("last_name"), now()))
            return True, {"invite_id": invite_id}
        if user is None:  # direct: create the account, unverified, as the docs say
            user = {"id": str(uuid.uuid4())}
            db.execute("INSERT INTO users VALUES (?, ?, ?, ?, 0, ?)",
                       (user["id"], email, body.get("first_name"), body.get("last_name"), now()))
        db.execute("INSERT INTO memberships (user_id, target_kind, target_id, role, created_at) "
                   "VALUES (?, ?, ?, ?, ?)", (user["id"], kind, target, body["role"], now()))
        return True, {"user_id": user["id"]}

    def _send_email(self, db, body, kind, targets):
        org = db.execute("SELECT name FROM organizations").fetchone()["name"]
        names = ", ".join(f"{self._target_name(db, kind, t)} ({t})" for t in targets)
        places = {"organization": "the organization", "website": "the website",
                  "group": "the group"}[kind] + ("s" if len(targets) > 1 else "")
        db.execute("INSERT INTO outbox (to_email, subject, body, created_at) VALUES (?, ?, ?, ?)",
                   (body["email"], f"You are invited to {org} on AthenaHQ",
                    f"Hello {body.get('first_name') or 'there'},\n\nYou are invited as "
                    f"{body['role']} to {places} {names} of {org}.\n\n"
                    "(Sandbox: nothing was sent; this message only exists in the outbox.)",
                    now()))

    def _scope_refusal(self, grant, kind, target):
        """The 403 reason when `grant` may not invite to this target, else None."""
        if grant["scope"] == "global":
            return None
        if kind != "website":
            return (f"{kind.capitalize()} invites need a global API key; this key only works "
                    "for its own website.")
        if target != grant["website_id"]:
            return "This API key only works for its own website, not this one."
        return None

    def _create_invite(self, body, grant):
        kind = body["type"]
        with self.db.transaction() as db:
            target = (db.execute("SELECT id FROM organizations").fetchone()["id"]
                      if kind == "organization" else body[f"{kind}_id"])
            refusal = self._scope_refusal(grant, kind, target)
            if refusal:
                return failure(403, refusal)
            if not self._target_exists(db, kind, target):
                return failure(404, f"{kind.capitalize()} not found: {target}")
            ok, outcome = self._invite_one(db, kind, target, body)
            if not ok:
                return failure(409, outcome)
            if body["invite_method"] == "email":
                self._send_email(db, body, kind, [target])
                return 200, {"success": True, "message": "Invitation sent", **outcome}, []
            return 200, {"success": True, "message": f"User added to {kind}", **outcome}, []

    def _bulk_invite(self, body, grant):
        kind = "website" if "website_ids" in body else "group"
        if kind == "group" and grant["scope"] != "global":
            return failure(403, "Group invites need a global API key; this key only works for "
                                "its own website.")
        targets = list(dict.fromkeys(body[f"{kind}_ids"]))  # a repeated id is invited once
        results, sent = [], []
        with self.db.transaction() as db:
            for target in targets:
                result = {f"{kind}_id": target}
                refusal = self._scope_refusal(grant, kind, target)
                if refusal:
                    ok, outcome = False, refusal
                elif not self._target_exists(db, kind, target):
                    ok, outcome = False, f"{kind.capitalize()} not found"
                else:
                    ok, outcome = self._invite_one(db, kind, target, body)
                if ok:
                    email = body["invite_method"] == "email"
                    result.update(success=True, message="Invitation sent" if email
                                  else f"User added to {kind}", **outcome)
                    sent.append(target)
                else:
                    result.update(success=False, error=outcome)
                results.append(result)
            if sent and body["invite_method"] == "email":
                self._send_email(db, body, kind, sent)  # one consolidated email, as documented
        return 200, {"success": True, "results": results}, []

    def _create_profile(self, body, _grant):
        given = body["permissions"]
        # Echoed with defaults for what was left out; ids once each (1.0 is the integer 1).
        permissions = {"group": int(given.get("group", 0)),
                       "read": list(dict.fromkeys(int(i) for i in given.get("read", []))),
                       "manage": list(dict.fromkeys(int(i) for i in given.get("manage", [])))}
        stamp = now()
        with self.db.transaction() as db:
            if db.execute("SELECT 1 FROM profiles WHERE email = ?", (body["email"],)).fetchone():
                return failure(409, "A profile with this email already exists in the "
                                    "organization.")
            number = db.execute("SELECT number FROM organizations").fetchone()["number"]
            cursor = db.execute(
                "INSERT INTO profiles (organization_number, email, first_name, last_name, scope, "
                "permissions, created_at, updated_at, deleted_at) VALUES (?,?,?,?,?,?,?,?,NULL)",
                (number, body["email"], body["firstName"], body["lastName"], PROFILE_SCOPE,
                 json.dumps(permissions), stamp, stamp))
            row = db.execute("SELECT * FROM profiles WHERE user_id = ?",
                             (cursor.lastrowid,)).fetchone()
            return 201, {"data": profile(row)}, []
