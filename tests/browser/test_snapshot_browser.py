"""The one-file snapshot opened in Chromium with the network cut off: no request is made, every
chart is drawn, Thai is shaped in Sarabun, the figures are the app's and plain SQL's, the map's
words show on hover, it reads on a phone, hostile names stay text, and the meeting bar's button
downloads it from the version the page showed."""

from __future__ import annotations

from pathlib import Path

import pytest

from samma import db, snapshot
from tests.browser.conftest import PHONE, PROJECTOR, as_shown, load_with_text_changed, screenshot
from tests.conftest import across, whole_page
from tests.test_downloads_one_version import facts, swap_in

DRAWN = "() => [...document.querySelectorAll('[data-chart]')].every(box => box.dataset.drawn)"
CHARTS = """() => [...document.querySelectorAll('[data-chart]')].map(box => {
    const svg = box.querySelector('svg');
    return {drawn: box.dataset.drawn, marks: svg ? svg.querySelectorAll('.role-mark > *').length : 0,
            width: svg ? svg.getBoundingClientRect().width : 0, box: box.getBoundingClientRect().width};
})"""


def make(db_path: Path, lang: str, target: Path) -> Path:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SAMMA_DB", str(db_path))
        with db.one_version():
            target.write_text(snapshot.build(lang), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def files(tmp_path_factory, sample_db) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("snapshot")
    return {lang: make(sample_db, lang, folder / f"meeting-{lang}.html") for lang in ("th", "en")}


@pytest.fixture
def offline(chromium):
    """offline(file, viewport) -> (page, every URL the page asked for): only the file itself is
    served; every other request is recorded and refused."""
    contexts = []

    def open_(path: Path, viewport: dict, before_load=None):
        context = chromium.new_context(viewport=viewport)
        contexts.append(context)
        asked: list[str] = []

        def route(request_route):
            asked.append(request_route.request.url)
            if request_route.request.url == path.as_uri():
                request_route.continue_()
            else:
                request_route.abort()
        context.route("**/*", route)
        page = context.new_page()
        if before_load:
            before_load(page)
        page.goto(path.as_uri())
        page.wait_for_function(DRAWN, timeout=120_000)
        return page, asked

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("viewport", [PROJECTOR, PHONE], ids=["projector", "phone"])
def test_it_opens_with_no_connection_and_draws_every_chart(files, offline, lang, viewport):
    page, asked = offline(files[lang], viewport)
    assert asked == [files[lang].as_uri()]
    charts = page.evaluate(CHARTS)
    assert len(charts) > 15
    for n, chart in enumerate(charts):
        assert chart["drawn"] == "1" and chart["marks"] > 0, (n, chart)
        assert 0 < chart["width"] <= chart["box"] + 1, (n, chart)        # within its column
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # Nor does a table hide a column behind a scroll of its own.
    assert page.evaluate("[...document.querySelectorAll('.table')].filter(t => t.scrollWidth > t.clientWidth)"
                         ".map(t => t.innerText.slice(0, 40))") == []
    name = "projector" if viewport == PROJECTOR else "phone"
    screenshot(page, f"snapshot-{lang}-{name}")


def test_thai_is_shaped_in_sarabun(files, offline):
    page, _ = offline(files["th"], PHONE)
    assert page.evaluate("""() => [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Sarabun'
                                                          && f.status === 'loaded').length""") == 2
    # Shaped, the vowel and the tone mark sit on their consonant and take no width of their own;
    # drawn as separate glyphs or boxes they would.
    widths = page.evaluate("""() => ['ท', 'ที่'].map(text => {
        const span = document.createElement('span');
        span.style.font = '40px Sarabun'; span.textContent = text;
        document.body.append(span);
        const width = span.getBoundingClientRect().width; span.remove(); return width; })""")
    assert widths[0] > 10 and abs(widths[1] - widths[0]) < 1, widths
    assert page.get_by_role("heading", name="ภาพรวม", exact=True).is_visible()
    assert page.locator("svg text", has_text="หมู่บ้านเป้าหมาย").count() > 0      # Thai in the charts too


def _figures(page, key: str) -> dict[str, str]:
    return page.evaluate("""key => Object.fromEntries([...document.querySelectorAll(`#${key} .figure`)].map(
        box => [box.querySelector('.label').innerText, box.querySelector('.value').innerText]))""", key)


def test_the_figures_are_the_apps_and_plain_sqls(files, offline, sql):
    page, _ = offline(files["th"], PROJECTOR)
    shown = _figures(page, "overview")
    # The app's Overview box by box: the boxes of all its sections, each of which runs only as the
    # open tab (whole_page opens each one and fails on an exception).
    pages = whole_page("overview")
    assert not any(at.exception for at in pages.values())
    assert {m.label: m.value for m in across(pages, "metric")} == shown
    assert shown["ครัวเรือนที่เข้าร่วม"] == f"{sql('SELECT count(*) FROM household')[0][0]:,}"
    formed = sql("SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL")[0][0]
    assert shown["กลุ่มอาชีพที่จัดตั้งแล้ว"] == f"{formed:,}"
    assert shown["ยอดขายสะสม"] == f"{sql('SELECT sum(amount_baht) FROM sale')[0][0]:,.0f} บาท"
    rows = page.evaluate("""() => [...document.querySelectorAll('#funds table')].map(t => [...t.rows].map(
        r => [...r.cells].map(c => c.innerText)))""")
    totals = next(r for r in rows if r[0][:3] == ["ภาคี", "เงินสด (บาท)", "ไม่ใช่ตัวเงิน (มูลค่า บาท)"])
    expected = sql("""
        SELECT p.short_th, coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0),
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0)
        FROM partner p LEFT JOIN contribution c ON c.partner_code = p.code
        GROUP BY p.short_th, p.rowid ORDER BY p.rowid""")
    assert [r[:3] for r in totals[1:]] == [[n, f"{c:,.0f}", f"{k:,.0f}"] for n, c, k in expected]


def test_the_map_says_a_villages_words_on_hover(files, offline, sql):
    page, _ = offline(files["en"], PROJECTOR)
    circles = page.locator("#map [data-chart] .role-mark.mark-symbol path")     # not the legend's
    assert circles.count() == sql("SELECT count(*) FROM village WHERE lat IS NOT NULL")[0][0]
    circles.nth(0).hover(force=True)
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")
    names = {name for (name,) in sql("SELECT name_en FROM village")}
    assert tooltip.inner_text().splitlines()[0] in names
    assert "Stage: " in tooltip.inner_text()


HOSTILE = ['<script>window.pwned=1</script>', '<img src=x onerror="window.pwned=2">',
           "![x](http://198.51.100.7/x.png)", "</script><script>window.pwned=3</script>",
           '<svg onload="window.pwned=4">', "[link](javascript:window.pwned=5)"]


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory, sample_db) -> Path:
    """Every text field of the sample, exported to the template, carries markup, script or a
    Markdown image or link in front of its words, and is loaded back through the real import."""
    folder = tmp_path_factory.mktemp("hostile-snapshot")
    # One payload for the whole row, so a row's Thai and English names carry the same.
    live = load_with_text_changed(sample_db, folder,
                                  lambda sheet, column, row, cell: f"{HOSTILE[row % len(HOSTILE)]} {cell}")
    return make(live, "th", folder / "hostile.html")


