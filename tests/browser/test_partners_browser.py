"""The Partners page in real Chromium: on the projector in Thai (its four parts, the step from
the link), on a phone in English (no sideways scrolling; choosing a step puts it in the link),
and the Overview's line that leads to it."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, open_tab, screenshot, wait_until_done


def _body(page) -> str:
    return page.locator('[data-testid="stMainBlockContainer"]').inner_text()


def test_partners_on_the_projector_in_thai(app_url, page_at, sql):
    # In projector mode one section a screen: the four, each from its own link.
    shown = []
    for section, heading in (("who_gives_what", "แต่ละภาคีทำอะไร และสนับสนุนอะไรไปแล้ว"),
                             ("pledges", "คำมั่นของภาคีเทียบกับสิ่งที่ส่งมอบแล้ว"),
                             ("actions", "งานที่มอบหมายซึ่งยังไม่แล้วเสร็จ"),
                             ("decisions", "มติที่ประชุม ปัญหาและอุปสรรค")):
        page = page_at(f"{app_url}/partners?projector=1&pledge_step=year3&section={section}", PROJECTOR)
        page.get_by_role("heading", name=heading).wait_for()
        if section == "actions":
            expect(page.locator('[data-testid="stMainBlockContainer"]')).to_contain_text("เลยกำหนด")
        elif section == "decisions":
            expect(page.locator('[data-testid="stMainBlockContainer"]')).to_contain_text(
                "ปัญหาและอุปสรรคที่อยู่ระหว่างแก้ไข")
        else:
            page.locator('[data-testid="stDataFrame"]').first.wait_for()
        shown.append(_body(page))
    body = "\n".join(shown)
    # The 3-year step from the link: two of its pledges partly delivered, the others coming up.
    year3 = sql("SELECT count(*) FROM pledge WHERE step = 'year3'")[0][0]
    assert f"ยังไม่ถึงกำหนด {year3 - 2}" in body and "ส่งมอบบางส่วน 2" in body
    assert "มติที่ประชุมครั้งล่าสุด วันที่ 24 ก.ย. 2569" in body          # the meeting's date, BE
    # Open actions, the overdue one first; the last meeting's decisions and the open problems.
    open_, overdue = sql("SELECT count(*), count(*) FILTER (WHERE due < (SELECT as_of FROM dataset)) "
                         "FROM action WHERE status = 'open'")[0]
    assert f"งานที่ยังไม่เสร็จ {open_} เรื่อง (เลยกำหนดแล้ว {overdue} เรื่อง)" in body
    for (text,) in sql("SELECT text_th FROM decision WHERE meeting_code = "
                       "(SELECT code FROM meeting ORDER BY date DESC LIMIT 1)"):
        assert text in body
    for (text,) in sql("SELECT response_th FROM problem WHERE status = 'open'"):
        assert text in body
    screenshot(page, "partners-projector")


def test_partners_on_a_phone_in_english_and_the_step_in_the_link(app_url, page_at, sql):
    page = page_at(f"{app_url}/partners?lang=en&section=pledges", PHONE)
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    # The step just reviewed (1 year) unless the link names another: DTAC's training is overdue.
    expect(page.locator('[data-testid="stMainBlockContainer"]')).to_contain_text(
        "Delivered 4 · partly 0 · overdue 1 · coming up 0")
    assert no_horizontal_scroll(page)
    screenshot(page, "partners-phone-en")
    page.get_by_role("radio", name="Quarter").click()
    page.wait_for_url("**pledge_step=quarter**")
    wait_until_done(page)
    quarter = sql("SELECT count(*) FROM pledge WHERE step = 'quarter'")[0][0]
    expect(page.locator('[data-testid="stMainBlockContainer"]')).to_contain_text(
        f"Delivered {quarter} · partly 0 · overdue 0 · coming up 0")
    assert "lang=en" in page.url and no_horizontal_scroll(page)
    # The decisions' tab: the last meeting's, beside the problems still open.
    open_tab(page, "partners", "decisions", "en")
    body = _body(page)
    assert "Last meeting's decisions, 24 Sep 2026" in body and "Problems and obstacles still open" in body
    assert "pledge_step=quarter" in page.url and no_horizontal_scroll(page)
    screenshot(page, "partners-phone-en-decisions")


def test_the_overview_leads_to_the_open_actions(app_url, page_at, sql):
    page = page_at(f"{app_url}/overview?section=network", PROJECTOR)
    open_, overdue = sql("SELECT count(*), count(*) FILTER (WHERE due < (SELECT as_of FROM dataset)) "
                         "FROM action WHERE status = 'open'")[0]
    link = page.get_by_role("link", name=f"ยังไม่เสร็จ {open_} เรื่อง (เลยกำหนดแล้ว {overdue} เรื่อง)")
    link.click()
    page.wait_for_url("**/partners?section=actions**")
    wait_until_done(page)
    expect(page.get_by_role("tab", name="งานที่มอบหมายซึ่งยังไม่แล้วเสร็จ")).to_have_attribute("aria-selected", "true")
    expect(page.locator('[data-testid="stMainBlockContainer"]')).to_contain_text(
        f"งานที่ยังไม่เสร็จ {open_} เรื่อง (เลยกำหนดแล้ว {overdue} เรื่อง)")
