#!/usr/bin/env python3
"""Imports a job list through Afterword's Import page in a real headless Chromium, as a user would.

Usage: browser_import.py BASE_URL ARTIFACTS_DIR CSV_FILE
Prints one JSON object of what was seen; the Swift test asserts on it.
Screenshots of each page go to ARTIFACTS_DIR.
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

link, artifacts, csv_file = sys.argv[1], sys.argv[2], sys.argv[3]
base = link.split("?")[0].rstrip("/")
os.makedirs(artifacts, exist_ok=True)
seen = {}

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
wait = WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,))

UNLABELED = """
return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
  .filter(function (e) { return e.labels.length === 0 && !e.getAttribute('aria-label'); })
  .map(function (e) { return location.pathname + ' ' + (e.name || e.id); });
"""


def shot(name):
    driver.save_screenshot(os.path.join(artifacts, name + ".png"))


def click_and_wait(by, value):
    """Clicks a link or button and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(by, value).click()
    wait.until(EC.staleness_of(page))


try:
    driver.get(link)
    # From Settings to the Import page, as a user finds it.
    driver.get(base + "/settings")
    click_and_wait(By.LINK_TEXT, "import")
    seen["importPage"] = driver.find_element(By.TAG_NAME, "h1").text
    seen["unlabeled"] = driver.execute_script(UNLABELED)
    shot("01-import")

    # Choose the job list and ask what it would add.
    driver.find_element(By.ID, "import-file").send_keys(csv_file)
    click_and_wait(By.CSS_SELECTOR, 'form[action="/import/preview"] button[type="submit"]')
    seen["summary"] = driver.find_element(By.ID, "import-summary").text
    seen["rows"] = [td.text for td in driver.find_elements(By.CSS_SELECTOR, "#import-rows tbody td:nth-child(2)")]
    seen["unlabeled"] += driver.execute_script(UNLABELED)
    shot("02-preview")

    # Import: the Interviews page lists it.
    click_and_wait(By.ID, "import-confirm")
    wait.until(EC.url_contains("/interviews"))
    seen["flash"] = " ".join(element.text for element in driver.find_elements(By.CSS_SELECTOR, ".flash, .caution, .problem"))
    seen["interviews"] = driver.find_element(By.ID, "main").text
    shot("03-interviews")
    seen["consoleErrors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
except Exception as error:  # report what was seen so far, with the page, for the test to show
    seen["error"] = "%s: %s" % (type(error).__name__, error)
    seen["url"] = driver.current_url
    shot("99-failure")
finally:
    driver.quit()

print(json.dumps(seen))
