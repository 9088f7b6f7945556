#!/usr/bin/env python3
"""Fills an Afterword store with 10,000 interviews at 900 companies, two interviewers each.

Usage: seed_store.py STORE.sqlite   (the schema must exist: run any afterword command first)
Interviews spread over the past year, so a few dozen fall inside the dashboard's 14 days.
"""
import datetime
import random
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
now = datetime.datetime.now(datetime.timezone.utc)
fmt = "%Y-%m-%d %H:%M:%S.000"
random.seed(1)
with db:
    for i in range(10_000):
        start = now - datetime.timedelta(hours=random.randint(1, 24 * 365))
        cur = db.execute(
            "INSERT INTO interview (company, role, startsAt, timeZone, durationMinutes, format, notes, createdAt)"
            " VALUES (?, ?, ?, 'America/New_York', 60, 'video', 'We discussed Postgres.', ?)",
            (f"Company {i % 900}", "Backend Engineer", start.strftime(fmt), now.strftime(fmt)))
        interview = cur.lastrowid
        for seat in range(2):
            person = db.execute(
                "INSERT INTO interviewer (name, company, email, createdAt) VALUES (?, ?, ?, ?)",
                (f"Person {i}-{seat}", f"Company {i % 900}", f"p{i}-{seat}@example.com", now.strftime(fmt))).lastrowid
            db.execute("INSERT INTO panelSeat (interviewId, interviewerId, position) VALUES (?, ?, ?)", (interview, person, seat))
