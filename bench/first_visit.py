"""Where a page's first visit goes, in real Chromium: loading the page, the server's run, drawing.

    .venv/bin/python -m bench.first_visit [--tier pilot] [--pages overview market] [--rounds 3]

A new `streamlit run` of the app and one of the bare page (bench/bare_page.py), as `python -m
bench` serves them; a new tab per visit, the bare page first in every round, then each page in
turn, so the first round is each page's first visit on a new server. Each visit is cut at
moments read from Chromium itself (the DevTools protocol's network events, and the app's
messages decoded from the websocket's frames):

- load: from navigation until the websocket is open (the HTML, Streamlit's scripts, the fonts);
- wait: from the websocket open until the server starts the run (its new-session message);
- run: the server's script run, from the new-session message until the script-finished one;
- drawn: from the script-finished message until nothing on the page is a placeholder any more
  and every chart in view has its drawing, two frames on;
- finished_seen: from the script-finished message until the page says the run is over (what
  `python -m bench` counts as the end of a visit: Chromium busy with what came before);
- kb: what the app sent over the websocket.

Writes nothing; prints a table of medians over the later rounds beside the first round's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from bench.devtools import watch
from bench.run import DATA

# In the page from its start: when the run ends (stApp's script state leaves "running") and
# every chart has drawn, two animation frames on.
WATCH = """(() => {
    const marks = window.__marks = {};
    const ready = () => {
        const app = document.querySelector('[data-testid="stApp"]');
        if (!app) { setTimeout(ready, 5); return; }
        let ran = false;
        // Drawn: nothing in the page is still a placeholder (an element whose code is loading),
        // and every chart in view has its drawing (a chart in a tab not shown is not drawn).
        const charts = () => {
            const main = document.querySelector('[data-testid="stMainBlockContainer"]');
            const all = [...main.querySelectorAll('[data-testid="stVegaLiteChart"]')].filter(c => c.checkVisibility());
            if (!main.querySelector('[data-testid="stSkeleton"]') && all.every(c => c.querySelector('svg, canvas'))) {
                marks.charts = all.length;
                requestAnimationFrame(() => requestAnimationFrame(() => { marks.drawn = performance.now(); }));
            } else {
                setTimeout(charts, 5);
            }
        };
        new MutationObserver(() => {
            const state = app.getAttribute('data-test-script-state');
            if (state === 'running') ran = true;
            if (ran && state === 'notRunning' && marks.finished === undefined
                    && document.querySelector('[data-testid="stMainBlockContainer"] h1')) {
                marks.finished = performance.now();
                charts();
            }
        }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], subtree: true,
                         childList: true});
    };
    ready();
})();"""


def visit(browser, address: str) -> dict:
    from tests.browser.conftest import PROJECTOR
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    page.add_init_script(WATCH)
    seen = watch(context, page)
    start = time.perf_counter()
    page.goto(address)
    page.wait_for_function("() => window.__marks && window.__marks.drawn !== undefined", timeout=300_000)
    wall = (time.perf_counter() - start) * 1000
    marks = page.evaluate("() => window.__marks")
    # The page's marks count from its time origin, the navigation's start (CDP's from its own).
    nav_ms = page.evaluate("() => performance.getEntriesByType('navigation')[0].startTime")
    context.close()
    frames = seen["frames"]
    nav = seen["nav"]

    def at(kind):
        return next(((ts - nav) * 1000 for ts, _, k in frames if k == kind), float("nan"))

    ws_open = (seen["ws_open"] - nav) * 1000 if seen["ws_open"] else float("nan")
    new_session, finished = at("new_session"), at("script_finished")
    return {"wall": wall, "load": ws_open, "wait": new_session - ws_open, "run": finished - new_session,
            "drawn": marks["drawn"] - nav_ms - finished, "total": marks["drawn"] - nav_ms,
            "finished_seen": marks["finished"] - nav_ms - finished,
            "charts": marks.get("charts", 0), "kb": sum(n for _, n, _ in frames) / 1024,
            "messages": len(frames)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.first_visit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tier", default="pilot")
    parser.add_argument("--pages", nargs="+", default=["overview", "market"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--script", default="serve.py", help="what the app's server runs")
    parser.add_argument("--env", nargs="*", default=[], help="NAME=value for the app's server")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, start_server
    db = DATA / f"{args.tier}.duckdb"
    load = [os.getloadavg()[0]]
    proc, url = start_server(db, dict(e.split("=", 1) for e in args.env), script=args.script)
    bare_proc, bare_url = start_server(db, script="bench/bare_page.py")
    rows: dict[str, list[dict]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            browser.new_page().goto(f"{url}/_stcore/health")
            for round_ in range(args.rounds):
                for name, address in (("bare", bare_url), *((n, f"{url}/{n}") for n in args.pages)):
                    got = visit(browser, address)
                    rows.setdefault(name, []).append(got)
                    print(f"round {round_} {name:9} " + " ".join(
                        f"{k} {v:.0f}" for k, v in got.items()), flush=True)
            browser.close()
    finally:
        for server in (proc, bare_proc):
            server.terminate()
            server.wait(timeout=30)
    load.append(os.getloadavg()[0])
    keys = ("total", "load", "wait", "run", "finished_seen", "drawn", "kb", "charts")
    print(f"\nload average {load[0]:.1f} -> {load[1]:.1f}; first visit | median of later ones, ms")
    print("| page | " + " | ".join(keys) + " |")
    for name, got in rows.items():
        later = got[1:] or got
        print(f"| {name} | " + " | ".join(
            f"{got[0].get(k, float('nan')):.0f} / {statistics.median(r.get(k, float('nan')) for r in later):.0f}"
            for k in keys) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