def test_hostile_names_stay_text(hostile_file, offline):
    dialogs = []
    page, asked = offline(hostile_file, PHONE,
                          lambda p: p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss())))
    injected = page.evaluate("""() => ({
        pwned: window.pwned ?? null,
        images: document.querySelectorAll('img, image, iframe, object, embed').length,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(
            a => a.name.startsWith('on'))).length,
        links: [...document.querySelectorAll('a')].filter(a => !a.getAttribute('href').startsWith('#')).length,
        scripts: document.querySelectorAll('script').length,
    })""")
    screenshot(page, "snapshot-hostile-phone")
    assert dialogs == [] and asked == [hostile_file.as_uri()]
    assert injected == {"pwned": None, "images": 0, "handlers": 0, "links": 0, "scripts": 3}
    text = page.evaluate("document.body.innerText")
    drawn = page.evaluate("[...document.querySelectorAll('svg text')].map(t => t.textContent).join('\\n')")
    # Each payload lands in some text field: a table or heading shows it, or a chart draws it.
    for payload in HOSTILE:
        assert payload in text or payload in drawn, payload
    assert sum(payload in drawn for payload in HOSTILE) >= 2    # chart text too, not only the page's


def test_the_meeting_bar_downloads_the_snapshot_of_the_version_shown(live_url, page_at, pilot_db,
                                                                     offline, tmp_path):
    url, live = live_url
    old, new = facts(live), facts(pilot_db)
    page = page_at(f"{url}/market?lang=en", PROJECTOR)
    page.get_by_text(as_shown(old["name"])).first.wait_for()
    swap_in(pilot_db, live)                    # a load lands after the page was drawn

    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="Snapshot to share (HTML)").click()
    assert download.value.suggested_filename == "samma-snapshot.html"
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)

    shot, asked = offline(saved, PHONE)
    assert asked == [saved.as_uri()]
    assert shot.evaluate("document.documentElement.lang") == "en"
    header = shot.locator("header").inner_text()
    assert f"Dataset: {old['name']}" in header and "Data as of 31 Oct 2026" in header
    assert "Sample data, not the network's real figures" in header
    assert new["name"] not in shot.locator("body").inner_text()
    assert _figures(shot, "overview")["Households enrolled"] == f"{old['households']:,}"
    assert old["households"] != new["households"]
