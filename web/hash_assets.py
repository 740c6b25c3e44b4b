"""Writes the admin page into web/dist with content-hashed asset names, so serve.py can let
browsers cache them for a year (its HASHED_NAME rule) while index.html stays no-cache.

usage: hash_assets.py STAGING DIST

STAGING holds the page as built (index.html, the shell's scripts and styles, the Emscripten
loader and its .wasm) under their plain names. Every file index.html references — and,
transitively, every file those reference (the loader names its .wasm) — is renamed
<stem>.<hash>.<ext>, where the hash is of its final bytes after its own references were
rewritten, so a changed .wasm also renames the loader that points at it. Nothing is listed by
hand: a script added to index.html is hashed like the others. index.html and files nothing
references keep their names. DIST/assets.json maps each plain name to its hashed one (the
tests and `make bench-page` read it); files of an earlier build are removed from DIST.
"""

import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

HASH_LENGTH = 10  # hex digits; serve.py's HASHED_NAME wants at least 8
TEXT_SUFFIXES = {".html", ".js", ".css", ".json", ".svg"}
ENTRY = "index.html"
MANIFEST = "assets.json"


def reference(name):
    """A file name as a URL in text: quoted, in url(…), or after a "./"; never a word in prose."""
    return re.compile(r"(?<=[\"'(/])" + re.escape(name) + r"(?=[\"')?#])")


def references(text, names):
    return {name for name in names if reference(name).search(text)}


def hashed_name(name, data):
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"


def rewrite(text, renamed):
    for plain, hashed in renamed.items():
        text = reference(plain).sub(hashed, text)
    return text


def build(staging, dist):
    files = {p.name: p for p in staging.iterdir() if p.is_file()}
    if ENTRY not in files:
        raise SystemExit(f"hash_assets: no {ENTRY} in {staging}")
    texts = {name: p.read_text(encoding="utf-8") for name, p in files.items()
             if p.suffix in TEXT_SUFFIXES}
    links = {name: references(text, set(files) - {name}) for name, text in texts.items()}

    # The assets: everything reachable from index.html.
    assets, todo = set(), [ENTRY]
    while todo:
        for name in links.get(todo.pop(), ()):
            if name not in assets and name != ENTRY:
                assets.add(name)
                todo.append(name)

    # Leaves first: a file is hashed once every asset it points at has its final name.
    renamed, output = {}, {}
    pending = set(assets)
    while pending:
        ready = sorted(n for n in pending if not (links.get(n, set()) & pending))
        if not ready:
            raise SystemExit(f"hash_assets: assets reference each other in a cycle: {sorted(pending)}")
        for name in ready:
            data = (rewrite(texts[name], renamed).encode("utf-8") if name in texts
                    else files[name].read_bytes())
            renamed[name] = hashed_name(name, data)
            output[renamed[name]] = data
            pending.discard(name)
    output[ENTRY] = rewrite(texts[ENTRY], renamed).encode("utf-8")
    for name in set(files) - assets - {ENTRY}:
        output[name] = files[name].read_bytes()
    output[MANIFEST] = (json.dumps(dict(sorted(renamed.items())), indent=2) + "\n").encode()

    dist.mkdir(parents=True, exist_ok=True)
    for old in dist.iterdir():
        if old.name not in output:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    for name, data in output.items():
        target = dist / name
        # Unchanged bytes keep their mtime, so serve.py's ETag (mtime, size) stays valid.
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    build(Path(sys.argv[1]), Path(sys.argv[2]))
