"""The sandbox: fake AthenaHQ and users-organizations invite APIs whose state lives in SQLite.

Sandbox.handle(endpoint, headers, body) answers one call as the public docs describe it:
401 for a missing or unknown credential, 415 for a body that is not JSON, 400 with
{success: false, message, errors: [{path, code, message}]} for an invalid invite (judged by the
endpoint description's schema, see catalog.py), 403 for a key without the right scope, 404 for
an unknown website or group, 409 for someone already there, and the documented success bodies.

Seeded once per database: one organization, three websites and two groups (the docs' example
ids first, so the docs' requests work as written), a global API key, an API key scoped to the
first website, and a bearer + session token pair for users-organizations. These fake keys are
the only secrets ever written to disk.

GET /sandbox/state answers Sandbox.state(): {organization, websites, groups: [{id, name,
websiteIds}], users, memberships, pendingInvites, outbox, profiles} — never a key.

One SQLite connection behind a lock serves every thread: ":memory:" databases exist per
connection, and a write takes microseconds, so a lock is simpler than a pool and never sees
SQLITE_BUSY. File databases use WAL and a busy timeout for readers from other processes.
"""

import contextlib
import hmac
import json
import secrets
import sqlite3
import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path

from .catalog import parse_body

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS organizations (
  id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS websites (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS group_websites (
  group_id TEXT NOT NULL REFERENCES groups(id), website_id TEXT NOT NULL REFERENCES websites(id),
  PRIMARY KEY (group_id, website_id));
-- name is the endpoint description's credential name (apiKey, bearerToken, sessionToken);
-- scope is 'global' or 'website' for API keys, 'session' for the users-organizations pair.
CREATE TABLE IF NOT EXISTS credentials (
  name TEXT NOT NULL, value TEXT NOT NULL, scope TEXT NOT NULL, website_id TEXT,
  PRIMARY KEY (name, value));
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, first_name TEXT,
  last_name TEXT, email_verified INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memberships (
  id INTEGER PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
  target_kind TEXT NOT NULL, target_id TEXT NOT NULL, role TEXT NOT NULL,
  created_at TEXT NOT NULL, UNIQUE (user_id, target_kind, target_id));
CREATE TABLE IF NOT EXISTS invites (
  id TEXT PRIMARY KEY, email TEXT NOT NULL COLLATE NOCASE, target_kind TEXT NOT NULL,
  target_id TEXT NOT NULL, role TEXT NOT NULL, first_name TEXT, last_name TEXT,
  status TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (email, target_kind, target_id));
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY, to_email TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS profiles (
  user_id INTEGER PRIMARY KEY AUTOINCREMENT, organization_number INTEGER NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
  scope INTEGER NOT NULL, permissions TEXT NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, deleted_at TEXT);
"""

# What a reset clears; the organization, its websites and groups and the keys stay.
ACTIVITY_TABLES = ("memberships", "invites", "outbox", "users", "profiles")
WEBSITE_NAMES = ("Marketing site", "Docs site", "Shop")
GROUP_NAMES = ("Public sites", "Internal sites")
TARGET_TABLES = {"organization": "organizations", "website": "websites", "group": "groups"}
PROFILE_SCOPE = 1  # the docs' example value; the docs do not say what else "scope" can be


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def failure(status, message, errors=None):
    body = {"success": False, "message": message}
    if errors is not None:
        body["errors"] = errors
    return status, body


def _example_ids(catalog, family, singular, plural):
    """The ids the docs' example requests use for websites or groups, in order, once each."""
    found = []
    for endpoint in catalog.values():
        if endpoint.family != family:
            continue
        request = endpoint.doc.get("examples", {}).get("request", {})
        for value in [request.get(singular)] + list(request.get(plural) or []):
            if isinstance(value, str) and value not in found:
                found.append(value)
    return found


class Sandbox:
    def __init__(self, path, catalog):
        self.catalog = catalog
        self._lock = threading.Lock()
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM meta WHERE key='seeded_at'").fetchone() is None:
                self._seed(db)
        self._handlers = {"athena.createInvite": self._create_invite,
                          "athena.bulkInvite": self._bulk_invite,
                          "usersOrganizations.createInvite": self._create_profile}

    # -- plumbing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self):
        """One write transaction at a time; rolled back if anything in it raises."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self):
        with self._lock:
            self._db.close()

    def _seed(self, db):
        websites = _example_ids(self.catalog, "athena", "website_id", "website_ids")
        groups = _example_ids(self.catalog, "athena", "group_id", "group_ids")
        websites = (websites + [str(uuid.uuid4()) for _ in WEBSITE_NAMES])[:len(WEBSITE_NAMES)]
        groups = (groups + [str(uuid.uuid4()) for _ in GROUP_NAMES])[:len(GROUP_NAMES)]
        db.execute("INSERT INTO organizations VALUES (?, 1, 'Sandbox Organization')",
                   (str(uuid.uuid4()),))
        db.executemany("INSERT INTO websites VALUES (?, ?)", zip(websites, WEBSITE_NAMES))
        db.executemany("INSERT INTO groups VALUES (?, ?)", zip(groups, GROUP_NAMES))
        db.executemany("INSERT INTO group_websites VALUES (?, ?)",
                       [(groups[0], websites[0]), (groups[0], websites[1]),
                        (groups[1], websites[2])])
        db.executemany("INSERT INTO credentials VALUES (?, ?, ?, ?)", [
            ("apiKey", "sbx_global_" + secrets.token_hex(16), "global", None),
            ("apiKey", "sbx_site_" + secrets.token_hex(16), "website", websites[0]),
            ("bearerToken", "sbx_bearer_" + secrets.token_hex(16), "session", None),
            ("sessionToken", "sbx_session_" + secrets.token_hex(16), "session", None)])
        db.execute("INSERT INTO meta VALUES ('seeded_at', ?)", (now(),))

    def _rows(self, sql, args=()):
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # -- /sandbox/* -------------------------------------------------------------------------

    def credentials(self):
        """The seeded credentials, in the shape the admin page and the tests read."""
        keys = {(r["name"], r["scope"]): r for r in self._rows("SELECT * FROM credentials")}
        site_key = keys[("apiKey", "website")]
        return {
            "athena": {"globalApiKey": keys[("apiKey", "global")]["value"],
                       "websiteApiKey": site_key["value"],
                       "websiteId": site_key["website_id"]},
            "usersOrganizations": {"bearerToken": keys[("bearerToken", "session")]["value"],
                                   "sessionToken": keys[("sessionToken", "session")]["value"]},
            "websites": [r["id"] for r in self._rows("SELECT id FROM websites ORDER BY rowid")],
            "groups": [r["id"] for r in self._rows("SELECT id FROM groups ORDER BY rowid")],
        }

    def state(self):
        """Everything an admin may look at — never a key."""
        org = self._rows("SELECT * FROM organizations")[0]
        members = {}
        for r in self._rows("SELECT * FROM group_websites ORDER BY rowid"):
            members.setdefault(r["group_id"], []).append(r["website_id"])
        return {
            "organization": {"id": org["id"], "name": org["name"]},
            "websites": [{"id": r["id"], "name": r["name"]}
                         for r in self._rows("SELECT * FROM websites ORDER BY rowid")],
            "groups": [{"id": r["id"], "name": r["name"], "websiteIds": members.get(r["id"], [])}
                       for r in self._rows("SELECT * FROM groups ORDER BY rowid")],
            "users": [{"id": r["id"], "email": r["email"], "firstName": r["first_name"],
                       "lastName": r["last_name"], "emailVerified": bool(r["email_verified"]),
                       "createdAt": r["created_at"]}
                      for r in self._rows("SELECT * FROM users ORDER BY rowid")],
            "memberships": [{"userId": r["user_id"], "email": r["email"],
                             "targetKind": r["target_kind"], "targetId": r["target_id"],
                             "role": r["role"], "createdAt": r["created_at"]}
                            for r in self._rows("SELECT m.*, u.email FROM memberships m "
                                                "JOIN users u ON u.id = m.user_id ORDER BY m.id")],
            "pendingInvites": [{"id": r["id"], "email": r["email"], "targetKind": r["target_kind"],
                                "targetId": r["target_id"], "role": r["role"],
                                "firstName": r["first_name"], "lastName": r["last_name"],
                                "createdAt": r["created_at"]}
                               for r in self._rows("SELECT * FROM invites WHERE status='pending' "
                                                   "ORDER BY rowid")],
            "outbox": [{"id": r["id"], "to": r["to_email"], "subject": r["subject"],
                        "body": r["body"], "createdAt": r["created_at"]}
                       for r in self._rows("SELECT * FROM outbox ORDER BY id")],
            "profiles": [dict(self._profile(r), email=r["email"], firstName=r["first_name"],
                              lastName=r["last_name"])
                         for r in self._rows("SELECT * FROM profiles ORDER BY user_id")],
        }

    def reset(self):
        """Clears users, memberships, invites, the outbox and profiles; keeps the seed."""
        with self._transaction() as db:
            for table in ACTIVITY_TABLES:
                db.execute(f"DELETE FROM {table}")

    # -- the invite endpoints ---------------------------------------------------------------

    def handle(self, endpoint, headers, data):
        """Answers one call to `endpoint` (a catalog.Endpoint): returns (status, JSON body)."""
        if endpoint.id not in self._handlers:  # a new endpoint file, not yet taught to the sandbox
            return failure(501, f"The sandbox does not implement {endpoint.id} yet.")
        grants = []
        for spec in endpoint.credentials:
            value = endpoint.credential(spec["name"], headers)
            if value is None:
                shape = spec.get("format", "{value}").replace("{value}", "<your key>")
                return failure(401, f"Missing {spec['label']}: send it in the "
                                    f"'{spec['header']}' header as '{shape}'.")
            grant = self._grant(spec["name"], value)
            if grant is None:
                return failure(401, f"Invalid {spec['label']}: the sandbox does not know it "
                                    f"(GET /sandbox/credentials lists the sandbox's own).")
            grants.append(grant)
        media_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != endpoint.content_type:
            return failure(415, f"Send the body as JSON with the header "
                                f"'Content-Type: {endpoint.content_type}'.")
        body, problem = parse_body(data)
        if problem:
            return failure(400, problem["message"], [problem])
        result = endpoint.validate(body)
        if not result["valid"]:
            errors = result["errors"]
            count = f"The invite has {len(errors)} problems. " if len(errors) > 1 else ""
            return failure(400, count + errors[0]["message"], errors)
        status, reply = self._handlers[endpoint.id](result["value"], grants[0])
        if 200 <= status < 300 and result["warnings"]:
            # Not in the docs' bodies: what the real API would silently ignore, said out loud.
            reply["warnings"] = result["warnings"]
        return status, reply

    def _grant(self, name, value):
        for row in self._rows("SELECT * FROM credentials WHERE name = ?", (name,)):
            if hmac.compare_digest(row["value"].encode(), value.encode()):
                return {"scope": row["scope"], "website_id": row["website_id"]}
        return None

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
        with self._transaction() as db:
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
                return 200, {"success": True, "message": "Invitation sent", **outcome}
            return 200, {"success": True, "message": f"User added to {kind}", **outcome}

    def _bulk_invite(self, body, grant):
        kind = "website" if "website_ids" in body else "group"
        if kind == "group" and grant["scope"] != "global":
            return failure(403, "Group invites need a global API key; this key only works for "
                                "its own website.")
        targets = list(dict.fromkeys(body[f"{kind}_ids"]))  # a repeated id is invited once
        results, sent = [], []
        with self._transaction() as db:
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
        return 200, {"success": True, "results": results}

    def _profile(self, row):
        return {"userId": row["user_id"], "organizationId": row["organization_number"],
                "scope": row["scope"], "permissions": json.loads(row["permissions"]),
                "deletedAt": row["deleted_at"], "updatedAt": row["updated_at"],
                "createdAt": row["created_at"]}

    def _create_profile(self, body, _grant):
        given = body["permissions"]
        # Echoed with defaults for what was left out; ids once each (1.0 is the integer 1).
        permissions = {"group": int(given.get("group", 0)),
                       "read": list(dict.fromkeys(int(i) for i in given.get("read", []))),
                       "manage": list(dict.fromkeys(int(i) for i in given.get("manage", [])))}
        stamp = now()
        with self._transaction() as db:
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
            return 201, {"data": self._profile(row)}
