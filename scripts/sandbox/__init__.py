"""The sandbox behind serve.py, a module per concern:

    catalog.py     the endpoint descriptions (src/endpoints/*.json) as the sandbox reads them
    validation.py  a request body judged by the endpoint's schema with python3-jsonschema
    api.py         the invite endpoints' handlers: each call answered as the public docs describe
    database.py    the SQLite state those handlers change and GET /sandbox/state shows
    traffic.py     latency, a rate limit and failures on the invite calls, each off by default

serve.py stays the entry point and keeps the HTTP side (static files, proxy, CLI). The product
owner fixed the top-level layout, so the package lives under scripts/ rather than in a new
top-level folder.
"""
