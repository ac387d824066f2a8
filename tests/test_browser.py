"""The web pages in a real headless Chromium (Debian's package, driven by Selenium).

Skips with a message when Selenium, chromium or chromedriver is missing (CI
installs them; see .ci/run). Screenshots of each page go to
``artifacts/screenshots/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                                "(pip install -e '.[test]')")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from serve_store import (  # noqa: E402
    SAMPLE,
    SEEDS,
    STORY_ID,
    build_seed_store,
    ingest_hostile,
    pipeline_store,
    serving,
)
from test_web import add_hostile  # noqa: E402

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


def _find(*names: str) -> str | None:
    for name in names:
        if name and (os.path.isfile(name) or shutil.which(name)):
            return shutil.which(name) or name
    return None


CHROMIUM = _find(os.environ.get("DOSSIER_CHROMIUM", ""), "chromium", "chromium-browser",
                 "/usr/lib/chromium/chromium")
CHROMEDRIVER = _find(os.environ.get("DOSSIER_CHROMEDRIVER", ""), "chromedriver",
                     "/usr/lib/chromium/chromedriver")
if not SEEDS.is_dir():
    pytest.skip("../shared/corpus/seeds is absent", allow_module_level=True)
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("no chromium/chromedriver found: apt-get install -y chromium chromium-driver "
                "(or set DOSSIER_CHROMIUM / DOSSIER_CHROMEDRIVER)", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = build_seed_store(tmp_path_factory.mktemp("browser") / "seed.db")
    add_hostile(db)
    hostile_ids.extend(ingest_hostile(db))
    with serving(db) as url:
        yield url


hostile_ids: list[str] = []


@pytest.fixture(scope="module")
def pipeline_url():
    try:
        db = pipeline_store()
    except ImportError as exc:
        pytest.skip(f"a pipeline stage is not merged yet: {exc}")
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    try:
        driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER),
                                  options=options)
    except Exception as exc:  # a broken install should read as a skip, not a crash
        pytest.skip(f"chromium did not start: {exc}")
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    """Save a full-height screenshot (the page's own height, capped) as a test artifact."""
    width = driver.get_window_size()["width"]
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(height + 120, 600), 6000))
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def no_script_ran(driver) -> bool:
    try:
        _ = driver.switch_to.alert  # raises when no alert() is open
        return False
    except NoAlertPresentException:
        return driver.execute_script("return typeof window.__xss === 'undefined'")


def test_river_then_story(browser, base_url):
    browser.set_window_size(1280, 1000)
    browser.get(base_url + "/")
    card = browser.find_element(By.CSS_SELECTOR, ".story-card")
    assert "2 outlets" in card.text and "Sergei Shoigu" in card.text
    shot(browser, "01-river")
    card.find_element(By.CSS_SELECTOR, "h2 a").click()
    assert browser.current_url == f"{base_url}/stories/{STORY_ID}"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Russia's 'dirty bomb'")


def test_story_timeline_is_drawn(browser, base_url):
    browser.get(f"{base_url}/stories/{STORY_ID}")
    svg = browser.find_element(By.CSS_SELECTOR, "svg.timeline")
    assert svg.size["width"] > 300 and svg.size["height"] > 100
    dots = svg.find_elements(By.CSS_SELECTOR, "circle.dot")
    assert len(dots) == 3 and all(d.is_displayed() for d in dots)
    labels = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "text.date")]
    assert labels == ["2022-02-24", "2022-10-21", "2022-10-23"]


def test_claim_with_three_responses(browser, base_url):
    browser.get(f"{base_url}/stories/{STORY_ID}")
    claim = browser.find_element(By.CSS_SELECTOR, "li.claim")
    assert "Sergei Shoigu" in claim.find_element(By.CSS_SELECTOR, ".said").text
    speakers = [r.find_element(By.CSS_SELECTOR, ".speaker").text
                for r in claim.find_elements(By.CSS_SELECTOR, "li.response")]
    assert speakers == ["Ben Wallace", "White House national security council",
                        "Mykhailo Podolyak"]


