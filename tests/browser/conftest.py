"""A real `streamlit run` server on loopback and Debian's Chromium driven by Playwright.

Screenshots go to screenshots/ (ignored by git) so a person can look at them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.browser

RUN_FINISHED = """() => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    && document.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_path: Path, extra_env: dict | None = None) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "SAMMA_DB": str(db_path), **(extra_env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.2)      # polling the server's health, not waiting for a result
    proc.kill()
    raise RuntimeError("streamlit did not start: " + proc.stdout.read().decode(errors="replace"))


@contextmanager
def served(db_path: Path, extra_env: dict | None = None) -> Iterator[str]:
    """A server on `db_path` for the length of the block; its URL."""
    proc, url = start_server(db_path, extra_env)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def app_url(sample_db):
    with served(sample_db) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_at(chromium):
    """page_at(url, viewport) -> a Page whose app run has finished."""
    contexts = []

    def open_(url: str, viewport: dict = PROJECTOR) -> Page:
        context = chromium.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        wait_until_done(page)
        return page

    yield open_
    for context in contexts:
        context.close()


def wait_until_done(page: Page, timeout_ms: int = 60_000) -> None:
    """Until a script run has finished: the app says it is not running AND the page has drawn
    something (before the first run starts the state also reads "notRunning")."""
    page.wait_for_function(RUN_FINISHED, timeout=timeout_ms)


def screenshot(page: Page, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
