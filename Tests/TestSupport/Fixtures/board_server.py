#!/usr/bin/env python3
"""A local job-board server for the tests: Greenhouse, Lever, Ashby and SmartRecruiters answers from
fixture files, plus the ways real boards misbehave. Prints "READY <port>" once it listens.

Paths: /greenhouse/<token>/jobs, /lever/<token>?mode=json, /ashby/<token>,
/smartrecruiters/<token>/postings?limit=<n>&offset=<n>.
SmartRecruiters pages: the fixture holds the whole list under "content"; each request gets the
slice [offset, offset + limit) (limit at most 100, as the real API) with "offset", "limit" and
"totalFound". A token <name>-down-at-<offset> serves <name>'s pages but answers 500 for the page at
<offset>, every time.
A token's answer is <root>/<provider>/<token>.json, read afresh on every request (a test may
rewrite it between checks), with an ETag; If-None-Match with that ETag gets 304.
Tokens that misbehave, whatever the provider:
  slow-<ms>[-anything]   waits <ms> milliseconds, then answers a small board
  ratelimited            429 with Retry-After: 1 on the first request, the fixture after
  down                   500 every time
  unavailable            503 with Retry-After: 1 on the first request, a small board after
  malformed              200 with broken JSON
  html                   200 with a web page
  huge                   200 with 50 MB of JSON-looking bytes and no Content-Length
  loop                   302 to itself, forever
A token's answer also carries Last-Modified (the file's time); If-Modified-Since with it gets 304
when no If-None-Match is sent. Every request is appended to <root>/requests.log as
"<path>\t<User-Agent>\t<If-None-Match>".
"""
import argparse
import hashlib
import json
import os
import re
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = "."
LOCK = threading.Lock()
SEEN = {}


def small_board(provider, token):
    if provider == "greenhouse":
        return {"jobs": [{"id": 1, "title": "Engineer", "location": {"name": "Remote"},
                          "absolute_url": f"https://boards.greenhouse.io/{token}/jobs/1", "updated_at": "2026-11-20T10:00:00-05:00"}],
                "meta": {"total": 1}}
    if provider == "lever":
        return [{"id": "00000000-0000-0000-0000-000000000001", "text": "Engineer", "categories": {"location": "Remote"},
                 "hostedUrl": f"https://jobs.lever.co/{token}/1", "createdAt": 1763650000000}]
    if provider == "smartrecruiters":
        return {"offset": 0, "limit": 100, "totalFound": 1,
                "content": [{"id": "744000000000001", "name": "Engineer", "location": {"city": "Remote", "remote": True},
                             "company": {"identifier": token, "name": token}}]}
    return {"apiVersion": "1", "jobs": [{"id": "a1", "title": "Engineer", "location": "Remote", "isListed": True,
                                         "jobUrl": f"https://jobs.ashbyhq.com/{token}/a1", "publishedAt": "2026-11-20T10:00:00.000+00:00"}]}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, status, body, content_type="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path, _, query = self.path.partition("?")
        with LOCK:
            with open(os.path.join(ROOT, "requests.log"), "a") as log:
                log.write(f"{self.path}\t{self.headers.get('User-Agent', '')}\t{self.headers.get('If-None-Match', '')}\n")
        parts = [p for p in path.split("/") if p]
        if len(parts) < 2 or parts[0] not in ("greenhouse", "lever", "ashby", "smartrecruiters"):
            return self.send_body(404, b'{"error": "not found"}')
        provider, token = parts[0], parts[1]
        if provider == "greenhouse" and parts[2:] != ["jobs"]:
            return self.send_body(404, b'{"error": "not found"}')
        if provider == "smartrecruiters" and parts[2:] != ["postings"]:
            return self.send_body(404, b'{"error": "not found"}')
        if token.startswith("slow-"):
            time.sleep(int(token.split("-")[1]) / 1000)
            return self.send_body(200, json.dumps(small_board(provider, token)).encode())
        if token == "ratelimited":
            with LOCK:
                first = SEEN.get(self.path) is None
                SEEN[self.path] = True
            if first:
                return self.send_body(429, b'{"error": "slow down"}', headers=[("Retry-After", "1")])
        if token == "down":
            return self.send_body(500, b"internal error", content_type="text/plain")
        if token == "unavailable":
            with LOCK:
                first = SEEN.get(self.path) is None
                SEEN[self.path] = True
            if first:
                return self.send_body(503, b"maintenance", content_type="text/plain", headers=[("Retry-After", "1")])
            return self.send_body(200, json.dumps(small_board(provider, token)).encode())
        if token == "malformed":
            return self.send_body(200, b'{"jobs": [{"id": 1, "title": "Engineer",')
        if token == "html":
            return self.send_body(200, b"<!DOCTYPE html><html><body><h1>Careers</h1></body></html>", content_type="text/html")
        if token == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b'{"id": 1, "title": "Engineer", "location": {"name": "Remote"}}, ' * 1024
            try:
                self.wfile.write(b'{"jobs": [')
                for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if token == "loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        down_at = None
        broken = re.fullmatch(r"(.+)-down-at-(\d+)", token)
        if provider == "smartrecruiters" and broken:
            token, down_at = broken.group(1), int(broken.group(2))
        file = os.path.join(ROOT, provider, token + ".json")
        if not os.path.exists(file):
            return self.send_body(404, b'{"error": "no such board"}')
        with open(file, "rb") as handle:
            body = handle.read()
        if provider == "smartrecruiters":
            body = self.page(body, query, down_at)
            if body is None:
                return self.send_body(500, b"internal error", content_type="text/plain")
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        modified = formatdate(int(os.path.getmtime(file)), usegmt=True)
        since = self.headers.get("If-Modified-Since")
        unchanged = self.headers.get("If-None-Match") == etag if self.headers.get("If-None-Match") else since == modified
        if unchanged:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_body(200, body, headers=[("ETag", etag), ("Last-Modified", modified)])

    @staticmethod
    def page(body, query, down_at):
        """One SmartRecruiters page of the whole list in `body`; None for the page that is down."""
        asked = dict(item.split("=", 1) for item in query.split("&") if "=" in item)
        offset = max(0, int(asked.get("offset", "0")))
        limit = min(100, max(1, int(asked.get("limit", "10"))))
        if down_at is not None and offset == down_at:
            return None
        listed = json.loads(body)["content"]
        return json.dumps({"offset": offset, "limit": limit, "totalFound": len(listed),
                           "content": listed[offset:offset + limit]}).encode()


def main():
    global ROOT
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    ROOT = args.root
    ThreadingHTTPServer.request_queue_size = 1024
    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"READY {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
