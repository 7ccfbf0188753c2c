"""Many viewers at once: real Chromium contexts against a real `streamlit run` server, each
stepping through every page while a new database is swapped in underneath them.

`python -m bench.crowd --sessions 30 --waves 2` prints a table; tests/browser/
test_many_viewers.py runs a small version of the same crowd in the suite.
`--replicas N` runs the crowd through deploy/ instead: N replicas as the systemd unit runs them,
behind Debian's Caddy with deploy/Caddyfile under /samma/, the sessions spread evenly over them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from bench.run import discover_pages
from samma import sample
from samma.i18n import WORD_JOINER
from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    RUN_FINISHED,
    deployed,
    replicas_dir,
    start_server,
    sticky_cookie,
)

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 180_000
HOUSEHOLDS_LABEL = "ครัวเรือนที่เข้าร่วม"
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
NEW_PAGE_DONE = """([done, oldTitle]) => {
    const h1 = document.querySelector("h1");
    return document.querySelector(done) !== null && h1 !== null && h1.innerText !== oldTitle;
}"""


def page_paths() -> list[str]:
    """Every page the router lists, in its order; the first is the default page, at "/"."""
    return [url_path for _, url_path in discover_pages()]


def facts(path: Path) -> dict:
    """What a page must show for this version of the data: its dataset name and household count."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        name, households = con.execute(
            "SELECT (SELECT name_th FROM dataset), (SELECT count(*) FROM household)").fetchone()
    finally:
        con.close()
    return {"name": name, "households": f"{households:,}"}


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Tally:
    views: int = 0
    errors: list[str] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)        # each view, asked to drawn
    by_replica: dict[int, dict[str, int]] = field(default_factory=dict)   # port -> dataset -> views


async def _viewer(browser, url: str, paths: list[str], rounds: int, versions: list[dict],
                  tally: Tally, replica: int | None = None) -> None:
    """One phone going through the pages. `replica`: the port of the replica this session is
    placed on behind the proxy (its sticky cookie is set before the first visit, as the proxy's
    own first pick would have set it), checked again at the end: a session never moves."""
    context = await browser.new_context(viewport=PHONE)
    if replica is not None:
        host = url.split("/")[2].split(":")[0]
        await context.add_cookies([{"name": "samma_replica", "value": sticky_cookie(replica),
                                    "domain": host, "path": "/"}])
    served = tally.by_replica.setdefault(replica, {}) if replica is not None else {}
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("pageerror", lambda e: tally.errors.append(f"page error: {e}"))
    try:
        for _ in range(rounds):
            title = None
            for path in paths:
                asked = time.monotonic()
                if title is None:
                    await page.goto(f"{url}/" if path == paths[0] else f"{url}/{path}")
                else:
                    # As a presenter does: the "next page" link under the page, a rerun and
                    # not a reload of the whole app.
                    await page.locator(f'[data-testid="stPageLink"] a[href^="{path}"]').first.click()
                    try:
                        await page.wait_for_function(NEW_PAGE_DONE, arg=[DONE, title])
                    except PlaywrightTimeout:
                        tally.errors.append(f"{path}: not drawn within {TIMEOUT_MS // 1000} s")
                        break
                await page.wait_for_function(RUN_FINISHED)
                tally.seconds.append(time.monotonic() - asked)
                # Names are shown with an invisible word joiner after a colon (i18n.escape).
                text = (await page.locator('[data-testid="stMainBlockContainer"]').inner_text()).replace(
                    WORD_JOINER, "")
                if not await page.locator("h1").count():
                    tally.errors.append(f"{path}: no page drawn, the app says: {text[:300]!r}")
                    break
                title = await page.locator("h1").first.inner_text()
                tally.views += 1
                if await page.locator('[data-testid="stException"]').count() or "Traceback" in text:
                    tally.errors.append(f"{path}: exception shown")
                shown = [v for v in versions if v["name"] in text]
                if len(shown) != 1:
                    tally.mixed.append(f"{path}: shows {len(shown)} datasets")
                    continue
                tally.seen[shown[0]["name"]] = tally.seen.get(shown[0]["name"], 0) + 1
                served[shown[0]["name"]] = served.get(shown[0]["name"], 0) + 1
                if path == "overview":
                    households = await page.locator('[data-testid="stMetric"]').filter(
                        has_text=HOUSEHOLDS_LABEL).locator('[data-testid="stMetricValue"]').inner_text()
                    if households.strip() != shown[0]["households"]:
                        tally.mixed.append(f"overview: {households} households under {shown[0]['name']}")
        if replica is not None:
            cookies = {c["name"]: c["value"] for c in await context.cookies()}
            if cookies.get("samma_replica") != sticky_cookie(replica):
                tally.errors.append(f"a session left its replica on port {replica}")
    finally:
        await context.close()


