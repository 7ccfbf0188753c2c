"""Issue 9: every page, every query parameter any page reads, given values a link should never
carry: a visible notice, sane values, no exception and no traceback, markup shown as text."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from samma import funds
from tests.conftest import ROOT

PAGES = re.findall(r'st\.Page\("views/([a-z]+)\.py"', (ROOT / "app.py").read_text(encoding="utf-8"))
PARAMS = ["lang", "projector", "event", "step", "village", "province", "district", "subdistrict",
          "stage", "basemap", "view", "partner", *(s.param for s in funds.SLIDERS)]
READS_ITS_LINK = {"map", "groups", "funds", "whatif", "market", "plan"}
HOSTILE = ["-1", "1e309", "NaN", "", "<img src=x onerror=alert(1)>\"><script>alert(1)</script>",
           "' OR 1=1 --", "9" * 400, "[x](javascript:alert(1)) \u202e\u0301🙂"]


def _notices(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if "ในลิงก์" in w.value]      # "in the link"


def test_the_router_lists_every_page():
    assert {"overview", "map", "groups", "funds", "whatif", "market", "plan", "data"} <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_parameter(page, value):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name in PARAMS:
        at.query_params[name] = value
    at.run()
    assert not at.exception
    assert bool(_notices(at)) == (value != ""), "the first view says the link was not usable"
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception
    assert at.title, "the page still draws"
    if page in READS_ITS_LINK and value != "":
        assert _notices(at), "the page says which of its link's values it could not use"
    # Markup a link carried may be shown as text (in a code span), never as HTML.
    for element in (*at.markdown, *at.caption, *at.title):
        if any(marker in element.value for marker in ("<script", "onerror", "javascript:")):
            assert not element.proto.allow_html, element.value
