#!/usr/bin/env python3
"""Drives Afterword's web UI in a real headless Chromium, as a user would.

Usage: browser_flow.py BASE_URL ARTIFACTS_DIR
Prints one JSON object of what was seen; the Swift test asserts on it.
Screenshots of each page go to ARTIFACTS_DIR.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

# The address `afterword serve` printed carries the owner's access key; the first visit trades it for a cookie.
link, artifacts = sys.argv[1], sys.argv[2]
base = link.split("?")[0].rstrip("/")
os.makedirs(artifacts, exist_ok=True)
seen = {}

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
wait = WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,))  # a page being replaced is asked again


def shot(name):
    driver.save_screenshot(os.path.join(artifacts, name + ".png"))


def fill(field_id, value):
    element = wait.until(EC.element_to_be_clickable((By.ID, field_id)))
    element.clear()
    element.send_keys(value)


def follow(link_text):
    """Clicks a link and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.LINK_TEXT, link_text).click()
    wait.until(EC.staleness_of(page))


def set_value(field_id, value):
    # datetime-local inputs take keys in the locale's order; setting the value is what a date picker does.
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field_id), value)


def submit(form_action):
    """Clicks the form's button and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, 'form[action="%s"] button[type="submit"]' % form_action).click()
    wait.until(EC.staleness_of(page))


def flash():
    # The next page may still be replacing this one: an element found as it goes is read as nothing yet,
    # and the waits that call this ask again.
    try:
        found = driver.find_elements(By.CSS_SELECTOR, ".flash, .problem")
        return " ".join(element.text for element in found)
    except WebDriverException:
        return ""


def type_body(text):
    body = driver.find_element(By.ID, "body")
    body.send_keys(Keys.CONTROL, "a")
    body.send_keys(Keys.DELETE)
    body.send_keys(text)


UNLABELED = """
return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
  .filter(function (e) { return e.labels.length === 0 && !e.getAttribute('aria-label'); })
  .map(function (e) { return location.pathname + ' ' + (e.name || e.id); });
