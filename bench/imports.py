"""Importing at scale: writes bench/imports.md.

    .venv/bin/python -m bench.imports [--provinces N] [--only province,national,update]

1. The province tier (2,000 villages) exported as one workbook and imported back
   (`python -m samma import`).
2. The national tier (75,000 villages, 77 provinces; or --villages N, a smaller network)
   exported as one CSV folder per province, as each province's office would send it, and
   imported back together (`import FOLDER`, a folder of CSV folders): the first N provinces
   (default 3), and the whole country reckoned from them by rows.
3. One district's network updated in that database (`import --update`).
Each as a child process: wall and CPU seconds and peak memory. The tiers are built into
bench/data/ (git-ignored) by `python -m bench`, or here when missing. Heavy: minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

from bench.run import DATA, ROOT, _child_usage
from samma import sample
from samma.workbook import SHEETS
from samma.workbook.merge import SHARED
from samma.workbook.update import COVERED, cover

RESULTS = ROOT / "bench" / "imports.md"
GOALS = {"province workbook": (10, 600), "national CSV folders": (300, 3000), "update one district": (30, None)}


def _tier(villages: int) -> Path:
    """The synthetic network of that many villages (the tiers' own files where one is the size)."""
    name = next((tier for tier, n in sample.TIERS.items() if n == villages), f"villages-{villages}")
    path = DATA / f"{name}.duckdb"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        print(f"building {villages:,} villages ...", flush=True)
        sample.build(path, villages)
    return path


def write_csv_folder(con: duckdb.DuckDBPyConnection, folder: Path, subdistricts: str) -> int:
    """One workbook as a folder of CSV files, one per sheet: the rows of the subdistricts the SQL
    `subdistricts` selects (from the database attached as `live`), and every shared row. Returns
    its number of rows."""
    folder.mkdir(parents=True)
    cover(con, subdistricts)
    rows = 0
    for sheet in SHEETS:
        columns = ", ".join(f"CASE WHEN {c.key} THEN 'yes' ELSE 'no' END AS {c.key}"
                            if c.choices == "yes_no" else c.key for c in sheet.columns)
        where = "" if sheet.name in SHARED or sheet.name not in COVERED else f" WHERE {COVERED[sheet.name]}"
        # Names come from SHEETS and update.COVERED, never from input.
        query = f"SELECT {columns} FROM live.{sheet.name} t{where}"
        target = folder / f"{sheet.name}.csv"
        con.execute(f"COPY ({query}) TO '{target}' (HEADER)")
        rows += con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
    return rows


def _total_rows(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return sum(con.execute(f"SELECT count(*) FROM {s.name}").fetchone()[0] for s in SHEETS)
    finally:
        con.close()


def province_workbook(tmp: Path) -> dict:
    source = _tier(sample.TIERS["province"])
    tmp.mkdir()
    workbook = tmp / "province.xlsx"
    print("exporting the province tier to a workbook ...", flush=True)
    export = _child_usage([sys.executable, "-m", "samma", "export", "--db", str(source), str(workbook)])
    print("importing it back ...", flush=True)
    usage = _child_usage([sys.executable, "-m", "samma", "import", "--db", str(tmp / "p.duckdb"), str(workbook)])
    return {"rows": _total_rows(source), "mb": workbook.stat().st_size / 2**20, "export": export, **usage}


def national_csv(tmp: Path, provinces: int, villages: int) -> dict:
    source = _tier(villages)
    tmp.mkdir()
    con = duckdb.connect()
    con.execute("ATTACH ? AS live (READ_ONLY)", [str(source)])
    codes = [c for (c,) in con.execute("SELECT code FROM live.province ORDER BY code").fetchall()]
    chosen = tmp / "provinces"
    chosen.mkdir()
    rows = 0
    print(f"exporting {provinces} of {len(codes)} provinces as CSV folders ...", flush=True)
    for code in codes[:provinces]:
        rows += write_csv_folder(con, chosen / code, f"SELECT s.code FROM live.subdistrict s "
                                                       f"JOIN live.district d ON d.code = s.district_code "
                                                       f"WHERE d.province_code = '{code}'")
    con.close()
    print("importing them ...", flush=True)
    usage = _child_usage([sys.executable, "-m", "samma", "import", "--db", str(tmp / "n.duckdb"), str(chosen)])
    # Rows grow with villages: a smaller network than the national tier is reckoned up to it.
    total = round(_total_rows(source) * sample.TIERS["national"] / villages)
    return {"provinces": provinces, "of": len(codes), "villages": villages, "rows": rows, "total_rows": total,
            "mb": sum(f.stat().st_size for f in chosen.rglob("*.csv")) / 2**20, **usage}


def update_district(tmp: Path, villages: int) -> dict:
    source = _tier(villages)
    live = tmp / "live" / "samma.duckdb"
    live.parent.mkdir(parents=True)
    shutil.copyfile(source, live)
    con = duckdb.connect()
    con.execute("ATTACH ? AS live (READ_ONLY)", [str(live)])
    district = con.execute("SELECT min(code) FROM live.district").fetchone()[0]
    folder = tmp / f"district-{district}"
    rows = write_csv_folder(con, folder, f"SELECT code FROM live.subdistrict WHERE district_code = '{district}'")
    con.close()
    print(f"updating district {district} ({rows:,} rows) in the national database ...", flush=True)
    usage = _child_usage([sys.executable, "-m", "samma", "import", "--update", "--db", str(live), str(folder)])
    mb = sum(f.stat().st_size for f in folder.glob("*.csv")) / 2**20
    return {"district": district, "rows": rows, "mb": mb, "villages": villages, **usage}


def report(measured: dict) -> str:
    lines = [f"# Importing at scale: measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC", "",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"load average at the end {os.getloadavg()[0]:.1f} (above 2, other work shared the cores: "
             "wall times are longer than on a quiet machine).", "",
             "| what | rows | input MB | wall s | CPU s | peak MB | goal |", "|---|---:|---:|---:|---:|---:|---|"]

    def line(name, rows, mb, u, note=""):
        wall, memory = GOALS[name]
        goal = f"< {wall} s" + (f", < {memory} MB" if memory else "")
        lines.append(f"| {name}{note} | {rows:,} | {mb:,.0f} | {u['wall_s']:,.1f} | {u['cpu_s']:,.1f} | "
                     f"{u['peak_mb']:,.0f} | {goal} |")
    if province := measured.get("province"):
        line("province workbook", province["rows"], province["mb"], province)
    if national := measured.get("national"):
        line("national CSV folders", national["rows"], national["mb"], national,
             f" ({national['provinces']} of {national['of']} provinces of {national['villages']:,} villages)")
        factor = national["total_rows"] / national["rows"]
        if factor > 1:
            lines.append(f"| national CSV folders, 75,000 villages (reckoned: × {factor:.1f} "
                         f"by rows) | {national['total_rows']:,.0f} | {national['mb'] * factor:,.0f} | "
                         f"{national['wall_s'] * factor:,.0f} | {national['cpu_s'] * factor:,.0f} | "
                         f"not reckoned (files are staged one at a time) | < 300 s, < 3000 MB |")
    if update := measured.get("update"):
        line("update one district", update["rows"], update["mb"], update,
             f" ({update['district']}, in {update['villages']:,} villages)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.imports", description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=3, help="national provinces to import (77: all)")
    parser.add_argument("--only", default="province,national,update", help="which to measure, comma-separated")
    parser.add_argument("--villages", type=int, default=sample.TIERS["national"],
                        help="the network the national parts use (smaller: reckoned up to national by rows)")
    args = parser.parse_args(argv)
    parts = {"province": province_workbook,
             "national": lambda tmp: national_csv(tmp, args.provinces, args.villages),
             "update": lambda tmp: update_district(tmp, args.villages)}
    # Parts measured in earlier runs are kept (bench/data/imports.json): one can be run again alone.
    log = DATA / "imports.json"
    measured = json.loads(log.read_text()) if log.exists() else {}
    with tempfile.TemporaryDirectory(dir=DATA) as name:
        for part in args.only.split(","):
            measured[part] = parts[part](Path(name) / part)
            log.write_text(json.dumps(measured, indent=1))
    text = report(measured)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
