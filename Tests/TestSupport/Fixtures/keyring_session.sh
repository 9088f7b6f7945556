#!/bin/bash
# keyring_session.sh COMMAND [ARGS...]
#
# Runs COMMAND inside a private, headless Secret Service: a fresh D-Bus session
# bus (dbus-run-session) with gnome-keyring-daemon (secrets component) on it and
# an unlocked default "login" collection, so that inside COMMAND (and any of its
# children)
#   printf secret | secret-tool store --label=x service afterword account a@b
#   secret-tool lookup service afterword account a@b
# work without a prompt or a display.
#
# Debian 12 packages: dbus-daemon (dbus-run-session, dbus-daemon), dbus-bin
# (dbus-send), gnome-keyring, libsecret-tools (secret-tool).
#   apt-get install -y --no-install-recommends dbus gnome-keyring libsecret-tools
#
# Keyring files and the daemon's control socket live in a private temp dir that
# is removed on exit; nothing is written under $HOME. COMMAND sees the caller's
# environment unchanged except DBUS_SESSION_BUS_ADDRESS and GNOME_KEYRING_CONTROL
# (set) and DISPLAY/WAYLAND_DISPLAY (unset, so nothing tries to show a prompt).
#
# Optional environment:
#   KEYRING_SESSION_DATA_DIR  keep keyring files here (XDG_DATA_HOME of the
#                             daemon) instead of the throwaway temp dir, e.g. to
#                             check that an item survives into a later session.
#   KEYRING_SESSION_PASSWORD  login keyring password (default: "test").
#   KEYRING_SESSION_TIMEOUT   seconds to wait for the service (default: 10).
#
# Exit status: COMMAND's; 125 if the keyring could not be set up; 127 if a
# required tool is missing. On exit the daemon is stopped and waited for, and
# dbus-run-session stops the bus.

set -u

ks_fail() { echo "keyring_session.sh: $*" >&2; }

if [ "${1:-}" != "--keyring-session-inner" ]; then
    # ---------------------------------------------------------------- outer
    if [ $# -eq 0 ]; then
        echo "usage: keyring_session.sh COMMAND [ARGS...]" >&2
        exit 2
    fi
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            ks_fail "$tool not found (apt-get install dbus gnome-keyring libsecret-tools)"
            exit 127
        fi
    done

    ks_tmp=$(mktemp -d "${TMPDIR:-/tmp}/keyring-session.XXXXXX") || exit 125
    chmod 700 "$ks_tmp"
    mkdir -m 700 "$ks_tmp/run" "$ks_tmp/data"

    # Save what COMMAND should see; the daemon (and anything the bus might
    # auto-activate) gets private XDG dirs instead.
    export KS_ORIG_XDG_RUNTIME_DIR_SET=${XDG_RUNTIME_DIR+1}
    export KS_ORIG_XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR-}
    export KS_ORIG_XDG_DATA_HOME_SET=${XDG_DATA_HOME+1}
    export KS_ORIG_XDG_DATA_HOME=${XDG_DATA_HOME-}
    export KS_TMP=$ks_tmp
    export XDG_RUNTIME_DIR=$ks_tmp/run
    if [ -n "${KEYRING_SESSION_DATA_DIR:-}" ]; then
        mkdir -p "$KEYRING_SESSION_DATA_DIR" && chmod 700 "$KEYRING_SESSION_DATA_DIR"
        export XDG_DATA_HOME=$KEYRING_SESSION_DATA_DIR
    else
        export XDG_DATA_HOME=$ks_tmp/data
    fi
    unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL

    ks_child=
    ks_forward() {
        # Ask the inner script (which owns COMMAND and the daemon) to clean up.
        if [ -f "$ks_tmp/inner.pid" ]; then
            kill -"$1" "$(cat "$ks_tmp/inner.pid")" 2>/dev/null
        elif [ -n "$ks_child" ]; then
            kill -"$1" "$ks_child" 2>/dev/null
        fi
    }
    trap 'ks_forward TERM' TERM
    trap 'ks_forward INT' INT
    trap 'ks_forward HUP' HUP

    # Background it so our traps can run while it does. `set -m` only around
    # the launch: a background job of a non-interactive shell would otherwise
    # start with SIGINT/SIGQUIT ignored (inherited by COMMAND), and bash
    # would give it /dev/null as stdin without the explicit <&0.
    set -m
    # dbus-daemon's own log (e.g. "Failed to set fd limit" as root, activation
    # notes) goes to a file; the inner script hands COMMAND our real stderr (fd 3).
    dbus-run-session -- bash "$0" --keyring-session-inner "$@" \
        <&0 3>&2 2>"$ks_tmp/bus.err" &
    ks_child=$!
    set +m
    # `wait` returns early (>128) when a trapped signal arrives; keep waiting
    # until dbus-run-session has really exited.
    while :; do
        wait "$ks_child"
        ks_rc=$?
        kill -0 "$ks_child" 2>/dev/null || break
    done
    if [ ! -f "$ks_tmp/inner.pid" ]; then
        ks_fail "dbus-run-session failed (exit $ks_rc):"
        cat "$ks_tmp/bus.err" >&2
    fi
    rm -rf "$ks_tmp"
    exit "$ks_rc"
