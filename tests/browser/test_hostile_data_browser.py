"""A spreadsheet whose every text field carries markup, script, Markdown (images, links,
autolinks, bare URLs, reference links, entities, Streamlit's directives, icons, emoji and math,
headings and lists), right-to-left and combining characters, emoji, SQL and very long names is
loaded through the real import; then every page is opened in Chromium: no script runs, no dialog
opens, no element is injected, no image or link is drawn from data, no request leaves the app,
and the text shows as text."""

import itertools
from urllib.parse import urlsplit

import duckdb
import pytest

from samma import workbook
from tests.browser.conftest import (
    PHONE,
    PROJECTOR,
    listen_for_outside_requests,
    load_with_text_changed,
    open_tab,
    screenshot,
    served,
)
from tests.conftest import PAGE_URLS

# Markdown first: the dataset's names (shown on every page) get the first two. One line each:
# the import makes one line of a cell, so a reference definition never starts a line of its own.
MARKDOWN = ["![x](http://evil.test/image.png)", "[click](http://evil.test/link)", "<http://evil.test/auto>",
            "see http://evil.test/bare or www.evil.test or a@evil.test",
            "[x][r] [r]: http://evil.test/reference", "&lt;img src=x&gt; &#x26;amp; &#65;",
            ":red[x] :material/warning: :smile:", "$x^2$ $$y$$", "# heading", "1. item", "**bold** `code`"]
HOSTILE = [*MARKDOWN, '<img src=x onerror="window.pwned=1">', '"><script>window.pwned=2</script>',
           "javascript:window.pwned=3", "'; DROP TABLE sale; --", "\u202eเกลือ\u0301\u0301 🥭🧺",
           "ยาว" * 120, "<svg onload=\"window.pwned=4\">", "<script>alert('pwned')</script>"]
