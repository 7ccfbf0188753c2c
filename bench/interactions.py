"""Every interaction a presenter uses, timed in real Chromium from the gesture to drawn.

    .venv/bin/python -m bench.interactions [--tiers pilot national] [--repeat 5]

For each tier, a new `streamlit run` on bench/data's database (built by `python -m bench`) and
Debian's Chromium at projector size, in English. Each interaction opens its page in a new tab,
waits until the page is drawn, then makes its gesture `repeat` times, each time changing the
value (two values taking turns), and measures in the page itself, on its own clock
(performance.now): from the gesture (the pointer down on the option, the key pressed) until the
app's run has finished and every chart on the page has drawn, two frames later. The run's end is
the app's script-finished message on the websocket, read from Chromium through the DevTools
protocol (bench/devtools.py), not the page's "running" state, which a short run may never show.
Writes the table to bench/interactions.md. Heavy: minutes; not for CI.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = Path(os.environ.get("BENCH_DATA", ROOT / "bench" / "data"))
RESULTS = ROOT / "bench" / "interactions.md"
GOAL_MS = 400
TIMEOUT_MS = 60_000

# Armed just before a gesture: the gesture's time (the first pointer down or key press from now),
# and the time every chart in view has its drawing, two animation frames on (a frame painted with
# them), counted once the bench has called FINISH: the app's message that the gesture's run has
# finished has arrived (Chromium reports it to the bench, the bench calls into the page: a few ms
# later than the page itself received it) and the page no longer shows the run as running. A
# finish before the gesture (none is expected) is not the gesture's and is ignored.
ARM = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = window.__gesture = {start: null, finished: false, drawn: null};
    const start = () => { if (state.start === null) state.start = performance.now(); };
    document.addEventListener('pointerdown', start, {capture: true, once: true});
    document.addEventListener('keydown', start, {capture: true, once: true});
    const drawn = () => {
        const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
            .filter(c => c.checkVisibility());          // a chart in a tab not shown is not drawn
        if (app.getAttribute('data-test-script-state') !== 'running'
                && charts.every(c => c.querySelector('svg, canvas'))) {
            requestAnimationFrame(() => requestAnimationFrame(() => { state.drawn = performance.now(); }));
        } else {
            setTimeout(drawn, 5);
        }
    };
    state.finish = () => {
        if (state.start !== null && !state.finished) {
            state.finished = true;
            drawn();
        }
    };
}"""
FINISH = "() => window.__gesture && window.__gesture.finish()"
MEASURED = "() => window.__gesture.drawn !== null && window.__gesture.drawn - window.__gesture.start"


def _select(label: str, options: tuple[int, int]) -> Callable:
    """A selectbox: its list opened, then (armed) one of two options picked, in turn."""
    def gesture(page, turn: int) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        from tests.browser.conftest import wait_until_done
        box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
        # A part still redrawing can replace the box under the click and close its list: open it
        # again, a bounded number of times (as tests/browser/test_parts_browser.py does).
        for _ in range(5):
            box.locator("input").click()
            try:
                page.get_by_role("option").first.wait_for(timeout=5_000)
                break
            except PlaywrightTimeout:
                page.keyboard.press("Escape")
                wait_until_done(page, timeout_ms=TIMEOUT_MS)
        page.evaluate(ARM)
        page.get_by_role("option").nth(options[turn % 2]).click()
    return gesture


def _button(*names: str, role: str = "radio") -> Callable:
    """A segmented control's buttons (or a page's tabs) clicked in turn, or a pill (one name)
    turned off and on."""
    def gesture(page, turn: int) -> None:
        button = page.get_by_role(role, name=names[turn % len(names)], exact=True).first
        button.wait_for(timeout=TIMEOUT_MS)
        page.evaluate(ARM)
        button.click()
    return gesture


def _slider(label: str) -> Callable:
    """A slider moved a step with the keyboard, up and down in turn (up first: it may start at its
    least, as the What-if's villages do)."""
    def gesture(page, turn: int) -> None:
        slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).first \
            .locator('input[type="range"]')
        slider.focus()
        page.evaluate(ARM)
        page.keyboard.press("ArrowRight" if turn % 2 else "ArrowLeft")
    return gesture


