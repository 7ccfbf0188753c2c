"""A real `streamlit run` server on loopback and Debian's Chromium driven by Playwright.

Screenshots go to screenshots/ (ignored by git) so a person can look at them."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, sync_playwright

from samma import agenda, db, i18n, workbook

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# The deployment's public name (below) resolves to loopback in every test browser, so that a
# share link naming it opens through the test's proxy; no other name is touched.
PUBLIC_HOST = "samma.example.org"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--host-resolver-rules=MAP {PUBLIC_HOST} 127.0.0.1"]
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}

BROWSER_TESTS = Path(__file__).resolve().parent

# The run over, something drawn, and nothing still a placeholder: served by serve.py the run can
# end before the code of an element (a chart, a metric) has loaded, and it is a skeleton until then.
RUN_FINISHED = """() => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    && document.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')
    && !document.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stSkeleton"]')"""


def pytest_collection_modifyitems(items) -> None:
    """Marks every test in this folder `browser`, so `-m browser` / `-m "not browser"` pick them
    (a `pytestmark` in a conftest marks nothing)."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_path: Path, extra_env: dict | None = None, script: str = "serve.py"
                 ) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` (the app, or the bench's bare page) on a free loopback port."""
    port = _free_port()
    env = {**os.environ, "SAMMA_DB": str(db_path), **(extra_env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(proc, f"{url}/_stcore/health", "streamlit")
    return proc, url


def _wait_healthy(proc: subprocess.Popen, health: str, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(health, timeout=2) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)      # polling the server's health, not waiting for a result
    proc.kill()
    said = log.read_text(errors="replace") if log else proc.stdout.read().decode(errors="replace")
    raise RuntimeError(f"{what} did not start: {said}")


@contextmanager
def served(db_path: Path, extra_env: dict | None = None) -> Iterator[str]:
    """A server on `db_path` for the length of the block; its URL."""
    proc, url = start_server(db_path, extra_env)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- the deployment of deploy/: the systemd unit's replicas behind Debian's Caddy ------------------

DEPLOY = ROOT / "deploy"
SUB_PATH = "samma"
# Who runs a replica here: the unit's `samma` user does not exist on a test machine; `nobody`
# is as unprivileged, and the database belongs to root with mode 0644, as it belongs to the
# data keeper in deploy/samma@.service.
REPLICA_USER = ("nobody", "nogroup")


@dataclass
class Deployment:
    proxy_url: str                  # the presenter's way in: the proxy on 127.0.0.1, sub-path included
    public_url: str                 # SAMMA_PUBLIC_URL: the proxy under its public name
    replicas: list[subprocess.Popen]
    ports: list[int]
    proxy: subprocess.Popen


def unit_command(port: int, paths: dict[str, str]) -> tuple[list[str], str, dict[str, str]]:
    """deploy/samma@.service's ExecStart, WorkingDirectory and environment (its Environment= lines
    and its EnvironmentFile, deploy/samma.env) for instance `port`, with the deployment's paths
    and address replaced by this machine's (`paths`: from -> to)."""
    def mapped(text: str) -> str:
        for old, new in paths.items():
            text = text.replace(old, new)
        return text

    service, section = {}, None
    for line in mapped(UNIT.read_text()).replace("%i", str(port)).splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            service.setdefault(key, []).append(value)
    env = dict(v.split("=", 1) for v in service.get("Environment", []))
    for env_file in service["EnvironmentFile"]:
        source = DEPLOY / "samma.env" if env_file == "/etc/samma/samma.env" else Path(env_file)
        env.update(line.split("=", 1) for line in mapped(source.read_text()).splitlines()
                   if line.strip() and not line.startswith("#"))
    return shlex.split(service["ExecStart"][0]), service["WorkingDirectory"][0], env


UNIT = DEPLOY / "samma@.service"


def start_replica(db_path: Path, port: int, public_url: str, state: Path, logs: Path) -> subprocess.Popen:
    """One replica as the systemd unit runs it, as an unprivileged user."""
    command, workdir, env = unit_command(port, {
        "/opt/samma": str(ROOT), "/var/lib/samma": str(state),
        "/srv/samma/network.duckdb": str(db_path), f"https://{PUBLIC_HOST}/{SUB_PATH}/": public_url})
    user, group = REPLICA_USER
    # Its output to a file, as the journal keeps a service's: a pipe nobody reads would stall it.
    log = logs / f"replica-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["setpriv", f"--reuid={user}", f"--regid={group}", "--clear-groups", *command],
            cwd=workdir, env={"PATH": os.environ["PATH"], **env}, stdout=out, stderr=subprocess.STDOUT)
    _wait_healthy(proc, f"http://127.0.0.1:{port}/{SUB_PATH}/_stcore/health", f"replica on {port}", log)
    return proc


@contextmanager
def replicas_dir() -> Iterator[Path]:
    """A folder the replicas' user can read, as /srv/samma is, for the database and the replicas'
    state. Not under pytest's temporary root: every pytest session on the machine makes that
    private to root again when it starts."""
    with tempfile.TemporaryDirectory(prefix="samma-deploy-") as folder:
        Path(folder).chmod(0o755)
        yield Path(folder)


@contextmanager
def deployed(db_path: Path, workdir: Path, replicas: int = 2) -> Iterator[Deployment]:
    """deploy/'s files on this machine: `replicas` copies of the systemd unit's app reading
    `db_path` (in a `replicas_dir()`; their state beside it, their logs in `workdir`), and
    Debian's Caddy with deploy/Caddyfile in front of them, on loopback and plain HTTP (the
    Caddyfile's real site name gets automatic HTTPS instead)."""
    proxy_port, ports = _free_port(), [_free_port() for _ in range(replicas)]
    public_url = f"http://{PUBLIC_HOST}:{proxy_port}/{SUB_PATH}/"
    db_path.chmod(0o644)
    started: list[subprocess.Popen] = []
    try:
        for port in ports:
            state = db_path.parent / f"state-{port}"
            state.mkdir()
            shutil.chown(state, *REPLICA_USER)
            started.append(start_replica(db_path, port, public_url, state, workdir))
        caddy_home = workdir / "caddy"
        caddy_home.mkdir()
        env = {**os.environ, "HOME": str(caddy_home), "XDG_DATA_HOME": str(caddy_home),
               "XDG_CONFIG_HOME": str(caddy_home),
               "SAMMA_SITE": f"http://{PUBLIC_HOST}:{proxy_port}, http://127.0.0.1:{proxy_port}",
               "SAMMA_REPLICAS": " ".join(f"127.0.0.1:{p}" for p in ports),
               "SAMMA_CADDY_ADMIN": "off", "SAMMA_CADDY_OPTIONS": "default_bind 127.0.0.1"}
        log = workdir / "caddy.log"
        with open(log, "wb") as out:
            proxy = subprocess.Popen(["caddy", "run", "--config", str(DEPLOY / "Caddyfile"),
                                      "--adapter", "caddyfile"], env=env, stdout=out,
                                     stderr=subprocess.STDOUT)
        started.append(proxy)
        proxy_url = f"http://127.0.0.1:{proxy_port}/{SUB_PATH}"
        _wait_healthy(proxy, f"{proxy_url}/_stcore/health", "caddy", log)
        yield Deployment(proxy_url, public_url, started[:-1], ports, proxy)
    finally:
        for proc in started:
            proc.terminate()
        for proc in started:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def sticky_cookie(port: int) -> str:
    """The value of Caddy's `lb_policy cookie` for the replica on `port`: HMAC-SHA256 of the
    upstream's address, keyed with the policy's secret (none in deploy/Caddyfile)."""
    return hmac.new(b"", f"127.0.0.1:{port}".encode(), hashlib.sha256).hexdigest()


@pytest.fixture(scope="session")
def app_url(sample_db):
    with served(sample_db) as url:
        yield url


def as_shown(text: str) -> re.Pattern:
    """`text` as a page shows data: an invisible word joiner after each colon (i18n.escape)."""
    return re.compile(re.escape(text).replace(":", ":\u2060?"))


def load_with_text_changed(sample_db: Path, folder: Path, change) -> Path:
    """The sample exported to the template with every text cell replaced by
    `change(sheet, column, row_number, cell)`, loaded back through the real import into
    folder/samma.duckdb."""
    with db.snapshot(sample_db) as con:
        rows = workbook.export_rows(con)
    for sheet in workbook.SHEETS:
        texts = [i for i, c in enumerate(sheet.columns) if c.kind == "text"]
        rows[sheet.name] = [
            tuple(change(sheet.name, sheet.columns[i].key, number, cell) if i in texts and cell is not None
                  else cell for i, cell in enumerate(row))
            for number, row in enumerate(rows[sheet.name])]
    source = folder / "hostile.xlsx"
    workbook.write_workbook(source, rows)
    workbook.load(source, folder / "samma.duckdb")
    return folder / "samma.duckdb"


@pytest.fixture
def live_url(tmp_path, sample_db):
    """(url, path): the app served from a copy of the sample of this test's own, which the test
    may swap or break while the page is open."""
    live = tmp_path / "samma.duckdb"
    shutil.copy(sample_db, live)
    with served(live) as url:
        yield url, live


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_at(chromium):
    """page_at(url, viewport) -> a Page whose app run has finished. `before_load(page)` runs
    before the page is opened: where listeners go that must hear the page from its start."""
    contexts = []

    def open_(url: str, viewport: dict = PROJECTOR, before_load=None) -> Page:
        context = chromium.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        if before_load:
            before_load(page)
        page.goto(url)
        wait_until_done(page)
        return page

    yield open_
    for context in contexts:
        context.close()


def wait_until_done(page: Page, timeout_ms: int = 60_000) -> None:
    """Until a script run has finished: the app says it is not running AND the page has drawn
    something (before the first run starts the state also reads "notRunning") AND no element is
    a placeholder any more."""
    page.wait_for_function(RUN_FINISHED, timeout=timeout_ms)


def open_tab(page: Page, page_name: str, section: str, lang: str = "th") -> None:
    """Opens one of the page's sections by its tab, as a person does: the tab named with the
    section's title is clicked, the link comes to name the section (the first: none) once the
    server has taken the choice, and the run that draws it finishes."""
    page.get_by_role("tab", name=i18n.t_plain(agenda.title(page_name, section), lang), exact=True).click()
    first = section == agenda.sections(page_name)[0]
    page.wait_for_url(lambda url: (f"{agenda.SECTION_PARAM}=" not in url) if first
                      else f"{agenda.SECTION_PARAM}={section}" in url)
    wait_until_done(page)


def screenshot(page: Page, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def outside(url: str, origin: str) -> bool:
    """Whether a request leaves the app: anything but the app's own host:port (http or its
    websocket) and data:/blob: URLs."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return False
    return parts.scheme not in ("http", "https", "ws", "wss") or parts.netloc != origin


def listen_for_outside_requests(target, origin: str) -> list[str]:
    """Records every request from `target` (a page or a browser context) that leaves `origin`,
    websockets included. Attach it before anything is opened."""
    seen: list[str] = []
    target.on("request", lambda request: seen.append(request.url) if outside(request.url, origin) else None)

    def on_page(page):
        page.on("websocket", lambda ws: seen.append(ws.url) if outside(ws.url, origin) else None)

    if hasattr(target, "pages"):
        target.on("page", on_page)
    else:
        on_page(target)
    return seen
