"""Every page, every query parameter any page reads, given values a link should never
carry: a visible notice, sane values, no exception and no traceback, markup shown as text."""

import re

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from samma import funds
from tests.conftest import PAGES, ROOT

PARAMS = ["lang", "projector", "event", "step", "village", "province", "district", "subdistrict",
          "stage", "basemap", "view", "partner", "network", *(s.param for s in funds.SLIDERS)]
READS_ITS_LINK = {"map", "groups", "funds", "whatif", "market", "plan"}
HOSTILE = ["-1", "1e309", "NaN", "", "<img src=x onerror=alert(1)>\"><script>alert(1)</script>",
           "' OR 1=1 --", "9" * 400, "[x](javascript:alert(1)) \u202e\u0301🙂"]


def _notices(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if "ในลิงก์" in w.value]      # "in the link"


def test_the_router_lists_every_page():
    assert {"overview", "network", "map", "groups", "funds", "whatif", "market", "plan", "data"} <= set(PAGES)


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
    # Markup a link carried may be echoed only as text (the what-if says which value it could not
    # use), escaped for Streamlit's Markdown, never as HTML or Markdown: every string of every
    # element is looked at. Once its escaped characters are taken out, nothing can open a tag, a
    # link or an image, and no scheme is left.
    echoed = [(element, text) for element in _elements(at)
              for text in _strings(MessageToDict(element.proto)) if any(m in text for m in MARKUP)]
    for element, text in echoed:
        assert not getattr(element.proto, "allow_html", False), text
        bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", text)
        assert not any(m in bare for m in ("<", "[", "javascript:")), text
    if page == "whatif" and any(m in value for m in MARKUP):
        assert echoed, "the what-if's notices echo the value: the check above has looked at them"


MARKUP = ("<script", "onerror", "javascript")


def _elements(at: AppTest):
    blocks = [at.main, at.sidebar]
    while blocks:
        for child in blocks.pop().children.values():
            if hasattr(child, "children"):
                blocks.append(child)
            else:
                yield child


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _strings(item)
