"""Data as text: `i18n.escape` makes every construct Streamlit's Markdown knows inert and leaves
ordinary Thai and English names as they are; `t` escapes the data it is given, `t_plain` does
not; and the pages put a hostile name into their Markdown escaped (AppTest: the element's body
as Streamlit sends it to the browser). Chromium shows the result in
tests/browser/test_hostile_data_browser.py."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samma import workbook
from samma.i18n import WORD_JOINER, Text, baht, date, escape, number, t, t_plain
from tests.conftest import across, as_read, load_edited, open_page, whole_page

WJ = "\u2060"      # written out here, not taken from the code under test
assert WORD_JOINER == WJ

# Each construct, and what it must become: written out by hand.
CONSTRUCTS = [
    # images (an outside fetch), links, autolinks, reference links, footnotes
    ("![x](http://evil.test/p.png)", f"\\!\\[x\\](http\\:{WJ}//evil.test/p.png)"),
    ("[x](http://evil.test/)", f"\\[x\\](http\\:{WJ}//evil.test/)"),
    ("<http://evil.test/a>", f"\\<http\\:{WJ}//evil.test/a\\>"),
    ("[x][r]\n\n[r]: http://evil.test/r", f"\\[x\\]\\[r\\]\n\n\\[r\\]\\:{WJ} http\\:{WJ}//evil.test/r"),
    ("[^1]\n\n[^1]: note", f"\\[^1\\]\n\n\\[^1\\]\\:{WJ} note"),
    # bare URLs and e-mail addresses, which GitHub Markdown links by itself
    ("see http://evil.test/x", f"see http\\:{WJ}//evil.test/x"),
    ("https://evil.test", f"https\\:{WJ}//evil.test"),
    ("www.evil.test and WWW.Evil.test", f"www{WJ}.evil.test and WWW{WJ}.Evil.test"),
    ("mail a@evil.test", f"mail a@{WJ}evil.test"),
    # HTML and entities
    ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
    ("&lt;b&gt; &amp; &#65;", "\\&lt;b\\&gt; \\&amp; \\&#65;"),
    # Streamlit's directives, icons, emoji shortcodes and math
    (":red[x] :blue-background[y]", f"\\:{WJ}red\\[x\\] \\:{WJ}blue-background\\[y\\]"),
    (":material/warning:", f"\\:{WJ}material/warning\\:{WJ}"),
    (":smile: :+1:", f"\\:{WJ}smile\\:{WJ} \\:{WJ}+1\\:{WJ}"),
    ("$x^2$ and $$y$$", "\\$x^2\\$ and \\$\\$y\\$\\$"),
    # emphasis, strikethrough, code, tables, backslashes
    ("**b** _i_ ~~s~~ `c`", "\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\`c\\`"),
    ("a | b", "a \\| b"),
    ("a\\*b", "a\\\\\\*b"),
    # what counts at the start of a line: headings, lists, quotes, underlines
    ("# Moo 1", "\\# Moo 1"),
    ("1. item", "1\\. item"),
    ("2) item", "2\\) item"),
    ("- item", "\\- item"),
    ("+ item", "\\+ item"),
    ("* item", "\\* item"),
    ("> quote", "\\> quote"),
    ("Title\n===", "Title\n\\==="),
    ("Title\n---", "Title\n\\---"),
    ("ok\n# no heading\n  - no list\n3. no item", "ok\n\\# no heading\n  \\- no list\n3\\. no item"),
    ("ok\r# no heading\r\n- no list", "ok\n\\# no heading\n\\- no list"),
]
# Nothing in these needs escaping: they come out exactly as they went in.
ORDINARY = ["กลุ่มทอผ้า หมู่ 3", "Moo 1 (Ban Nong)", "บ้านหนองหอย ต.ท่าวังตาล", "Tha Wang Tan, Saraphi",
            "ลำไยอบแห้ง 1.5 กก.", "-5", "2024-01-01", "C-3PO", "เกลือ\u0301 🥭", "1,234 บาท", "฿1,234.50",
            "−2,500 บาท", "15 ม.ค. 2568", "#1 seller", "3.5 km", "x=1"]


@pytest.mark.parametrize(("value", "expected"), CONSTRUCTS)
def test_every_markdown_construct_comes_out_inert(value, expected):
    assert escape(value) == expected


def test_line_starts_count_only_at_the_start_of_a_line():
    # "#1 seller" above is no heading ("#" with no space) but is escaped all the same at a line's
    # start: cheap, and Markdown shows it as typed. Inside a line nothing of the kind is touched.
    assert escape("#1 seller") == "\\#1 seller"
    assert escape("Moo 1. Ban - Nong + 2) #3") == "Moo 1. Ban - Nong + 2) #3"


@pytest.mark.parametrize("value", [v for v in ORDINARY if not v.startswith("#")])
def test_ordinary_names_come_out_unchanged(value):
    assert escape(value) == value


def test_page_text_is_not_escaped_twice():
    once = escape("[x](y)")
    assert isinstance(once, Text) and escape(once) is once
    line = t("dataset", "en", name="[x](y)")
    assert line == "Dataset: \\[x\\](y)"
    assert t("dataset", "en", name=line) == "Dataset: Dataset: \\[x\\](y)"


def test_t_escapes_data_and_leaves_its_own_words_and_figures():
    assert t("card_where", "th", subdistrict="*ท่า* วังตาล", district="[สารภี](http://x.test)",
             stage=t("stage_group", "th"), next="1. x") == (
        "ต.\\*ท่า\\* วังตาล อ.\\[สารภี\\](http\\:\u2060//x.test) · ขั้น: ตั้งกลุ่มแล้ว · ขั้นต่อไป: 1\\. x")
    # Figures as the page writes them stay as they are.
    assert t("of_target", "th", actual=baht(-1234.5, "th", 2), target=number(20)) == "−1,234.50 บาท จาก 20"
    assert t("as_of", "th", date=date(dt.date(2026, 10, 31), "th")) == "ข้อมูล ณ วันที่ 31 ต.ค. 2569"
    assert isinstance(t("page_map", "th"), Text)


def test_t_plain_leaves_data_as_it_is():
    assert t_plain("qty_unit", "en", n="3", unit="*kg* [x](y)") == "3 *kg* [x](y)"


# Any text, escaped, reads back as itself once Markdown has taken its escapes away; and no
# character that starts a construct is left unescaped.
ALPHABET = st.sampled_from(list("ab 1.\n\r\t#-+=>*_`[]()!<&$~|:@\\/wW") + ["ก", "ไ", "🥭", "\u0301"])


@given(st.text(ALPHABET, max_size=40))
def test_escaped_text_reads_back_as_typed(value):
    escaped = escape(value)
    assert as_read(escaped) == value.replace("\r\n", "\n").replace("\r", "\n")
    bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped)
    assert not re.search(r"[`*_\[\]<>&$~|!:\\]", bare)
    assert not re.search(r"^[ \t]*(#|[-+=]([ \t]|$)|\d+[.)]([ \t]|$))", escaped, re.MULTILINE)
    assert not re.search(r"https?:/|www\.|@[\w-]|:[\w+-]", bare.replace(WJ, "\0"))


# --- the pages -------------------------------------------------------------------------------

IMAGE = "![x](http://evil.test/p.png)"
IMAGE_ESCAPED = f"\\!\\[x\\](http\\:{WJ}//evil.test/p.png)"
VILLAGE = "50191007"


@pytest.fixture(scope="module")
def marked(tmp_path_factory, sample_db):
    """The sample with IMAGE before every name the Map, Market and Network pages write into
    text: the dataset, villages, subdistricts, districts, groups, occupations, partners, events,
    places, products, networks."""
    def edit(rows):
        def mark(sheet, *columns):
            keys = [c.key for c in next(s for s in workbook.SHEETS if s.name == sheet).columns]
            at = [keys.index(c) for c in columns]
            rows[sheet] = [tuple(f"{IMAGE} {v}" if i in at and v else v for i, v in enumerate(r))
                           for r in rows[sheet]]
        mark("dataset", "name_th", "name_en")
        for sheet in ("district", "subdistrict", "village", "occupation", "occupation_group",
                      "market_event", "product", "network"):
            mark(sheet, "name_th", "name_en")
        mark("market_event", "place_th", "place_en")
        mark("partner", "short_th", "short_en")

    return load_edited(sample_db, tmp_path_factory.mktemp("marked") / "marked.duckdb", edit)


@pytest.fixture
def on_marked(marked, monkeypatch):
    monkeypatch.setenv("SAMMA_DB", str(marked))


def _bodies(elements) -> list[str]:
    return [e.proto.body for e in elements]


# A page runs only its open tab's section: the whole page is every section's run (`whole_page`),
# its elements one section after another (`across`).

@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_map_card_writes_names_escaped(on_marked, lang):
    at = whole_page("map", lang, village=VILLAGE)
    assert any(s.proto.body.startswith(IMAGE_ESCAPED + " ") for s in across(at, "subheader"))   # the village
    captions = _bodies(across(at, "caption"))
    assert IMAGE_ESCAPED in captions[0]                                         # the dataset
    assert any(c.count(IMAGE_ESCAPED) == 2 for c in captions)                # subdistrict, district
    assert IMAGE not in " ".join(captions)
    markdown = _bodies(across(at, "markdown"))
    groups = [b for b in markdown if b.count(IMAGE_ESCAPED) == 2]              # group, occupation
    assert groups and not any(IMAGE in b for b in markdown)


def test_the_market_page_writes_names_escaped(on_marked):
    at = whole_page("market", "en")
    best = next(m for m in across(at, "metric") if m.label == "Best-selling product")
    assert best.proto.body.startswith(IMAGE_ESCAPED + " ")
    captions, markdown = _bodies(across(at, "caption")), _bodies(across(at, "markdown"))
    place = next(c for c in captions if "organised by" in c)
    assert place.startswith(IMAGE_ESCAPED) and place.count(IMAGE_ESCAPED) == 2  # place, organiser
    run_by = [b for b in markdown if "**  \nby " in b]                       # a training: its kind, who ran it
    assert run_by and all(IMAGE_ESCAPED in b and IMAGE not in b for b in run_by)
    assert IMAGE not in " ".join(captions + markdown)
    # The header's dataset name on every page goes through the same words.
    assert any(c.count(IMAGE_ESCAPED) == 1 and "Dataset" in c for c in captions)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_network_page_writes_its_name_escaped(on_marked, lang):
    at = whole_page("network", lang)
    headers = _bodies(across(at, "header"))
    assert headers[0].startswith(IMAGE_ESCAPED + " ")                         # the network
    captions = _bodies(across(at, "caption"))
    where = next(c for c in captions if ("จัดตั้งเมื่อ" if lang == "th" else "founded") in c)
    assert where.count(IMAGE_ESCAPED) == 2                                   # subdistrict, district
    assert IMAGE not in " ".join(headers + captions + _bodies(across(at, "markdown")))


def test_map_tooltips_are_plain_text_with_names_as_typed(on_marked):
    """deck.gl writes a `text` tooltip with innerText (an `html` one with innerHTML): the names
    go in as typed, with no Markdown escapes to show."""
    at = open_page("map", "en")
    (chart,) = at.get("deck_gl_json_chart")
    assert json.loads(chart.proto.tooltip) == {"text": "{tooltip}"}
    tooltips = [row["tooltip"] for layer in json.loads(chart.proto.json)["layers"]
                for row in layer["data"] if isinstance(row, dict) and "tooltip" in row]
    assert tooltips and all(tip.startswith(IMAGE + " ") for tip in tooltips)
    assert not any("\\" in tip or WJ in tip for tip in tooltips)
