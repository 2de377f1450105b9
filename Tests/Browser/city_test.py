#!/usr/bin/env python3
"""End-to-end test of `duxue serve --city` in a real browser (Debian's chromium + chromium-driver, Selenium).

A city of two districts (copies of Data/county): log in as a district user, plan, submit the filing; log in
as the reviewer, see it on the dashboard, return it with a comment; log in as the district user again and
see the comment. Checks the pages load with no console error, and writes screenshots
(SCREENSHOTS, default /tmp/city-*.png). Run after `swift build`, from the repository:

    python3 Tests/Browser/city_test.py [--binary .build/debug/duxue] [--screenshots /tmp]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_test import browser, click, console_errors, step  # noqa: E402

PASSWORD = "browser-test-password"


def start_server(binary, folder):
    process = subprocess.Popen([binary, "serve", "--city", folder, "--port", "0", "--lang", "zh"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"(http://[^\s（(]+)", line)
        if match:
            return process, match.group(1).rstrip("/")
    process.kill()
    raise SystemExit("the city server did not print its address: " + process.stderr.read())


def login(driver, address, name):
    driver.delete_all_cookies()
    driver.get(address + "/login")
    driver.find_element(By.ID, "login-name").send_keys(name)
    driver.find_element(By.ID, "login-password").send_keys(PASSWORD)
    click(driver, driver.find_element(By.ID, "login-submit"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/duxue")
    parser.add_argument("--district", default="Data/county")
    parser.add_argument("--screenshots", default=os.environ.get("SCREENSHOTS", "/tmp"))
    args = parser.parse_args()
    shots = lambda name: os.path.join(args.screenshots, "city-" + name + ".png")
    city = tempfile.mkdtemp(prefix="duxue-city-browser-")
    for name in ["county", "riverside"]:
        shutil.copytree(args.district, os.path.join(city, name))
    subprocess.run([args.binary, "serve", "--city", city, "--create-admin", "admin", "--bcrypt-cost", "6"],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    accounts = city + "-accounts.csv"
    with open(accounts, "w") as handle:
        handle.write(f"name,role,district,password\nclerk,district,county,{PASSWORD}\nreviewer,reviewer,,{PASSWORD}\n")
    subprocess.run([args.binary, "serve", "--city", city, "--import-accounts", accounts, "--bcrypt-cost", "6"],
                   check=True, capture_output=True)
    os.remove(accounts)
    server, address = start_server(args.binary, city)
    driver = browser(tempfile.mkdtemp(prefix="duxue-downloads-"))
    # A page that reloads after an action leaves stale elements behind: look again.
    wait = WebDriverWait(driver, 120, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException))
    try:
        step("without a session the dashboard sends to the login")
        driver.get(address + "/city")
        assert driver.current_url.endswith("/login"), driver.current_url
        driver.save_screenshot(shots("1-login"))

        step("a wrong password says so, generically")
        driver.find_element(By.ID, "login-name").send_keys("clerk")
        driver.find_element(By.ID, "login-password").send_keys("not the password")
        click(driver, driver.find_element(By.ID, "login-submit"))
        wait.until(lambda d: d.find_elements(By.ID, "login-error"))
        assert "账号或密码不对" in driver.find_element(By.ID, "login-error").text
        console_errors(driver)  # the 401 answer's own console line, read and dropped

        step("the district user logs in, plans and submits")
        login(driver, address, "clerk")
        wait.until(lambda d: d.current_url.rstrip("/").endswith("/d/county"))
        rows = driver.find_elements(By.CSS_SELECTOR, "#school-table tbody tr")
        assert len(rows) == 130, f"{len(rows)} schools"
        click(driver, driver.find_element(By.ID, "plan-start"))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#roster-table tbody tr")) == 130)
        wait.until(lambda d: d.find_element(By.ID, "submit-filing").is_enabled())
        click(driver, driver.find_element(By.ID, "submit-filing"))
        wait.until(lambda d: d.find_element(By.ID, "submit-result").text.startswith("v1"))
        print("  submitted:", driver.find_element(By.ID, "submit-result").text)
        driver.save_screenshot(shots("2-submitted"))
        errors = console_errors(driver)
        assert not errors, f"console errors: {errors}"

        step("another district's page is refused")
        driver.get(address + "/d/riverside/api/districts")
        assert "无权访问" in driver.page_source, driver.page_source[:300]
        console_errors(driver)  # the refused request's own console line, read and dropped

        step("the reviewer sees the filing on the dashboard and returns it with a comment")
        login(driver, address, "reviewer")
        wait.until(lambda d: d.current_url.endswith("/city"))
        row = driver.find_element(By.CSS_SELECTOR, '#dashboard tr[data-district="county"]')
        assert "已报送" in row.text, row.text
        # The district as its policy names it (Data/county's district_name), its folder id beside it.
        assert "丰城县" in row.find_element(By.CSS_SELECTOR, "td a").text, row.text
        driver.save_screenshot(shots("3-dashboard"))
        row.find_element(By.CSS_SELECTOR, ".comment-input").send_keys("请补充责任区的专职督学 <b>不是标记</b>")
        click(driver, row.find_element(By.CSS_SELECTOR, 'button[data-action="return"]'))
        wait.until(lambda d: "已退回" in d.find_element(By.CSS_SELECTOR, '#dashboard tr[data-district="county"]').text)
        driver.save_screenshot(shots("4-returned"))
        assert not console_errors(driver), console_errors(driver)

        step("the reviewer reads the district's workbench, with no submit button")
        driver.get(address + "/d/county")
        wait.until(lambda d: d.find_elements(By.ID, "city-bar"))
        assert "丰城县" in driver.find_element(By.ID, "city-district").text
        assert not driver.find_elements(By.ID, "submit-filing"), "a reviewer is shown the submit button"
        driver.save_screenshot(shots("4b-reviewer-workbench"))
        assert not console_errors(driver), console_errors(driver)

        step("the district user sees the comment")
        login(driver, address, "clerk")
        wait.until(lambda d: d.current_url.rstrip("/").endswith("/d/county"))
        click(driver, driver.find_element(By.ID, "city-filings"))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#filings td.comment"))
        comment = driver.find_element(By.CSS_SELECTOR, "#filings td.comment").text
        assert comment == "请补充责任区的专职督学 <b>不是标记</b>", comment
        heading = driver.find_element(By.TAG_NAME, "h2").text
        assert heading.startswith("丰城县"), heading
        assert "截止日期 未设定" in driver.find_element(By.TAG_NAME, "main").text
        driver.save_screenshot(shots("5-comment"))
        print("all city browser steps passed")
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(city, ignore_errors=True)


if __name__ == "__main__":
    main()
