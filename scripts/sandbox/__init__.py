"""The sandbox behind serve.py: the endpoint catalog read from src/endpoints/*.json, invite
validation with Debian's python3-jsonschema, and the SQLite-backed fake AthenaHQ and
users-organizations APIs.

serve.py stays the entry point and keeps the HTTP side (static files, proxy, CLI); this package
holds what would otherwise push it past ~700 lines. The product owner fixed the top-level
layout, so the helpers live under scripts/ rather than in a new top-level folder.
"""
