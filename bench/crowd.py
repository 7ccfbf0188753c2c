"""Many viewers at once: real Chromium contexts against a real `streamlit run` server, each
stepping through every page while a new database is swapped in underneath them.

`python -m bench.crowd --sessions 30 --waves 2` prints a table; tests/browser/
test_many_viewers.py runs a small version of the same crowd in the suite.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from bench.run import discover_pages
from samma import sample
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, RUN_FINISHED, start_server

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


@dataclass
class Tally:
    views: int = 0
    errors: list[str] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)


async def _viewer(browser, url: str, paths: list[str], rounds: int, versions: list[dict],
                  tally: Tally) -> None:
    context = await browser.new_context(viewport=PHONE)
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("pageerror", lambda e: tally.errors.append(f"page error: {e}"))
    try:
        for _ in range(rounds):
            title = None
            for path in paths:
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
                title = await page.locator("h1").first.inner_text()
                text = await page.locator('[data-testid="stMainBlockContainer"]').inner_text()
                tally.views += 1
                if await page.locator('[data-testid="stException"]').count() or "Traceback" in text:
                    tally.errors.append(f"{path}: exception shown")
                shown = [v for v in versions if v["name"] in text]
                if len(shown) != 1:
                    tally.mixed.append(f"{path}: shows {len(shown)} datasets")
                    continue
                tally.seen[shown[0]["name"]] = tally.seen.get(shown[0]["name"], 0) + 1
                if path == "overview":
                    households = await page.locator('[data-testid="stMetric"]').filter(
                        has_text=HOUSEHOLDS_LABEL).locator('[data-testid="stMetricValue"]').inner_text()
                    if households.strip() != shown[0]["households"]:
                        tally.mixed.append(f"overview: {households} households under {shown[0]['name']}")
    finally:
        await context.close()


async def crowd(sessions: int, rounds: int, waves: int, workdir: Path,
                paths: list[str] | None = None) -> dict:
    """Runs `waves` crowds one after the other; a new database lands once the first crowd's
    first views are in. Returns the figures, with the server's memory after each crowd has
    gone (a leak shows as growth from one crowd to the next)."""
    live = workdir / "live.duckdb"
    sample.build(live)
    old = facts(live)
    replacement = workdir / "replacement.duckdb"
    sample.build(replacement, villages=13)
    new = facts(replacement)
    proc, url = start_server(live)
    tally, paths = Tally(), paths or page_paths()
    figures: dict = {"sessions": sessions, "rounds": rounds, "waves": waves, "pages": len(paths),
                     "rss_idle_mb": round(rss_mb(proc.pid)), "rss_after_mb": []}
    peak, swapped, started = figures["rss_idle_mb"], False, time.monotonic()
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(waves):
                viewers = [asyncio.create_task(_viewer(browser, url, paths, rounds, [old, new], tally))
                           for _ in range(sessions)]
                while not all(v.done() for v in viewers):
                    await asyncio.wait(viewers, timeout=0.5)
                    peak = max(peak, rss_mb(proc.pid))
                    if not swapped and tally.views >= sessions // 2:
                        # the import: built beside, swapped in by an atomic rename
                        await asyncio.to_thread(shutil.copy, replacement, workdir / "incoming.duckdb")
                        (workdir / "incoming.duckdb").replace(live)
                        swapped = True
                for v in viewers:
                    v.result()
                figures["rss_after_mb"].append(round(await _settled_rss(proc.pid)))
            await browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    figures.update(seconds=round(time.monotonic() - started, 1), views=tally.views,
                   errors=tally.errors, mixed=tally.mixed, seen=tally.seen, swapped=swapped,
                   rss_peak_mb=round(peak), old=old["name"], new=new["name"])
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
    args = parser.parse_args()
    if min(args.sessions, args.rounds, args.waves) < 1:
        parser.error("--sessions, --rounds and --waves must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        f = asyncio.run(crowd(args.sessions, args.rounds, args.waves, Path(tmp)))
    rows = [("sessions at once", f["sessions"]), ("page views", f["views"]),
            ("seconds", f["seconds"]), ("errors", len(f["errors"])),
            ("pages mixing old and new data", len(f["mixed"])),
            ("views of old / new data", f"{f['seen'].get(f['old'], 0)} / {f['seen'].get(f['new'], 0)}"),
            ("server RSS idle / peak (MB)", f"{f['rss_idle_mb']} / {f['rss_peak_mb']}"),
            ("server RSS after each crowd left (MB)", " / ".join(map(str, f["rss_after_mb"])))]
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for problem in f["errors"] + f["mixed"]:
        print("problem:", problem)


if __name__ == "__main__":
    main()
