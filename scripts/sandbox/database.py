"""The sandbox's state in SQLite: one organization with its websites, groups and fake keys,
seeded once per database, and what the invite calls did to it (users, memberships, pending
invites, the outbox, profiles).

Seeded once per database: one organization, three websites and two groups (the docs' example
ids first, so the docs' requests work as written), a global API key, an API key scoped to the
first website, and a bearer + session token pair for users-organizations. These fake keys are
the only secrets ever written to disk.

GET /sandbox/state answers Database.state(): {organization, websites, groups: [{id, name,
websiteIds}], users, memberships, pendingInvites, outbox, profiles, received} — never a key.

"received" counts how many times each invite came in, so a test can prove a client sent each
exactly once: [{endpoint, invite, count, firstAt, lastAt}] in order of first arrival. An invite
is its endpoint and its body as judged (keys sorted, the schema's defaults filled in: an omitted
"role" and "role": "viewer" are one invite); a body edited between two sends is two invites.
A call counts once its body is valid, whatever the answer (a second send of a direct invite
gets 409 and counts 2); one refused before that (401, 429, the --fail-rate 503s, 415, 400) did
nothing and does not count.

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
CREATE TABLE IF NOT EXISTS receipts (
  endpoint TEXT NOT NULL, invite TEXT NOT NULL, count INTEGER NOT NULL, first_at TEXT NOT NULL,
  last_at TEXT NOT NULL, PRIMARY KEY (endpoint, invite));
"""

# What a reset clears; the organization, its websites and groups and the keys stay.
ACTIVITY_TABLES = ("memberships", "invites", "outbox", "users", "profiles", "receipts")
WEBSITE_NAMES = ("Marketing site", "Docs site", "Shop")
GROUP_NAMES = ("Public sites", "Internal sites")


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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


def profile(row):
    """A profiles row in the users-organizations API's shape."""
    return {"userId": row["user_id"], "organizationId": row["organization_number"],
            "scope": row["scope"], "permissions": json.loads(row["permissions"]),
            "deletedAt": row["deleted_at"], "updatedAt": row["updated_at"],
            "createdAt": row["created_at"]}


class Database:
    """The sandbox's SQLite database, opened (and seeded when new) at `path` or ":memory:"."""

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
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM meta WHERE key='seeded_at'").fetchone() is None:
                self._seed(db)

    # -- the connection ---------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self):
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

    def rows(self, sql, args=()):
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # -- /sandbox/* -------------------------------------------------------------------------

    def credentials(self):
        """The seeded credentials, in the shape the admin page and the tests read."""
        keys = {(r["name"], r["scope"]): r for r in self.rows("SELECT * FROM credentials")}
        site_key = keys[("apiKey", "website")]
        return {
            "athena": {"globalApiKey": keys[("apiKey", "global")]["value"],
                       "websiteApiKey": site_key["value"],
                       "websiteId": site_key["website_id"]},
            "usersOrganizations": {"bearerToken": keys[("bearerToken", "session")]["value"],
                                   "sessionToken": keys[("sessionToken", "session")]["value"]},
            "websites": [r["id"] for r in self.rows("SELECT id FROM websites ORDER BY rowid")],
            "groups": [r["id"] for r in self.rows("SELECT id FROM groups ORDER BY rowid")],
        }

    def state(self):
        """Everything an admin may look at — never a key."""
        org = self.rows("SELECT * FROM organizations")[0]
        members = {}
        for r in self.rows("SELECT * FROM group_websites ORDER BY rowid"):
            members.setdefault(r["group_id"], []).append(r["website_id"])
        return {
            "organization": {"id": org["id"], "name": org["name"]},
            "websites": [{"id": r["id"], "name": r["name"]}
                         for r in self.rows("SELECT * FROM websites ORDER BY rowid")],
            "groups": [{"id": r["id"], "name": r["name"], "websiteIds": members.get(r["id"], [])}
                       for r in self.rows("SELECT * FROM groups ORDER BY rowid")],
            "users": [{"id": r["id"], "email": r["email"], "firstName": r["first_name"],
                       "lastName": r["last_name"], "emailVerified": bool(r["email_verified"]),
                       "createdAt": r["created_at"]}
                      for r in self.rows("SELECT * FROM users ORDER BY rowid")],
            "memberships": [{"userId": r["user_id"], "email": r["email"],
                             "targetKind": r["target_kind"], "targetId": r["target_id"],
                             "role": r["role"], "createdAt": r["created_at"]}
                            for r in self.rows("SELECT m.*, u.email FROM memberships m "
                                               "JOIN users u ON u.id = m.user_id ORDER BY m.id")],
            "pendingInvites": [{"id": r["id"], "email": r["email"], "targetKind": r["target_kind"],
                                "targetId": r["target_id"], "role": r["role"],
                                "firstName": r["first_name"], "lastName": r["last_name"],
                                "createdAt": r["created_at"]}
                               for r in self.rows("SELECT * FROM invites WHERE status='pending' "
                                                  "ORDER BY rowid")],
            "outbox": [{"id": r["id"], "to": r["to_email"], "subject": r["subject"],
                        "body": r["body"], "createdAt": r["created_at"]}
                       for r in self.rows("SELECT * FROM outbox ORDER BY id")],
            "profiles": [dict(profile(r), email=r["email"], firstName=r["first_name"],
                              lastName=r["last_name"])
                         for r in self.rows("SELECT * FROM profiles ORDER BY user_id")],
            "received": [{"endpoint": r["endpoint"], "invite": json.loads(r["invite"]),
                          "count": r["count"], "firstAt": r["first_at"], "lastAt": r["last_at"]}
                         for r in self.rows("SELECT * FROM receipts ORDER BY rowid")],
        }

    def reset(self):
        """Clears users, memberships, invites, the outbox, profiles and receipts; keeps the
        seed."""
        with self.transaction() as db:
            for table in ACTIVITY_TABLES:
                db.execute(f"DELETE FROM {table}")

    def grant(self, name, value):
        """What credential `name` with `value` may do ({scope, website_id}), or None when the
        sandbox does not know it. Compared in constant time."""
        for row in self.rows("SELECT * FROM credentials WHERE name = ?", (name,)):
            if hmac.compare_digest(row["value"].encode(), value.encode()):
                return {"scope": row["scope"], "website_id": row["website_id"]}
        return None

    def count_receipt(self, endpoint_id, invite):
        """One more arrival of `invite` (a valid body) at `endpoint_id`: see "received" above."""
        key = json.dumps(invite, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        stamp = now()
        with self.transaction() as db:
            db.execute("INSERT INTO receipts VALUES (?, ?, 1, ?, ?) ON CONFLICT (endpoint, invite) "
                       "DO UPDATE SET count = count + 1, last_at = excluded.last_at",
                       (endpoint_id, key, stamp, stamp))
