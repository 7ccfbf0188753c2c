"""The projector flag, page order and share link rules; projector mode in AppTest."""

import struct

import pytest

from samma import i18n, meeting
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
    # The Overview's own line to the Partners page aside, the first page has only "next".
    bar = [link.proto.label for link in at.get("page_link") if "partners" not in link.proto.page]
    assert bar == ["เครือข่าย"]
    at.switch_page("views/funds.py").run()
    assert [link.proto.label for link in at.get("page_link")] == ["การจัดตั้งกลุ่ม", "ถ้าหาก…"]


@pytest.mark.parametrize("configured, base", [
    ("https://samma.example.org", "https://samma.example.org/"),
    ("https://samma.example.org/", "https://samma.example.org/"),
    ("https://example.org/samma", "https://example.org/samma/"),
    ("https://example.org/samma/", "https://example.org/samma/"),
    ("  https://example.org/samma//  ", "https://example.org/samma/"),
    ("HTTP://example.org:8080/a/b", "http://example.org:8080/a/b/"),
])
def test_the_public_address_is_a_base_ending_in_a_slash(configured, base):
    assert meeting.public_base(configured) == base


@pytest.mark.parametrize("configured, reason", [
    ("example.org/samma", "public_url_scheme"),
    ("ftp://example.org/", "public_url_scheme"),
    ("javascript:alert(1)", "public_url_scheme"),
    ("https://", "public_url_host"),
    ("https:///samma/", "public_url_host"),
    ("https://example.org/samma/?lang=en", "public_url_query"),
    ("https://example.org/samma/#top", "public_url_query"),
    ("https://user:secret@example.org/", "public_url_credentials"),
    ("https://example.org:99999/", "public_url_port"),
    ("https://example.org:port/", "public_url_port"),
    ("https://example.org:0/", "public_url_port"),
    ("https://example.org/sam ma/", "public_url_space"),
])
def test_a_bad_public_address_is_refused_with_its_reason(configured, reason):
    with pytest.raises(meeting.BadPublicUrl) as refused:
        meeting.public_base(configured)
    assert refused.value.reason == reason
    assert i18n.t(reason, "th") and i18n.t(reason, "en")        # said in both languages


@pytest.mark.parametrize("url, local", [
    ("http://localhost:8501/", True), ("http://LOCALHOST/", True), ("http://127.0.0.1:8501/map", True),
    ("http://127.1.2.3/", True), ("http://[::1]:8501/", True), ("http://0.0.0.0:8501/", True),
    ("http://app.localhost/", True), ("http://192.168.1.20:8501/", False),
    ("https://samma.example.org/samma/", False), ("https://localhost.example.org/", False),
])
def test_addresses_of_this_machine_only_are_local(url, local):
    assert meeting.is_local(url) is local


def test_the_configured_address_wins_over_the_presenters_localhost():
    a = meeting.share_address("https://example.org/samma", "http://localhost:8501/map", "map")
    assert (a.base, a.page_url, a.source, a.local, a.problem) == (
        "https://example.org/samma/", "https://example.org/samma/map", "public", False, None)
    assert meeting.share_link(a.page_url, {"lang": "en"}, projector=True) == (
        "https://example.org/samma/map?lang=en&projector=1")
    # the default page is served at the app's own address, not under its url_path
    home = meeting.share_address("https://example.org/samma/", "http://localhost:8501", "")
    assert home.page_url == "https://example.org/samma/"
    root = meeting.share_address("https://samma.example.org", None, "whatif")
    assert root.page_url == "https://samma.example.org/whatif"


def test_without_a_setting_the_browsers_address_is_used_sub_path_included():
    a = meeting.share_address(None, "http://127.0.0.1:8080/samma/funds", "funds")
    assert (a.base, a.page_url, a.source, a.local) == (
        "http://127.0.0.1:8080/samma/", "http://127.0.0.1:8080/samma/funds", "browser", True)
    home = meeting.share_address("", "https://example.org/samma", "")
    assert (home.base, home.page_url, home.local) == ("https://example.org/samma/", "https://example.org/samma/", False)
    # a sub-path that merely ends like the page's name is kept
    odd = meeting.share_address(None, "https://example.org/map/map", "map")
    assert odd.page_url == "https://example.org/map/map"


def test_a_bad_setting_falls_back_to_the_browser_and_says_why():
    a = meeting.share_address("samma.example.org", "https://samma.example.org/market", "market")
    assert (a.page_url, a.source, a.problem) == (
        "https://samma.example.org/market", "browser", "public_url_scheme")
    nothing = meeting.share_address("   ", None, "plan")
    assert (nothing.page_url, nothing.source, nothing.problem) == ("/plan", "path", None)


def test_a_configured_localhost_is_still_said_to_be_local():
    assert meeting.share_address("http://localhost:8501/", None, "").local is True


def _share(at):
    next(b for b in at.button if b.label in ("Share this view", "แชร์หน้านี้")).click().run()
    assert not at.exception
    return [c.value for c in at.code], [w.value for w in at.warning], [c.value for c in at.caption]


def test_the_share_dialog_uses_the_configured_public_address(monkeypatch):
    monkeypatch.setenv("SAMMA_PUBLIC_URL", "https://example.org/samma")
    at = run_app(lang="en")
    at.switch_page("views/funds.py").run()
    codes, warnings, captions = _share(at)
    assert codes == ["https://example.org/samma/funds?lang=en", "https://example.org/samma/"]
    assert "The link and QR code use the public address set for partners (`SAMMA_PUBLIC_URL`):" in captions
    assert not any("phones cannot open" in w for w in warnings)


def test_the_public_address_can_be_a_secrets_entry(monkeypatch):
    monkeypatch.delenv("SAMMA_PUBLIC_URL", raising=False)
    at = run_app(lang="en")
    at.secrets["public_url"] = "https://samma.example.org/"
    codes, _, _ = _share(at)
    assert codes[0] == "https://samma.example.org/overview?lang=en"


def test_a_bad_public_address_is_said_in_the_dialog(monkeypatch):
    monkeypatch.setenv("SAMMA_PUBLIC_URL", "samma.example.org/<b>x</b>")
    at = run_app()
    codes, warnings, _ = _share(at)
    assert any("ใช้ไม่ได้ เพราะไม่ได้ขึ้นต้นด้วย https:// หรือ http://" in w for w in warnings)
    assert not any("<b>" in w for w in warnings)            # the setting itself is not echoed
    assert not codes[0].startswith("samma.example.org")
