#!/usr/bin/env python3
"""A career centre in a real headless Chromium: a seeker signs in and asks for a review, their coach signs in,
reads the draft with its findings and returns it with a comment, and the seeker reads the comment.

Usage: browser_centre.py BASE_URL ARTIFACTS_DIR
Prints one JSON object of what was seen; the Swift test asserts on it. Screenshots go to ARTIFACTS_DIR.
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, artifacts = sys.argv[1].rstrip("/"), sys.argv[2]
os.makedirs(artifacts, exist_ok=True)
seen = {}

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
wait = WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,))


def shot(name):
    driver.save_screenshot(os.path.join(artifacts, name + ".png"))


def click_and_wait(by, value):
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(by, value).click()
    wait.until(EC.staleness_of(page))


def sign_in(email, password):
    driver.get(base + "/")
    seen.setdefault("redirectedTo", driver.current_url.replace(base, ""))
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    click_and_wait(By.CSS_SELECTOR, "form.signin button[type=submit]")


def flash():
    found = driver.find_elements(By.CSS_SELECTOR, "p.flash")
    return found[0].text if found else None


try:
    # The seeker signs in and asks for a review of their draft.
    sign_in("sam@uni.edu", "seeker-sam-pass")
    seen["seekerHome"] = driver.find_element(By.TAG_NAME, "h1").text
    seen["signedIn"] = driver.find_element(By.CSS_SELECTOR, "form.signout span").text
    driver.get(base + "/drafts/1")
    click_and_wait(By.XPATH, "//button[normalize-space()='Ask my coach to review it']")
    seen["asked"] = flash()
    shot("01-asked")
    click_and_wait(By.CSS_SELECTOR, "form.signout button")
    seen["afterSignOut"] = driver.current_url.replace(base, "")

    # The coach signs in, finds the draft on the cohort page, reads it and returns it.
    sign_in("cory@uni.edu", "coach-cory-pass")
    seen["coachHome"] = driver.current_url.replace(base, "")
    seen["cohortRows"] = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#cohort tbody tr")]
    click_and_wait(By.PARTIAL_LINK_TEXT, "Sam Seeker: draft 1")
    seen["reviewHeading"] = driver.find_element(By.TAG_NAME, "h1").text
    seen["draftText"] = driver.find_element(By.ID, "draft-text").text
    seen["findings"] = driver.find_element(By.ID, "findings-summary").text
    shot("02-review")
    driver.find_element(By.ID, "comment").send_keys("Say which part of the pricing model you would improve.")
    click_and_wait(By.XPATH, "//button[normalize-space()='Return with this comment']")
    seen["returned"] = flash()
    click_and_wait(By.CSS_SELECTOR, "form.signout button")

    # The seeker reads the comment beside the draft, and who has seen their data.
    sign_in("sam@uni.edu", "seeker-sam-pass")
    driver.get(base + "/drafts/1")
    seen["reviewState"] = driver.find_element(By.ID, "review-state").text
    seen["comment"] = driver.find_element(By.ID, "review-comment").text
    shot("03-returned")
    driver.get(base + "/seen")
    seen["seenRows"] = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#seen tbody tr")]
    seen["consoleErrors"] = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
except Exception as error:  # reported to the Swift test, with where it happened
    seen["error"] = f"{type(error).__name__}: {error}"
    seen["url"] = driver.current_url
    shot("error")
finally:
    driver.quit()
print(json.dumps(seen))
