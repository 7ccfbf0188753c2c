"""The Partners page (AppTest): who gives what, one step's pledges against delivery, the open
actions overdue first, the last meeting's decisions and the open problems, each figure against
plain SQL on the base tables; the step in the link; a hostile text in every new text column
written escaped; the Overview's line; the handout's two sections; and a dataset without any of
it saying it is not recorded."""

from __future__ import annotations

import pytest

from samma import handout, workbook
from samma.i18n import WORD_JOINER, date
from tests.conftest import _plain_sql, as_read, load_edited, open_page, whole_page
from tests.test_coordination import expected_delivered

STATUS_TH = {"delivered": "ส่งมอบครบแล้ว", "partly": "ส่งมอบบางส่วน", "overdue": "เลยกำหนด",
             "coming_up": "ยังไม่ถึงกำหนด"}


def _statuses(sql, step: str) -> dict[int, str]:
    """Each of a step's pledges' status, by hand: delivered when what came covers the amount,
    else overdue after the due date, else partly or coming up."""
    as_of = sql("SELECT as_of FROM dataset")[0][0]
    delivered = expected_delivered(sql)
    out = {}
    for id_, amount, due in sql("SELECT id, amount::DOUBLE, due FROM pledge WHERE step = ?", [step]):
        got = delivered[id_]
        out[id_] = ("delivered" if got >= amount else "overdue" if due < as_of
                    else "partly" if got > 0 else "coming_up")
    return out


def _markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_page_in_thai_against_plain_sql(sql):
    at = open_page("partners")
    # The sections are tabs named by their titles; the first is open when the link names none.
    assert [tab.label for tab in at.tabs] == [
        "แต่ละภาคีทำอะไร และสนับสนุนอะไรไปแล้ว", "คำมั่นของภาคีเทียบกับสิ่งที่ส่งมอบแล้ว",
        "งานที่มอบหมายซึ่งยังไม่แล้วเสร็จ", "มติที่ประชุม ปัญหาและอุปสรรค"]
    assert not at.subheader                     # a title is its tab's label, not drawn again
    texts = _markdown(at)
    # Who does what: the frame's boxes, then every partner with cash and in kind apart.
    assert texts[0] == "**ชุมชนลงมือทำ**  \nศอช.อ. · กพส.อ."
    partners = at.dataframe[0].value
    given = {short: (f"{cash:,.0f} บาท", f"{in_kind:,.0f} บาท") for short, cash, in_kind in sql("""
        SELECT p.short_th, coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0),
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0)
        FROM partner p LEFT JOIN contribution c ON c.partner_code = p.code GROUP BY 1""")}
    assert {r["ภาคี"]: (r["เงินสด"], r["ไม่ใช่ตัวเงิน"]) for _, r in partners.iterrows()} == given
    assert set(partners["ภาคส่วน"]) == {"ภาครัฐ", "ภาคเอกชน", "ภาคประชาสังคม", "ภาควิชาการ", "ภาคชุมชน"}
    # The step just reviewed (1 year) by default: its pledges with their status in words.
    at = open_page("partners", section="pledges")
    texts = _markdown(at)
    statuses = _statuses(sql, "year1")
    counts = {s: list(statuses.values()).count(s) for s in STATUS_TH}
    assert (f"**ส่งมอบครบแล้ว {counts['delivered']} · ส่งมอบบางส่วน {counts['partly']} · "
            f"เลยกำหนด {counts['overdue']} · ยังไม่ถึงกำหนด {counts['coming_up']}**") in texts
    pledges = at.dataframe[0].value
    shown = {(w, s.split(" ", 1)[1]) for w, s in zip(pledges["สิ่งที่ให้คำมั่น"], pledges["สถานะ"])}
    assert shown == {(w, STATUS_TH[statuses[i]]) for i, w in sql(
        "SELECT id, what_th FROM pledge WHERE step = 'year1'")}
    assert "30 มิ.ย. 2569" in set(pledges["ครบกำหนด"])                 # DTAC's, in the Buddhist Era


