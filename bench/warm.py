"""Warm reruns, page by page, of this tree against another commit, on the same machine at once.

    .venv/bin/python -m bench.warm [--against main] [--repeat 5] [--rounds 2] [--tiers pilot national]

A warm rerun is what a viewer waits for when they touch a widget that reruns the page: the
page's queries are cached, so what is left is the page's own work (building charts, tables).
The scripts are compiled once, as a server does, not on every run as AppTest does.
For each tier, each tree is measured in a process of its own (its own imports and caches), the
trees taking turns round by round, so that other work on the machine slows both alike. The
other commit is checked out into a temporary worktree, removed afterwards. The tiers' databases
are bench/data's (built by `python -m bench`, or here when missing). Prints a table of medians
and writes it to bench/warm.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "warm.md"


def compile_scripts_once() -> None:
    """From now on in this process, AppTest compiles each script once, as a server does.

    A server compiles each script once for every session (Runtime keeps one ScriptCache);
    AppTest compiles it again on every run, a quarter of a warm rerun no viewer waits for.
    Here, not in a module of its own: the child runs this file with another commit's tree first
    on sys.path, which need not have any new module."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def child(root: Path, pages: list[str], repeat: int) -> dict:
    """In a process of its own, with `root`'s code: {page: [warm rerun ms, ...]}."""
    sys.path.insert(0, str(root))
    os.chdir(root)
    import logging

    from streamlit.testing.v1 import AppTest
    logging.disable(logging.WARNING)
    compile_scripts_once()
    times: dict = {}
    for script in pages:
        at = AppTest.from_file(str(root / "app.py"), default_timeout=300)
        at.switch_page(script)
        at.run()                                      # the first view: queries and specs made
        at.run()                                      # first-use costs no viewer meets twice
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            at.run()
            runs.append((time.perf_counter() - start) * 1000)
        problem = (str(at.exception[0].value)[:80] if at.exception else "")
        times[script] = {"runs": runs, "error": problem}
    return times


def _measure(root: Path, db: Path, pages: list[str], repeat: int) -> dict:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(root),
                          "--repeat", str(repeat), *pages],
                         env={**os.environ, "SAMMA_DB": str(db)}, cwd=root, capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"measuring {root} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _database(tier: str) -> Path:
    path = DATA / f"{tier}.duckdb"
    if not path.exists():
        print(f"building {tier} into {path} ...", flush=True)
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "samma", "sample", "--tier", tier, "--db", str(path)],
                       cwd=ROOT, check=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.warm", description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("--repeat", type=int, default=5, help="warm reruns per page per round")
    parser.add_argument("--rounds", type=int, default=2, help="turns each tree takes per tier")
    parser.add_argument("--tiers", nargs="+", default=["pilot", "national"])
    parser.add_argument("--against-data", type=Path,
                        help="a folder of the tiers' databases for the other commit, when its schema "
                             "version differs from this tree's (default: bench/data for both)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("pages", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child), args.pages, args.repeat)))
        return 0
    if args.repeat < 1 or args.rounds < 1:
        parser.error("--repeat and --rounds must be at least 1")

    sys.path.insert(0, str(ROOT))
    from bench.run import discover_pages
    pages = discover_pages()
    scripts = [s for s, _ in pages]
    commit = subprocess.run(["git", "rev-parse", "--short", args.against], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    here = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.strip())
    databases = {tier: _database(tier) for tier in args.tiers}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp) / "before"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(before), commit], cwd=ROOT, check=True)
        try:
            runs: dict = {}
            for tier, db in databases.items():
                for round_ in range(args.rounds):
                    for name, root in (("before", before), ("after", ROOT)):
                        print(f"{tier}, round {round_ + 1}: {name} ...", flush=True)
                        data = args.against_data / db.name if name == "before" and args.against_data else db
                        for script, got in _measure(root, data, scripts, args.repeat).items():
                            entry = runs.setdefault((tier, script, name), {"runs": [], "error": ""})
                            entry["runs"] += got["runs"]
                            entry["error"] = entry["error"] or got["error"]
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=False)
    load_after = os.getloadavg()

    lines = [f"# Warm reruns, {here}{' (with changes not committed)' if dirty else ''} against "
             f"{args.against} ({commit}): {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
             f"AppTest, median of {args.repeat * args.rounds} warm reruns per page (in {args.rounds} rounds, "
             f"the trees taking turns), ms. Load average (1, 5, 15 min) before "
             f"{', '.join(f'{x:.1f}' for x in load_before)}; after {', '.join(f'{x:.1f}' for x in load_after)} "
             f"on {os.cpu_count()} cores."
             + (f" The other commit read the same tiers from {args.against_data}." if args.against_data else ""),
             "",
             "| page | " + " | ".join(f"{tier} before | {tier} after" for tier in databases) + " |",
             "|---|" + "---:|" * (2 * len(databases))]
    for script, url in pages:
        cells, problems = [], []
        for tier in databases:
            for name in ("before", "after"):
                entry = runs[(tier, script, name)]
                cells.append(f"{statistics.median(entry['runs']):.0f}")
                if entry["error"]:
                    problems.append(f"{tier} {name}: {entry['error']}")
        lines.append(f"| {url} | " + " | ".join(cells) + " |" + (" " + "; ".join(problems) if problems else ""))
    text = "\n".join(lines)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
