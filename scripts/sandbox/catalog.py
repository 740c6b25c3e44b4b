"""The endpoint descriptions (src/endpoints/*.json, the files the C++ core embeds) as the sandbox
reads them: method and path, credentials, content type, and the body's schema compiled once with
python3-jsonschema (see validation.py for how a body is judged)."""

import json
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker

ENDPOINTS_DIR = Path(__file__).resolve().parents[2] / "src" / "endpoints"


class Endpoint:
    """One src/endpoints/<id>.json."""

    def __init__(self, doc):
        self.doc = doc
        self.id = doc["id"]
        self.family = doc["family"]
        self.method = doc["method"].upper()
        self.path = doc["path"]
        self.credentials = doc["auth"]["credentials"]
        self.content_type = doc.get("headers", {}).get("content-type", "application/json")
        self.schema = doc["schema"]
        Draft7Validator.check_schema(self.schema)
        # jsonschema's own format rules, as a server using it would have: an "email" has an
        # "@", a "uuid" is one Python's uuid.UUID reads, in the hyphenated form.
        self.validator = Draft7Validator(self.schema, format_checker=FormatChecker())

    def credential(self, name, headers):
        """The value of credential `name` read from request headers through its "format"
        ("Bearer {value}"), or None when the header is missing or not in that form."""
        spec = next(c for c in self.credentials if c["name"] == name)
        raw = headers.get(spec["header"])
        if raw is None:
            return None
        prefix, _, suffix = spec.get("format", "{value}").partition("{value}")
        # Authorization schemes are case-insensitive (RFC 7235); the token is not.
        if not raw[:len(prefix)].lower() == prefix.lower() or not raw.endswith(suffix):
            return None
        value = raw[len(prefix):len(raw) - len(suffix)]
        return value or None

    def credential_headers(self):
        return [c["header"] for c in self.credentials]


def load_catalog(directory=ENDPOINTS_DIR):
    """Every endpoint description in `directory`, by id."""
    catalog = {}
    for file in sorted(Path(directory).glob("*.json")):
        endpoint = Endpoint(json.loads(file.read_text(encoding="utf-8")))
        catalog[endpoint.id] = endpoint
    if not catalog:
        raise FileNotFoundError(f"no endpoint descriptions in {directory}")
    return catalog