async def crowd(sessions: int, rounds: int, waves: int, workdir: Path,
                paths: list[str] | None = None, replicas: int = 0) -> dict:
    """Runs `waves` crowds one after the other; a new database lands once the first crowd's
    first views are in. Returns the figures, with the servers' memory after each crowd has
    gone (a leak shows as growth from one crowd to the next). `replicas` > 0: through deploy/
    (that many replicas behind Caddy, all reading the one file), else one `streamlit run`."""
    tally, paths = Tally(), paths or page_paths()
    with ExitStack() as running:
        folder = running.enter_context(replicas_dir()) if replicas else workdir
        live = folder / "live.duckdb"
        sample.build(live)
        old = facts(live)
        replacement = workdir / "replacement.duckdb"
        sample.build(replacement, villages=13)
        new = facts(replacement)
        if replicas:
            deployment = running.enter_context(deployed(live, workdir, replicas))
            url, servers, ports = deployment.proxy_url, deployment.replicas, deployment.ports
        else:
            proc, url = start_server(live)
            running.callback(_stop, proc)
            servers, ports = [proc], [None]
        figures = await _crowd(sessions, rounds, waves, paths, url, servers, ports,
                               live, replacement, [old, new], tally)
    views = sorted(tally.seconds) or [0.0]
    figures.update(sessions=sessions, rounds=rounds, waves=waves, pages=len(paths),
                   replicas=replicas, views=tally.views, errors=tally.errors, mixed=tally.mixed,
                   seen=tally.seen, by_replica=tally.by_replica, old=old["name"], new=new["name"],
                   view_median_s=round(statistics.median(views), 2),
                   view_p90_s=round(views[int(0.9 * (len(views) - 1))], 2))
    return figures


def _stop(proc) -> None:
    proc.terminate()
    proc.wait(timeout=20)


async def _crowd(sessions, rounds, waves, paths, url, servers, ports, live, replacement,
                 versions, tally) -> dict:
    def rss() -> float:
        return sum(rss_mb(s.pid) for s in servers)

    cpu_before = [cpu_seconds(s.pid) for s in servers]
    figures: dict = {"rss_idle_mb": round(rss()), "rss_after_mb": []}
    peak, swapped, started = figures["rss_idle_mb"], False, time.monotonic()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(waves):
            viewers = [asyncio.create_task(_viewer(browser, url, paths, rounds, versions, tally,
                                                   ports[i % len(ports)]))
                       for i in range(sessions)]
            while not all(v.done() for v in viewers):
                await asyncio.wait(viewers, timeout=0.5)
                peak = max(peak, rss())
                if not swapped and tally.views >= sessions // 2:
                    # the import: built beside, swapped in by an atomic rename, under every replica
                    incoming = live.parent / "incoming.duckdb"
                    await asyncio.to_thread(shutil.copy, replacement, incoming)
                    incoming.chmod(0o644)
                    incoming.replace(live)
                    swapped = True
            for v in viewers:
                v.result()
            figures["rss_after_mb"].append(round(sum([await _settled_rss(s.pid) for s in servers])))
        await browser.close()
    figures.update(seconds=round(time.monotonic() - started, 1), swapped=swapped,
                   rss_peak_mb=round(peak),
                   cpu_s=[round(cpu_seconds(s.pid) - before, 1) for s, before in zip(servers, cpu_before)])
    return figures


async def _settled_rss(pid: int, seconds: float = 30) -> float:
    """The server's memory once the closed sessions have been let go (polled until it stops
    falling, at most `seconds`)."""
    last, deadline = rss_mb(pid), time.monotonic() + seconds
    while time.monotonic() < deadline:
        await asyncio.sleep(2)
        now = rss_mb(pid)
        if now >= last:
            return now
        last = now
    return last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=1, help="times each viewer goes through every page")
    parser.add_argument("--waves", type=int, default=2, help="crowds one after the other")
    parser.add_argument("--replicas", type=int, default=0,
                        help="through deploy/: this many replicas behind Caddy (0: one plain server)")
    args = parser.parse_args()
    if min(args.sessions, args.rounds, args.waves) < 1 or args.replicas < 0:
        parser.error("--sessions, --rounds and --waves must be at least 1, --replicas at least 0")
    with tempfile.TemporaryDirectory() as tmp:
        f = asyncio.run(crowd(args.sessions, args.rounds, args.waves, Path(tmp),
                              replicas=args.replicas))
    per_view_ms = round(1000 * sum(f["cpu_s"]) / max(f["views"], 1))
    rows = [("replicas", f["replicas"] or "1 (no proxy)"),
            ("sessions at once", f["sessions"]), ("page views", f["views"]),
            ("seconds", f["seconds"]), ("errors", len(f["errors"])),
            ("pages mixing old and new data", len(f["mixed"])),
            ("views of old / new data", f"{f['seen'].get(f['old'], 0)} / {f['seen'].get(f['new'], 0)}"),
            ("page view, asked to drawn: median / 90th percentile (s)",
             f"{f['view_median_s']} / {f['view_p90_s']}"),
            ("server CPU per replica (s)", " / ".join(map(str, f["cpu_s"]))),
            ("server CPU per page view (ms)", per_view_ms),
            ("server RSS idle / peak, all replicas (MB)", f"{f['rss_idle_mb']} / {f['rss_peak_mb']}"),
            ("server RSS after each crowd left (MB)", " / ".join(map(str, f["rss_after_mb"])))]
    for port, seen in sorted(f["by_replica"].items()):
        rows.append((f"views served by the replica on {port} (old / new)",
                     f"{seen.get(f['old'], 0)} / {seen.get(f['new'], 0)}"))
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for problem in f["errors"] + f["mixed"]:
        print("problem:", problem)


if __name__ == "__main__":
    main()