def test_single_outlet_facts_highlighted_and_filterable(browser, base_url):
    browser.get(f"{base_url}/stories/{STORY_ID}")
    single = browser.find_elements(By.CSS_SELECTOR, "tr.fact.single")
    assert len(single) == 3
    colour = single[0].value_of_css_property("background-color")
    assert colour not in ("rgba(0, 0, 0, 0)", "rgba(255, 255, 255, 1)")  # the stylesheet loaded
    browser.find_element(By.ID, "only-single").click()  # added by static/app.js
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "tr.fact") if r.is_displayed()]
    assert len(visible) == 3
    browser.find_element(By.ID, "only-single").click()


def test_removed_boilerplate_toggles_without_script(browser, base_url):
    browser.get(f"{base_url}/stories/{STORY_ID}")
    details = browser.find_element(By.CSS_SELECTOR, "#articles details.removed")
    assert details.get_attribute("open") is None
    details.find_element(By.TAG_NAME, "summary").click()
    assert details.get_attribute("open") is not None
    assert "JOIN US ON TELEGRAM" in details.text
    shot(browser, "02-story-desktop")


def test_story_fits_a_phone(browser, base_url):
    browser.set_window_size(390, 844)
    browser.get(f"{base_url}/stories/{STORY_ID}")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    shot(browser, "03-story-phone")
    browser.set_window_size(1280, 1000)


def test_search(browser, base_url):
    browser.get(base_url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header input[name=q]")
    box.send_keys("dirty bomb")
    box.submit()
    assert browser.current_url.endswith("/search?q=dirty+bomb")
    results = browser.find_elements(By.CSS_SELECTOR, "li.result")
    assert len(results) == 2
    assert browser.find_elements(By.CSS_SELECTOR, "li.result mark")
    shot(browser, "04-search")


def test_entity_page(browser, base_url):
    browser.get(f"{base_url}/entities/p-wallace")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ben Wallace"
    assert "UK defence secretary" in browser.page_source
    shot(browser, "05-entity")


@pytest.mark.parametrize("path", ["/articles/evil1", "/articles", "/search?q=Ministers"])
def test_hostile_article_executes_nothing(browser, base_url, path):
    browser.get(base_url + path)
    assert no_script_ran(browser)
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
    if path == "/articles/evil1":
        assert "<script>window.__xss=1</script>" in browser.find_element(By.TAG_NAME, "h1").text
        shot(browser, "06-hostile-article")


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="examples/sample/ is absent")
def test_pipeline_river_to_seed_story(browser, pipeline_url):
    """The same walk on what the real pipeline built from the seeds and the sample corpus."""
    browser.set_window_size(1280, 1000)
    browser.get(pipeline_url + "/")
    cards = browser.find_elements(By.CSS_SELECTOR, ".story-card")
    assert len(cards) >= 7
    shot(browser, "07-pipeline-river")
    seed = next(c for c in cards if "Ben Wallace" in c.text)
    seed.find_element(By.CSS_SELECTOR, "h2 a").click()
    assert "/stories/" in browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.timeline circle.dot")) >= 3
    claim = next(c for c in browser.find_elements(By.CSS_SELECTOR, "li.claim")
                 if c.find_element(By.CSS_SELECTOR, ".said .speaker").text == "Sergei Shoigu")
    assert len(claim.find_elements(By.CSS_SELECTOR, "li.response")) >= 3
    assert browser.find_elements(By.CSS_SELECTOR, "tr.fact.single")
    shot(browser, "08-pipeline-seed-story")


def test_ingested_hostile_articles_execute_nothing(browser, base_url):
    """Articles that went through the real ingest with payloads in title and body."""
    assert len(hostile_ids) == 2
    for article_id in hostile_ids:
        browser.get(f"{base_url}/articles/{article_id}")
        assert no_script_ran(browser)
        assert browser.find_elements(By.CSS_SELECTOR, "main img, main svg") == []
    browser.get(f"{base_url}/search?q=xss")
    assert no_script_ran(browser) and len(browser.find_elements(By.CSS_SELECTOR, "li.result")) >= 2
    shot(browser, "09-hostile-search")
