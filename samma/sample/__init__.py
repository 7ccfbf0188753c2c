"""The sample network, and synthetic networks at any scale, from one set of rules (`rules`).

The default sample is Saraphi district, simulated village by village (`saraphi`); every other
size is a synthetic tier over the real subdistricts of Thailand, generated with numpy over whole
provinces at once (`synthetic`). `build` writes either into a database file, safely.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samma import db
from samma.sample.rules import AS_OF
from samma.sample.saraphi import VillagePlan, generate, saraphi_layout
from samma.sample.synthetic import generate_synthetic, synthetic_villages

__all__ = ["AS_OF", "TIERS", "VillagePlan", "build", "describe", "generate", "generate_synthetic",
           "saraphi_layout", "synthetic_villages"]

TIERS = {"pilot": 13, "district": 34, "province": 2000, "national": 75000}


def describe(villages: int) -> tuple[str, str]:
    if villages == TIERS["pilot"]:
        return ("ตัวอย่าง: ตำบลท่าวังตาล อำเภอสารภี", "Sample: Tha Wang Tan subdistrict, Saraphi")
    if villages == TIERS["district"]:
        return ("ตัวอย่าง: เครือข่ายสัมมาชีพ อำเภอสารภี", "Sample: Saraphi livelihood network")
    return (f"ข้อมูลสังเคราะห์ {villages:,} หมู่บ้าน", f"Synthetic data, {villages:,} villages")


def build(path: Path, villages: int = TIERS["district"], as_of: dt.date = AS_OF,
          provinces: tuple[str, ...] | None = None) -> None:
    """Builds the sample (or a synthetic tier) into `path`, safely: beside it, then swapped in.
    13 and 34 villages are the Saraphi samples; any other size (or `provinces`) is synthetic."""
    name_th, name_en = describe(villages)
    saraphi = villages in (TIERS["pilot"], TIERS["district"]) and not provinces

    def fill(con):
        if saraphi:
            generate(con, saraphi_layout(pilot_only=villages == TIERS["pilot"]), as_of)
        else:
            generate_synthetic(con, synthetic_villages(villages, provinces), as_of)
        con.execute("INSERT INTO dataset VALUES (?, ?, TRUE, ?, ?, ?, TRUE)",
                    [name_th, name_en, as_of, db.SCHEMA_VERSION,
                     dt.datetime.combine(as_of, dt.time(9, 0))])

    db.write_database(path, fill)
