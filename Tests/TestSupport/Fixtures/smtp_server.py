#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for Afterword's tests.

--mode good      aiosmtpd; every accepted message is written to --spool as N.eml (and, with --file-sent,
                 appended to an IMAP folder before the answer, as providers that file their own copy do) (with STARTTLS
                 when --cert/--key are given, and AUTH when --user/--password are given).
--mode <fault>   a scripted server that misbehaves at one stage:
                 greeting-421, transient-then-ok, rcpt-550, drop-after-data, slow-greeting, stall-after-data,
                 endless-reply (answers "." with 250- lines that never end), http-greeting (a web server),
                 close-after-first (closes the connection after accepting one message),
                 starttls-inject (a man in the middle: forged replies in the same packet as "220 go ahead",
                 then real TLS; needs --cert/--key), starttls-inject-late (the forged replies after a pause),
                 auth-echo (refuses AUTH, echoing the credentials back), stall-on-N (accepts N-1 messages, then
                 keeps the Nth and never answers its final "."),
                 eod:LINE|LINE… (answers "." with these lines, then goes on; CLOSE closes the connection
                 instead; the message is kept unless the first line is a 4xx or 5xx reply).
Prints "READY <port>" once it listens, then serves until killed.
"""
import argparse
import asyncio
import os
import ssl
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--mode", default="good")
parser.add_argument("--spool", required=True)
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--implicit-tls", action="store_true")
parser.add_argument("--user")
parser.add_argument("--password")
parser.add_argument("--file-sent", help="IMAPPORT:USER:PASSWORD:FOLDER — file each accepted message in that IMAP folder before answering, as Gmail does")
args = parser.parse_args()
os.makedirs(args.spool, exist_ok=True)


def spool(data: bytes) -> None:
    name = os.path.join(args.spool, f"{time.time_ns()}.eml")
    with open(name + ".tmp", "wb") as handle:
        handle.write(data)
    os.rename(name + ".tmp", name)


def tls_context():
    if not args.cert:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    return context


async def good() -> None:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            data = envelope.original_content or envelope.content
            spool(data)
            if args.file_sent:
                import imaplib
                port, user, password, folder = args.file_sent.split(":", 3)
                imap = imaplib.IMAP4("127.0.0.1", int(port))
                imap.login(user, password)
                imap.append('"' + folder + '"', "(\\Seen)", None, data)
                imap.logout()
            return "250 2.0.0 Ok: queued"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
        return AuthResult(success=ok, handled=False)

    context = tls_context()
    loop = asyncio.get_running_loop()

    def factory():
        kwargs = dict(enable_SMTPUTF8=True, decode_data=False)
        if context is not None and not args.implicit_tls:
            kwargs.update(tls_context=context, require_starttls=True)
        if args.user:
            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=context is not None)
        return SMTP(Handler(), hostname="afterword-test", **kwargs)

    server = await loop.create_server(factory, "127.0.0.1", 0, ssl=context if args.implicit_tls else None)
    print(f"READY {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


async def scripted() -> None:
    attempts = {"count": 0}
    accepted = {"count": 0}

    async def session(reader, writer):
        async def say(line):
            writer.write((line + "\r\n").encode())
            await writer.drain()

        if args.mode == "slow-greeting":
            await asyncio.sleep(30)
        if args.mode == "http-greeting":
            await say("HTTP/1.1 200 OK")
            await say("Content-Type: text/html")
            writer.close()
            return
        if args.mode == "greeting-421":
            await say("421 4.3.2 Service not available, try later")
            writer.close()
            return
        await say("220 afterword-test ESMTP scripted")
        in_data = False
        secured = False
        data = b""
        while True:
            line = await reader.readline()
            if not line:
                break
            if in_data:
                if line in (b".\r\n", b".\n"):
                    in_data = False
                    if args.mode == "drop-after-data":
                        spool(data)
                        writer.transport.abort()
                        return
                    if args.mode.startswith("stall-on-"):
                        accepted["count"] += 1
                        spool(data)
                        data = b""
                        if accepted["count"] >= int(args.mode[len("stall-on-"):]):
                            await asyncio.sleep(3600)
                        await say("250 2.0.0 queued")
                        continue
                    if args.mode == "stall-after-data":
                        spool(data)
                        await asyncio.sleep(3600)
                    if args.mode.startswith("eod:"):
                        lines = args.mode[4:].split("|")
                        if not lines[0][:1] in ("4", "5"):
                            spool(data)
                        data = b""
                        for reply in lines:
                            if reply == "CLOSE":
                                writer.close()
                                return
                            await say(reply)
                        continue
                    if args.mode == "endless-reply":
                        # Bounded here too: at most 64 MB, then the connection closes.
                        chunk = b"250-" + b"x" * 1000 + b"\r\n"
                        for _ in range(64 * 1000):
                            writer.write(chunk * 1)
                            try:
                                await writer.drain()
                            except ConnectionError:
                                return
                        writer.close()
                        return
                    spool(data)
                    await say("250 2.0.0 queued")
                    data = b""
                    if args.mode == "close-after-first":
                        writer.close()
                        return
                else:
                    data += line[1:] if line.startswith(b"..") else line
                continue
            command = line.decode(errors="replace").strip().upper()
            if command.startswith("EHLO"):
                await say("250-afterword-test")
                await say("250-SIZE 1000000")
                if args.mode.startswith("starttls-") and not secured:
                    await say("250-STARTTLS")
                if args.mode == "auth-echo":
                    await say("250-AUTH PLAIN LOGIN")
                await say("250 8BITMIME")
            elif command == "STARTTLS" and args.mode.startswith("starttls-"):
                forged = b"250-afterword-test\r\n250 8BITMIME\r\n250 2.1.0 forged\r\n250 2.1.5 forged\r\n354 forged\r\n250 2.0.0 forged: queued\r\n"
                if args.mode == "starttls-inject":
                    writer.write(b"220 2.0.0 go ahead\r\n" + forged)
                    await writer.drain()
                else:
                    await say("220 2.0.0 go ahead")
                    await asyncio.sleep(0.3)
                    writer.write(forged)
                    await writer.drain()
                try:
                    await writer.start_tls(tls_context())
                    secured = True
                except (ssl.SSLError, ConnectionError, OSError):
                    writer.close()
                    return
            elif command.startswith("AUTH") and args.mode == "auth-echo":
                await say("535 5.7.8 Authentication failed: " + line.decode(errors="replace").strip())
            elif command.startswith("HELO"):
                await say("250 afterword-test")
            elif command.startswith("MAIL FROM"):
                if args.mode == "transient-then-ok" and attempts["count"] == 0:
                    attempts["count"] += 1
                    await say("451 4.3.0 Temporary failure, try again")
                else:
                    await say("250 2.1.0 Ok")
            elif command.startswith("RCPT TO"):
                if args.mode == "rcpt-550":
                    await say("550 5.1.1 <nobody@acme.com>: Recipient address rejected: User unknown")
                else:
                    await say("250 2.1.5 Ok")
            elif command == "DATA":
                in_data = True
                await say("354 End data with <CR><LF>.<CR><LF>")
            elif command == "RSET":
                await say("250 2.0.0 Ok")
            elif command == "QUIT":
                await say("221 2.0.0 Bye")
                break
            else:
                await say("502 5.5.2 Error: command not recognized")
        writer.close()

    server = await asyncio.start_server(session, "127.0.0.1", 0)
    print(f"READY {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


asyncio.run(good() if args.mode == "good" else scripted())
