"""The HTML report in a real browser: Debian's headless Chromium, driven by Selenium.

It renders, its charts are drawn, the language switch works, and the page logs no
console error. Needs ``chromium`` and ``chromium-driver`` (``.ci/run`` and
``scripts/dev test`` install them on Debian when they are missing); without them the
test is skipped, saying so — except under CI, where it must run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from govbudget import load, validate
from govbudget.output.html import render_html

ROOT = Path(__file__).resolve().parents[1]
FINAL = ROOT / "examples" / "shiliwenlv-2024-final" / "budget.json"

_BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
_DRIVER = shutil.which("chromedriver")
# The flags that work on this project's machines (no network: no background connections).
_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)

if _BROWSER is None or _DRIVER is None:
    if os.environ.get("CI"):
        pytest.fail(
            "CI must run the browser test: install Debian's chromium and chromium-driver",
            pytrace=False,
        )
    pytest.skip(
        "no headless Chromium here (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402 - only with a browser to drive
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="govbudget-chromium-")
    options = webdriver.ChromeOptions()
    assert _BROWSER is not None
    options.binary_location = _BROWSER
    for flag in (*_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=_DRIVER), options=options)
    driver.set_window_size(1200, 1600)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_the_report_renders_with_its_charts_and_no_console_error(
    browser: webdriver.Chrome, tmp_path: Path
) -> None:
    budget = load(FINAL)
    report = validate(budget)
    page = tmp_path / "report.html"
    page.write_text(render_html(report, source=str(FINAL), budget=budget), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.title.startswith(f"{report.department} {report.year}")
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 5
    for chart in charts:
        assert chart.size["width"] > 300
        assert chart.size["height"] > 40
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
    assert len(bars) >= 10
    assert all(bar.size["width"] >= 1 for bar in bars)
    rows = browser.find_elements(By.CSS_SELECTOR, "section.findings tbody tr")
    assert len(rows) == len(report.findings)
    verdict = browser.find_element(By.CSS_SELECTOR, ".verdict")
    assert verdict.text == "✗ 有错误"
    # the English switch
    browser.find_element(By.ID, "lang").click()
    assert verdict.text == "✗ errors found"
    assert browser.execute_script("return document.documentElement.lang") == "en"
    # a chart's bar links to its finding
    link = browser.find_element(By.CSS_SELECTOR, 'svg.chart a[href^="#f-"]')
    assert link.get_attribute("href")
    log: list[dict[str, str]] = browser.get_log("browser")  # type: ignore[no-untyped-call]
    errors = [e for e in log if e["level"] == "SEVERE"]
    assert errors == []
