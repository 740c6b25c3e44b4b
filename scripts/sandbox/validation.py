"""How the sandbox judges a request body, as an API of its own would: the bytes read by Python's
json module, then the endpoint's schema (the same src/endpoints/*.json the core uses) checked by
python3-jsonschema, with that library's rules and words. A refusal is one message that names
the field at fault and counts the other problems; the C++ core's messages and their order are
the core's own and are tested there."""

import itertools
import json
import reprlib

from jsonschema.exceptions import best_match

MAX_MESSAGE = 300   # characters: a 1 MiB body must not come back as a 1 MiB message
MAX_COUNTED = 100   # problems looked at in one body, at most


def _not_json(name):
    raise ValueError(f"{name} is not a JSON value")


def read_json(data):
    """The request bytes as a JSON value: (value, None), or (None, why they are not JSON)."""
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_not_json)
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # a lone "\ud800" fails here
    except UnicodeDecodeError as e:
        return None, f"The body is not valid JSON: it is not UTF-8 text (byte {e.start})."
    except UnicodeEncodeError:
        return None, "The body is not valid JSON: a string holds a lone UTF-16 surrogate."
    except json.JSONDecodeError as e:
        return None, f"The body is not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})."
    except ValueError as e:
        return None, f"The body is not valid JSON: {e}."
    except RecursionError:
        return None, "The body nests too deeply to be read."
    return value, None


def schema_problem(endpoint, value):
    """None when `value` meets the endpoint's schema, else the one message a refusal carries."""
    errors = list(itertools.islice(endpoint.validator.iter_errors(value), MAX_COUNTED))
    if not errors:
        return None
    error = best_match(errors)
    where = "".join("/" + str(p).replace("~", "~0").replace("/", "~1")
                    for p in error.absolute_path)
    words = error.message
    whole = repr(error.instance)
    if len(whole) > 60:  # jsonschema quotes the value; a big one is shortened
        words = words.replace(whole, reprlib.repr(error.instance), 1)
    if error.context:  # "not valid under any of the given schemas": say what each one wanted
        words += " (" + "; ".join(dict.fromkeys(e.message for e in error.context)) + ")"
    message = f"Invalid request body{f' at {where}' if where else ''}: {words}"
    others = len(errors) - 1
    if others:
        count = f"{others} or more" if len(errors) == MAX_COUNTED else str(others)
        message += f" ({count} more problem{'s' if others > 1 else ''})"
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE - 1] + "…"


def with_defaults(value, schema):
    """A copy of `value` with the schema's defaults for missing properties ("role": "viewer")."""
    value = json.loads(json.dumps(value))
    _fill_defaults(value, schema)
    return value


def _fill_defaults(value, schema):
    if not isinstance(value, dict) or not isinstance(schema, dict):
        return
    for name, sub in schema.get("properties", {}).items():
        if name not in value and isinstance(sub, dict) and "default" in sub:
            value[name] = json.loads(json.dumps(sub["default"]))
        if name in value:
            _fill_defaults(value[name], sub)
