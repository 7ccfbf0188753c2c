"""The words and figures the Network, Market, Funds and What-if pages draw, as their builders in
samma/tables.py make them: labels, values, help, lines under a value and verdicts, against
strings written out by hand."""

import pandas as pd

from samma import funds, tables

SPLIT = {"revolving_paid_in": 70_000.0, "passed_on": 20_000.0, "capital": 52_500.0, "floor": 50_000.0,
         "on_loan": 31_000.0, "admin_paid_in": 30_000.0, "admin_spent": 12_345.0, "admin_left": 17_655.0,
         "loans": 4, "overdue_loans": 0, "overdue_baht": 0.0}


def test_a_networks_5k_by_the_day_each_was_reached_or_not_yet():
    # As queries.network_detail gives it: a K not reached is None, not NaT.
    five_k = pd.DataFrame({"k": ["committee", "members", "rules"], "reached": pd.Series(
        [pd.Timestamp("2017-05-20"), pd.Timestamp("2018-01-03"), None], dtype=object)})
    assert tables.five_k_boxes(five_k, "en") == [("Committee", "20 May 2017", None),
                                                 ("Members", "3 Jan 2018", None), ("Rules", "Not yet", None)]
    assert tables.five_k_boxes(five_k, "th")[0] == ("กรรมการ", "20 พ.ค. 2560", None)
    assert tables.five_k_boxes(five_k, "th")[2] == ("กฎระเบียบ", "ยังไม่มี", None)


def test_a_networks_5k_all_in_place_or_the_next_one_missing():
    assert tables.five_k_verdict({"next_k": None, "ks": 5}, "en") == (
        "success", "All 5 K in place: the network is formed", ":material/check_circle:")
    assert tables.five_k_verdict({"next_k": float("nan"), "ks": 5}, "en")[0] == "success"
    assert tables.five_k_verdict({"next_k": "fund", "ks": 3}, "en") == (
        "warning", "3 of the 5 K in place · next missing: Fund", ":material/pending:")
    assert tables.five_k_verdict({"next_k": "fund", "ks": 3}, "th")[1] == "มีแล้ว 3 จาก 5 ก. · ก. ถัดไปที่ยังขาด: กองทุน"


def test_a_committee_by_seats_never_names():
    seats = pd.DataFrame({"role": ["chair", "treasurer", "member"], "seats": [1, 1, 11]})
    assert tables.committee_boxes(seats, "th") == [("ประธาน", "1 คน", None), ("เหรัญญิก", "1 คน", None),
                                                   ("กรรมการ", "11 คน", None)]
    assert [value for _, value, _ in tables.committee_boxes(seats, "en")] == ["1", "1", "11"]


def test_a_networks_revolving_fund_its_floor_in_the_capitals_help():
    assert tables.network_fund_boxes(SPLIT, "en") == [
        ("Paid in", "฿70,000", None), ("Passed on to groups", "฿20,000", None),
        ("Capital now", "฿52,500", "Paid in − passed on + profit − losses · must not fall below ฿50,000 "
                                   "(paid in − passed on)"),
        ("Out on loan", "฿31,000", None)]
    assert tables.network_fund_boxes(SPLIT, "th")[0] == ("เงินเข้า", "70,000 บาท", None)


def test_a_networks_capital_above_or_below_its_floor():
    assert tables.revolving_verdict(SPLIT, "en") == (
        "success", "The fund is ฿2,500 above what was paid in: no capital lost", ":material/check_circle:")
    lost = {**SPLIT, "capital": 49_000.0}
    assert tables.revolving_verdict(lost, "en") == (
        "error", "The fund is ฿1,000 below what was paid in: capital has been lost, against the condition",
        ":material/error:")
    # A satang under is not a loss (funds.EXACT_BAHT); the Funds page gives a month's row, not a dict.
    month = pd.Series({"capital": 49_999.996, "floor": 50_000.0, "on_loan": 0.0})
    assert tables.revolving_verdict(month, "en")[0] == "success"


def test_a_networks_loans_with_and_without_any_overdue():
    assert tables.network_loans(SPLIT, "en") == "Loans from the network's fund: 4 · overdue: –"
    late = {**SPLIT, "loans": 1_204, "overdue_loans": 2, "overdue_baht": 15_500.0}
    assert tables.network_loans(late, "en") == "Loans from the network's fund: 1,204 · overdue: 2 loan(s) · ฿15,500"