WORD_JOINER = "\u2060"
# Anything drawn from data that reaches out or is read as Markdown: an attribute that loads or
# links and names the payloads' host (a label holding the text is fine), a link or image to
# anywhere but the app, script handlers, and the payloads' headings, list items, bold and code,
# math, icons, colours and emoji.
INJECTED = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const away = u => !u.startsWith(location.origin) && !u.startsWith('data:') && !u.startsWith('blob:');
    const texts = selector => [...main.querySelectorAll(selector)].map(e => e.innerText.trim());
    return {
        pwned: window.pwned ?? null,
        handlers: document.querySelectorAll('[onerror], [onload]').length,
        bogusImages: document.querySelectorAll('img[src="x"]').length,
        awayImages: [...document.querySelectorAll('img')].map(i => i.src).filter(away),
        awayLinks: [...document.querySelectorAll('a[href]')].map(a => a.href).filter(away),
        evilAttributes: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])
            .filter(a => /^(href|xlink:href|src|srcset|action|formaction|poster|data|background|style)$/.test(a.name)
                         && a.value.includes('evil.test')).map(a => a.name + '=' + a.value),
        headings: texts('h1, h2, h3, h4, h5, h6').filter(s => s.startsWith('heading')),
        items: texts('li').filter(s => s.startsWith('item')),
        bold: texts('strong, b, code').filter(s => /^(bold|code)$/.test(s)),
        math: main.querySelectorAll('.katex, math').length,
        icons: texts('[data-testid="stMarkdownContainer"] [data-testid="stIconMaterial"]'),
        colours: texts('[data-testid="stMarkdownContainer"] span[style*="color"]'),
        emoji: main.innerText.includes('\\u{1F604}'),
    };
}"""


def tracer(sheet: str, column: str) -> str:
    """A Markdown image at the end of every text cell, its address naming the cell's sheet and
    column: whatever payload a cell starts with, any place that reads it as Markdown fetches
    this image, and the request says which column got there unescaped."""
    return f"![t](http://evil.test/{sheet}/{column}.png)"


CLEAN = {"pwned": None, "handlers": 0, "bogusImages": 0, "awayImages": [], "awayLinks": [],
         "evilAttributes": [], "headings": [], "items": [], "bold": [], "math": 0, "icons": [],
         "colours": [], "emoji": False}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, sample_db):
    payloads = itertools.count()
    return load_with_text_changed(
        sample_db, tmp_path_factory.mktemp("hostile"),
        lambda sheet, column, row, cell: f"{HOSTILE[next(payloads) % len(HOSTILE)]} {cell} {tracer(sheet, column)}")


@pytest.fixture(scope="module")
def hostile_url(hostile_db):
    with served(hostile_db) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_sql(hostile_db):
    con = duckdb.connect(str(hostile_db), read_only=True)
    yield lambda text, params=(): con.execute(text, list(params)).fetchall()
    con.close()


def _as_shown(page, selector: str) -> str:
    """The text of the elements `selector` finds, as a reader sees it (the invisible word
    joiners that keep bare links from forming are taken out). Elements may be drawn a moment
    after the run: the first is waited for."""
    page.locator(selector).first.wait_for()
    return "\n".join(page.locator(selector).all_inner_texts()).replace(WORD_JOINER, "")


def test_the_import_kept_every_hostile_text_as_written(hostile_sql):
    names = [value for sheet in workbook.SHEETS for c in sheet.columns if c.kind == "text"
             for (value,) in hostile_sql(f"SELECT {c.key} FROM {sheet.name}") if value]
    for payload in HOSTILE:
        assert any(name.startswith(payload) for name in names), payload
    # Every text cell of every sheet carries a payload, and its column's Markdown image.
    for sheet in workbook.SHEETS:
        for c in sheet.columns:
            if c.kind == "text":
                values = [v for (v,) in hostile_sql(f"SELECT {c.key} FROM {sheet.name}") if v]
                assert all(any(v.startswith(p) for p in HOSTILE) for v in values), (sheet.name, c.key)
                assert all(v.endswith(" " + tracer(sheet.name, c.key)) for v in values), (sheet.name, c.key)


@pytest.mark.parametrize("path", PAGE_URLS)
def test_no_script_runs_nothing_reaches_out_and_text_stays_text(hostile_url, hostile_sql, page_at, path):
    dialogs, requests = [], []

    def listen(page):       # from the start: a dialog or a request made while the page loads counts too
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        requests.append(listen_for_outside_requests(page, urlsplit(hostile_url).netloc))

    page = page_at(f"{hostile_url}/{path}", PHONE if path in ("market", "plan") else PROJECTOR, listen)
    page.wait_for_load_state("networkidle")
    injected = page.evaluate(INJECTED)
    screenshot(page, f"hostile-{path}")
    assert dialogs == []
    assert injected == CLEAN
    assert requests[0] == []
    assert page.locator('[data-testid="stException"]').count() == 0
    # The header names the dataset as typed: a Markdown image, as text.
    (name,) = hostile_sql("SELECT name_th FROM dataset")[0]
    assert name.startswith(MARKDOWN[0])
    assert name in _as_shown(page, '[data-testid="stCaptionContainer"]')


def test_names_on_the_market_page_read_as_typed(hostile_url, hostile_sql, page_at):
    page = page_at(f"{hostile_url}/market?lang=en", PROJECTOR)
    # The best seller's name, the latest event's place and organiser: as typed, whatever they hold.
    (product,) = hostile_sql("""SELECT p.name_en FROM sale s JOIN product p ON p.code = s.product_code
                                GROUP BY p.code, p.name_en ORDER BY sum(s.amount_baht) DESC LIMIT 1""")[0]
    place, organiser = hostile_sql("""SELECT e.place_en, p.short_en FROM market_event e
                                      JOIN partner p ON p.code = e.organiser_code
                                      ORDER BY e.date DESC, e.code DESC LIMIT 1""")[0]
    metrics = _as_shown(page, '[data-testid="stMetricValue"]')
    assert product in metrics
    assert page.evaluate(INJECTED) == CLEAN
    screenshot(page, "hostile-market-en-1920")
    open_tab(page, "market", "event", "en")
    captions = _as_shown(page, '[data-testid="stCaptionContainer"]')
    assert f"{place} · organised by {organiser}" in captions
    page.get_by_text('<img src=x onerror="window.pwned=1">', exact=False).first.wait_for()
    assert page.evaluate(INJECTED) == CLEAN
    screenshot(page, "hostile-market-en-1920-event")


def test_the_village_card_reads_as_typed(hostile_url, hostile_sql, page_at):
    code = "50191007"
    (village,) = hostile_sql("SELECT name_th FROM village WHERE code = ?", [code])[0]
    groups = [g for (g,) in hostile_sql("SELECT name_th FROM occupation_group WHERE village_code = ?", [code])]
    page = page_at(f"{hostile_url}/map?village={code}&section=village", PROJECTOR)
    # The card's title: the village's name as typed.
    assert village in _as_shown(page, '[data-testid="stHeading"] h3').split("\n")
    assert all(g in _as_shown(page, '[data-testid="stMarkdownContainer"]') for g in groups)
    assert page.evaluate(INJECTED) == CLEAN
    screenshot(page, "hostile-map-card")
