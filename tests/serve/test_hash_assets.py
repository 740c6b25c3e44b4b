"""web/hash_assets.py: the build step that gives the page's assets content-hashed names, so
serve.py's year-long cache (HASHED_NAME) applies to them and a new build is never served stale."""

import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("hash_assets", ROOT / "web" / "hash_assets.py")
hash_assets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hash_assets)
sys.path.insert(0, str(ROOT))
from serve import HASHED_NAME  # noqa: E402  (serve.py's rule is what the names must meet)

INDEX = """<!doctype html>
<link rel="stylesheet" href="app.css">
<script src="loader.js" defer></script>
<script src="./extra.js" defer></script>
<p>loader.js is named in prose here and stays as it is.</p>
"""
LOADER = 'var wasmBinaryFile="loader.wasm";console.log("loader.wasm missing?")'


@pytest.fixture
def staged(tmp_path):
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "index.html").write_text(INDEX)
    (stage / "app.css").write_text("body { background: url(bg.svg) }")
    (stage / "bg.svg").write_text("<svg/>")
    (stage / "loader.js").write_text(LOADER)
    (stage / "loader.wasm").write_bytes(b"\0asm\1\0\0\0")
    (stage / "extra.js").write_text("'use strict';")  # a script nobody listed anywhere
    (stage / "notes.js").write_text("// referenced by nothing")
    return stage


def build(stage, dist):
    hash_assets.build(stage, dist)
    return json.loads((dist / "assets.json").read_text())


def test_everything_index_html_reaches_gets_a_hash_of_its_final_bytes(staged, tmp_path):
    dist = tmp_path / "dist"
    names = build(staged, dist)
    assert sorted(names) == ["app.css", "bg.svg", "extra.js", "loader.js", "loader.wasm"]
    for plain, hashed in names.items():
        assert HASHED_NAME.search(hashed), hashed
        digest = re.search(r"\.([0-9a-f]+)\.\w+$", hashed).group(1)
        assert hashlib.sha256((dist / hashed).read_bytes()).hexdigest().startswith(digest)
        assert not (dist / plain).exists()
    index = (dist / "index.html").read_text()
    assert f'href="{names["app.css"]}"' in index and f'src="./{names["extra.js"]}"' in index
    assert "<p>loader.js is named in prose" in index
    loader = (dist / names["loader.js"]).read_text()
    assert f'wasmBinaryFile="{names["loader.wasm"]}"' in loader  # Emscripten finds its .wasm
    assert f'url({names["bg.svg"]})' in (dist / names["app.css"]).read_text()
    assert (dist / "notes.js").exists()  # not an asset of the page: copied under its name


def test_a_changed_wasm_renames_the_loader_too(staged, tmp_path):
    first = build(staged, tmp_path / "dist")
    (staged / "loader.wasm").write_bytes(b"\0asm\1\0\0\0\1")
    second = build(staged, tmp_path / "dist")
    assert second["loader.wasm"] != first["loader.wasm"]
    assert second["loader.js"] != first["loader.js"]
    assert second["app.css"] == first["app.css"]
    assert not (tmp_path / "dist" / first["loader.wasm"]).exists()  # the old build is gone


def test_an_unchanged_file_keeps_its_mtime_so_etags_hold(staged, tmp_path):
    dist = tmp_path / "dist"
    names = build(staged, dist)
    before = (dist / names["loader.wasm"]).stat().st_mtime_ns
    build(staged, dist)
    assert (dist / names["loader.wasm"]).stat().st_mtime_ns == before
