"""No personal data. The template has no column for a household's name, ID number or
phone; no page shows a household-level row or code."""

import re

import openpyxl
import pytest

from samma import workbook
from tests.conftest import PAGES, PERSONAL, across, whole_page

# Names of places, partners, groups, products, events and datasets: not of people.
NOT_PEOPLE = {"dataset", "province", "district", "subdistrict", "village", "partner", "occupation",
              "network", "occupation_group", "product", "market_event", "matching_scheme"}


def test_the_template_asks_for_no_personal_data(tmp_path):
    path = tmp_path / "template.xlsx"
    path.write_bytes(workbook.template_bytes())
    wb = openpyxl.load_workbook(path, read_only=True)
    household = [c.value for c in next(wb["household"].iter_rows(max_row=1))]
    assert [h.split(" / ")[1] for h in household] == ["code", "village_code", "joined", "group_code"]
    for sheet in workbook.SHEETS:
        for column in sheet.columns:
            words = column.key.lower()
            if sheet.name in NOT_PEOPLE and words.startswith(("name", "short")):
                continue
            assert not any(p in words for p in PERSONAL), (sheet.name, column.key)


@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_a_household(page, sql):
    """Every section of the page: only the open tab's section runs."""
    codes = {c for (c,) in sql("SELECT code FROM household")}
    # On the Map, the village card too.
    at = whole_page(page, **({"village": "50191001"} if page == "map" else {}))
    if page == "map":
        assert at["village"].subheader
    for frame in across(at, "dataframe"):
        cells = {str(v) for v in frame.value.astype(str).to_numpy().ravel()}
        assert not cells & codes, page
    text = " ".join(str(e.value) for kind in ("markdown", "caption", "metric", "table") for e in across(at, kind))
    assert not re.search(r"HH-\d{8}-\d+", text), page
