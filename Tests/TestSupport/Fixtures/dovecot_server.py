#!/usr/bin/env python3
"""A real Dovecot (IMAP + submission) on 127.0.0.1 for Afterword's tests.

    python3 dovecot_server.py --base DIR [--cert CERT --key KEY] [--relay-port N]
        [--sent-name "Sent Items"] [--user alex@example.test --password secret] [--jwt-key-file FILE]

Everything lives in DIR: dovecot.conf, the passwd-file, the JWT key dict, base_dir (DIR/run),
state_dir (DIR/state), the Maildir (DIR/mail/<user>) and the log (DIR/dovecot.log).

- IMAP on a free loopback port, plaintext auth allowed (STARTTLS too with --cert/--key, and then an
  implicit-TLS port as well). Mailboxes INBOX, Drafts, Trash and --sent-name (\\Sent), all auto-created
  and subscribed; SPECIAL-USE and UIDPLUS are advertised.
- Submission (dovecot-submissiond) on its own port, relaying to 127.0.0.1:--relay-port (25 if not
  given); STARTTLS (and an implicit-TLS port) with --cert/--key.
- Auth: PLAIN/LOGIN against the password, XOAUTH2/OAUTHBEARER against HS256 JWTs validated locally
  with the secret in --jwt-key-file (the file's bytes, one trailing newline ignored; a random secret
  is written there, or to DIR/jwt.key, when the file does not exist). The token's `sub` must equal
  the user name. mint_token.py makes such tokens.

Prints "READY imap=<port> submission=<port>" (plus " imaps=<port> submissions=<port>" with a
certificate) once both answer, then stays up until killed. SIGTERM/SIGINT/SIGHUP stop Dovecot and
every process it started; so does SIGKILL (a forked watchdog then kills Dovecot's process group) and
so does the death of whoever started this script. If Dovecot does not start, exits 1 with the log's
tail on stderr.

Dovecot 2.3 limits (hard-coded, no setting raises them): IMAP AUTHENTICATE lines (initial response
or continuation) up to 8 KiB, so tokens up to about 6,100 bytes; SMTP AUTH with an initial response
only up to 1,024 bytes of parameters ("500 5.5.2 Line too long" beyond: a 4 KB token must go in the
334 continuation, which takes up to 8 KiB).

As root, Dovecot's processes run as `nobody` (DIR's parents must be searchable by it, as /tmp is);
as another user, everything runs as that user.
"""
import argparse
import base64
import ctypes
import grp
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--relay-port", type=int, default=25)
parser.add_argument("--sent-name", default="Sent")
parser.add_argument("--user", default="alex@example.test")
parser.add_argument("--password", default="secret")
parser.add_argument("--jwt-key-file")
parser.add_argument("--dovecot", default="dovecot", help="the dovecot binary")
parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for Dovecot")
args = parser.parse_args()

if bool(args.cert) != bool(args.key):
    parser.error("--cert and --key go together")
for bad in (":", "\n", "\r", "\t", "%", "/"):
    if bad in args.user:
        parser.error(f"--user must not contain {bad!r}")
if not args.sent_name or any(c in args.sent_name for c in '"\\\n\r.%*'):
    parser.error("--sent-name must not contain quotes, backslashes, dots, %, * or newlines ('/' separates levels)")
DOVECOT = shutil.which(args.dovecot) or shutil.which(args.dovecot, path="/usr/sbin:/usr/local/sbin")
if DOVECOT is None:
    parser.error(f"{args.dovecot} not found: apt-get install dovecot-core dovecot-imapd dovecot-submissiond")

BASE = os.path.abspath(args.base)
LOG = os.path.join(BASE, "dovecot.log")
STDERR = os.path.join(BASE, "dovecot.stderr")
CONF = os.path.join(BASE, "dovecot.conf")


def fail(message: str) -> "NoReturn":
    print(f"dovecot_server.py: {message}", file=sys.stderr)
    for name in (STDERR, LOG):
        try:
            with open(name, errors="replace") as handle:
                tail = handle.readlines()[-40:]
        except OSError:
            continue
        if tail:
            print(f"--- last lines of {name}:", file=sys.stderr)
            sys.stderr.write("".join(tail))
    sys.stderr.flush()
    sys.exit(1)


def read_secret(path: str) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read()
    if data.endswith(b"\n"):
        data = data[:-1]
        if data.endswith(b"\r"):
            data = data[:-1]
    if not data:
        fail(f"the JWT key file {path} is empty")
    return data


def free_ports(count: int) -> list:
    sockets, ports = [], []
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
        ports.append(s.getsockname()[1])
    for s in sockets:
        s.close()
    return ports


