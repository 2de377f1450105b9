#!/usr/bin/env python3
"""End-to-end test of `duxue serve` in a real browser (Debian's chromium + chromium-driver, Selenium).

Drives load -> plan -> reassign -> see a finding -> undo -> download the filing on Data/county, then records
the plan in the roster of record (a copy of Data/county with its two past terms recorded by `duxue record`),
shows the History tab, renews from the record, compares a scenario written in the form, overrides a policy key
and uploads a district; checks that the first page loads with no console error and no failed request, and writes screenshots
(SCREENSHOTS, default /tmp/serve-*.png). Run after `swift build` (or `swift test`), from the repository:

    python3 Tests/Browser/serve_test.py [--binary .build/debug/duxue] [--screenshots /tmp]

Exit 0 when every step passed; a step that fails prints what it waited for and exits 1.
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def start_server(binary, district):
    process = subprocess.Popen([binary, "serve", district, "--port", "0", "--lang", "zh"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"(http://[^\s（(]+)", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise SystemExit("the server did not print its address: " + process.stderr.read())


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--lang=zh-CN", "--disable-gpu"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def failed_requests(driver):
    failed = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.loadingFailed" and not message["params"].get("canceled"):
            failed.append(message["params"])
        if message["method"] == "Network.responseReceived" and message["params"]["response"]["status"] >= 400:
            failed.append({"url": message["params"]["response"]["url"], "status": message["params"]["response"]["status"]})
    return failed


def click(driver, element):
    """Clicks an element after scrolling it to the middle of the window (clear of the sticky tab bar)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def step(name):
    print("step:", name, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/duxue")
    parser.add_argument("--district", default="Data/county")
    parser.add_argument("--screenshots", default=os.environ.get("SCREENSHOTS", "/tmp"))
    args = parser.parse_args()
    shots = lambda name: os.path.join(args.screenshots, "serve-" + name + ".png")
    downloads = tempfile.mkdtemp(prefix="duxue-downloads-")
    # A copy of the district (the test writes its record), with its two past terms recorded as the README shows.
    work = tempfile.mkdtemp(prefix="duxue-browser-")
    district = os.path.join(work, os.path.basename(os.path.normpath(args.district)))
    shutil.copytree(args.district, district)
    for past in ["2021-roster.csv", "2024-roster.csv"]:
        subprocess.run([args.binary, "record", district, "--roster", os.path.join(district, "record", past)],
                       check=True, capture_output=True)
    args.district = district
    server, address = start_server(args.binary, args.district)
    driver = browser(downloads)
    wait = WebDriverWait(driver, 120)
    try:
        step("load the first page")
        driver.get(address)
        rows = driver.find_elements(By.CSS_SELECTOR, "#school-table tbody tr")
        assert len(rows) == 130, f"the first page lists {len(rows)} schools, not 130"
        time.sleep(0.5)
        errors = console_errors(driver)
        assert not errors, f"console errors: {errors}"
        assert not failed_requests(driver), f"failed requests: {failed_requests(driver)}"
        driver.save_screenshot(shots("1-schools"))

        step("plan")
        click(driver, driver.find_element(By.ID, "plan-start"))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#roster-table tbody tr")) == 130)
        summary = driver.find_element(By.ID, "summary").text
        assert summary.strip(), "no summary after planning"
        driver.execute_script("document.getElementById('plan').scrollIntoView()")
        driver.save_screenshot(shots("2-plan"))
        errors_before = len(driver.find_elements(By.CSS_SELECTOR, "#findings li.error"))

        step("reassign a large school to an inspector who breaks a rule")
        large = [row for row in driver.find_elements(By.CSS_SELECTOR, "#roster-table tbody tr")
                 if int(row.find_elements(By.TAG_NAME, "td")[4].text) >= 2000]
        assert large, "no large school in the roster"
        click(driver, large[0].find_element(By.CSS_SELECTOR, "button.reassign"))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#options li"))
        breaking = driver.find_elements(By.CSS_SELECTOR, "#options li.breaks")
        assert breaking, "no option that breaks a rule was listed"
        driver.execute_script("document.getElementById('reassign').scrollIntoView()")
        driver.save_screenshot(shots("3-options"))
        click(driver, breaking[0])
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings li.error")) > errors_before)
        status = driver.find_element(By.ID, "audit-status").text
        print("  audit:", status)
        driver.execute_script("document.querySelector('#findings li.error').scrollIntoView({block: 'center'})")
        driver.save_screenshot(shots("4-finding"))

        step("undo")
        click(driver, driver.find_element(By.ID, "undo"))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings li.error")) == errors_before)

        step("download the filing")
        driver.execute_script("document.getElementById('map').scrollIntoView()")
        driver.save_screenshot(shots("5-map"))
        click(driver, driver.find_element(By.ID, "dl-filing-xlsx"))
        deadline = time.time() + 30
        files = []
        while time.time() < deadline:
            files = [f for f in os.listdir(downloads) if f.endswith(".xlsx")]
            if files:
                break
            time.sleep(0.2)
        assert files, "the filing was not downloaded"
        with open(os.path.join(downloads, files[0]), "rb") as handle:
            assert handle.read(4) == b"PK\x03\x04", "the filing is not a workbook"
        print("  downloaded:", files[0])

        step("record the plan and see the History tab")
        click(driver, driver.find_element(By.ID, "record-start"))
        wait.until(lambda d: d.find_elements(By.ID, "record-done"))
        print("  ", driver.find_element(By.ID, "record-done").text)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#history-result table")) == 3 and
                   len(d.find_elements(By.CSS_SELECTOR, "#history-result table")[0].find_elements(By.CSS_SELECTOR, "tbody tr")) == 3)
        people = driver.find_elements(By.CSS_SELECTOR, "#history-inspectors tbody tr")
        assert people, "the history lists no inspector"
        history_text = driver.find_element(By.ID, "history-result").text
        assert "138" not in history_text, "the history shows a phone number"
        driver.execute_script("document.getElementById('history').scrollIntoView()")
        driver.save_screenshot(shots("9-history"))

        step("renew from the record")
        driver.execute_script("document.getElementById('renew-date').value = '2028-09-01'")
        click(driver, driver.find_element(By.ID, "renew-record"))
        wait.until(lambda d: d.find_elements(By.ID, "renew-summary") or d.find_elements(By.CSS_SELECTOR, "#check-result p.error"))
        assert driver.find_elements(By.ID, "renew-summary"), "renewal failed: " + driver.find_element(By.ID, "check-result").text
        print("  renew:", driver.find_element(By.ID, "renew-summary").text)
        click(driver, driver.find_element(By.ID, "dl-changes"))
        deadline = time.time() + 30
        changes = []
        while time.time() < deadline:
            changes = [f for f in os.listdir(downloads) if f.endswith("changes.csv")]
            if changes:
                break
            time.sleep(0.2)
        assert changes, "the change list was not downloaded"
        print("  downloaded:", changes[0])

        step("compare a sweep")
        click(driver, driver.find_element(By.ID, "compare-run"))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#compare-result table tbody tr")) == 3)
        driver.execute_script("document.getElementById('compare').scrollIntoView()")
        driver.save_screenshot(shots("6-compare"))

        step("compare a scenario written in the form")
        first_school = driver.find_element(By.CSS_SELECTOR, "#school-table tbody tr td").text
        driver.execute_script("document.getElementById('scenario-form').open = true")
        driver.find_element(By.ID, "sc-name").send_keys("撤并一校")
        driver.find_element(By.ID, "sc-remove-schools").send_keys(first_school)
        click(driver, driver.find_element(By.ID, "sc-add"))
        driver.find_element(By.ID, "sweeps").clear()
        click(driver, driver.find_element(By.ID, "compare-run"))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#compare-result table tbody tr")) == 2)
        assert "撤并一校" in driver.find_element(By.ID, "compare-result").text

        step("check an uploaded roster")
        driver.find_element(By.ID, "check-file").send_keys(os.path.abspath(os.path.join(args.district, "previous-roster.csv")))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#check-result p") and
                   "…" not in d.find_element(By.ID, "check-result").text)
        print("  check:", driver.find_element(By.CSS_SELECTOR, "#check-result p").text)
        driver.execute_script("document.getElementById('check').scrollIntoView()")
        driver.save_screenshot(shots("7-check"))
        errors = console_errors(driver)
        assert not errors, f"console errors: {errors}"

        step("override policy keys")
        driver.execute_script("document.getElementById('overrides').open = true")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#override-table [data-key='min_full_time_share']"))
        share = driver.find_element(By.CSS_SELECTOR, "#override-table [data-key='min_full_time_share']")
        share.send_keys("2")
        driver.find_element(By.CSS_SELECTOR, "#override-table [data-key='large_school_enrollment']").send_keys("1500")
        click(driver, driver.find_element(By.ID, "plan-start"))
        wait.until(lambda d: "min_full_time_share" in d.find_element(By.ID, "plan-error").text)
        print("  override refused:", driver.find_element(By.ID, "plan-error").text.splitlines()[-1])
        driver.execute_script("document.getElementById('plan').scrollIntoView()")
        driver.save_screenshot(shots("10-overrides"))
        share.clear()
        # The refused plan is the one error the console may show (the browser logs the 422 answer).
        refused = console_errors(driver)
        assert all("/plan" in entry["message"] and "422" in entry["message"] for entry in refused), f"console errors: {refused}"

        step("upload a district")
        driver.execute_script("document.getElementById('upload-box').open = true")
        driver.find_element(By.ID, "upload-schools").send_keys(os.path.join(args.district, "schools.csv"))
        driver.find_element(By.ID, "upload-inspectors").send_keys(os.path.join(args.district, "inspectors.csv"))
        click(driver, driver.find_element(By.ID, "upload-start"))
        wait.until(lambda d: d.find_elements(By.ID, "upload-open") or d.find_elements(By.CSS_SELECTOR, "#upload-result p.error"))
        assert driver.find_elements(By.ID, "upload-open"), driver.find_element(By.ID, "upload-result").text
        print("  upload:", driver.find_element(By.CSS_SELECTOR, "#upload-result p").text)
        driver.execute_script("document.getElementById('schools').scrollIntoView()")
        driver.save_screenshot(shots("11-upload"))
        click(driver, driver.find_element(By.ID, "upload-open"))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#school-table tbody tr")) == 130)
        errors = console_errors(driver)
        assert not errors, f"console errors: {errors}"

        step("English")
        click(driver, driver.find_element(By.ID, "lang-switch"))
        wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
        errors = console_errors(driver)
        assert not errors, f"console errors: {errors}"
        driver.save_screenshot(shots("8-english"))
        print("ok: browser test passed; screenshots in", args.screenshots)
    finally:
        driver.quit()
        server.send_signal(signal.SIGTERM)
        try:
            out, _ = server.communicate(timeout=20)
            print("server stopped:", server.returncode)
        except subprocess.TimeoutExpired:
            server.kill()
            raise SystemExit("the server did not stop on SIGTERM")
        shutil.rmtree(work, ignore_errors=True)
        if server.returncode != 0:
            raise SystemExit(f"the server exited with {server.returncode}")


if __name__ == "__main__":
    main()
