"""Measures Samma at pilot and national scale and writes bench/results.md.

    .venv/bin/python -m bench [--rebuild] [--skip-browser] [--repeat N]

1. Builds the tiers into bench/data/ (git-ignored), or reuses them; times each build (wall and
   CPU) in a child process, with its peak memory.
2. For every page in app.py's st.Page list: AppTest cold run (first view after a data load:
   query caches and the database reader dropped) and warm run (a rerun), in this one process,
   at pilot and national scale; the what-if slider's rerun when views/whatif.py exists.
3. A real `streamlit run` and Debian's Chromium at national scale (and pilot, for the ratio):
   time from navigation to content visible for every page (first visit, then the median of
   later ones), and the server's peak memory.
4. The one-file snapshot (`python -m samma snapshot`, Thai) of every tier: its size, which must
   stay small enough to send in LINE, and the time to make it.
Heavy: minutes, not for CI. Numbers are medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:          # also runnable as `python bench/run.py`
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results.md"
TIERS = ("pilot", "district", "province", "national")
MEASURED = ("pilot", "national")


# --- pages -----------------------------------------------------------------------------------

def discover_pages(app: Path = ROOT / "app.py") -> list[tuple[str, str]]:
    """(script, url_path) for every st.Page(...) in app.py, in order: new pages are picked up
    without touching the benchmark."""
    pages = []
    for node in ast.walk(ast.parse(app.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "Page" and node.args and isinstance(node.args[0], ast.Constant)):
            keywords = {k.arg: k.value for k in node.keywords}
            url = keywords.get("url_path")
            script = node.args[0].value
            pages.append((script, url.value if isinstance(url, ast.Constant) else Path(script).stem))
    return pages


# --- tiers -----------------------------------------------------------------------------------

def _child_usage(argv: list[str], env: dict | None = None) -> dict:
    """Runs a command; returns its wall and CPU seconds and peak memory (MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return {"wall_s": time.perf_counter() - start, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024}


def build_tiers(rebuild: bool) -> dict:
    """Builds each tier that is missing (all with --rebuild); remembers how long each took."""
    from samma import sample
    DATA.mkdir(parents=True, exist_ok=True)
    log_path = DATA / "builds.json"
    log = json.loads(log_path.read_text()) if log_path.exists() else {}
    for tier in TIERS:
        path = DATA / f"{tier}.duckdb"
        if path.exists() and not rebuild and tier in log:
            log[tier]["reused"] = True
            continue
        print(f"building {tier} ({sample.TIERS[tier]:,} villages) ...", flush=True)
        usage = _child_usage([sys.executable, "-m", "samma", "sample", "--tier", tier, "--db", str(path)])
        log[tier] = {**usage, "reused": False, "size_mb": path.stat().st_size / 2**20,
                     **_tier_counts(path)}
        log_path.write_text(json.dumps(log, indent=1))
    return log


def _tier_counts(path: Path) -> dict:
    import duckdb
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dict(zip(("villages", "provinces", "members", "contributions", "fund_entries", "sales"),
                        con.execute("""SELECT (SELECT count(*) FROM village), (SELECT count(*) FROM province),
                            (SELECT count(*) FROM sage) + (SELECT count(*) FROM household),
                            (SELECT count(*) FROM contribution), (SELECT count(*) FROM fund_entry),
                            (SELECT count(*) FROM sale)""").fetchone()))
    finally:
        con.close()


def measure_import(tier: str) -> dict:
    """A tier written out as the spreadsheet template (`python -m samma export`) and read back in
    (`python -m samma import`) into a new file: each step's wall and CPU seconds and peak memory.
    The spreadsheet, not the database, is what a coordinator loads."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        workbook, target = Path(tmp) / f"{tier}.xlsx", Path(tmp) / "imported.duckdb"
        print(f"exporting {tier} to a workbook, then importing it ...", flush=True)
        export = _child_usage([sys.executable, "-m", "samma", "export", "--db", str(DATA / f"{tier}.duckdb"),
                               str(workbook)])
        size_mb = workbook.stat().st_size / 2**20
        load = _child_usage([sys.executable, "-m", "samma", "import", "--db", str(target), str(workbook)])
    return {"tier": tier, "workbook_mb": size_mb, "export": export, "import": load}


def measure_snapshots() -> dict:
    """Each tier's one-file snapshot, made by the command a coordinator runs: the file's size, and
    the command's wall and CPU seconds and peak memory (Vega's bundle made once per process
    included)."""
    import tempfile
    sizes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for tier in TIERS:
            target = Path(tmp) / f"{tier}.html"
            print(f"making the snapshot of {tier} ...", flush=True)
            usage = _child_usage([sys.executable, "-m", "samma", "snapshot", str(target), "--lang", "th",
                                  "--db", str(DATA / f"{tier}.duckdb")])
            sizes[tier] = {**usage, "size_mb": target.stat().st_size / 2**20}
    return sizes


# --- AppTest -------------------------------------------------------------------------------------

def _fresh_load() -> None:
    """What a new data load does to a running app: every cache and the reader are new."""
    import streamlit as st

    from samma import db
    st.cache_data.clear()
    st.cache_resource.clear()
    with db._readers_lock:
        db._readers.clear()


def _apptest(script: str):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.switch_page(script)
    return at


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def measure_apptest(pages: list[tuple[str, str]], repeat: int) -> dict:
    """{tier: {url: {"cold": ms, "warm": ms, "error": str}}} and the what-if slider, in this process."""
    logging.disable(logging.WARNING)     # AppTest's bare-mode warnings, once per run, bury the figures
    os.environ["SAMMA_DB"] = str(DATA / "pilot.duckdb")
    for script, _ in pages:                # imports and first-use costs, measured by no one
        _fresh_load()
        _apptest(script).run()
    # Pilot and national take turns, page by page and run by run, so that a machine busy with
    # other work slows both alike and the ratios stay fair.
    results: dict = {tier: {} for tier in MEASURED}
    for script, url in pages:
        cold, warm, problem = {t: [] for t in MEASURED}, {t: [] for t in MEASURED}, {}
        for _ in range(repeat):
            for tier in MEASURED:
                os.environ["SAMMA_DB"] = str(DATA / f"{tier}.duckdb")
                _fresh_load()
                at = _apptest(script)
                cold[tier].append(_timed(at.run))
                warm[tier].extend(_timed(at.run) for _ in range(2))
                problem[tier] = problem.get(tier) or _problem(at)
        for tier in MEASURED:
            results[tier][url] = {"cold": statistics.median(cold[tier]),
                                  "warm": statistics.median(warm[tier]), "error": problem[tier]}
            print(f"  {tier:9} {url:10} cold {results[tier][url]['cold']:8.0f} ms  "
                  f"warm {results[tier][url]['warm']:7.0f} ms {problem[tier]}", flush=True)
    whatif = next((s for s, _ in pages if Path(s).stem == "whatif"), None)
    if whatif:
        for tier in MEASURED:
            os.environ["SAMMA_DB"] = str(DATA / f"{tier}.duckdb")
            _fresh_load()
            results[tier]["slider"] = _slider_rerun(whatif, repeat)
    return results


def _problem(at) -> str:
    if at.exception:
        return "exception: " + str(at.exception[0].value)[:80]
    if at.error:
        return "error shown: " + str(at.error[0].value)[:80]
    return ""


def _slider_rerun(script: str, repeat: int) -> dict:
    """A slider moved and the page rerun, against the same page rerun with nothing changed."""
    at = _apptest(script)
    at.run()
    if not at.slider:
        return {"error": "no slider on the what-if page"}
    slider = at.slider[0]
    low, high = slider.min, slider.max
    moved, bare = [], []
    for i in range(max(repeat, 3) * 2):
        value = low + (high - low) * ((i % 4) + 1) / 5
        value = type(slider.value)(value) if not isinstance(slider.value, (tuple, list)) else slider.value
        moved.append(_timed(at.slider[0].set_value(value).run))
        bare.append(_timed(at.run))
    return {"moved": statistics.median(moved), "bare": statistics.median(bare), "error": _problem(at)}


# --- the real browser ----------------------------------------------------------------------------

BARE = "bare"          # the bare Streamlit page (bench/bare_page.py) among the pages visited


def measure_browser(pages: list[tuple[str, str]], tier: str, repeat: int) -> dict:
    """Time from navigation to content visible, per page, on a new server: the first visit
    (the page's queries run for the first time) and the median of `repeat` later visits; and the
    server's peak memory. A bare Streamlit page, served beside the app by a server of its own,
    is visited first in every round, so each page can be set against it in the same run."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PROJECTOR, start_server, wait_until_done
    proc, url = start_server(DATA / f"{tier}.duckdb")
    bare_proc, bare_url = start_server(DATA / f"{tier}.duckdb", script="bench/bare_page.py")
    times: dict = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            browser.new_page().goto(f"{url}/_stcore/health")      # the browser's own start-up
            for _ in range(1 + repeat):
                for path, address in ((BARE, bare_url), *((path, f"{url}/{path}") for _, path in pages)):
                    context = browser.new_context(viewport=PROJECTOR)
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(address)
                    wait_until_done(page, timeout_ms=300_000)
                    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=300_000)
                    times.setdefault(path, []).append((time.perf_counter() - start) * 1000)
                    context.close()
            browser.close()
        peak_mb = _peak_rss_mb(proc.pid)
    finally:
        for server in (proc, bare_proc):
            server.terminate()
            server.wait(timeout=30)
    return {"pages": {path: {"first": t[0], "later": statistics.median(t[1:])} for path, t in times.items()},
            "server_peak_mb": peak_mb}


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- the report ----------------------------------------------------------------------------------

