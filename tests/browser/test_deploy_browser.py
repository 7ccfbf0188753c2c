"""deploy/ for real: the systemd unit's command, two replicas run as an unprivileged user on one
read-only database, behind Debian's Caddy running deploy/Caddyfile under the /samma/ sub-path.
Chromium drives every page through the proxy (over its WebSocket), and the share link names the
proxy's public address, which a fresh phone opens."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from bench.run import discover_pages
from tests.browser.conftest import (
    DEPLOY,
    PHONE,
    PROJECTOR,
    ROOT,
    SUB_PATH,
    UNIT,
    deployed,
    replicas_dir,
    screenshot,
    sticky_cookie,
    wait_until_done,
)
from tests.conftest import as_read


@pytest.fixture(scope="module")
def deployment(sample_db, tmp_path_factory):
    with replicas_dir() as srv:
        db = srv / "network.duckdb"
        shutil.copy(sample_db, db)
        with deployed(db, tmp_path_factory.mktemp("deploy"), replicas=2) as d:
            yield d, db


def _established(port: int) -> int:
    """TCP connections to 127.0.0.1:port open right now (the proxy's, to that replica)."""
    hex_port = f"{port:04X}"
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if local.endswith(f":{hex_port}") and state == "01":
                count += 1
    return count


def test_the_unit_file_is_one_systemd_accepts(tmp_path):
    unit = tmp_path / "samma@.service"
    unit.write_text(UNIT.read_text().replace("/opt/samma", str(ROOT)))
    result = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "samma@8501.service")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stderr


def test_the_caddyfile_is_one_caddy_accepts():
    result = subprocess.run(["caddy", "validate", "--config", str(DEPLOY / "Caddyfile"),
                             "--adapter", "caddyfile"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]


def test_replicas_run_unprivileged_and_can_read_but_not_write_the_database(deployment):
    d, db = deployment
    for replica in d.replicas:
        uid = next(line.split()[1] for line in Path(f"/proc/{replica.pid}/status").read_text().splitlines()
                   if line.startswith("Uid:"))
        assert uid == "65534"                                    # nobody, not root
    probe = ("import sys, duckdb\n"
             "open(sys.argv[1], 'rb').read(16)\n"
             "duckdb.connect(sys.argv[1], read_only=True).execute('SELECT count(*) FROM village').fetchone()\n"
             "try:\n    open(sys.argv[1], 'r+b')\nexcept PermissionError:\n    print('read-only')\n")
    result = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                             sys.executable, "-c", probe, str(db)],
                            capture_output=True, text=True, timeout=60, cwd="/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "read-only"


def test_every_page_through_the_proxy_on_its_websocket(deployment, chromium):
    d, db = deployment
    with duckdb.connect(str(db), read_only=True) as con:
        dataset = con.execute("SELECT name_th FROM dataset").fetchone()[0]
    context = chromium.new_context(viewport=PROJECTOR)
    page = context.new_page()
    sockets, frames = [], []
    page.on("websocket", lambda ws: (sockets.append(ws.url),
                                     ws.on("framereceived", lambda _: frames.append(1))))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        first_cookie = None
        pages = [url_path for _, url_path in discover_pages()]
        for url_path in pages:
            # the default page is served at the app's own address
            url = f"{d.proxy_url}/" if url_path == pages[0] else f"{d.proxy_url}/{url_path}"
            page.goto(url)
            wait_until_done(page)
            page.locator("h1").first.wait_for()
            main = as_read(page.locator('[data-testid="stMainBlockContainer"]').inner_text())
            assert dataset in main, url_path
            assert "Page not found" not in main and page.locator('[data-testid="stException"]').count() == 0
            cookie = {c["name"]: c["value"] for c in context.cookies()}.get("samma_replica")
            first_cookie = first_cookie or cookie
            assert cookie == first_cookie                         # sticky: one replica throughout
            if url_path == "market":
                screenshot(page, "deploy-market-through-proxy")
        # The page links under each page work under the sub-path too.
        page.locator('[data-testid="stPageLink"] a').first.click()
        page.wait_for_url(re.compile(rf"/{SUB_PATH}/partners$"))     # the Data page's previous
        wait_until_done(page)
        assert first_cookie in {sticky_cookie(port) for port in d.ports}
        replica = next(port for port in d.ports if sticky_cookie(port) == first_cookie)
        assert _established(replica) >= 1                          # its WebSocket, via the proxy
    finally:
        context.close()
    host = d.proxy_url.split("/")[2]
    assert f"ws://{host}/{SUB_PATH}/_stcore/stream" in sockets
    assert len(frames) > 0 and errors == []


def test_the_share_link_names_the_public_address_and_a_phone_opens_it(deployment, page_at):
    d, _ = deployment
    # The presenter opened the proxy by its loopback address, as a laptop on its own server does.
    page = page_at(f"{d.proxy_url}/funds?lang=en", PROJECTOR)
    heading = page.locator("h1").first.inner_text()
    page.get_by_role("button", name=re.compile("Share this view")).click()
    dialog = page.locator('[data-testid="stDialog"]')
    dialog.locator("pre code").nth(1).wait_for()
    link, used = [c.inner_text().strip() for c in dialog.locator("pre code").all()]
    assert d.public_url.startswith("http://samma.example.org:") and not page.url.startswith(d.public_url)
    assert link == f"{d.public_url}funds?lang=en"
    assert used == d.public_url
    assert dialog.get_by_text("use the public address set for partners").count() == 1
    screenshot(page, "deploy-share-dialog")

    phone = page_at(link, PHONE)
    assert phone.url == link
    assert phone.locator("h1").first.inner_text() == heading
    assert phone.locator('[data-testid="stException"]').count() == 0
