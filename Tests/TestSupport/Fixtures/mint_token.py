#!/usr/bin/env python3
"""Prints an HS256 JWT access token that dovecot_server.py's Dovecot accepts (or, on purpose, rejects).

    python3 mint_token.py --key-file FILE --user alex@example.test [--expired] [--bad-signature]
        [--pad-to 4096] [--lifetime 3600]

--key-file       the shared secret: the file's bytes, one trailing newline ignored (as dovecot_server.py
                 reads its --jwt-key-file).
--expired        exp lies an hour in the past (iat two hours).
--bad-signature  signed with a different secret.
--pad-to N       a junk claim makes the token at least N bytes long.
The token carries sub = --user (Dovecot's username_attribute), plus email, iat, nbf and exp.
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--key-file", required=True)
parser.add_argument("--user", required=True)
parser.add_argument("--expired", action="store_true")
parser.add_argument("--bad-signature", action="store_true")
parser.add_argument("--pad-to", type=int, default=0)
parser.add_argument("--lifetime", type=int, default=3600, help="seconds until exp")
args = parser.parse_args()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


with open(args.key_file, "rb") as handle:
    secret = handle.read()
if secret.endswith(b"\n"):
    secret = secret[:-1]
    if secret.endswith(b"\r"):
        secret = secret[:-1]
if not secret:
    sys.exit(f"mint_token.py: {args.key_file} is empty")
if args.bad_signature:
    secret = b"not-the-" + secret

now = int(time.time())
claims = {"sub": args.user, "email": args.user, "iss": "afterword-tests", "iat": now, "nbf": now, "exp": now + args.lifetime}
if args.expired:
    claims.update(iat=now - 7200, nbf=now - 7200, exp=now - 3600)

header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())


def sign(claims: dict) -> str:
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(secret, f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{b64url(signature)}"


token = sign(claims)
if len(token) < args.pad_to:
    claims["pad"] = ""
    short = len(sign(claims))
    # Every 3 bytes of claim text become 4 characters of token.
    claims["pad"] = "x" * max(0, (args.pad_to - short) * 3 // 4)
    while len(token := sign(claims)) < args.pad_to:
        claims["pad"] += "x"
print(token)