def test_actions_decisions_and_problems_against_plain_sql(sql):
    texts = _markdown(open_page("partners", section="actions"))
    as_of = sql("SELECT as_of FROM dataset")[0][0]
    actions = sql("SELECT text_th, due, due < ? FROM action WHERE status = 'open' ORDER BY due, id", [as_of])
    overdue = sum(late for _, _, late in actions)
    assert f"**งานที่ยังไม่เสร็จ {len(actions)} เรื่อง (เลยกำหนดแล้ว {overdue} เรื่อง)**" in texts
    lines = next(t for t in texts if t.startswith("- **✗")).split("\n")
    assert len(lines) == len(actions)
    for line, (text, due, late) in zip(lines, actions):       # overdue first, then by due date
        assert text in line and date(due, "th") in line and ("เลยกำหนด" in line) == late
    at = open_page("partners", section="decisions")
    texts = _markdown(at)
    decisions = [text for (text,) in sql("SELECT text_th FROM decision WHERE meeting_code = "
                                         "(SELECT code FROM meeting ORDER BY date DESC LIMIT 1) ORDER BY seq")]
    assert "\n".join(f"{n}. {text}" for n, text in enumerate(decisions, 1)) in texts
    latest = sql("SELECT date, place_th FROM meeting ORDER BY date DESC LIMIT 1")[0]
    assert f"**มติที่ประชุมครั้งล่าสุด วันที่ {date(latest[0], 'th')}**" in texts
    assert f"ณ {latest[1]}" in [c.value for c in at.caption]
    problems = sql("SELECT text_th, response_th FROM problem WHERE status = 'open' ORDER BY id")
    listed = next(t for t in texts if t.startswith("- **") and "แนวทางแก้ไข" in t)
    assert listed.count("\n") == len(problems) - 1
    assert all(p in as_read(listed) and r in as_read(listed) for p, r in problems)


def test_the_step_in_the_link_and_in_english(sql):
    at = open_page("partners", "en", section="pledges", pledge_step="year3")
    statuses = _statuses(sql, "year3")
    counts = {s: list(statuses.values()).count(s) for s in STATUS_TH}
    assert (f"**Delivered {counts['delivered']} · partly {counts['partly']} · overdue {counts['overdue']} · "
            f"coming up {counts['coming_up']}**") in _markdown(at)
    pledges = at.dataframe[0].value
    # What was promised in English, or the Thai where none was written; baht or a count.
    assert set(pledges["Pledge"]) == {coalesce for (coalesce,) in sql(
        "SELECT coalesce(what_en, what_th) FROM pledge WHERE step = 'year3'")}
    assert "฿80,000" in set(pledges["Pledged"]) and "3×" in set(pledges["Pledged"])
    assert "12 (by hand)" in set(pledges["Delivered"])
    bad = open_page("partners", "en", section="pledges", pledge_step="year9")
    assert any("pledge_step" in as_read(w.value) for w in bad.warning)
    assert "**Delivered 4 · partly 0 · overdue 1 · coming up 0**" in _markdown(bad)   # the default


def test_the_overview_links_to_the_open_actions(sql):
    at = open_page("overview", section="network")
    open_, overdue = sql("SELECT count(*), count(*) FILTER (WHERE due < (SELECT as_of FROM dataset)) "
                         "FROM action WHERE status = 'open'")[0]
    (link,) = [p for p in at.get("page_link") if "partners" in p.proto.page]
    assert link.proto.label == (f"งานที่มอบหมายจากการประชุมภาคี: ยังไม่เสร็จ {open_} เรื่อง "
                                f"(เลยกำหนดแล้ว {overdue} เรื่อง)")


def test_the_handout_carries_the_open_actions_and_the_last_decisions(sql):
    *_, actions, decisions = handout.sections("th")
    expected = sql("SELECT text_th, due FROM action WHERE status = 'open' ORDER BY due, id")
    assert [(r[0], r[2].split(" · ")[0]) for r in actions.rows] == [(t, date(d, "th")) for t, d in expected]
    assert actions.rows[0][2].endswith("เลยกำหนด") and actions.rows[0][1] == "คณะกรรมการเครือข่าย"
    latest = sql("SELECT code, date FROM meeting ORDER BY date DESC LIMIT 1")[0]
    assert decisions.title == f"มติที่ประชุมครั้งล่าสุด ({date(latest[1], 'th')})"
    assert [r[0] for r in decisions.rows] == [f"{n}. {t}" for n, t in sql(
        "SELECT seq, text_th FROM decision WHERE meeting_code = ? ORDER BY seq", [latest[0]])]
    assert handout.pdf("th")[:4] == b"%PDF"


