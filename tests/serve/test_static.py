"""Static files: types, gzip, caching, no traversal, 404, the locked-down headers."""

import gzip

import pytest

from conftest import DIST_FILES, PROGRAM, host, raw_exchange

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
       "img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
       "form-action 'none'")


def raw_get(server, target):
    data = raw_exchange(server, f"GET {target} HTTP/1.1\r\nHost: {host(server)}\r\n"
                                "Connection: close\r\n\r\n".encode())
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_index_is_served_and_never_cached_stale(shared):
    r = shared.get("/")
    assert r.status == 200 and r.body == DIST_FILES["index.html"]
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert r.headers["cache-control"] == "no-cache"
    assert "etag" in r.headers


@pytest.mark.parametrize("path", ["/", "/app.js", "/sandbox/state", "/nope"])
def test_every_response_is_locked_down(shared, path):
    r = shared.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_wasm_is_application_wasm(shared):
    r = shared.get("/invitekit-admin.3f2a9c1b.wasm")
    assert r.status == 200 and r.headers["content-type"] == "application/wasm"
    assert r.body == DIST_FILES["invitekit-admin.3f2a9c1b.wasm"]


def test_hashed_asset_names_are_cached_for_a_year(shared):
    r = shared.get("/invitekit-admin.3f2a9c1b.wasm")
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert shared.get("/app.js").headers["cache-control"] == "no-cache"


def test_gzip_when_the_client_accepts_it(shared):
    r = shared.get("/app.js", headers={"Accept-Encoding": "br, gzip;q=0.8"})
    assert r.headers["content-encoding"] == "gzip" and r.headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(r.body) == DIST_FILES["app.js"]
    assert len(r.body) < len(DIST_FILES["app.js"])
    again = shared.get("/app.js", headers={"Accept-Encoding": "gzip"})
    assert again.body == r.body  # the cached bytes


@pytest.mark.parametrize("accept", [None, "identity", "gzip;q=0", "br"])
def test_no_gzip_when_the_client_does_not_accept_it(shared, accept):
    r = shared.get("/app.js", headers={"Accept-Encoding": accept} if accept else {})
    assert "content-encoding" not in r.headers and r.body == DIST_FILES["app.js"]


def test_wasm_is_gzipped_too(shared):
    r = shared.get("/invitekit-admin.3f2a9c1b.wasm", headers={"Accept-Encoding": "gzip"})
    assert gzip.decompress(r.body) == DIST_FILES["invitekit-admin.3f2a9c1b.wasm"]


def test_unchanged_file_answers_304(shared):
    etag = shared.get("/app.js").headers["etag"]
    r = shared.get("/app.js", headers={"If-None-Match": etag})
    assert r.status == 304 and r.body == b""


def test_head_sends_headers_only(shared):
    r = shared.request("HEAD", "/app.js")
    assert r.status == 200 and r.body == b""
    assert r.headers["content-length"] == str(len(DIST_FILES["app.js"]))


def test_missing_file_is_404(shared):
    assert shared.get("/missing.js").status == 404


def test_directory_serves_its_index_and_never_a_listing(shared, dist):
    (dist / "empty").mkdir(exist_ok=True)
    assert shared.get("/sub/").body == DIST_FILES["sub/index.html"]
    r = shared.get("/sub")
    assert r.status == 301 and r.headers["location"] == "/sub/"
    assert shared.get("/empty/").status == 404


@pytest.mark.parametrize("target", ["/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt",
                                    "/sub/../../secret.txt", "/..\\secret.txt", "/%00"])
def test_no_directory_traversal(shared, target):
    status, body = raw_get(shared, target)
    assert status == 404 and b"outside the served folder" not in body


def test_symlink_out_of_the_folder_is_not_followed(shared, dist):
    link = dist / "escape.txt"
    if not link.exists():
        link.symlink_to(dist.parent / "secret.txt")
    assert shared.get("/escape.txt").status == 404


def test_post_to_a_static_path_is_405(shared):
    assert shared.post("/index.html", b"x", headers=PROGRAM).status == 405


def test_page_not_built_yet_still_answers_200_with_what_to_do(start_server, tmp_path):
    server = start_server("--db", ":memory:", "--directory", str(tmp_path / "not-there"))
    r = server.get("/")
    assert r.status == 200 and b"make serve" in r.body
    assert r.headers["content-type"].startswith("text/html")
    assert b"<script" not in r.body and b"style=" not in r.body  # it runs under the CSP
    assert server.get("/app.js").status == 404


def test_connect_src_names_the_configured_upstreams(start_server):
    server = start_server("--db", ":memory:", "--upstream-athena", "https://api.example.com/v",
                          "--upstream-users-organizations", "http://127.0.0.1:9/main")
    csp = server.get("/").headers["content-security-policy"]
    assert "connect-src 'self' https://api.example.com http://127.0.0.1:9;" in csp
