"""The Funds and What-if charts, checked as data (Vega-Lite specs), not as pictures."""

import json

import pandas as pd
import pytest

from samma import charts, queries
from samma.funds import WhatIf, project


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec["datasets"].values())


@pytest.mark.parametrize("kind", charts.KINDS)
def test_support_chart_shows_one_kind_only(kind, sql):
    spec = charts.support_chart(queries.support_by_partner_year_purpose(), kind, "th").to_dict()
    rows = _datasets(spec)[0]
    assert sum(r["amount_baht"] for r in rows) == float(sql(
        "SELECT sum(amount_baht) FROM contribution WHERE partner_code IS NOT NULL AND kind = ?",
        [kind])[0][0])
    bars = spec["layer"][0]["encoding"]
    # Each purpose present keeps its own Okabe–Ito colour, the same on every chart.
    scale = bars["color"]["scale"]
    purposes = {r[0] for r in sql("SELECT DISTINCT purpose FROM contribution "
                                  "WHERE partner_code IS NOT NULL AND kind = ?", [kind])}
    assert len(scale["domain"]) == len(purposes)
    assert set(scale["range"]) == {charts.SERIES[charts.PURPOSES.index(p)] for p in purposes}
    assert bars["y"]["title"] == "ภาคี" and bars["x"]["title"] == "บาท"


def test_support_by_fiscal_year_in_english_says_both_eras():
    spec = charts.support_chart(queries.support_by_partner_year_purpose(), "cash", "en",
                                by="fiscal_year").to_dict()
    years = {r["year"] for r in _datasets(spec)[0]}
    assert "2568 (2025)" in years
    assert spec["layer"][0]["encoding"]["y"]["title"] == "Fiscal year (BE)"


def test_flow_layout_keeps_every_baht():
    flows = pd.DataFrame([("TTT", "groups", "admin", 30.0), ("TTT", "groups", "revolving", 70.0),
                          ("CDD", "network", "training", 50.0), ("members", "groups", "revolving", 200.0)],
                         columns=["origin", "recipient", "use", "amount_baht"])
    nodes, bands = charts.flow_layout(flows, ["CDD", "TTT", "members"], gap_share=0)
    # With no gaps each column is 350 baht tall, and each node as tall as what passes through it.
    assert nodes.groupby("column").amount.sum().tolist() == [350, 350, 350]
    assert nodes.set_index("node").amount.to_dict() == {
        "CDD": 50, "TTT": 100, "members": 200, "network": 50, "groups": 300,
        "training": 50, "admin": 30, "revolving": 270}
    ends = bands[bands.x.isin([0, 1, 2])]
    for band in ends.itertuples():
        column = band.x
        node = nodes[(nodes.column == column) & (nodes.node.isin([band.source, band.target]))].iloc[0]
        assert node.y0 - 1e-9 <= band.y_top and band.y_bottom <= node.y1 + 1e-9
    assert set(bands.origin) == {"CDD", "TTT", "members"}


def test_cash_flow_chart_highlights_one_origin_on_hover(sql):
    spec = charts.cash_flow_chart(queries.cash_flows(), queries.partners(), "en").to_dict()
    params = spec["params"]
    assert params[0]["select"] == {"type": "point", "fields": ["origin"], "on": "pointerover",
                                   "clear": "pointerout"}
    strip = spec["layer"][0]
    assert strip["encoding"]["opacity"]["condition"]["param"] == params[0]["name"]
    labels = [r["label"] for r in json.loads(json.dumps(spec["datasets"]))[
        spec["layer"][1]["data"]["name"]]]
    members = sql("SELECT sum(amount_baht) FROM contribution WHERE source = 'members' AND kind = 'cash'")[0][0]
    assert f"Members (shares + savings)\n฿{members:,.0f}" in labels
    assert not any("DTAC" in label for label in labels)         # in kind only: no cash bands


def test_revolving_chart_draws_the_floor_dashed():
    spec = charts.revolving_fund_chart(queries.revolving_fund_by_month(), "th").to_dict()
    dash = spec["encoding"]["strokeDash"]["scale"]
    assert dash["domain"][1] == "เงินที่จ่ายเข้า (ขั้นต่ำ)" and dash["range"][1] == [6, 4]
    assert "543" in spec["encoding"]["x"]["axis"]["labelExpr"]   # Buddhist-era years


def test_projection_chart_marks_the_three_steps():
    spec = charts.whatif_projection_chart(project(WhatIf()), "en").to_dict()
    steps = next(d for d in _datasets(spec) if len(d) == 3)
    # By hand, with the source's defaults: 25 members (1 village × (5 + 20)) raise 100 + 3 × 50
    # baht each, 6,250; the 1:1 grant less 30% admin adds 4,375, so 10,625 at the match. Each
    # month the fund earns (6% − 2%) / 12 = 1/300 and the members save 25 × 50 = 1,250 more:
    # after n months, 10,625 × g^n + 1,250 × (g^n − 1) / (g − 1) with g = 1 + 1/300.
    g = 1 + 1 / 300
    at = {n: 10_625 * g ** n + 1_250 * (g ** n - 1) / (g - 1) for n in (3, 12, 36)}
    assert [(s["month"], s["label"]) for s in steps] == [
        (3, f"Quarter\n฿{at[3]:,.0f}"), (12, f"1 year\n฿{at[12]:,.0f}"), (36, f"3 years\n฿{at[36]:,.0f}")]