def test_the_administration_part_and_spending_beyond_it():
    assert tables.admin_boxes(SPLIT, "en") == [("Paid in", "฿30,000", None), ("Spent", "฿12,345", None),
                                               ("Left", "฿17,655", None)]
    assert tables.admin_spent(SPLIT, "en") == "Spent ฿12,345 · Left ฿17,655"
    assert tables.admin_spent(SPLIT, "th") == "ใช้ไป 12,345 บาท · คงเหลือ 17,655 บาท"
    assert tables.admin_notices(SPLIT, "en") == []
    assert tables.admin_notices({**SPLIT, "admin_left": -0.004}, "en") == []
    assert tables.admin_notices({**SPLIT, "admin_left": -250.0}, "en") == [
        ("error", "฿250 more administration money spent than was paid in", ":material/error:")]


def _events() -> pd.DataFrame:
    return pd.DataFrame({"code": ["E1", "E2", "E3", "E4", "E5"], "sales_baht": [100.0, 2_000.0, 0.0, 350.5, 49.5],
                         "place_en": ["Hall", "Temple", "School", "Market", "Field"],
                         "organiser_en": ["CDD", "BAAC", "CDD", "SAO", "CDD"]})


def test_the_markets_figures_with_the_best_seller_and_its_sales_under_it():
    events = _events()
    products = pd.DataFrame({"name_en": ["Rice *crackers*", "Honey"], "sales_baht": [1_800.0, 600.0]})
    assert tables.market_boxes(events, {"groups": 7}, "en") == [
        ("Events held", "5", None), ("Sales at all events", "฿2,500", None), ("Groups that have sold", "7", None)]
    best = tables.market_boxes(events, {"groups": 7}, "en", by_product=products)[3]
    # A product's name is data: escaped, so its asterisks are not emphasis.
    assert best == ("Best-selling product", "Rice \\*crackers\\*", None, "฿1,800")
    assert len(tables.market_boxes(events, {"groups": 7}, "en", by_product=products.head(0))) == 3


def test_one_events_figures_count_each_group_once():
    sold = pd.DataFrame({"group_code": ["G1", "G1", "G2"], "sales_baht": [120.0, 80.0, 1_000.0]})
    assert tables.event_boxes(sold, "en") == [("Sales at the event", "฿1,200", None), ("Groups selling", "2", None),
                                              ("Products sold", "3", None)]


def test_the_recent_events_keep_an_older_one_the_link_chose():
    events = _events()
    assert list(tables.recent_events(events, "E5", 2)["code"]) == ["E4", "E5"]
    assert list(tables.recent_events(events, "E1", 2)["code"]) == ["E1", "E4", "E5"]
    assert tables.event_where(events, "E2", "en") == "Temple · organised by BAAC"


def test_before_and_after_training_kind_by_kind_with_who_ran_it():
    effect = pd.DataFrame({"kind": ["social_media", "design", "social_media"], "groups": [3, 5, 4]})
    partners = pd.DataFrame({"kind": ["social_media", "social_media", "design"], "short_en": ["CDD", "DEPA", "KKU"]})
    kinds = tables.before_after_by_kind(effect, partners, "en")
    assert [heading for heading, _ in kinds] == ["**Social-media training (LINE, Facebook, website)**  \nby CDD, DEPA",
                                                 "**Product and packaging design**  \nby KKU"]
    assert [list(rows["groups"]) for _, rows in kinds] == [[3, 4], [5]]


def test_support_by_kind_named_and_summed():
    totals = pd.DataFrame({"cash": [100.0, 250.0], "in_kind": [0.0, 1_000.0]})
    assert tables.kind_totals(totals, "en") == [("cash", "Cash", "฿350"), ("in_kind", "In kind (value)", "฿1,000")]


def test_no_register_and_groups_outside_every_scheme_said_only_when_so():
    assert tables.loan_notices({"loans": 3}, "en") == []
    (level, words, _), = tables.loan_notices({"loans": 0}, "en")
    assert level == "info" and words.startswith("No loan register yet")
    assert tables.outside_notices(0, "en") == []
    assert tables.outside_notices(1_234, "en") == [
        ("info", "1,234 groups are not in a matching scheme: the 1:1 condition does not apply to them",
         ":material/info:")]


