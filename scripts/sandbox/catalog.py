"""The endpoint catalog as the sandbox reads it, and invite validation with python3-jsonschema.

Everything comes from src/endpoints/*.json — the files the C++ core embeds — so the sandbox and
the core judge an invite by the same rules through two independent engines. Issues take the
core's shape (src/issue.h): {path: JSON Pointer, code: the failing keyword or the schema's
"x-code", message: one sentence for an admin, the schema's "x-messages" when it has one}.
"""

import ipaddress
import itertools
import json
import re
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker

ENDPOINTS_DIR = Path(__file__).resolve().parents[2] / "src" / "endpoints"
MAX_DEPTH = 64      # deeper nesting is refused with code "limit", as the core does
MAX_ERRORS = 100    # the core's cap on issues per call


# ---------------------------------------------------------------------------------------------
# Formats. jsonschema's own "email" check only looks for an "@" and it has no "uuid" offline, so
# both are registered here, following the core's rules (src/detail/schema_format.cpp): an
# RFC 5322 dot-atom or quoted local part and a host of two or more labels or an IP literal.

_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+"
_DOT_ATOM = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*\Z")
_QUOTED = re.compile(r'"(?:[ !#-\[\]-~]|\\[ -~])*"\Z')
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\Z")
_IPV4 = re.compile(r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}"
                   r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\Z")
_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\Z")


def _is_ipv6(text):
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def _is_domain(domain):
    if domain.startswith("[") and domain.endswith("]"):
        literal = domain[1:-1]
        return _is_ipv6(literal[5:]) if literal.startswith("IPv6:") else bool(_IPV4.match(literal))
    labels = domain.split(".")
    # A single label ("localhost") is a valid host, but never what an admin means to invite.
    return len(domain) <= 253 and len(labels) >= 2 and all(_LABEL.match(label) for label in labels)


def is_email(value):
    if not isinstance(value, str):
        return True  # formats only judge strings; "type" judges the rest
    if len(value.encode("utf-8", "surrogatepass")) > 254 or "@" not in value:
        return False
    local, _, domain = value.rpartition("@")
    if not local or len(local) > 64:
        return False
    return bool(_DOT_ATOM.match(local) or _QUOTED.match(local)) and _is_domain(domain)


def is_uuid(value):
    return not isinstance(value, str) or bool(_UUID.match(value))


FORMATS = FormatChecker(())
FORMATS.checks("email")(is_email)
FORMATS.checks("uuid")(is_uuid)


# ---------------------------------------------------------------------------------------------
# Parsing a body: the core's "json" and "limit" issues.

def issue(path, code, message):
    return {"path": path, "code": code, "message": message}


