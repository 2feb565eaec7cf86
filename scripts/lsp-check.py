#!/usr/bin/env python3
"""Drives `specmark lsp` over stdio as an editor would, and measures it.

Opens one page of a workspace, changes it (20 times by default), and times each change until its diagnostics
are published; asks for code actions; shuts down. Prints the median and worst latency and the server's peak
memory (VmHWM). Usage: lsp-check.py SPECMARK WORKSPACE PAGE [--changes N] [--debounce MS]
"""
import argparse, json, os, statistics, subprocess, sys, threading, time

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("specmark"); parser.add_argument("workspace"); parser.add_argument("page")
    parser.add_argument("--changes", type=int, default=20); parser.add_argument("--debounce", type=int, default=150)
    args = parser.parse_args()
    workspace = os.path.abspath(args.workspace); page = os.path.abspath(args.page)
    server = subprocess.Popen([args.specmark, "lsp", "--debounce", str(args.debounce)], cwd=workspace,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    messages = []; cond = threading.Condition()
    def reader():
        out = server.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte: return
                header += byte
            length = int([l for l in header.decode().split("\r\n") if l.lower().startswith("content-length")][0].split(":")[1])
            body = json.loads(out.read(length))
            with cond:
                messages.append((time.monotonic(), body)); cond.notify_all()
    threading.Thread(target=reader, daemon=True).start()
    def send(message):
        data = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data); server.stdin.flush()
    def wait(predicate, timeout=120):
        deadline = time.monotonic() + timeout
        with cond:
            while True:
                for item in messages:
                    if predicate(item[1]): messages.remove(item); return item
                left = deadline - time.monotonic()
                if left <= 0: raise SystemExit("timed out waiting for the server")
                cond.wait(left)
    uri = "file://" + page
    started = time.monotonic()
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": os.getpid(), "rootUri": "file://" + workspace,
          "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}})
    wait(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    text = open(page, encoding="utf-8").read()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    first = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    print(f"workspace read and page checked {first[0] - started:.2f} s after start; {len(first[1]['params']['diagnostics'])} diagnostics")
    latencies = []
    lines = text.split("\n")
    for version in range(2, args.changes + 2):
        # Type a character at the end of the first line, as an author would.
        change = {"range": {"start": {"line": 0, "character": len(lines[0])}, "end": {"line": 0, "character": len(lines[0])}}, "text": " "}
        lines[0] += " "
        sent = time.monotonic()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        got = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
        latencies.append((got[0] - sent) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri},
          "range": {"start": {"line": 0, "character": 0}, "end": {"line": len(lines), "character": 0}}, "context": {"diagnostics": []}}})
    actions = wait(lambda m: m.get("id") == 2)[1]["result"]
    memory = "?"
    try:
        for line in open(f"/proc/{server.pid}/status"):
            if line.startswith("VmHWM"): memory = line.split(":")[1].strip()
    except OSError: pass
    send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}); wait(lambda m: m.get("id") == 3)
    send({"jsonrpc": "2.0", "method": "exit"})
    code = server.wait(timeout=30)
    print(f"change → diagnostics, {len(latencies)} changes, debounce {args.debounce} ms: median {statistics.median(latencies):.0f} ms, worst {max(latencies):.0f} ms")
    print(f"code actions offered: {len(actions)}; peak memory {memory}; exit status {code}")
    return 0 if code == 0 else 1

if __name__ == "__main__":
    sys.exit(main())