"""


def unlabeled():
    return driver.execute_script(UNLABELED)


def marks(rule):
    # The marks are drawn again as the check answers: one replaced while read is read as none yet.
    try:
        return [m.text for m in driver.find_elements(By.CSS_SELECTOR, '#highlights mark[data-rule="%s"]' % rule)]
    except WebDriverException:
        return []


try:
    driver.get(link)
    seen["keyLeftTheAddress"] = "token=" not in driver.current_url
    driver.get(base + "/")
    seen["todayEmpty"] = "all caught up" in driver.page_source
    shot("01-today-empty")

    # Keyboard: the first Tab lands on the skip link.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    seen["firstFocus"] = driver.switch_to.active_element.text

    # Record an interview.
    follow("Interviews")
    seen["unlabeled"] = unlabeled()
    fill("company", "Acme")
    fill("role", "Backend Engineer")
    set_value("at", "2026-11-26T14:00")
    fill("tz", "America/New_York")
    Select(driver.find_element(By.ID, "format")).select_by_value("video")
    fill("notes", "We discussed the billing migration to event sourcing")
    shot("02-interview-form")
    submit("/interviews")
    wait.until(EC.url_contains("/interviews/1"))
    seen["afterAdd"] = flash()

    # Two interviewers: Dana by e-mail, Raj by post.
    fill("p-name", "Dana Whitfield")
    fill("p-email", "dana@acme.com")
    fill("p-title", "Engineering Manager")
    submit("/interviews/1/interviewers")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "Added Dana Whitfield"))
    fill("p-name", "Raj Patel")
    fill("p-address", "1 Main St\nSpringfield, IL 62701")
    submit("/interviews/1/interviewers")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "Added Raj Patel"))
    seen["unlabeled"] += unlabeled()
    seen["panel"] = [a.text for a in driver.find_elements(By.CSS_SELECTOR, 'a[href^="/interviewers/"]')]
    shot("03-interview")

    # One click on the topic the notes suggest for Dana (the first panel member's chips come first).
    driver.find_element(By.CSS_SELECTOR, 'button.chip[value="the billing migration to event sourcing"]').click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "topic"))
    seen["topicChosen"] = flash()
    seen["unlabeled"] += unlabeled()

    # Compose: the first draft opens.
    submit("/interviews/1/compose")
    wait.until(EC.url_contains("/drafts/"))
    draft_url = driver.current_url
    wait.until(lambda d: d.find_element(By.ID, "editor-form").get_attribute("data-checked"))
    seen["composedSummary"] = driver.find_element(By.ID, "findings-summary").text
    seen["composedBody"] = driver.find_element(By.ID, "body").get_attribute("value")
    seen["unlabeled"] += unlabeled()
    shot("04-draft")

    # Type a cutesy phrase: the AW-PROPER finding appears on those very words.
    clean = seen["composedBody"]
    cutesy = clean.replace("I look forward to hearing from you.", "Thx a bunch. It was great!! I look forward to hearing from you.")
    type_body(cutesy)
    wait.until(lambda d: marks("AW-PROPER"))
    seen["properMarks"] = marks("AW-PROPER")
    seen["findingsWithCutesy"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#findings li")]
    seen["markTitle"] = driver.find_element(By.CSS_SELECTOR, '#highlights mark[data-rule="AW-PROPER"]').get_attribute("title")
    shot("05-draft-finding")

    # Fix it: the finding clears.
    type_body(clean)
    wait.until(lambda d: not marks("AW-PROPER") and "Passes every check" in d.find_element(By.ID, "findings-summary").text)
    seen["marksAfterFix"] = marks("AW-PROPER")
    seen["summaryAfterFix"] = driver.find_element(By.ID, "findings-summary").text
    shot("06-draft-fixed")
    submit(draft_url.replace(base, ""))
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "Saved"))

    # Send it now to the local SMTP server; a second send is refused.
    driver.find_element(By.CSS_SELECTOR, 'input[name="when"][value="now"]').click()
    submit(draft_url.replace(base, "") + "/send")
    wait.until(lambda d: flash())
    seen["afterSend"] = flash()
    shot("07-sent")
    seen["afterSendButtons"] = len(driver.find_elements(By.CSS_SELECTOR, 'form[action$="/send"]'))
    seen["afterSendNote"] = driver.find_element(By.ID, "settled").text

    driver.get(base + "/")
    seen["todayAfter"] = driver.find_element(By.ID, "main").text
    shot("08-today")
    driver.get(base + "/people")
    seen["people"] = driver.find_element(By.ID, "main").text
    shot("09-people")
    driver.get(base + "/settings")
    seen["unlabeled"] += unlabeled()
    shot("10-settings")
    driver.get(base + "/check")
    fill("c-to", "Dana Whitfield")
    fill("c-company", "Acme")
    fill("body", "Hey Dana,\n\nJust checking you got my last email?? Pls let me know. Can we hop on a call?\n\nSam")
    wait.until(lambda d: marks("AW-NOREPLY") or marks("AW-NOCALL"))
    seen["checkPageRules"] = sorted(set(m.get_attribute("data-rule") for m in driver.find_elements(By.CSS_SELECTOR, "#highlights mark")))
    seen["unlabeled"] += unlabeled()
    shot("10b-check")

    # A phone's width: the dashboard still reads, no sideways scrolling.
    driver.set_window_size(390, 844)
    driver.get(base + "/")
    seen["phoneOverflow"] = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
    shot("11-today-phone")
    driver.get(draft_url)
    shot("12-draft-phone")

    seen["consoleErrors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]

    # Without JavaScript: the note to Raj, saved through the plain form, comes back with its marks.
    driver.quit()
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    wait = WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,))  # a page being replaced is asked again
    # A new browser: the owner opens the printed address again.
    driver.get(link)
    driver.get(base + "/")
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Open draft").click()
    wait.until(EC.staleness_of(page))
    note_url = driver.current_url
    seen["noScriptCheckedBefore"] = driver.find_element(By.ID, "editor-form").get_attribute("data-checked")
    body = driver.find_element(By.ID, "body")
    body.send_keys(Keys.CONTROL, Keys.END)
    body.send_keys(" Cheers!! :)")
    submit(note_url.replace(base, ""))
    seen["noScriptMarks"] = marks("AW-PROPER")
    seen["noScriptFlash"] = flash()
    shot("13-note-without-javascript")
except Exception as error:  # report what was seen so far, with the page, for the test to show
    seen["error"] = "%s: %s" % (type(error).__name__, error)
    seen["url"] = driver.current_url
    shot("99-failure")
finally:
    driver.quit()

print(json.dumps(seen))