def q(value: str) -> str:
    """A value in dovecot.conf, quoted."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- who runs what -------------------------------------------------------------------------------
AS_ROOT = os.geteuid() == 0
if AS_ROOT:
    try:
        run_pw = pwd.getpwnam("nobody")
    except KeyError:
        fail("running as root needs the account `nobody`")
else:
    run_pw = pwd.getpwuid(os.geteuid())
RUN_USER, RUN_UID, RUN_GID = run_pw.pw_name, run_pw.pw_uid, run_pw.pw_gid
RUN_GROUP = grp.getgrgid(RUN_GID).gr_name

# --- files ---------------------------------------------------------------------------------------
os.makedirs(BASE, exist_ok=True)
for sub in ("mail", "keys", "state"):
    os.makedirs(os.path.join(BASE, sub), exist_ok=True)
for stale in (LOG, STDERR):
    if os.path.exists(stale):
        os.unlink(stale)

key_file = args.jwt_key_file or os.path.join(BASE, "jwt.key")
if not os.path.exists(key_file):
    with open(key_file, "w") as handle:
        handle.write(secrets.token_urlsafe(32) + "\n")
secret = read_secret(key_file)

# The local validation key dict: shared/<azp>/<ALG>/<kid>, azp and kid "default" when the token has none.
# Dovecot wants the HMAC secret base64-encoded there.
key_dir = os.path.join(BASE, "keys", "default", "HS256")
os.makedirs(key_dir, exist_ok=True)
with open(os.path.join(key_dir, "default"), "w") as handle:
    handle.write(base64.b64encode(secret).decode())

USERS = os.path.join(BASE, "users")
home = os.path.join(BASE, "mail", args.user)
with open(USERS, "w") as handle:
    password = base64.b64encode(args.password.encode()).decode()
    handle.write(f"{args.user}:{{PLAIN.b64}}{password}:{RUN_UID}:{RUN_GID}::{home}::\n")

OAUTH2 = os.path.join(BASE, "dovecot-oauth2.conf.ext")
with open(OAUTH2, "w") as handle:
    handle.write(
        "introspection_mode = local\n"
        f"local_validation_key_dict = fs:posix:prefix={os.path.join(BASE, 'keys')}/\n"
        "username_attribute = sub\n"
    )

if AS_ROOT:
    # Dovecot's unprivileged processes (auth, imap, submission) read and write these.
    for root, dirs, files in os.walk(BASE):
        for name in dirs + files:
            path = os.path.join(root, name)
            if path not in (LOG, STDERR) and not path.startswith(os.path.join(BASE, "run")):
                os.lchown(path, RUN_UID, RUN_GID)
    os.chmod(BASE, 0o755)
    # Every parent must be searchable by `nobody`.
    parent = os.path.dirname(BASE)
    while True:
        mode = os.stat(parent).st_mode
        if not mode & 0o001:
            fail(f"{parent} is not searchable by others, so Dovecot's processes (as nobody) cannot reach {BASE}")
        if parent == "/":
            break
        parent = os.path.dirname(parent)


def config(ports: dict) -> str:
    tls = bool(args.cert)
    # Only root can chroot: as another user, no service may.
    login_chroot = "" if AS_ROOT else "  chroot =\n"
    lines = f"""# Written by dovecot_server.py: a throwaway Dovecot for Afterword's tests.
base_dir = {BASE}/run
state_dir = {BASE}/state
instance_name = afterword-{os.getpid()}
log_path = {LOG}
info_log_path = {LOG}
debug_log_path = {LOG}
protocols = imap submission
listen = 127.0.0.1
hostname = dovecot.test
default_internal_user = {RUN_USER}
default_internal_group = {RUN_GROUP}
default_login_user = {RUN_USER}
first_valid_uid = {RUN_UID}
last_valid_uid = {RUN_UID}
first_valid_gid = {RUN_GID}
last_valid_gid = {RUN_GID}
mail_location = maildir:~/Maildir
mail_fsync = never
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_failure_delay = 0
auth_verbose = yes
auth_cache_size = 0
"""
    if tls:
        lines += f"ssl = yes\nssl_cert = <{args.cert}\nssl_key = <{args.key}\nssl_min_protocol = TLSv1.2\n"
    else:
        lines += "ssl = no\n"
    lines += f"""
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = {USERS}
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {OAUTH2}
}}
userdb {{
  driver = passwd-file
  args = {USERS}
}}

namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox {q(args.sent_name)} {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}

submission_relay_host = 127.0.0.1
submission_relay_port = {args.relay_port}
submission_relay_trusted = no
submission_relay_ssl = no
submission_max_mail_size = 50M