# --- what an older workbook leaves out --------------------------------------------------------

@pytest.fixture(scope="module")
def without_coordination(tmp_path_factory, sample_db):
    def edit(rows):
        for name in ("pledge", "meeting", "decision", "action", "problem"):
            rows[name] = []
    return load_edited(sample_db, tmp_path_factory.mktemp("none") / "none.duckdb", edit)


def test_without_pledges_or_meetings_the_page_says_they_are_not_recorded(without_coordination, monkeypatch):
    monkeypatch.setenv("SAMMA_DB", str(without_coordination))
    infos = [i.value for at in whole_page("partners").values() for i in at.info]
    assert infos == ["ยังไม่มีการบันทึกคำมั่นของภาคี (แผ่นงาน pledge)",
                     "ยังไม่มีการบันทึกการประชุมภาคี (แผ่นงาน meeting)"]
    overview = open_page("overview", "en", section="network")
    assert any(p.proto.label == "Actions from the partners' meetings: 0 open, 0 of them overdue"
               for p in overview.get("page_link"))
    *_, actions, decisions = handout.sections("en")
    assert actions.rows == [("No open actions", "", "")]
    assert decisions.rows == [("No partners' meetings are recorded (sheet meeting)",)]


# --- hostile text -----------------------------------------------------------------------------

IMAGE = "![x](http://evil.test/p.png)"
IMAGE_ESCAPED = f"\\!\\[x\\](http\\:{WORD_JOINER}//evil.test/p.png)"


@pytest.fixture(scope="module")
def marked(tmp_path_factory, sample_db):
    """The sample with IMAGE before every text of the new sheets, and before the partners' short
    names (the frame's boxes and the actions' owners write them into Markdown)."""
    def edit(rows):
        def mark(sheet, *columns):
            keys = [c.key for c in workbook.SHEET[sheet].columns]
            at = [keys.index(c) for c in columns]
            rows[sheet] = [tuple(f"{IMAGE} {v}" if i in at and v else v for i, v in enumerate(r))
                           for r in rows[sheet]]
        mark("pledge", "what_th", "what_en")
        mark("meeting", "place_th", "place_en")
        mark("decision", "text_th", "text_en")
        mark("action", "text_th", "text_en")
        mark("problem", "text_th", "text_en", "response_th", "response_en")
        mark("partner", "short_th", "short_en")

    return load_edited(sample_db, tmp_path_factory.mktemp("marked") / "marked.duckdb", edit)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_new_text_is_written_escaped(marked, monkeypatch, lang):
    monkeypatch.setenv("SAMMA_DB", str(marked))
    shown = whole_page("partners", lang)
    bodies = ([m.proto.body for at in shown.values() for m in at.markdown]
              + [c.proto.body for at in shown.values() for c in at.caption])
    assert IMAGE not in " ".join(bodies)
    frame = shown["who_gives_what"].markdown[0].proto.body
    actions = next(b for b in bodies if b.startswith("- **✗"))
    assert frame.count(IMAGE_ESCAPED) == 2                                   # two partners
    assert actions.count(IMAGE_ESCAPED) == 6 + 3                 # each action, three partners'
    decisions = next(b for b in bodies if b.startswith("1. "))
    assert decisions.count(IMAGE_ESCAPED) == decisions.count("\n") + 1
    problems = next(b for b in bodies if "แนวทางแก้ไข" in b or "What is being done" in b)
    assert problems.count(IMAGE_ESCAPED) == 2 * (problems.count("\n") + 1)
    assert any(IMAGE_ESCAPED in c.proto.body for c in shown["decisions"].caption)   # the meeting's place
    # Tables show the text as typed: no escapes to see.
    assert all(w.startswith(IMAGE) for w in shown["pledges"].dataframe[0].value.iloc[:, 1])


# --- by area: pledges and meetings are a network's ----------------------------------------------

OTHER = "501901"      # a subdistrict of the sample that has no network of its own


