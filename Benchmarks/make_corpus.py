#!/usr/bin/env python3
"""Writes a corpus of thank-you drafts (good, cutesy, follow-ups, long ones) of about SIZE bytes into DIR."""
import os
import random
import sys

directory, size = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
random.seed(7)
companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Vandelay"]
people = ["Dana Whitfield", "Priya Natarajan", "Zoë Ångström", "Chidi Okafor", "Jordan Lee", "Sam Rivera"]
roles = ["Backend Engineer", "Data Analyst", "Product Designer", "Site Reliability Engineer", "Product Manager"]
openers = [
    "Thank you for your time today and for talking with me about the {role} role at {company}.",
    "Thank you for taking the time to sit down with me to discuss the {role} position.",
    "I appreciated the time you gave me to discuss the {role} opening at {company}.",
]
middles = [
    "I especially enjoyed our discussion of the migration to Postgres and how the team runs on-call.",
    "Hearing how {company} plans its roadmap was a highlight for me.",
    "Just circling back on my last email, did you get it?",
    "Please confirm you received this!! THANK YOU SO MUCH 😊",
    "Can we hop on a quick call next week? I'll call you on Monday.",
    "I enjoyed speaking with you and learning more about {company}.",
    "The part about your data platform and the Kafka pipeline stayed with me.",
]
closers = ["I look forward to hearing from you.", "Awaiting your reply.", "Looking forward to hearing from you soon."]
os.makedirs(directory, exist_ok=True)
total = 0
index = 0
while total < size:
    company, person, role = random.choice(companies), random.choice(people), random.choice(roles)
    body = [random.choice(openers)] + random.sample(middles, random.randint(1, 4)) + [random.choice(closers)]
    text = (
        f"To: {person}\nCompany: {company}\nSubject: Thank you — {role} interview\n\n"
        f"Dear {person},\n\n" + " ".join(body).format(role=role, company=company) + "\n\nBest regards,\nAlex Doe\n"
    )
    path = os.path.join(directory, f"draft-{index:05d}.txt")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    total += len(text.encode("utf-8"))
    index += 1
print(f"{index} drafts, {total} bytes in {directory}")
