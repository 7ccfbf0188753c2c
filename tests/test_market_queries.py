"""Market figures equal plain-SQL totals on the sample."""

import pytest

from samma import queries


def test_every_view_of_sales_adds_up_to_the_same_total(sql):
    total = float(sql("SELECT sum(amount_baht) FROM sale")[0][0])
    assert queries.market_events()["sales_baht"].sum() == pytest.approx(total)
    assert queries.sales_by_group()["sales_baht"].sum() == pytest.approx(total)
    assert queries.sales_by_product()["sales_baht"].sum() == pytest.approx(total)
    assert queries.sales_by_village()["sales_baht"].sum() == pytest.approx(total)


def test_events_in_date_order_with_organiser_and_sellers(sql):
    events = queries.market_events()
    expected = sql("""SELECT e.code, o.short_th, count(DISTINCT p.group_code), sum(s.quantity)
                      FROM market_event e JOIN partner o ON o.code = e.organiser_code
                      LEFT JOIN sale s ON s.event_code = e.code
                      LEFT JOIN product p ON p.code = s.product_code
                      GROUP BY e.code, e.date, o.short_th ORDER BY e.date""")
    assert [tuple(r) for r in events[["code", "organiser_th", "groups_selling", "quantity"]]
            .itertuples(index=False)] == [(c, o, g, q) for c, o, g, q in expected]
    assert events["date"].is_monotonic_increasing


def test_one_events_view_is_that_events_sales_by_group(sql):
    event = "E5019-5"
    rows = queries.event_sales(event)
    assert rows["sales_baht"].sum() == pytest.approx(float(sql(
        "SELECT sum(amount_baht) FROM sale WHERE event_code = ?", [event])[0][0]))
    assert len(rows) == sql("SELECT count(*) FROM sale WHERE event_code = ?", [event])[0][0]
    by_group = queries.sales_by_group(event)
    assert len(by_group) == sql("""SELECT count(DISTINCT p.group_code) FROM sale s
        JOIN product p ON p.code = s.product_code WHERE s.event_code = ?""", [event])[0][0]
    assert by_group["sales_baht"].is_monotonic_decreasing
    # Groups only: no household column can reach the page.
    assert not any("household" in c for c in [*rows.columns, *by_group.columns])
    assert queries.event_sales("no-such-event").empty


def test_best_sellers_are_the_top_products_by_baht(sql):
    top = queries.best_sellers(3)
    expected = sql("SELECT product_code, sum(amount_baht) FROM sale GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3")
    assert list(top["code"]) == [r[0] for r in expected]
    assert list(top["sales_baht"]) == [float(r[1]) for r in expected]


def test_products_are_summed_across_the_groups_that_make_them(sql):
    by_product = queries.sales_by_product().set_index("name_en")
    longan = sql("""SELECT count(DISTINCT p.group_code), sum(s.amount_baht) FROM sale s
                    JOIN product p ON p.code = s.product_code WHERE p.name_en = 'Golden dried longan'""")[0]
    assert by_product.loc["Golden dried longan", "groups"] == longan[0]
    assert by_product.loc["Golden dried longan", "sales_baht"] == pytest.approx(float(longan[1]))


def test_before_and_after_training_with_the_groups_behind_each_figure(sql):
    table = queries.sales_before_after_training().set_index(["kind", "period"])
    # Each group's first social-media session (LINE, Facebook, website), computed apart.
    rows = sql("""
        WITH first AS (SELECT tg.group_code, min(t.date) AS d FROM training t
                       JOIN training_group tg ON tg.training_id = t.id
                       WHERE t.topic IN ('line', 'facebook', 'website') GROUP BY 1),
        ge AS (SELECT p.group_code, s.event_code, e.date, sum(s.amount_baht) AS baht FROM sale s
               JOIN product p ON p.code = s.product_code JOIN market_event e ON e.code = s.event_code
               GROUP BY 1, 2, 3)
        SELECT ge.date >= first.d AS after, count(DISTINCT ge.group_code), count(*), avg(ge.baht)
        FROM ge JOIN first USING (group_code) GROUP BY 1""")
    for after, groups, group_events, average in rows:
        row = table.loc[("social_media", "after" if after else "before")]
        assert (row["groups"], row["group_events"]) == (groups, group_events)
        assert row["sales_per_group_event"] == pytest.approx(float(average))
    assert set(table.index) == {(k, p) for k in ("social_media", "design") for p in ("before", "after")}


def test_top_groups_and_villages_are_the_best_sellers_by_baht(sql):
    groups = sql("""SELECT p.group_code, sum(s.amount_baht) FROM sale s JOIN product p ON p.code = s.product_code
                    GROUP BY 1 ORDER BY 2 DESC, 1""")
    villages = sql("""SELECT g.village_code, sum(s.amount_baht) FROM sale s
                      JOIN product p ON p.code = s.product_code JOIN occupation_group g ON g.code = p.group_code
                      GROUP BY 1 ORDER BY 2 DESC, 1""")
    for limit in (3, None):
        top = queries.sales_by_group(limit=limit)
        assert [(c, round(v, 2)) for c, v in zip(top["code"], top["sales_baht"])] == [
            (c, round(float(v), 2)) for c, v in groups[:limit]]
    for limit in (2, None):
        top = queries.sales_by_village(limit=limit)
        assert [(c, round(v, 2)) for c, v in zip(top["code"], top["sales_baht"])] == [
            (c, round(float(v), 2)) for c, v in villages[:limit]]
    groups, selling_villages = sql("SELECT count(DISTINCT p.group_code), count(DISTINCT g.village_code) "
                                   "FROM sale s JOIN product p ON p.code = s.product_code "
                                   "JOIN occupation_group g ON g.code = p.group_code")[0]
    assert queries.selling_counts() == {"groups": groups, "villages": selling_villages}