# No auth penalty: failed logins from 127.0.0.1 would otherwise slow every later attempt (up to 15 s).
service anvil {{
{login_chroot}  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
{login_chroot}  inet_listener imap {{
    address = 127.0.0.1
    port = {ports['imap']}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ports['imaps'] if tls else 0}
    ssl = yes
  }}
}}
service submission-login {{
{login_chroot}  inet_listener submission {{
    address = 127.0.0.1
    port = {ports['submission']}
  }}
"""
    if tls:
        lines += f"""  inet_listener submissions {{
    address = 127.0.0.1
    port = {ports['submissions']}
    ssl = yes
  }}
"""
    lines += "}\n"
    return lines


# --- run -----------------------------------------------------------------------------------------
PR_SET_PDEATHSIG = 1


def child_setup() -> None:
    # Dovecot's master gets SIGTERM (and so stops all its processes) when this script dies,
    # even by SIGKILL.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def group_alive(pgid: int) -> bool:
    """Whether a process of this group still runs (zombies, which wait for init to reap them, don't count)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def start_watchdog() -> int:
    """Forks a helper that outlives this script: when this script is gone, even by SIGKILL, it kills
    every Dovecot process group this script reported (a master killed alone leaves its children
    serving open connections). Returns the pipe to report process groups on."""
    read_end, write_end = os.pipe()
    if os.fork() == 0:
        try:
            os.close(write_end)
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):  # hold no end of the caller's pipes
                os.dup2(null, fd)
            for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                signal.signal(sig, signal.SIG_IGN)
            data = b""
            while chunk := os.read(read_end, 4096):  # b"" once this script's end is closed
                data += chunk
            groups = {int(word) for word in data.split()}
            for pgid in groups:
                try:
                    os.killpg(pgid, signal.SIGTERM)
                except OSError:
                    continue
                deadline = time.monotonic() + 0.3  # then no more patience: it is all throwaway
                while time.monotonic() < deadline:
                    if not group_alive(pgid):
                        break
                    time.sleep(0.02)
                else:
                    try:
                        os.killpg(pgid, signal.SIGKILL)
                    except OSError:
                        pass
        finally:
            os._exit(0)
    os.close(read_end)
    return write_end


watchdog = start_watchdog()
dovecot = None  # the master's Popen; waited for with os.waitpid, never Popen.wait (not reentrant)
exit_status = None


def reap(timeout: float) -> bool:
    """True once the master has exited (waiting up to timeout seconds)."""
    global exit_status
    deadline = time.monotonic() + timeout
    while exit_status is None:
        try:
            pid, status = os.waitpid(dovecot.pid, os.WNOHANG)
        except ChildProcessError:
            exit_status = -1
            break
        if pid:
            exit_status = os.waitstatus_to_exitcode(status)
            break
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
    return True


def stop() -> None:
    if dovecot is None:
        return
    if not reap(0):
        os.killpg(dovecot.pid, signal.SIGTERM)  # the master and its children, all at once
        reap(0.3)  # the master sometimes lingers a second: no need to wait for it
    try:
        os.killpg(dovecot.pid, signal.SIGKILL)  # anything left in its process group
    except (ProcessLookupError, PermissionError):
        pass
    if not reap(2):
        os.kill(dovecot.pid, signal.SIGKILL)
        reap(2)


def on_signal(signum, _frame) -> None:
    stop()
    sys.exit(0 if signum == signal.SIGTERM else 128 + signum)


for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, on_signal)


def answers(port: int, greeting: bytes) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            data = b""
            while b"\n" not in data:
                chunk = s.recv(512)
                if not chunk:
                    return False
                data += chunk
            return data.startswith(greeting)
    except OSError:
        return False


def port_taken() -> bool:
    for name in (LOG, STDERR):
        try:
            with open(name, errors="replace") as handle:
                if "Address already in use" in handle.read():
                    return True
        except OSError:
            pass
    return False


def start(ports: dict) -> bool:
    """Starts Dovecot on these ports; True once it answers, False if a port was taken."""
    global dovecot, exit_status
    exit_status = None
    with open(CONF, "w") as handle:
        handle.write(config(ports))
    with open(STDERR, "ab") as err:
        dovecot = subprocess.Popen(
            [DOVECOT, "-F", "-c", CONF],
            stdin=subprocess.DEVNULL, stdout=err, stderr=err,
            start_new_session=True, preexec_fn=child_setup, cwd=BASE,
        )
    os.write(watchdog, f"{dovecot.pid}\n".encode())
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if port_taken():
            stop()  # Dovecot would take 2 s to exit by itself
            return False
        if reap(0):
            if port_taken():
                return False
            fail(f"dovecot exited with status {exit_status}")
        if answers(ports["imap"], b"* OK") and answers(ports["submission"], b"220 "):
            return True
        time.sleep(0.05)
    stop()
    fail(f"dovecot did not answer within {args.timeout:.0f} s")


names = ["imap", "submission"] + (["imaps", "submissions"] if args.cert else [])
for attempt in range(3):
    ports = dict(zip(names, free_ports(len(names))))
    if start(ports):
        break
    stop()
    for name in (LOG, STDERR):  # kept for a look, out of the way of the next attempt's checks
        if os.path.exists(name):
            os.replace(name, f"{name}.attempt{attempt + 1}")
else:
    fail("could not find free ports")

try:
    with open(LOG, errors="replace") as handle:
        fatal = [line for line in handle if " Fatal: " in line]
except OSError:
    fatal = []
if fatal:
    stop()
    fail("dovecot logged a fatal error while starting")

print("READY " + " ".join(f"{name}={ports[name]}" for name in names), flush=True)

# Serve until killed, or until whoever started this script is gone (a crashed test run must not
# leave Dovecot behind; getppid() changes only when the parent process, not a thread of it, exits).
parent = os.getppid()
while not reap(0.5):
    if os.getppid() != parent:
        stop()
        sys.exit(0)
fail(f"dovecot exited with status {exit_status} while serving")
