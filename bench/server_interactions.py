"""Every interaction a presenter uses, timed server-side: the rerun its gesture causes, in AppTest.

    .venv/bin/python -m bench.server_interactions [--tiers pilot national] [--repeat 10]

The interactions are bench/interactions.py's (there timed in Chromium, from the gesture to
drawn); here, the server's share alone. For each tier whose database is in bench/data (built by
`python -m bench`; a tier without one is skipped and said so), a process of its own opens each
interaction's page with AppTest at the same address and query, with the scripts compiled once
as a server does (bench/warm.py), runs it twice untimed, then makes the gesture `repeat` times,
two values taking turns, and times each rerun: each value's first use (its queries and charts'
specs not yet cached) among them, as a presenter meets it. After every rerun the widget must
hold the value just set, a change from before, and the page must have raised nothing: a rerun
of a page that failed is not a measurement. AppTest reruns the whole page, where a server
reruns only the part (st.fragment) around a picker inside one (`ui.part`): for those, an upper
bound. Writes the table to bench/server_interactions.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.interactions import DATA, interactions  # noqa: E402
from samma import agenda  # noqa: E402

RESULTS = ROOT / "bench" / "server_interactions.md"
GOAL_MS = 200


# --- the gestures --------------------------------------------------------------------------------
# Each: (the AppTest widget list's name, the widget's key, a function of the AppTest, the widget
# and the turn giving the value to set). The same choices as bench/interactions.py's gestures, by
# the same labels or option places.

def _shown_values(at, widget, labels: str | list[str]):
    """The value(s) a server reads for a shown label (a selectbox) or labels (a button group), by
    the widget's own mapping (its deserializer, kept in the session's widget metadata): an option
    is picked by what it says, as a presenter does, whatever value (a code) the page gave it."""
    deserialize = at._session_state._state._new_widget_state.widget_metadata[widget.id].deserializer
    return deserialize(labels)


def _option(places: tuple[int, int]) -> Callable:
    """A selectbox: the option at one of two places in its list, in turn."""
    def value(at, widget, turn: int):
        return _shown_values(at, widget, widget.options[places[turn % 2]])
    return value


def _segment(*names: str) -> Callable:
    """A segmented control: one of its buttons, by name, in turn."""
    def value(at, widget, turn: int):
        return _shown_values(at, widget, [names[turn % 2]])
    return value


def _pill(name: str) -> Callable:
    """One pill of a multi-select set turned off, or on again: the others as they are, in the
    pills' order."""
    def value(at, widget, turn: int):
        every = _shown_values(at, widget, widget.options)
        pill = _shown_values(at, widget, [name])[0]
        chosen = set(widget.value) ^ {pill}
        return [v for v in every if v in chosen]
    return value


def _step() -> Callable:
    """A slider a step up from where the page started it (down at its top) and back, in turn, as
    with the arrow keys."""
    start: dict = {}                          # the slider's value before the first gesture

    def value(at, widget, turn: int):
        base = start.setdefault(widget.id, widget.value)
        step = widget.step if base + widget.step <= widget.max else -widget.step
        return base + step if turn % 2 == 0 else base
    return value


def _section(*names: str) -> Callable:
    """A page's sections in turn, as its tabs open them: the link names one, the page reruns."""
    def value(at, widget, turn: int):
        return names[turn % 2]
    return value


GESTURES: dict[str, tuple[str, str, Callable]] = {
    "Market: section tab": ("section", agenda.SECTION_PARAM, _section("event", "events")),
    "Market: event picker": ("selectbox", "event", _option((1, 2))),
    "Funds: view": ("button_group", "view", _segment("By fiscal year", "By partner and purpose")),
    "Funds: partner": ("selectbox", "partner", _option((1, 2))),
    "Plan: step": ("button_group", "step", _segment("Quarter", "3 years")),
    "Plan: village": ("selectbox", "village", _option((1, 2))),
    "Map: province": ("selectbox", "province", _option((1, 2))),
    "Map: stage filter": ("button_group", "stage", _pill("All 5 K")),
    "What-if: villages slider": ("slider", "whatif_villages", _step()),
}


# --- measuring, in a process per tier ------------------------------------------------------------

def _problem(at) -> str:
    return "exception: " + str(at.exception[0].value)[:80] if at.exception else ""


def _held(at, kind: str, key: str):
    """What the widget holds after a rerun; for a section, what the link names."""
    return at.query_params[key] if kind == "section" else getattr(at, kind)(key).value


def _gesture(at, kind: str, key: str, value_for: Callable, turn: int) -> tuple[float, str]:
    """One gesture and the rerun it causes: (ms, "") or (nan, what went wrong). The widget must
    hold the value set, and that value must be a change."""
    try:
        widget = None if kind == "section" else getattr(at, kind)(key)
    except KeyError:
        return float("nan"), f"no {kind} with key {key!r} on the page"
    before = at.query_params.get(key) if widget is None else widget.value
    value = value_for(at, widget, turn)
    if widget is None:
        at.query_params[key] = value          # what choosing the tab does before the page reruns
    else:
        widget.set_value(value)
    start = time.perf_counter()
    at.run()
    took = (time.perf_counter() - start) * 1000
    if problem := _problem(at):
        return float("nan"), problem
    try:
        held = _held(at, kind, key)
    except KeyError:
        return float("nan"), f"the {kind} {key!r} is gone after the rerun"
    if held != value:
        return float("nan"), f"{key} holds {held!r} after {value!r} was set"
    if held == before:
        return float("nan"), f"{key}: {value!r} is no change"
    return took, ""