def report(pages, builds, apptest, browser, imported: dict | None, snapshots: dict) -> str:
    lines = [f"# Samma at national scale: measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
             "", f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}; load average at the end {os.getloadavg()[0]:.1f}.", "",
             "## Building the tiers", "",
             "| tier | villages | provinces | members | contributions | fund entries | sales | wall s | CPU s "
             "| peak MB | file MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for tier in TIERS:
        b = builds[tier]
        lines.append(f"| {tier} | {b['villages']:,} | {b['provinces']} | {b['members']:,} | "
                     f"{b['contributions']:,} | {b['fund_entries']:,} | {b['sales']:,} | {b['wall_s']:.1f} | "
                     f"{b['cpu_s']:.1f} | {b['peak_mb']:.0f} | {b['size_mb']:.0f} |")
    if imported:
        lines += ["", f"## Import ({imported['tier']} tier, {imported['workbook_mb']:.0f} MB workbook)", "",
                  "| step | wall s | CPU s | peak MB |", "|---|---:|---:|---:|"]
        for step in ("export", "import"):
            u = imported[step]
            lines.append(f"| `python -m samma {step}` | {u['wall_s']:.1f} | {u['cpu_s']:.1f} | {u['peak_mb']:.0f} |")
    else:
        lines += ["", "Import: not measured (--import-tier none)."]
    lines += ["", "## One-file snapshot (`python -m samma snapshot`, Thai)", "",
              "Aim: under 3 MB for a network the sample's size (district), under 5 MB nationally.", "",
              "| tier | file MB | wall s | CPU s | peak MB |", "|---|---:|---:|---:|---:|"]
    for tier in TIERS:
        u = snapshots[tier]
        lines.append(f"| {tier} | {u['size_mb']:.2f} | {u['wall_s']:.1f} | {u['cpu_s']:.1f} | {u['peak_mb']:.0f} |")
    lines += ["", "## Pages (AppTest in one process, median ms)", "",
              "Cold: the first view after a data load (caches and reader dropped). Warm: a rerun.", "",
              "| page | pilot cold | national cold | ratio | pilot warm | national warm | ratio |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for _, url in pages:
        pil, nat = apptest["pilot"][url], apptest["national"][url]
        lines.append(
            f"| {url} | {pil['cold']:.0f} | {nat['cold']:.0f} | {nat['cold'] / pil['cold']:.2f} | "
            f"{pil['warm']:.0f} | {nat['warm']:.0f} | {nat['warm'] / pil['warm']:.2f} |"
            + (f" {pil['error'] or nat['error']}" if pil["error"] or nat["error"] else ""))
    if browser:
        lines += ["", "## Pages in the browser (ms from navigation to content visible)", "",
                  "A new `streamlit run` per tier and Chromium, a new tab per visit: the first visit to",
                  "each page, and the median of the later ones. `bare`: a bare Streamlit page (a title and",
                  "12 figures, bench/bare_page.py) served beside the app and visited first in every round;",
                  "× bare: the national page's time over the bare page's (goal: at most 1.5).", "",
                  "| page | pilot first | national first | ratio | × bare | pilot later | national later "
                  "| ratio | × bare |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        bare = browser["national"]["pages"][BARE]
        for url in (BARE, *(url for _, url in pages)):
            pil, nat = browser["pilot"]["pages"][url], browser["national"]["pages"][url]
            lines.append(f"| {url} | {pil['first']:.0f} | {nat['first']:.0f} | {nat['first'] / pil['first']:.2f} | "
                         f"{nat['first'] / bare['first']:.2f} | {pil['later']:.0f} | {nat['later']:.0f} | "
                         f"{nat['later'] / pil['later']:.2f} | {nat['later'] / bare['later']:.2f} |")
    if "slider" in apptest["national"]:
        lines += ["", "## What-if slider (median ms)", "", "| tier | slider moved | bare rerun |", "|---|---:|---:|"]
        for tier in MEASURED:
            s = apptest[tier]["slider"]
            lines.append(f"| {tier} | {s.get('moved', float('nan')):.0f} | {s.get('bare', float('nan')):.0f} |"
                         + (f" {s['error']}" if s.get("error") else ""))
    else:
        lines += ["", "What-if slider: not measured, views/whatif.py does not exist on this branch."]
    lines += ["", "## Memory", "",
              "- App server (`streamlit run`, after visiting every page): peak "
              + (f"{browser['national']['server_peak_mb']:.0f} MB at national scale, "
                 f"{browser['pilot']['server_peak_mb']:.0f} MB at pilot scale" if browser
                 else "not measured (--skip-browser)"),
              f"- This benchmark process (AppTest, both tiers): peak "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="build every tier again")
    parser.add_argument("--skip-browser", action="store_true", help="AppTest only")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--import-tier", choices=(*TIERS, "none"), default="province",
                        help="tier to export to a workbook and import back (national does not fit "
                             "a workbook: more than a million rows a sheet)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    pages = discover_pages()
    builds = build_tiers(args.rebuild)
    print(f"pages: {', '.join(u for _, u in pages)}", flush=True)
    apptest = measure_apptest(pages, args.repeat)
    browser = None if args.skip_browser else {tier: measure_browser(pages, tier, args.repeat)
                                               for tier in MEASURED}
    imported = None if args.import_tier == "none" else measure_import(args.import_tier)
    text = report(pages, builds, apptest, browser, imported, measure_snapshots())
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0
