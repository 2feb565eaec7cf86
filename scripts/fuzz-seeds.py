#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, cut from Markdown pages: whole pages, JSON and HTTP blocks, tables,
annotation comments and front matter. Usage: fuzz-seeds.py OUT_DIR PAGE_OR_DIR..."""
import hashlib, os, re, sys

out, sources = sys.argv[1], sys.argv[2:]
limit = int(os.environ.get("SEED_PAGES", "400"))
pages = []
for source in sources:
    if os.path.isfile(source):
        pages.append(source)
    for root, _, files in os.walk(source):
        pages += [os.path.join(root, f) for f in sorted(files) if f.endswith(".md")]
pages = pages[:limit]

def save(target, data):
    if not data or len(data) > 64 * 1024:
        return
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

fence = re.compile(rb"```[ \t]*(\w[\w-]*)?[^\n]*\n(.*?)\n```", re.S)
for page in pages:
    with open(page, "rb") as f:
        text = f.read()
    save("FuzzPage", text)
    for language, body in fence.findall(text):
        if body.lstrip().startswith((b"{", b"[")):
            save("FuzzJSON", body)
        if re.match(rb"\s*(GET|POST|PUT|PATCH|DELETE|HEAD|HTTP/)", body):
            save("FuzzHTTP", body)
            # The mock's router sees the request line's method and path, the service root stripped.
            for line in re.findall(rb"^(?:GET|POST|PUT|PATCH|DELETE|HEAD) \S+", body, re.M):
                save("FuzzRoute", re.sub(rb"https?://[^/\s]+", b"", line))
            if b"\n\n" in body:
                save("FuzzJSON", body.split(b"\n\n", 1)[1])
    for table in re.findall(rb"(?:^\|.*\n)+", text, re.M):
        save("FuzzTable", table)
    for comment in re.findall(rb"<!--(.*?)-->", text, re.S):
        save("FuzzAnnotation", comment.strip())
    match = re.match(rb"---\n(.*?)\n---", text, re.S)
    if match:
        save("FuzzFrontMatter", match.group(1))