def child(tier: str, repeat: int) -> dict:
    """{interaction: {"runs": [ms, ...], "values": [held after each], "error": str}}, or None for
    an interaction the tier has no choice for; in this process, on $SAMMA_DB."""
    from streamlit.testing.v1 import AppTest

    from bench.run import discover_pages
    from bench.warm import compile_scripts_once
    logging.disable(logging.WARNING)       # AppTest's bare-mode warnings, once per run
    compile_scripts_once()
    scripts = {url: script for script, url in discover_pages()}
    results: dict = {}
    for name, address, browser_gesture in interactions(tier):
        if browser_gesture is None:
            results[name] = None
            continue
        kind, key, value_for = GESTURES[name]
        page, _, query = address.partition("?")
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.query_params.update(parse_qsl(query))
        at.switch_page(scripts[page])
        at.run()                                      # the first view: queries and specs made
        at.run()                                      # first-use costs no viewer meets twice
        entry = {"runs": [], "values": [], "error": _problem(at)}
        for turn in range(repeat):
            if entry["error"]:
                break
            took, entry["error"] = _gesture(at, kind, key, value_for, turn)
            if not entry["error"]:
                entry["runs"].append(took)
                entry["values"].append(_held(at, kind, key))
        results[name] = entry
        print(f"  {tier:9} {name:26} ({', '.join(f'{t:.0f}' for t in entry['runs'])}) ms {entry['error']}\n"
              f"  {'':36} held after each: {entry['values']}", file=sys.stderr, flush=True)
    return results


def _measure(tier: str, repeat: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.server_interactions", "--child", tier,
                          "--repeat", str(repeat)],
                         env={**os.environ, "SAMMA_DB": str(DATA / f"{tier}.duckdb")}, cwd=ROOT,
                         stdout=subprocess.PIPE, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"measuring the {tier} tier failed (its errors above)")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the table -----------------------------------------------------------------------------------

def table(names: list[str], results: dict[str, dict], goal_ms: float = GOAL_MS) -> list[str]:
    """The table's lines: per interaction, each tier's median and slowest rerun in ms; "–" where
    the tier has no such choice; a figure over the goal in bold; what went wrong after the row."""
    tiers = list(results)
    lines = ["| interaction | " + " | ".join(f"{tier} median | {tier} slowest" for tier in tiers) + " |",
             "|---|" + "---:|" * (2 * len(tiers))]
    for name in names:
        cells, problems = [], []
        for tier in tiers:
            entry = results[tier].get(name)
            runs = entry["runs"] if entry else []
            for figure in (statistics.median(runs), max(runs)) if runs else ():
                cells.append(f"**{figure:.0f}**" if figure > goal_ms else f"{figure:.0f}")
            if not runs:
                cells += ["–", "–"]
            if entry and entry["error"]:
                problems.append(f"{tier}: {entry['error']}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |" + (" " + "; ".join(problems) if problems else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.server_interactions",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiers", nargs="+", default=["pilot", "national"])
    parser.add_argument("--repeat", type=int, default=10, help="timed gestures per interaction")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.child:
        print(json.dumps(child(args.child, args.repeat)))
        return 0
    tiers = []
    for tier in args.tiers:
        if (DATA / f"{tier}.duckdb").exists():
            tiers.append(tier)
        else:
            print(f"skipping {tier}: no {DATA / f'{tier}.duckdb'} (`python -m bench` builds it; "
                  f"national takes half an hour)", flush=True)
    if not tiers:
        parser.error(f"no database for {', '.join(args.tiers)} in {DATA}")
    load_before = os.getloadavg()
    results = {}
    for tier in tiers:
        print(f"{tier} ...", flush=True)
        results[tier] = _measure(tier, args.repeat)
    load_after = os.getloadavg()
    lines = [f"# Interactions server-side (AppTest): {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
             f"Median and slowest of {args.repeat} gestures each, two values taking turns, ms of the rerun "
             f"a gesture causes, scripts compiled once as a server does (goal: under {GOAL_MS} ms; over it "
             f"in bold). The slowest is mostly a value's first use (its queries and chart specs not yet "
             f"kept). "
             f"Load average (1, 5, 15 min) before "
             f"{', '.join(f'{x:.1f}' for x in load_before)}; after {', '.join(f'{x:.1f}' for x in load_after)} "
             f"on {os.cpu_count()} cores.", "",
             "AppTest reruns the whole page; a server reruns only the part around a picker inside one "
             "(Market's event, Funds' view and partner, Plan's village): for those, an upper bound. "
             "– : the tier has no such choice (one province), or no rerun was measured.", "",
             *table([name for name, _, _ in interactions(tiers[0])], results)]
    text = "\n".join(lines)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
