#!/usr/bin/env python3
"""Parses a message with Python's own email package (independent of Afterword) and prints JSON."""
import email
import email.policy
import json
import sys

data = open(sys.argv[1], "rb").read()
message = email.message_from_bytes(data, policy=email.policy.default)
defects = [type(d).__name__ for d in message.defects]
for part in message.walk():
    defects += [type(d).__name__ for d in part.defects]
to = message.get_all("to") or []
print(json.dumps({
    "defects": defects,
    "from": str(message["from"]),
    "to": [str(t) for t in to],
    "to_names": [a.display_name for t in message.get_all("to", []) for a in t.addresses],
    "to_addresses": [a.addr_spec for t in message.get_all("to", []) for a in t.addresses],
    "subject": str(message["subject"]),
    "message_id": str(message["message-id"]),
    "date": str(message["date"]),
    "content_type": message.get_content_type(),
    "charset": message.get_content_charset(),
    "body": message.get_content(),
    "header_names": [name.lower() for name in message.keys()],
    "max_line": max(len(line) for line in data.split(b"\r\n")),
}, ensure_ascii=False))