fi

# -------------------------------------------------------------------- inner
# Runs as dbus-run-session's child, with DBUS_SESSION_BUS_ADDRESS set.
shift
exec 2>&3 3>&-
echo $$ > "$KS_TMP/inner.pid"

ks_daemon=
ks_cmd=
ks_cleanup() {
    if [ -n "$ks_cmd" ]; then kill -TERM "$ks_cmd" 2>/dev/null; fi
    if [ -n "$ks_daemon" ] && kill -0 "$ks_daemon" 2>/dev/null; then
        kill -TERM "$ks_daemon" 2>/dev/null
        for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
            kill -0 "$ks_daemon" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$ks_daemon" 2>/dev/null
    fi
    if [ -n "$ks_daemon" ]; then wait "$ks_daemon" 2>/dev/null; fi
    ks_daemon=
}
trap 'ks_cleanup; exit 143' TERM
trap 'ks_cleanup; exit 130' INT
trap 'ks_cleanup; exit 129' HUP

# --unlock reads the password from stdin until EOF and creates the "login"
# keyring (made the default collection) if it does not exist yet. Run it in the
# foreground as our own child so we can stop and reap it ourselves.
printf '%s' "${KEYRING_SESSION_PASSWORD:-test}" |
    gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$KS_TMP/daemon.out" 2>"$KS_TMP/daemon.err" &
ks_daemon=$!

ks_secret_call() {
    dbus-send --session --print-reply --reply-timeout=2000 \
        --dest=org.freedesktop.secrets /org/freedesktop/secrets "$@" 2>/dev/null
}

# Ready when the "default" alias points at a collection and it is unlocked.
ks_deadline=$(( $(date +%s) + ${KEYRING_SESSION_TIMEOUT:-10} ))
ks_ready=
while [ "$(date +%s)" -le "$ks_deadline" ]; do
    if ! kill -0 "$ks_daemon" 2>/dev/null; then break; fi
    # Ask the bus first: a call to org.freedesktop.secrets before our daemon
    # owns the name would D-Bus-activate a second gnome-keyring-daemon.
    if ! dbus-send --session --print-reply --reply-timeout=2000 \
            --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets \
            2>/dev/null | grep -q 'boolean true'; then
        sleep 0.1
        continue
    fi
    ks_coll=$(ks_secret_call org.freedesktop.Secret.Service.ReadAlias string:default |
        sed -n 's/.*object path "\(.*\)".*/\1/p')
    if [ -n "$ks_coll" ] && [ "$ks_coll" != "/" ]; then
        ks_locked=$(dbus-send --session --print-reply --reply-timeout=2000 \
            --dest=org.freedesktop.secrets "$ks_coll" \
            org.freedesktop.DBus.Properties.Get \
            string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null |
            sed -n 's/.*boolean \(.*\)$/\1/p')
        if [ "$ks_locked" = "false" ]; then ks_ready=1; break; fi
    fi
    sleep 0.1
done
if [ -z "$ks_ready" ]; then
    ks_fail "gnome-keyring-daemon did not provide an unlocked default collection" \
        "within ${KEYRING_SESSION_TIMEOUT:-10}s (wrong KEYRING_SESSION_PASSWORD for an existing keyring?)"
    cat "$KS_TMP/daemon.err" "$KS_TMP/bus.err" >&2
    ks_cleanup
    exit 125
fi

# Environment for COMMAND: the caller's, plus the session bus and control dir.
if [ -S "$XDG_RUNTIME_DIR/keyring/control" ]; then
    export GNOME_KEYRING_CONTROL=$XDG_RUNTIME_DIR/keyring
fi
if [ -n "$KS_ORIG_XDG_RUNTIME_DIR_SET" ]; then export XDG_RUNTIME_DIR=$KS_ORIG_XDG_RUNTIME_DIR; else unset XDG_RUNTIME_DIR; fi
if [ -n "$KS_ORIG_XDG_DATA_HOME_SET" ]; then export XDG_DATA_HOME=$KS_ORIG_XDG_DATA_HOME; else unset XDG_DATA_HOME; fi
unset KS_ORIG_XDG_RUNTIME_DIR KS_ORIG_XDG_RUNTIME_DIR_SET KS_ORIG_XDG_DATA_HOME KS_ORIG_XDG_DATA_HOME_SET KS_TMP

# Not exec: we must outlive COMMAND to stop the daemon. COMMAND keeps our
# stdin and default signal dispositions (see the outer launch).
set -m
"$@" <&0 &
ks_cmd=$!
set +m
while :; do
    wait "$ks_cmd"
    ks_rc=$?
    kill -0 "$ks_cmd" 2>/dev/null || break
done
ks_cmd=
ks_cleanup
exit "$ks_rc"
