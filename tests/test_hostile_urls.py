"""Issue 9: every page, every query parameter it reads, given values a link should never carry:
a visible notice, sane values, no exception and no traceback."""

import re

import pytest

from samma import funds
from tests.conftest import ROOT, run_app

PAGES = re.findall(r'st\.Page\("views/([a-z]+)\.py"', (ROOT / "app.py").read_text(encoding="utf-8"))
# Every parameter any page reads from its link.
PARAMS = ["lang", "projector", "event", "step", "village", *(s.param for s in funds.SLIDERS)]
HOSTILE = ["-1", "1e309", "NaN", "inf", "", "<img src=x onerror=alert(1)>", "\"><script>alert(1)</script>",
           "javascript:alert(1)", "' OR 1=1 --", "9" * 400, "[x](javascript:alert(1))", "\u202e\u0301🙂"]


def test_the_router_lists_every_page():
    assert {"overview", "funds", "whatif", "market", "plan", "data"} <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_parameter(page, value):
    at = run_app(page, **{p: value for p in PARAMS})
    assert not at.exception
    assert at.title, "the page still draws"
    assert at.warning, "a visible notice says the link was not usable"
    # Markup a link carried may be shown as text (in a code span), never as HTML.
    for element in (*at.markdown, *at.caption, *at.title):
        if any(marker in element.value for marker in ("<script", "onerror", "javascript:")):
            assert not element.proto.allow_html, element.value
