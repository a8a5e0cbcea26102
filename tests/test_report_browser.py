"""The HTML migration report opened in a real headless Chromium (Debian's ``chromium`` + ``chromium-driver``).

The fixture blog's report: a screenshot, no console errors, one row per entry, and the "problems"
filter leaving exactly the entries with diagnostics. A hostile archive's report: every
side-by-side view opened, and no script of a post (in a body, a title, a URL) ran anywhere.

Selenium drives the Debian driver given by path, so nothing is downloaded at test time. A missing
browser skips these tests on a developer machine and FAILS them under ``CI=true``.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import BLOG_FI, IN_CI
from report_cases import MARKER, WHEN, hostile_archive, write_archive

import importer
from importer.model import Archive, Blog, Post

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000"]


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (DRIVER, "chromium-driver")):
        if not Path(path).is_file() and shutil.which(Path(path).name) is None:
            return f"{path} is missing (apt-get install {package})"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the module, with its console log collected."""
    missing = _missing()
    if missing:
        if IN_CI:
            pytest.fail(missing)
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium") or CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or DRIVER),
                              options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, page: Path) -> list[dict[str, Any]]:
    """Load ``page``; returns what the console said while loading (and clears it)."""
    browser.get_log("performance")  # what earlier pages asked for
    browser.get(page.as_uri())
    return list(browser.get_log("browser"))


def _errors(log: list[dict[str, Any]]) -> list[str]:
    """Errors on the page's console (chromedriver's log holds the top document's, not its frames')."""
    return [entry["message"] for entry in log if entry["level"] in ("SEVERE", "ERROR")]


def _requests(browser: Any, page: Path) -> list[str]:
    """Every URL the report asked for since the last call (DevTools network events of the top
    document; Chromium's own start page, still loading in the background, is left aside). The
    frames' requests do not show here: the tests look inside the frames instead."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message["params"]
        if message["method"] == "Network.requestWillBeSent" and params.get("documentURL") in (
                page.as_uri(), "about:srcdoc"):
            urls.append(params["request"]["url"])
    return urls


def _row_ids(browser: Any, visible_only: bool) -> list[str]:
    script = ("return Array.from(document.querySelectorAll('#entries-table tr[data-problems]'))"
              ".filter(r => !arguments[0] || r.getClientRects().length > 0)"
              ".map(r => r.querySelector('.id').textContent);")
    return list(browser.execute_script(script, visible_only))


def _open_views(browser: Any) -> int:
    """Click every "side by side" summary, as a reader would; returns how many were opened."""
    from selenium.webdriver.common.by import By

    summaries = browser.find_elements(By.CSS_SELECTOR, "details.side > summary")
    for summary in summaries:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
    return len(summaries)


def _frames_loaded(browser: Any, expected: int) -> list[Any]:
    """The views' frames, once ``expected`` of them exist and have had time to load their srcdoc."""
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + 10
    frames = browser.find_elements(By.CSS_SELECTOR, "details.side iframe")
    while len(frames) < expected and time.monotonic() < deadline:
        time.sleep(0.1)
        frames = browser.find_elements(By.CSS_SELECTOR, "details.side iframe")
    time.sleep(0.5)  # a post's script, were it allowed, would have run by now
    return list(frames)


def test_fixture_blog_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    page, data = tmp_path / "report.html", tmp_path / "report.json"
    importer.convert(BLOG_FI / "legacy.xml", tmp_path / "site", to="hugo", report=data, report_html=page)
    report = json.loads(data.read_text(encoding="utf-8"))
    log = _open(browser, page)
    assert browser.title == "Migration report: Sosmedia ja muuta"
    assert browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert sorted(_row_ids(browser, False)) == sorted(e["id"] for e in report["entries"])
    assert len(report["entries"]) == 7

    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "filter")).select_by_value("problems")
    problems = {e["id"] for e in report["entries"] if e["diagnostics"]}
    assert problems == {"7000000000000000002", "7000000000000000003", "7000000000000000004"}
    assert sorted(_row_ids(browser, True)) == sorted(problems)
    assert browser.find_element("id", "shown").text == "3 of 7 shown"
    assert _open_views(browser) == 3
    frames = _frames_loaded(browser, 6)
    assert len(frames) == 6 and all(f.get_attribute("sandbox") == "" for f in frames)
    log += browser.get_log("browser")
    assert _errors(log) == []
    assert _requests(browser, page) == [page.as_uri()]  # the page itself fetches nothing else


def test_scripts_in_posts_never_run(browser: Any, tmp_path: Path) -> None:
    source = write_archive(hostile_archive(), tmp_path / "hostile.json")
    page = tmp_path / "report.html"
    importer.convert(source, tmp_path / "out.json", to="json", report_html=page, report_views="all")
    log = _open(browser, page)
    assert _open_views(browser) == 3
    frames = _frames_loaded(browser, 6)  # JSON bodies are identical: the original is shown twice
    assert len(frames) == 6
    assert browser.title == f"Migration report: <script>{MARKER}</script>Blogi"  # shown as text
    assert browser.execute_script("return document.querySelectorAll('[data-ran]').length") == 0
    for frame in frames:
        assert frame.get_attribute("sandbox") == ""
        browser.switch_to.frame(frame)
        try:
            ran = browser.execute_script("return document.documentElement.getAttribute('data-ran')")
            title = browser.execute_script("return document.title")
            body = browser.execute_script("return document.body ? document.body.innerText : ''")
            loaders = browser.execute_script(
                "return document.querySelectorAll('script,img,iframe,embed,object,video,audio,link').length")
        finally:
            browser.switch_to.default_content()
        assert ran is None and title != MARKER and MARKER not in body
        assert loaders == 0  # nothing in a frame could fetch anything
    log += browser.get_log("browser")
    assert _errors(log) == []
    assert _requests(browser, page) == [page.as_uri()]


def test_filter_and_sort_move_rows_across_chunks(browser: Any, tmp_path: Path) -> None:
    # 250 rows: three chunks of the table; every third post is untitled (a title-missing problem)
    posts = tuple(Post(id=f"p{i:03d}", kind="post", status="published", title="" if i % 3 == 0 else f"T{i}",
                       slug=f"s{i}", url=None, published=WHEN - timedelta(days=(i * 37) % 250),
                       content_html="teksti") for i in range(250))
    source = write_archive(Archive(blog=Blog(title="Iso"), posts=posts), tmp_path / "big.json")
    page = tmp_path / "report.html"
    importer.convert(source, tmp_path / "out.json", to="json", report_html=page)
    _open(browser, page)
    assert len(_row_ids(browser, False)) == 250
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "filter")).select_by_value("problems")
    untitled = {p.id for p in posts if not p.title}
    assert set(_row_ids(browser, True)) == untitled and len(untitled) == 84
    published = browser.find_elements("css selector", "#entries-table .head th button")[2]
    published.click()  # ascending by date
    by_date = sorted(untitled, key=lambda pid: next(p.published for p in posts if p.id == pid))
    assert _row_ids(browser, True) == by_date
    Select(browser.find_element("id", "filter")).select_by_value("clean")
    assert set(_row_ids(browser, True)) == {p.id for p in posts} - untitled
    assert browser.find_element("id", "shown").text == "166 of 250 shown"
