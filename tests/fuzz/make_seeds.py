#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs from the shared test vectors (tests/vectors/*.json) and the
endpoint descriptions (src/endpoints/*.json), one directory per target, in the input shape
tests/fuzz/fuzz_support.h reads: a selector byte (the endpoint's index among the ids, sorted, as
the catalog orders them; for an id no endpoint has, 0xF0 and the id as the first field), then
fields separated by the byte 0xFF.

Run at build time by tests/fuzz/CMakeLists.txt; only the standard library is needed.
usage: make_seeds.py VECTORS_DIR ENDPOINTS_DIR OUT_DIR
"""
import hashlib
import json
import pathlib
import shutil
import sys

SEPARATOR = b"\xff"


def json_bytes(value):
    """Compact JSON text of a value, as the C++ tests write a vector's body."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")


def body_bytes(holder):
    """A vector's body: bodyText as it is, else body as compact JSON (absent: no body)."""
    if "bodyText" in holder:
        return holder["bodyText"].encode("utf-8", "surrogatepass")
    return json_bytes(holder["body"]) if "body" in holder else b""


ID_IN_FIELD = b"\xf0"  # fuzz_support.h: this selector and those above it: the id is the next field


def fields(selector, *parts):
    return selector + SEPARATOR.join(parts)


def json_text_seeds(vectors, descriptions):
    for row in vectors["validate"] + vectors["build_request"]:
        yield body_bytes(row)
    for row in vectors["read_response"]:
        yield body_bytes(row["response"])
        if "request" in row["response"]:
            yield json_bytes(row["response"]["request"])
    for text in descriptions.values():
        yield text


def validate_seeds(vectors, index, examples):
    for row in vectors["validate"] + vectors["build_request"]:
        yield fields(index[row["endpoint"]], body_bytes(row))
    for endpoint, body in examples:
        yield fields(index[endpoint], json_bytes(body))


def build_request_seeds(vectors, index, examples):
    for row in vectors["build_request"]:
        options = row.get("options", {})
        given = options.get("credentials", {})
        yield fields(index[row["endpoint"]], options.get("baseUrl", "").encode(),
                     *(given.get(name, "").encode("utf-8", "surrogatepass")
                       for name in ("apiKey", "bearerToken", "sessionToken")),
                     body_bytes(row))
    # Every docs example with a key and two tokens, to the docs' server and to a local one.
    for endpoint, body in examples:
        for base in (b"", b"http://127.0.0.1:8000/proxy/"):
            yield fields(index[endpoint], base, b"ak_test_1", b"bt_test_2", b"st_test_3", json_bytes(body))


def read_response_seeds(vectors, index, examples):
    for row in vectors["read_response"]:
        response = row["response"]
        headers = b"".join(name.encode() + b": " + value.encode() + b"\n"
                           for name, value in response.get("headers", []))
        sent = json_bytes(response["request"]) if "request" in response else b""
        yield fields(index[row["endpoint"]], str(response["status"]).encode(), headers,
                     body_bytes(response), sent)


def table_reader_seeds(vectors, index):
    for row in vectors["invite_table"]:
        yield fields(index[row["endpoint"]], row["text"].encode())
    for row in vectors["read_table"]:
        for selector in index.values():
            yield fields(selector, row["text"].encode("utf-8", "surrogatepass"))


# Seeds of each target, by the target's name (its source is tests/fuzz/<name>_fuzz.cpp).
# A new target adds its function here; one that reads no endpoint ignores index and examples.
def seeds_by_target(vectors, descriptions, index, examples):
    return {
        "json_text": json_text_seeds(vectors, descriptions),
        "validate": validate_seeds(vectors, index, examples),
        "build_request": build_request_seeds(vectors, index, examples),
        "read_response": read_response_seeds(vectors, index, examples),
        "table_reader": table_reader_seeds(vectors, index),
    }


def main(vectors_dir, endpoints_dir, out_dir):
    vectors = {name: json.loads((pathlib.Path(vectors_dir) / f"{name}.json").read_text("utf-8"))
               for name in ("validate", "build_request", "read_response", "read_table", "invite_table")}
    descriptions = {path.name: path.read_bytes() for path in sorted(pathlib.Path(endpoints_dir).glob("*.json"))}
    parsed = [json.loads(text) for text in descriptions.values()]
    ids = sorted(d["id"] for d in parsed)
    index = {endpoint_id: bytes([ids.index(endpoint_id)]) if endpoint_id in ids
             else ID_IN_FIELD + endpoint_id.encode() + SEPARATOR
             for endpoint_id in ids + [row["endpoint"] for rows in vectors.values() for row in rows if "endpoint" in row]}
    examples = [(d["id"], d["examples"]["request"]) for d in parsed
                if isinstance(d.get("examples", {}).get("request"), dict)]

    out = pathlib.Path(out_dir)
    for target, seeds in seeds_by_target(vectors, descriptions, index, examples).items():
        folder = out / target
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for seed in seeds:  # named by content, as libFuzzer names what it finds
            (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
