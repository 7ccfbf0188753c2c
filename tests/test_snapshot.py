"""The one-file snapshot: its markup escapes every value, its figures equal the app's pages and
plain SQL on the base tables, it carries nothing about a household, it reads one version of the
database, and the command line refuses bad input with a message and writes nothing."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from samma import db, snapshot
from samma.handout import FONTS
from tests.conftest import ROOT, across, whole_page
from tests.test_downloads_one_version import facts, on_live, swap_in  # noqa: F401  (a fixture)

LIMIT_MB = 3


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find(self, test) -> list[Node]:
        found = [self] if test(self) else []
        for c in self.children:
            if isinstance(c, Node):
                found += c.find(test)
        return found

    def by_class(self, name: str) -> list[Node]:
        return self.find(lambda n: name in n.attrs.get("class", "").split())


class Tree(HTMLParser):
    """The document as the browser's parser reads it (void elements: the snapshot writes only meta)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = self.at = Node("#document", {}, None)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.at)
        self.at.children.append(node)
        if tag != "meta":
            self.at = node

    def handle_endtag(self, tag):
        assert self.at.tag == tag, (self.at.tag, tag)
        self.at = self.at.parent

    def handle_data(self, data):
        self.at.children.append(data)


def figures(section: Node) -> dict[str, tuple[str, str | None]]:
    """label -> (value, note) of every headline box in a section."""
    out = {}
    for box in section.by_class("figure"):
        note = box.by_class("note")
        out[box.by_class("label")[0].text()] = (box.by_class("value")[0].text(), note[0].text() if note else None)
    return out


def table_rows(table: Node) -> list[list[str]]:
    return [[cell.text() for cell in row.find(lambda n: n.tag in ("td", "th"))]
            for row in table.find(lambda n: n.tag == "tr")]


def section(tree: Node, key: str) -> Node:
    return tree.find(lambda n: n.tag == "section" and n.attrs.get("id") == key)[0]


def made(sample_db, lang: str) -> str:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SAMMA_DB", str(sample_db))
        with db.one_version():
            return snapshot.build(lang)


@pytest.fixture(scope="module")
def thai(sample_db) -> str:
    return made(sample_db, "th")


@pytest.fixture(scope="module")
def english(sample_db) -> str:
    return made(sample_db, "en")


# --- the markup ------------------------------------------------------------------------------------

HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '"><b x="', "a & b",
           "![x](http://example.org/x.png)", "</p></section><script>alert(3)</script>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_an_element_keeps_text_and_attribute_values_as_text(text):
    markup = snapshot.element("p", text, title=text, class_="x")
    tree = Tree(markup).root
    (p,) = tree.children
    assert p.tag == "p" and p.attrs == {"title": text, "class": "x"}
    assert p.children == [text]
    nested = snapshot.element("div", snapshot.element("span", text), text)
    assert Tree(nested).root.children[0].text() == text + text