def _projection(shortfall: float = 0.0, floor: float = 10_000.0) -> funds.Projection:
    # Month m holds 10,000 + 100·m: a quarter 10,300, a year 11,200, three years 13,600.
    return funds.Projection(members=25, raised=6_250.0, asked=8_000.0, grant=8_000.0 - shortfall,
                            shortfall=shortfall, admin=2_400.0, fund_at_match=10_000.0,
                            monthly=[10_000.0 + 100 * m for m in range(37)], paid_in=[floor] * 37)


def test_the_live_start_says_the_network_as_it_is():
    live = {"villages": 1_300, "sages": 6_500, "households": 26_000, "raised": 1_234_567.0, "matched": 0.0}
    assert tables.whatif_live(live, "en") == (
        "Live data: 1,300 villages, 32,500 members, ฿1,234,567 raised by members, ฿0 matched by partners")


def test_the_what_ifs_answer_in_words_and_what_the_budget_lacks():
    assert tables.whatif_answer(_projection(), "en") == [
        "25 members raise ฿6,250 themselves and ask the partners for ฿8,000; after ฿2,400 for administration "
        "the revolving fund starts at ฿10,000, reaches ฿11,200 in a year and ฿13,600 in three years"]
    answer = tables.whatif_answer(_projection(shortfall=1_500.0), "en")
    assert answer[1] == "The partners' budget is ฿1,500 short of the ฿8,000 the match asks for"


def test_the_what_if_warns_only_when_the_fund_falls_below_what_was_paid_in():
    assert tables.whatif_notices(_projection(), "en") == []
    (level, words, icon), = tables.whatif_notices(_projection(floor=12_000.0), "en")
    assert (level, icon) == ("error", ":material/trending_down:")
    assert words.startswith("In three years the fund is down to ฿13,600, below the ฿12,000 paid into it")


def test_the_what_ifs_figures_and_steps():
    p = _projection(shortfall=1_500.0)
    assert tables.whatif_boxes(p, "en") == [
        ("Members", "25 people", None), ("Raised by members", "฿6,250", None),
        ("Grant to ask the partners for", "฿6,500", None), ("Over the partners' budget", "฿1,500", None),
        ("Administration", "฿2,400", None), ("Revolving fund at the match", "฿10,000", None)]
    assert tables.whatif_steps(p, "th") == [("ทุนหมุนเวียน: ไตรมาส", "10,300 บาท", None),
                                            ("ทุนหมุนเวียน: 1 ปี", "11,200 บาท", None),
                                            ("ทุนหมุนเวียน: 3 ปี", "13,600 บาท", None)]


def test_a_links_unusable_values_said_short_escaped_and_as_the_slider_holds_them():
    sliders = funds.sliders_for(13)
    said = tables.whatif_link_notices([
        funds.Notice("villages", "*lots*", 1, "not_a_number"),
        funds.Notice("match", "0.55", 0.6, "off_step"),
        funds.Notice("cap", "9" * 30, 5_000_000, "out_of_range")], sliders, "en")
    assert [(level, icon) for level, _, icon in said] == [("warning", ":material/link_off:")] * 3
    assert [words for _, words, _ in said] == [
        "The link's villages=\\*lots\\* is not a number, so the starting value 1 is used",
        "The link's match=0.55 is between the slider's steps, so it is rounded to 0.6",
        f"The link's cap={'9' * 24} is outside the slider's range, so 5,000,000 is used"]


def test_a_box_with_a_line_under_its_value_is_drawn_with_it():
    from samma import ui

    drawn = []

    class Row:
        def metric(self, *args, **kwargs):
            drawn.append((args, kwargs))

    ui.metrics([("Sales", "฿1", None), ("Best", "Honey", "help", "฿2")], Row())
    assert drawn == [(("Sales", "฿1"), {"help": None, "border": True}),
                     (("Best", "Honey"), {"help": "help", "border": True, "delta": "฿2", "delta_color": "off",
                                          "delta_arrow": "off"})]