def interactions(tier: str) -> list[tuple[str, str, Callable | None]]:
    """(name, the page's address with its query, the gesture) for every interaction a presenter
    uses; no gesture where the tier has no such choice (one province: no province picker). The
    Map's stage filter needs a district: the first one of the tier. The untimed first turn
    (turn -1) picks the value the page does not open with, so that it does change something and
    every value has been used once before the timed turns."""
    import duckdb
    con = duckdb.connect(str(DATA / f"{tier}.duckdb"), read_only=True)
    try:
        province, district, provinces = con.execute(
            "SELECT min(province_code), min(code), count(DISTINCT province_code) FROM district").fetchone()
    finally:
        con.close()
    return [
        ("Market: section tab", "market?lang=en",
         _button("The market events held and their sales over time", "Who sold what at one event", role="tab")),
        ("Market: event picker", "market?lang=en&section=event", _select("Choose an event", (1, 2))),
        ("Funds: view", "funds?lang=en", _button("By partner and purpose", "By fiscal year")),
        ("Funds: partner", "funds?lang=en&view=year", _select("Partner", (1, 2))),
        ("Plan: step", "plan?lang=en", _button("Quarter", "3 years")),
        ("Plan: village", "plan?lang=en&section=village", _select("Choose a village", (1, 2))),
        ("Map: province", "map?lang=en", _select("Province", (1, 2)) if provinces > 1 else None),
        ("Map: stage filter", f"map?lang=en&province={province}&district={district}",
         _button("All 5 K", role="button")),
        ("What-if: villages slider", "whatif?lang=en", _slider("Villages")),
    ]


def measure(tier: str, repeat: int, only: list[str] = ()) -> dict[str, list[float]]:
    """{interaction: [ms from gesture to drawn, ...]} on a new server for `tier` (those named by
    `only` alone, when given)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from bench.devtools import watch
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PROJECTOR, start_server, wait_until_done
    proc, url = start_server(DATA / f"{tier}.duckdb")
    times: dict[str, list[float]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, address, gesture in interactions(tier):
                if gesture is None or (only and not name.startswith(tuple(only))):
                    continue
                context = browser.new_context(viewport=PROJECTOR)
                page = context.new_page()
                armed = {"on": False}            # while a gesture's run is awaited

                def finished(message, page=page, armed=armed):
                    # A run ends with script_finished, a fragment's run too; one ended early for
                    # the next (st.rerun()) is not the end of the gesture's runs.
                    if (armed["on"] and message.WhichOneof("type") == "script_finished"
                            and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                        page.evaluate(FINISH)

                watch(context, page, on_message=finished)
                page.goto(f"{url}/{address}")
                wait_until_done(page, timeout_ms=TIMEOUT_MS)
                # One untimed turn first: the page's first use of each value (its queries, its
                # charts' specs) is the first visit's cost, measured by the bench's first visits.
                for turn in range(-1, repeat):
                    armed["on"] = True
                    gesture(page, turn)
                    try:
                        page.wait_for_function(MEASURED, timeout=TIMEOUT_MS)
                        took = page.evaluate(MEASURED)
                    except PlaywrightTimeout:
                        took = math.nan          # no run finished: said in the table, not hidden
                    armed["on"] = False
                    print(f"    {name}: turn {turn}: {took:.0f} ms", flush=True)
                    if turn >= 0:
                        times.setdefault(name, []).append(took)
                    wait_until_done(page, timeout_ms=TIMEOUT_MS)
                print(f"  {tier:9} {name:26} ({', '.join(f'{t:.0f}' for t in times[name])}) ms", flush=True)
                context.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.interactions", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiers", nargs="+", default=["pilot", "national"])
    parser.add_argument("--repeat", type=int, default=5, help="timed gestures per interaction")
    parser.add_argument("--only", nargs="+", default=[], metavar="NAME",
                        help="only the interactions whose names start so (\"Plan: step\")")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    missing = [t for t in args.tiers if not (DATA / f"{t}.duckdb").exists()]
    if missing:
        parser.error(f"no database for {', '.join(missing)} in {DATA}: run `python -m bench` first")
    load_before = os.getloadavg()
    results = {tier: measure(tier, args.repeat, args.only) for tier in args.tiers}
    load_after = os.getloadavg()
    names = [name for name, _, _ in interactions(args.tiers[0])
             if not args.only or name.startswith(tuple(args.only))]
    lines = [f"# Interactions to drawn in Chromium: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
             f"Median of {args.repeat} gestures each, ms from the gesture to the run finished and every chart "
             f"drawn (goal: under {GOAL_MS} ms). Load average (1, 5, 15 min) before "
             f"{', '.join(f'{x:.1f}' for x in load_before)}; after {', '.join(f'{x:.1f}' for x in load_after)} "
             f"on {os.cpu_count()} cores.", "",
             "A gesture after which no run finished within a minute is counted as missed; – : the tier "
             "has no such choice (one province).", "",
             "| interaction | " + " | ".join(f"{tier} median | {tier} slowest" for tier in args.tiers) + " |",
             "|---|" + "---:|" * (2 * len(args.tiers))]
    for name in names:
        cells, missed = [], []
        for tier in args.tiers:
            runs = [t for t in results[tier].get(name, []) if not math.isnan(t)]
            lost = len(results[tier].get(name, [])) - len(runs)
            cells += [f"{statistics.median(runs):.0f}", f"{max(runs):.0f}"] if runs else ["–", "–"]
            if lost:
                missed.append(f"{tier}: {lost} missed")
        lines.append(f"| {name} | " + " | ".join(cells) + " |" + (" " + "; ".join(missed) if missed else ""))
    text = "\n".join(lines)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