def _reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def _check_tree(value):
    """Returns an issue for nesting deeper than MAX_DEPTH or a lone UTF-16 surrogate, else None."""
    stack = [(value, 1 if isinstance(value, (dict, list)) else 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return issue("", "limit", f"The body nests deeper than {MAX_DEPTH} levels.")
        if isinstance(node, dict):
            for key, child in node.items():
                stack.append((key, depth))
                stack.append((child, depth + 1 if isinstance(child, (dict, list)) else depth))
        elif isinstance(node, list):
            stack.extend((child, depth + 1 if isinstance(child, (dict, list)) else depth)
                         for child in node)
        elif isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                return issue("", "json", "The body is not valid JSON: a string holds a lone "
                                         "UTF-16 surrogate (\\ud800-\\udfff).")
    return None


def parse_body(data):
    """Parses request bytes as JSON. Returns (value, None) or (None, issue)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, issue("", "json", f"The body is not valid UTF-8 (at byte {e.start}).")
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        return None, issue("", "json", f"The body is not valid JSON: {e.msg} "
                                       f"(line {e.lineno}, column {e.colno}).")
    except ValueError as e:
        return None, issue("", "json", f"The body is not valid JSON: {e}.")
    except RecursionError:
        return None, issue("", "limit", f"The body nests deeper than {MAX_DEPTH} levels.")
    problem = _check_tree(value)
    return (None, problem) if problem else (value, None)


# ---------------------------------------------------------------------------------------------
# jsonschema errors → issues.

def pointer(parts):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
               "array": "a list", "object": "an object", "boolean": "true or false",
               "null": "null"}


def _default_message(keyword, title, value, prop):
    """A sentence for an admin when the schema has no x-messages for this keyword."""
    if keyword == "required":
        return f"Enter the {title}: it is required."
    if keyword == "type":
        kinds = value if isinstance(value, list) else [value]
        return f"The {title} must be " + " or ".join(_TYPE_WORDS.get(k, k) for k in kinds) + "."
    if keyword in ("enum", "const"):
        choices = value if keyword == "enum" else [value]
        return f"Choose the {title} from: " + ", ".join(json.dumps(c) for c in choices) + "."
    if keyword == "format":
        if value == "email":
            return f"Enter a valid {title}, like name@example.com."
        if value == "uuid":
            return f"The {title} must be an ID like 123e4567-e89b-12d3-a456-426614174000."
        return f"The {title} is not a valid {value}."
    if keyword == "additionalProperties":
        return f"'{prop}' is not a field of this {title}: remove it or check its spelling."
    if keyword == "uniqueItems":
        return f"This {title} is listed twice."
    words = {"maxLength": f"is too long: at most {value} characters",
             "minLength": f"is too short: at least {value} characters",
             "maxItems": f"lists too many: at most {value}",
             "minItems": f"lists too few: at least {value}",
             "minimum": f"must be {value} or more",
             "maximum": f"must be {value} or less",
             "pattern": "is not in the expected form"}
    return f"The {title} {words.get(keyword, 'does not follow the rules')}."


# The core evaluates a schema node in a fixed order (src/detail/schema_eval.cpp): type, enum,
# const; then the value's own keywords — an object's members in the instance's order (each
# through properties, patternProperties, additionalProperties), then required, dependencies,
# min/maxProperties; an array's items, then min/maxItems, uniqueItems; a string's min/maxLength,
# pattern, format; a number's bounds — and last the applicators. jsonschema follows the schema
# file's key order instead, so each issue gets a sort key that replays the core's walk.
_RANK = {"type": 0, "enum": 1, "const": 2,
         "required": 4, "dependencies": 5, "minProperties": 6, "maxProperties": 7,
         "minItems": 4, "maxItems": 5, "uniqueItems": 6, "contains": 7,
         "minLength": 3, "maxLength": 4, "pattern": 5, "format": 6,
         "multipleOf": 3, "minimum": 4, "maximum": 5, "exclusiveMinimum": 6,
         "exclusiveMaximum": 7,
         "allOf": 10, "anyOf": 11, "oneOf": 12, "not": 13, "if": 14, "then": 14, "else": 14,
         "false": 0}
_MEMBER = 3  # members and items come before the keywords ranked 4 and up


def _order_key(error, root, extra=None):
    """The position of an issue in the core's walk over `root`, the whole instance; `extra` is
    the segment the issue adds to the error's own path (a missing property's name, an extra
    property, a repeated item's index)."""
    steps, key = list(error.absolute_schema_path), []
    where, depth, node = list(error.absolute_path), 0, root
    i = 0
    while i < len(steps):
        step, last = steps[i], i == len(steps) - 1
        if step in ("properties", "patternProperties", "additionalProperties", "items") \
                and not last and depth < len(where):
            member = where[depth]
            index = list(node).index(member) if isinstance(node, dict) else member
            order = ("properties", "patternProperties", "additionalProperties").index(step) \
                if isinstance(node, dict) else 0
            key.append((_MEMBER, index, order))
            node, depth = node[member], depth + 1
            i += 1 if step in ("additionalProperties", "items") else 2
            if step == "items" and i < len(steps) and isinstance(steps[i], int):
                i += 1  # a tuple's schema index
        elif step in ("allOf", "anyOf", "oneOf") and not last:
            key.append((_RANK[step], steps[i + 1]))
            i += 2
        elif step in ("then", "else"):
            key.append((_RANK[step], 1))
            i += 1
        elif step == "additionalProperties" and extra is not None:
            key.append((_MEMBER, list(node).index(extra), 2))
            i += 1
        elif step == "required" and extra is not None:
            names = list(error.schema.get("properties", {}))
            names += [r for r in error.validator_value if r not in names]
            key.append((_RANK[step], names.index(extra)))
            i += 1
        else:
            key.append((_RANK.get(step, 9), extra if isinstance(extra, int) else 0))
            i += 1
    return key


def _issues_from(error):
    """One jsonschema error as the core's issues (a few keywords become one issue per field),
    each with the path segment it adds (see _order_key)."""
    keyword, schema, path = error.validator, error.schema, list(error.absolute_path)
    code = schema.get("x-code", keyword)
    custom = schema.get("x-messages", {}).get(keyword)
    title = schema.get("title", str(path[-1]) if path else "invite")

    if keyword == "required":
        missing = [p for p in error.validator_value if p not in error.instance]
        name = next((p for p in missing if error.message.startswith(repr(p))), missing[0])
        prop_title = schema.get("properties", {}).get(name, {}).get("title", name)
        return [(issue(pointer(path + [name]), code,
                       custom or _default_message(keyword, prop_title, None, name)), name)]
    if keyword == "additionalProperties":
        known = schema.get("properties", {})
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        extras = [k for k in error.instance
                  if k not in known and not any(p.search(k) for p in patterns)]
        return [(issue(pointer(path + [k]), code,
                       custom or _default_message(keyword, title, None, k)), k) for k in extras]
    if keyword == "uniqueItems":
        # The core points at each repeat (the second "a" in ["a", "b", "a"]), not at the list.
        item_title = schema.get("items", {}).get("title", title)
        seen, found = [], []
        for i, item in enumerate(error.instance):
            if any(item == s and type(item) is type(s) for s in seen):
                found.append((issue(pointer(path + [i]), code,
                                    custom or _default_message(keyword, item_title, None, None)),
                              i))
            seen.append(item)
        return found
    return [(issue(pointer(path), code,
                   custom or _default_message(keyword, title, error.validator_value, None)),
             None)]


def _issues(validator, instance):
    """Every issue `validator` finds in `instance`, in the core's order."""
    # A 1 MiB body can hold 100 000 bad items; the core stops at MAX_ERRORS, so look at no
    # more than a few times that before sorting.
    errors = itertools.islice(validator.iter_errors(instance), 10 * MAX_ERRORS)
    found = [(_order_key(error, instance, extra), n, found_issue)
             for error in errors
             for n, (found_issue, extra) in enumerate(_issues_from(error))]
    found.sort(key=lambda entry: entry[:2])
    return [entry[2] for entry in found]


def _fill_defaults(value, schema):
    """Inserts the schema's defaults for missing properties (at the end of each object)."""
    if not isinstance(value, dict) or not isinstance(schema, dict):
        return
    for name, sub in schema.get("properties", {}).items():
        if name not in value and isinstance(sub, dict) and "default" in sub:
            value[name] = json.loads(json.dumps(sub["default"]))
        if name in value:
            _fill_defaults(value[name], sub)


# ---------------------------------------------------------------------------------------------
# Endpoints.

class Endpoint:
    """One src/endpoints/<id>.json, with its schemas compiled once."""

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
        self._errors = Draft7Validator(self.schema, format_checker=FORMATS)
        self._warnings = (Draft7Validator(doc["warningSchema"], format_checker=FORMATS)
                          if "warningSchema" in doc else None)

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

    def validate(self, body):
        """Like the core's validate(): {valid, errors, warnings, value} for a parsed body."""
        errors = _issues(self._errors, body)[:MAX_ERRORS]
        warnings = []
        if self._warnings is not None:
            error_paths = {e["path"] for e in errors}
            warnings = [w for w in _issues(self._warnings, body) if w["path"] not in error_paths]
        value = None
        if not errors:
            value = json.loads(json.dumps(body))
            _fill_defaults(value, self.schema)
        return {"valid": not errors, "errors": errors, "warnings": warnings[:MAX_ERRORS],
                "value": value}


def load_catalog(directory=ENDPOINTS_DIR):
    """Every endpoint description in `directory`, by id."""
    catalog = {}
    for file in sorted(Path(directory).glob("*.json")):
        endpoint = Endpoint(json.loads(file.read_text(encoding="utf-8")))
        catalog[endpoint.id] = endpoint
    if not catalog:
        raise FileNotFoundError(f"no endpoint descriptions in {directory}")
    return catalog