@pytest.fixture(scope="module")
def two_networks(tmp_path_factory, sample_db):
    """The sample with a second network, in OTHER: the first meeting (its decisions) and the
    3-year pledges are its own."""
    def edit(rows):
        rows["network"].append(("N" + OTHER, OTHER, "เครือข่ายทดสอบ", "Test network", rows["network"][0][4]))
        first = min(rows["meeting"], key=lambda m: m[1])[0]
        rows["meeting"] = [(*m[:4], "N" + OTHER) if m[0] == first else m for m in rows["meeting"]]
        rows["pledge"] = [(*p[:2], "N" + OTHER, *p[3:]) if p[3] == "year3" else p for p in rows["pledge"]]
    return load_edited(sample_db, tmp_path_factory.mktemp("two") / "two.duckdb", edit)


@pytest.fixture(scope="module")
def two_sql(two_networks):
    yield from _plain_sql(two_networks)


def _pledge_lines(sql, subdistrict: str, step: str) -> set[str]:
    return {w for (w,) in sql("""SELECT what_th FROM pledge p JOIN network n ON n.code = p.network_code
                                  WHERE n.subdistrict_code = ? AND step = ?""", [subdistrict, step])}


@pytest.mark.parametrize("subdistrict", [OTHER, "501910"])
def test_an_area_shows_its_own_networks_pledges_and_meetings(two_networks, two_sql, monkeypatch, subdistrict):
    monkeypatch.setenv("SAMMA_DB", str(two_networks))
    shown = whole_page("partners", subdistrict=subdistrict, pledge_step="year3")
    year3 = _pledge_lines(two_sql, subdistrict, "year3")
    if year3:
        assert set(shown["pledges"].dataframe[0].value["สิ่งที่ให้คำมั่น"]) == year3
    else:
        assert "ไม่มีคำมั่นสำหรับขั้นนี้" in [i.value for i in shown["pledges"].info]
    texts = _markdown(shown["decisions"])
    (meeting, day), = two_sql("""SELECT m.code, m.date FROM meeting m JOIN network n ON n.code = m.network_code
                                 WHERE n.subdistrict_code = ? ORDER BY m.date DESC LIMIT 1""", [subdistrict])
    assert f"**มติที่ประชุมครั้งล่าสุด วันที่ {date(day, 'th')}**" in texts
    decisions = two_sql("SELECT seq, text_th FROM decision WHERE meeting_code = ? ORDER BY seq", [meeting])
    assert "\n".join(f"{n}. {text}" for n, text in decisions) in texts
    (open_,), = two_sql("""SELECT count(*) FROM action a JOIN meeting m ON m.code = a.meeting_code
                          JOIN network n ON n.code = m.network_code
                          WHERE a.status = 'open' AND n.subdistrict_code = ?""", [subdistrict])
    assert any(t.startswith(f"**งานที่ยังไม่เสร็จ {open_} เรื่อง") for t in _markdown(shown["actions"]))
    # The partners work with every network: the list of them is the whole program's, and says so.
    at = shown["who_gives_what"]
    assert len(at.dataframe[0].value) == two_sql("SELECT count(*) FROM partner")[0][0]
    assert "ภาคีทำงานร่วมกับทุกเครือข่าย ยอดการสนับสนุนที่ให้ไปแล้วจึงเป็นยอดรวมของทุกเครือข่าย" in [c.value for c in at.caption]


def test_an_area_without_a_network_says_so_and_a_bad_area_shows_every_network(two_networks, monkeypatch):
    monkeypatch.setenv("SAMMA_DB", str(two_networks))
    empty = whole_page("partners", "en", subdistrict="501902")
    assert [i.value for at in empty.values() for i in at.info] == [
        "No partner pledges are recorded for the networks in this area",
        "No partners' meetings are recorded for the networks in this area"]
    assert "**0 open actions, 0 of them overdue**" in _markdown(empty["actions"])
    bad = open_page("partners", "en", section="decisions", subdistrict="9'; DROP TABLE pledge;--")
    assert any("subdistrict" in as_read(w.value) for w in bad.warning)
    # Every network's: the later meeting is the sample network's.
    assert "**Last meeting's decisions, 24 Sep 2026**" in _markdown(bad)
