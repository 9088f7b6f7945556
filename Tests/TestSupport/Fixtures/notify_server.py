#!/usr/bin/env python3
"""A headless desktop notification daemon for the tests: owns org.freedesktop.Notifications on the
session bus (as a desktop's daemon does), answers notify-send, and appends each notification to LOG
as one JSON line {"app": …, "summary": …, "body": …}. Writes "READY" to LOG.ready once it owns the name.

usage: notify_server.py LOG     (inside a D-Bus session: dbus-run-session; it ends with the session)
Needs: pip install dbus-next
"""
import asyncio
import json
import sys

from dbus_next.aio import MessageBus
from dbus_next.service import ServiceInterface, method

LOG = sys.argv[1]


class Notifications(ServiceInterface):
    def __init__(self):
        super().__init__("org.freedesktop.Notifications")
        self.last = 0

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s", body: "s",
               actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":
        self.last += 1
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"app": app_name, "summary": summary, "body": body}) + "\n")
        return self.last

    @method()
    def GetCapabilities(self) -> "as":
        return ["body"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["afterword-test", "afterword", "1.0", "1.2"]

    @method()
    def CloseNotification(self, id: "u"):
        pass


async def main():
    bus = await MessageBus().connect()
    bus.export("/org/freedesktop/Notifications", Notifications())
    await bus.request_name("org.freedesktop.Notifications")
    with open(LOG + ".ready", "w") as ready:
        ready.write("READY\n")
    # Gone with the session's bus (dbus-run-session ends it), and never outliving a test by much.
    try:
        await asyncio.wait_for(bus.wait_for_disconnect(), timeout=120)
    except asyncio.TimeoutError:
        pass


asyncio.run(main())
