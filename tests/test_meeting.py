"""Issue 7: the projector flag, page order and share link rules; projector mode in AppTest."""

import struct

import pytest

from samma import meeting
from tests.conftest import run_app


@pytest.mark.parametrize("value, expected", [
    (None, (False, True)), ("1", (True, True)), ("true", (True, True)), (" ON ", (True, True)),
    ("0", (False, True)), ("", (False, True)), ("2", (False, False)), ("<script>", (False, False)),
    ("nan", (False, False)),
])
def test_projector_flag(value, expected):
    assert meeting.projector_flag(value) == expected


def test_neighbours_follow_the_navigation_order():
    order = ["overview", "map", "groups"]      # stand-ins for the router's Page objects
    assert meeting.neighbours(order, "overview") == (None, "map")
    assert meeting.neighbours(order, "map") == ("overview", "groups")
    assert meeting.neighbours(order, "groups") == ("map", None)
    assert meeting.neighbours(order, "nowhere") == (None, None)


def test_share_link_keeps_every_parameter_and_sets_projector_once():
    params = {"lang": "en", "village": ["50191001", "50191002"], "projector": "1", "q": "a&b"}
    assert meeting.share_link("https://samma.example/map", params, projector=False) == (
        "https://samma.example/map?lang=en&village=50191001&village=50191002&q=a%26b")
    assert meeting.share_link("https://samma.example/map", {"lang": "en"}, projector=True) == (
        "https://samma.example/map?lang=en&projector=1")
    assert meeting.share_link("https://samma.example/", {}, projector=False) == "https://samma.example/"


def test_qr_code_is_a_png_large_enough_for_the_room():
    png = meeting.qr_png("https://samma.example/whatif?saving=80&months=3&lang=en")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    # version 3 or more is 29+ modules, plus a 4-module quiet zone each side, 10 px a module
    assert width == height and width >= (29 + 8) * 10


def test_projector_in_the_url_turns_it_on_and_stays_in_the_url():
    at = run_app(projector="1")
    assert not at.exception
    assert at.toggle(key="projector").value is True
    assert at.query_params["projector"] == "1"


def test_projector_toggle_turns_it_off_and_drops_it_from_the_url():
    at = run_app(projector="1")
    at.toggle(key="projector").set_value(False).run()
    assert "projector" not in at.query_params


def test_unknown_projector_value_is_said_and_ignored():
    at = run_app(projector="<b>yes</b>")
    assert not at.exception
    assert at.toggle(key="projector").value is False
    assert any("projector" in w.value for w in at.warning)
    assert not any("<b>" in w.value for w in at.warning)     # a link's value is never echoed


def test_every_page_links_to_its_neighbours_in_order():
    at = run_app()
    assert [link.proto.label for link in at.get("page_link")] == ["แผนที่หมู่บ้าน"]   # first: only "next"
    at.switch_page("views/funds.py").run()
    assert [link.proto.label for link in at.get("page_link")] == ["การจัดตั้งกลุ่ม", "ถ้าหาก…"]