def test_json_in_a_script_cannot_end_the_script_and_reads_back_the_same():
    value = {"name": HOSTILE, "comment": "<!-- -->", "nested": [{"x": "</ScRiPt >"}]}
    text = snapshot.json_for_script(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


# --- the sample's snapshot --------------------------------------------------------------------------

def test_it_says_what_it_is_and_as_of_when(thai, english):
    th, en = Tree(thai).root, Tree(english).root
    assert th.find(lambda n: n.tag == "html")[0].attrs["lang"] == "th"
    assert th.find(lambda n: n.tag == "h1")[0].text() == "สรุปสำหรับการประชุมภาคีเครือข่ายสัมมาชีพชุมชน"
    assert "ข้อมูล ณ วันที่ 31 ต.ค. 2569" in th.text() and "Data as of 31 Oct 2026" in en.text()
    assert th.by_class("sample")[0].text() == "ข้อมูลตัวอย่าง ไม่ใช่ตัวเลขจริงของเครือข่าย"
    assert en.by_class("sample")[0].text() == "Sample data, not the network's real figures"
    headings = [h.text() for h in en.find(lambda n: n.tag == "h2")]
    assert headings == ["Overview", "Network", "Village map", "Group formation", "Funds and support", "Market", "Plan"]
    links = [a.attrs["href"] for a in en.find(lambda n: n.tag == "a")]
    assert links == ["#" + s.key for s in snapshot.SECTIONS]


def test_the_overview_figures_equal_plain_sql(thai, sql):
    shown = figures(section(Tree(thai).root, "overview"))

    def count(text):
        return f"{sql(text)[0][0]:,}"

    def baht(text):
        return f"{sql(text)[0][0]:,.0f} บาท"

    assert shown["ครัวเรือนที่เข้าร่วม"][0] == count("SELECT count(*) FROM household")
    assert shown["กลุ่มอาชีพที่จัดตั้งแล้ว"][0] == count(
        "SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL")
    assert shown["หมู่บ้านเป้าหมายที่ดำเนินการแล้ว"] == (
        count("SELECT count(DISTINCT village_code) FROM sage"),
        "จาก " + count("SELECT count(*) FROM village WHERE is_target"))
    assert shown["การสนับสนุนเป็นเงินสด"][0] == baht(
        "SELECT sum(amount_baht) FROM contribution WHERE partner_code IS NOT NULL AND kind = 'cash'")
    assert shown["การสนับสนุนที่ไม่ใช่ตัวเงิน (มูลค่า)"][0] == baht(
        "SELECT sum(amount_baht) FROM contribution WHERE partner_code IS NOT NULL AND kind = 'in_kind'")
    assert shown["ยอดขายสะสม"][0] == baht("SELECT sum(amount_baht) FROM sale")


def test_each_partners_cash_and_in_kind_equal_plain_sql(english, sql):
    funds = section(Tree(english).root, "funds")
    tables = [table_rows(t) for t in funds.find(lambda n: n.tag == "table")]
    totals = next(rows for rows in tables if rows[0][:3] == ["Partner", "Cash (baht)", "In kind (value, baht)"])
    expected = sql("""
        SELECT p.short_en,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0),
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0)
        FROM partner p LEFT JOIN contribution c ON c.partner_code = p.code
        GROUP BY p.short_en, p.rowid ORDER BY p.rowid""")
    assert [row[:3] for row in totals[1:]] == [[name, f"{cash:,.0f}", f"{in_kind:,.0f}"]
                                              for name, cash, in_kind in expected]


def test_the_market_figures_equal_plain_sql(english, sql):
    shown = figures(section(Tree(english).root, "market"))
    assert shown["Events held"][0] == f"{sql('SELECT count(*) FROM market_event')[0][0]:,}"
    assert shown["Sales at all events"][0] == f"฿{sql('SELECT sum(amount_baht) FROM sale')[0][0]:,.0f}"
    groups = sql("SELECT count(DISTINCT p.group_code) FROM sale s JOIN product p ON p.code = s.product_code")
    assert shown["Groups that have sold"][0] == f"{groups[0][0]:,}"


def test_the_networks_figures_equal_plain_sql(thai, sql):
    network = section(Tree(thai).root, "network")
    shown = figures(network)          # in Thai: the two funds' "paid in" have two words

    def ledger(bucket, entry):
        return sql("SELECT sum(amount_baht) FROM fund_entry WHERE network_code IS NOT NULL "
                   "AND bucket = ? AND entry = ?", [bucket, entry])[0][0]

    assert shown["เงินเข้า"][0] == f"{ledger('revolving', 'paid_in'):,.0f} บาท"
    assert shown["ได้รับ"][0] == f"{ledger('admin', 'paid_in'):,.0f} บาท"
    assert shown["ใช้ไป"][0] == f"{ledger('admin', 'spent'):,.0f} บาท"
    assert shown["คงเหลือ"][0] == f"{ledger('admin', 'paid_in') - ledger('admin', 'spent'):,.0f} บาท"
    seats = dict(sql("SELECT role, seats FROM committee_seat"))
    assert shown["กรรมการ"][0] == f"{seats['member']:,} คน" and shown["ประธาน"][0] == f"{seats['chair']:,} คน"


@pytest.mark.parametrize("page, key", [("overview", "overview"), ("network", "network"), ("groups", "groups"),
                                       ("funds", "funds"), ("market", "market")])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_figures_equal_the_apps(thai, english, page, key, lang):
    """Every headline box of the page, label and value (and the line under it), in the snapshot:
    the boxes of all its sections, each of which runs only as the open tab."""
    metrics = across(whole_page(page, lang), "metric")
    app = {m.label: m.value for m in metrics}
    shown = figures(section(Tree(thai if lang == "th" else english).root, key))
    assert app and {label: shown[label][0] for label in app} == app
    for m in metrics:
        if m.proto.delta:
            assert shown[m.label][1] == m.proto.delta, m.label


def test_nothing_about_a_household(thai, english, sql):
    codes = [code for (code,) in sql("SELECT code FROM household")]
    assert len(codes) > 100
    for text in (thai, english):
        assert not [c for c in codes if c in text]


def test_it_asks_for_nothing_and_runs_only_its_own_scripts(thai):
    tree = Tree(thai).root
    assert not tree.find(lambda n: any(k in n.attrs for k in ("src", "srcset", "action", "formaction")))
    assert all(a.attrs["href"].startswith("#") for a in tree.find(lambda n: n.tag == "a"))
    (style,) = tree.find(lambda n: n.tag == "style")
    assert not re.search(r"url\((?!data:)|@import", style.text())    # the stylesheet reaches nothing
    scripts = tree.find(lambda n: n.tag == "script")
    assert [s.attrs.get("type") for s in scripts] == ["application/json", None, None]
    policy = tree.find(lambda n: n.attrs.get("http-equiv") == "Content-Security-Policy")[0].attrs["content"]
    assert "default-src 'none'" in policy
    for script in scripts[1:]:
        digest = base64.b64encode(hashlib.sha256(script.text().encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    charts = tree.find(lambda n: "data-chart" in n.attrs)
    specs = json.loads(scripts[0].text())
    assert sorted(int(c.attrs["data-chart"]) for c in charts) == list(range(len(specs))) and len(specs) > 15


def test_sarabun_is_embedded(thai):
    faces = re.findall(r"@font-face \{[^}]*font-weight: (\d+);[^}]*base64,([A-Za-z0-9+/=]+)", thai)
    assert {w: base64.b64decode(data) for w, data in faces} == {
        "400": (FONTS / "Sarabun-Regular.ttf").read_bytes(), "700": (FONTS / "Sarabun-Bold.ttf").read_bytes()}


def test_it_is_small_enough_for_line(thai):
    assert len(thai.encode()) < LIMIT_MB * 2**20


def test_a_section_is_one_entry_in_the_list(sample_db, monkeypatch):
    extra = snapshot.Section("extra", "page_data", lambda lang: [snapshot.Text("<b>hello</b>")])
    monkeypatch.setattr(snapshot, "SECTIONS", [*snapshot.SECTIONS, extra])
    tree = Tree(made(sample_db, "en")).root
    added = section(tree, "extra")
    assert added.find(lambda n: n.tag == "h2")[0].text() == "Data"
    assert added.find(lambda n: n.tag == "p")[0].children == ["<b>hello</b>"]
    assert tree.find(lambda n: n.tag == "a")[-1].attrs["href"] == "#extra"


def test_the_download_reads_the_version_its_page_showed(on_live, pilot_db):  # noqa: F811
    old, new = facts(on_live), facts(pilot_db)
    with db.one_version():                        # the page's run
        build = db.keep_version(lambda: snapshot.build("en"))
    swap_in(pilot_db, on_live)                    # a load lands before the click
    tree = Tree(build()).root
    assert old["name"] in tree.text() and new["name"] not in tree.text()
    assert figures(section(tree, "overview"))["Households enrolled"][0] == f"{old['households']:,}"


# --- the command line ---------------------------------------------------------------------------------

def _samma(*args: str):
    return subprocess.run([sys.executable, "-m", "samma", *args], cwd=ROOT, env={"PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=600)


def test_the_command_writes_the_file_and_says_its_size(tmp_path, sample_db):
    target = tmp_path / "meeting.html"
    done = _samma("snapshot", str(target), "--lang", "en", "--db", str(sample_db))
    assert done.returncode == 0, done.stderr
    size = target.stat().st_size
    assert done.stdout.strip() == f"wrote {target} ({size / 2**20:.1f} MB)"
    assert size < LIMIT_MB * 2**20
    tree = Tree(target.read_text(encoding="utf-8")).root
    assert tree.find(lambda n: n.tag == "html")[0].attrs["lang"] == "en"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meeting.html"]


@pytest.fixture
def old_db(tmp_path):
    path = tmp_path / "old.duckdb"
    with gzip.open(ROOT / "tests" / "fixtures" / "schema-v1.duckdb.gz") as packed, open(path, "wb") as out:
        shutil.copyfileobj(packed, out)
    return path


@pytest.mark.parametrize("args, code, says", [
    (["--lang", "fr"], 2, "invalid choice: 'fr'"),
    (["--lang", "<script>"], 2, "invalid choice"),
    (["--db", "{missing}"], 1, "No database at"),
    (["--db", "{garbage}"], 1, "is not a readable database"),
    (["--db", "{old}"], 1, "python -m samma upgrade"),
])
def test_bad_input_is_said_and_nothing_is_written(tmp_path, sample_db, old_db, args, code, says):
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_text("not a database")
    paths = {"{missing}": str(tmp_path / "nowhere.duckdb"), "{garbage}": str(garbage), "{old}": str(old_db)}
    target = tmp_path / "out" / "meeting.html"
    target.parent.mkdir()
    target.write_text("the earlier snapshot")
    args = [paths.get(a, a) for a in args]
    done = _samma("snapshot", str(target), *args, *([] if "--db" in args else ["--db", str(sample_db)]))
    assert done.returncode == code
    assert says in done.stderr and "Traceback" not in done.stderr
    assert target.read_text() == "the earlier snapshot"
    assert [p.name for p in target.parent.iterdir()] == ["meeting.html"]


@pytest.mark.parametrize("name, code, says", [
    ("meeting.pdf", 2, "must end in .html"),
    ("meeting", 2, "must end in .html"),
    ("no-such-folder/meeting.html", 1, "its folder does not exist or is not writable"),
    ("a-file/meeting.html", 1, "its folder does not exist or is not writable"),
])
def test_a_bad_target_is_said_before_the_database_is_read(tmp_path, name, code, says):
    (tmp_path / "a-file").write_text("a file, not a folder")
    before = sorted(p.name for p in tmp_path.iterdir())
    # A database that does not exist: the target is refused first.
    done = _samma("snapshot", str(tmp_path / name), "--db", str(tmp_path / "nowhere.duckdb"))
    assert done.returncode == code and says in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
